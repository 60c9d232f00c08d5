"""Keep a graph drawable: drop weak edges, keep the most connected entities.

A page with tens of thousands of entities is slow to lay out and hard to
read. :func:`prune` returns a smaller copy for drawing; the graph itself (and
so the exports) is left whole.

Example
-------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edges_from([("hub", "a"), ("hub", "b"), ("hub", "c"), ("a", "b")], weight=1)
>>> sorted(prune(G, max_nodes=2))
['a', 'hub']
"""
from __future__ import annotations

import networkx as nx


def most_connected(G: nx.MultiDiGraph, n: int | None = None) -> list:
    """Nodes ranked by how many other entities they are linked with.

    Ties go to the entity mentioned more often, then to the smaller id, so
    the order is the same on every run.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("quiet", count=9)
    >>> _ = G.add_edges_from([("x", "y"), ("x", "z"), ("x", "y")])
    >>> most_connected(G)
    ['x', 'y', 'z', 'quiet']
    """
    def neighbours(node) -> int:
        return len(set(G.successors(node)) | set(G.predecessors(node)) - {node})

    ranked = sorted(G.nodes, key=lambda v: (-neighbours(v), -int(G.nodes[v].get("count", 0) or 0), str(v)))
    return ranked if n is None else ranked[:n]


def prune(G: nx.MultiDiGraph, *, max_nodes: int | None = None, min_weight: int = 1) -> nx.MultiDiGraph:
    """A copy of ``G`` without edges seen fewer than ``min_weight`` times and
    with only the ``max_nodes`` most connected entities.

    Entities that had edges and lost all of them to ``min_weight`` go too;
    an entity that never had an edge stays (unless ``max_nodes`` drops it).
    ``G`` is not changed. The copy's ``graph`` attributes record what was cut
    (``pruned_from``: the node and edge counts before).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", weight=3), G.add_edge("b", "c", weight=1), G.add_node("alone")
    >>> H = prune(G, min_weight=2)
    >>> sorted(H.nodes), H.number_of_edges(), H.graph["pruned_from"]
    (['a', 'alone', 'b'], 1, [4, 2])
    """
    if max_nodes is not None and max_nodes < 0:
        raise ValueError("max_nodes must be 0 or more")
    H = G.copy()
    if min_weight > 1:
        linked = {v for v in H if H.degree(v) > 0}
        weak = [(u, v, k) for u, v, k, w in H.edges(keys=True, data="weight", default=1) if (w or 0) < min_weight]
        H.remove_edges_from(weak)
        H.remove_nodes_from([v for v in linked if H.degree(v) == 0])
    if max_nodes is not None and H.number_of_nodes() > max_nodes:
        H.remove_nodes_from(most_connected(H)[max_nodes:])
    if H.number_of_nodes() != G.number_of_nodes() or H.number_of_edges() != G.number_of_edges():
        H.graph["pruned_from"] = [G.number_of_nodes(), G.number_of_edges()]
    return H
