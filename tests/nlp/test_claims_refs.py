"""References resolved (issue 21, item 1): a pronoun takes up a body the story named by a common noun, and
reaches across the quoted sentences of the speaker it continues. Sentences of our own, invented names."""
from __future__ import annotations

import pytest

from nlp.extract import extract
from nlp.records import Document

pytestmark = pytest.mark.model


def _links(nlp, text: str) -> set[tuple[str, str, str]]:
    ex = extract(nlp(text), Document("d", text))
    return {(r.source, r.verb, r.target) for r in ex.relations if r.kind != "cooccurrence"}


@pytest.mark.parametrize("text, expected", [
    # "it" takes up "the commission", which stands for the one "... Commission" of the story
    ("The Velaro Truth Commission opened hearings in Lima on Monday. Dozens of witnesses appeared. Many more are "
     "expected next month. The commission was set up last year to investigate abuses. "
     "It is chaired by retired judge Pieter Botha.",
     ("person:pieter-botha", "chair", "org:velaro-truth-commission")),
    # ... and not the name nearer before it ("Borel Steel")
    ("Borel Steel accused the Arcadia Mining Company of dumping on Tuesday. The company was founded in 1950. "
     "It is headed by Maria Santos.",
     ("person:maria-santos", "head", "org:arcadia-mining-company")),
])
def test_claims_a_pronoun_takes_up_a_body_named_by_a_common_noun(nlp, text, expected):
    assert expected in _links(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # the quoted sentences between the speaker and "he" do not count against the pronoun's window
    ('But Pieter Botha, who advises several defendants, said this was not the best way forward.\n'
     '"A person can be forced to appear, but nobody can be forced to tell the truth.\n'
     'We have seen this before.\n'
     'At the moment this is not the case."\n'
     'He cited Jan Kowalski, who was charged with murder last year.',
     ("person:pieter-botha", "cite", "person:jan-kowalski")),
])
def test_claims_a_pronoun_reaches_across_quoted_sentences(nlp, text, expected):
    assert expected in _links(nlp, text)



@pytest.mark.parametrize("text, expected, unwanted", [
    # "she" is the woman the sentence names ("his sister Lisa"), not the man who is its subject
    ("Tomas Varga joked that his sister Lisa was a rebel too, and she responded by grabbing his gun.",
     ("person:lisa", "grab", "person:tomas-varga"), ("person:tomas-varga", "grab", "person:lisa")),
])
def test_claims_a_pronoun_agrees_in_gender(nlp, text, expected, unwanted):
    links = _links(nlp, text)
    assert expected in links and unwanted not in links


def test_claims_he_is_no_woman_the_story_titles_so(nlp):
    text = ("First lady Maria Santos told reporters in Lima that the talks would go on.\n"
            '"He wants to outline to the Peruvian people what he has done," she said.')
    assert not any(s == "person:maria-santos" and v == "outline" for s, v, _ in _links(nlp, text))


def test_claims_the_newspaper_is_the_story_s_one_outlet(nlp):
    text = ("Jan Kowalski gave an interview to The Velaro Herald on Sunday.\n"
            "Kowalski has led the party since 1990.\n"
            "His rivals have called for his resignation since the vote.\n"
            "The party lost half its seats in March.\n"
            "Kowalski was quoted as telling the newspaper that he would not resign.")
    assert ("person:jan-kowalski", "tell", "outlet:velaro-herald") in _links(nlp, text)


def test_claims_a_quote_a_paper_reports_from_someone_unnamed_is_not_the_paper_s(nlp):
    # guards the rule above: "the paper" now stands for the outlet, yet the words are the banker's
    text = ("Arcadia Mining plans to bid for Borel Steel, the Velaro Herald daily said on Monday.\n"
            '"This division would guarantee a dispersal of capital, preventing anyone from taking total control '
            'over Borel," the paper quoted one of the initiators of the move as saying, without giving a name.')
    ex = extract(nlp(text), Document("d", text))
    assert not any(q.speaker == "outlet:velaro-herald" and "division" in q.text for q in ex.quotes)


def test_claims_her_on_the_object_of_two_coordinated_subjects_is_neither(nlp):
    # neither the man (Pope) nor his co-subject sent "her" messages of their own: "her" is the nun
    text = ("Sister Maria Santos was admitted to hospital in Lima on Monday with a heart complaint.\n"
            "Pope Pius Okoro and Foreign Minister Jan Kowalski sent her get-well messages.")
    links = _links(nlp, text)
    assert ("person:pius-okoro", "send", "person:maria-santos") in links
    assert ("person:jan-kowalski", "send", "person:maria-santos") in links


def test_claims_a_definite_business_description_is_the_firm_just_named(nlp):
    # "the copper producer": the organisation named just before, as "it" would be
    text = ("Arcadia Mining Co said on Friday it would buy Borel Steel for $40 million.\n"
            "Shares rose sharply.\n"
            "The copper producer said the deal would add to earnings next year.")
    ex = extract(nlp(text), Document("d", text))
    assert any(q.speaker == "org:arcadia-mining-co" and "earnings" in q.text for q in ex.quotes)
