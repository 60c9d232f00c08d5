"""Positions computed in Python for graphs too large to lay out in the browser.

vis-network's physics costs about a tenth of a second per step at 5,000
nodes, and a few hundred steps are needed from random positions. Here
networkx's spring layout places the most connected entities (few enough for
its dense solver), every other entity is put beside the neighbour it was
reached from, in breadth-first order, and the page then only polishes the
result with a few physics steps.

Example
-------
>>> import networkx as nx
>>> G = nx.MultiDiGraph(nx.path_graph(6))
>>> pos = seed_layout(G, core=3)
>>> sorted(pos) == sorted(G), all(len(p) == 2 for p in pos.values())
(True, True)
"""
from __future__ import annotations

import math
import random
from collections import deque
from collections.abc import Hashable

import networkx as nx

from graph.prune import most_connected

# networkx lays out this many of the most connected entities itself
CORE_NODES = 300
# pixels between an entity and the one it was placed beside
SPACING = 70.0


def seed_layout(G: nx.MultiDiGraph, *, core: int = CORE_NODES, seed: int = 7,
                spacing: float = SPACING) -> dict[Hashable, tuple[float, float]]:
    """``{node: (x, y)}`` in vis-network pixels for every node of ``G``.

    The same graph and seed give the same positions.

    >>> import networkx as nx
    >>> seed_layout(nx.MultiDiGraph())
    {}
    >>> G = nx.MultiDiGraph([("a", "b")]); G.add_node("alone")
    >>> seed_layout(G) == seed_layout(G)
    True
    """
    if G.number_of_nodes() == 0:
        return {}
    rng = random.Random(seed)
    U = nx.Graph()
    U.add_nodes_from(G)
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    ranked = most_connected(G)
    centre = ranked[:max(1, min(core, 400))]  # the dense solver's memory grows with the square
    radius = spacing * math.sqrt(G.number_of_nodes())
    raw = nx.spring_layout(U.subgraph(centre), seed=seed, iterations=80)
    pos: dict[Hashable, tuple[float, float]] = {n: (float(x) * radius, float(y) * radius) for n, (x, y) in raw.items()}

    def grow(start: list) -> None:
        """Breadth-first from placed nodes: each new one beside its parent."""
        queue = deque(start)
        while queue:
            v = queue.popleft()
            fresh = [w for w in U[v] if w not in pos]
            base = rng.uniform(0, 2 * math.pi)
            for i, w in enumerate(fresh):
                angle = base + 2 * math.pi * i / len(fresh)
                r = spacing * (1.0 + 0.15 * math.sqrt(len(fresh))) * rng.uniform(0.8, 1.2)
                px, py = pos[v]
                pos[w] = (px + r * math.cos(angle), py + r * math.sin(angle))
                queue.append(w)

    grow(centre)
    # entities not reached from the centre: each remaining component grows
    # from its own most connected member, placed on a spiral further out
    turn = 0
    for n in ranked:
        if n in pos:
            continue
        turn += 1
        angle = turn * 2.39996  # golden angle: even spread around the centre
        r = radius * 1.2 + spacing * 2 * math.sqrt(turn)
        pos[n] = (r * math.cos(angle), r * math.sin(angle))
        grow([n])
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}
