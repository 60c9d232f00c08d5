"""The seed graph's page in headless chromium: what a reader sees and does.

Every expectation is taken from the JSON built in the same run, never from
fixed numbers: the extraction changes while this page stays the same.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.style import TYPE_STYLE
from tests.browser.conftest import CENTRE_ON, DRAWN, close, open_page

pytestmark = [pytest.mark.browser, pytest.mark.model]

SCREENSHOTS = Path("/tmp")


def _json(build: Path) -> dict:
    return json.loads((build / "graph.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_page(browser, seed_build):
    opened = open_page(browser, (seed_build / "graph.html").as_uri())
    yield opened
    close(opened)


@pytest.fixture
def fresh(seed_page):
    """The seed page as it first opens: first-look filters, nothing selected."""
    seed_page.page.click("#filters-reset")
    seed_page.page.keyboard.press("Escape")
    return seed_page


@pytest.mark.parametrize("build", ["seeds/ as make graph builds it"])
def test_graph_page_seed_loads_nothing_from_the_network_and_draws_every_node(fresh, seed_build, build):
    data = _json(seed_build)
    drawn = fresh.js(DRAWN)
    assert fresh.blocked == []
    assert all(url.startswith(("file:", "data:", "about:")) for url in fresh.requests), fresh.requests
    assert sorted(drawn["nodes"]) == sorted(n["id"] for n in data["nodes"])
    assert len(drawn["edges"]) == len(data["links"])
    assert fresh.errors == []
    # physics stabilised and then stopped
    assert fresh.js("() => window.newsgraph.network.physics.physicsEnabled") is False
    fresh.page.screenshot(path=str(SCREENSHOTS / "newsgraph-seed.png"))


def _alias_that_names_one_node(data: dict) -> tuple[dict, str]:
    """The most mentioned node with an alias no other node carries as label or alias."""
    owners: dict[str, set] = {}
    for n in data["nodes"]:
        for name in [n["label"], *n["aliases"]]:
            owners.setdefault(name.casefold(), set()).add(n["id"])
    for n in sorted(data["nodes"], key=lambda n: -n["count"]):
        for alias in n["aliases"]:
            if owners[alias.casefold()] == {n["id"]} and len(alias) > 2:
                return n, alias
    raise AssertionError("no node of the seed graph has an alias of its own")


@pytest.mark.parametrize("how", ["Enter", "Find button"])
def test_graph_page_search_finds_a_node_by_alias(fresh, seed_build, how):
    node, alias = _alias_that_names_one_node(_json(seed_build))
    page = fresh.page
    page.fill("#search-input", alias.upper() if how == "Enter" else alias)
    if how == "Enter":
        page.press("#search-input", "Enter")
    else:
        page.click("#search-go")
    page.wait_for_selector("#panel:not([hidden])")
    assert page.text_content("#panel h1") == node["label"]
    assert fresh.js("() => window.newsgraph.network.getSelectedNodes()") == [node["id"]]
    assert alias.upper() in page.text_content("#search-status").upper()
    # its neighbours stay bright, the others are dimmed
    neighbours = set(fresh.js("(id) => window.newsgraph.network.getConnectedNodes(id)", node["id"]))
    dim = fresh.js("() => window.newsgraph.nodes.get().filter((n) => n.opacity !== undefined && n.opacity < 1).map((n) => n.id)")
    assert node["id"] not in dim and not neighbours & set(dim)
    assert len(dim) == len(_json(seed_build)["nodes"]) - len(neighbours | {node["id"]})


@pytest.mark.parametrize("hidden_type", list(TYPE_STYLE))
def test_graph_page_type_filter_hides_exactly_that_type(fresh, seed_build, hidden_type):
    data = _json(seed_build)
    types = {n["id"]: n["type"] for n in data["nodes"]}
    fresh.page.uncheck(f"#legend-types input[value='{hidden_type}']")
    drawn = fresh.js(DRAWN)
    assert sorted(drawn["nodes"]) == sorted(i for i, t in types.items() if t != hidden_type)
    assert len(drawn["edges"]) == sum(types[e["source"]] != hidden_type and types[e["target"]] != hidden_type
                                      for e in data["links"])
    fresh.page.check(f"#legend-types input[value='{hidden_type}']")
    assert len(fresh.js(DRAWN)["nodes"]) == len(data["nodes"])


@pytest.mark.parametrize("kind", ["action"])
def test_graph_page_clicking_an_edge_shows_its_evidence(fresh, seed_build, kind):
    page = fresh.page
    edges = fresh.js("(k) => window.newsgraph.data.edges.filter((e) => e.kind === k)", kind)
    assert edges, f"the seed graph has no {kind} edge"
    for edge in edges:
        point = fresh.js(CENTRE_ON, ["edge", edge["id"]])
        if point:
            break
    else:
        raise AssertionError(f"no {kind} edge can be clicked without hitting a node")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#panel:not([hidden])")
    panel = page.text_content("#panel")
    assert page.get_attribute("#panel-body", "data-edge") == str(edge["id"])
    assert edge["phrase"].split(" — ")[0] in panel and edge["verb"] in panel
    for ev in edge["evidence"]:
        assert ev["sentence"].strip() in panel
        assert ev["doc"] in panel


@pytest.mark.parametrize("pick", ["most mentioned node that can be clicked"])
def test_graph_page_clicking_a_node_lists_its_relations_with_marked_evidence(fresh, seed_build, pick):
    data = _json(seed_build)
    page = fresh.page
    for node in sorted(data["nodes"], key=lambda n: -n["count"]):  # the most mentioned one not covered by another
        point = fresh.js(CENTRE_ON, ["node", node["id"]])
        if point:
            break
    else:
        raise AssertionError("every node is covered by another")
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible")
    assert node["label"] in page.text_content("div.vis-tooltip")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#panel:not([hidden])")
    assert page.text_content("#panel h1") == node["label"]
    facts = page.text_content("#panel dl")
    assert node["type"] in facts and str(node["count"]) in facts
    for alias in node["aliases"]:
        assert alias in facts
    for role in node["roles"]:
        assert role in facts
    incident = [e for e in data["links"] if node["id"] in (e["source"], e["target"])]
    assert page.locator("#panel li.relation").count() == len(incident)
    marks = set(page.locator("#panel li.relation mark").all_text_contents())
    assert marks & {node["label"], *node["aliases"]}, "the node's own name is not marked in its evidence"
    page.screenshot(path=str(SCREENSHOTS / "newsgraph-side-panel.png"))


def _shown_by(control: str, data: dict) -> tuple[set, int]:
    """The node ids and the number of links the JSON says a filter leaves."""
    types = {n["id"]: n for n in data["nodes"]}
    if control == "min-mentions=3":
        keep = {i for i, n in types.items() if n["count"] >= 3}
        return keep, sum(e["source"] in keep and e["target"] in keep for e in data["links"])
    keep = set(types)
    if control == "min-weight=2":
        return keep, sum(e["weight"] >= 2 for e in data["links"])
    if control == "untick cooccurrence":
        return keep, sum(e["kind"] != "cooccurrence" for e in data["links"])
    if control == "untick conflict":
        return keep, sum(e["kind"] == "cooccurrence" or e["polarity"] != "conflict" for e in data["links"])
    raise ValueError(control)


@pytest.mark.parametrize("control", ["min-weight=2", "min-mentions=3", "untick cooccurrence", "untick conflict"])
def test_graph_page_filters_leave_what_the_json_says(fresh, seed_build, control):
    data = _json(seed_build)
    page = fresh.page
    if control.startswith("min-"):
        name, value = control.split("=")
        page.fill(f"#{name}", value)
    else:
        value = control.split()[1]
        group = "kinds" if value == "cooccurrence" else "polarities"
        page.uncheck(f"#legend-{group} input[value='{value}']")
    nodes, n_edges = _shown_by(control, data)
    drawn = fresh.js(DRAWN)
    assert set(drawn["nodes"]) == nodes
    assert len(drawn["edges"]) == n_edges
    assert f"{len(nodes)} of {len(data['nodes'])} entities" in page.text_content("#shown-status").replace(",", "")
