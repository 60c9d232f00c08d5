"""Quotes in every export: JSON, GraphML, GEXF (a node's quotes as JSON text), quotes.csv, the notebook."""
from __future__ import annotations

import csv
import json

import pytest

from graph.build import build_graph
from graph.export import read_gexf, read_graphml, read_json, write_csv, write_gexf, write_graphml, write_json
from graph.notebook import quotes
from nlp.records import Entity, Mention, Quote

WORDS = "=HYPERLINK(\"http://x\") Norway will sign"


@pytest.fixture
def graph():
    ana = Entity("person:ana-bell", "Ana Bell", "official", mentions=(Mention("d1", 40, 48, "Ana Bell", "official"),))
    no = Entity("country:NO", "Norway", "country", mentions=(Mention("d1", 24, 30, "Norway", "country"),))
    radio = Entity("outlet:radio-oslo", "Radio Oslo", "outlet", mentions=(Mention("d1", 60, 70, "Radio Oslo", "outlet"),))
    q = [Quote("d1", 0, len(WORDS), WORDS, "person:ana-bell", "tell", "direct", "outlet:radio-oslo", ("country:NO",)),
         Quote("d1", 80, 90, "it may rain", "", "say", "indirect")]
    return build_graph([ana, no, radio], [], quotes=q, documents=1)


@pytest.mark.parametrize("write, read, name", [(write_json, read_json, "g.json"),
                                               (write_graphml, read_graphml, "g.graphml"),
                                               (write_gexf, read_gexf, "g.gexf")])
def test_quotes_export_node_quotes_round_trip(graph, tmp_path, write, read, name):
    write(graph, tmp_path / name)
    H = read(tmp_path / name)
    assert H.nodes["person:ana-bell"]["quotes"] == graph.nodes["person:ana-bell"]["quotes"]


def test_quotes_export_json_has_the_graph_quotes(graph, tmp_path):
    write_json(graph, tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert [(q["speaker"], q["to"], q["kind"]) for q in data["graph"]["quotes"]] == [
        ("person:ana-bell", "outlet:radio-oslo", "direct"), (None, None, "indirect")]
    assert read_graphml_graph_quotes(graph, tmp_path) == graph.graph["quotes"]


def read_graphml_graph_quotes(graph, tmp_path):
    write_graphml(graph, tmp_path / "g.graphml")
    return read_graphml(tmp_path / "g.graphml").graph["quotes"]


def test_quotes_export_csv_one_row_a_quote_formulas_neutralised(graph, tmp_path):
    write_csv(graph, tmp_path)
    with (tmp_path / "quotes.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["speaker"] for r in rows] == ["person:ana-bell", ""]
    assert rows[0]["text"] == "'" + WORDS and rows[0]["to"] == "outlet:radio-oslo"
    assert json.loads(rows[0]["names"]) == ["country:NO"]


def test_quotes_notebook_table_by_name_or_id(graph):
    rows = quotes(graph, "ana bell").rows
    assert [(r["speaker"], r["said"], r["names"]) for r in rows] == [("Ana Bell", "told Radio Oslo", "Norway")]
    assert len(quotes(graph)) == 2 and quotes(graph, "person:ana-bell").rows == rows
    with pytest.raises(KeyError, match="no entity"):
        quotes(graph, "Nobody Atall")
