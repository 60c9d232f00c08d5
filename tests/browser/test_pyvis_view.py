"""to_pyvis(G).write_html() in headless chromium: the network is drawn and
nothing is asked of any host (pyvis's template loads Bootstrap from a CDN)."""
from __future__ import annotations

import pytest

from graph import to_pyvis
from tests.browser.conftest import close, open_page
from tests.graph.test_gephi_pyvis import small_graph

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("notebook", [False, True])
def test_pyvis_view_html_draws_with_no_request(browser, tmp_path, notebook):
    G = small_graph()
    path = tmp_path / "pyvis.html"
    to_pyvis(G, notebook=notebook).write_html(str(path), notebook=notebook)
    opened = open_page(browser, path.as_uri(), wait_ready=False)
    try:
        opened.page.wait_for_function("() => window.network && window.network.body.nodeIndices.length > 0",
                                      timeout=60_000)
        drawn = opened.js("() => [network.body.nodeIndices.length, network.body.edgeIndices.length]")
        assert drawn == [G.number_of_nodes(), G.number_of_edges()]
        assert opened.blocked == []
        assert [u for u in opened.requests if not u.startswith(("file:", "data:", "about:"))] == []
        assert opened.errors == []
        assert opened.js("() => document.querySelectorAll('img').length") == 0  # a label's markup stays text
    finally:
        close(opened)
