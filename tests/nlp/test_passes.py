"""The named passes: declared once, each switchable, each doing the one job its summary names."""
from __future__ import annotations

import pytest

from nlp.extract import extract
from nlp.passes import SKIP_ENV, all_passes
from nlp.records import Document
from nlp.run.cache import extractor_version


def _types(nlp, text):
    ex = extract(nlp(text), Document("d", text))
    return {e.label: e.type for e in ex.entities}, ex


def test_every_pass_is_named_once_and_says_what_it_does():
    steps = all_passes()
    names = [p.name for ps in steps.values() for p in ps]
    assert len(names) == len(set(names))
    assert steps["entities"][0].name == "first_type"
    assert all(p.summary and callable(p.run) for ps in steps.values() for p in ps)


@pytest.mark.model
def test_switching_off_the_roles_pass_leaves_an_official_a_person(nlp, monkeypatch):
    text = "Foreign Minister Dana Okafor met reporters in Lagos."
    types, _ = _types(nlp, text)
    assert types["Dana Okafor"] == "official"
    monkeypatch.setenv(SKIP_ENV, "roles")
    types, _ = _types(nlp, text)
    assert types["Dana Okafor"] == "person"


@pytest.mark.model
def test_switching_off_the_verb_pass_drops_the_action_but_keeps_cooccurrence(nlp, monkeypatch):
    text = "Peruvian police arrested Pedro Castillo on Friday."
    _, ex = _types(nlp, text)
    assert {r.kind for r in ex.relations} == {"action", "cooccurrence"}
    monkeypatch.setenv(SKIP_ENV, "verbs")
    _, ex = _types(nlp, text)
    assert {r.kind for r in ex.relations} == {"cooccurrence"}


def test_a_pass_switched_off_never_shares_cache_entries(monkeypatch):
    on = extractor_version()
    monkeypatch.setenv(SKIP_ENV, "roles")
    assert extractor_version() != on
