"""Countries from maintained data (nlp/entities/countries.py)."""
from __future__ import annotations

import pytest

from nlp.entities.countries import country_name, lookup, normalize


@pytest.mark.parametrize("form, code, via", [
    ("Germany", "DE", "name"),
    ("the United Kingdom", "GB", "name"),
    ("Britain", "GB", "name"),
    ("Briton", "GB", "demonym"),
    ("Frenchmen", "FR", "demonym"),
    ("Poles", "PL", "demonym"),
    ("Germans", "DE", "demonym"),
    ("U.S.", "US", "name"),
    ("America", "US", "name"),
    ("the Netherlands", "NL", "name"),
    ("Peruvian", "PE", "demonym"),
    ("Kenyans", "KE", "demonym"),
    ("German", "DE", "demonym"),
    ("Nairobi", "KE", "capital"),
    ("Washington", "US", "capital"),
    ("Berlin", "DE", "capital"),
    ("Lima", "PE", "capital"),
])
def test_countries_names_short_forms_demonyms_and_capitals(form, code, via):
    hit = lookup(form)
    assert (hit.code, hit.via) == (code, via)


@pytest.mark.parametrize("form", ["Hamburg", "Bavaria", "Kowalczyk", "IN", "CA", "Conservative"])
def test_countries_other_words_are_no_country(form):
    assert lookup(form) is None


@pytest.mark.parametrize("code, name", [("US", "United States"), ("KR", "South Korea"), ("RU", "Russia"),
                                        ("GB", "United Kingdom")])
def test_countries_display_name_is_the_everyday_one(code, name):
    assert country_name(code) == name


@pytest.mark.parametrize("form, folded", [("the U.S.\u2019s", "us"), ("Perú", "peru"), ("  The  Gambia ", "gambia")])
def test_countries_normalize_folds_dots_case_accents_and_possessives(form, folded):
    assert normalize(form) == folded


@pytest.mark.parametrize("form, code", [("Argentine", "AR"), ("Saudis", "SA"), ("Philippine", "PH"), ("Sri Lankan", "LK")])
def test_countries_demonyms_missing_from_countryinfo_come_from_the_supplement(form, code):
    hit = lookup(form)
    assert (hit.code, hit.via) == (code, "demonym")


@pytest.mark.parametrize("seat, code", [("the Kremlin", "RU"), ("White House", "US"), ("Élysée", "FR"),
                                        ("Casa Rosada", "AR")])
def test_countries_seat_of_government_stands_for_the_country(seat, code):
    hit = lookup(seat)
    assert (hit.code, hit.via) == (code, "capital")


@pytest.mark.model
def test_countries_seat_of_government_joins_the_country_node(nlp):
    from nlp.entities.sieve import extract_entities

    doc = nlp("The Kremlin rejected the offer, and Russia recalled its envoy.")
    entities, _ = extract_entities(doc, "d")
    assert [(e.key, e.type, e.aliases) for e in entities] == [("country:RU", "country", ("Kremlin",))]


@pytest.mark.parametrize("name, code", [("Zaire", "ZR"), ("Soviet Union", "SU"), ("Yugoslavia", "YU")])
def test_countries_former_states_are_countries(name, code):
    assert lookup(name).code == code


def test_countries_codes_of_today_win_over_former_states():
    assert lookup("Belarus").code == "BY" and country_name("BY") == "Belarus"


@pytest.mark.parametrize("name, code", [("France", "FR"), ("Burma", "MM")])
def test_countries_state_of_today_keeps_a_name_a_former_state_shared(name, code):
    assert lookup(name).code == code


@pytest.mark.parametrize("form, code", [("Bonn", "DE"), ("Rangoon", "MM"), ("The Hague", "NL")])
def test_countries_seats_of_government_and_former_capitals_of_archive_news(form, code):
    hit = lookup(form)
    assert (hit.code, hit.via) == (code, "capital")
