"""newsgraph's language side: text in, plain records out.

Nothing here hands a spaCy ``Doc`` or ``Span`` to the outside: every result is
a frozen dataclass from :mod:`nlp.records` with character offsets into the
document text, so results pickle across processes and Dask workers.
"""
from nlp.records import Document, Entity, Evidence, Extraction, Mention, Quote, Relation

__all__ = ["Document", "Entity", "Evidence", "Extraction", "Mention", "Quote", "Relation"]
__version__ = "0.1.0"
