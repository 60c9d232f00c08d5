"""The Python API a notebook user calls: texts and paths in, graph out."""
from __future__ import annotations

import json

import pytest

from newsgraph.api import build

pytestmark = pytest.mark.model


def test_api_build_mixes_texts_and_paths_and_keeps_metadata(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": "lima-1", "text": "Peru and Chile signed a trade deal in Lima.",
                                "date": "2024-05-01", "title": "Deal"}) + "\n", encoding="utf-8")
    G = build(["Reuters reported that Peru praised Chile.", str(dump)])
    assert G.graph["documents"] == 2
    assert G.graph["documents_meta"] == {"lima-1": {"date": "2024-05-01", "title": "Deal"}}
    peru = G.nodes["country:PE"]
    assert set(peru["docs"]) == {"text-0", "lima-1"}
    assert peru["dates"] == ["2024-05-01"]


def test_api_build_warns_about_a_missing_path_and_builds_the_rest():
    with pytest.warns(UserWarning, match="no/such/folder/: skipped: no such file or folder"):
        G = build(["Germany sanctioned Iran.", "no/such/folder/"])
    assert G.graph["documents"] == 1
    assert {"country:DE", "country:IR"} <= set(G)


def test_api_build_hands_the_texts_to_the_notebook_page(tmp_path):
    from graph.html import vis_data
    from graph.notebook import show

    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": "lima-1", "text": "Peru and Chile signed a trade deal in Lima."}) + "\n",
                    encoding="utf-8")
    texts: dict = {}
    G = build(["Reuters reported that Peru praised Chile.", str(dump)], texts=texts)
    assert texts == {"text-0": "Reuters reported that Peru praised Chile.",
                     "lima-1": "Peru and Chile signed a trade deal in Lima."}
    assert "texts" not in G.graph  # the graph, and so every export, carries no text
    assert vis_data(G, texts=texts)["texts"]["texts"] == texts
    assert "Peru praised Chile" in show(G, texts=texts).html
