"""Officials the text gives no title: office holders of the Phoenix actor dictionaries."""
from __future__ import annotations

import pytest

from nlp.entities.officials import main_name
from nlp.entities.sieve import extract_entities


@pytest.mark.parametrize("spelling, main", [
    ("Moammar Gadhafi", "Muammar Gaddafi"),
    ("Muammar Qadhafi", "Muammar Gaddafi"),
    ("Yasser Arafat", "Yasir Arafat"),
    ("Gadhafi", None),                      # a lone family name is never looked up
    ("Jane Roe", None),
])
def test_officials_spellings_share_a_main_name(spelling, main):
    assert main_name(spelling) == main


@pytest.mark.model
def test_officials_untitled_office_holder_is_an_official(nlp):
    text = "Astrologers drew a chart for Margaret Thatcher after the bombing."
    people = [e for e in extract_entities(nlp(text), "d1")[0] if e.label == "Margaret Thatcher"]
    assert [e.type for e in people] == ["official"]


@pytest.mark.model
def test_officials_two_spellings_are_one_node(nlp):
    text = "Muammar Qadhafi spoke on Monday. Later Moammar Gadhafi left for Sirte."
    people = [e for e in extract_entities(nlp(text), "d1")[0] if e.type in ("person", "official")]
    assert len(people) == 1 and people[0].type == "official"


@pytest.mark.model
def test_officials_unknown_name_stays_a_person(nlp):
    text = "Jennifer Morgan won the race on Sunday."
    people = [e for e in extract_entities(nlp(text), "d1")[0] if e.label == "Jennifer Morgan"]
    assert [e.type for e in people] == ["person"]
