"""The graph as one self-contained HTML file: no request to any host.

pyvis makes the vis-network node and edge dicts, styled by
:mod:`graph.style` (colours, shapes, sizes, the legend and each edge's
relation phrase, which the page carries in its data); our template
(``templates/graph.html`` with ``graph.js`` and ``graph.css``) inlines
pyvis's bundled copy of vis-network instead of pointing at a CDN, and adds a
legend, search, filters (the confidence slider among them: claims below the
graph's ``confidence_threshold`` are hidden at first, :mod:`graph.confidence`)
and a side panel with the evidence.

Article text reaches the page only as JSON inside a
``<script type="application/json">`` block, escaped so that it cannot close
the block, and is put on screen with ``textContent`` or as vis-network's
plain-text tooltips: never as HTML. The page's Content-Security-Policy
allows only its own two scripts (by hash), so even an injected inline event
handler would not run.

Example
-------
>>> import networkx as nx
>>> G = nx.MultiDiGraph(); G.add_node("p:x", label="<script>x</script>", type="person", count=1)
>>> "<script>x</script>" in render_html(G)
False
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from collections.abc import Iterator, Mapping
from functools import lru_cache
from itertools import islice
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
from markupsafe import Markup
from pyvis.edge import Edge
from pyvis.node import Node

from graph.atomic import atomic_write
from graph.confidence import CLAIM_KINDS, confidence_of, threshold
from graph.layout import communities, label_box, story_layout
from graph.prune import story_rank
from graph.quotes import page_quotes
from graph.style import (KIND_STYLE, POLARITY_COLOR, TYPE_STYLE, edge_look, edge_phrase, legend, node_label, node_look,
                         node_size)

# above this many nodes edges are straight and hidden while dragging or zooming
LARGE_GRAPH_NODES = 400
#: above this many nodes the page opens on the entities that carry the story
#: (graph.prune.story_rank), all labelled, at positions computed in Python
#: (graph.layout.story_layout) with no physics in the browser; the others
#: are one search or one "show neighbours" away
FIRST_LOOK_NODES = 150
#: schemes a document's url may have to be drawn as a link; any other
#: (javascript:, data:, file:, ...) is dropped
LINK_SCHEMES = ("http", "https")
#: article texts carried into the page, in MB of UTF-8, unless the caller says otherwise
#: (``newsgraph build --texts-mb``); past it a story's text stays out and the page says so
TEXTS_MB = 20.0
#: evidence sentences per link carried into the page; a link seen in
#: thousands of sentences keeps them all in the exports, and the side panel
#: says how many more the JSON holds (a 1M-word corpus gave a 104 MB page
#: with every sentence inlined)
MAX_EVIDENCE_IN_PAGE = 100
# above this many edges, co-occurrence edges are hidden at first (one tick shows them)
COOCCURRENCE_FIRST_LOOK_EDGES = 2000

_TEMPLATES = resources.files("graph").joinpath("templates")


def json_for_script(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element.

    ``<``, ``>``, ``&`` and the line separators U+2028/U+2029 are written as
    escapes, so no string can close the element or break the script.

    >>> json_for_script({"x": "</script>"})
    '{"x": "\\\\u003c/script\\\\u003e"}'
    """
    s = json.dumps(value, ensure_ascii=False, default=_plain)
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _plain(value: Any) -> Any:
    """NumPy scalars, sets and tuples as JSON values."""
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def first_view(G: nx.MultiDiGraph, ranked: list | None = None) -> list | None:
    """The entities a page opens on: all of them (``None``) up to
    ``FIRST_LOOK_NODES``, else that many, ranked by what they did and said
    and how many documents name them (:func:`graph.prune.story_rank`).

    >>> import networkx as nx
    >>> first_view(nx.path_graph(3, nx.MultiDiGraph())) is None
    True
    >>> len(first_view(nx.path_graph(FIRST_LOOK_NODES + 1, nx.MultiDiGraph())))
    150
    """
    if G.number_of_nodes() <= FIRST_LOOK_NODES:
        return None
    return (ranked or story_rank(G))[:FIRST_LOOK_NODES]


def first_look(G: nx.MultiDiGraph, view: list | None = None) -> dict[str, Any]:
    """The filters a page opens with: everything, but where co-occurrence
    links would bury the actions and quotes they are off at first (tick them
    to see them): more than ``COOCCURRENCE_FIRST_LOOK_EDGES`` links in all,
    or, on a first look at part of the graph (``view``), more than three
    co-occurrence links per entity shown. Claims (actions, quotes) below the
    graph's ``confidence_threshold`` are hidden at first
    (``min_confidence``; ``None`` when the graph has no threshold).

    >>> import networkx as nx
    >>> first_look(nx.MultiDiGraph())["kinds"]
    ['action', 'quote', 'cooccurrence']
    >>> first_look(nx.MultiDiGraph(confidence_threshold=0.4))["min_confidence"]
    0.4
    """
    kinds = list(dict.fromkeys([*KIND_STYLE, *(str(k) for *_, k in G.edges(data="kind", default=""))]))
    if view is not None:
        inner = set(view)
        drawn = sum(1 for u, v, k in G.edges(data="kind") if k == "cooccurrence" and u in inner and v in inner)
        crowded = drawn > 3 * len(inner)
    else:
        crowded = G.number_of_edges() > COOCCURRENCE_FIRST_LOOK_EDGES
    if crowded:
        kinds.remove("cooccurrence")
    types = list(dict.fromkeys([*TYPE_STYLE, *(str(t) for _, t in G.nodes(data="type", default=""))]))
    return {"types": types, "kinds": kinds, "polarities": list(POLARITY_COLOR), "min_weight": 1, "min_mentions": 1,
            "min_confidence": threshold(G)}


def vis_options(G: nx.MultiDiGraph) -> dict[str, Any]:
    """vis-network options: physics that stabilises, then stops (the page
    turns it off); above ``FIRST_LOOK_NODES`` no physics at all (positions
    come from Python), above ``LARGE_GRAPH_NODES`` simpler drawing.

    >>> import networkx as nx
    >>> vis_options(nx.complete_graph(3, nx.MultiDiGraph()))["physics"]["solver"]
    'barnesHut'
    >>> vis_options(nx.path_graph(FIRST_LOOK_NODES + 1, nx.MultiDiGraph()))["physics"]["enabled"]
    False
    """
    large = G.number_of_nodes() > LARGE_GRAPH_NODES
    placed = G.number_of_nodes() > FIRST_LOOK_NODES
    if placed:
        physics: dict[str, Any] = {"enabled": False, "stabilization": {"enabled": False}}
    else:
        physics = {"enabled": True, "stabilization": {"enabled": True, "iterations": 600, "updateInterval": 25, "fit": True},
                   "minVelocity": 0.75, "solver": "barnesHut",
                   "barnesHut": {"gravitationalConstant": -4000, "centralGravity": 0.9, "springLength": 130,
                                 "springConstant": 0.02, "avoidOverlap": 0.3}}
    return {
        "autoResize": True,
        "layout": {"improvedLayout": not placed, "randomSeed": 7},
        "physics": physics,
        "interaction": {"hover": True, "tooltipDelay": 200, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
        "nodes": {"font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1, "scaling": {"label": {"drawThreshold": 6}}},
        "edges": {"smooth": False if placed else {"type": "continuous", "roundness": 0.3},
                  "selectionWidth": 2, "hoverWidth": 1.5,
                  "arrows": {"to": {"scaleFactor": 0.6}}},
    }


def safe_url(url: Any) -> str:
    """``url`` when it is an http(s) address, else ``""``: a document link
    never runs code or opens a local file.

    >>> safe_url("https://example.org/a"), safe_url("javascript:alert(1)"), safe_url(" JaVaScRiPt:x"), safe_url("//x")
    ('https://example.org/a', '', '', '')
    """
    from urllib.parse import urlsplit

    text = str(url or "").strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    return text if parts.scheme.lower() in LINK_SCHEMES and parts.netloc else ""


def documents_list(G: nx.MultiDiGraph) -> list[dict[str, str]]:
    """Every document the graph comes from, as the page's document list:
    ``id``, ``title`` (the input's, else the wire headline newsgraph read),
    ``date``, ``source`` and a ``url`` only when it is http(s); dated
    documents first, by date, then the others, by id.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(documents_meta={"b": {"title": "T", "date": "2024-01-02", "url": "javascript:x"},
    ...                                     "a": {"headline": "PERU VOTES."}})
    >>> G.add_node("n", docs=["a", "b"])
    >>> [(d["id"], d["title"], d["url"]) for d in documents_list(G)]
    [('b', 'T', ''), ('a', 'PERU VOTES.', '')]
    """
    meta = G.graph.get("documents_meta") or {}
    ids = dict.fromkeys(str(d) for _, docs in G.nodes(data="docs", default=None) for d in (docs or []))
    ids.update(dict.fromkeys(str(d) for d in meta))
    rows = []
    for d in ids:
        m = meta.get(d) or {}
        rows.append({"id": d, "title": str(m.get("title") or m.get("headline") or ""), "date": str(m.get("date") or ""),
                     "source": str(m.get("source") or ""), "url": safe_url(m.get("url"))})
    return sorted(rows, key=lambda r: (r["date"] == "", r["date"], r["id"]))


def page_texts(documents: list[dict[str, str]], texts: Any, *, mb: float = TEXTS_MB) -> dict[str, Any]:
    """The article texts the page carries, each stored once, in the document list's order
    until ``mb`` megabytes (UTF-8) are reached; ``texts`` is a mapping of document id to
    text or an iterable of :class:`nlp.records.Document` (``None``: no texts). Returns
    ``{"texts": {id: text}, "limit_mb": mb, "left_out": n, "asked": bool}``.

    >>> docs = [{"id": "a"}, {"id": "b"}, {"id": "c"}]
    >>> t = page_texts(docs, {"a": "Peru voted.", "b": "x" * 2_000_000, "c": "Chile too."}, mb=1)
    >>> sorted(t["texts"]), t["left_out"]
    (['a', 'c'], 1)
    >>> page_texts(docs, None)["asked"]
    False
    """
    if texts is None:
        return {"texts": {}, "limit_mb": mb, "left_out": 0, "asked": False}
    if not isinstance(texts, Mapping):
        texts = {str(d.id): d.text for d in texts}
    room, kept, left_out = int(mb * 1_000_000), {}, 0
    for d in documents:
        text = texts.get(d["id"])
        if text is None:
            continue
        size = len(str(text).encode("utf-8", "replace"))
        if size > room:
            left_out += 1
            continue
        room -= size
        kept[d["id"]] = str(text)
    return {"texts": kept, "limit_mb": mb, "left_out": left_out, "asked": True}


class SentenceTable:
    """Evidence sentences stored once: an edge's evidence refers to a
    sentence by its index (``s``) in the page's ``sentences`` list.

    A corpus page repeats each sentence in every link it supports (a
    1,836-entity page held 89,090 evidence sentences, 10,090 of them
    distinct); the exports keep the contract's form.

    >>> t = SentenceTable(); t.ref("A met B."), t.ref("B left."), t.ref("A met B."), t.sentences
    (0, 1, 0, ['A met B.', 'B left.'])
    """

    def __init__(self) -> None:
        self.sentences: list[str] = []
        self._index: dict[str, int] = {}

    def ref(self, sentence: Any) -> int:
        text = str(sentence or "")
        i = self._index.get(text)
        if i is None:
            i = self._index[text] = len(self.sentences)
            self.sentences.append(text)
        return i


#: edge kinds in the order they are drawn: later ones on top
DRAW_ORDER = {"cooccurrence": 0, "quote": 1, "action": 2}


def page_positions(G: nx.MultiDiGraph, ranked: list | None = None) -> dict[Any, tuple[float, float]]:
    """Positions of every node as the page places them past the first look
    (:func:`graph.layout.story_layout` over :func:`first_view`); a graph
    small enough to be laid out by the browser's physics gets the same
    Python layout over all its nodes, for exports that need positions.

    >>> import networkx as nx
    >>> sorted(page_positions(nx.path_graph(3, nx.MultiDiGraph())))
    [0, 1, 2]
    """
    ranked = ranked or story_rank(G)
    view = first_view(G, ranked)
    core = view if view is not None else ranked
    boxes = {n: label_box(str(G.nodes[n].get("label", n)), node_size(int(G.nodes[n].get("count", 0) or 0)))
             for n in core}
    return story_layout(G, core, boxes)


def vis_data(G: nx.MultiDiGraph, *, texts: Any = None, texts_mb: float = TEXTS_MB) -> dict[str, Any]:
    """Everything the page draws: pyvis node and edge dicts (each edge with
    its relation ``phrase``, :func:`graph.style.edge_phrase`), options, legend,
    first-look filters and view, documents and the evidence sentences, as
    plain JSON-ready data.

    Edges are listed co-occurrence first and actions last, so vis-network
    draws an arrow over the grey line of the same pair.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="Oslo", type="place", count=3); G.add_node("b", label="Norway", type="country", count=1)
    >>> G.add_edge("a", "b", kind="cooccurrence", verb="", weight=1, evidence=[{"doc": "d", "sentence": "Oslo, Norway."}])
    0
    >>> d = vis_data(G)
    >>> [n["shape"] for n in d["nodes"]], d["edges"][0]["dashes"], d["sentences"][d["edges"][0]["evidence"][0]["s"]]
    (['triangleDown', 'square'], [6, 6], 'Oslo, Norway.')
    >>> d["edges"][0]["phrase"]
    'Oslo — named with — Norway'
    """
    return {k: list(v) if isinstance(v, Iterator) else v for k, v in page_parts(G, texts=texts, texts_mb=texts_mb)}


def page_parts(G: nx.MultiDiGraph, *, texts: Any = None, texts_mb: float = TEXTS_MB) -> Iterator[tuple[str, Any]]:
    """:func:`vis_data`'s keys and values in turn, the nodes and the edges as iterators of one
    dict at a time, so that the page can be written without the whole of its data in memory.
    The evidence sentences come after the edges that refer to them: consume each value before
    asking for the next. ``texts`` are the articles' texts (:func:`page_texts`)."""
    large = G.number_of_nodes() > LARGE_GRAPH_NODES
    ranked = story_rank(G)
    view = first_view(G, ranked)
    community = communities(G) if G.number_of_edges() else {n: i for i, n in enumerate(G)}
    positions = page_positions(G, ranked) if view is not None else {}
    rank = {n: i for i, n in enumerate(ranked)}
    del ranked

    def nodes() -> Iterator[dict[str, Any]]:
        for n, a in G.nodes(data=True):
            look = node_look(a)
            count = int(a.get("count", 0) or 0)
            node = Node(str(n), look["shape"], label=node_label(G, n), color=look["color"], size=look["size"],
                        ntype=str(a.get("type", "") or ""),
                        aliases=[str(x) for x in a.get("aliases") or []], roles=[str(x) for x in a.get("roles") or []],
                        count=count, docs=[str(x) for x in a.get("docs") or []],
                        dates=[str(x) for x in a.get("dates") or []],
                        community=community.get(n, -1), rank=rank[n],
                        mentions=[list(m) for m in a.get("mentions") or []])
            if n in positions:
                node.options["x"], node.options["y"] = positions[n]
            yield node.options

    table = SentenceTable()

    def edges() -> Iterator[dict[str, Any]]:
        ordered = sorted(G.edges(data=True), key=lambda e: DRAW_ORDER.get(str(e[2].get("kind", "")), 3))
        for i, (u, v, a) in enumerate(ordered):
            look = edge_look(a)
            color = look["color"]
            evidence = a.get("evidence") or []
            docs = a.get("docs") or list(dict.fromkeys(str(e.get("doc", "")) for e in evidence))
            edge = Edge(str(u), str(v), directed=look["directed"], id=i,
                        color={"color": color, "highlight": color, "hover": color, "opacity": look["opacity"]},
                        width=look["width"], dashes=look["dashes"],
                        kind=str(a.get("kind", "") or ""), verb=str(a.get("verb", "") or ""),
                        polarity=str(a.get("polarity", "") or ""),
                        category=str(a.get("category", "") or ""), negated=bool(a.get("negated")),
                        modality=str(a.get("modality", "") or ""),
                        symmetric=bool(a.get("symmetric")), weight=int(a.get("weight", 1) or 1),
                        docs=[str(d) for d in docs], dates=[str(d) for d in a.get("dates") or []],
                        evidence=[{**{k: e.get(k) for k in ("doc", "start", "end", "quote") if k in e},
                                   "s": table.ref(e.get("sentence"))}
                                  for e in evidence[:MAX_EVIDENCE_IN_PAGE]],
                        evidence_total=len(evidence), phrase=edge_phrase(G, u, v, a),
                        confidence=confidence_of(a) if a.get("kind") in CLAIM_KINDS else None)
            if not look["directed"]:
                edge.options["arrows"] = ""
            yield edge.options

    yield "nodes", nodes()
    yield "edges", edges()
    yield "sentences", table.sentences
    look = first_look(G, view)
    look["view"] = [str(n) for n in view] if view is not None else None
    yield "options", vis_options(G)
    yield "legend", legend(look["types"], look["kinds"])
    yield "defaults", look
    yield "graph", {k: v for k, v in G.graph.items() if isinstance(v, (str, int, float, list)) and k != "quotes"}
    documents = documents_list(G)
    yield "documents", documents
    yield "texts", page_texts(documents, texts, mb=texts_mb)
    yield "dates", sorted({str(d) for _, a in G.nodes(data=True) for d in a.get("dates") or []})
    yield "large", large
    yield "quotes", page_quotes(G)


def _read_template_file(name: str) -> str:
    return _TEMPLATES.joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # the library's own code may not contain a closing tag either
    return js.replace("</script", "<\\/script"), css.replace("</style", "<\\/style")


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    return jinja2.Environment(autoescape=True).from_string(_read_template_file("graph.html"))


def csp_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script.

    >>> csp_hash("")
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


#: page data items written at a time
_ITEMS_PER_WRITE = 500


def iter_html(G: nx.MultiDiGraph, *, title: str = "newsgraph", texts: Any = None,
              texts_mb: float = TEXTS_MB) -> Iterator[str]:
    """The page in pieces: vis-network, styles and our code inlined, and the data written one node
    and one edge at a time, never as one string (a page of a big archive is tens of megabytes).
    ``texts`` (document id to text, or Documents) are carried up to ``texts_mb`` megabytes, for
    the page's article view.

    >>> import networkx as nx
    >>> "".join(iter_html(nx.MultiDiGraph())).startswith("<!DOCTYPE html>")
    True
    """
    vis_js, vis_css = _vis_assets()
    app_js = _read_template_file("graph.js").replace("</script", "<\\/script")
    app_css = _read_template_file("graph.css").replace("</style", "<\\/style")
    slot = f"\x00{secrets.token_hex(16)}\x00"   # stands for the data; no article text can spell it
    page = _template().render(
        title=title, data_json=Markup(slot),
        vis_js=Markup(vis_js), vis_css=Markup(vis_css), app_js=Markup(app_js), app_css=Markup(app_css),
        script_hashes=Markup(" ".join((csp_hash(vis_js), csp_hash(app_js)))),
    )
    head, tail = page.split(slot)
    yield head
    yield "{"
    for n, (key, value) in enumerate(page_parts(G, texts=texts, texts_mb=texts_mb)):
        yield f'{", " if n else ""}{json_for_script(key)}: '
        if isinstance(value, Iterator):
            yield "["
            for i, chunk in enumerate(iter(lambda: list(islice(value, _ITEMS_PER_WRITE)), [])):
                yield (", " if i else "") + ", ".join(map(json_for_script, chunk))
            yield "]"
        else:
            yield json_for_script(value)
    yield "}"
    yield tail


def render_html(G: nx.MultiDiGraph, *, title: str = "newsgraph", texts: Any = None,
                texts_mb: float = TEXTS_MB) -> str:
    """The whole page as a string (:func:`iter_html` joined).

    >>> import networkx as nx
    >>> page = render_html(nx.MultiDiGraph())
    >>> page.startswith("<!DOCTYPE html>"), 'src="http' in page or 'href="http' in page
    (True, False)
    """
    return "".join(iter_html(G, title=title, texts=texts, texts_mb=texts_mb))


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike, *, title: str = "newsgraph", texts: Any = None,
               texts_mb: float = TEXTS_MB) -> None:
    """Write the page atomically and piece by piece: a previous file stays whole if this fails.

    >>> import networkx as nx, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.html"
    >>> write_html(nx.MultiDiGraph(), p)
    >>> "vis.Network" in p.read_text(encoding="utf-8")
    True
    """
    with atomic_write(path) as fh:
        for piece in iter_html(G, title=title, texts=texts, texts_mb=texts_mb):
            fh.write(piece)
