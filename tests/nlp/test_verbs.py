"""The CAMEO-modelled verb lexicon: classes, QuadClass polarity, flags."""
from __future__ import annotations

from importlib import resources

import pytest

from nlp.relations.verbs import FLAGS, classify, has_flag, lookup, table


def test_verbs_file_names_its_source():
    head = resources.files("nlp.data").joinpath("verbs.tsv").read_text(encoding="utf-8").splitlines()[:6]
    assert all(line.startswith("#") for line in head)
    assert "CAMEO" in " ".join(head) and "Schrodt" in " ".join(head)


@pytest.mark.parametrize("root", [f"{n:02d}" for n in range(1, 21)])
def test_verbs_every_cameo_root_class_has_verbs(root):
    assert sum(1 for row in table().values() if row.cameo == root and row.pos == "V") >= 1


def test_verbs_rows_are_well_formed():
    rows = list(table().values())
    assert len(rows) >= 200
    for row in rows:
        assert row.pos in ("V", "N"), row
        assert 0 <= int(row.cameo) <= 20, row
        assert row.flags <= FLAGS, row
        assert row.verb, row


@pytest.mark.parametrize("word, pos, polarity, quad, category", [
    ("say", "V", "neutral", 0, "statement"),
    ("praise", "V", "cooperation", 1, "praise"),
    ("meet", "V", "cooperation", 1, "meet"),
    ("release", "V", "cooperation", 2, "release"),
    ("aid", "V", "cooperation", 2, "aid"),
    ("criticize", "V", "conflict", 3, "criticize"),
    ("threaten", "V", "conflict", 3, "threaten"),
    ("sanction", "V", "conflict", 4, "sanction"),
    ("arrest", "V", "conflict", 4, "arrest"),
    ("attack", "V", "conflict", 4, "attack"),
    ("arrest", "N", "conflict", 4, "arrest"),
    ("take hostage", "V", "conflict", 4, "abduct"),
])
def test_verbs_polarity_follows_quadclass(word, pos, polarity, quad, category):
    row = lookup(word, pos)
    assert (row.polarity, row.quad, row.category) == (polarity, quad, category)
    assert classify(word, pos) == (polarity, category)


@pytest.mark.parametrize("word, pos, verb", [
    ("encounter", "N", "meet"), ("talk", "N", "talk"), ("visit", "N", "visit"),
    ("trip", "N", "visit"), ("take hostage", "V", "take"),
])
def test_verbs_event_nouns_and_idioms_name_their_verb(word, pos, verb):
    assert lookup(word, pos).verb == verb


@pytest.mark.parametrize("word, flag, expected", [
    ("say", "speech", True), ("arrest", "speech", False), ("meet", "symmetric", True),
    ("arrest", "symmetric", False), ("have", "support", True), ("depart", "motion", True),
    ("want", "intent", True), ("refuse", "negative", True),
])
def test_verbs_flags(word, flag, expected):
    assert has_flag(word, flag) is expected


@pytest.mark.parametrize("word", ["walk", "outpace", ""])
def test_verbs_unknown_words_are_neutral(word):
    assert lookup(word) is None
    assert classify(word) == ("neutral", "")
