"""Every export round-trips: what is written reads back as the same graph."""
from __future__ import annotations

import csv

import networkx as nx
import pytest

from graph.build import build_graph
from graph.export import (csv_cell, read_gexf, read_graphml, read_json, write_csv, write_gexf,
                          write_graphml, write_json)
from nlp.records import Entity, Evidence, Mention, Relation


@pytest.fixture
def small_graph() -> nx.MultiDiGraph:
    fr = Entity("country:FR", "France", "country", ("French",), (),
                (Mention("d1", 0, 6, "France", "country"), Mention("d2", 3, 9, "French", "country")))
    ab = Entity("person:ana-bell", "Ana Bell", "official", ("Bell",), ("Foreign Minister",),
                (Mention("d1", 11, 19, "Ana Bell", "official"),))
    ev = Evidence("d1", "France met Ana Bell.", 0, 20)
    rels = [Relation("country:FR", "person:ana-bell", "action", "meet", "cooperation", "meet", (ev,)),
            Relation("country:FR", "person:ana-bell", "cooccurrence", evidence=(ev,), symmetric=True)]
    return build_graph([fr, ab], rels, documents=2)


def _same(G: nx.MultiDiGraph, H: nx.MultiDiGraph) -> None:
    assert nx.is_isomorphic(G, H)
    for n, a in G.nodes(data=True):
        for k in ("label", "type", "aliases", "roles", "mentions", "count", "docs"):
            assert H.nodes[n][k] == a[k], (n, k)
    for u, v, k, a in G.edges(keys=True, data=True):
        b = H.edges[u, v, k]
        for f in ("kind", "verb", "polarity", "weight", "evidence"):
            assert b[f] == a[f], (u, v, k, f)


@pytest.mark.parametrize("write,read,name", [(write_json, read_json, "g.json"),
                                             (write_graphml, read_graphml, "g.graphml"),
                                             (write_gexf, read_gexf, "g.gexf")])
def test_export_round_trip(small_graph, tmp_path, write, read, name):
    write(small_graph, tmp_path / name)
    _same(small_graph, read(tmp_path / name))


def test_export_csv_round_trip(small_graph, tmp_path):
    nodes, edges = write_csv(small_graph, tmp_path)
    with nodes.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["id"] for r in rows} == set(small_graph)
    assert {r["label"] for r in rows} == {"France", "Ana Bell"}
    with edges.open(newline="", encoding="utf-8") as fh:
        erows = list(csv.DictReader(fh))
    assert len(erows) == small_graph.number_of_edges()
    assert {(r["source"], r["target"], r["kind"], r["verb"]) for r in erows} == {
        (u, v, a["kind"], a["verb"]) for u, v, a in small_graph.edges(data=True)}


@pytest.mark.parametrize("cell", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "=HYPERLINK(\"http://x\")"])
def test_export_csv_neutralises_formulas(cell):
    assert csv_cell(cell).startswith("'")


def test_export_json_contract_fields(small_graph, tmp_path):
    import json
    write_json(small_graph, tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert "links" in data and data["graph"]["documents"] == 2
    link = next(l for l in data["links"] if l["kind"] == "action")
    assert (link["source"], link["target"], link["verb"], link["polarity"]) == (
        "country:FR", "person:ana-bell", "meet", "cooperation")
