"""Places known to the gazetteer (nlp/entities/places.py)."""
from __future__ import annotations

import pytest

from nlp.entities.places import is_known_place


@pytest.mark.parametrize("name", ["Hamburg", "Lima", "Texas", "Africa", "Peruvians", "Mombasa"])
def test_places_gazetteer_knows_cities_states_continents_and_countries(name):
    assert is_known_place(name)


@pytest.mark.parametrize("name", ["Kowalczyk", "Stoltenberg", "Gachagua"])
def test_places_surnames_are_no_place(name):
    assert not is_known_place(name)


@pytest.mark.model
@pytest.mark.parametrize("text, label", [
    ("Fighting flared again in Chechnya on Tuesday.", "Chechnya"),
    ("Settlers moved into the West Bank overnight.", "West Bank"),
])
def test_entities_gazetteer_region_is_a_place(nlp, text, label):
    from nlp.entities.sieve import extract_entities
    found = [e for e in extract_entities(nlp(text), "d1")[0] if e.label == label]
    assert [e.type for e in found] == ["place"]
