"""The graph as a pyvis ``Network``, for readers who customise with pyvis.

:func:`to_pyvis` gives the page's colours, shapes, sizes and line styles
and the page's tooltips and relation phrases (all from :mod:`graph.style`),
as plain text with every piece of article text HTML-escaped (pyvis's own
template may put a title into ``innerHTML``). On a graph past the first
look (``graph.html.FIRST_LOOK_NODES``) nodes carry the page's positions and
physics is off, as on the page.

The HTML the network writes opens offline: vis-network is inlined
(``cdn_resources="in_line"``) and pyvis's template is read without the
Bootstrap stylesheet and script it would otherwise fetch from a CDN (the
template only uses Bootstrap for the frame of its optional menus).

Example
-------
>>> import networkx as nx
>>> G = nx.MultiDiGraph(); G.add_node("p:x", label="<b>Ana</b>", type="person", count=2)
>>> net = to_pyvis(G)
>>> net.nodes[0]["color"], net.nodes[0]["shape"], "<b>" in net.nodes[0]["title"]
('#ff7f0e', 'dot', False)
"""
from __future__ import annotations

import html
import re
from typing import Any

import jinja2
import networkx as nx

from graph.style import edge_look, edge_tooltip, node_label, node_look, node_tooltip

#: the Bootstrap ``<link>`` and ``<script>`` pyvis's template loads from a CDN
_BOOTSTRAP = re.compile(r"<link\b[^>]*bootstrap[^>]*>|<script\b[^>]*bootstrap[^>]*>\s*</script>", re.IGNORECASE)


class OfflineTemplates(jinja2.FileSystemLoader):
    """pyvis's templates with every Bootstrap element taken out.

    >>> import jinja2, pyvis, pathlib
    >>> env = jinja2.Environment(loader=OfflineTemplates(pathlib.Path(pyvis.__file__).parent / "templates"))
    >>> "bootstrap" in env.loader.get_source(env, "template.html")[0]
    False
    """

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        return _BOOTSTRAP.sub("", source), filename, uptodate


def to_pyvis(G: nx.MultiDiGraph, *, height: str = "750px", width: str = "100%", notebook: bool = False,
             cdn_resources: str = "in_line", **network_options: Any):
    """A ``pyvis.network.Network`` of ``G``, drawn as the page draws it.

    ``cdn_resources="in_line"`` (the default) puts vis-network inside the
    HTML pyvis writes, and Bootstrap is left out, so ``net.write_html(...)``
    opens with no network request ("remote" and "local" load vis-network
    from a CDN, as pyvis does); other arguments go to
    ``pyvis.network.Network``. Customise it as any pyvis network
    (``net.toggle_physics(True)``, ``net.show_buttons()``) and write it with
    ``net.write_html("g.html")``.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="Lima", type="place", count=1); G.add_node("b", label="Peru", type="country", count=4)
    >>> _ = G.add_edge("a", "b", kind="cooccurrence", weight=2, evidence=[{"doc": "d", "sentence": "Lima, Peru."}])
    >>> net = to_pyvis(G)
    >>> [n["shape"] for n in net.nodes], net.edges[0]["dashes"], net.edges[0]["arrows"]
    (['triangleDown', 'square'], [6, 6], '')
    >>> net.edges[0]["title"].splitlines()[0]
    'Lima — named with — Peru  [cooccurrence, ×2]'
    """
    from pyvis.edge import Edge
    from pyvis.network import Network
    from pyvis.node import Node

    from graph.html import FIRST_LOOK_NODES, page_positions

    net = Network(height=height, width=width, directed=True, notebook=notebook, cdn_resources=cdn_resources,
                  **network_options)
    net.templateEnv = jinja2.Environment(loader=OfflineTemplates(net.template_dir))
    if net.template is not None:  # notebook=True read the template already
        net.template = net.templateEnv.get_template(net.path)
    placed = G.number_of_nodes() > FIRST_LOOK_NODES
    pos = page_positions(G) if placed else {}
    # built directly: pyvis's add_node and add_edge look every id up in a list
    for n in G.nodes:
        look = node_look(G.nodes[n])
        extra = {"x": pos[n][0], "y": pos[n][1]} if n in pos else {}
        node = Node(str(n), look["shape"], label=node_label(G, n), color=look["color"], size=look["size"],
                    title=html.escape(node_tooltip(G, n)), font_color=False, **extra)
        net.nodes.append(node.options)
        net.node_ids.append(str(n))
        net.node_map[str(n)] = node.options
    for u, v, a in G.edges(data=True):
        look = edge_look(a)
        edge = Edge(str(u), str(v), look["directed"], color=look["color"], width=look["width"],
                    dashes=look["dashes"], title=html.escape(edge_tooltip(G, u, v, a)))
        if not look["directed"]:
            edge.options["arrows"] = ""
        net.edges.append(edge.options)
    if placed:
        net.toggle_physics(False)
    return net
