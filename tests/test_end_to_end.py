"""The whole path on the real model and the seed article: what a reader checks."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    proc = subprocess.run(
        [sys.executable, "-m", "newsgraph", "build", str(SEEDS), "-o", str(out / "graph.html"),
         "--json", str(out / "graph.json"), "--graphml", str(out / "g.graphml"),
         "--gexf", str(out / "g.gexf"), "--csv", str(out / "csv")],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return out


def _nodes_by_label(out: Path) -> dict[str, dict]:
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    return {n["label"]: n for n in data["nodes"]}


def test_end_to_end_seed_types_a_reader_checks(seed_build):
    nodes = _nodes_by_label(seed_build)
    assert nodes["Mark Carney"]["type"] == "official"
    assert nodes["China"]["type"] == "country"
    assert nodes["Reuters"]["type"] == "outlet"
    assert "Carney" in nodes["Mark Carney"]["aliases"]


def test_end_to_end_seed_html_names_them(seed_build):
    html = (seed_build / "graph.html").read_text(encoding="utf-8")
    for name in ("Mark Carney", "China", "Reuters"):
        assert name in html
    assert 'src="http' not in html and 'href="http' not in html


def test_end_to_end_seed_json_follows_contract(seed_build):
    data = json.loads((seed_build / "graph.json").read_text(encoding="utf-8"))
    assert data["graph"]["documents"] == 1
    node = data["nodes"][0]
    for field in ("id", "label", "type", "aliases", "roles", "mentions", "count", "docs"):
        assert field in node
    text = (SEEDS / "000_4daaa2dcea7afd89.txt").read_text(encoding="utf-8")
    for n in data["nodes"]:
        for doc, start, end in n["mentions"]:
            assert doc == "000_4daaa2dcea7afd89.txt"
            assert 0 <= start < end <= len(text)
    kinds = {link["kind"] for link in data["links"]}
    assert "cooccurrence" in kinds and "action" in kinds
    for link in data["links"]:
        assert link["evidence"] and link["weight"] == len(link["evidence"])


def test_end_to_end_cli_exit_status_when_inputs_are_skipped(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Reuters reported that France and Germany met in Berlin.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 in Paris.".encode("latin-1"))
    proc = subprocess.run([sys.executable, "-m", "newsgraph", "build", str(tmp_path), str(tmp_path / "missing.txt"),
                           "-o", str(tmp_path / "o.html")], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 1
    assert "empty.txt" in proc.stderr and "latin.txt" in proc.stderr and "missing.txt" in proc.stderr
    assert (tmp_path / "o.html").exists()


def test_end_to_end_cli_nothing_readable_exits_2(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "newsgraph", "build", str(tmp_path / "nope.txt"),
                           "-o", str(tmp_path / "o.html")], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 2
    assert "nope.txt" in proc.stderr
    assert not (tmp_path / "o.html").exists()
