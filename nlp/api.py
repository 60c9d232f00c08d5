"""The Python API for notebooks and scripts: texts or paths in, graph out.

Example
-------
>>> G = build(["Reuters reported that France and Germany met in Berlin."])
>>> sorted(G.nodes[n]["type"] for n in G)       # "in Berlin": the city, a place
['country', 'country', 'outlet', 'place']
"""
from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from graph.build import build_graph
from nlp.run.model import load_model, model_id
from nlp.run.pipeline import extract_documents
from nlp.reading.reader import SUFFIXES, read_inputs
from nlp.reading.errors import Skip
from nlp.records import Document, Extraction
from nlp.entities.resolve import merge


def _is_path(item: object) -> bool:
    """A Path, an existing path, or a string shaped like one ("news/", "a.txt"): not article text."""
    if isinstance(item, Path):
        return True
    if not isinstance(item, str) or len(item) > 4096 or "\n" in item:
        return False
    shaped = not any(c.isspace() for c in item) and ("/" in item or Path(item).suffix in (*SUFFIXES, ".html", ".htm"))
    return shaped or Path(item).exists()


def documents_from(items: Iterable[str | Path | Document]) -> tuple[list[Document], list[Skip]]:
    """Texts, paths and Documents as Documents; unreadable paths as skips.

    All paths are read in one pass of the reader, so ids stay unique across
    them; each skipped input is also given as a warning.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True):
    ...     docs, skips = documents_from(["Peru voted.", "no/such/file.txt"])
    >>> [d.id for d in docs], [s.reason for s in skips]
    (['text-0'], ['no such file or folder'])
    """
    items = list(items)
    docs: list[Document] = []
    skips: list[Skip] = []
    paths = [str(item) for item in items if _is_path(item)]
    for rec in read_inputs(paths):
        if isinstance(rec, Skip):
            skips.append(rec)
            warnings.warn(str(rec), stacklevel=2)
        else:
            docs.append(rec)
    for n, item in enumerate(items):
        if isinstance(item, Document):
            docs.append(item)
        elif not _is_path(item):
            docs.append(Document(id=f"text-{n}", text=str(item)))
    return docs, skips


def build(items: Iterable[str | Path | Document], *, model: str | None = None,
          window: str = "sentence") -> nx.MultiDiGraph:
    """Build the graph of texts, file or folder paths, or Documents.

    ``window`` is where entities count as named together: ``"sentence"`` or ``"paragraph"``.
    """
    docs, _ = documents_from(items)
    nlp = load_model(model)
    return graph_of(extract_documents(docs, nlp, window=window), model=model_id(nlp))


def graph_of(extractions: Iterable[Extraction], **graph_attrs: object) -> nx.MultiDiGraph:
    """The graph of per-document extractions: merged across documents, with their metadata.

    ``documents``, ``words`` and ``documents_meta`` graph attributes come from
    the extractions; ``graph_attrs`` adds others (``model=...``).

    >>> from nlp.records import Entity, Mention
    >>> ex = Extraction("d1", (Entity("country:PE", "Peru", "country",
    ...                         mentions=(Mention("d1", 0, 4, "Peru", "country"),)),),
    ...                 meta=(("date", "2024-05-01"),), words=3)
    >>> G = graph_of([ex])
    >>> G.graph["documents"], G.graph["words"], G.nodes["country:PE"]["dates"]
    (1, 3, ['2024-05-01'])
    """
    extractions = list(extractions)
    entities, relations = merge(extractions)
    return build_graph(entities, relations, documents=len(extractions),
                       words=sum(e.words for e in extractions),
                       documents_meta={e.doc: dict(e.meta) for e in extractions if e.meta}, **graph_attrs)
