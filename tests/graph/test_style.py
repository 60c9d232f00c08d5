"""One look and one wording for every view: the page, pyvis, the notebook
tables and the GEXF all take node and edge styles, tooltips and the
relation phrase from graph.style."""
from __future__ import annotations

import ast
import html
from pathlib import Path

import networkx as nx
import pytest

from graph import to_pyvis
from graph.html import vis_data
from graph.notebook import edge_evidence, top_relations
from graph.style import (KIND_STYLE, OTHER_TYPE_STYLE, TYPE_STYLE, edge_look, edge_phrase, edge_tooltip, edge_width,
                         legend, node_look, node_size, node_tooltip, relation_phrase)
from tests.conftest import ROOT

HOSTILE = '<img src=x onerror="alert(1)"> & — →'


def story_graph(name: str = "Meng Wanzhou") -> nx.MultiDiGraph:
    """Every way an edge can read: action, negated with a modal, symmetric, quote, co-occurrence, no verb."""
    G = nx.MultiDiGraph()
    G.add_node("org:police", label="Canadian police", type="organization", count=3, docs=["d1"],
               aliases=["RCMP"], roles=[])
    G.add_node("person:meng", label=name, type="official", count=5, docs=["d1", "d2"], aliases=[],
               roles=["chief financial officer"])
    G.add_node("country:CN", label="China", type="country", count=4, docs=["d2"], aliases=[], roles=[])
    G.add_node("outlet:x", label="Xinhua", type="outlet", count=1, docs=["d2"], aliases=[], roles=[])

    def link(u, v, key, **a):
        a.setdefault("polarity", "neutral")
        G.add_edge(u, v, key=key, weight=a.pop("weight", 1),
                   evidence=[{"doc": "d1", "sentence": f"{name}  was \n named.", "start": 0, "end": 9}], **a)

    # 0.125 and 0.875 are ties at two decimals: the page's toFixed and Python must round them alike
    link("org:police", "person:meng", "action:arrest", kind="action", verb="arrest", polarity="conflict", weight=2,
         confidence=0.125)
    link("country:CN", "org:police", "action:release", kind="action", verb="release", modality="could",
         negated=True)
    link("country:CN", "person:meng", "action:meet", kind="action", verb="meet", symmetric=True,
         polarity="cooperation")
    link("person:meng", "outlet:x", "quote:tell", kind="quote", verb="tell", confidence=0.875)
    link("org:police", "person:meng", "cooccurrence", kind="cooccurrence", verb="", polarity="")
    link("outlet:x", "country:CN", "action:", kind="action", verb="")
    return G


@pytest.mark.parametrize("attrs, phrase", [
    ({"kind": "action", "verb": "sanction"}, "Peru — sanction → Chile"),
    ({"kind": "action", "verb": "meet", "symmetric": True}, "Peru — meet — Chile"),
    ({"kind": "quote", "verb": "tell", "negated": True}, "Peru — not tell → Chile"),
    ({"kind": "action", "verb": "sanction", "modality": "could", "negated": True}, "Peru — could not sanction → Chile"),
    ({"kind": "cooccurrence", "verb": ""}, "Peru — named with — Chile"),
    ({"kind": "action", "verb": ""}, "Peru — named with — Chile"),
])
def test_style_relation_phrase_reads_as_a_sentence(attrs, phrase):
    assert relation_phrase("Peru", "Chile", attrs) == phrase


@pytest.mark.parametrize("source, target", [("Peru", "Chile"), (HOSTILE, "A — b → C"), ("", "")])
def test_style_relation_phrase_starts_and_ends_with_the_two_names(source, target):
    # the page cuts the names out of the phrase to make them clickable
    for attrs in ({"kind": "action", "verb": "visit"}, {"kind": "cooccurrence"}):
        phrase = relation_phrase(source, target, attrs)
        assert phrase.startswith(source) and phrase.endswith(target)
        assert len(phrase) > len(source) + len(target)


@pytest.mark.parametrize("name", ["Meng Wanzhou", HOSTILE])
def test_style_page_pyvis_and_notebook_say_the_same_phrase(name):
    G = story_graph(name)
    expected = {(u, v, a["kind"], a["verb"]): edge_phrase(G, u, v, a) for u, v, a in G.edges(data=True)}
    assert expected[("org:police", "person:meng", "action", "arrest")] == f"Canadian police — arrest → {name}"

    page = {(e["from"], e["to"], e["kind"], e["verb"]): e["phrase"] for e in vis_data(G)["edges"]}
    pyvis = {}
    for e, (u, v, a) in zip(to_pyvis(G).edges, G.edges(data=True)):
        head = html.unescape(e["title"]).split("\n")[0]
        assert head.endswith("]") and "  [" in head
        pyvis[(e["from"], e["to"], a["kind"], a["verb"])] = head.rsplit("  [", 1)[0]
    notebook = {(u, v, G.edges[u, v, k]["kind"], G.edges[u, v, k]["verb"]): row["relation"]
                for u, v, k in G.edges(keys=True) for row in edge_evidence(G, u, v, k)}
    ranked = {r["edge"]: r["relation"] for r in top_relations(G, 100)}
    assert page == pyvis == notebook == expected
    assert all(ranked[(u, v, k)] == expected[(u, v, a["kind"], a["verb"])]
               for u, v, k, a in G.edges(keys=True, data=True) if a["kind"] != "cooccurrence")


@pytest.mark.parametrize("verb, says", [("arrest", "[action, conflict, ×2, confidence 0.13]"),
                                         ("tell", "[quote, neutral, ×1, confidence 0.88]"),
                                         ("meet", "[action, cooperation, ×1]"), ("", "[cooccurrence, ×1]")])
def test_style_edge_tooltip_says_how_sure_a_claim_is(verb, says):
    G = story_graph()
    G.edges["org:police", "person:meng", "cooccurrence"]["confidence"] = 0.5   # a co-occurrence is no claim
    (u, v, a), = [(u, v, a) for u, v, a in G.edges(data=True) if a["verb"] == verb and u != "outlet:x"]
    assert edge_tooltip(G, u, v, a).splitlines()[0].endswith("  " + says)


@pytest.mark.parametrize("name", ["Meng Wanzhou", HOSTILE])
def test_style_pyvis_tooltips_are_the_style_tooltips_escaped(name):
    G = story_graph(name)
    net = to_pyvis(G)
    assert [n["title"] for n in net.nodes] == [html.escape(node_tooltip(G, n)) for n in G]
    assert [e["title"] for e in net.edges] == [html.escape(edge_tooltip(G, u, v, a)) for u, v, a in G.edges(data=True)]
    assert HOSTILE not in "".join(n["title"] for n in net.nodes) + "".join(e["title"] for e in net.edges)


@pytest.mark.parametrize("G", [story_graph()])
def test_style_page_pyvis_and_gexf_draw_the_same_look(G):
    page = vis_data(G)
    nodes = {n["id"]: n for n in page["nodes"]}
    net = {n["id"]: n for n in to_pyvis(G).nodes}
    for n, a in G.nodes(data=True):
        look = node_look(a)
        assert (nodes[n]["color"], nodes[n]["shape"], nodes[n]["size"]) == (look["color"], look["shape"], look["size"])
        assert (net[n]["color"], net[n]["shape"], net[n]["size"]) == (look["color"], look["shape"], look["size"])
    for e, (u, v, a) in zip(to_pyvis(G).edges, G.edges(data=True)):
        look = edge_look(a)
        assert (e["color"], e["width"], e["dashes"], e["arrows"] == "to") == (look["color"], look["width"],
                                                                               look["dashes"], look["directed"])
    for e in page["edges"]:
        look = edge_look(e)
        assert (e["color"]["color"], e["width"], e["dashes"]) == (look["color"], look["width"], look["dashes"])


@pytest.mark.parametrize("small, large", [(1, 10), (10, 100), (100, 1000)])
def test_style_node_size_grows_with_the_log_of_mentions(small, large):
    assert node_size(small) < node_size(large)
    # log scale: ten times the mentions adds about as much each time, never ten times the size
    assert node_size(large) - node_size(small) == pytest.approx(node_size(10) - node_size(1), rel=0.5)


@pytest.mark.parametrize("kind", ["action", "quote", "cooccurrence"])
def test_style_edge_width_grows_with_weight_and_cooccurrence_stays_thin(kind):
    assert edge_width(kind, 1) < edge_width(kind, 5) < edge_width(kind, 50)
    assert edge_width("cooccurrence", 50) < edge_width("action", 2)


@pytest.mark.parametrize("types, kinds", [(["planet"], ["orbit"])])
def test_style_legend_lists_every_style_and_the_others_plainly(types, kinds):
    out = legend(types, kinds)
    assert list(out["types"]) == [*TYPE_STYLE, *types] and list(out["kinds"]) == [*KIND_STYLE, *kinds]
    assert out["types"]["planet"]["color"] == OTHER_TYPE_STYLE[0] and out["kinds"]["orbit"]["line"] == "solid"


def _imports(path: Path) -> list[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(node.module or "", alias.name) for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
            for alias in node.names]


@pytest.mark.parametrize("package", ["graph"])
def test_style_no_graph_module_imports_another_modules_private_names(package):
    for path in sorted((ROOT / package).glob("*.py")):
        private = [f"{m}.{name}" for m, name in _imports(path) if m.startswith(package) and name.startswith("_")]
        assert private == [], path.name


@pytest.mark.parametrize("package, limit", [("graph", 600)])
def test_style_graph_modules_stay_short_and_never_import_spacy(package, limit):
    for path in sorted((ROOT / package).glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert text.count("\n") <= limit, path.name
        tree = ast.parse(text)
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not any(x == "spacy" or x.startswith("spacy.") for x in names), path.name


def test_a_statement_about_someone_reads_as_about_them_not_to_them():
    """"Lima said Quito must pay" links Lima to Quito as a statement about Quito: every view says "about";
    words said to someone ("told Reuters", a quote link) and other acts keep their verb alone."""
    from graph.style import relation_phrase
    assert relation_phrase("Lima", "Quito", {"kind": "action", "verb": "say", "category": "statement"}) == \
        "Lima — say about → Quito"
    assert relation_phrase("Ana", "Reuters", {"kind": "quote", "verb": "tell", "category": "statement"}) == \
        "Ana — tell → Reuters"
    assert relation_phrase("Lima", "Quito", {"kind": "action", "verb": "sanction", "category": "coerce"}) == \
        "Lima — sanction → Quito"
