"""Pruning what is drawn: the entities that carry the story, links seen often enough."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import networkx as nx
import pytest

from graph.prune import most_connected, prune, story_rank
from tests.conftest import ROOT


def star_and_chain() -> nx.MultiDiGraph:
    """A hub linked to five spokes, and a separate chain x-y-z; weights say how often."""
    G = nx.MultiDiGraph()
    for i in range(5):
        G.add_edge("hub", f"spoke{i}", weight=3 if i < 2 else 1)
    G.add_edge("x", "y", weight=1)
    G.add_edge("y", "z", weight=2)
    G.add_edge("y", "z", weight=1)  # a second relation between the same pair
    G.add_node("alone", count=40)
    for n in G:
        G.nodes[n].setdefault("count", 1)
    return G


@pytest.mark.parametrize("n, kept", [(1, {"hub"}), (2, {"hub", "y"}), (4, {"hub", "y", "spoke0", "spoke1"})])
def test_prune_max_nodes_without_actions_keeps_the_most_linked(n, kept):
    H = prune(star_and_chain(), max_nodes=n)
    assert set(H) == kept
    assert all(u in kept and v in kept for u, v in H.edges())


@pytest.mark.parametrize("w, nodes, edges", [
    (1, 10, 8),
    (2, 6, 3),   # hub, spoke0, spoke1, y, z and alone (never linked); x and spokes 2-4 lost every link
    (4, 1, 0),
])
def test_prune_min_weight_drops_weak_links_and_the_entities_they_held(w, nodes, edges):
    H = prune(star_and_chain(), min_weight=w)
    assert (H.number_of_nodes(), H.number_of_edges()) == (nodes, edges)
    assert "alone" in H
    assert all(d["weight"] >= w for *_, d in H.edges(data=True))


@pytest.mark.parametrize("kwargs", [{"max_nodes": 3}, {"min_weight": 2}])
def test_prune_leaves_the_graph_whole_and_says_what_it_cut(kwargs):
    G = star_and_chain()
    before = (G.number_of_nodes(), G.number_of_edges())
    H = prune(G, **kwargs)
    assert (G.number_of_nodes(), G.number_of_edges()) == before
    assert H.graph["pruned_from"] == list(before)
    assert "pruned_from" not in G.graph


@pytest.mark.parametrize("G", [nx.MultiDiGraph(), star_and_chain()])
def test_prune_nothing_to_cut_is_the_same_graph(G):
    H = prune(G, max_nodes=1000, min_weight=1)
    assert nx.utils.graphs_equal(G, H) and "pruned_from" not in H.graph


@pytest.mark.parametrize("bad", [-1])
def test_prune_negative_max_nodes_is_refused(bad):
    with pytest.raises(ValueError):
        prune(star_and_chain(), max_nodes=bad)


def story() -> nx.MultiDiGraph:
    """A squad of eleven named together in one league table, and a minister who
    accused a rival once and is quoted in three documents."""
    G = nx.MultiDiGraph()
    squad = [f"player{i}" for i in range(11)]
    for i, a in enumerate(squad):
        G.add_node(a, count=2, docs=["table"])
        for b in squad[i + 1:]:
            G.add_edge(a, b, kind="cooccurrence", weight=1)
    G.add_node("minister", count=4, docs=["d1", "d2", "d3"], quotes=[{"text": "no"}])
    G.add_node("rival", count=1, docs=["d1"])
    G.add_edge("minister", "rival", kind="action", verb="accuse", weight=1)
    return G


@pytest.mark.parametrize("n", [2])
def test_prune_max_nodes_keeps_who_acted_and_spoke_over_a_dense_squad(n):
    H = prune(story(), max_nodes=n)
    assert set(H) == {"minister", "rival"} and H.number_of_edges() == 1
    assert story_rank(story())[:2] == ["minister", "rival"]
    assert most_connected(story())[0].startswith("player")  # what --max-nodes used to keep


@pytest.mark.parametrize("seed", [0, 1])
def test_prune_most_connected_order_is_stable(seed):
    G = star_and_chain()
    H = nx.MultiDiGraph()
    nodes = list(G.nodes(data=True))
    import random
    random.Random(seed).shuffle(nodes)
    H.add_nodes_from(nodes)
    H.add_edges_from(G.edges(keys=True, data=True))
    assert most_connected(H) == most_connected(G)
    assert most_connected(G)[:2] == ["hub", "y"]
    assert story_rank(H) == story_rank(G)


ARTICLE = ("Reuters reported that Germany and France met in Berlin. Germany and France signed a deal. "
           "Poland praised Germany. Sweden and Norway talked. Spain was mentioned alongside Portugal.")


@pytest.mark.model
@pytest.mark.parametrize("max_nodes", [2])
def test_prune_cli_prunes_the_page_and_keeps_the_exports_whole(tmp_path, max_nodes):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "newsgraph", "build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "g.html"),
                           "--json", str(tmp_path / "g.json"), "--max-nodes", str(max_nodes), "--no-cache", "--quiet"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    full = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    drawn = json.loads(re.search(r'id="graph-data">(.*?)</script>', page, re.S).group(1))
    assert len(full["nodes"]) > max_nodes
    assert len(drawn["nodes"]) == max_nodes
    assert drawn["graph"]["pruned_from"] == [len(full["nodes"]), len(full["links"])]
    ranked = story_rank(nx.node_link_graph(full, edges="links", multigraph=True, directed=True), max_nodes)
    assert sorted(n["id"] for n in drawn["nodes"]) == sorted(ranked)


@pytest.mark.parametrize("flag", ["--max-nodes=0", "--min-weight=0"])
def test_prune_cli_refuses_zero(tmp_path, flag):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "newsgraph", "build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "g.html"),
                           flag, "--no-cache"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 2 and flag.split("=")[0] in proc.stderr
    assert not (tmp_path / "g.html").exists()


def test_prune_page_draws_the_graph_itself_unless_something_is_cut():
    from graph.prune import drawn

    G = star_and_chain()
    assert drawn(G) is G                         # no copy of a large graph for a page that cuts nothing
    for kwargs in ({"max_nodes": 2}, {"min_weight": 2}):
        H = drawn(G, **kwargs)
        assert H is not G and sorted(H.nodes) == sorted(prune(G, **kwargs).nodes)
