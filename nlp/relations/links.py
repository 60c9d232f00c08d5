"""Relations between the entities of one document.

- :func:`cooccurrences`: entities named in one sentence, or one paragraph
  (kind ``cooccurrence``);
- :func:`actions`: verb clauses linking a doer to a target (kind ``action``,
  or ``quote`` for verbs of speech: "told Reuters", "quoting Lula");
- :func:`make_relation`: one record, classified by the verb lexicon (also
  used by :mod:`nlp.relations.eventnouns` and :mod:`nlp.relations.quotes`).

Each yields :class:`~nlp.records.Relation` records carrying the sentence they
came from as :class:`~nlp.records.Evidence`.

Example
-------
>>> from nlp.run.model import load_model
>>> from nlp.entities.sieve import extract_entities
>>> from nlp.relations.actors import Actors
>>> doc = load_model()("Peruvian police arrested Pedro Castillo.")
>>> entities, index = extract_entities(doc, "d")
>>> [(r.source, r.verb, r.target, r.agent) for r in actions(doc, "d", Clauses(Actors(doc, index, entities)))]
[('country:PE', 'arrest', 'person:pedro-castillo', 'police')]
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from nlp.relations.actors import Actor
from nlp.relations.clauses import Clauses
from nlp.entities.sieve import MentionIndex
from nlp.records import Evidence, Relation
from nlp.relations.verbs import VerbClass, lookup

#: co-occurrence windows
WINDOWS = ("sentence", "paragraph")
#: verbs whose relations are speech (kind ``quote``) beyond those the lexicon flags ``speech``
QUOTE_VERBS = frozenset({"quote", "cite", "interview"})
#: verbs that never link two actors by themselves
_SKIP_LEMMAS = frozenset({"be", "become", "seem", "appear", "remain", "include"})
#: children that make an idiom with their verb: particles and bare nouns ("take hostage")
_IDIOM_DEPS = frozenset({"prt", "dobj", "oprd", "npadvmod"})
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
#: a sentence naming more distinct entities than this is a list (a roll call, a results table,
#: a run of one-word lines parsed as one "sentence"), not prose that relates them: it gives no
#: co-occurrence edges. Sentences of the development articles name at most 7; one naming
#: 300 gave 44,850 edges, each carrying the whole sentence (a 246 MB page). A paragraph may
#: name twice as many.
MAX_NAMED_TOGETHER = {"sentence": 12, "paragraph": 24}


def evidence(doc_id: str, sent: Span, quote: str = "") -> Evidence:
    """The sentence ``sent`` as evidence, with its character offsets.

    >>> import spacy
    >>> doc = spacy.blank("en")("Peru met Chile.")
    >>> evidence("d", doc[:], quote="We met")
    Evidence(doc='d', sentence='Peru met Chile.', start=0, end=15, quote='We met')
    """
    return Evidence(doc_id, sent.text, sent.start_char, sent.end_char, quote)


def paragraphs(doc: Doc) -> list[Span]:
    """The paragraphs of a document: runs of text between line breaks.

    >>> import spacy
    >>> [p.text for p in paragraphs(spacy.blank("en")("One two.\\n\\nThree."))]
    ['One two.', 'Three.']
    """
    out: list[Span] = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(doc.text):
        span = doc.char_span(start, m.start(), alignment_mode="expand")
        if span is not None and span.text.strip():
            out.append(span)
        start = m.end()
    span = doc.char_span(start, len(doc.text), alignment_mode="expand")
    if span is not None and span.text.strip():
        out.append(span)
    return out


def cooccurrences(doc: Doc, doc_id: str, index: MentionIndex, *, window: str = "sentence") -> Iterator[Relation]:
    """One relation per pair of distinct entities named in one sentence (or paragraph).

    Pairs are sorted so that the same pair always gives the same edge; the
    graph counts the windows a pair shares as the edge's weight. A window
    naming more than :data:`MAX_NAMED_TOGETHER` entities is a list and gives
    none, so pairs grow with the text and not with the square of a list.

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("sentencizer")
    >>> doc = nlp("Peru met Chile.")
    >>> index = MentionIndex(); index.add(0, 1, "country:PE"); index.add(2, 3, "country:CL")
    >>> [(r.source, r.target, r.kind) for r in cooccurrences(doc, "d", index)]
    [('country:CL', 'country:PE', 'cooccurrence')]
    """
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {', '.join(WINDOWS)}, not {window!r}")
    spans = list(doc.sents) if window == "sentence" else paragraphs(doc)
    for span in spans:
        keys = sorted({k for i in range(span.start, span.end) if (k := index.key_of(i))})
        if len(keys) < 2:
            continue
        if len(keys) > MAX_NAMED_TOGETHER[window]:  # a list of names, not a sentence relating them
            continue
        ev = (evidence(doc_id, span),)
        for a, b in combinations(keys, 2):
            yield Relation(a, b, "cooccurrence", evidence=ev, symmetric=True)


def make_relation(src: Actor, tgt: Actor, lemma: str, *, pos: str, doc_id: str, sent: Span,
                  negated: bool = False, modality: str = "", quote: str = "",
                  symmetric: bool | None = None) -> Relation:
    """A relation record for ``src`` doing ``lemma`` to ``tgt``, classified by the verb lexicon.

    ``agent`` is the doer's agent noun ("police" of "Canadian police").

    >>> import spacy
    >>> sent = spacy.blank("en")("Peru arrested Lopez.")[:]
    >>> r = make_relation(Actor("country:PE", "police"), Actor("person:lopez"), "arrest", pos="V", doc_id="d", sent=sent)
    >>> (r.kind, r.verb, r.polarity, r.category, r.agent)
    ('action', 'arrest', 'conflict', 'arrest', 'police')
    """
    row = lookup(lemma, pos)
    verb = row.verb if row else lemma
    polarity, category = (row.polarity, row.category) if row else ("neutral", "")
    # speech proper (CAMEO 01: say, tell, quote) is a quote; "warned", "criticized" stay actions
    speech = verb in QUOTE_VERBS or (row is not None and "speech" in row.flags and row.cameo == "01")
    sym = (row is not None and "symmetric" in row.flags) if symmetric is None else symmetric
    return Relation(src.key, tgt.key, "quote" if speech else "action", verb, polarity, category,
                    (evidence(doc_id, sent, quote),), negated, modality, src.agent, sym)


def verb_entry(tok: Token) -> VerbClass | None:
    """The lexicon row of a verb token, idioms first ("take hostage", "hand over").

    Only lexicon verbs link actors, as in CAMEO coders: an unknown verb is no
    evidence of who did what to whom.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Iran", "took", "him", "hostage"], heads=[1, 1, 1, 1],
    ...           deps=["nsubj", "ROOT", "dobj", "oprd"], pos=["PROPN", "VERB", "PRON", "NOUN"],
    ...           lemmas=["Iran", "take", "he", "hostage"])
    >>> verb_entry(doc[1]).category, verb_entry(doc[0])
    ('abduct', None)
    """
    if tok.pos_ != "VERB" or tok.dep_ in ("aux", "auxpass") or tok.lemma_.lower() in _SKIP_LEMMAS:
        return None
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if c.dep_ in _IDIOM_DEPS:
            row = lookup(f"{lemma} {c.lemma_.lower()}")
            if row:
                return row
    row = lookup(lemma)
    if row is None or "support" in row.flags:
        return None  # light verbs act through their event noun (nlp.relations.eventnouns)
    if row.flags & {"intent", "negative"} and any(c.dep_ == "xcomp" for c in tok.children):
        return None  # "wants to visit": the infinitive carries the action
    return row


def actions(doc: Doc, doc_id: str, clauses: Clauses, *,
            quotes_by_cue: dict[int, tuple[str, str]] | None = None) -> Iterator[Relation]:
    """Verb clauses whose doer and target are both actors.

    ``quotes_by_cue`` maps a speech verb's token index to (speaker key, quote
    text) found by :mod:`nlp.relations.quotes`: the speaker there beats the parse, and
    the quote text goes into the evidence.
    """
    quotes_by_cue = quotes_by_cue or {}
    for tok in doc:
        row = verb_entry(tok)
        if row is None:
            continue
        subjects: Sequence[Actor] = clauses.subjects(tok)
        speaker, text = quotes_by_cue.get(tok.i, ("", ""))
        if speaker:
            subjects = (Actor(speaker),)
        subjects = clauses.who(subjects)
        if not subjects:
            continue
        lemma = row.word
        targets = clauses.who([a for a, _ in clauses.targets(tok)], places=row.category == "visit")
        negated, modality = clauses.negated(tok), clauses.modality(tok)
        sent = tok.sent
        if targets:
            for s in subjects:
                for t in targets:
                    if s.key != t.key:
                        yield make_relation(s, t, lemma, pos="V", doc_id=doc_id, sent=sent,
                                            negated=negated, modality=modality, quote=text)
        elif "symmetric" in row.flags and len({s.key for s in subjects}) > 1:
            # conjoined subjects of a symmetric verb: "Peru and Chile met"
            for s, t in combinations(subjects, 2):
                if s.key != t.key:
                    yield make_relation(s, t, lemma, pos="V", doc_id=doc_id, sent=sent,
                                        negated=negated, modality=modality)
