"""The Python API for notebooks and scripts: texts or paths in, graph out.

It sits above ``nlp/`` (text to records) and ``graph/`` (records to views):
documents are extracted, merged across documents (:mod:`newsgraph.merge`),
corrected (:mod:`newsgraph.corrections`) and drawn as one graph.

Example
-------
>>> G = build(["Reuters reported that France and Germany met in Berlin."])
>>> sorted(G.nodes[n]["type"] for n in G)       # "in Berlin": the city, a place
['country', 'country', 'outlet', 'place']
"""
from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from graph.build import build_graph
from newsgraph.corrections import Fix, apply_corrections, read_corrections
from newsgraph.merge import merge_with_quotes, remap_quote
from nlp import confidence
from nlp.extract import check_skip
from nlp.run.model import load_model, model_id
from nlp.run.pipeline import extract_documents
from nlp.reading.reader import SUFFIXES, read_inputs
from nlp.reading.chars import has_surrogates, without_surrogates
from nlp.reading.errors import Skip
from nlp.records import Document, Extraction


def _is_path(item: object) -> bool:
    """A Path, an existing path, or a string shaped like one ("news/", "a.txt"): not article text.

    A blank string is text (an empty one), never the path "." of the current folder.
    """
    if isinstance(item, os.PathLike):
        return True
    if not isinstance(item, str) or not item.strip() or len(item) > 4096 or "\n" in item:
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
    items = _items(items)
    docs: list[Document] = []
    skips: list[Skip] = []
    paths = [os.fspath(item) for item in items if _is_path(item)]
    for rec in read_inputs(paths):
        if isinstance(rec, Skip):
            skips.append(rec)
            warnings.warn(str(rec), stacklevel=2)
        else:
            docs.append(rec)
    for n, item in enumerate(items):
        if isinstance(item, Document):
            docs.append(_without_surrogates(item))
        elif _is_path(item):
            continue
        elif not item.strip():
            skips.append(Skip(f"text-{n}", "the text is empty"))
            warnings.warn(str(skips[-1]), stacklevel=2)
        else:
            docs.append(_without_surrogates(Document(id=f"text-{n}", text=item)))
    return docs, skips


def _items(items: object) -> list[str | Path | Document]:
    """``items`` as a list, each checked: a text, a path or a Document; a ``TypeError`` naming any other.

    One string or path is not a list of them: ``build("Peru.txt")`` read
    every file of the current folder, one letter at a time.

    >>> _items("seeds/")
    Traceback (most recent call last):
    ...
    TypeError: build() takes a list of texts, paths or Documents, not one str: write build(['seeds/'])
    >>> _items([b"Peru voted."])
    Traceback (most recent call last):
    ...
    TypeError: item 0 is bytes, not a text, a path or a Document: decode it first (b.decode('utf-8'))
    """
    if isinstance(items, (str, bytes, os.PathLike, Document)):
        raise TypeError(f"build() takes a list of texts, paths or Documents, not one {type(items).__name__}: "
                        f"write build([{items!r}])")
    items = list(items)
    for n, item in enumerate(items):
        if isinstance(item, (bytes, bytearray)):
            raise TypeError(f"item {n} is bytes, not a text, a path or a Document: decode it first "
                            "(b.decode('utf-8'))")
        if not isinstance(item, (str, os.PathLike, Document)):
            raise TypeError(f"item {n} is {type(item).__name__} ({item!r:.40}), not a text, a path or a Document")
    return items


def _without_surrogates(doc: Document) -> Document:
    """A Document whose strings hold no lone surrogate (spaCy, SQLite and UTF-8 files refuse one).

    >>> _without_surrogates(Document("d\\udc00", "Peru\\ud83d.")).text
    'Peru\ufffd.'
    """
    fields = {k: getattr(doc, k) for k in ("id", "text", "title", "date", "url", "source")}
    if not any(has_surrogates(v) for v in fields.values()):
        return doc
    return Document(**{k: without_surrogates(v) for k, v in fields.items()})


def build(items: Iterable[str | Path | Document], *, model: str | None = None,
          window: str = "sentence", corrections: str | os.PathLike | list[Fix] | None = None,
          skip: Iterable[str] = (), texts: dict[str, str] | None = None) -> nx.MultiDiGraph:
    """Build the graph of texts, file or folder paths, or Documents.

    ``window`` is where entities count as named together: ``"sentence"`` or ``"paragraph"``.
    ``corrections`` is a corrections file (``.toml`` or ``.csv``, see
    :mod:`newsgraph.corrections`) or a list of its fixes, applied when the
    documents are merged. ``skip`` names extraction passes to switch off, for
    measurement (``nlp.extract.pass_names()``); an unknown name raises
    ``ValueError`` listing the valid ones, before anything is read. ``texts``, a
    dict, is filled with every document's id and text, for the page's article
    view (``graph.notebook.show(G, texts=texts)``); the graph itself carries no text.

    >>> build(["Peru voted."], skip=["rolez"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown pass name 'rolez'; the passes are: joined_names, ...
    """
    skip = check_skip(skip)
    fixes = read_corrections(corrections) if isinstance(corrections, (str, os.PathLike)) else corrections
    docs, _ = documents_from(items)
    if texts is not None:
        texts.update((d.id, d.text) for d in docs)
    nlp = load_model(model)
    return graph_of(extract_documents(docs, nlp, window=window, skip=skip), model=model_id(nlp), corrections=fixes)


def graph_of(extractions: Iterable[Extraction], *, corrections: list[Fix] | None = None,
             **graph_attrs: object) -> nx.MultiDiGraph:
    """The graph of per-document extractions: merged across documents, with their metadata.

    ``documents``, ``words`` and ``documents_meta`` graph attributes come from
    the extractions; ``graph_attrs`` adds others (``model=...``).
    ``corrections`` (fixes of :mod:`newsgraph.corrections`) are applied after the
    merge, so cached extractions stay valid; each applied fix is listed in
    the graph attribute ``corrections``, and a fix that matches no entity is
    named on standard error.

    >>> from nlp.records import Entity, Mention
    >>> ex = Extraction("d1", (Entity("country:PE", "Peru", "country",
    ...                         mentions=(Mention("d1", 0, 4, "Peru", "country"),)),),
    ...                 meta=(("date", "2024-05-01"),), words=3)
    >>> G = graph_of([ex])
    >>> G.graph["documents"], G.graph["words"], G.nodes["country:PE"]["dates"]
    (1, 3, ['2024-05-01'])
    """
    extractions = list(extractions)
    entities, relations, quotes = merge_with_quotes(extractions)
    if corrections:
        done = apply_corrections(entities, relations, corrections)
        for fix, why in done.unmatched:
            print(f"newsgraph: {fix.where}: {fix.describe()}: {why}; not applied", file=sys.stderr)
        entities, relations = done.entities, done.relations
        gone = {k: v or "" for k, v in done.moved.items()}  # a dropped entity speaks no more
        quotes = [remap_quote(q, gone) for q in quotes] if gone else quotes
        graph_attrs["corrections"] = done.applied
    if any(r.confidence is not None for r in relations) or any(q.confidence is not None for q in quotes):
        graph_attrs.setdefault("confidence_threshold", confidence.threshold())
    return build_graph(entities, relations, quotes=quotes, documents=len(extractions),
                       words=sum(e.words for e in extractions),
                       documents_meta={e.doc: dict(e.meta) for e in extractions if e.meta}, **graph_attrs)
