"""Run extraction over a stream of documents with ``nlp.pipe``.

Only plain records stay in memory: each ``Doc`` is turned into an
:class:`~nlp.records.Extraction` as soon as it is parsed and then dropped.

Example
-------
>>> from nlp.records import Document
>>> exs = list(extract_documents([Document("d1", "Reuters visited Paris.")]))
>>> exs[0].doc
'd1'
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from nlp.extract import extract
from nlp.model import load_model
from nlp.records import Document, Extraction


def extract_documents(documents: Iterable[Document], nlp: Language | None = None, *,
                      batch_size: int = 32, n_process: int = 1) -> Iterator[Extraction]:
    """Parse documents in batches and yield one Extraction per document, in order."""
    nlp = nlp or load_model()
    # spaCy's max_length guards memory; long documents are parsed in pieces by
    # the reader, never by raising the limit here.
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield extract(doc, document)
