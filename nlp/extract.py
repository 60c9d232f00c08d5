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
"""
from __future__ import annotations

from spacy.tokens import Doc

from nlp.entities import extract_entities
from nlp.records import Document, Extraction
from nlp.relations import actions, cooccurrences

#: bump when extraction output changes, so cached extractions are redone
EXTRACTOR_VERSION = "1"


def extract(doc: Doc, document: Document, *, window: str = "sentence") -> Extraction:
    """Entities and relations of one parsed document, as plain records."""
    entities, index = extract_entities(doc, document.id)
    relations = [*cooccurrences(doc, document.id, index), *actions(doc, document.id, index)]
    meta = tuple((k, getattr(document, k)) for k in ("title", "date", "url", "source") if getattr(document, k))
    words = sum(1 for t in doc if not t.is_space and not t.is_punct)
    return Extraction(document.id, tuple(entities), tuple(relations), meta, words)
