"""Keep a graph drawable: drop weak edges, keep the entities that tell the story.

A page with tens of thousands of entities is slow to lay out and hard to
read. :func:`prune` returns a smaller copy for drawing; the graph itself (and
so the exports) is left whole. Which entities matter is decided by
:func:`story_rank` (what they did and said, and in how many documents they
appear), not by how many others they are named with: co-occurrence degree
fills a page with sports squads and league tables, where every name is
named with every other.

Example
-------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edges_from([("hub", "a"), ("hub", "b"), ("hub", "c"), ("a", "b")], weight=1, kind="cooccurrence")
>>> _ = G.add_edge("x", "y", kind="action", weight=1)
>>> sorted(prune(G, max_nodes=2))
['x', 'y']
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


#: node attribute (or quote list) and edge kinds that count as something an entity did or said
STORY_KINDS = ("action", "quote")


def story_score(G: nx.MultiDiGraph, node) -> int:
    """How much of the story an entity carries: twice the actions and quotes
    it takes part in (each counted as often as it was seen, and each quote it
    is the speaker of), plus the documents that mention it.

    Doing and saying weigh double because they are what a reader looks for
    first; documents count because a name in forty stories matters even when
    the parser found no verb for it.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", docs=["d1", "d2"]); G.add_node("b", docs=["d1"], quotes=[{"text": "yes"}])
    >>> _ = G.add_edge("a", "b", kind="action", weight=3)
    >>> story_score(G, "a"), story_score(G, "b")
    (8, 9)
    """
    acts = 0
    for _, _, a in G.out_edges(node, data=True):
        if a.get("kind") in STORY_KINDS:
            acts += int(a.get("weight", 1) or 1)
    for u, _, a in G.in_edges(node, data=True):
        if a.get("kind") in STORY_KINDS and u != node:
            acts += int(a.get("weight", 1) or 1)
    quotes = G.nodes[node].get("quotes")
    if isinstance(quotes, list):
        acts += len(quotes)
    return 2 * acts + len(G.nodes[node].get("docs") or [])


def story_rank(G: nx.MultiDiGraph, n: int | None = None) -> list:
    """Nodes ranked by :func:`story_score`, most first.

    Ties go to the entity linked with more others (it holds the drawing
    together), then to the one mentioned more often, then to the smaller id,
    so the order is the same on every run.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edges_from([("hub", "a"), ("hub", "b"), ("hub", "c")], kind="cooccurrence")
    >>> _ = G.add_edge("minister", "rival", kind="action", verb="accuse", weight=2)
    >>> story_rank(G, 3)
    ['minister', 'rival', 'hub']
    """
    def key(v):
        linked = len(set(G.successors(v)) | set(G.predecessors(v)) - {v})
        return (-story_score(G, v), -linked, -int(G.nodes[v].get("count", 0) or 0), str(v))

    ranked = sorted(G.nodes, key=key)
    return ranked if n is None else ranked[:n]


def prune(G: nx.MultiDiGraph, *, max_nodes: int | None = None, min_weight: int = 1) -> nx.MultiDiGraph:
    """A copy of ``G`` without edges seen fewer than ``min_weight`` times and
    with only the ``max_nodes`` entities that carry most of the story
    (:func:`story_rank`).

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
        H.remove_nodes_from(story_rank(H)[max_nodes:])
    if H.number_of_nodes() != G.number_of_nodes() or H.number_of_edges() != G.number_of_edges():
        H.graph["pruned_from"] = [G.number_of_nodes(), G.number_of_edges()]
    return H


def drawn(G: nx.MultiDiGraph, *, max_nodes: int | None = None, min_weight: int = 1) -> nx.MultiDiGraph:
    """The graph a page draws: ``G`` itself when nothing is cut, else :func:`prune`'s copy
    (a copy of every node and edge of a large graph is memory the page does not need).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b")])
    >>> drawn(G) is G, drawn(G, max_nodes=1) is G
    (True, False)
    """
    if max_nodes is None and min_weight <= 1:
        return G
    return prune(G, max_nodes=max_nodes, min_weight=min_weight)
