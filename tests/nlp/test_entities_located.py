"""An "organisation" the text only uses for where things are is a place."""
from __future__ import annotations

import pytest

from nlp.entities.sieve import extract_entities


def _type_of(nlp, text, name):
    """The type of the entity named ``name`` (its label or an alias) in ``text``; None when there is none."""
    ents = extract_entities(nlp(text), "d1")[0]
    return next((e.type for e in ents if e.label == name or name in e.aliases), None)


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("Iraqi forces overran the city of Zarbil, which Kurdish rebels had held.", "Zarbil"),
    ("Troops overran the town of Kirbil on Saturday.", "Kirbil"),
    ("Police searched one house at Ransard and one at Courcelles on Monday.", "Ransard"),
])
def test_located_area_or_location_is_a_place(nlp, text, name):
    assert _type_of(nlp, text, name) == "place"


@pytest.mark.model
def test_located_guard_a_company_that_acts_stays(nlp):
    text = ("Velbank said on Monday profits rose. Analyst Ana Lopes at Velbank said shares in Velbank "
            "would climb.")
    assert _type_of(nlp, text, "Velbank") == "organization"


@pytest.mark.model
def test_located_guard_a_workplace_stays(nlp):
    text = '"She is better," an official at Marrow Nursing Home said on Monday.'
    assert _type_of(nlp, text, "Marrow Nursing Home") != "place"
