"""Repair the model's entity spans before they are typed.

The small model cuts and glues names in a few regular ways; each repair
works on token offsets and yields ``(start, end, label, title_start)``:

- a hyphenated given name cut short ("Moon Jae" of "Moon Jae-in") is
  extended over the hyphen, and a name cut after a particle ("Ursula von
  der") over the family name;
- a possessive phrase ("Söder's party") keeps only its owner;
- a title swallowed into a name ("Bavaria Premier Markus Söder" as one
  organisation) is split into the office's owner (a place, or an
  organisation for non-political roles), the title, and a person.

Example
-------
>>> import spacy
>>> from spacy.tokens import Doc
>>> words = ["Bavaria", "Premier", "Markus", "Weber", "met", "Moon", "Jae", "-", "in", "."]
>>> doc = Doc(spacy.blank("en").vocab, words=words, spaces=[1, 1, 1, 1, 1, 1, 0, 0, 0, 0],
...           pos=["PROPN"] * 4 + ["VERB"] + ["PROPN"] * 2 + ["PUNCT", "PROPN", "PUNCT"],
...           ents=["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O"])
>>> [(doc[s:e].text, label) for s, e, label, _ in model_spans(doc, {"ORG", "PERSON"})]
[('Bavaria', 'GPE'), ('Markus Weber', 'PERSON'), ('Moon Jae-in', 'PERSON')]
"""
from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from spacy.tokens import Doc

from nlp import lexicons
from nlp.entities import countries
from nlp.entities.places import is_known_place
from nlp.entities.roles import HONORIFICS
from nlp.scan import model_ents

_POSSESSIVE = frozenset({"'s", "\u2019s"})
#: what joins the figures of a score ("2 - 1", "4:28")
_SCORE_JOINERS = frozenset({"-", ":", "/"})
#: a score or a range of figures in a results row ("2-1", "4-28", "108-3", "6-4")
_SCORE = re.compile(r"^\d+(?:[-/:.]\d+)+$")
#: dashes that separate a dateline from the story when written with spaces around them
_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})
#: lower-case particles inside personal names ("Ursula von der Leyen", "Pieter de Vries")
NAME_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "di", "du", "del", "della", "dello", "van", "von", "der",
                            "den", "ter", "la", "le", "al", "el", "bin", "ibn", "ben", "wa"})
#: longest name left after a title is split off ("Luiz Inacio Lula da Silva")
MAX_NAME = 5


def _extend_hyphen(doc: Doc, end: int) -> int:
    """Extend a name over "-in" of "Jae-in" when the hyphen has no spaces."""
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    return end


def _extend_particle(doc: Doc, end: int) -> int:
    """Extend a name cut after a particle ("Ursula von der" + "Leyen") or before one ("Kengo" + "wa Dondo",
    the model tagging the family name apart)."""
    if end + 1 < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end].is_lower \
            and doc[end + 1].pos_ == "PROPN" and doc[end + 1].is_title:
        end += 1
    if doc[end - 1].lower_ in NAME_PARTICLES:
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
            if doc[end - 1].lower_ not in NAME_PARTICLES:
                break
    return end


def _particle_before(doc: Doc, start: int, consumed: int, labels: Collection[str]) -> int:
    """Start of a name the model cut after a particle's first word ("Maarten den" + "Bakker", "Gazzetta
    dello" + "Sport"): one capitalised proper noun no entity holds, then a lower-case particle. A title or an
    honorific before the particle is no part of the name ("President de Klerk")."""
    if start - 2 < consumed or doc[start - 1].lower_ not in NAME_PARTICLES or not doc[start - 1].is_lower:
        return start
    first = doc[start - 2]
    if first.pos_ != "PROPN" or not first.is_title or first.ent_type_ in labels \
            or lexicons.role_match([first.text]) is not None or first.lower_ in HONORIFICS:
        return start
    return start - 2


def _title_split(doc: Doc, start: int, end: int, label: str) -> tuple[int, int, str] | None:
    """(title start, name start, title kind) when a title sits inside the span.

    Outside a PERSON span the name must have two words: "General Motors" is
    a company, "General Ana Lopes" a person.
    """
    shortest = 1 if label == "PERSON" else 2
    # the name after the title has at most MAX_NAME words and a role at most three: only the span's
    # last few tokens can hold one, so a 300,000-token "entity" (a URL) costs what a short one does
    for i in range(max(start, end - 1 - MAX_NAME), end - shortest):
        hit = lexicons.role_match([t.text for t in doc[max(start, i - 2):i + 1]])
        if hit is None:
            continue
        name = doc[i + 1:end]
        if not 0 < len(name) <= MAX_NAME or lexicons.has_org_head(name.text) \
                or lexicons.role_match([name[0].text]) is not None:
            continue
        if all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name):
            return i + 1 - hit[0], i + 1, hit[1]
    return None


def _is_score(tok) -> bool:
    """A number or a score inside a name's span: "63" of "G. Kersey 63", "2-1", "4-28", "108-3";
    a number word is part of a name ("Group of Seven")."""
    return tok.like_num and any(ch.isdigit() for ch in tok.text) or bool(_SCORE.match(tok.text))


def _breaks_line(doc: Doc, i: int) -> bool:
    """Token ``i`` ends a line: a line break follows it, in its whitespace or as a space token."""
    return "\n" in doc[i].whitespace_ or i + 1 < len(doc) and doc[i + 1].is_space and "\n" in doc[i + 1].text


def _unscored(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A span without the numbers and scores a results row glued to it ("Durham 114", "64 Bob Estes")."""
    while end > start + 1 and (_is_score(doc[end - 1]) or doc[end - 1].is_space
                               or doc[end - 1].text in _SCORE_JOINERS and _is_score(doc[end - 2])):
        end -= 1                                   # "Lithuania 2-1" is tokenised "2", "-", "1"
    while start < end - 1 and (_is_score(doc[start]) or doc[start].is_space):
        start += 1
    return start, end


def _dash_pieces(doc: Doc, labels: Collection[str]) -> Iterator[tuple[int, int, str]]:
    """The model's entities with ``labels``, cut at a spaced dash ("NEW DELHI - Pakistan" of a dateline),
    at a line break ("Ken\\nGreen" of two table rows) and at a bracket the entity opens but does not close
    ("Ana Ruiz (Peru" of "Ana Ruiz (Peru) 51.98"), without the scores of a results row."""
    for ent_start, ent_end, label in model_ents(doc):
        if label not in labels:
            continue
        start = ent_start
        for t in doc[ent_start:ent_end]:
            if t.text in _DASHES and t.i > start and doc[t.i - 1].whitespace_ and t.whitespace_:
                if any(not _is_score(x) for x in doc[start:t.i]):
                    yield (*_unscored(doc, start, t.i), label)
                start = t.i + 1
            elif t.text == "(" and t.i > start and not any(x.text == ")" for x in doc[t.i:ent_end]):
                if any(not _is_score(x) for x in doc[start:t.i]):    # "Ana Ruiz (Peru", "Long Form (LF":
                    yield (*_unscored(doc, start, t.i), label)       # the model stopped before ")", so
                start = t.i + 1                                      # the name and what it adds are two
            elif t.i + 1 < ent_end and _breaks_line(doc, t.i):
                if any(not _is_score(x) and not x.is_space for x in doc[start:t.i + 1]):
                    yield (*_unscored(doc, start, t.i + 1), label)
                start = t.i + 1
        while start < ent_end and doc[start].is_space:
            start += 1
        if start < ent_end and any(not _is_score(x) for x in doc[start:ent_end]):
            yield (*_unscored(doc, start, ent_end), label)


def _name_after_title(doc: Doc, start: int, end: int) -> int | None:
    """End of an untagged name right after a span that is only a title ("Field Marshal" + "Asim Munir")."""
    hit = lexicons.role_match([t.text for t in doc[start:end]])
    if hit is None or hit[0] != end - start:
        return None
    stop = end
    while stop < len(doc) and stop - end < MAX_NAME and doc[stop].ent_iob_ == "O" \
            and doc[stop].pos_ == "PROPN" and doc[stop].is_title:
        stop += 1
    return stop if stop > end else None


def _owner_label(text: str, kind: str) -> str:
    """Label of the words before a title: a place for offices, else an organisation."""
    if countries.lookup(text) or is_known_place(text):
        return "GPE"
    if lexicons.has_org_head(text):
        return "ORG"
    return "GPE" if kind == "official" else "ORG"


def model_spans(doc: Doc, labels: Collection[str]) -> Iterator[tuple[int, int, str, int]]:
    """The model's entities with ``labels``, repaired: ``(start, end, label, title_start)``.

    ``title_start`` is where a title split off a person's name began (the
    name's start when there was none).
    """
    consumed = 0
    for start, end, label in _dash_pieces(doc, labels):
        if start < consumed:
            continue
        start = _particle_before(doc, start, consumed, labels)
        if label == "PERSON":
            end = _extend_particle(doc, _extend_hyphen(doc, end))
            consumed = end
        name_end = _name_after_title(doc, start, end)
        if name_end is not None:
            consumed = name_end                # "Field Marshal" tagged alone before "Asim Munir"
            yield end, name_end, "PERSON", start
            continue
        poss = next((t.i for t in doc[start + 1:end - 1] if t.text in _POSSESSIVE), None)
        if poss is not None and all(not t.is_alpha or t.is_lower for t in doc[poss + 1:end]):
            end = poss                        # "Söder's party": the owner is the name
        split = _title_split(doc, start, end, label)
        if split is None:
            yield start, end, label, start
            continue
        title_start, name_start, kind = split
        owner = doc[start:title_start]
        if title_start > start and not lexicons.is_portfolio(owner.text):
            yield start, title_start, _owner_label(owner.text, kind), start
        yield name_start, _extend_hyphen(doc, end), "PERSON", title_start
