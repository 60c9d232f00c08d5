"""Positions computed in Python for large graphs (graph.layout)."""
from __future__ import annotations

import math

import networkx as nx
import pytest

from graph.layout import label_box, seed_layout, story_layout


def two_communities_and_strays(n: int) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_edges_from(nx.barabasi_albert_graph(n, 2, seed=1).edges())
    G.add_edges_from((f"b{u}", f"b{v}") for u, v in nx.barabasi_albert_graph(n // 2, 2, seed=2).edges())
    G.add_nodes_from(f"stray{i}" for i in range(5))
    return G


@pytest.mark.parametrize("n, core", [(60, 20), (600, 300)])
def test_layout_places_every_node_once_and_apart(n, core):
    G = two_communities_and_strays(n)
    pos = seed_layout(G, core=core)
    assert set(pos) == set(G)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    assert len(set(pos.values())) == len(pos)  # no two entities on the same spot


@pytest.mark.parametrize("seed", [0, 7])
def test_layout_same_graph_same_positions(seed):
    G = two_communities_and_strays(80)
    assert seed_layout(G, seed=seed) == seed_layout(G.copy(), seed=seed)


@pytest.mark.parametrize("n", [200])
def test_layout_neighbours_sit_closer_than_strangers(n):
    G = two_communities_and_strays(n)
    pos = seed_layout(G, core=50)
    dist = lambda a, b: math.dist(pos[a], pos[b])  # noqa: E731
    linked = [dist(u, v) for u, v in G.edges() if u != v]
    nodes = list(G)
    strangers = [dist(nodes[i], nodes[(i * 37 + 11) % len(nodes)]) for i in range(len(nodes))]
    assert sorted(linked)[len(linked) // 2] < sorted(strangers)[len(strangers) // 2]


def test_story_layout_places_every_entity_also_in_parts_the_first_look_does_not_reach():
    # a first look of two linked entities, and two small groups linked to nothing in it
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", kind="action")
    G.add_edge("c", "d", kind="cooccurrence")
    G.add_edge("d", "e", kind="cooccurrence")
    G.add_edge("x", "y", kind="quote")
    pos = story_layout(G, ["a", "b"], {n: label_box(n, 10) for n in G})
    assert set(pos) == set(G)
    assert len(set(pos.values())) == G.number_of_nodes()
