"""Held-out articles: each ``tests/data/heldout/*.txt`` is built with the CLI and scored.

The articles were written for this test, about people, countries and outlets
the seed article does not name, and each has a hand-made gold file beside it
(``NAME.json``, the format of ``shared/gold``). The scorer is the project's
shared one, ``shared/eval/score.py`` beside the clone: it is never copied
here, so the bars below are measured exactly as the lead measures them.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.model

HELDOUT = ROOT / "tests" / "data" / "heldout"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
ARTICLES = sorted(HELDOUT.glob("*.txt"))
#: typed entity F1 (shared scorer) every held-out article reaches
TYPED_ENTITY_F1_BAR = 0.85
#: relation F1 (shared scorer) every held-out article reaches, and their mean
#: (measured when set: lowest article 0.667, mean 0.911 over the six articles)
RELATION_F1_FLOOR = 0.6
RELATION_F1_MEAN_BAR = 0.85


def _scorer() -> Path:
    """The shared scorer; a clone without ``shared/`` beside it skips, CI fails."""
    if SCORER.is_file():
        return SCORER
    message = (f"the shared scorer is missing: {SCORER} (shared/ lies beside the clone in the "
               "project's workspace and in CI; it is never vendored into the repository)")
    if os.environ.get("NEWSGRAPH_REQUIRE_SCORER") or os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def heldout_scores(tmp_path_factory) -> dict[str, dict]:
    """{article name: the scorer's JSON summary} for every held-out article, built once."""
    scorer = _scorer()
    out = tmp_path_factory.mktemp("heldout")
    scores: dict[str, dict] = {}
    for txt in ARTICLES:
        gold = txt.with_suffix(".json")
        assert gold.is_file(), f"{txt.name} has no gold file {gold.name} beside it"
        graph = out / f"{txt.stem}.json"
        proc = subprocess.run(
            [sys.executable, "-m", "newsgraph", "build", str(txt), "-o", str(out / f"{txt.stem}.html"),
             "--json", str(graph), "--no-cache", "--quiet"],
            capture_output=True, text=True, cwd=ROOT, timeout=300,
        )
        assert proc.returncode == 0, f"{txt.name}: {proc.stderr}"
        res = subprocess.run([sys.executable, str(scorer), str(graph), str(gold), "--json"],
                             capture_output=True, text=True, timeout=60)
        assert res.returncode == 0, f"{txt.name}: the scorer failed: {res.stderr}"
        scores[txt.name] = json.loads(res.stdout)
    return scores


def test_heldout_articles_exist():
    assert ARTICLES, f"no held-out articles in {HELDOUT}"


@pytest.mark.parametrize("name", [p.name for p in ARTICLES])
def test_heldout_typed_entity_f1_and_no_over_merge(heldout_scores, name):
    score = heldout_scores[name]
    assert score["typed_entity_f1"] >= TYPED_ENTITY_F1_BAR, score
    assert score["over_merges"] == 0, score


@pytest.mark.parametrize("name", [p.name for p in ARTICLES])
def test_heldout_relation_f1_per_article(heldout_scores, name):
    assert heldout_scores[name]["relation_f1"] >= RELATION_F1_FLOOR, heldout_scores[name]


def test_heldout_relation_f1_mean(heldout_scores):
    f1 = [s["relation_f1"] for s in heldout_scores.values()]
    mean = sum(f1) / len(f1)
    assert mean >= RELATION_F1_MEAN_BAR, {n: s["relation_f1"] for n, s in heldout_scores.items()}
