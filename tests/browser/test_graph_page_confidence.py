"""How sure each claim is, on the page: actions and quotes below the graph's
``confidence_threshold`` are hidden at first, the page says how many, the
confidence slider shows or hides them, and tooltips and the panel say each
claim's confidence. Co-occurrence is never hidden by it; a graph without
any confidence draws everything and shows no slider."""
from __future__ import annotations

import random
import time

import networkx as nx
import pytest

from graph.html import write_html
from tests.browser.conftest import CENTRE_ON, DRAWN, close, open_page
from tests.browser.synthetic import synthetic_graph

pytestmark = pytest.mark.browser

HOSTILE = '<img src=x onerror="window.__xss=1">'
THRESHOLD = 0.4


def claims_graph(*, confidence: bool = True) -> nx.MultiDiGraph:
    """Four entities, two actions and a quote link with confidences 0.72, 0.20 and 0.35, a
    co-occurrence, and two quotes by Ana Bell (0.90 and 0.10); without ``confidence``, the
    same graph as an older build wrote it (no confidence, no threshold)."""
    G = nx.MultiDiGraph(documents=1)
    for n, label, kind in [("person:ana", "Ana Bell", "official"), ("country:PE", "Peru", "country"),
                           ("outlet:radio", f"Radio {HOSTILE}", "outlet"), ("country:CL", "Chile", "country")]:
        G.add_node(n, label=label, type=kind, count=2, docs=["d1"], aliases=[], roles=[], mentions=[])

    def link(u, v, kind, verb, sure, polarity="neutral"):
        sentence = f"{G.nodes[u]['label']} and {G.nodes[v]['label']} {HOSTILE}."
        a = {"kind": kind, "verb": verb, "polarity": polarity, "weight": 1,
             "evidence": [{"doc": "d1", "sentence": sentence, "start": 0, "end": len(sentence)}]}
        if confidence and sure is not None:
            a["confidence"] = sure
        G.add_edge(u, v, key=f"{kind}:{verb}", **a)

    link("person:ana", "country:PE", "action", "meet", 0.72, "cooperation")
    link("person:ana", "country:CL", "action", "attack", 0.20, "conflict")
    link("person:ana", "outlet:radio", "quote", "tell", 0.35)
    link("country:PE", "country:CL", "cooccurrence", "", None, "")
    said = [("We win", 0.90), (f"We lose {HOSTILE}", 0.10)]
    G.graph["quotes"] = [{"doc": "d1", "start": 0, "end": len(t), "text": t, "speaker": "person:ana", "cue": "say",
                          "kind": "direct", "to": None, "names": [], **({"confidence": c} if confidence else {})}
                         for t, c in said]
    if confidence:
        G.graph["confidence_threshold"] = THRESHOLD
    return G


EDGES_DRAWN = "() => window.newsgraph.edges.get().map((e) => e.kind + ':' + e.verb).sort()"
SAID = "() => [...document.querySelectorAll('#panel li.quote blockquote')].map((b) => b.textContent)"


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory):
    path = tmp_path_factory.mktemp("confidence-page") / "g.html"
    write_html(claims_graph(), path)
    opened = open_page(browser, path.as_uri())
    yield opened
    close(opened)


@pytest.fixture
def fresh(page):
    """The page as it first opens: the graph's threshold, nothing selected."""
    page.page.click("#filters-reset")
    page.page.keyboard.press("Escape")
    return page


@pytest.mark.parametrize("hidden", [["action:attack", "quote:tell"]])
def test_confidence_claims_below_the_threshold_are_hidden_at_first(fresh, hidden):
    drawn = fresh.js(EDGES_DRAWN)
    assert drawn == ["action:meet", "cooccurrence:"]
    assert not set(hidden) & set(drawn)
    assert fresh.page.input_value("#min-confidence") == "0.4"
    assert fresh.page.text_content("#min-confidence-value") == "0.40"
    # the speaker's panel lists only the quote sure enough, and says one is hidden
    fresh.js("() => window.newsgraph.showNode('person:ana')")
    assert fresh.js(SAID) == ["We win"]
    assert "1 below confidence 0.40 hidden" in fresh.page.text_content("#panel section.quotes")
    assert fresh.errors == [] and fresh.blocked == []


@pytest.mark.parametrize("where", ["#confidence-status", "#shown-status"])
def test_confidence_the_page_says_how_many_claims_it_hides(fresh, where):
    assert "3 claims below confidence 0.40 hidden (2 links, 1 quote)" in fresh.page.text_content(where)


@pytest.mark.parametrize("value, drawn, said, status", [
    ("0.1", ["action:attack", "action:meet", "cooccurrence:", "quote:tell"], ["We win", f"We lose {HOSTILE}"],
     "no claim below confidence 0.10"),
    ("0", ["action:attack", "action:meet", "cooccurrence:", "quote:tell"], ["We win", f"We lose {HOSTILE}"],
     "every claim shown, however unsure"),
    ("0.8", ["cooccurrence:"], ["We win"], "4 claims below confidence 0.80 hidden (3 links, 1 quote)"),
])
def test_confidence_moving_the_slider_shows_or_hides_claims(fresh, value, drawn, said, status):
    fresh.js("() => window.newsgraph.showNode('person:ana')")
    fresh.page.fill("#min-confidence", value)
    assert fresh.js(EDGES_DRAWN) == drawn
    assert fresh.page.text_content("#confidence-status") == status
    # the open panel follows: her quotes and her links (every claim here is hers)
    assert fresh.js(SAID) == said
    listed = fresh.js("() => document.querySelectorAll('#panel li.relation').length")
    assert listed == len([d for d in drawn if not d.startswith("cooccurrence")])
    # article text reached the screen as text only
    assert fresh.js("() => window.__xss") is None
    assert fresh.js("() => document.querySelectorAll('img').length") == 0
    # First look goes back to the graph's threshold
    fresh.page.click("#filters-reset")
    assert fresh.js(EDGES_DRAWN) == ["action:meet", "cooccurrence:"]


@pytest.mark.parametrize("verb, text", [("meet", "confidence 0.72")])
def test_confidence_tooltip_and_panel_say_how_sure_a_claim_is(fresh, verb, text):
    page = fresh.page
    fresh.js("() => window.newsgraph.network.setOptions({interaction: {tooltipDelay: 0}})")
    edge = fresh.js(f"() => window.newsgraph.edges.get().find((e) => e.verb === '{verb}').id")
    point = fresh.js(CENTRE_ON, ["edge", edge])
    assert point
    page.mouse.move(point["x"] - 3, point["y"] - 3)
    page.mouse.move(point["x"], point["y"])
    tip = page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=3000)
    assert text in tip.inner_text().splitlines()[0]
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#panel:not([hidden])")
    facts = fresh.js("() => Object.fromEntries([...document.querySelectorAll('#panel dt')].map("
                     "(dt) => [dt.textContent, dt.nextElementSibling.textContent]))")
    assert facts["confidence"] == text.split()[1]
    # a co-occurrence says nothing about confidence
    cooc = fresh.js("() => window.newsgraph.edges.get().find((e) => e.kind === 'cooccurrence')")
    assert "confidence" not in cooc["title"]
    fresh.js(f"() => window.newsgraph.showEdge({cooc['id']})")
    assert "confidence" not in page.text_content("#panel")
    # the quotes in a speaker's panel carry theirs
    fresh.js("() => window.newsgraph.showNode('person:ana')")
    assert "confidence 0.90" in page.text_content("#panel li.quote .tag")


@pytest.mark.parametrize("build", ["confidence, no threshold", "an older graph, no confidence anywhere"])
def test_confidence_a_graph_without_a_threshold_draws_every_claim(browser, tmp_path, build):
    G = claims_graph(confidence=build.startswith("confidence"))
    G.graph.pop("confidence_threshold", None)
    path = tmp_path / "g.html"
    write_html(G, path)
    opened = open_page(browser, path.as_uri())
    try:
        assert opened.js(EDGES_DRAWN) == ["action:attack", "action:meet", "cooccurrence:", "quote:tell"]
        opened.js("() => window.newsgraph.showNode('person:ana')")
        assert opened.js(SAID) == ["We win", f"We lose {HOSTILE}"]
        if build.startswith("confidence"):
            # the slider is there, at 0, to hide the unsure ones
            assert opened.page.is_visible("#min-confidence") and opened.page.input_value("#min-confidence") == "0"
            assert opened.page.text_content("#confidence-status") == "every claim shown, however unsure"
            assert "confidence 0.10" in opened.page.text_content("#panel")
        else:
            # nothing to choose by: no slider, and the panel says nothing of confidence
            assert not opened.page.is_visible("#min-confidence")
            assert "confidence" not in opened.page.text_content("#panel")
        assert "confidence" not in opened.page.text_content("#shown-status")
        assert opened.errors == []
    finally:
        close(opened)


def _expected(G: nx.MultiDiGraph, at: float) -> int:
    """The links "Show all" then a slider at ``at`` draw: those that pass, between entities
    linked by one that passes (Show all leaves unlinked entities out)."""
    passing = [(u, v) for u, v, a in G.edges(data=True) if a["kind"] == "cooccurrence" or a["confidence"] >= at]
    linked = {x for u, v in passing if u != v for x in (u, v)}
    return sum(u in linked and v in linked for u, v in passing)


@pytest.mark.parametrize("size", [(600, 6000)])
def test_confidence_slider_is_fast_on_thousands_of_links(browser, tmp_path, size):
    G = synthetic_graph(*size)
    rng = random.Random(1)
    for *_, a in G.edges(data=True):
        if a["kind"] != "cooccurrence":
            a["confidence"] = round(rng.random(), 3)
    G.graph["confidence_threshold"] = THRESHOLD
    path = tmp_path / "g.html"
    write_html(G, path)
    opened = open_page(browser, path.as_uri())
    try:
        opened.page.click("#filters-all")
        network = opened.js("() => { window.__net = window.newsgraph.network; return true; }")
        assert network
        for at in (0.5, 0.2, 0.9):
            t = time.perf_counter()
            opened.page.fill("#min-confidence", str(at))
            took = time.perf_counter() - t
            assert len(opened.js(DRAWN)["edges"]) == _expected(G, at)
            assert took < 2.0, took
        # the same network, its data sets updated: not drawn anew
        assert opened.js("() => window.__net === window.newsgraph.network")
        assert opened.errors == []
    finally:
        close(opened)
