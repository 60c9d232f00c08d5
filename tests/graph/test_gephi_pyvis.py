"""Gephi and pyvis: the GEXF carries the page's look, and to_pyvis gives a
pyvis Network drawn as the page draws it, its tooltips escaped."""
from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from graph import to_pyvis
from graph.export import read_gexf, write_gexf
from graph.html import FIRST_LOOK_NODES, page_positions
from graph.style import COOCCURRENCE_COLOR, POLARITY_COLOR, TYPE_STYLE, edge_width, node_size

HOSTILE = '<img src=x onerror="alert(1)">'


def small_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i, t in enumerate(TYPE_STYLE):
        G.add_node(f"{t}:{i}", label=f"{t.title()} {i}", type=t, count=i + 1, aliases=[], roles=[], docs=["d"])
    G.nodes["person:1"]["label"] = HOSTILE
    G.add_edge("official:0", "country:2", kind="action", verb="visit", polarity="conflict", weight=3,
               evidence=[{"doc": "d", "sentence": f"{HOSTILE} visited.", "start": 0, "end": 9}])
    G.add_edge("official:0", "country:2", kind="cooccurrence", verb="", polarity="", weight=1, evidence=[])
    G.add_edge("person:1", "outlet:3", kind="quote", verb="tell", polarity="neutral", weight=1, evidence=[])
    return G


@pytest.mark.parametrize("G", [small_graph()])
def test_gexf_viz_colours_sizes_and_positions_read_back(tmp_path, G):
    path = tmp_path / "g.gexf"
    write_gexf(G, path)
    H = read_gexf(path)
    pos = page_positions(G)
    for n, a in G.nodes(data=True):
        viz = H.nodes[n]["viz"]
        colour = TYPE_STYLE[a["type"]][0]
        assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
        assert viz["size"] == pytest.approx(node_size(a["count"]))
        assert (viz["position"]["x"], -viz["position"]["y"]) == pytest.approx(pos[n])
    spots = {(H.nodes[n]["viz"]["position"]["x"], H.nodes[n]["viz"]["position"]["y"]) for n in H}
    assert len(spots) == G.number_of_nodes() and all(math.isfinite(x) for s in spots for x in s)
    # edges: networkx reads no edge viz back, so read the XML Gephi reads
    ns = {"g": "http://www.gexf.net/1.2draft", "viz": "http://www.gexf.net/1.2draft/viz"}
    edges = ET.parse(path).getroot().findall(".//g:edge", ns)
    looks = {(e.find("viz:color", ns).get("r"), e.find("viz:thickness", ns).get("value"), e.find("viz:shape", ns).get("value"))
             for e in edges}
    red, grey = POLARITY_COLOR["conflict"], COOCCURRENCE_COLOR
    assert (str(int(red[1:3], 16)), str(edge_width("action", 3)), "solid") in looks
    assert (str(int(grey[1:3], 16)), str(edge_width("cooccurrence", 1)), "dashed") in looks
    assert any(shape == "dotted" for *_, shape in looks)


@pytest.mark.parametrize("G", [small_graph()])
def test_to_pyvis_has_the_page_look_and_escaped_tooltips(tmp_path, G):
    from pyvis.network import Network

    net = to_pyvis(G)
    assert isinstance(net, Network)
    nodes = {n["id"]: n for n in net.nodes}
    assert set(nodes) == set(G)
    for n, a in G.nodes(data=True):
        colour, shape, _ = TYPE_STYLE[a["type"]]
        assert (nodes[n]["color"], nodes[n]["shape"], nodes[n]["size"]) == (colour, shape, node_size(a["count"]))
    assert HOSTILE not in nodes["person:1"]["title"] and "&lt;img" in nodes["person:1"]["title"]
    assert nodes["person:1"]["label"] == HOSTILE  # a label is drawn on the canvas as text
    action = next(e for e in net.edges if e["color"] == POLARITY_COLOR["conflict"])
    assert action["arrows"] == "to" and action["width"] == edge_width("action", 3) and HOSTILE not in action["title"]
    cooc = next(e for e in net.edges if e["color"] == COOCCURRENCE_COLOR)
    assert cooc["arrows"] == "" and cooc["dashes"] == [6, 6]
    page = tmp_path / "pyvis.html"
    net.write_html(str(page))
    text = page.read_text(encoding="utf-8")
    assert "vis-network" in text and HOSTILE not in text


@pytest.mark.parametrize("n", [FIRST_LOOK_NODES + 10])
def test_to_pyvis_big_graph_gets_the_page_positions_and_no_physics(n):
    G = nx.MultiDiGraph(nx.path_graph(n))
    net = to_pyvis(G)
    assert all("x" in node and "y" in node for node in net.nodes)
    assert net.options.physics.enabled is False


@pytest.mark.parametrize("notebook", [False, True])
def test_to_pyvis_html_loads_nothing_from_the_network(tmp_path, notebook):
    from tests.graph.pagetags import parsed

    net = to_pyvis(small_graph(), notebook=notebook)
    net.write_html(str(tmp_path / "pyvis.html"), notebook=notebook)
    text = (tmp_path / "pyvis.html").read_text(encoding="utf-8")
    fetched = [(tag, value) for tag, attrs in parsed(text).tags for name, value in attrs.items()
               if name in ("src", "href") and value and value.strip().lower().startswith(("http:", "https:", "//"))]
    assert fetched == []
    assert "bootstrap" not in text.lower() and "new vis.Network" in text


@pytest.mark.parametrize("pairs", [[("official", "person"), ("organization", "place"), ("person", "organization"),
                                    ("official", "country")]])
def test_gexf_shapes_tell_an_official_from_a_person_and_an_organisation_from_a_place(tmp_path, pairs):
    from graph.style import GEXF_TYPE_SHAPE

    G = small_graph()
    write_gexf(G, tmp_path / "g.gexf")
    # networkx reads no node shape back (it looks for a "shape" attribute): read the XML Gephi reads
    ns = {"g": "http://www.gexf.net/1.2draft", "viz": "http://www.gexf.net/1.2draft/viz"}
    shape = {G.nodes[e.get("id")]["type"]: e.find("viz:shape", ns).get("value")
             for e in ET.parse(tmp_path / "g.gexf").getroot().findall(".//g:node", ns)}
    assert shape == {t: GEXF_TYPE_SHAPE[t] for t in shape}            # the export reads graph/style.py
    assert set(shape.values()) == {"disc", "square", "triangle", "diamond"}   # all four GEXF shapes in use
    for a, b in pairs:
        assert shape[a] != shape[b], (a, b)
