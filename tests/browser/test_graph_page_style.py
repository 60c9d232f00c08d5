"""The page says what graph.style says: its tooltips are style's tooltips
and its side panel shows the phrase Python wrote, names clickable."""
from __future__ import annotations

import pytest

from graph.html import write_html
from graph.style import edge_phrase, edge_tooltip, node_tooltip
from tests.browser.conftest import close, open_page
from tests.graph.test_style import HOSTILE, story_graph

pytestmark = pytest.mark.browser

PHRASE_IN_PANEL = """(id) => {
  window.newsgraph.showEdge(id);
  const p = document.querySelector("#panel-body h1 .phrase");
  const tag = p.querySelector(".tag").textContent;
  return {text: p.textContent.slice(0, p.textContent.length - tag.length),
          names: [...p.querySelectorAll(".name")].map((s) => s.textContent)};
}"""


@pytest.fixture(scope="module", params=["Meng Wanzhou", HOSTILE])
def style_page(request, browser, tmp_path_factory):
    G = story_graph(request.param)
    path = tmp_path_factory.mktemp("style-page") / "graph.html"
    write_html(G, path)
    opened = open_page(browser, path.as_uri())
    yield opened, G
    close(opened)


def _page_edges(opened, G) -> list[tuple[dict, tuple]]:
    """Every edge of the page's data with the graph's (u, v, attrs) it was drawn from."""
    by_look = {(u, v, a["kind"], a["verb"]): (u, v, a) for u, v, a in G.edges(data=True)}
    return [(e, by_look[(e["from"], e["to"], e["kind"], e["verb"])]) for e in opened.js("() => window.newsgraph.data.edges")]


@pytest.mark.parametrize("what", ["nodes and edges"])
def test_graph_page_tooltips_are_the_style_tooltips(style_page, what):
    opened, G = style_page
    opened.page.click("#filters-all")
    titles = opened.js("() => window.newsgraph.nodes.get().map((n) => [n.id, n.title])")
    assert len(titles) == G.number_of_nodes()
    assert all(title == node_tooltip(G, n) for n, title in titles)
    edges = _page_edges(opened, G)
    drawn = dict(opened.js("() => window.newsgraph.edges.get().map((e) => [e.id, e.title])"))
    assert len(drawn) == G.number_of_edges()
    for e, (u, v, a) in edges:
        assert drawn[e["id"]] == edge_tooltip(G, u, v, a)
    assert opened.blocked == [] and opened.errors == []


@pytest.mark.parametrize("where", ["edge panel"])
def test_graph_page_panel_shows_the_python_phrase_with_clickable_names(style_page, where):
    opened, G = style_page
    for e, (u, v, a) in _page_edges(opened, G):
        shown = opened.js(PHRASE_IN_PANEL, e["id"])
        assert e["phrase"] == edge_phrase(G, u, v, a)
        assert shown["text"] == e["phrase"]
        assert shown["names"] == [G.nodes[u]["label"], G.nodes[v]["label"]]
    assert opened.js("() => document.querySelectorAll('img').length") == 0 and opened.errors == []
