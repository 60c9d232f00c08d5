"""The graph as one self-contained HTML file: no request to any host.

pyvis makes the vis-network node and edge dicts; our template
(``templates/graph.html`` with ``graph.js`` and ``graph.css``) inlines
pyvis's bundled copy of vis-network instead of pointing at a CDN, and adds a
legend, search, filters and a side panel with the evidence.

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
import math
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
from markupsafe import Markup
from pyvis.edge import Edge
from pyvis.node import Node

from graph.atomic import atomic_write
from graph.layout import seed_layout
from graph.quotes import page_quotes

# node type -> (colour, vis-network shape, legend symbol)
TYPE_STYLE: dict[str, tuple[str, str, str]] = {
    "official": ("#d62728", "star", "\u2605"),
    "person": ("#ff7f0e", "dot", "\u25cf"),
    "country": ("#1f77b4", "square", "\u25a0"),
    "outlet": ("#2ca02c", "diamond", "\u25c6"),
    "organization": ("#9467bd", "triangle", "\u25b2"),
    "place": ("#8c564b", "triangleDown", "\u25bc"),
}
OTHER_TYPE_STYLE = ("#999999", "dot", "\u25cf")
POLARITY_COLOR: dict[str, str] = {"cooperation": "#2ca02c", "conflict": "#d62728", "neutral": "#5b6f8a"}
COOCCURRENCE_COLOR = "#b8b8b8"
# edge kind -> (vis-network dashes, CSS border style for the legend, meaning)
KIND_STYLE: dict[str, tuple[Any, str, str]] = {
    "action": (False, "solid", "did something to"),
    "quote": ([2, 4], "dotted", "spoke to / quoted"),
    "cooccurrence": ([6, 6], "dashed", "named together in a sentence or paragraph"),
}
# above this many nodes, positions are computed in Python (graph.layout) and
# the page polishes them with a few steps of the faster forceAtlas2Based
# solver; edges are straight and hidden while dragging or zooming
LARGE_GRAPH_NODES = 400



#: evidence sentences per link carried into the page; a link seen in
#: thousands of sentences keeps them all in the exports, and the side panel
#: says how many more the JSON holds (a 1M-word corpus gave a 104 MB page
#: with every sentence inlined)
MAX_EVIDENCE_IN_PAGE = 100

def polish_iterations(n_nodes: int) -> int:
    """Physics steps over the Python layout: fewer as each step costs more.

    >>> polish_iterations(500), polish_iterations(2000), polish_iterations(5000), polish_iterations(50000)
    (60, 40, 16, 15)
    """
    return int(min(60, max(15, 80_000 / max(n_nodes, 1))))
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


def node_size(count: int) -> float:
    """Node radius in pixels, growing with the log of the mention count.

    >>> node_size(1) < node_size(10) < node_size(100) <= 50
    True
    """
    return round(min(8.0 + 5.0 * math.log1p(max(count, 0)), 50.0), 2)


def edge_width(kind: str, weight: int) -> float:
    """Line width: grows with the log of the weight; co-occurrence stays thin.

    >>> edge_width("action", 1), edge_width("action", 8) > edge_width("action", 2)
    (1.5, True)
    >>> edge_width("cooccurrence", 50) <= 2.5
    True
    """
    grow = math.log(max(weight, 1))
    if kind == "cooccurrence":
        return round(min(0.6 + 0.4 * grow, 2.5), 2)
    return round(min(1.5 + 1.5 * grow, 10.0), 2)


def relation_phrase(source: str, target: str, attrs: dict[str, Any]) -> str:
    """An edge written as a sentence: ``"A — verb → B"``.

    >>> relation_phrase("Olaf Scholz", "Emmanuel Macron", {"kind": "action", "verb": "invite"})
    'Olaf Scholz — invite → Emmanuel Macron'
    >>> relation_phrase("Lima", "Quito", {"kind": "action", "verb": "sanction", "modality": "could", "negated": True})
    'Lima — could not sanction → Quito'
    >>> relation_phrase("Rome", "Paris", {"kind": "cooccurrence", "verb": ""})
    'Rome — named with — Paris'
    """
    if attrs.get("kind") == "cooccurrence" or not attrs.get("verb"):
        return f"{source} — named with — {target}"
    verb = " ".join(x for x in (str(attrs.get("modality") or ""), "not" if attrs.get("negated") else "",
                                str(attrs["verb"])) if x)
    arrow = "—" if attrs.get("symmetric") else "→"
    return f"{source} — {verb} {arrow} {target}"


def _node_tooltip(attrs: dict[str, Any]) -> str:
    lines = [f"{attrs.get('label', '')} ({attrs.get('type', '')})"]
    if attrs.get("roles"):
        lines.append("roles: " + "; ".join(map(str, attrs["roles"][:5])))
    if attrs.get("aliases"):
        lines.append("also: " + "; ".join(map(str, attrs["aliases"][:8])))
    lines.append(f"{attrs.get('count', 0)} mention(s) in {len(attrs.get('docs') or [])} document(s)")
    lines.append("click for relations and evidence")
    return "\n".join(lines)


def _edge_tooltip(phrase: str, attrs: dict[str, Any]) -> str:
    head = f"{phrase}  [{attrs.get('kind', '')}{', ' + attrs['polarity'] if attrs.get('polarity') else ''}, ×{attrs.get('weight', 1)}]"
    ev = [f"[{e.get('doc', '')}] {' '.join(str(e.get('sentence', '')).split())[:240]}"
          for e in (attrs.get("evidence") or [])[:2]]
    return "\n".join([head, *ev])


def first_look(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The filters a page opens with: everything, but on a big graph the
    co-occurrence edges are off at first (tick them to see them).

    >>> import networkx as nx
    >>> first_look(nx.MultiDiGraph())["kinds"]
    ['action', 'quote', 'cooccurrence']
    """
    kinds = list(dict.fromkeys([*KIND_STYLE, *(str(k) for *_, k in G.edges(data="kind", default=""))]))
    if G.number_of_edges() > COOCCURRENCE_FIRST_LOOK_EDGES:
        kinds.remove("cooccurrence")
    types = list(dict.fromkeys([*TYPE_STYLE, *(str(t) for _, t in G.nodes(data="type", default=""))]))
    return {"types": types, "kinds": kinds, "polarities": list(POLARITY_COLOR), "min_weight": 1, "min_mentions": 1}


def vis_options(G: nx.MultiDiGraph) -> dict[str, Any]:
    """vis-network options: physics that stabilises, then stops (the page
    turns it off); above ``LARGE_GRAPH_NODES`` a few polishing steps of a
    faster solver over positions computed in Python, and simpler drawing.

    >>> import networkx as nx
    >>> vis_options(nx.complete_graph(3, nx.MultiDiGraph()))["physics"]["solver"]
    'barnesHut'
    """
    large = G.number_of_nodes() > LARGE_GRAPH_NODES
    physics: dict[str, Any] = {
        "enabled": True,
        "stabilization": {"enabled": True, "iterations": polish_iterations(G.number_of_nodes()) if large else 600,
                          "updateInterval": 5 if large else 25,
                          "fit": True},
        "minVelocity": 1.5 if large else 0.75,
    }
    if large:
        physics["solver"] = "forceAtlas2Based"
        physics["forceAtlas2Based"] = {"gravitationalConstant": -40, "centralGravity": 0.01, "springLength": 60,
                                       "springConstant": 0.08, "damping": 0.6, "avoidOverlap": 0}
        physics["adaptiveTimestep"] = True
    else:
        physics["solver"] = "barnesHut"
        physics["barnesHut"] = {"gravitationalConstant": -4000, "centralGravity": 0.9, "springLength": 130,
                                "springConstant": 0.02, "avoidOverlap": 0.3}
    return {
        "autoResize": True,
        "layout": {"improvedLayout": not large, "randomSeed": 7},
        "physics": physics,
        "interaction": {"hover": True, "tooltipDelay": 200, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
        "nodes": {"font": {"size": 12 if large else 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1, "scaling": {"label": {"drawThreshold": 6}}},
        "edges": {"smooth": False if large else {"type": "continuous", "roundness": 0.3},
                  "selectionWidth": 2, "hoverWidth": 1.5,
                  "arrows": {"to": {"scaleFactor": 0.6}}},
    }


def vis_data(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Everything the page draws: pyvis node and edge dicts, options, legend
    and first-look filters, as plain JSON-ready data.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="Oslo", type="place", count=3); G.add_node("b", label="Norway", type="country", count=1)
    >>> G.add_edge("a", "b", kind="cooccurrence", verb="", weight=1, evidence=[])
    0
    >>> d = vis_data(G)
    >>> [n["shape"] for n in d["nodes"]], d["edges"][0]["dashes"]
    (['triangleDown', 'square'], [6, 6])
    """
    large = G.number_of_nodes() > LARGE_GRAPH_NODES
    positions = seed_layout(G) if large else {}
    nodes = []
    for n, a in G.nodes(data=True):
        ntype = str(a.get("type", "") or "")
        color, shape, _ = TYPE_STYLE.get(ntype, OTHER_TYPE_STYLE)
        count = int(a.get("count", 0) or 0)
        label = str(a.get("label", n))
        node = Node(str(n), shape, label=label, color=color, size=node_size(count),
                    title=_node_tooltip(a), ntype=ntype,
                    aliases=[str(x) for x in a.get("aliases") or []], roles=[str(x) for x in a.get("roles") or []],
                    count=count, docs=[str(x) for x in a.get("docs") or []],
                    mentions=[list(m) for m in a.get("mentions") or []])
        if n in positions:
            node.options["x"], node.options["y"] = positions[n]
        nodes.append(node.options)
    edges = []
    for i, (u, v, a) in enumerate(G.edges(data=True)):
        kind = str(a.get("kind", "") or "")
        weight = int(a.get("weight", 1) or 1)
        cooc = kind == "cooccurrence"
        directed = not cooc and not a.get("symmetric")
        phrase = relation_phrase(str(G.nodes[u].get("label", u)), str(G.nodes[v].get("label", v)), a)
        color = COOCCURRENCE_COLOR if cooc else POLARITY_COLOR.get(str(a.get("polarity", "")), POLARITY_COLOR["neutral"])
        edge = Edge(str(u), str(v), directed=directed, id=i, title=_edge_tooltip(phrase, a),
                    color={"color": color, "highlight": color, "hover": color, "opacity": 0.55 if cooc else 0.95},
                    width=edge_width(kind, weight), dashes=KIND_STYLE.get(kind, (False,))[0],
                    kind=kind, verb=str(a.get("verb", "") or ""), polarity=str(a.get("polarity", "") or ""),
                    category=str(a.get("category", "") or ""), negated=bool(a.get("negated")),
                    modality=str(a.get("modality", "") or ""),
                    symmetric=bool(a.get("symmetric")), weight=weight, phrase=phrase,
                    evidence=[{k: e.get(k) for k in ("doc", "sentence", "start", "end", "quote") if k in e}
                              for e in (a.get("evidence") or [])[:MAX_EVIDENCE_IN_PAGE]],
                    evidence_total=len(a.get("evidence") or []))
        if not directed:
            edge.options["arrows"] = ""
        edges.append(edge.options)
    legend = {
        "types": {t: {"color": c, "symbol": s} for t, (c, _, s) in TYPE_STYLE.items()},
        "kinds": {k: {"line": css, "meaning": m} for k, (_, css, m) in KIND_STYLE.items()},
        "polarities": POLARITY_COLOR,
    }
    look = first_look(G)
    for t in look["types"]:
        if t not in legend["types"]:
            legend["types"][t] = {"color": OTHER_TYPE_STYLE[0], "symbol": OTHER_TYPE_STYLE[2]}
    for k in look["kinds"]:
        if k not in legend["kinds"]:
            legend["kinds"][k] = {"line": "solid", "meaning": "other relation"}
    graph = {k: v for k, v in G.graph.items() if isinstance(v, (str, int, float, list)) and k != "quotes"}
    return {"nodes": nodes, "edges": edges, "options": vis_options(G), "legend": legend,
            "defaults": look, "graph": graph,
            "large": large, "quotes": page_quotes(G)}


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


def render_html(G: nx.MultiDiGraph, *, title: str = "newsgraph") -> str:
    """The whole page as a string: vis-network, styles, data and our code inlined.

    >>> import networkx as nx
    >>> page = render_html(nx.MultiDiGraph())
    >>> page.startswith("<!DOCTYPE html>"), 'src="http' in page or 'href="http' in page
    (True, False)
    """
    vis_js, vis_css = _vis_assets()
    app_js = _read_template_file("graph.js").replace("</script", "<\\/script")
    app_css = _read_template_file("graph.css").replace("</style", "<\\/style")
    return _template().render(
        title=title, data_json=Markup(json_for_script(vis_data(G))),
        vis_js=Markup(vis_js), vis_css=Markup(vis_css), app_js=Markup(app_js), app_css=Markup(app_css),
        script_hashes=Markup(" ".join((csp_hash(vis_js), csp_hash(app_js)))),
    )


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike, *, title: str = "newsgraph") -> None:
    """Write the page atomically: a previous file stays whole if this fails.

    >>> import networkx as nx, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.html"
    >>> write_html(nx.MultiDiGraph(), p)
    >>> "vis.Network" in p.read_text(encoding="utf-8")
    True
    """
    html = render_html(G, title=title)
    with atomic_write(path) as fh:
        fh.write(html)
