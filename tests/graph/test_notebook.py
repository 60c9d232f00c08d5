"""The notebook view and tables, and notebooks/explore.ipynb run top to bottom."""
from __future__ import annotations

import html
import json
import re

import networkx as nx
import pytest

from graph.notebook import GraphView, Table, edge_evidence, quotes, show, top_entities, top_relations
from tests.conftest import ROOT


def small_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for key, label, ntype in [("country:PE", "Peru", "country"), ("country:CL", "Chile", "country"),
                              ("person:ana-ruiz", "Ana Ruiz", "official"), ("outlet:efe", "EFE", "outlet")]:
        G.add_node(key, label=label, type=ntype, aliases=[], roles=[], count=2, docs=["d1"], mentions=[])
    G.add_edge("person:ana-ruiz", "country:CL", key="action:visit", kind="action", verb="visit", polarity="cooperation",
               weight=3, evidence=[{"doc": "d1", "sentence": "Ana Ruiz visited Chile.", "start": 0, "end": 23},
                                   {"doc": "d2", "sentence": "Ruiz  was in\nChile again.", "start": 0, "end": 24}])
    G.add_edge("person:ana-ruiz", "outlet:efe", key="quote:tell", kind="quote", verb="tell", polarity="neutral",
               weight=1, evidence=[{"doc": "d1", "sentence": "Ruiz told EFE.", "start": 30, "end": 44}])
    G.add_edge("country:PE", "country:CL", key="cooccurrence", kind="cooccurrence", verb="", weight=5,
               evidence=[{"doc": "d1", "sentence": "Peru and Chile.", "start": 50, "end": 65}])
    G.add_edge("person:ana-ruiz", "country:PE", key="cooccurrence", kind="cooccurrence", verb="", weight=1,
               evidence=[{"doc": "d1", "sentence": "Ruiz of Peru.", "start": 70, "end": 83}])
    return G


def srcdoc(view: GraphView) -> str:
    # scripts and an article's link in a new tab; never same-origin (the notebook's own), forms or top navigation
    m = re.fullmatch(r'<iframe srcdoc="([^"]*)" style="[^"]*" '
                     r'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" title="newsgraph"></iframe>',
                     view._repr_html_())
    assert m, view._repr_html_()[:200]
    return html.unescape(m.group(1))


@pytest.mark.parametrize("height", [400, 650])
def test_notebook_show_is_an_iframe_holding_the_whole_page(height):
    view = show(small_graph(), height=height)
    assert srcdoc(view) == view.html
    assert f"height:{height}px" in view._repr_html_()
    assert "vis.Network" in view.html and "Ana Ruiz" in view.html
    assert not re.search(r'(src|href)="(https?:)?//', view.html)


@pytest.mark.parametrize("max_nodes", [2])
def test_notebook_show_can_draw_a_pruned_graph(max_nodes):
    page = show(small_graph(), max_nodes=max_nodes).html
    data = json.loads(re.search(r'id="graph-data">(.*?)</script>', page, re.S).group(1))
    assert len(data["nodes"]) == max_nodes and data["graph"]["pruned_from"] == [4, 4]


@pytest.mark.parametrize("name", ["view.html"])
def test_notebook_view_saves_the_page(tmp_path, name):
    view = show(small_graph())
    view.save(tmp_path / name)
    assert (tmp_path / name).read_text(encoding="utf-8") == view.html


@pytest.mark.parametrize("n", [1, 2])
def test_notebook_top_entities_ranks_by_links(n):
    rows = top_entities(small_graph(), n).rows
    assert [r["label"] for r in rows] == ["Ana Ruiz", "Chile"][:n]
    assert rows[0]["linked with"] == 3 and rows[0]["type"] == "official"


@pytest.mark.parametrize("kinds, first", [(("action", "quote"), "Ana Ruiz — visit → Chile"),
                                          (("cooccurrence",), "Peru — named with — Chile")])
def test_notebook_top_relations_as_sentences(kinds, first):
    rels = top_relations(small_graph(), kinds=kinds)
    assert rels[0]["relation"] == first
    assert all(r["kind"] in kinds for r in rels.rows)


@pytest.mark.parametrize("key, n_rows", [("action:visit", 2), (None, 2)])
def test_notebook_edge_evidence_lists_the_sentences(key, n_rows):
    table = edge_evidence(small_graph(), "person:ana-ruiz", "country:CL", key)
    assert len(table) == n_rows
    assert [r["sentence"] for r in table.rows] == ["Ana Ruiz visited Chile.", "Ruiz was in Chile again."]
    assert {r["doc"] for r in table.rows} == {"d1", "d2"}


@pytest.mark.parametrize("source, target", [("country:CL", "person:ana-ruiz"), ("nowhere", "country:CL")])
def test_notebook_edge_evidence_of_a_missing_edge_says_so(source, target):
    with pytest.raises(KeyError, match="no edge"):
        edge_evidence(small_graph(), source, target)


@pytest.mark.parametrize("cell", ["<script>alert(1)</script>", "a & b"])
def test_notebook_table_escapes_every_cell(cell):
    out = Table([{"name": cell}])._repr_html_()
    assert html.escape(cell) in out and (cell == html.escape(cell) or cell not in out)


@pytest.mark.model
@pytest.mark.parametrize("notebook", ["explore.ipynb"])
def test_notebook_explore_runs_top_to_bottom_and_shows_the_graph_inline(notebook):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(ROOT / "notebooks" / notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":  # only imports and calls: no def, class or loop
            assert not re.search(r"^\s*(def|class|for|while|with)\b", cell.source, re.M), cell.source
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    counts = next(o for o in outputs if o.get("data", {}).get("text/plain", "").startswith("("))
    n_nodes, n_edges = json.loads(counts["data"]["text/plain"].replace("(", "[").replace(")", "]"))
    frames = [o["data"]["text/html"] for o in outputs if "<iframe srcdoc=" in o.get("data", {}).get("text/html", "")]
    assert len(frames) == 1
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', frames[0]).group(1))
    drawn = json.loads(re.search(r'id="graph-data">(.*?)</script>', page, re.S).group(1))
    assert (len(drawn["nodes"]), len(drawn["edges"])) == (n_nodes, n_edges)
    tables = [o["data"]["text/html"] for o in outputs if o.get("data", {}).get("text/html", "").startswith("<table>")]
    assert len(tables) == 3  # most connected entities, strongest relations, the evidence of one
    assert "linked with" in tables[0] and "—" in tables[1] and "sentence" in tables[2]


def test_notebook_top_relations_ties_go_to_more_documents_then_more_sources():
    G = nx.MultiDiGraph()
    G.graph["documents_meta"] = {"d1": {"source": "AP"}, "d2": {"source": "AP"}, "d3": {"source": "AFP"}}
    for key, label in [("country:AU", "Australia"), ("country:IN", "India"), ("country:NZ", "New Zealand"),
                       ("country:ZA", "South Africa"), ("country:BR", "Brazil")]:
        G.add_node(key, label=label, type="country")

    def ev(*docs):
        return [{"doc": d, "sentence": "s", "start": i, "end": i + 1} for i, d in enumerate(docs)]

    G.add_edge("country:AU", "country:IN", key="action:win", kind="action", verb="win", weight=2,
               docs=["d1"], evidence=ev("d1", "d1"))
    G.add_edge("country:AU", "country:NZ", key="action:win", kind="action", verb="win", weight=2,
               docs=["d1", "d2"], evidence=ev("d1", "d2"))
    G.add_edge("country:ZA", "country:BR", key="action:beat", kind="action", verb="beat", weight=2,
               docs=["d1", "d3"], evidence=ev("d1", "d3"))
    G.add_edge("country:BR", "country:IN", key="action:host", kind="action", verb="host", weight=3,
               docs=["d1"], evidence=ev("d1", "d1", "d1"))
    rows = top_relations(G, 4).rows
    assert [r["edge"][:2] for r in rows] == [("country:BR", "country:IN"),   # seen most
                                             ("country:ZA", "country:BR"),   # two documents, two sources
                                             ("country:AU", "country:NZ"),   # two documents, one source
                                             ("country:AU", "country:IN")]   # one document


def sure_graph(confidence: bool = True) -> nx.MultiDiGraph:
    """:func:`small_graph` with the visit at confidence 0.72 and the quote link at 0.25, two
    quotes by Ana Ruiz at 0.9 and 0.2 and one with no speaker, and a threshold of 0.4;
    without ``confidence``, none of it (an older graph)."""
    G = small_graph()
    q = [("Chile is a friend.", "person:ana-ruiz", 0.9), ("Peru may lose.", "person:ana-ruiz", 0.2), ("It rained.", None, None)]
    G.graph["quotes"] = [{"doc": "d1", "start": 0, "end": len(t), "text": t, "speaker": s, "cue": "say", "kind": "direct",
                          "to": None, "names": [], **({"confidence": c} if confidence else {})} for t, s, c in q]
    if confidence:
        G.edges["person:ana-ruiz", "country:CL", "action:visit"]["confidence"] = 0.72
        G.edges["person:ana-ruiz", "outlet:efe", "quote:tell"]["confidence"] = 0.25
        G.graph["confidence_threshold"] = 0.4
    return G


@pytest.mark.parametrize("table", ["top_relations", "quotes"])
def test_notebook_tables_have_a_confidence_column(table):
    t = top_relations(sure_graph(), min_confidence=0) if table == "top_relations" else quotes(sure_graph(), min_confidence=0)
    shown = t._repr_html_()
    assert "<th>confidence</th>" in shown
    if table == "top_relations":
        assert [(r["relation"], r["confidence"]) for r in t.rows] == [("Ana Ruiz — visit → Chile", 0.72),
                                                                      ("Ana Ruiz — tell → EFE", 0.25)]
    else:
        assert [r["confidence"] for r in t.rows] == [0.9, 0.2, None]
        # a quote with no confidence shows an empty cell, not "None"
        assert "None" not in shown and "<td style='text-align:left'>0.9</td>" in shown


@pytest.mark.parametrize("min_confidence, relations, said", [
    (None, ["Ana Ruiz — visit → Chile"], ["Chile is a friend.", "It rained."]),     # the graph's 0.4, as the page
    (0, ["Ana Ruiz — visit → Chile", "Ana Ruiz — tell → EFE"], ["Chile is a friend.", "Peru may lose.", "It rained."]),
    (0.8, [], ["Chile is a friend.", "It rained."]),
])
def test_notebook_tables_leave_out_claims_below_the_threshold_as_the_page_does(min_confidence, relations, said):
    G = sure_graph()
    assert [r["relation"] for r in top_relations(G, min_confidence=min_confidence).rows] == relations
    assert [r["quote"] for r in quotes(G, min_confidence=min_confidence).rows] == said
    # co-occurrence has no confidence: always listed
    assert len(top_relations(G, kinds=("cooccurrence",), min_confidence=min_confidence)) == 2


@pytest.mark.parametrize("what", ["an older graph, no confidence anywhere"])
def test_notebook_tables_of_a_graph_without_confidence_list_everything(what):
    G = sure_graph(confidence=False)
    rels, said = top_relations(G), quotes(G)
    assert [r["relation"] for r in rels.rows] == ["Ana Ruiz — visit → Chile", "Ana Ruiz — tell → EFE"]
    assert [r["quote"] for r in said.rows] == ["Chile is a friend.", "Peru may lose.", "It rained."]
    assert {r["confidence"] for r in rels.rows + said.rows} == {None}
