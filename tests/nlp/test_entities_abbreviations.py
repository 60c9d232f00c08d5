"""Parenthetical abbreviations (nlp/entities/abbreviations.py)."""
from __future__ import annotations

import pytest

from nlp.entities.abbreviations import best_long_form, find_abbreviations, short_form


@pytest.mark.parametrize("short, long, expected", [
    ("WHO", "the head of the World Health Organization", "World Health Organization"),
    ("APEC", "at the Asia-Pacific Economic Cooperation", "Asia-Pacific Economic Cooperation"),
    ("EV", "cheap electric vehicles", "electric vehicles"),
    ("BBC", "a big storm", None),
])
def test_abbreviations_best_long_form_spells_the_short_form(short, long, expected):
    assert best_long_form(short, long) == expected


@pytest.mark.parametrize("text, expected", [("EVs", "EV"), ("NATO", "NATO"), ("Monday", None), ("a", None)])
def test_abbreviations_short_form_accepts_capital_abbreviations_and_plurals(text, expected):
    assert short_form(text) == expected


@pytest.mark.parametrize("text, short, long, common, proper", [
    ("Ministers met at the World Trade Organization (WTO) in Geneva.", "WTO", "World Trade Organization",
     False, True),
    ("Norway taxes electric vehicles (EVs) less.", "EV", "electric vehicles", True, False),
    ("Gross domestic product (GDP) fell in Peru.", "GDP", "Gross domestic product", True, False),
])
def test_abbreviations_find_abbreviations_gives_the_long_form_span(blank_nlp, text, short, long, common, proper):
    doc = blank_nlp(text)
    found = list(find_abbreviations(doc))
    assert len(found) == 1
    ab = found[0]
    assert (ab.short, doc[ab.long_start:ab.long_end].text, ab.common, ab.proper) == (short, long, common, proper)
    assert doc[ab.short_i].text.startswith(short)


@pytest.mark.parametrize("text", ["He left (quietly) on Monday.", "Sales rose (10%) in Lima."])
def test_abbreviations_parenthesised_words_that_are_no_abbreviation_are_ignored(blank_nlp, text):
    assert list(find_abbreviations(blank_nlp(text))) == []
