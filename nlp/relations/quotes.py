"""Direct quotes and who said them; speech relations that name a source.

:func:`find_quotes` finds quoted passages (“...” or "...", three words or
more) and their speaker:

- a speech verb just after the quote: "“...,” Lula said", "“...,” said Lula";
- a speech verb before it whose clause holds the quote: "Lula told Le Monde
  that “...”", "Lula said: “...”";
- a name introducing it with a colon or a dash, or following it after a
  dash: "Lula: “...”", "“...” — Lula";
- a pronoun speaker ("“...,” he said") is the last speaker named in an
  earlier quote of the document, unless another person has been a subject
  since that quote: then the pronoun's antecedent, and no speaker when the
  pronoun has no confident one.

:func:`quote_relations` links a speaker to the outlet named by "according to
OUTLET" (kind ``quote``, verb ``tell``), the quote text kept in the evidence;
:func:`with_quote_text` puts a speaker's quote into the evidence of the other
speech relations of its sentence.
"told OUTLET", "quoting X" and "in an interview with OUTLET" are verb and
event-noun relations (:mod:`nlp.relations.links`, :mod:`nlp.relations.eventnouns`) whose
speech verbs give them kind ``quote``.

Example
-------
>>> from nlp.run.model import load_model
>>> from nlp.entities.sieve import extract_entities
>>> from nlp.relations.actors import Actors
>>> from nlp.relations.clauses import Clauses
>>> doc = load_model()("“We will not sign this deal today,” Angela Merkel said.")
>>> entities, index = extract_entities(doc, "d")
>>> [(q.speaker, q.cue, q.text) for q in find_quotes(doc, Clauses(Actors(doc, index, entities)))]
[('person:angela-merkel', 'say', 'We will not sign this deal today')]
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from nlp.relations.actors import Actor
from nlp.relations.clauses import Clauses
from nlp.records import Relation
from nlp.relations.links import make_relation
from nlp.relations.verbs import has_flag

QUOTE_RE = re.compile(r"[“\"]([^“”\"\n]+)[”\"]")
#: fewer words than this inside the marks is a scare quote ("tone"), not speech
MIN_WORDS = 3
#: how far (tokens) a speech verb may follow the closing mark
CUE_AFTER = 6
DASHES = frozenset({"—", "–", "-", "--"})


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted passage, its speaker key ("" when unknown) and the verb that cues it."""

    text: str
    start: int  # character offsets of the passage, marks included
    end: int
    speaker: str = ""
    cue: str = ""
    cue_i: int = -1  # token index of the cue verb, -1 when none


def _speech(tok: Token) -> bool:
    return tok.pos_ == "VERB" and has_flag(tok.lemma_, "speech")


def _cue_after(doc: Doc, span: Span, text: str) -> Token | None:
    """A speech verb right after the quote, in its sentence or after a quote ending in a comma."""
    last_sent = doc[span.end - 1].sent
    open_end = text.rstrip().endswith((",", "?", "!", "—"))
    for tok in doc[span.end:span.end + CUE_AFTER]:
        if tok.text in ("“", '"'):
            return None
        if tok.sent != last_sent and not open_end:
            return None  # "“...elections.” Sunak blasted ...": a new sentence, not an attribution
        if _speech(tok):
            return tok
    return None


def _cue_before(doc: Doc, span: Span) -> Token | None:
    """A speech verb before the quote whose complement the quote is ("said: “...”", "told X that “...”")."""
    sent = doc[span.start].sent
    governors = {t.head.i for t in span if not t.is_punct and not span.start <= t.head.i < span.end}
    for tok in reversed(doc[sent.start:span.start]):
        if _speech(tok) and tok.i in governors:
            return tok
    return None


def _named_by_punct(doc: Doc, span: Span, clauses: Clauses) -> list[Actor]:
    """"Lula: “...”", "Lula — “...”", "“...” — Lula"."""
    before = span.start - 1
    if before >= 1 and doc[before].text in {":"} | DASHES:
        found = clauses.actors.of(doc[before - 1])
        if found and clauses.actors.index.key_of(doc[before - 1].i):
            return list(found)
    after = span.end
    if after + 1 < len(doc) and doc[after].text in DASHES:
        key = clauses.actors.index.key_of(doc[after + 1].i)
        if key:
            return [Actor(key)]
    return []


def find_quotes(doc: Doc, clauses: Clauses) -> list[Quote]:
    """Every direct quote of the document with its speaker, in text order."""
    out: list[Quote] = []
    last_named, last_end = "", 0
    for m in QUOTE_RE.finditer(doc.text):
        text = m.group(1).strip()
        if len(text.split()) < MIN_WORDS:
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        cue = _cue_after(doc, span, text) or _cue_before(doc, span)
        speakers: list[Actor] = []
        named = True
        if cue is not None:
            subj = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].pos_ == "PRON" and last_named:
                # "“...,” he said": the last named speaker, unless another person has been
                # the subject of a sentence since; then the pronoun's antecedent or nobody
                pronouns = clauses.actors.pronouns
                others = pronouns.subjects_between(last_end, cue.i, "person") - {last_named}
                found = [Actor(k) for k in pronouns.resolve(subj[0], skip=(span.start, span.end))] if others else []
                speakers, named = (found if others else [Actor(last_named)]), False
            else:
                speakers = list(clauses.subjects(cue))
                named = not (subj and subj[0].pos_ == "PRON")
        if not speakers:
            speakers = _named_by_punct(doc, span, clauses)
        speaker = speakers[0].key if len(speakers) == 1 else ""
        if speaker and named:
            last_named = speaker
        if speaker:
            last_end = span.end
        out.append(Quote(text.rstrip(" ,"), m.start(), m.end(), speaker, cue.lemma_.lower() if cue is not None else "",
                         cue.i if cue is not None else -1))
    return out


def quote_relations(doc: Doc, doc_id: str, clauses: Clauses, quotes: Sequence[Quote]) -> Iterator[Relation]:
    """"according to OUTLET": the sentence's speaker -> the outlet (kind ``quote``).

    >>> from nlp.run.model import load_model
    >>> from nlp.entities.sieve import extract_entities
    >>> from nlp.relations.actors import Actors
    >>> doc = load_model()("According to Reuters, Angela Merkel said Germany would help.")
    >>> entities, index = extract_entities(doc, "d")
    >>> clauses = Clauses(Actors(doc, index, entities))
    >>> [(r.source, r.verb, r.target, r.kind) for r in quote_relations(doc, "d", clauses, find_quotes(doc, clauses))]
    [('person:angela-merkel', 'tell', 'outlet:reuters', 'quote')]
    """
    for tok in doc:
        if tok.lower_ != "according":
            continue
        sources = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                   for g in c.children if g.dep_ == "pobj" for a in clauses.phrase(g)]
        if not sources:
            continue
        sent = tok.sent
        inside = [q for q in quotes if q.speaker and sent.start_char <= q.start < sent.end_char]
        if inside:
            speakers, text = [Actor(inside[0].speaker)], inside[0].text
        else:
            root = sent.root
            speakers = list(clauses.subjects(root)) if _speech(root) else []
            text = ""
        for s in speakers:
            for t in sources:
                if s.key != t.key:
                    yield make_relation(s, t, "tell", pos="V", doc_id=doc_id, sent=sent, quote=text)


def with_quote_text(relations: Iterable[Relation], quotes: Sequence[Quote]) -> list[Relation]:
    """Speech relations with the words of their speaker's quote in the same sentence as evidence.

    "Le Monde quoted Lula as saying “...”" and "in an interview with the BBC,
    Lula said: “...”" keep the quote on the outlet edge.

    >>> from nlp.records import Evidence
    >>> r = Relation("outlet:le-monde", "person:lula", "quote", "quote", evidence=(Evidence("d", "s", 0, 40),))
    >>> with_quote_text([r], [Quote("We will win", 20, 33, "person:lula", "say", 9)])[0].evidence[0].quote
    'We will win'
    """
    out: list[Relation] = []
    for r in relations:
        if r.kind == "quote" and quotes and not any(ev.quote for ev in r.evidence):
            evidence = tuple(
                next((replace(ev, quote=q.text) for q in quotes
                      if q.speaker in (r.source, r.target) and ev.start <= q.start < ev.end), ev)
                for ev in r.evidence)
            r = replace(r, evidence=evidence)
        out.append(r)
    return out
