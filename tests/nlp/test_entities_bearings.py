"""A capital placed by a bearing ("north of X") is the city, and a team position before a name is a role."""
from __future__ import annotations

import pytest

from nlp.entities.sieve import extract_entities


def _types(nlp, text):
    return {e.label: e.type for e in extract_entities(nlp(text), "d1")[0]}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A bomb exploded in a market 20 km north of Lima on Friday, police said.",
    "Rebels attacked a village west of Lima overnight.",
])
def test_capital_after_a_bearing_is_the_city(nlp, text):
    assert _types(nlp, text).get("Lima") == "place"


@pytest.mark.model
def test_capital_that_acts_stays_its_country(nlp):
    assert _types(nlp, "Lima said it would sanction the mining firm.").get("Peru") == "country"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "It was too late.\nCentre Oscar Rudd followed up Mertens' kick to score.",
    "Midfielder Oscar Rudd scored in the 80th minute.",
    "Defender Oscar Rudd headed the equaliser.",
])
def test_team_position_before_a_name_is_no_part_of_it(nlp, text):
    types = _types(nlp, text)
    assert types.get("Oscar Rudd") == "person"
    assert not any(label.split()[0] in ("Centre", "Midfielder", "Defender") for label in types)
