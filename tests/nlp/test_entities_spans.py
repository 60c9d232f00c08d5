"""Repairs of the model's entity spans (nlp/entities/spans.py)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from nlp.entities.spans import model_spans


def _spans(doc):
    return [(doc[s:e].text, label) for s, e, label, _ in model_spans(doc, {"PERSON", "ORG", "GPE"})]


@pytest.mark.parametrize("words, spaces, ents, expected", [
    (["Moon", "Jae", "-", "in", "spoke"], [1, 0, 0, 1, 0], ["B-PERSON", "I-PERSON", "O", "O", "O"],
     [("Moon Jae-in", "PERSON")]),
    (["Anne", "-", "Marie", "Dupont", "spoke"], [0, 0, 1, 1, 0], ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O"],
     [("Anne-Marie Dupont", "PERSON")]),
])
def test_spans_hyphenated_name_is_whole(blank_nlp, words, spaces, ents, expected):
    doc = Doc(blank_nlp.vocab, words=words, spaces=[bool(s) for s in spaces], ents=ents)
    assert _spans(doc) == expected


@pytest.mark.parametrize("owner", ["Weber", "Dupont"])
def test_spans_possessive_phrase_keeps_its_owner(blank_nlp, owner):
    doc = Doc(blank_nlp.vocab, words=[owner, "'s", "party", "won"], ents=["B-ORG", "I-ORG", "I-ORG", "O"])
    assert _spans(doc) == [(owner, "ORG")]


@pytest.mark.parametrize("words, expected", [
    (["Bavaria", "Premier", "Hans", "Weber"], [("Bavaria", "GPE"), ("Hans Weber", "PERSON")]),
    (["Finance", "Minister", "Ana", "Lopes"], [("Ana Lopes", "PERSON")]),                 # a portfolio is no owner
    (["Siemens", "executive", "Klaus", "Berg"], [("Siemens", "ORG"), ("Klaus Berg", "PERSON")]),
])
def test_spans_title_inside_a_name_is_split_off(blank_nlp, words, expected):
    doc = Doc(blank_nlp.vocab, words=words + ["spoke"], pos=["PROPN"] * len(words) + ["VERB"],
              ents=["B-ORG"] + ["I-ORG"] * (len(words) - 1) + ["O"])
    assert _spans(doc) == expected


@pytest.mark.parametrize("words", [["Queen", "Mary", "University"], ["General", "Motors"]])
def test_spans_organisation_named_after_a_title_is_not_split(blank_nlp, words):
    doc = Doc(blank_nlp.vocab, words=words, pos=["PROPN"] * len(words),
              ents=["B-ORG"] + ["I-ORG"] * (len(words) - 1))
    assert _spans(doc) == [(" ".join(words), "ORG")]


@pytest.mark.parametrize("words, pos, ents, expected", [
    (["Ursula", "von", "der", "Leyen", "spoke"], ["PROPN", "ADP", "ADP", "PROPN", "VERB"],
     ["B-PERSON", "I-PERSON", "I-PERSON", "B-GPE", "O"], [("Ursula von der Leyen", "PERSON")]),
    (["Pieter", "de", "Vries", "spoke"], ["PROPN", "ADP", "PROPN", "VERB"], ["B-PERSON", "I-PERSON", "O", "O"],
     [("Pieter de Vries", "PERSON")]),
    # cut before the particle, the family name tagged apart as an organisation
    (["Ruto", "wa", "Kamau", "said"], ["PROPN", "PROPN", "PROPN", "VERB"], ["B-PERSON", "O", "B-ORG", "O"],
     [("Ruto wa Kamau", "PERSON")]),
    # a particle-like word in prose is no part of a name
    (["Pieter", "met", "de", "Vries"], ["PROPN", "VERB", "ADP", "PROPN"], ["B-PERSON", "O", "O", "B-PERSON"],
     [("Pieter", "PERSON"), ("Vries", "PERSON")]),
])
def test_spans_name_cut_after_a_particle_takes_the_family_name(blank_nlp, words, pos, ents, expected):
    doc = Doc(blank_nlp.vocab, words=words, pos=pos, ents=ents)
    assert _spans(doc) == expected


@pytest.mark.parametrize("words, pos, ents, expected", [
    # the given name left out of the model's person
    (["Joost", "ter", "Haar", "won"], ["PROPN", "ADP", "PROPN", "VERB"], ["O", "O", "B-PERSON", "O"],
     [("Joost ter Haar", "PERSON")]),
    # a paper's first word tagged as a product, the rest an organisation
    (["The", "Gazzetta", "dello", "Velo", "said"], ["DET", "PROPN", "PROPN", "PROPN", "VERB"],
     ["O", "B-PRODUCT", "O", "B-ORG", "O"], [("Gazzetta dello Velo", "ORG")]),
    # a title or honorific before the particle stays out
    (["President", "de", "Haar", "spoke"], ["PROPN", "ADP", "PROPN", "VERB"], ["O", "O", "B-PERSON", "O"],
     [("Haar", "PERSON")]),
    # a name of its own before the particle stays apart
    (["Velmor", "de", "Haar"], ["PROPN", "ADP", "PROPN"], ["B-GPE", "O", "B-PERSON"],
     [("Velmor", "GPE"), ("Haar", "PERSON")]),
])
def test_spans_name_cut_before_a_particle_takes_its_first_word(blank_nlp, words, pos, ents, expected):
    doc = Doc(blank_nlp.vocab, words=words, pos=pos, ents=ents)
    assert _spans(doc) == expected


@pytest.mark.parametrize("words, ents, expected", [
    # the model tagged only the rank; the untagged proper nouns after it are the person
    (["army", "chief", "Field", "Marshal", "Omar", "Haddad", "spoke"],
     ["O", "O", "B-ORG", "I-ORG", "O", "O", "O"], [("Omar Haddad", "PERSON")]),
    (["led", "by", "Gen.", "Ana", "Lopes", "today"], ["O", "O", "B-ORG", "O", "O", "O"], [("Ana Lopes", "PERSON")]),
])
def test_spans_title_alone_takes_the_name_after_it(blank_nlp, words, ents, expected):
    pos = ["PROPN" if w[:1].isupper() else "NOUN" for w in words]
    doc = Doc(blank_nlp.vocab, words=words, pos=pos, ents=ents)
    assert _spans(doc) == expected


@pytest.mark.parametrize("words, spaces, expected", [
    # "LIMA - Peru" of a dateline glued into one place: the spaced dash separates them
    (["LIMA", "-", "Peru", "voted"], [1, 1, 1, 0], [("LIMA", "GPE"), ("Peru", "GPE")]),
    (["Guinea", "-", "Bissau", "voted"], [0, 0, 1, 0], [("Guinea-Bissau", "GPE")]),   # a hyphen joins
])
def test_spans_spaced_dash_cuts_a_name(blank_nlp, words, spaces, expected):
    doc = Doc(blank_nlp.vocab, words=words, spaces=[bool(s) for s in spaces], ents=["B-GPE", "I-GPE", "I-GPE", "O"])
    assert _spans(doc) == expected


@pytest.mark.parametrize("words, spaces, ents, expected", [
    # a results row glues the score to the name
    (["Durham", "114", "and", "81"], [1, 1, 1, 0], ["B-ORG", "I-ORG", "O", "O"], [("Durham", "ORG")]),
    (["Lyon", "2-1", "won"], [1, 1, 0], ["B-ORG", "I-ORG", "O"], [("Lyon", "ORG")]),
    (["64", "Anna", "Lind"], [1, 1, 0], ["B-PERSON", "I-PERSON", "I-PERSON"], [("Anna Lind", "PERSON")]),
    # two table rows glued across a line break are two names
    (["Anna", "\n", "Lind"], [0, 0, 0], ["B-PERSON", "I-PERSON", "I-PERSON"], [("Anna", "PERSON"), ("Lind", "PERSON")]),
])
def test_spans_scores_and_line_breaks_are_no_part_of_a_name(blank_nlp, words, spaces, ents, expected):
    doc = Doc(blank_nlp.vocab, words=words, spaces=[bool(s) for s in spaces], ents=ents)
    assert _spans(doc) == expected


def test_spans_score_in_three_tokens_is_no_part_of_a_name(blank_nlp):
    doc = Doc(blank_nlp.vocab, words=["Lyon", "2", "-", "1"], spaces=[True, False, False, False],
              ents=["B-ORG", "I-ORG", "I-ORG", "I-ORG"])
    assert _spans(doc) == [("Lyon", "ORG")]


def test_spans_number_word_is_part_of_a_name(blank_nlp):
    doc = Doc(blank_nlp.vocab, words=["the", "Group", "of", "Seven", "met"], ents=["O", "B-ORG", "I-ORG", "I-ORG", "O"])
    assert _spans(doc) == [("Group of Seven", "ORG")]


@pytest.mark.parametrize("words, ents, expected", [
    (["Ana", "Velloso", "(", "Peru", ")", "51.98"], ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"],
     [("Ana Velloso", "ORG"), ("Peru", "ORG")]),
    (["the", "Tarnby", "Union", "(", "TU", ")", "met"], ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"],
     [("Tarnby Union", "ORG"), ("TU", "ORG")]),
])
def test_spans_bracket_opened_and_not_closed_cuts_the_name(blank_nlp, words, ents, expected):
    """The model stopped before ")": the name and what its bracket adds are two names."""
    spaces = [w not in ("(",) and (i + 1 < len(words) and words[i + 1] != ")") for i, w in enumerate(words)]
    doc = Doc(blank_nlp.vocab, words=words, spaces=spaces, ents=ents)
    assert _spans(doc) == expected


def test_spans_closed_bracket_stays_in_the_name(blank_nlp):
    words = ["Velcom", "(", "Tarnby", ")", "Ltd", "said"]
    doc = Doc(blank_nlp.vocab, words=words, spaces=[True, False, False, True, True, False],
              ents=["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"])
    assert _spans(doc) == [("Velcom (Tarnby) Ltd", "ORG")]


@pytest.mark.parametrize("words, label, expected", [
    (["in", "Tarnwa", "province"], "GPE", "Tarnwa"),
    (["in", "Tarnwa", "region"], "LOC", "Tarnwa"),
    (["the", "Tarnwa", "Province"], "GPE", "Tarnwa Province"),       # a capital noun is part of the name
    (["the", "Tarnwa", "state"], "ORG", "Tarnwa state"),             # only a place's name is trimmed
])
def test_trim_area_noun_after_a_place_name(blank_nlp, words, label, expected):
    from nlp.entities.candidates import trim_name
    doc = Doc(blank_nlp.vocab, words=words)
    s, e = trim_name(doc, 1, 3, label)
    assert doc[s:e].text == expected


@pytest.mark.parametrize("words, label, expected", [
    (["the", "September", "Tarnwick", "Treasury"], "ORG", "Tarnwick Treasury"),
    (["the", "Sept", "Velbrent"], "ORG", "Velbrent"),
    (["the", "May", "Velbrent"], "ORG", "May Velbrent"),            # "May" is a word and a name too
    (["said", "August", "Velbrent"], "PERSON", "August Velbrent"),  # a person may be called August
])
def test_trim_month_opening_an_organisation(blank_nlp, words, label, expected):
    from nlp.entities.candidates import trim_name
    doc = Doc(blank_nlp.vocab, words=words)
    s, e = trim_name(doc, 1, len(words), label)
    assert doc[s:e].text == expected
