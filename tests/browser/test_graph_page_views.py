"""Where analysts work (issue 22): every scoped view is a readable first look
of its own, the panel keeps the graph readable, every name in the panel
leads somewhere, and a sentence opens its story.

The graph is synthetic (tests.browser.synthetic: 2,400 entities, 8,000
links, 500 dated documents), with texts made of its own evidence sentences;
the window is 1280x720, a laptop's.
"""
from __future__ import annotations

import pytest

from graph.html import FIRST_LOOK_NODES, vis_data, write_html
from tests.browser.conftest import DRAWN, close, open_page
from tests.browser.synthetic import synthetic_graph, synthetic_texts

pytestmark = pytest.mark.browser

N_NODES, N_EDGES = 2400, 8000
VIEWPORT = (1280, 720)
READABLE_PX = 12
SCOPED_MAX = 160
UNLINKED = 30

# every drawn entity: its label, whether vis-network draws it (on-screen size at or above the
# drawThreshold), and the pairs of drawn entities whose boxes (shape and label) overlap
LABELS = """() => {
  const net = window.newsgraph.network, o = net.body.nodes, ids = net.body.nodeIndices;
  net.redraw();
  const font = ids.length ? o[ids[0]].options.font.size : 0, px = net.getScale() * font;
  const boxes = ids.map((id) => [id, o[id].options.label, net.getBoundingBox(id)]);
  let clash = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i][2], b = boxes[j][2];
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) clash += 1;
  }
  return {n: ids.length, px, drawn: ids.length ? px >= o[ids[0]].options.scaling.label.drawThreshold : true,
          unlabelled: boxes.filter((b) => !b[1]).length, clash};
}"""


@pytest.fixture(scope="module")
def views(browser, tmp_path_factory):
    G = synthetic_graph(N_NODES, N_EDGES, seed=3)
    for i in range(UNLINKED):  # rows of a results table: named in a story, linked with nothing
        G.add_node(f"t{i}", label=f"Table Row {i}", type="person", count=1, aliases=[], roles=[], docs=["doc5"],
                   dates=[G.graph["documents_meta"]["doc5"]["date"]], mentions=[])
    texts = synthetic_texts(G)
    path = tmp_path_factory.mktemp("views") / "views.html"
    write_html(G, path, texts=texts)
    opened = open_page(browser, path.as_uri(), viewport=VIEWPORT)
    yield opened, G, vis_data(G, texts=texts), texts
    close(opened)


@pytest.fixture
def fresh(views):
    opened = views[0]
    opened.page.keyboard.press("Escape")
    opened.page.click("#filters-reset")
    return views


def settled(opened):
    opened.page.wait_for_selector("body[data-settled]", state="attached", timeout=60_000)
    opened.page.wait_for_timeout(50)


def readable_scoped_view(opened) -> dict:
    labels = opened.js(LABELS)
    assert 0 < labels["n"] <= SCOPED_MAX
    assert labels["unlabelled"] == 0 and labels["drawn"], labels
    assert labels["clash"] == 0, labels
    return labels


@pytest.mark.parametrize("which", ["first look", "right edge"])
def test_opening_the_panel_keeps_every_label_readable(fresh, which):
    opened, G, _, _ = fresh
    assert opened.js(LABELS)["px"] < READABLE_PX  # the first look is fitted smaller than that at 1280x720
    node = opened.js("""(which) => { const net = window.newsgraph.network, ids = net.body.nodeIndices.slice();
      return which === "right edge" ? ids.sort((a, b) => net.getPosition(b).x - net.getPosition(a).x)[0] : ids[0]; }""", which)
    opened.page.mouse.click(*opened.js("""(id) => { const net = window.newsgraph.network, box = net.body.container.getBoundingClientRect();
      const p = net.canvasToDOM(net.getPosition(id)); return [p.x + box.left, p.y + box.top]; }""", node))
    opened.page.wait_for_selector("#panel:not([hidden])")
    assert opened.page.get_attribute("#panel-body", "data-node") == node
    assert opened.js(LABELS)["px"] >= READABLE_PX
    where = opened.js("""(id) => { const net = window.newsgraph.network, box = net.body.container.getBoundingClientRect();
      const p = net.canvasToDOM(net.getPosition(id));
      return p.x > 0 && p.y > 0 && p.x < box.width && p.y < box.height; }""", node)
    assert where  # moved into view, not zoomed out
    assert opened.errors == []


def test_a_community_is_a_readable_first_look_of_its_own(fresh):
    opened, G, data, _ = fresh
    opened.page.select_option("#colour-by", "community")
    sizes = {}
    for n in data["nodes"]:
        sizes[n["community"]] = sizes.get(n["community"], 0) + 1
    biggest = max(sizes, key=sizes.get)
    assert sizes[biggest] > 50
    opened.js("(c) => window.newsgraph.showCommunity(c)", biggest)
    settled(opened)
    readable_scoped_view(opened)
    members = {n["id"] for n in data["nodes"] if n["community"] == biggest}
    assert set(opened.js(DRAWN)["nodes"]) <= members
    status = opened.page.text_content("#shown-status")
    assert "community of" in status and "first look" not in status
    # coloured: the community in view takes the palette's first colour, not grey
    colours = set(opened.js("() => window.newsgraph.nodes.get().map((n) => n.color)"))
    assert "#bbbbbb" not in colours
    opened.page.select_option("#colour-by", "type")


@pytest.mark.parametrize("span", [("2024-01-03", "2024-01-09")])
def test_a_date_range_is_a_readable_first_look_of_its_own(fresh, span):
    opened, G, _, _ = fresh
    lo, hi = span
    opened.page.select_option("#date-from", lo)
    opened.page.select_option("#date-to", hi)
    settled(opened)
    readable_scoped_view(opened)
    in_range = sum(1 for _, d in G.nodes(data="dates") if any(lo <= x <= hi for x in d))
    assert in_range > SCOPED_MAX
    assert f"of its {in_range:,} entities" in opened.page.text_content("#shown-status")


def test_one_document_is_a_readable_view_in_community_colours(fresh):
    opened, G, data, _ = fresh
    doc = max(G.graph["documents_meta"], key=lambda d: sum(1 for _, ds in G.nodes(data="docs") if d in ds))
    opened.page.select_option("#colour-by", "community")
    opened.js("(d) => window.newsgraph.showDocuments([d])", doc)
    settled(opened)
    labels = readable_scoped_view(opened)
    colours = opened.js("() => window.newsgraph.nodes.get().map((n) => n.color)")
    assert colours.count("#bbbbbb") < labels["n"] / 2, colours  # most in colour, the smallest communities grey
    assert f"document {doc}" in opened.page.text_content("#shown-status")
    opened.page.select_option("#colour-by", "type")
    # the table rows of a document are left out, and the status line says so
    opened.js("() => window.newsgraph.showDocuments(['doc5'])")
    settled(opened)
    assert not any(n.startswith("t") for n in opened.js(DRAWN)["nodes"])
    kinds = set(opened.js("() => Array.from(window.newsgraph.state.kinds)"))
    named = {n for n, ds in G.nodes(data="docs") if "doc5" in ds}
    linked = {x for u, v, a in G.edges(data=True) if u != v and u in named and v in named and a["kind"] in kinds
              and "doc5" in a["docs"] for x in (u, v)}
    assert len(named - linked) >= UNLINKED
    assert f"{len(named - linked):,} with no link left out" in opened.page.text_content("#shown-status")


def test_show_all_leaves_out_unlinked_entities_and_says_how_many(fresh):
    opened, G, _, _ = fresh
    opened.page.click("#filters-all")
    drawn = set(opened.js(DRAWN)["nodes"])
    linked = {x for u, v in G.edges() if u != v for x in (u, v)}
    assert drawn == linked
    status = opened.page.text_content("#shown-status")
    assert f"{G.number_of_nodes() - len(linked):,} with no link left out" in status
    opened.page.click("#shown-status button.show-unlinked")
    assert len(opened.js(DRAWN)["nodes"]) == G.number_of_nodes()


def test_every_name_the_panel_shows_leads_to_its_entity(fresh):
    opened, G, _, _ = fresh
    drawn = set(opened.js(DRAWN)["nodes"])
    # a drawn entity linked with entities outside the first look
    node = next(n for n in sorted(drawn) if (set(G.successors(n)) | set(G.predecessors(n))) - drawn)
    outside = sorted(((set(G.successors(node)) | set(G.predecessors(node))) - drawn))[0]
    opened.js("(id) => window.newsgraph.showNode(id)", node)
    name = opened.page.locator("#panel .phrase .name", has_text=G.nodes[outside]["label"]).first
    name.click()
    assert opened.errors == []
    assert opened.page.text_content("#panel h1") == G.nodes[outside]["label"]
    assert opened.js("() => window.newsgraph.network.getSelectedNodes()") == [outside]
    assert outside in set(opened.js(DRAWN)["nodes"])
    assert opened.js(LABELS)["px"] >= READABLE_PX


def test_an_evidence_sentence_opens_its_story_with_the_sentence_in_view(fresh):
    opened, G, data, texts = fresh
    page = opened.page
    # a link whose story is long enough that the sentence is far down it
    edge = max((e for e in data["edges"] if e["kind"] == "action"),
               key=lambda e: (e["evidence"][0]["start"], e["id"]))
    ev = edge["evidence"][0]
    assert ev["start"] > 2000
    opened.js("(id) => window.newsgraph.showEdge(id)", edge["id"])
    page.locator("#panel .evidence .sentence").first.click()
    assert page.get_attribute("#panel-body", "data-article") == ev["doc"]
    assert page.text_content("#panel h1") == G.graph["documents_meta"][ev["doc"]]["title"]
    here = page.locator("#panel .article .here")
    assert here.text_content() == texts[ev["doc"]][ev["start"]:ev["end"]]
    box, panel = here.bounding_box(), page.locator("#panel").bounding_box()
    assert panel["y"] <= box["y"] and box["y"] + box["height"] <= panel["y"] + panel["height"]  # in view
    marked = here.locator("mark.mention").all_text_contents()
    assert {G.nodes[edge["from"]]["label"], G.nodes[edge["to"]]["label"]} <= set(marked)
    # the whole story is there, as text
    assert page.locator("#panel .article").text_content() == texts[ev["doc"]]
    # a name in the story leads to its entity
    here.locator("mark.mention").first.click()
    assert page.get_attribute("#panel-body", "data-node") in (edge["from"], edge["to"])
    assert opened.errors == []


def test_a_story_past_the_size_limit_says_so(browser, tmp_path):
    G = synthetic_graph(60, 150, seed=2)
    texts = synthetic_texts(G)
    path = tmp_path / "small.html"
    write_html(G, path, texts=texts, texts_mb=0.001)  # 1 kB: a few stories fit
    opened = open_page(browser, path.as_uri(), viewport=VIEWPORT)
    try:
        carried = opened.js("() => Object.keys(window.newsgraph.data.texts.texts)")
        assert 0 < len(carried) < len([d for d in texts if texts[d].count("\n") > 1])
        assert sum(len(texts[d].encode()) for d in carried) <= 1000
        left = next(d for d in sorted(texts) if d not in carried and texts[d].count("\n") > 1)
        opened.js("(d) => window.newsgraph.showArticle(d)", left)
        note = opened.page.text_content("#panel .article-missing")
        assert "not in the page" in note and "--texts-mb" in note
    finally:
        close(opened)
