"""One parsed document in, one :class:`~nlp.records.Extraction` out.

Example
-------
>>> from nlp.run.model import load_model
>>> from nlp.records import Document
>>> nlp = load_model()
>>> doc = Document("d1", "Reuters reported that Germany sanctioned Iran.")
>>> ex = extract(nlp(doc.text), doc)
>>> sorted(e.type for e in ex.entities)
['country', 'country', 'outlet']
>>> sorted((r.source, r.verb, r.target) for r in ex.relations if r.kind == "action")
[('country:DE', 'sanction', 'country:IR')]
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from nlp.relations.actors import Actors
from nlp.relations.clauses import Clauses
from nlp.entities.sieve import MentionIndex, extract_entities
from nlp.relations.eventnouns import event_relations
from nlp.relations.quotes import find_quotes, quote_relations, with_quote_text
from nlp.passes import Pass, enabled
from nlp.records import Document, Entity, Extraction, Relation
from nlp.relations.links import WINDOWS, actions, cooccurrences

#: bump when extraction output changes, so cached extractions are redone
EXTRACTOR_VERSION = "2"


@dataclass
class RelationContext:
    """What every relation pass reads: the parsed document, its entities and its quotes."""

    doc: Doc
    doc_id: str
    index: MentionIndex
    clauses: Clauses
    quotes: list
    window: str


def _cooccurrence_pass(cx: RelationContext) -> list[Relation]:
    """Entities named in one sentence (or paragraph) are linked, with no verb and no direction."""
    return list(cooccurrences(cx.doc, cx.doc_id, cx.index, window=cx.window))


def _verb_pass(cx: RelationContext) -> list[Relation]:
    """A lexicon verb whose doer and target are actors links them ("police arrested Meng")."""
    by_cue = {q.cue_i: (q.speaker, q.text) for q in cx.quotes if q.cue_i >= 0 and q.speaker}
    return list(actions(cx.doc, cx.doc_id, cx.clauses, quotes_by_cue=by_cue))


def _event_noun_pass(cx: RelationContext) -> list[Relation]:
    """An event noun links its owner and object ("Trump's arrest of Maduro", "talks with Peru")."""
    return list(event_relations(cx.doc, cx.doc_id, cx.clauses))


def _speech_pass(cx: RelationContext) -> list[Relation]:
    """Speech to and from outlets: "told Reuters", "the Global Times quoted Ceolin"."""
    return list(quote_relations(cx.doc, cx.doc_id, cx.clauses, cx.quotes))


#: the relation step, in order; each pass returns relation records, verb-based ones get their quote's words
RELATION_PASSES: tuple[Pass, ...] = (
    Pass("cooccurrence", _cooccurrence_pass, "entities named in one sentence or paragraph"),
    Pass("verbs", _verb_pass, "doer -verb-> target through the clause reader"),
    Pass("event_nouns", _event_noun_pass, "doer -event noun-> target"),
    Pass("speech", _speech_pass, "quote links to and from outlets"),
)


def document_relations(doc: Doc, doc_id: str, index: MentionIndex, entities: Sequence[Entity], *,
                       window: str = "sentence") -> list[Relation]:
    """Co-occurrences, verb actions, event-noun actions and quotes of one document.

    >>> from nlp.run.model import load_model
    >>> doc = load_model()("Chile and Peru held talks.")
    >>> entities, index = extract_entities(doc, "d")
    >>> sorted((r.kind, r.verb, r.symmetric) for r in document_relations(doc, "d", index, entities))
    [('action', 'talk', True), ('cooccurrence', '', True)]
    """
    clauses = Clauses(Actors(doc, index, entities))
    cx = RelationContext(doc, doc_id, index, clauses, find_quotes(doc, clauses), window)
    plain: list[Relation] = []
    worded: list[Relation] = []
    for p in RELATION_PASSES:
        if enabled(p):
            (plain if p.name == "cooccurrence" else worded).extend(p.run(cx))
    return [*plain, *with_quote_text(worded, cx.quotes)]


def extract(doc: Doc, document: Document, *, window: str = "sentence") -> Extraction:
    """Entities and relations of one parsed document, as plain records.

    ``window`` is where co-occurrence is counted: ``"sentence"`` or ``"paragraph"``.
    """
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {', '.join(WINDOWS)}, not {window!r}")
    entities, index = extract_entities(doc, document.id)
    relations = document_relations(doc, document.id, index, entities, window=window)
    meta = tuple((k, getattr(document, k)) for k in ("title", "date", "url", "source") if getattr(document, k))
    return Extraction(document.id, tuple(entities), tuple(relations), meta, count_words(doc))


def count_words(doc: Doc) -> int:
    """Tokens that are neither punctuation nor white space, read as two flag columns (no Token built).

    >>> import spacy
    >>> count_words(spacy.blank("en")("Lima, Peru  -- said: yes."))
    4
    """
    if not len(doc):
        return 0
    flags = doc.to_array(["IS_SPACE", "IS_PUNCT"])
    return int((flags.sum(axis=1) == 0).sum())
