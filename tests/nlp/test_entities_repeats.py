"""An organisation's or country's very name, written again where the model tagged nothing, is that entity
("she founded her Sisters of Saint Orla order": the Sisters of Saint Orla named earlier). Sentences of our own."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from nlp.entities.sieve import extract_entities

#: "The Velmar Brotherhood runs the shelter. In 1950 she founded her Velmar Brotherhood religious order."
WORDS = ["The", "Velmar", "Brotherhood", "runs", "the", "shelter", ".",
         "In", "1950", "she", "founded", "her", "Velmar", "Brotherhood", "religious", "order", "."]
POS = ["DET", "PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT",
       "ADP", "NUM", "PRON", "VERB", "PRON", "PROPN", "PROPN", "ADJ", "NOUN", "PUNCT"]


def _doc(blank_nlp, words=WORDS, pos=POS):
    doc = Doc(blank_nlp.vocab, words=words, pos=pos)
    doc.ents = [Span(doc, 1, 3, "ORG")]               # the model tagged the first mention only
    return doc


def test_untagged_repeat_of_an_organisation_is_a_mention(blank_nlp):
    doc = _doc(blank_nlp)
    _, index = extract_entities(doc, "d1")
    assert index.key_of(1) == "org:velmar-brotherhood"
    assert index.key_of(12) == index.key_of(13) == "org:velmar-brotherhood"


def test_untagged_repeats_can_be_switched_off(blank_nlp):
    _, index = extract_entities(_doc(blank_nlp), "d1", skip=frozenset({"untagged_repeats"}))
    assert index.key_of(12) is None


@pytest.mark.parametrize("words, pos", [
    # a word of a longer name ("the Velmar Brotherhood Games") is not the organisation
    (WORDS[:12] + ["Velmar", "Brotherhood", "Games", "."], POS[:12] + ["PROPN", "PROPN", "PROPN", "PUNCT"]),
    # a common word written alike ("brotherhood") is no name: the repeat must be a proper noun
    (WORDS[:12] + ["Velmar", "Brotherhood", "order", "."], POS[:12] + ["ADJ", "NOUN", "NOUN", "PUNCT"]),
])
def test_untagged_repeat_guards(blank_nlp, words, pos):
    _, index = extract_entities(_doc(blank_nlp, words, pos), "d1")
    assert index.key_of(12) is None
