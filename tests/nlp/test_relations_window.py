"""The co-occurrence window from the command line and the Python API."""
from __future__ import annotations

import json

import pytest

from newsgraph.api import build
from newsgraph.cli import main

TEXT = "Peru met Chile. Germany stayed away.\n\nIran waited."


def cooccurring(links) -> set[frozenset[str]]:
    return {frozenset((l["source"], l["target"])) for l in links if l["kind"] == "cooccurrence"}


@pytest.mark.parametrize("window, expected", [
    ("sentence", {frozenset({"country:PE", "country:CL"})}),
    ("paragraph", {frozenset({"country:PE", "country:CL"}), frozenset({"country:PE", "country:DE"}),
                   frozenset({"country:CL", "country:DE"})}),
])
def test_relations_window_cli_with_a_shared_cache(tmp_path, window, expected):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    cache = tmp_path / "cache.sqlite"
    # the other window first, through the same cache: its extraction must not be reused
    other = "paragraph" if window == "sentence" else "sentence"
    for w in (other, window):
        out = tmp_path / f"{w}.json"
        assert main(["build", str(src), "-o", str(tmp_path / "g.html"), "--json", str(out),
                     "--cache", str(cache), "--window", w, "--quiet"]) == 0
    links = json.loads((tmp_path / f"{window}.json").read_text(encoding="utf-8"))["links"]
    assert cooccurring(links) == expected


@pytest.mark.parametrize("window, pairs", [("sentence", 1), ("paragraph", 3)])
def test_relations_window_api(window, pairs):
    G = build([TEXT], window=window)
    assert sum(1 for *_, d in G.edges(data=True) if d["kind"] == "cooccurrence") == pairs


@pytest.mark.parametrize("window", ["document"])
def test_relations_window_cli_refuses_unknown(tmp_path, window, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["build", "-o", str(tmp_path / "g.html"), "--window", window])
    assert exc.value.code == 2
    assert "--window" in capsys.readouterr().err
