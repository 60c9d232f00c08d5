"""A "person" the text calls an organisation ("firm Multico", "Betar, a club") is an organisation."""
from __future__ import annotations

import pytest

from tests.nlp.test_entities_located import _type_of


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("Spanish first division team Deportivo Varela will be without two players.", "Deportivo Varela"),
    ("UEFA came down heavily on Belgian club Sporting Lievin on Friday.", "Sporting Lievin"),
    ("The brokers of press distributor Hachette and Polish publishers group Velpa are seeking more.", "Velpa"),
])
def test_named_organisations_kind_noun_before_the_name(nlp, text, name):
    assert _type_of(nlp, text, name) == "organization"


@pytest.mark.model
def test_named_organisations_guard_a_title_stays_a_person(nlp):
    text = '"Prices will fall," said broker Tariq Velani on Monday.'
    assert _type_of(nlp, text, "Tariq Velani") == "person"


@pytest.mark.model
def test_people_by_evidence_an_age_makes_a_person(nlp):
    text = '"He will win," said Kolu, 8, who lives in the home.'
    assert _type_of(nlp, text, "Kolu") == "person"
    text = "Ravindra, 12, said the home was cold."
    assert _type_of(nlp, text, "Ravindra") == "person"
