"""A corpus too big to read whole: the page opens on the entities that carry
the story, and the rest is one search, one "show neighbours", one date
range or one document away.

The graph is synthetic (tests.browser.synthetic: 2,400 entities, 8,000
links, 500 dated documents, one with a ``javascript:`` url); every
expectation is computed here from the same graph, never typed in.
"""
from __future__ import annotations

import pytest

from graph.html import FIRST_LOOK_NODES, vis_data, write_html
from tests.browser.conftest import CENTRE_ON, DRAWN, close, open_page
from tests.browser.synthetic import synthetic_graph

pytestmark = pytest.mark.browser

N_NODES, N_EDGES = 2400, 8000


def acted(G) -> dict:
    """Actions and quotes each entity takes part in, each as often as seen."""
    out = dict.fromkeys(G, 0)
    for u, v, a in G.edges(data=True):
        if a["kind"] in ("action", "quote"):
            out[u] += a["weight"]
            out[v] += a["weight"] if v != u else 0
    return out


@pytest.fixture(scope="module")
def story(browser, tmp_path_factory):
    G = synthetic_graph(N_NODES, N_EDGES, seed=3)
    # a pair named together and one acting on the other: the arrow is drawn over the grey line
    score = acted(G)
    top = sorted(G, key=lambda n: -score[n])[:2]
    sentence = "They met and were named together."
    ev = [{"doc": "doc0", "sentence": sentence, "start": 0, "end": len(sentence)}]
    G.add_edge(top[0], top[1], key="cooccurrence", kind="cooccurrence", verb="", weight=1, polarity="", evidence=ev,
               docs=["doc0"], dates=[G.graph["documents_meta"]["doc0"]["date"]])
    G.add_edge(top[0], top[1], key="action:warn", kind="action", verb="warn", weight=6, polarity="conflict",
               evidence=ev * 6, docs=["doc0"], dates=[G.graph["documents_meta"]["doc0"]["date"]])
    path = tmp_path_factory.mktemp("story") / "story.html"
    write_html(G, path)
    opened = open_page(browser, path.as_uri())
    yield opened, G, vis_data(G)
    close(opened)


@pytest.fixture
def fresh(story):
    opened, G, data = story
    opened.page.keyboard.press("Escape")
    opened.page.click("#filters-reset")
    return opened, G, data


# every drawn entity's label, its size on screen, and the pairs whose boxes (shape and label) overlap
LABELS = """() => {
  const net = window.newsgraph.network, o = net.body.nodes, ids = net.body.nodeIndices;
  net.redraw();
  const size = net.getScale() * o[ids[0]].options.font.size;
  const boxes = ids.map((id) => [id, o[id].options.label, net.getBoundingBox(id)]);
  const clash = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i][2], b = boxes[j][2];
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) clash.push([boxes[i][0], boxes[j][0]]);
  }
  return {size, threshold: net.body.nodes[ids[0]].options.scaling.label.drawThreshold,
          unlabelled: boxes.filter((b) => !b[1]).length, clash};
}"""


def _undirected_neighbours(G, n) -> set:
    return (set(G.successors(n)) | set(G.predecessors(n))) - {n}


@pytest.mark.parametrize("top", [10])
def test_story_first_view_is_at_most_150_labelled_entities_with_who_acted_most(fresh, top):
    opened, G, _ = fresh
    assert opened.errors == [] and opened.blocked == []
    assert opened.js("() => window.newsgraph.network.physics.physicsEnabled") is False
    drawn = set(opened.js(DRAWN)["nodes"])
    assert 0 < len(drawn) <= FIRST_LOOK_NODES
    score = acted(G)
    most_active = sorted(G, key=lambda n: (-score[n], n))[:top]
    assert set(most_active) <= drawn
    # every label is drawn (its on-screen size is above vis-network's threshold) and none overlaps another
    labelled = opened.js(LABELS)
    assert labelled["unlabelled"] == 0 and labelled["size"] >= labelled["threshold"]
    assert labelled["clash"] == []
    status = opened.page.text_content("#shown-status")
    assert f"of {N_NODES:,} entities" in status and "Show all" in status and "search" in status


@pytest.mark.parametrize("pick", ["first-look entity with the most neighbours not yet shown"])
def test_story_show_neighbours_adds_exactly_the_neighbours(fresh, pick):
    opened, G, _ = fresh
    before = set(opened.js(DRAWN)["nodes"])
    node = max(sorted(before), key=lambda n: len(_undirected_neighbours(G, n) - before))
    opened.js("(id) => window.newsgraph.showNode(id)", node)
    opened.page.click("#panel button.show-neighbours")
    after = set(opened.js(DRAWN)["nodes"])
    assert after == before | _undirected_neighbours(G, node)
    assert len(after) > len(before)
    opened.page.wait_for_timeout(100)  # one frame: vis-network measures new labels as it draws them
    assert opened.js(LABELS)["clash"] == []  # the new ones are placed where their labels cover nothing


def linked_within(G, nodes: set, edge_in, kinds: set) -> set:
    """The entities of ``nodes`` with a link of ``kinds`` in scope (``edge_in``) to another of them."""
    return {x for u, v, a in G.edges(data=True) if u != v and u in nodes and v in nodes and a["kind"] in kinds
            and edge_in(a) for x in (u, v)}


@pytest.mark.parametrize("span", [("2024-01-03", "2024-01-09")])
def test_story_date_range_is_a_first_look_of_those_dates(fresh, span):
    opened, G, data = fresh
    lo, hi = span
    opened.page.select_option("#date-from", lo)
    opened.page.select_option("#date-to", hi)
    opened.page.wait_for_selector("body[data-settled]", state="attached")
    within = lambda dates: any(lo <= d <= hi for d in dates)  # noqa: E731
    kinds = set(opened.js("() => Array.from(window.newsgraph.state.kinds)"))
    in_scope = {n for n, d in G.nodes(data="dates") if within(d)}
    linked = linked_within(G, in_scope, lambda a: within(a["dates"]), kinds)
    assert len(linked) > FIRST_LOOK_NODES  # more than a first look's worth: the page has to choose
    drawn = opened.js(DRAWN)
    rank = {n["id"]: n["rank"] for n in data["nodes"]}
    assert set(drawn["nodes"]) <= linked and len(drawn["nodes"]) <= FIRST_LOOK_NODES
    assert set(sorted(linked, key=rank.get)[:20]) <= set(drawn["nodes"])  # those the first look would rank first
    by_id = {str(e["id"]): e for e in data["edges"]}
    assert drawn["edges"] and all(within(by_id[e]["dates"]) for e in drawn["edges"])
    status = opened.page.text_content("#shown-status")
    assert f"dates {lo} to {hi}" in status and f"of its {len(in_scope):,} entities" in status
    assert f"showing {len(drawn['nodes']):,} of" in status and "with no link left out" in status


@pytest.mark.parametrize("docs", [["doc7", "doc300"]])
def test_story_document_list_shows_the_linked_entities_of_the_chosen_documents(fresh, docs):
    opened, G, data = fresh
    for d in docs:
        opened.page.check(f"#documents-list input[value='{d}']")
    nodes = {n for n, ds in G.nodes(data="docs") if set(ds) & set(docs)}
    kinds = set(opened.js("() => Array.from(window.newsgraph.state.kinds)"))
    assert "cooccurrence" in kinds  # two documents' links are few enough to show them all
    in_docs = lambda a: bool(set(a["docs"]) & set(docs))  # noqa: E731
    linked = linked_within(G, nodes, in_docs, kinds)
    edges = sum(1 for u, v, a in G.edges(data=True) if in_docs(a) and u in linked and v in linked and a["kind"] in kinds)
    drawn = opened.js(DRAWN)
    assert set(drawn["nodes"]) == linked and len(drawn["edges"]) == edges
    unlinked = len(nodes - linked)
    if unlinked:
        assert f"{unlinked:,} with no link left out" in opened.page.text_content("#shown-status")
    opened.page.click("#documents-clear")
    assert len(opened.js(DRAWN)["nodes"]) <= FIRST_LOOK_NODES


@pytest.mark.parametrize("which", ["first document id in the panel"])
def test_story_a_document_id_in_the_panel_shows_that_document(fresh, which):
    opened, G, _ = fresh
    node = opened.js(DRAWN)["nodes"][0]
    opened.js("(id) => window.newsgraph.showNode(id)", node)
    link = opened.page.locator("#panel .doc-link").first
    doc = link.text_content()
    link.click()
    kinds = set(opened.js("() => Array.from(window.newsgraph.state.kinds)"))
    nodes = {n for n, ds in G.nodes(data="docs") if doc in ds}
    assert set(opened.js(DRAWN)["nodes"]) == linked_within(G, nodes, lambda a: doc in a["docs"], kinds)
    assert opened.page.get_attribute("#panel-body", "data-article") == doc  # and the story is open beside it


@pytest.mark.parametrize("side", ["right"])
def test_story_opening_the_panel_leaves_the_entity_in_view(fresh, side):
    opened, G, _ = fresh
    # the drawn entity furthest right: where the panel opens
    node = opened.js("""() => { const net = window.newsgraph.network;
      return net.body.nodeIndices.slice().sort((a, b) => net.getPosition(b).x - net.getPosition(a).x)[0]; }""")
    opened.js("(id) => window.newsgraph.showNode(id)", node)
    opened.page.wait_for_selector("#panel:not([hidden])")
    where = opened.js("""(id) => { const net = window.newsgraph.network, box = net.body.container.getBoundingClientRect();
      const p = net.canvasToDOM(net.getPosition(id)), x = p.x + box.left, y = p.y + box.top;
      const panel = document.getElementById("panel").getBoundingClientRect();
      return {inside: x > box.left && x < box.right && y > box.top && y < box.bottom,
              onCanvas: document.elementFromPoint(x, y) instanceof HTMLCanvasElement, beside: box.right <= panel.left}; }""", node)
    assert where == {"inside": True, "onCanvas": True, "beside": True}


@pytest.mark.parametrize("kind", ["action over co-occurrence"])
def test_story_a_click_on_an_arrow_over_a_grey_line_opens_the_arrow(fresh, kind):
    opened, G, data = fresh
    opened.page.check("#legend-kinds input[value='cooccurrence']")
    arrow = next(e for e in data["edges"] if e["kind"] == "action" and e["verb"] == "warn")
    grey = next(e for e in data["edges"] if e["kind"] == "cooccurrence" and {e["from"], e["to"]} == {arrow["from"], arrow["to"]})
    drawn = set(opened.js(DRAWN)["edges"])
    assert {str(arrow["id"]), str(grey["id"])} <= drawn
    # the two hubs sit side by side: pull one out, so the pair's lines are long enough to aim at
    opened.js("""([a, b]) => { const net = window.newsgraph.network, p = net.getPosition(a);
      net.moveNode(b, p.x + 900, p.y - 700); }""", [arrow["from"], arrow["to"]])
    # a spot on the arrow where the grey line lies under it and no line is drawn over it
    point = opened.js("""([arrow, grey]) => {
      const net = window.newsgraph.network, body = net.body, box = net.body.container.getBoundingClientRect();
      const order = body.edgeIndices.map(String), mine = order.indexOf(String(arrow));
      for (let t = 0.2; t <= 0.8; t += 0.02) {
        const at = body.edges[arrow].edgeType.getPoint(t);
        const near = order.filter((id) => { const e = body.edges[id];
          return e.edgeType.getDistanceToEdge(e.from.x, e.from.y, e.to.x, e.to.y, at.x, at.y) < 10; });
        if (!near.includes(String(grey)) || near.some((id) => order.indexOf(id) > mine)) continue;
        net.moveTo({position: at, animation: false});
        const dom = net.canvasToDOM(at);
        if (net.getNodeAt(dom) !== undefined) continue;
        return {x: dom.x + box.left, y: dom.y + box.top};
      }
      return null;
    }""", [arrow["id"], grey["id"]])
    assert point, "every spot of the arrow is crossed by another line"
    opened.page.mouse.click(point["x"], point["y"])
    opened.page.wait_for_selector("#panel:not([hidden])")
    assert opened.page.get_attribute("#panel-body", "data-edge") == str(arrow["id"])


@pytest.mark.parametrize("close_by", ["Escape", "filter change", "click"])
def test_story_tooltips_close(fresh, close_by):
    opened, G, _ = fresh
    page = opened.page
    node = opened.js(DRAWN)["nodes"][0]
    point = opened.js(CENTRE_ON, ["node", node])
    assert point
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible")
    if close_by == "Escape":
        page.keyboard.press("Escape")
    elif close_by == "filter change":
        page.fill("#min-mentions", "2")
    else:
        opened.js("() => window.newsgraph.showDocuments(['doc3'])")
        page.mouse.click(point["x"] - 300, point["y"] - 200)
    assert not page.is_visible("div.vis-tooltip")


@pytest.mark.parametrize("doc", ["doc1"])
def test_story_a_javascript_url_is_never_a_link(fresh, doc):
    opened, G, data = fresh
    assert G.graph["documents_meta"][doc]["url"].startswith("javascript:")
    assert next(d for d in data["documents"] if d["id"] == doc)["url"] == ""
    opened.page.fill("#documents-filter", doc)
    row = opened.page.locator("#documents-list li").filter(has=opened.page.locator(f"input[value='{doc}']"))
    assert row.count() == 1 and row.locator("a").count() == 0
    opened.page.fill("#documents-filter", "")
    hrefs = opened.js("() => Array.from(document.querySelectorAll('a[href]')).map((a) => [a.getAttribute('href'), a.rel, a.target])")
    assert hrefs and all(h.startswith("https://") and rel == "noopener noreferrer" for h, rel, _ in hrefs)


@pytest.mark.parametrize("target", ["an entity outside the first look"])
def test_story_search_reaches_an_entity_outside_the_first_look(fresh, target):
    opened, G, _ = fresh
    drawn = set(opened.js(DRAWN)["nodes"])
    node = next(n for n in sorted(G, key=lambda n: int(n[1:]), reverse=True) if n not in drawn)
    opened.page.fill("#search-input", G.nodes[node]["aliases"][1])
    opened.page.press("#search-input", "Enter")
    opened.page.wait_for_selector("#panel:not([hidden])")
    assert opened.js("() => window.newsgraph.network.getSelectedNodes()") == [node]
    assert opened.page.text_content("#panel h1") == G.nodes[node]["label"]
    assert set(opened.js(DRAWN)["nodes"]) == drawn | {node}
