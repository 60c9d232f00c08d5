"""Verbs with a silent "e": the lemma a reader looks a verb up by ("hoping" is "hope", "hopping" is "hop")."""
from __future__ import annotations

import pytest

from nlp.run.lemmas import silent_e_pairs
from tests.nlp.test_relations import relations_of


@pytest.mark.parametrize("text, word, lemma", [
    ("The rebels were hoping to win.", "hoping", "hope"),
    ("The rebels hoped to win.", "hoped", "hope"),
    ("The junta waged war on the north.", "waged", "wage"),
    ("Gunmen staged a raid on the town.", "staged", "stage"),
    ("The court fined the firm.", "fined", "fine"),
    ("The rabbit was hopping across the road.", "hopping", "hop"),
    ("Police stopped the convoy.", "stopped", "stop"),
    ("They were visiting the capital.", "visiting", "visit"),
])
def test_a_verb_with_a_silent_e_has_its_own_lemma(nlp, text, word, lemma):
    tok = next(t for t in nlp(text) if t.text == word)
    assert tok.lemma_ == lemma


def test_only_verbs_whose_stem_doubles_are_mended():
    # "visit" does not double ("visiting"), "snow" never does: nothing to tell apart
    assert silent_e_pairs({"visit", "visite", "snow", "snowe"}) == {}
    assert silent_e_pairs({"star", "stare"}) == {"staring": ("star", "stare"), "stared": ("star", "stare")}


def test_hoping_to_act_is_an_intent_not_a_deed(nlp):
    # the lemma "hop" hid the intent verb: the act read as done
    rel = next(r for r in relations_of(nlp, "Peru is hoping to sanction Chile.") if r.verb == "sanction")
    assert rel.modality == "hope"
