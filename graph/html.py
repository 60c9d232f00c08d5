"""The graph as one self-contained HTML file: no request to any host.

pyvis turns the networkx graph into vis-network node and edge options; our
template (``templates/graph.html``) inlines pyvis's bundled copy of
vis-network instead of pointing at a CDN. Article text reaches the page only
as JSON inside a ``<script type="application/json">`` block, escaped so that
it cannot close the block, and is put on screen with ``textContent`` or as
vis-network's plain-text tooltips: never as HTML.

Example
-------
>>> import networkx as nx
>>> G = nx.MultiDiGraph(); G.add_node("p:x", label="<script>x</script>", type="person", count=1)
>>> "<script>x</script>" in render_html(G)
False
"""
from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
import networkx as nx

from graph.atomic import atomic_write

TYPE_STYLE = {
    "official": ("#d62728", "star"),
    "person": ("#ff7f0e", "dot"),
    "country": ("#1f77b4", "square"),
    "outlet": ("#2ca02c", "diamond"),
    "organization": ("#9467bd", "triangle"),
    "place": ("#8c564b", "triangleDown"),
}
POLARITY_COLOR = {"cooperation": "#2ca02c", "conflict": "#d62728", "neutral": "#7f7f7f", "": "#c7c7c7"}


def json_for_script(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element.

    ``<``, ``>``, ``&`` and the line separators U+2028/U+2029 are written as
    escapes, so no string can close the element or break the script.

    >>> json_for_script({"x": "</script>"})
    '{"x": "\\\\u003c/script\\\\u003e"}'
    """
    s = json.dumps(value, ensure_ascii=False)
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def _tooltip(attrs: dict[str, Any]) -> str:
    lines = [f"{attrs.get('label', '')} ({attrs.get('type', '')})"]
    if attrs.get("roles"):
        lines.append("roles: " + "; ".join(attrs["roles"]))
    if attrs.get("aliases"):
        lines.append("aliases: " + "; ".join(attrs["aliases"][:10]))
    lines.append(f"mentions: {attrs.get('count', 0)} in {len(attrs.get('docs', []))} document(s)")
    return "\n".join(lines)


def _edge_tooltip(u_label: str, v_label: str, attrs: dict[str, Any]) -> str:
    verb = attrs.get("verb") or "named with"
    head = f"{u_label} — {verb} → {v_label} ({attrs.get('kind')}, {attrs.get('polarity') or 'co-occurrence'})"
    ev = [f"[{e['doc']}] {e['sentence']}" for e in attrs.get("evidence", [])[:3]]
    return "\n".join([head, *ev])


def vis_data(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Node and edge dicts for vis-network, made with pyvis, plus our legend."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="local")
    for n, a in G.nodes(data=True):
        color, shape = TYPE_STYLE.get(a.get("type", ""), ("#999999", "dot"))
        net.add_node(n, label=str(a.get("label", n)), title=_tooltip(a), color=color, shape=shape,
                     value=1 + math.log1p(a.get("count", 1)), group=a.get("type", ""),
                     ntype=a.get("type", ""), aliases=list(a.get("aliases", [])), roles=list(a.get("roles", [])),
                     count=int(a.get("count", 0)), docs=list(a.get("docs", [])))
    for i, (u, v, k, a) in enumerate(G.edges(keys=True, data=True)):
        cooc = a.get("kind") == "cooccurrence"
        net.add_edge(u, v, id=i, title=_edge_tooltip(G.nodes[u].get("label", u), G.nodes[v].get("label", v), a),
                     color=POLARITY_COLOR.get(a.get("polarity", ""), "#999999"),
                     width=0.5 if cooc else 1 + math.log1p(a.get("weight", 1)),
                     dashes=cooc, arrows="" if cooc or a.get("symmetric") else "to",
                     kind=a.get("kind", ""), verb=a.get("verb", ""), polarity=a.get("polarity", ""),
                     weight=int(a.get("weight", 1)), evidence=a.get("evidence", []))
    many = G.number_of_nodes() > 300
    options = {
        "physics": {"solver": "forceAtlas2Based" if many else "barnesHut",
                    "stabilization": {"enabled": True, "iterations": 200 if many else 400, "updateInterval": 50}},
        "interaction": {"hover": True, "tooltipDelay": 150},
        "nodes": {"scaling": {"min": 8, "max": 40}, "font": {"size": 14}},
        "edges": {"smooth": False if many else {"type": "dynamic"}},
    }
    return {"nodes": net.nodes, "edges": net.edges, "options": options,
            "legend": {"types": {t: c for t, (c, _) in TYPE_STYLE.items()}, "polarity": POLARITY_COLOR}}


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    text = resources.files("graph").joinpath("templates/graph.html").read_text(encoding="utf-8")
    return jinja2.Environment(autoescape=True).from_string(text)


def render_html(G: nx.MultiDiGraph, *, title: str = "newsgraph") -> str:
    """The whole page as a string: vis-network, styles and data inlined."""
    js, css = _vis_assets()
    # the library's own code may not contain a closing tag either
    js = js.replace("</script", "<\\/script")
    css = css.replace("</style", "<\\/style")
    return _template().render(title=title, data_json=Markup(json_for_script(vis_data(G))),
                              vis_js=Markup(js), vis_css=Markup(css))


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike, *, title: str = "newsgraph") -> None:
    """Write the page atomically: a previous file stays whole if this fails."""
    html = render_html(G, title=title)
    with atomic_write(path) as fh:
        fh.write(html)
