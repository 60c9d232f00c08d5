"""A large graph: laid out in Python, polished by a few physics steps that
then stop; co-occurrence off at first; search still answers. (How long it
takes is measured by ``python -m tests.browser.synthetic``, not asserted.)"""
from __future__ import annotations

import pytest

from graph.html import COOCCURRENCE_FIRST_LOOK_EDGES, LARGE_GRAPH_NODES, write_html
from tests.browser.conftest import DRAWN, close, open_page
from tests.browser.synthetic import synthetic_graph

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("n_nodes, n_edges", [(3 * LARGE_GRAPH_NODES, 2 * COOCCURRENCE_FIRST_LOOK_EDGES)])
def test_graph_page_large_graph_stabilises_stops_and_answers_search(browser, tmp_path, n_nodes, n_edges):
    G = synthetic_graph(n_nodes, n_edges, seed=3)
    path = tmp_path / "large.html"
    write_html(G, path)
    opened = open_page(browser, path.as_uri())
    try:
        assert opened.blocked == [] and opened.errors == []
        assert opened.js("() => window.newsgraph.network.physics.physicsEnabled") is False
        drawn = opened.js(DRAWN)
        assert len(drawn["nodes"]) == n_nodes
        assert len(drawn["edges"]) == sum(k != "cooccurrence" for *_, k in G.edges(data="kind"))
        assert not opened.page.is_checked("#legend-kinds input[value='cooccurrence']")
        opened.page.check("#legend-kinds input[value='cooccurrence']")
        assert len(opened.js(DRAWN)["edges"]) == n_edges
        target = "n%d" % (n_nodes // 2)
        alias = G.nodes[target]["aliases"][0]
        opened.page.fill("#search-input", alias)
        opened.page.press("#search-input", "Enter")
        opened.page.wait_for_selector("#panel:not([hidden])")
        assert opened.js("() => window.newsgraph.network.getSelectedNodes()") == [target]
        assert opened.page.text_content("#panel h1") == G.nodes[target]["label"]
    finally:
        close(opened)
