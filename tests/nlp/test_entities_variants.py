"""One node per person across the variants of a name in one story; two people stay two."""
from __future__ import annotations

import pytest

from nlp.entities.sieve import extract_entities


def _people(nlp, text):
    return {e.key: e for e in extract_entities(nlp(text), "d1")[0] if e.type in ("person", "official")}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a spelling slip of the family name, with the given name agreeing
    "Michael Thompson left on Monday. Later Michael Thomsson said he was tired.",
    # the given name and patronymic of a full-named person
    "Ivan Petrov met the press. It was agreed with Ivan Sergeyevich yesterday.",
])
def test_variants_one_person(nlp, text):
    assert len(_people(nlp, text)) == 1


@pytest.mark.model
def test_variants_parenthesis_equates_names(nlp):
    text = "David Miller spoke on Monday. \"Uncle Dave (Miller) is right,\" a supporter said."
    people = _people(nlp, text)
    assert "person:david-miller" in people
    assert all(k == "person:david-miller" for k in people)


@pytest.mark.model
def test_variants_two_people_stay_two(nlp):
    text = "Michael Thompson met Sarah Thompson on Monday. Michael Johnson was not there."
    assert len(_people(nlp, text)) == 3


@pytest.mark.model
def test_variants_news_agency_words_are_the_outlet(nlp):
    text = "Russian troops left the city, Interfax news agency said. Interfax gave no source."
    outlets = [e for e in extract_entities(nlp(text), "d1")[0] if e.type == "outlet"]
    assert [e.key for e in outlets] == ["outlet:interfax"]


@pytest.mark.model
def test_one_type_per_name_in_a_story(nlp):
    text = ("Kurdish fighters marched into Arbil on Saturday. Arbil fell after heavy shelling, "
            "and thousands fled from Arbil towards the border.")
    found = [e for e in extract_entities(nlp(text), "d1")[0] if e.label == "Arbil"]
    assert len(found) == 1 and found[0].type == "place"


@pytest.mark.model
@pytest.mark.parametrize("text, doer", [
    ("Peruvian Foreign Minister Ana Lopes arrived in Quito on Monday. The minister criticised Ecuador.",
     "person:ana-lopes"),
    ("U.N. Secretary-General Ana Lopes arrived in Quito on Monday. The secretary-general criticised Ecuador.",
     "person:ana-lopes"),
    # two ministers: "the minister" is no one in particular
    ("Peruvian Foreign Minister Ana Lopes met Chilean Interior Minister Rosa Diaz. The minister criticised Ecuador.",
     None),
])
def test_definite_role_noun_is_its_one_holder(nlp, text, doer):
    from nlp.extract import extract
    from nlp.records import Document
    ex = extract(nlp(text), Document("d1", text))
    doers = {r.source for r in ex.relations if r.kind == "action" and r.verb == "criticise"}
    assert doers == ({doer} if doer else set())


# -- the one-letter index: the same pairs as comparing every family name with every other ------

from hypothesis import given, strategies as st  # noqa: E402

from nlp.entities.passes.people import _gaps, _one_letter_apart  # noqa: E402


@given(st.text("abnrsHN", min_size=1, max_size=8), st.text("abnrsHN", min_size=1, max_size=8))
def test_one_letter_variants_share_a_gap(a, b):
    if _one_letter_apart(a, b):
        assert set(_gaps(a)) & set(_gaps(b))


def test_one_letter_variant_found_among_many_people(nlp):
    # "Hanson" is one letter from "Hansen" only; the other people of the story do not get in the way
    people = ", ".join(f"{g} {f}" for g, f in zip(["Ana", "Ben", "Carl", "Dora", "Eva", "Finn"],
                                                 ["Morales", "Kowalski", "Lindqvist", "Okafor", "Brandt", "Moreau"]))
    text = (f"Erik Hansen met {people} in Oslo on Monday. Erik Hanson said the talks went well, "
            f"and Okafor agreed.")
    people = _people(nlp, text)
    erik = [e for e in people.values() if {"Erik Hansen", "Erik Hanson"} & {e.label, *e.aliases}]
    assert len(erik) == 1 and {"Erik Hansen", "Erik Hanson"} <= {erik[0].label, *erik[0].aliases}
    assert any(e.label == "Dora Okafor" for e in people.values())


@pytest.mark.model
@pytest.mark.parametrize("text, full, short", [
    ('Belgium coach Wilfried Van Daal was happy. "We suffered," said Van Daal, who took over in May.',
     "Wilfried Van Daal", "Van Daal"),
    ('"We will be promoted," said club chairman Abdul Karim Haj Musa. "We are ready," said club chairman Abdul Karim.',
     "Abdul Karim Haj Musa", "Abdul Karim"),
])
def test_variants_a_two_word_short_form_joins_its_longer_name(nlp, text, full, short):
    ents = extract_entities(nlp(text), "d1")[0]
    people = [e for e in ents if e.type in ("person", "official") and (full in (e.label, *e.aliases)
                                                                        or short in (e.label, *e.aliases))]
    assert len(people) == 1


@pytest.mark.model
def test_variants_label_is_the_name_the_story_calls_them_by(nlp):
    # given name and patronymic are one person with the full name; the label ends in the family name used alone
    text = ("Prime Minister Oleg Varlamov left Kiev on Monday. \"It was agreed with Oleg Nikolayevich (Varlamov) "
            "yesterday,\" an aide said. Varlamov said he was pleased.")
    people = _people(nlp, text)
    assert [e.label for e in people.values() if "Varlamov" in e.aliases] == ["Oleg Varlamov"]
