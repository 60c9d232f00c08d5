"""Claims a reader can trust: a word is a verb only where it acts. Sentences of our own."""
from __future__ import annotations

import pytest

from nlp.extract import extract
from nlp.records import Document

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "Prime Minister Ana Lopes left for Lima on Tuesday, keeping a promise she made to dictator Carlos Ruiz when they met.",
])
def test_claims_a_title_before_a_name_is_no_verb(nlp, text):
    rels = extract(nlp(text), Document("d", text)).relations
    assert not [(r.source, r.verb, r.target) for r in rels if r.kind == "action" and r.verb == "dictator"]


def _actions(nlp, text):
    return {(r.source, r.verb, r.target) for r in extract(nlp(text), Document("d", text)).relations
            if r.kind == "action"}


def test_claims_a_possessive_on_the_object_is_the_subjects_own(nlp):
    """"it will only render its efforts vain": "its" is the subject's, not the country named just before."""
    text = ("If Lima still chooses to tie its Chile policy to the will of Quito again, it will only render "
            "its previous efforts to mend ties with Santiago in vain, the paper warned.")
    rels = _actions(nlp, text)
    assert not any("country:EC" in (s, t) and v in ("render", "mend") for s, v, t in rels), rels


def test_claims_a_view_of_a_thing_is_no_act_on_its_owner(nlp):
    """"saw Lopes's visit as an opportunity": a statement verb says nothing to the visit's owner, nor to the
    countries of the phrase that follows."""
    text = ("The Lima Times on Tuesday saw Ana Lopes's visit as an opportunity to pull Peru away from Chile, "
            "approvingly quoting Carlos Ruiz of the Bolivian chamber of commerce.")
    assert not [x for x in _actions(nlp, text) if x[1] == "see"]


def test_claims_the_clause_fallback_leaves_an_adjectives_phrase_alone(nlp):
    """"listed some topics irksome to Bolivia": whom the adjective concerns is not what was listed."""
    text = ("Two Chilean lawmakers have already cut short a visit to Peru ahead of schedule, and the Lima Times "
            "listed some topics irksome to Bolivia that Ana Lopes could promise to stop talking about.")
    assert ("outlet:lima-times", "list", "country:BO") not in _actions(nlp, text)


def test_claims_the_clause_fallback_leaves_another_verbs_phrases_alone(nlp):
    """"mend relations ... after jibes about annexing Chile from President Ruiz": Chile and Ruiz are what
    "annexing" is about, not what was mended."""
    text = ("Ana Lopes, whose private financial career included extensive dealings with Peru, is seeking to mend "
            "relations with the Andean superpower after tariffs and jibes about annexing Chile from President "
            "Carlos Ruiz soured relations between Quito and Santiago.")
    assert not [x for x in _actions(nlp, text) if x[1] == "mend"]


@pytest.mark.parametrize("text, unwanted", [
    # a name compounded with a thing says what the thing is about, not at whom a verb no lexicon knows acts
    ("If Lima still chooses to tie its Chile policy to the will of Quito, it will only hurt itself, the paper warned.",
     ("country:PE", "tie", "country:CL")),
    ("Ana Lopes, the Velaro chief executive, evaded U.S. sanctions on copper for years.",
     ("person:ana-lopes", "evade", "country:US")),
    # ... nor does the doer of one clause do what a subjectless clause after it does
    ("Relations between the two countries soured in 2018, when Peruvian police arrested Velaro executive Ana Lopes "
     "in Lima to face charges of fraud and evading U.S. sanctions against Bolivia.",
     ("country:PE", "evade", "country:US")),
])
def test_claims_no_act_on_what_a_thing_is_about(nlp, text, unwanted):
    assert unwanted not in _actions(nlp, text)


def test_claims_an_act_under_a_sentence_opening_if_is_conditional(nlp):
    """"If Peru attacks Chile, ...": the attack has not happened, whatever the parser did with the "if"."""
    text = "If Peru attacks Chile, Bolivia will respond."
    rels = [r for r in extract(nlp(text), Document("d", text)).relations if r.kind == "action" and r.verb == "attack"]
    assert rels and all(r.modality == "conditional" for r in rels)


def test_claims_a_place_a_hostile_act_takes_as_object_undergoes_it(nlp):
    """"captured and annexed Arica": the place is what was seized; "arrested X in Arica" still only says where."""
    assert {("country:CL", "capture", "place:arica"), ("country:CL", "annex", "place:arica")} <= _actions(
        nlp, "Chile, which captured and annexed Arica in 1880, says it will never cede any part of the city.")
    assert not [x for x in _actions(nlp, "Peruvian police arrested Ana Lopes in Arica.") if x[2] == "place:arica"]
