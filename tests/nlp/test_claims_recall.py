"""Relation recall (issue 21): a company's short form the model took for a place or a nationality, or
left untagged, still stands for the company ("Korvex" after "Korvex Laboratories"). Sentences of our own."""
from __future__ import annotations

import pytest

from nlp.extract import extract
from nlp.records import Document

pytestmark = pytest.mark.model

TEXT = ("A U.S. judge ordered Korvex Laboratories and Dalmar Inc to talk. Korvex filed a lawsuit against Dalmar "
        "in Newark in July, but Dalmar had already accused Korvex in May.")


def _extraction(nlp, text: str):
    return extract(nlp(text), Document("d", text))


def test_a_short_form_taken_for_a_place_joins_its_company(nlp):
    ex = _extraction(nlp, TEXT)
    actions = {(r.source, r.verb, r.target) for r in ex.relations if r.kind == "action"}
    assert ("org:dalmar-inc", "accuse", "org:korvex-laboratories") in actions
    assert not any("place:korvex" in (r.source, r.target) for r in ex.relations)


def test_an_untagged_short_form_is_a_mention_of_its_company(nlp):
    # the sentence-initial "Korvex" the model left untagged is the subject of "filed"
    actions = {(r.source, r.verb, r.target) for r in _extraction(nlp, TEXT).relations if r.kind == "action"}
    assert ("org:korvex-laboratories", "file", "org:dalmar-inc") in actions

