"""The graph keeps each claim's confidence: an edge is as sure as the surest reading behind it, a quote
record keeps its own, and the graph says below which confidence a reader does not see a claim by default."""
from __future__ import annotations

from graph.build import build_graph
from graph.export import node_link
from newsgraph.api import graph_of
from nlp import confidence
from nlp.records import Entity, Evidence, Extraction, Mention, Quote, Relation


def _ents():
    return [Entity(k, k.split(":")[1].title(), k.split(":")[0], mentions=(Mention("d", 0, 4, "Name", k.split(":")[0]),))
            for k in ("country:PE", "country:CL", "person:ana")]


def _rel(start: int, conf: float | None) -> Relation:
    return Relation("country:PE", "country:CL", "action", "sanction", "conflict",
                    evidence=(Evidence("d", "Peru sanctioned Chile.", start, start + 22),), confidence=conf)


def test_confidence_edge_takes_the_surest_sentence():
    G = build_graph(_ents(), [_rel(0, 0.4), _rel(30, 0.9), _rel(60, 0.7)])
    (_, _, attrs), = G.edges(data=True)
    assert attrs["confidence"] == 0.9 and attrs["weight"] == 3


def test_confidence_absent_when_no_reading_gave_one():
    G = build_graph(_ents(), [_rel(0, None)])
    (_, _, attrs), = G.edges(data=True)
    assert "confidence" not in attrs
    assert "confidence_threshold" not in graph_of([Extraction("d", tuple(_ents()), (_rel(0, None),))]).graph


def test_confidence_quote_records_keep_theirs_and_the_graph_its_threshold():
    quotes = (Quote("d", 0, 11, "We will win", "person:ana", "say", confidence=0.8),
              Quote("d", 20, 31, "We did lose", "", "say"))
    G = graph_of([Extraction("d", tuple(_ents()), (_rel(0, 0.9),), quotes=quotes)])
    assert G.graph["confidence_threshold"] == confidence.threshold()
    data = node_link(G)
    said = {q["text"]: q for q in data["graph"]["quotes"]}
    assert said["We will win"]["confidence"] == 0.8 and "confidence" not in said["We did lose"]
    assert [l["confidence"] for l in data["links"]] == [0.9]
