"""A confidence on every claim: every action and quote link and every attributed quote carries one in
[0, 1], from the fitted model the repository ships; co-occurrence and quotes nobody is named for carry none."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from nlp import confidence
from nlp.extract import extract
from nlp.records import Document

STORY = ("Lima, May 3 - Peruvian police arrested Pedro Vargas on Monday. \"We will not let this pass,\" "
         "Ana Lopes, the opposition leader, said in a statement. She said the arrest was illegal. "
         "Chile and Peru held talks on the case. \"This is a sad day,\" one protester shouted.")


@pytest.mark.model
def test_confidence_on_every_claim_and_only_there(nlp):
    ex = extract(nlp(STORY), Document("d", STORY))
    claims = [r for r in ex.relations if r.kind in ("action", "quote")]
    assert claims and all(r.confidence is not None and 0.0 <= r.confidence <= 1.0 for r in claims)
    assert all(r.confidence is None for r in ex.relations if r.kind == "cooccurrence")
    said = [q for q in ex.quotes if q.speaker]
    assert said and all(0.0 <= q.confidence <= 1.0 for q in said)
    assert all(q.confidence is None for q in ex.quotes if not q.speaker)


@pytest.mark.model
def test_confidence_names_what_made_each_claim(nlp):
    """The rule behind a claim is recorded: the relation pass, or the quote finder and speaker rule."""
    ex = extract(nlp(STORY), Document("d", STORY))
    from nlp.extract import RELATION_PASSES
    passes = {p.name for p in RELATION_PASSES}
    assert all(r.rule in passes for r in ex.relations if r.kind != "cooccurrence")
    by_text = {q.text: q.rule for q in ex.quotes if q.speaker}
    assert by_text["We will not let this pass"].startswith("direct_quotes/")
    assert by_text["the arrest was illegal"] == "reported_speech/he_or_she"


def test_confidence_model_file_is_a_fitted_one():
    """The shipped weights come from bench/calibrate.py with cross-validation, and say how well they matched."""
    data = json.loads(resources.files("nlp.data").joinpath("confidence.json").read_text(encoding="utf-8"))
    assert data["folds"] >= 2 and data["stories"] >= data["folds"]
    for part in ("relations", "quotes"):
        cv = data["cross_validation"][part]
        assert cv["claims"] > 0 and 0.0 <= cv["brier"] < 0.25  # better than a coin
        assert sum(row["claims"] for row in cv["table"]) == cv["claims"]
        assert data[part]["weights"], "a model with no weights is no model"
    assert 0.0 <= confidence.threshold() < 1.0
    assert str(confidence.threshold()) in data["cross_validation"]["pooled_by_threshold"]


def test_confidence_score_ignores_unknown_features_and_stays_in_range():
    part = {"bias": 0.0, "weights": {"known": 50.0}}
    assert confidence.score({"never-seen": 9.0}, part) == 0.5
    assert confidence.score({"known": 100.0}, part) == 1.0
    assert confidence.score({"known": -100.0}, part) == 0.0
