"""The Python API for notebooks and scripts: texts or paths in, graph out.

Example
-------
>>> G = build(["Reuters reported that France and Germany met in Berlin."])
>>> sorted(G.nodes[n]["type"] for n in G)
['country', 'country', 'outlet']
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from graph.build import build_graph
from nlp.model import load_model, model_id
from nlp.pipeline import extract_documents
from nlp.reader import read_inputs
from nlp.records import Document
from nlp.resolve import merge


def documents_from(items: Iterable[str | Path | Document]) -> tuple[list[Document], list]:
    """Texts, paths and Documents as Documents; unreadable paths as skips."""
    docs: list[Document] = []
    skips: list = []
    for n, item in enumerate(items):
        if isinstance(item, Document):
            docs.append(item)
        elif isinstance(item, Path) or (isinstance(item, str) and "\n" not in item and len(item) < 4096
                                        and Path(item).exists()):
            for rec in read_inputs([str(item)]):
                (docs if isinstance(rec, Document) else skips).append(rec)
        else:
            docs.append(Document(id=f"text-{n}", text=str(item)))
    return docs, skips


def build(items: Iterable[str | Path | Document], *, model: str | None = None,
          window: str = "sentence") -> nx.MultiDiGraph:
    """Build the graph of texts, file or folder paths, or Documents.

    ``window`` is where entities count as named together: ``"sentence"`` or ``"paragraph"``.
    """
    docs, _ = documents_from(items)
    nlp = load_model(model)
    entities, relations = merge(extract_documents(docs, nlp, window=window))
    return build_graph(entities, relations, documents=len(docs), model=model_id(nlp))
