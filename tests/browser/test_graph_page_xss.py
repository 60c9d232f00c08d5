"""Untrusted article text on the page: shown as text in the page, the
tooltips and the side panel, and never run (``window.__xss`` stays unset)."""
from __future__ import annotations

import networkx as nx
import pytest

from graph.html import write_html
from tests.browser.conftest import CENTRE_ON, DRAWN, close, open_page, page_data, run_cli

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    '"><svg onload=window.__xss=3>',
    "'); window.__xss=4; ('",
    "</script><script>window.__xss=5</script>",
    '\\"; window.__xss=6; //\\',
    "line\u2028separator\u2029paragraph",
    "<!-- <script>window.__xss=7</script>",
    "${window.__xss=8} {{7*7}} `tick`",
    '<a href="javascript:window.__xss=9">link</a>',
]

# A hand-written article (no real event) whose names and sentences carry the payloads.
ARTICLE = """Berlin (Reuters) - German Chancellor Olaf<script>window.__xss=1</script> Scholz met French President \
Emmanuel Macron<img src=x onerror="window.__xss=2"> in Paris on Monday, Reuters reported.

"We will work together</script><script>window.__xss=5</script> on defence," Macron told Le Monde after the meeting.

Scholz criticised Hungary's Prime Minister Viktor Orban over a veto, said Anna "O'Brien\\" <b onmouseover=window.__xss=4>bold</b> \
Kowalski, a spokeswoman for the European Commission.

Poland's President Andrzej Duda praised Germany on Tuesday\u2028 and\u2029 Italy joined\\ the talks in Rome ${window.__xss=8}.

Mark "><svg onload=window.__xss=3> Rutte of NATO said the Netherlands and Belgium would meet Olaf Scholz again.
"""

# none of these is in the page's template: any one would have come from the data
NO_ELEMENTS_FROM_DATA = ("() => document.querySelectorAll('img, svg, iframe, object, embed, a, b, style ~ style ~ style')"
                         ".length + document.scripts.length - 3")


def _hover_and_click_everything(opened) -> dict:
    """Hover and click every drawn node and edge; return what the tooltips and panels showed."""
    page = opened.page
    opened.js("() => window.newsgraph.network.setOptions({interaction: {tooltipDelay: 0}})")
    drawn = opened.js(DRAWN)
    seen = {"tooltips": [], "panels": [], "reached": 0}
    for kind, ids in (("node", drawn["nodes"]), ("edge", drawn["edges"])):
        for raw in ids:
            target = raw if kind == "node" else int(raw)
            page.keyboard.press("Escape")
            point = opened.js(CENTRE_ON, [kind, target])
            if point is None:
                continue
            seen["reached"] += 1
            page.mouse.move(point["x"] - 3, point["y"] - 3)
            page.mouse.move(point["x"], point["y"])
            tip = page.locator("div.vis-tooltip")
            tip.wait_for(state="visible", timeout=3000)
            # plain text: line breaks are the only elements in it
            assert page.evaluate("() => [...document.querySelector('div.vis-tooltip').children]"
                                 ".every((c) => c.tagName === 'BR')")
            seen["tooltips"].append(tip.inner_text())
            page.mouse.click(point["x"], point["y"])
            page.wait_for_selector("#panel:not([hidden])")
            seen["panels"].append(page.text_content("#panel"))
    return seen


@pytest.fixture(scope="module")
def xss_article_page(browser, tmp_path_factory):
    out = tmp_path_factory.mktemp("xss-article")
    (out / "article.txt").write_text(ARTICLE, encoding="utf-8")
    run_cli(str(out / "article.txt"), "-o", str(out / "graph.html"))
    opened = open_page(browser, (out / "graph.html").as_uri())
    yield opened, page_data(out / "graph.html")
    close(opened)


@pytest.mark.model
@pytest.mark.parametrize("source", ["hand-written article through the CLI"])
def test_graph_page_article_payloads_are_shown_and_never_run(xss_article_page, source):
    opened, data = xss_article_page
    sentences = [data["sentences"][ev["s"]] for e in data["edges"] for ev in e["evidence"]]
    carried = [p for p in PAYLOADS if any(p in s for s in sentences)]
    assert len(carried) >= 3, "the article's payloads did not reach the evidence"
    seen = _hover_and_click_everything(opened)
    assert seen["reached"] >= len(data["nodes"]) // 2
    assert opened.js("() => window.__xss") is None
    assert opened.blocked == [] and opened.errors == []
    assert opened.js(NO_ELEMENTS_FROM_DATA) == 0
    panels = "\n".join(seen["panels"])
    assert any(p in panels for p in carried), "no payload is shown as text in the side panel"


def _payload_graph() -> nx.MultiDiGraph:
    """Every field of every node and edge carries a payload; a few plain nodes keep it a graph."""
    G = nx.MultiDiGraph(title=PAYLOADS[0], documents=1)
    n = len(PAYLOADS)
    for i, p in enumerate(PAYLOADS):
        G.add_node(p, label=p, type=PAYLOADS[(i + 1) % n] if i % 3 == 0 else "person",
                   aliases=[f"{PAYLOADS[(i + 2) % n]} #{i}", f"alias {i}"], roles=[PAYLOADS[(i + 3) % n]],
                   mentions=[[PAYLOADS[(i + 4) % n], 0, 5]], count=i + 1, docs=[PAYLOADS[(i + 4) % n]],
                   affiliation=PAYLOADS[(i + 5) % n])
    ids = list(G)
    for i, p in enumerate(PAYLOADS):
        sentence = f"{PAYLOADS[i]} met {PAYLOADS[(i + 1) % n]} and said {PAYLOADS[(i + 6) % n]}."
        G.add_edge(ids[i], ids[(i + 1) % n], key=p,
                   kind=["action", "quote", "cooccurrence", PAYLOADS[(i + 7) % n]][i % 4],
                   verb=PAYLOADS[(i + 8) % n], polarity=["conflict", PAYLOADS[(i + 9) % n]][i % 2],
                   category=p, modality=PAYLOADS[(i + 2) % n], weight=1 + i % 3, docs=[p],
                   evidence=[{"doc": PAYLOADS[(i + 4) % n], "sentence": sentence, "start": 0, "end": len(sentence),
                              "quote": p}])
    return G


@pytest.fixture(scope="module")
def payload_page(browser, tmp_path_factory):
    path = tmp_path_factory.mktemp("xss-fields") / "graph.html"
    G = _payload_graph()
    write_html(G, path, title=PAYLOADS[1])
    opened = open_page(browser, path.as_uri())
    yield opened, G
    close(opened)


@pytest.mark.parametrize("source", ["hand-built graph, payloads in every field"])
def test_graph_page_payloads_in_every_field_are_shown_and_never_run(payload_page, source):
    opened, G = payload_page
    page = opened.page
    page.click("#filters-all")  # every kind, including the payload-named one
    assert len(opened.js(DRAWN)["nodes"]) == G.number_of_nodes()
    seen = _hover_and_click_everything(opened)
    assert seen["reached"] >= G.number_of_nodes()
    tooltips, panels = "\n".join(seen["tooltips"]), "\n".join(seen["panels"])
    for p in ("<script>window.__xss=1</script>", '<img src=x onerror="window.__xss=2">'):
        assert p in tooltips and p in panels
    assert page.title() == PAYLOADS[1]
    legend = page.text_content("#legend")
    assert PAYLOADS[1] in legend  # a node type named by a payload is listed as text
    assert opened.js("() => window.__xss") is None
    assert opened.blocked == [] and opened.errors == []
    assert opened.js(NO_ELEMENTS_FROM_DATA) == 0


@pytest.mark.parametrize("alias", [f"{PAYLOADS[2]} #0", f"{PAYLOADS[4]} #2"])
def test_graph_page_search_for_a_payload_alias_shows_it_as_text(payload_page, alias):
    opened, G = payload_page
    page = opened.page
    page.fill("#search-input", alias)
    page.press("#search-input", "Enter")
    page.wait_for_selector("#panel:not([hidden])")
    owner = next(n for n, a in G.nodes(data=True) if alias in a["aliases"])
    assert page.text_content("#panel h1") == G.nodes[owner]["label"]
    assert alias in page.text_content("#search-status")
    assert opened.js("() => window.__xss") is None
    assert opened.js(NO_ELEMENTS_FROM_DATA) == 0
