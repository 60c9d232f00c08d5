"""The notebook view as a notebook front end shows it: an iframe with the
page in ``srcdoc``, sandboxed, drawing the whole graph with no request."""
from __future__ import annotations

import networkx as nx
import pytest

from graph.notebook import show
from tests.browser.conftest import DRAWN

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", [(12, 30)])
def test_notebook_view_draws_inline_with_no_request(browser, size):
    G = nx.MultiDiGraph(nx.gnm_random_graph(*size, seed=1, directed=True))
    for n in G:
        G.nodes[n].update(label=f"Entity {n}", type="organization", count=1, aliases=[], roles=[], docs=["d"])
    for u, v, k in G.edges(keys=True):
        G.edges[u, v, k].update(kind="action", verb="meet", polarity="neutral", weight=1,
                                evidence=[{"doc": "d", "sentence": f"Entity {u} met Entity {v}.", "start": 0, "end": 20}])
    G = nx.relabel_nodes(G, {n: f"org:{n}" for n in G})
    context = browser.new_context()
    page = context.new_page()
    requests, blocked = [], []
    page.on("request", lambda r: requests.append(r.url))
    context.route("**/*", lambda r: (blocked.append(r.request.url), r.abort()) if not r.request.url.startswith(
        ("file:", "data:", "about:")) else r.continue_())
    try:
        page.set_content(f"<!DOCTYPE html><html><body><p>cell output</p>{show(G)._repr_html_()}</body></html>")
        frame = page.frame_locator("iframe").locator("body[data-ready]")
        frame.wait_for(state="attached", timeout=60_000)
        inner = next(f for f in page.frames if f != page.main_frame)
        drawn = inner.evaluate(DRAWN)
        assert sorted(drawn["nodes"]) == sorted(G.nodes)
        assert len(drawn["edges"]) == G.number_of_edges()
        assert blocked == [] and all(u.startswith(("about:", "data:", "file:")) for u in requests), requests
    finally:
        context.close()
