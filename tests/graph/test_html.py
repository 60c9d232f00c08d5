"""The page as a file: self-contained, untrusted text inert, the look a reader expects."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from graph.html import (COOCCURRENCE_FIRST_LOOK_EDGES, FIRST_LOOK_NODES, LARGE_GRAPH_NODES, csp_hash, render_html,
                        vis_data)
from graph.style import KIND_STYLE, POLARITY_COLOR, TYPE_STYLE
from tests.graph.pagetags import parsed

PAYLOADS = [
    "<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    '<img src=x onerror="alert(3)">',
    "\"'\\ back\\slash \"quotes'",
    "line\u2028sep\u2029para",
    "<!-- comment <script>",
    "]]></style></title><b>",
]


def graph_with(text: str = "Oslo") -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node("place:oslo", label=text, type="place", aliases=[text, "Christiania"], roles=[text], count=3,
               docs=[text], mentions=[[text, 0, 4]])
    G.add_node("country:NO", label="Norway", type="country", aliases=["Norwegian"], roles=[], count=5, docs=["d"],
               mentions=[["d", 5, 11]])
    G.add_edge("place:oslo", "country:NO", key="action:visit", kind="action", verb=text, polarity="cooperation",
               category=text, weight=2, evidence=[{"doc": text, "sentence": f"{text} visited Norway.", "start": 0, "end": 9}])
    G.add_edge("place:oslo", "country:NO", key="cooccurrence", kind="cooccurrence", verb="", polarity="",
               weight=1, evidence=[{"doc": "d", "sentence": text, "start": 0, "end": 4}])
    return G


def data_block(page: str) -> dict:
    scripts = [text for attrs, text in parsed(page).scripts if attrs.get("type") == "application/json"]
    assert len(scripts) == 1
    return json.loads(scripts[0])


@pytest.mark.parametrize("n_nodes", [3, LARGE_GRAPH_NODES + 50])
def test_html_page_refers_to_no_host(n_nodes):
    G = nx.MultiDiGraph(nx.path_graph(n_nodes))
    page = render_html(G)
    for tag, attrs in parsed(page).tags:
        assert tag not in ("link", "iframe", "base", "object", "embed")
        for name in ("src", "href", "srcset", "action", "poster"):
            assert name not in attrs, (tag, attrs)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page)
    assert "@import" not in page


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_payload_adds_no_tag_and_survives_in_the_data(payload):
    plain, hostile = render_html(graph_with()), render_html(graph_with(payload), title=payload)
    assert [t for t, _ in parsed(hostile).tags] == [t for t, _ in parsed(plain).tags]
    data = data_block(hostile)
    node = next(n for n in data["nodes"] if n["id"] == "place:oslo")
    assert node["label"] == payload and payload in node["aliases"] and node["roles"] == [payload]
    edge = next(e for e in data["edges"] if e["kind"] == "action")
    assert edge["verb"] == payload and data["sentences"][edge["evidence"][0]["s"]] == f"{payload} visited Norway."
    assert payload not in hostile.split("<body>")[1].split('<script type="application/json"')[0]


@pytest.mark.parametrize("payload", ["plain", PAYLOADS[1]])
def test_html_csp_allows_exactly_the_page_scripts(payload):
    page = render_html(graph_with(payload))
    t = parsed(page)
    csp = next(a["content"] for tag, a in t.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    script_src = re.search(r"script-src ([^;]*)", csp).group(1).split()
    runnable = [text for attrs, text in t.scripts if attrs.get("type") != "application/json"]
    assert sorted(script_src) == sorted(csp_hash(text) for text in runnable)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert "'unsafe-eval'" not in csp and "http" not in csp


@pytest.mark.parametrize("ntype", list(TYPE_STYLE))
def test_html_node_colour_and_shape_follow_type(ntype):
    G = nx.MultiDiGraph()
    G.add_node("x", label="X", type=ntype, count=1)
    node = vis_data(G)["nodes"][0]
    assert (node["color"], node["shape"]) == TYPE_STYLE[ntype][:2]
    assert node["ntype"] == ntype


@pytest.mark.parametrize("kind, symmetric, arrows, dashed", [
    ("action", False, "to", False),
    ("action", True, "", False),
    ("quote", False, "to", True),
    ("cooccurrence", False, "", True),
])
def test_html_edge_look_follows_kind(kind, symmetric, arrows, dashed):
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", kind=kind, verb="" if kind == "cooccurrence" else "meet", symmetric=symmetric,
               polarity="" if kind == "cooccurrence" else "conflict", weight=4, evidence=[])
    edge = vis_data(G)["edges"][0]
    assert edge["arrows"] == arrows
    assert bool(edge["dashes"]) is dashed and edge["dashes"] == KIND_STYLE[kind][0]
    expected = "#b8b8b8" if kind == "cooccurrence" else POLARITY_COLOR["conflict"]
    assert edge["color"]["color"] == expected


@pytest.mark.parametrize("n_nodes, physics, positioned", [
    (10, True, False),
    (FIRST_LOOK_NODES + 1, False, True),
    (LARGE_GRAPH_NODES + 1, False, True),
])
def test_html_graphs_past_the_first_look_get_python_positions_and_no_physics(n_nodes, physics, positioned):
    G = nx.MultiDiGraph(nx.path_graph(n_nodes))
    data = vis_data(G)
    assert data["options"]["physics"]["enabled"] is physics
    assert all(("x" in n and "y" in n) is positioned for n in data["nodes"])
    assert (data["defaults"]["view"] is None) is (not positioned)


@pytest.mark.parametrize("n_edges, cooccurrence_first", [(10, True), (COOCCURRENCE_FIRST_LOOK_EDGES + 1, False)])
def test_html_first_look_hides_cooccurrence_only_on_big_graphs(n_edges, cooccurrence_first):
    G = nx.MultiDiGraph()
    for i in range(n_edges):
        G.add_edge(f"n{i % 50}", f"n{(i * 7 + 1) % 50}", kind="cooccurrence" if i % 2 else "action", weight=1)
    defaults = vis_data(G)["defaults"]
    assert ("cooccurrence" in defaults["kinds"]) is cooccurrence_first
    assert "action" in defaults["kinds"] and "quote" in defaults["kinds"]
    assert set(defaults["types"]) >= set(TYPE_STYLE) and defaults["min_weight"] == defaults["min_mentions"] == 1


@pytest.mark.parametrize("ntype, kind", [("militia", "alliance")])
def test_html_unknown_types_and_kinds_are_in_the_legend(ntype, kind):
    G = nx.MultiDiGraph()
    G.add_node("a", type=ntype, label="A", count=1)
    G.add_node("b", type="place", label="B", count=1)
    G.add_edge("a", "b", kind=kind, verb="join", weight=1)
    data = vis_data(G)
    assert ntype in data["legend"]["types"] and ntype in data["defaults"]["types"]
    assert kind in data["legend"]["kinds"] and kind in data["defaults"]["kinds"]


@pytest.mark.parametrize("seen", [3, 250])
def test_html_page_carries_at_most_a_hundred_evidence_sentences_per_link(seen):
    from graph.html import MAX_EVIDENCE_IN_PAGE, vis_data

    G = nx.MultiDiGraph()
    G.add_node("country:PE", label="Peru", type="country", count=seen)
    G.add_node("country:CL", label="Chile", type="country", count=seen)
    evidence = [{"doc": f"d{i}", "sentence": f"Peru met Chile ({i}).", "start": 0, "end": 20} for i in range(seen)]
    G.add_edge("country:PE", "country:CL", kind="action", verb="meet", polarity="cooperation",
               weight=seen, evidence=evidence)
    [edge] = vis_data(G)["edges"]
    assert edge["evidence_total"] == seen
    assert [e["doc"] for e in edge["evidence"]] == [f"d{i}" for i in range(min(seen, MAX_EVIDENCE_IN_PAGE))]


@pytest.mark.parametrize("shared", ["Peru and Chile met in Lima."])
def test_html_page_stores_each_evidence_sentence_once(shared):
    G = nx.MultiDiGraph()
    for key, label in [("country:PE", "Peru"), ("country:CL", "Chile"), ("place:lima", "Lima")]:
        G.add_node(key, label=label, type="country", count=1)
    ev = {"doc": "d", "sentence": shared, "start": 0, "end": len(shared)}
    G.add_edge("country:PE", "country:CL", kind="action", verb="meet", weight=1, evidence=[ev])
    G.add_edge("country:PE", "place:lima", kind="cooccurrence", weight=1, evidence=[ev])
    G.add_edge("country:CL", "place:lima", kind="cooccurrence", weight=1, evidence=[ev])
    data = data_block(render_html(G))
    assert data["sentences"].count(shared) == 1
    refs = {ev["s"] for e in data["edges"] for ev in e["evidence"]}
    assert len(refs) == 1 and data["sentences"][refs.pop()] == shared
    assert [e["kind"] for e in data["edges"]][-1] == "action"  # drawn last, on top of the grey lines


@pytest.mark.parametrize("url, kept", [
    ("https://news.example/a", True), ("http://news.example/a", True),
    ("javascript:alert(1)", False), (" JAVASCRIPT:alert(1)", False), ("data:text/html,<b>x</b>", False),
    ("file:///etc/passwd", False), ("//news.example/a", False), ("vbscript:x", False),
])
def test_html_document_list_keeps_only_http_links(url, kept):
    G = nx.MultiDiGraph(documents_meta={"d1": {"title": "T", "date": "2024-05-01", "url": url, "source": "S"}})
    G.add_node("country:PE", label="Peru", type="country", count=1, docs=["d1"])
    [doc] = vis_data(G)["documents"]
    assert doc["url"] == (url if kept else "")
    assert (doc["id"], doc["title"], doc["date"], doc["source"]) == ("d1", "T", "2024-05-01", "S")


@pytest.mark.parametrize("n_nodes", [FIRST_LOOK_NODES * 3])
def test_html_first_view_is_who_acted_and_spoke_not_the_densest_squad(n_nodes):
    G = nx.MultiDiGraph()
    squad = [f"player{i}" for i in range(n_nodes - 2)]
    for i, a in enumerate(squad):  # a league table: everyone named with many others
        G.add_node(a, label=f"Player {i}", type="person", count=1, docs=["table"])
        for b in squad[i + 1:i + 30]:
            G.add_edge(a, b, kind="cooccurrence", weight=1)
    G.add_node("minister", label="A Minister", type="official", count=2, docs=["d1", "d2"])
    G.add_node("rival", label="A Rival", type="official", count=1, docs=["d2"])
    G.add_edge("minister", "rival", kind="action", verb="accuse", weight=1)
    data = vis_data(G)
    view = data["defaults"]["view"]
    assert len(view) == FIRST_LOOK_NODES and view[:2] == ["minister", "rival"]
    assert "cooccurrence" not in data["defaults"]["kinds"]  # 29 links an entity would bury the one action


@pytest.mark.parametrize("meta, shown", [
    ({"headline": "PERU VOTES."}, "PERU VOTES."),                     # wire input: the headline newsgraph read
    ({"title": "Peru votes", "headline": "PERU VOTES."}, "Peru votes"),  # the input's own title comes first
    ({}, ""),
])
def test_html_document_list_titles_wire_stories_by_their_headline(meta, shown):
    G = nx.MultiDiGraph(documents_meta={"d1": meta} if meta else {})
    G.add_node("country:PE", label="Peru", type="country", count=1, docs=["d1"])
    [doc] = vis_data(G)["documents"]
    assert doc["title"] == shown


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_texts_travel_once_and_inert(payload):
    G = graph_with()
    text = f"Oslo is cold. {payload} The end."
    plain, hostile = render_html(G, texts={"d": "Oslo is cold."}), render_html(G, texts={"d": text, "elsewhere": text})
    assert [t for t, _ in parsed(hostile).tags] == [t for t, _ in parsed(plain).tags]
    assert data_block(hostile)["texts"]["texts"] == {"d": text}  # only the graph's documents, each once
    assert payload not in hostile.split("<body>")[1].split('<script type="application/json"')[0]


@pytest.mark.parametrize("mb, carried", [(0, 0), (0.00004, 1), (1, 2), (None, 0)])
def test_html_texts_stop_at_the_size_asked(mb, carried):
    G = nx.MultiDiGraph(documents_meta={"a": {"date": "2024-01-01"}, "b": {"date": "2024-01-02"}})
    G.add_node("country:PE", label="Peru", type="country", count=1, docs=["a", "b"])
    texts = {"a": "Peru voted on Sunday.", "b": "Peru counted the votes on Monday, all day long."}
    data = vis_data(G, texts=None if mb is None else texts, texts_mb=mb or 0)
    assert len(data["texts"]["texts"]) == carried
    assert data["texts"]["left_out"] == (0 if mb is None else 2 - carried)
    assert sum(len(t.encode()) for t in data["texts"]["texts"].values()) <= (mb or 0) * 1_000_000


@pytest.mark.parametrize("threshold", [0.4, None])
def test_html_page_data_carries_each_claims_confidence_and_the_threshold(threshold):
    G = graph_with()
    G.edges["place:oslo", "country:NO", "action:visit"]["confidence"] = 0.72
    G.edges["place:oslo", "country:NO", "cooccurrence"]["confidence"] = 0.1   # not a claim: never hidden by it
    G.graph["quotes"] = [{"doc": "d", "start": 0, "end": 4, "text": "Oslo", "speaker": "country:NO", "cue": "say",
                          "kind": "direct", "to": None, "names": [], "confidence": 0.3},
                         {"doc": "d", "start": 0, "end": 4, "text": "Oslo", "speaker": "country:NO", "cue": "say",
                          "kind": "direct", "to": None, "names": []}]
    if threshold is not None:
        G.graph["confidence_threshold"] = threshold
    data = data_block(render_html(G))
    assert {e["kind"]: e["confidence"] for e in data["edges"]} == {"action": 0.72, "cooccurrence": None}
    assert [q["confidence"] for q in data["quotes"]] == [0.3, None]
    assert data["defaults"]["min_confidence"] == threshold


@pytest.mark.parametrize("what", ["a graph built before confidence existed"])
def test_html_page_without_any_confidence_hides_nothing(what):
    data = data_block(render_html(graph_with()))
    assert [e["confidence"] for e in data["edges"]] == [None, None]
    assert data["defaults"]["min_confidence"] is None
