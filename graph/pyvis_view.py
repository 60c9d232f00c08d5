"""The graph as a pyvis ``Network``, for readers who customise with pyvis.

:func:`to_pyvis` gives the page's colours, shapes, sizes and line styles,
and plain-text tooltips with every piece of article text HTML-escaped
(pyvis's own template may put a title into ``innerHTML``). On a graph past
the first look (``graph.html.FIRST_LOOK_NODES``) nodes carry the page's
positions and physics is off, as on the page.

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
from typing import Any

import networkx as nx


def to_pyvis(G: nx.MultiDiGraph, *, height: str = "750px", width: str = "100%", notebook: bool = False,
             cdn_resources: str = "in_line", **network_options: Any):
    """A ``pyvis.network.Network`` of ``G``, drawn as the page draws it.

    ``cdn_resources="in_line"`` (the default) puts vis-network inside the
    HTML pyvis writes, so it opens with no network; other arguments go to
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
    """
    from pyvis.edge import Edge
    from pyvis.network import Network
    from pyvis.node import Node

    from graph.html import (COOCCURRENCE_COLOR, FIRST_LOOK_NODES, KIND_STYLE, OTHER_TYPE_STYLE, POLARITY_COLOR,
                            TYPE_STYLE, _edge_tooltip, _node_tooltip, edge_width, node_size, page_positions,
                            relation_phrase)

    net = Network(height=height, width=width, directed=True, notebook=notebook, cdn_resources=cdn_resources,
                  **network_options)
    placed = G.number_of_nodes() > FIRST_LOOK_NODES
    pos = page_positions(G) if placed else {}
    # built directly: pyvis's add_node and add_edge look every id up in a list
    for n, a in G.nodes(data=True):
        colour, shape, _ = TYPE_STYLE.get(str(a.get("type", "")), OTHER_TYPE_STYLE)
        extra = {"x": pos[n][0], "y": pos[n][1]} if n in pos else {}
        node = Node(str(n), shape, label=str(a.get("label", n)), color=colour,
                    size=node_size(int(a.get("count", 0) or 0)), title=html.escape(_node_tooltip(a)),
                    font_color=False, **extra)
        net.nodes.append(node.options)
        net.node_ids.append(str(n))
        net.node_map[str(n)] = node.options
    for u, v, a in G.edges(data=True):
        kind = str(a.get("kind", "") or "")
        cooc = kind == "cooccurrence"
        directed = not cooc and not a.get("symmetric")
        colour = COOCCURRENCE_COLOR if cooc else POLARITY_COLOR.get(str(a.get("polarity", "")), POLARITY_COLOR["neutral"])
        phrase = relation_phrase(str(G.nodes[u].get("label", u)), str(G.nodes[v].get("label", v)), a)
        edge = Edge(str(u), str(v), directed, color=colour, width=edge_width(kind, int(a.get("weight", 1) or 1)),
                    dashes=KIND_STYLE.get(kind, (False,))[0], title=html.escape(_edge_tooltip(phrase, a)))
        if not directed:
            edge.options["arrows"] = ""
        net.edges.append(edge.options)
    if placed:
        net.toggle_physics(False)
    return net
