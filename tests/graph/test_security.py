"""Article text is untrusted: it is shown, never run, never turned into a formula or a path.

The HTML page is checked as a static file here (the browser side is tested in
``tests/browser/``): markup in names and sentences must not add a single tag
to the page, and the data block must not be closable from inside.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest

from graph.build import build_graph
from graph.export import csv_cell, write_csv
from graph.html import render_html
from nlp.records import Entity, Evidence, Mention, Relation
from tests.graph.pagetags import parsed

#: markup an article (or a JSONL title) could carry; each would add a tag or run code if pasted raw
EVIL = [
    "<script>alert('label')</script>",
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(2)</script>",
    "</SCRIPT ><img src=x onerror=alert(3)>",
    "</script\t><svg onload=alert(4)>",
    "<!--<script>alert(5)//",
    "\"><iframe src=javascript:alert(6)></iframe>",
    "]]></style><style>*{display:none}</style>",
    "<a href='javascript:alert(7)'>click</a>",
]
LINE_BREAKERS = ["before\u2028after", "before\u2029after"]


def _shape(page: str) -> list[tuple[str, tuple]]:
    """Tag names and attribute names: what markup smuggled into the page would change."""
    return [(tag, tuple(sorted(attrs))) for tag, attrs in parsed(page).tags]


def _graph(words: list[str]) -> nx.MultiDiGraph:
    """Two entities and an action whose text fields come from ``words`` (eleven of them, cycled)."""
    w = lambda i: words[i % len(words)]  # noqa: E731
    doc = f"doc-{w(0)}"
    a = Entity("person:a", w(0), "official", (w(1), w(2)), (w(3),), (Mention(doc, 0, 5, w(0), "official"),),
               affiliation=w(4))
    b = Entity("country:PE", w(5), "country", (w(6), w(9), w(10)), (), (Mention(doc, 6, 10, w(5), "country"),))
    ev = Evidence(doc, w(7), 0, len(w(7)), quote=w(8))
    rels = [Relation("person:a", "country:PE", "action", w(2), "conflict", w(3), (ev,), agent=w(1)),
            Relation("person:a", "country:PE", "cooccurrence", evidence=(ev,), symmetric=True)]
    return build_graph([a, b], rels, documents=1,
                       documents_meta={doc: {"title": w(4), "date": "2024-01-01", "url": w(5), "source": w(6)}})


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.fixture(scope="module")
def pages() -> tuple[str, str]:
    benign = ["Ana Bell", "Bell", "visit", "President", "Lima", "Peru", "Peruvian", "Ana Bell visited Peru.", "x"]
    return render_html(_graph(benign)), render_html(_graph(EVIL + LINE_BREAKERS))


def test_security_markup_in_article_text_adds_no_tag(pages):
    benign, evil = pages
    assert _shape(evil) == _shape(benign)


@pytest.mark.parametrize("payload", EVIL)
def test_security_markup_never_appears_raw_in_page(pages, payload):
    assert payload not in pages[1]
    assert payload.lower() not in pages[1].lower()


@pytest.mark.parametrize("breaker", LINE_BREAKERS)
def test_security_line_separators_cannot_break_a_script(pages, breaker):
    for attrs, text in parsed(pages[1]).scripts:
        assert "\u2028" not in text and "\u2029" not in text, attrs


def test_security_data_block_closed_only_by_its_own_end_tag(pages):
    for attrs, text in parsed(pages[1]).scripts:
        if attrs.get("type") == "application/json":
            assert "<" not in text  # nothing inside can open or close a tag
            data = json.loads(text)
            words = EVIL + LINE_BREAKERS
            shown = {words[i] for i in (0, 1, 2, 5, 6, 7, 9, 10)}  # labels, aliases and the sentence
            assert shown <= set(_strings(data))  # escaped, not lost
            break
    else:
        pytest.fail("the page has no <script type=\"application/json\"> data block")


FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+9)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "\n=1+1", "  =1+1", "\uff1d1+1"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_security_csv_cells_never_start_a_formula(tmp_path, formula):
    G = _graph([formula])
    nodes, edges = write_csv(G, tmp_path)
    cells = []
    for path in (nodes, edges):
        with path.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        cells += [c for row in rows[1:] for c in row]
    assert formula in [c[1:] for c in cells if c.startswith("'")]  # kept, behind an apostrophe
    for cell in cells:
        assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d")), cell


@pytest.mark.parametrize("value,expected", [
    (-3, "-3"), (2.5, "2.5"), (True, "True"), ("Ana Bell", "Ana Bell"), ("", ""), (None, ""),
    (["=1"], '["=1"]'), ("-", "'-"), ("@home", "'@home"),
])
def test_security_csv_cell_leaves_plain_values(value, expected):
    assert csv_cell(value) == expected


def _tree(root) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


@pytest.mark.model
def test_security_document_ids_and_titles_never_become_paths(tmp_path, monkeypatch, nlp):
    """JSONL ids and titles that look like paths are only ever data: no file is written where they point."""
    from newsgraph import cli

    work = tmp_path / "a" / "b" / "work"
    work.mkdir(parents=True)
    absolute = tmp_path / "evil-absolute"
    hostile = ["../../etc/x", "../../../evil", str(absolute), "/tmp/evil-newsgraph-test", "..\\..\\win",
               "out/../../../evil-out", "~/evil-home", "nul:", "a/./../../evil-dot", "$(touch evil-shell)"]
    lines = [json.dumps({"id": h, "title": h, "source": h, "url": f"file://{h}",
                         "text": f"Reuters said President Ana Bell of Peru met officials in Lima on day {i}."})
             for i, h in enumerate(hostile)]
    (work / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    before = _tree(tmp_path)
    code = cli.main(["build", "feed.jsonl", "--processes", "1", "-o", "out/g.html", "--json", "out/g.json",
                     "--csv", "out/csv", "--graphml", "out/g.graphml", "--gexf", "out/g.gexf"])
    assert code == cli.EXIT_OK
    new = _tree(tmp_path) - before
    assert new, "the outputs were written"
    # everything written is under the output folder, named by the command line, not by an article
    assert all(p.startswith("a/b/work/out") for p in new), sorted(new)
    assert not any("evil" in p or "etc" in p or "win" in p for p in new), sorted(new)
    assert not absolute.exists() and not Path("/tmp/evil-newsgraph-test").exists()
    data = json.loads((work / "out" / "g.json").read_text(encoding="utf-8"))
    assert set(hostile) <= {d for n in data["nodes"] for d in n["docs"]}  # the ids are kept, as data
