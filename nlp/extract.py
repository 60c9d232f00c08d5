"""One parsed document in, one :class:`~nlp.records.Extraction` out.

Example
-------
>>> from nlp.model import load_model
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

from spacy.tokens import Doc

from nlp.actors import Actors
from nlp.clauses import Clauses
from nlp.entities import MentionIndex, extract_entities
from nlp.eventnouns import event_relations
from nlp.quotes import find_quotes, quote_relations, with_quote_text
from nlp.records import Document, Entity, Extraction, Relation
from nlp.relations import WINDOWS, actions, cooccurrences

#: bump when extraction output changes, so cached extractions are redone
EXTRACTOR_VERSION = "2"


def document_relations(doc: Doc, doc_id: str, index: MentionIndex, entities: Sequence[Entity], *,
                       window: str = "sentence") -> list[Relation]:
    """Co-occurrences, verb actions, event-noun actions and quotes of one document.

    >>> from nlp.model import load_model
    >>> doc = load_model()("Chile and Peru held talks.")
    >>> entities, index = extract_entities(doc, "d")
    >>> sorted((r.kind, r.verb, r.symmetric) for r in document_relations(doc, "d", index, entities))
    [('action', 'talk', True), ('cooccurrence', '', True)]
    """
    clauses = Clauses(Actors(doc, index, entities))
    quotes = find_quotes(doc, clauses)
    by_cue = {q.cue_i: (q.speaker, q.text) for q in quotes if q.cue_i >= 0 and q.speaker}
    return [
        *cooccurrences(doc, doc_id, index, window=window),
        *with_quote_text([*actions(doc, doc_id, clauses, quotes_by_cue=by_cue),
                          *event_relations(doc, doc_id, clauses),
                          *quote_relations(doc, doc_id, clauses, quotes)], quotes),
    ]


def extract(doc: Doc, document: Document, *, window: str = "sentence") -> Extraction:
    """Entities and relations of one parsed document, as plain records.

    ``window`` is where co-occurrence is counted: ``"sentence"`` or ``"paragraph"``.
    """
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {', '.join(WINDOWS)}, not {window!r}")
    entities, index = extract_entities(doc, document.id)
    relations = document_relations(doc, document.id, index, entities, window=window)
    meta = tuple((k, getattr(document, k)) for k in ("title", "date", "url", "source") if getattr(document, k))
    words = sum(1 for t in doc if not t.is_space and not t.is_punct)
    return Extraction(document.id, tuple(entities), tuple(relations), meta, words)
