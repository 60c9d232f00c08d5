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



def grow_beside(U: nx.Graph, pos: dict, start: list, spacing: float, rng: random.Random, *, inner: float) -> None:
    """Breadth-first from the placed nodes ``start``: each unplaced neighbour on a ring around the one that
    reaches it, ``inner`` spacings out (wider for many), so a component fans out from what is placed.

    >>> U = nx.path_graph(3); pos = {0: (0.0, 0.0)}
    >>> grow_beside(U, pos, [0], 10.0, random.Random(1), inner=1.0); sorted(pos)
    [0, 1, 2]
    """
    queue = deque(start)
    while queue:
        v = queue.popleft()
        fresh = [w for w in U[v] if w not in pos]
        if not fresh:
            continue
        base = rng.uniform(0, 2 * math.pi)
        for i, w in enumerate(fresh):
            angle = base + 2 * math.pi * i / len(fresh)
            r = spacing * (inner + 0.15 * math.sqrt(len(fresh))) * rng.uniform(0.8, 1.2)
            px, py = pos[v]
            pos[w] = (px + r * math.cos(angle), py + r * math.sin(angle))
            queue.append(w)

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
        grow_beside(U, pos, start, spacing, rng, inner=1.0)

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


# ---- the first look: a readable drawing of the entities that matter -------

#: canvas pixels a label character takes at the page's 14 px font (system-ui
#: averages about 7; capitals and wide glyphs take more, and a label that
#: overlaps is worse than a drawing a little wider than it needs)
CHAR_WIDTH = 8.0
#: height of one label line below a node, in canvas pixels
LABEL_HEIGHT = 19.0


def label_box(label: str, size: float) -> tuple[float, float, float, float]:
    """The box a node and its label take around the node's centre:
    ``(left, right, up, down)`` distances in canvas pixels.

    vis-network draws the label of a dot, star, square, diamond or triangle
    under the shape, centred.

    >>> label_box("Oslo", 10.0)
    (20.0, 20.0, 10.0, 31.0)
    """
    half = max(size, CHAR_WIDTH * len(label) / 2 + 4.0)
    return (half, half, size, size + LABEL_HEIGHT + 2.0)


def remove_overlaps(pos: dict, boxes: dict, *, gap: float = 6.0, order: list | None = None) -> dict:
    """Each box in turn (``order``, else as given) at its place, or if that
    overlaps a box already placed, at the nearest free spot found on a
    sunflower spiral around it: no two boxes overlap, and each stays as near
    its place as the room allows.

    >>> pos = remove_overlaps({"a": (0.0, 0.0), "b": (1.0, 0.0)}, {"a": (10, 10, 5, 5), "b": (10, 10, 5, 5)})
    >>> abs(pos["a"][0] - pos["b"][0]) >= 20 or abs(pos["a"][1] - pos["b"][1]) >= 10
    True
    """
    import numpy as np

    names = [n for n in (order or list(pos)) if n in pos]
    placed = np.zeros((len(names), 6))  # x, y, left, right, up, down
    out: dict = {}
    for i, n in enumerate(names):
        x0, y0 = pos[n]
        left, right, up, down = boxes[n]
        p = placed[:i]
        for start in range(0, 40960, 512):  # 512 spots of the spiral at a time
            k = np.arange(start, start + 512)
            r, a = 9.0 * np.sqrt(k), k * 2.39996
            xs, ys = x0 + 1.5 * r * np.cos(a), y0 + r * np.sin(a)  # wider than high, as labels and screens are
            clash = ((xs[:, None] - left < p[:, 0] + p[:, 3] + gap) & (p[:, 0] - p[:, 2] < xs[:, None] + right + gap)
                     & (ys[:, None] - up < p[:, 1] + p[:, 5] + gap) & (p[:, 1] - p[:, 4] < ys[:, None] + down + gap))
            free = np.flatnonzero(~clash.any(axis=1))
            if free.size:
                x, y = xs[free[0]], ys[free[0]]
                break
        placed[i] = (x, y, left, right, up, down)
        out[n] = (float(x), float(y))
    return out


def story_layout(G: nx.MultiDiGraph, first: list, boxes: dict, *, seed: int = 7,
                 spacing: float = SPACING) -> dict[Hashable, tuple[float, float]]:
    """``{node: (x, y)}`` for every node: the ``first`` entities (the first
    look) laid out by networkx's spring layout over their links (actions and
    quotes pull three times as hard as co-occurrence), scaled to the room
    their labels need and moved apart until no two labels overlap; every
    other entity beside the first-look neighbour it is reached from, further
    out.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c")], kind="action")
    >>> pos = story_layout(G, ["a", "b"], {n: label_box(n, 10) for n in G})
    >>> sorted(pos)
    ['a', 'b', 'c']
    """
    if G.number_of_nodes() == 0:
        return {}
    core = [n for n in first if n in G]
    U = nx.Graph()
    U.add_nodes_from(core)
    inner = set(core)
    for u, v, a in G.edges(data=True):
        if u != v and u in inner and v in inner:
            w = 3.0 if a.get("kind") in ("action", "quote") else 1.0
            U.add_edge(u, v, weight=U.get_edge_data(u, v, {"weight": 0})["weight"] + w)
    raw = nx.spring_layout(U, seed=seed, iterations=100, weight="weight") if len(core) > 1 else {n: (0.0, 0.0) for n in core}
    # room: about three times the area the boxes cover, in a 3:2 landscape
    area = sum((boxes[n][0] + boxes[n][1]) * (boxes[n][2] + boxes[n][3]) for n in core) or 1.0
    width = math.sqrt(area * 2.0 * 1.5)
    height = width / 1.5
    pos = {n: (float(x) * width / 2, float(y) * height / 2) for n, (x, y) in raw.items()}
    pos = remove_overlaps(pos, {n: boxes[n] for n in core}, order=core)
    rng = random.Random(seed)
    full = nx.Graph()
    full.add_nodes_from(G)
    full.add_edges_from((u, v) for u, v in G.edges() if u != v)
    # the rest: breadth-first from the first look, each beside the one that reaches it
    grow_beside(full, pos, core, spacing, rng, inner=1.5)
    radius = max(width, height) / 2 + spacing * 3
    turn = 0
    for n in most_connected(G):
        if n in pos:
            continue
        turn += 1
        angle = turn * 2.39996
        r = radius + spacing * 2 * math.sqrt(turn)
        pos[n] = (r * math.cos(angle), r * math.sin(angle))
        queue = deque([n])
        while queue:
            v = queue.popleft()
            fresh = [w for w in full[v] if w not in pos]
            for i, w in enumerate(fresh):
                angle = 2 * math.pi * i / len(fresh)
                px, py = pos[v]
                pos[w] = (px + spacing * math.cos(angle), py + spacing * math.sin(angle))
                queue.append(w)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}


#: Louvain runs over at most this many of the most linked entities (networkx's
#: pure-Python Louvain took 34 s on 20,000 entities and 80,000 links); each
#: other entity joins the community of the neighbour that reaches it first
COMMUNITY_CORE = 3000


def communities(G: nx.MultiDiGraph, *, seed: int = 7, core: int = COMMUNITY_CORE) -> dict[Hashable, int]:
    """``{node: community}`` from networkx's Louvain method over the links
    (each pair weighted by how often it was seen), numbered from the
    largest community (0) down; an entity with no link is its own community.

    On a graph of more than ``core`` entities, Louvain runs over the ``core``
    most linked ones and every other entity joins the community of the
    neighbour it is reached from, breadth first.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")])
    >>> c = communities(G)
    >>> c["a"] == c["b"] == c["c"] != c["x"] == c["y"]
    True
    >>> c2 = communities(G, core=2)
    >>> c2["a"] == c2["b"] == c2["c"]
    True
    """
    U = nx.Graph()
    U.add_nodes_from(G)
    for u, v, w in G.edges(data="weight", default=1):
        if u != v:
            U.add_edge(u, v, weight=U.get_edge_data(u, v, {"weight": 0})["weight"] + (w or 1))
    inner = U if U.number_of_nodes() <= core else U.subgraph(sorted(U, key=lambda n: (-U.degree(n), str(n)))[:core])
    found = nx.community.louvain_communities(inner, weight="weight", seed=seed)
    label = {n: i for i, c in enumerate(found) for n in c}
    queue = deque(label)
    while queue:  # the rest: breadth first from the communities found
        v = queue.popleft()
        for w in U[v]:
            if w not in label:
                label[w] = label[v]
                queue.append(w)
    for n in U:  # unreached: each its own
        if n not in label:
            label[n] = len(found)
            found.append({n})
    sizes: dict[int, int] = {}
    for c in label.values():
        sizes[c] = sizes.get(c, 0) + 1
    order = sorted(sizes, key=lambda c: (-sizes[c], min(str(n) for n in found[c])))
    renumber = {c: i for i, c in enumerate(order)}
    return {n: renumber[c] for n, c in label.items()}
