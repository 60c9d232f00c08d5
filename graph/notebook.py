"""The graph in a notebook: shown inline, and small tables to read it by.

:func:`show` puts the page in an ``<iframe srcdoc=...>``: no server, no CDN,
no file on disk, and the notebook front end's own sanitizer never sees the
graph's scripts (which is why pyvis's ``notebook=True`` output is blank in
VS Code and Colab). It works in JupyterLab, classic Notebook and VS Code.
:func:`top_entities`, :func:`top_relations`, :func:`edge_evidence` and :func:`quotes` return
:class:`Table` objects that show as HTML tables (every cell escaped) and
hold their rows as plain dicts; a relation reads as on the page and in
pyvis (:func:`graph.style.edge_phrase`). Relations and quotes carry their
``confidence``, and :func:`top_relations` and :func:`quotes` leave out, as
the page hides, the claims below the graph's ``confidence_threshold``
(``min_confidence=0`` lists them all).

Example
-------
>>> import networkx as nx
>>> G = nx.MultiDiGraph(); G.add_node("a", label="A", type="place", count=1)
>>> view = show(G)
>>> "<iframe" in view._repr_html_() and view.html.startswith("<!DOCTYPE html>")
True
"""
from __future__ import annotations

import html
import os
from collections.abc import Hashable, Sequence
from typing import Any

import networkx as nx

from graph.atomic import atomic_write
from graph.confidence import confidence_of, hidden, threshold
from graph.html import TEXTS_MB, render_html
from graph.prune import drawn, most_connected
from graph.quotes import cue_phrase
from graph.style import edge_phrase


#: what the page's frame may do: run its own scripts and open an article's http(s) link in a new
#: tab; no same-origin access to the notebook, no form submission (the page submits none), no
#: top navigation
SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox"


class GraphView:
    """What :func:`show` returns: displays itself inline; ``.html`` is the page."""

    def __init__(self, page: str, height: int = 650) -> None:
        self.html = page
        self.height = height

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
                f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd" '
                f'sandbox="{SANDBOX}" title="newsgraph"></iframe>')

    def save(self, path: str | os.PathLike) -> None:
        """Write the page to ``path`` (atomically), to open without the notebook."""
        with atomic_write(path) as fh:
            fh.write(self.html)

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<newsgraph page, {len(self.html):,} characters: shown inline by a notebook; .html is the page>"


def show(G: nx.MultiDiGraph, *, height: int = 650, title: str = "newsgraph",
         max_nodes: int | None = None, min_weight: int = 1, texts: Any = None, texts_mb: float = TEXTS_MB) -> GraphView:
    """An inline view of ``G``; the last expression of a cell displays it.

    ``max_nodes`` and ``min_weight`` draw a pruned copy, as the command
    line's ``--max-nodes`` and ``--min-weight`` do. ``texts`` (document id to
    text, or Documents; ``newsgraph.build(..., texts={})`` fills such a
    mapping) lets the page show each story, up to ``texts_mb`` megabytes.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("b", "d")])
    >>> "srcdoc=" in show(G, max_nodes=2)._repr_html_()
    True
    """
    return GraphView(render_html(drawn(G, max_nodes=max_nodes, min_weight=min_weight), title=title,
                                 texts=texts, texts_mb=texts_mb), height=height)


class Table:
    """Rows of plain dicts that show as an escaped HTML table in a notebook.

    >>> t = Table([{"name": "<b>x</b>", "n": 1}])
    >>> t.rows[0]["n"], "&lt;b&gt;" in t._repr_html_()
    (1, True)
    """

    def __init__(self, rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> None:
        self.rows = list(rows)
        self.columns = list(columns or (self.rows[0].keys() if self.rows else []))

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: int) -> dict[str, Any]:
        return self.rows[i]

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(str(c))}</th>" for c in self.columns)
        body = "".join("<tr>" + "".join(f"<td style='text-align:left'>{html.escape(_shown(r.get(c)))}</td>"
                                        for c in self.columns) + "</tr>" for r in self.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def __repr__(self) -> str:
        lines = [" | ".join(self.columns)]
        lines += [" | ".join(_shown(r.get(c)) for c in self.columns) for r in self.rows]
        return "\n".join(lines)


def _shown(value: Any) -> str:
    """A cell as a reader sees it: nothing for ``None`` (a quote with no confidence), not "None"."""
    return "" if value is None else str(value)


def _at_least(G: nx.MultiDiGraph, min_confidence: float | None) -> float | None:
    """The confidence a listed claim needs: ``min_confidence``, else the graph's threshold."""
    return threshold(G) if min_confidence is None else min_confidence


def top_entities(G: nx.MultiDiGraph, n: int = 10) -> Table:
    """The ``n`` entities linked with the most others, with their mentions.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("x", "y"), ("x", "z")])
    >>> top_entities(G, 1)[0]["id"], top_entities(G, 1)[0]["linked with"]
    ('x', 2)
    """
    rows = []
    for v in most_connected(G, n):
        a = G.nodes[v]
        rows.append({"id": v, "label": a.get("label", v), "type": a.get("type", ""),
                     "linked with": len((set(G.successors(v)) | set(G.predecessors(v))) - {v}),
                     "mentions": a.get("count", 0), "roles": "; ".join(a.get("roles") or [])})
    return Table(rows)


def _sources(G: nx.MultiDiGraph, docs: Sequence[str]) -> int:
    """How many different sources (the input's ``source``, else the wire ``credit``, else the document) tell it."""
    meta = G.graph.get("documents_meta") or {}
    return len({(meta.get(d) or {}).get("source") or (meta.get(d) or {}).get("credit") or d for d in docs})


def top_relations(G: nx.MultiDiGraph, n: int = 10, *, kinds: Sequence[str] = ("action", "quote"),
                  min_confidence: float | None = None) -> Table:
    """The ``n`` relations of the given kinds seen most often, as sentences, with their ``confidence``.

    As on the page, a claim less sure than ``min_confidence`` is left out; by default that is
    the graph's ``confidence_threshold`` (none: every claim), and ``min_confidence=0`` lists
    them all. A relation with no confidence (an older graph, a co-occurrence) is always listed.

    Seen most is the most sentences (``weight``); among as many, a relation
    told in more documents comes first, then one told by more different
    sources, then one stated first-hand before one only reported in
    someone's words; the names only settle what is still equal, so one
    busy subject no longer fills the table by the alphabet. Each row's
    ``edge`` is ``(source, target, key)`` for :func:`edge_evidence`.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(); G.add_node("a", label="Oslo"); G.add_node("b", label="Bergen")
    >>> _ = G.add_edge("a", "b", key="action:call", kind="action", verb="call", weight=2, evidence=[])
    >>> top_relations(G)[0]["relation"]
    'Oslo — call → Bergen'
    >>> G.graph["confidence_threshold"] = 0.5; G.edges["a", "b", "action:call"]["confidence"] = 0.3
    >>> len(top_relations(G)), top_relations(G, min_confidence=0)[0]["confidence"]
    (0, 0.3)
    """
    at = _at_least(G, min_confidence)
    edges = [(u, v, k, a) for u, v, k, a in G.edges(keys=True, data=True)
             if a.get("kind") in kinds and not hidden(a, at)]

    def rank(e: tuple) -> tuple:
        u, v, k, a = e
        docs = list(a.get("docs") or dict.fromkeys(ev.get("doc", "") for ev in a.get("evidence") or []))
        return (-int(a.get("weight", 1) or 1), -len(docs), -_sources(G, docs), bool(a.get("reported")),
                str(u), str(v), str(k))

    edges.sort(key=rank)
    rows = [{"relation": edge_phrase(G, u, v, a),
             "kind": a.get("kind", ""), "polarity": a.get("polarity", ""), "weight": a.get("weight", 1),
             "docs": len(a.get("docs") or []), "confidence": confidence_of(a) if a.get("kind") != "cooccurrence" else None,
             "edge": (u, v, k)} for u, v, k, a in edges[:n]]
    return Table(rows)


def edge_evidence(G: nx.MultiDiGraph, source: Hashable, target: Hashable, key: Hashable | None = None) -> Table:
    """The sentences behind the edge(s) from ``source`` to ``target``.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", kind="action", verb="call", evidence=[{"doc": "d1", "sentence": "A called B."}])
    >>> edge_evidence(G, "a", "b")[0]["sentence"]
    'A called B.'
    """
    if not G.has_edge(source, target, key):
        raise KeyError(f"no edge from {source!r} to {target!r}" + (f" with key {key!r}" if key is not None else ""))
    keys = [key] if key is not None else list(G[source][target])
    rows = []
    for k in keys:
        a = G.edges[source, target, k]
        phrase = edge_phrase(G, source, target, a)
        for ev in a.get("evidence") or []:
            rows.append({"relation": phrase, "doc": ev.get("doc", ""), "sentence": " ".join(str(ev.get("sentence", "")).split())})
    return Table(rows)


def _speaker_key(G: nx.MultiDiGraph, speaker: Hashable) -> Hashable:
    """A node id, or the one node whose label or alias is ``speaker`` (case does not matter)."""
    if speaker in G:
        return speaker
    want = " ".join(str(speaker).split()).casefold()
    found = [n for n, a in G.nodes(data=True)
             if want in {" ".join(str(x).split()).casefold() for x in [a.get("label", n), *(a.get("aliases") or [])]}]
    if len(found) == 1:
        return found[0]
    raise KeyError(f"no entity {speaker!r} in the graph" if not found
                   else f"{speaker!r} names {len(found)} entities: {', '.join(map(str, found))}; pass a node id")


def quotes(G: nx.MultiDiGraph, speaker: Hashable | None = None, *, min_confidence: float | None = None) -> Table:
    """Who said what: every quote of ``G.graph["quotes"]`` in document order, or one speaker's.

    ``speaker`` is a node id or a name ("Ana Bell"); each row has the
    speaker's label, the cue as said ("told Radio Lima"), the words, kind,
    document, character offsets, the names in the words and the quote's
    ``confidence``. As on the page, a quote less sure than ``min_confidence``
    is left out; by default that is the graph's ``confidence_threshold``
    (none: every quote), and ``min_confidence=0`` lists them all. A quote
    with no confidence is always listed.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(); G.add_node("person:ana", label="Ana Bell"); G.add_node("outlet:r", label="Radio Lima")
    >>> G.graph["quotes"] = [{"doc": "d", "start": 1, "end": 8, "text": "We win.", "speaker": "person:ana",
    ...                       "cue": "tell", "kind": "direct", "to": "outlet:r", "names": []}]
    >>> row = quotes(G, "Ana Bell")[0]
    >>> row["speaker"], row["said"], row["quote"]
    ('Ana Bell', 'told Radio Lima', 'We win.')
    """
    key = _speaker_key(G, speaker) if speaker is not None else None
    at = _at_least(G, min_confidence)

    def name(n: Hashable | None) -> str:
        return str(G.nodes[n].get("label", n)) if n is not None and n in G else ""

    rows = [{"speaker": name(q.get("speaker")), "said": cue_phrase(q.get("cue", ""), name(q.get("to"))),
             "quote": " ".join(str(q.get("text", "")).split()), "kind": q.get("kind", ""), "doc": q.get("doc", ""),
             "start": q.get("start"), "end": q.get("end"), "names": "; ".join(name(k) for k in q.get("names") or []),
             "confidence": confidence_of(q)}
            for q in G.graph.get("quotes") or [] if (key is None or q.get("speaker") == key) and not hidden(q, at)]
    return Table(rows, ["speaker", "said", "quote", "kind", "doc", "start", "end", "names", "confidence"])
