"""The entity step's working record: one candidate name, and the context every entity pass reads.

:func:`model_candidates` makes the first candidates of a document (the
model's names, trimmed, and the outlets of the lexicon); the passes of
:data:`nlp.entities.sieve.ENTITY_PASSES` then type, join, add and drop
candidates through an :class:`EntityContext`, and the sieve clusters what
is left into entities. The passes and the sieve both import this module;
it imports neither.

>>> import spacy
>>> from spacy.tokens import Doc, Span
>>> doc = Doc(spacy.blank("en").vocab, words=["the", "Associated", "Press", "said", "."])
>>> doc.ents = [Span(doc, 0, 3, "ORG")]
>>> [(c.start, c.end, c.text) for c in model_candidates(doc)]
[(1, 3, 'Associated Press')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from nlp import lexicons
from nlp.entities import countries
from nlp.entities.outlets import find_outlets
from nlp.entities.roles import HONORIFICS, Role
from nlp.entities.spans import model_spans
from nlp.mentions import slug


#: model labels that can be entities of the graph
LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
#: labels of places; a name with one of them that no gazetteer knows may be a mislabelled person
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
#: Penn tags of a plural common noun
_COMMON_PLURAL_TAGS = frozenset({"NNS"})
#: what ends a name's surface: a possessive, or a parenthesis left open
_POSSESSIVE = re.compile(r"(?:['\u2019]s?|\s*\()$")
#: tokens trimmed from the end of an entity ("Macron 's", "Reuters (")
_TRIM_END = frozenset({"'s", "\u2019s", "'", "\u2019", "(", ")", ",", "-", "\u2014", ":", ";"})
#: tokens trimmed from the start of an entity ("the", an open parenthesis or quote, a dash)
TRIM_START = frozenset({"the", "(", "-", "\u2014", "\"", "\u201c"})


def clean_surface(text: str) -> str:
    """Drop a leading "the", a possessive and a dangling parenthesis.

    >>> clean_surface("the Associated Press (")
    'Associated Press'
    >>> clean_surface("Macron\u2019s")
    'Macron'
    >>> clean_surface("Windsor Castle."), clean_surface("the U.S.")
    ('Windsor Castle', 'U.S.')
    """
    s = " ".join(text.split())
    while True:
        t = _POSSESSIVE.sub("", s).strip()
        if t == s:
            break
        s = t
    if s.lower().startswith("the "):
        s = s[4:]
    s = s.strip(" -—,;:\"“”")
    last = s.split()[-1] if s else ""
    if last.endswith(".") and "." not in last[:-1] and sum(ch.islower() for ch in last) >= 3:
        s = s[:-1]                                  # "Windsor Castle." at a sentence's end; "U.S." and "Jr." stay
    return s


@dataclass
class Candidate:
    """One name in the text while it is being typed and resolved."""

    start: int                 # tokens of the name itself
    end: int
    label: str                 # the model's label, or "OUTLET"
    text: str
    ent_start: int             # where the model's entity began (title words included)
    type: str = ""
    key: str = ""
    roles: list[Role] = field(default_factory=list)
    dropped: bool = False
    linked: bool = True        # False: a mention only (headline, dateline, byline, table row): it links nothing
    official: bool = False     # a known office holder (nlp.entities.officials), whatever the text calls them
    private: bool = False      # the text's role is an officer's of a private body ("Air France chairman")


@dataclass
class EntityContext:
    """What every entity pass reads and corrects: one document and its candidate names.

    A pass is ``run(cx)``: it changes the candidates in place (types, keys,
    flags, spans; new candidates appended, the list kept in text order) and
    returns nothing. ``references`` are the extra index spans ``(start, end,
    key)`` the reference passes find ("the paper" for the outlet named just
    before it); the sieve adds them to the index after the candidates.

    >>> import spacy
    >>> cx = EntityContext(spacy.blank("en")("Lopes said."), [])
    >>> cx.cands, cx.references
    ([], [])
    """

    doc: Doc
    cands: list[Candidate]
    references: list[tuple[int, int, str]] = field(default_factory=list)

    def final(self) -> list[Candidate]:
        """The candidates that become mentions: not dropped, typed and keyed.

        >>> import spacy
        >>> kept = Candidate(0, 1, "PERSON", "Lopes", 0, "person", "person:lopes")
        >>> cx = EntityContext(spacy.blank("en")("Lopes said"), [kept, Candidate(1, 2, "ORG", "said", 1)])
        >>> [c.text for c in cx.final()]
        ['Lopes']
        """
        return [c for c in self.cands if not c.dropped and c.type and c.key]


#: month names and their short forms, which open no organisation's or place's name ("May", "March" and
#: "Jan" are also words and names: "May Department Stores")
_MONTHS = frozenset({"january", "february", "april", "june", "july", "august", "september",
                     "october", "november", "december", "feb", "apr", "jun", "jul", "aug", "sep",
                     "sept", "oct", "nov", "dec"})

#: lower-case nouns after a place's name that say what kind of area it is ("Jiangsu province")
_AREA_TAILS = frozenset({"province", "region", "state", "district", "county", "prefecture", "governorate",
                         "oblast", "canton", "department", "municipality", "island", "islands"})


def trim_name(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """The name inside an entity: no "the", possessive, parenthesis, honorific or title.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> trim_name(nlp("the Reuters ("), 0, 3, "ORG"), trim_name(nlp("Mr. Ana Lopes"), 0, 3, "PERSON")
    ((1, 2), (1, 3))
    """
    while end > start and doc[end - 1].text in _TRIM_END:
        end -= 1
    while start < end and (doc[start].lower_ in TRIM_START or doc[start].lower_ in HONORIFICS):
        start += 1
    if label != "PERSON" and end - start > 1 and doc[start].is_title and doc[start].lower_.rstrip(".") in _MONTHS:
        start += 1                            # "the September Treasury bond future": a contract month, no name
    if label in ("GPE", "LOC") and end - start > 1 and doc[end - 1].is_lower and doc[end - 1].lower_ in _AREA_TAILS:
        end -= 1                              # "Jiangsu province": the name is "Jiangsu", the noun says what it is
    if label == "PERSON":
        changed = True
        while changed and end - start > 1:
            changed = False
            for n in (3, 2, 1):
                if end - start > n:
                    hit = lexicons.role_match([t.text for t in doc[start:start + n]])
                    if hit and hit[0] == n:
                        start += n
                        changed = True
                        break
            while start < end - 1 and doc[start].lower_ in HONORIFICS:
                start += 1
                changed = True
    return start, end


def model_candidates(doc: Doc) -> list[Candidate]:
    """Model entities and outlets, trimmed to their names, in text order."""
    outlets = find_outlets(doc)
    taken = {i for o in outlets for i in range(o.start, o.end)}
    cands = [Candidate(o.start, o.end, "OUTLET", o.name, o.start, "outlet", f"outlet:{slug(o.name)}")
             for o in outlets]
    for ent_start, ent_end, label, title_start in model_spans(doc, LABELS):
        if not taken.isdisjoint(range(ent_start, ent_end)):
            continue
        start, end = trim_name(doc, ent_start, ent_end, label)
        text = clean_surface(doc[start:end].text) if end > start else ""
        if not any(c.isalpha() for c in text):
            continue
        if not any(c.isupper() for c in text) and not countries.lookup(text):
            continue                          # "naira", "the euro": a common word the model tagged
        if end - start == 1 and label != "PERSON" and doc[start].tag_ in _COMMON_PLURAL_TAGS \
                and doc[start].lemma_.lower() != doc[start].lower_ and not countries.lookup(text):
            continue                          # "Juntas in Mali ...": a capitalised plural noun, no name
        cands.append(Candidate(start, end, label, text, min(title_start, ent_start)))
    return sorted(cands, key=lambda c: c.start)


def owner_of(at: dict[int, Candidate], span: tuple[int, int]) -> Candidate | None:
    """The candidate that covers any token of ``span``.

    >>> c = Candidate(2, 4, "PERSON", "Ana Lopes", 2)
    >>> owner_of({2: c, 3: c}, (3, 5)) is c, owner_of({2: c, 3: c}, (0, 2))
    (True, None)
    """
    return next((at[i] for i in range(*span) if i in at), None)


def replace_overlapping(cands: list[Candidate], new: Candidate) -> None:
    """Put ``new`` in place of every candidate that overlaps it.

    >>> cands = [Candidate(0, 2, "GPE", "LIMA Peru", 0)]
    >>> replace_overlapping(cands, Candidate(0, 1, "GPE", "Lima", 0))
    >>> [(c.text, c.dropped) for c in cands]
    [('LIMA Peru', True), ('Lima', False)]
    """
    for c in cands:
        if c.start < new.end and new.start < c.end:
            c.dropped = True
    cands.append(new)
