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


def _json_as_before(G) -> str:
    """What write_json wrote before it streamed: the whole node-link data dumped at once."""
    import json

    from graph.export import _plain, node_link

    return json.dumps(node_link(G), ensure_ascii=False, indent=1, default=_plain)


def _odd_graph():
    import numpy

    G = nx.MultiDiGraph(model="m", documents=numpy.int64(3), documents_meta={"a": {"title": "Zoë\u2028"}})
    G.add_node("person:zoe", label="Zoë \"Z\" Ng\n", aliases=[], roles=("envoy",), count=numpy.int32(2),
               mentions=[["a", 0, 3]], weight=1.5)
    G.add_node("country:PE", label="Peru", docs=["a", "b"], nested={"k": [{"x": None}, []]})
    G.add_edge("person:zoe", "country:PE", kind="action", weight=numpy.float64(2.0),
               evidence=[{"doc": "a", "sentence": "Ng visited Peru </script>", "start": 0, "end": 24}])
    G.add_edge("person:zoe", "country:PE", kind="cooccurrence", evidence=[])
    return G


@pytest.mark.parametrize("make", [lambda: nx.MultiDiGraph(), lambda: nx.MultiDiGraph(x=[]),
                                  _odd_graph, lambda: _odd_graph().subgraph(["country:PE"]).copy()])
def test_export_json_streamed_is_byte_for_byte_what_it_was(tmp_path, make):
    G = make()
    write_json(G, tmp_path / "g.json")
    assert (tmp_path / "g.json").read_text(encoding="utf-8") == _json_as_before(G)


def test_export_json_of_a_built_graph_is_what_it_was(small_graph, tmp_path):
    write_json(small_graph, tmp_path / "g.json")
    assert (tmp_path / "g.json").read_text(encoding="utf-8") == _json_as_before(small_graph)


from hypothesis import given, settings, strategies as st  # noqa: E402

_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
                     max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(value=_JSON)
def test_export_json_any_value_is_written_as_the_json_module_writes_it(value):
    import json

    from graph.export import _indented, _plain

    assert _indented(value, "\n") == json.dumps(value, ensure_ascii=False, indent=1, default=_plain)


@settings(max_examples=150, deadline=None)
@given(attrs=st.dictionaries(st.text(max_size=5), _JSON, max_size=4))
def test_export_json_graph_attributes_streamed_are_what_they_were(attrs):
    """The graph's own lists and tables (its quotes, documents_meta) are written an item at a time."""
    import tempfile
    from pathlib import Path

    G = nx.MultiDiGraph()
    G.graph.update(attrs)
    G.add_node("person:zoe", label="Zoë")
    with tempfile.TemporaryDirectory() as out:
        write_json(G, Path(out) / "g.json")
        assert (Path(out) / "g.json").read_text(encoding="utf-8") == _json_as_before(G)


def test_export_csv_edges_say_reported_symmetric_and_dates(tmp_path):
    fr = Entity("country:FR", "France", "country", mentions=(Mention("d1", 0, 6, "France", "country"),))
    ab = Entity("person:ana-bell", "Ana Bell", "official", mentions=(Mention("d1", 11, 19, "Ana Bell", "official"),))
    ev = Evidence("d1", "Bell said France met Peru.", 0, 26)
    rels = [Relation("country:FR", "person:ana-bell", "action", "meet", "cooperation", "meet", (ev,),
                     symmetric=True, reported=True, reported_by="person:ana-bell")]
    G = build_graph([fr, ab], rels, documents=1, documents_meta={"d1": {"date": "2024-05-01"}})
    _, edges = write_csv(G, tmp_path)
    with edges.open(newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
        fh.seek(0)
        (row,) = list(csv.DictReader(fh))
    assert header[:12] == ["source", "target", "kind", "verb", "polarity", "category", "weight", "negated",
                           "modality", "agent", "docs", "evidence"]            # the columns as before, first
    assert (row["reported"], row["symmetric"], row["dates"]) == ("True", "True", '["2024-05-01"]')
    assert row["reported_by"] == '["person:ana-bell"]'


def claims_graph(confidence: bool = True) -> nx.MultiDiGraph:
    """An action sure at 1 (an int, as a hand-made graph may hold), a quote link at 0.72, a
    co-occurrence with none, a quote at 0.9 and one with no speaker; without ``confidence``
    the same graph as an older build wrote it."""
    G = nx.MultiDiGraph(documents=1)
    for n, label in [("country:PE", "Peru"), ("person:ana", "Ana Bell"), ("outlet:x", "Radio X")]:
        G.add_node(n, label=label, type=n.split(":")[0], count=1, aliases=[], roles=[], docs=["d1"], mentions=[])
    ev = [{"doc": "d1", "sentence": "Ana Bell told Radio X Peru won.", "start": 0, "end": 31}]
    sure = (lambda c: {"confidence": c}) if confidence else (lambda c: {})
    G.add_edge("person:ana", "country:PE", key="action:praise", kind="action", verb="praise", polarity="cooperation",
               weight=1, evidence=ev, **sure(1))
    G.add_edge("person:ana", "outlet:x", key="quote:tell", kind="quote", verb="tell", polarity="neutral",
               weight=1, evidence=ev, **sure(0.72))
    G.add_edge("person:ana", "country:PE", key="cooccurrence", kind="cooccurrence", verb="", weight=1, evidence=ev)
    G.graph["quotes"] = [{"doc": "d1", "start": 22, "end": 31, "text": "Peru won.", "speaker": "person:ana",
                          "cue": "tell", "kind": "indirect", "to": "outlet:x", "names": ["country:PE"], **sure(0.9)},
                         {"doc": "d1", "start": 0, "end": 4, "text": "Ana", "speaker": None, "cue": "say",
                          "kind": "direct", "to": None, "names": [], **sure(None)}]
    G.nodes["person:ana"]["quotes"] = G.graph["quotes"][:1]
    if confidence:
        G.graph["confidence_threshold"] = 0.4
    return G


@pytest.mark.parametrize("confidence", [True, False])
@pytest.mark.parametrize("write, read, name", [(write_json, read_json, "g.json"),
                                               (write_graphml, read_graphml, "g.graphml"),
                                               (write_gexf, read_gexf, "g.gexf")])
def test_export_confidence_round_trips_as_a_float(tmp_path, write, read, name, confidence):
    G = claims_graph(confidence)
    write(G, tmp_path / name)
    H = read(tmp_path / name)
    sure = {k: a.get("confidence") for *_, k, a in H.edges(keys=True, data=True)}
    if not confidence:     # an older graph: nothing is made up, not even an empty attribute
        assert sure == {"action:praise": None, "quote:tell": None, "cooccurrence": None}
        assert "confidence" not in (tmp_path / name).read_text(encoding="utf-8")
        return
    assert sure == {"action:praise": 1.0, "quote:tell": 0.72, "cooccurrence": None}
    if write is not write_json:     # XML declares a type: a float, even for a confidence of 1
        assert isinstance(sure["action:praise"], float)
    # each speaker's quotes, with their confidence (GEXF keeps no graph attributes)
    assert [q["confidence"] for q in H.nodes["person:ana"]["quotes"]] == [0.9]
    if write is not write_gexf:
        assert [q.get("confidence") for q in H.graph["quotes"]] == [0.9, None]


@pytest.mark.parametrize("write, name, ns", [
    (write_graphml, "g.graphml", {"k": "{http://graphml.graphdrawing.org/xmlns}key"}),
    (write_gexf, "g.gexf", {"k": "{http://www.gexf.net/1.2draft}attribute"}),
])
def test_export_confidence_is_one_attribute_of_one_type_for_gephi(tmp_path, write, name, ns):
    import xml.etree.ElementTree as ET

    write(claims_graph(), tmp_path / name)
    keys = [k for k in ET.parse(tmp_path / name).getroot().iter(ns["k"])
            if (k.get("attr.name") or k.get("title")) == "confidence"]
    assert len(keys) == 1
    assert (keys[0].get("attr.type") or keys[0].get("type")) in ("double", "float")


@pytest.mark.parametrize("confidence", [True, False])
def test_export_csv_has_a_confidence_column(tmp_path, confidence):
    write_csv(claims_graph(confidence), tmp_path)
    with (tmp_path / "edges.csv").open(newline="", encoding="utf-8") as fh:
        edges = {(r["kind"], r["verb"]): r["confidence"] for r in csv.DictReader(fh)}
    with (tmp_path / "quotes.csv").open(newline="", encoding="utf-8") as fh:
        quotes = [r["confidence"] for r in csv.DictReader(fh)]
    if confidence:
        assert edges == {("action", "praise"): "1.0", ("quote", "tell"): "0.72", ("cooccurrence", ""): ""}
        assert quotes == ["0.9", ""]
    else:   # an older graph: the column is there, empty, and every row still is
        assert edges == {("action", "praise"): "", ("quote", "tell"): "", ("cooccurrence", ""): ""}
        assert quotes == ["", ""]
