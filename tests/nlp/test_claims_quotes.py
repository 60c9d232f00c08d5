"""Quote constructions of issue 21 ("who said what"), on invented sentences.

Each test reads the quote records as a reader would: who said it, and
the words said.
"""
from __future__ import annotations

import pytest

from nlp.extract import extract
from nlp.records import Document

pytestmark = pytest.mark.model


def quotes_of(nlp, text: str) -> list[tuple[str, str, str]]:
    """(speaker key, kind, text) of every quote record, in text order."""
    ex = extract(nlp(text), Document("d", text))
    return [(q.speaker, q.kind, q.text) for q in ex.quotes]


def test_words_before_a_closing_direct_quote_are_reported(nlp):
    text = ('Ingrid Solberg met dock workers in Tromso on Monday.\n'
            'Solberg said the harbour board is now "weighing every offer on the table".')
    got = quotes_of(nlp, text)
    assert ("person:ingrid-solberg", "indirect", "the harbour board is now") in got
    assert ("person:ingrid-solberg", "direct", "weighing every offer on the table") in got
    # "said: “...”" leads in with no words of its own
    assert [k for _, k, _ in quotes_of(nlp, text.replace('the harbour board is now "', ': "'))] == ["direct"]


@pytest.mark.parametrize("headline, speaker, words", [
    # the headline's subject is the speaker, though the story below only names her
    ("Solberg says harbour strike will hurt trade.", "person:ingrid-solberg", "harbour strike will hurt trade"),
    # a headline the parse reads as no clause ("abuse" a noun)
    ("Tromso's Solberg says dock bosses abuse law.", "person:ingrid-solberg", "dock bosses abuse law"),
])
def test_headline_source_named_below(nlp, headline, speaker, words):
    text = (f"{headline}\n\nTROMSO, Norway 1996-08-30\n\n"
            "Harbour chief Ingrid Solberg met dock workers in Tromso on Friday.\n"
            "Union leader Per Haugen said the strike would go on until the talks resumed.\n")
    assert (speaker, "indirect", words) in quotes_of(nlp, text)


def test_headline_source_after_the_dash(nlp):
    text = ("Harbour strike will hurt trade -- Solberg.\n\nTROMSO, Norway 1996-08-30\n\n"
            "Harbour chief Ingrid Solberg met dock workers in Tromso on Friday.\n"
            "Solberg said the strike would go on until the talks resumed.\n")
    assert ("person:ingrid-solberg", "indirect", "Harbour strike will hurt trade") in quotes_of(nlp, text)


@pytest.mark.parametrize("text, words", [
    ("Ingrid Solberg told a news conference the strike by more than half of the 900 dock workers "
     "would paralyse trade which has grown by 10 percent since last year.",
     "the strike by more than half of the 900 dock workers would paralyse trade"),
    ("Ingrid Solberg told a news conference in Tromso "
     "self-determination for dock towns could begin at local government level.",
     "self-determination for dock towns could begin at local government level"),
])
def test_report_whose_subject_the_parse_hung_on_the_verb(nlp, text, words):
    got = quotes_of(nlp, text)
    assert any(s == "person:ingrid-solberg" and words in t for s, _, t in got), got


@pytest.mark.parametrize("text", [
    # the verb comes more than fourteen tokens after the closing mark
    ('Per Haugen said the harbour would stay open all winter.\n"We have always watched these barter deals closely," Ingrid Solberg, deputy head of the '
     'currency department at the State Harbour Committee of Norland, told Reuters.'),
    # the parse hangs the long title and the name on the quoted verb and leaves "told" no subject
    ('"I have told the harbour board that the Norland government has attached serious importance to '
     'the case of Per Haugen," Under-Secretary of State for Harbours and Fisheries Ingrid Solberg, told reporters.'),
])
def test_direct_quote_before_a_long_titled_speaker(nlp, text):
    got = quotes_of(nlp, text)
    assert [(s, k) for s, k, _ in got if k == "direct"] == [("person:ingrid-solberg", "direct")], got


@pytest.mark.parametrize("text, words", [
    ("Harbour chief Ingrid Solberg said at the end of a visit to Tromso last week that the Norland and "
     "Vestland governments agreed on an orderly return of the 4,000 fishing boats.",
     "the Norland and Vestland governments agreed on an orderly return"),
    ("Ingrid Solberg said in a separate report that new orders received by harbour yards climbed strongly in July.",
     "new orders received by harbour yards climbed strongly in July"),
])
def test_that_clause_hung_on_a_phrase_of_the_verb(nlp, text, words):
    got = quotes_of(nlp, text)
    assert any(s == "person:ingrid-solberg" and t.startswith(words) for s, _, t in got), got


@pytest.mark.parametrize("text, words", [
    ('Senator Ingrid Solberg, a Velaro Democrat, called it a "big bump" in the way of the harbour plan.', "big bump"),
    ('Harbour chief Ingrid Solberg had earlier accused Per Haugen at a meeting of dock owners of causing '
     'alarm through "reckless talk."', "reckless talk."),
])
def test_two_word_phrase_quoted_by_whoever_calls_or_accuses(nlp, text, words):
    got = quotes_of(nlp, text)
    assert ("person:ingrid-solberg", "direct", words) in got, got
    # a two-word phrase in a clause that neither speaks nor judges is a term, no quote
    assert not [t for _, _, t in quotes_of(nlp, 'The harbour also had the necessary "dock infrastructure" in place.')]


def test_claims_a_government_below_the_country_is_not_the_country(nlp):
    """"the provincial government announced": not the country named before (nor "local officials")."""
    text = ("Chile said on Monday it would welcome the visit. Governor Ana Lopes is joining the president for part "
            "of his trip to Chile, the provincial government announced on Monday.")
    ex = extract(nlp(text), Document("d", text))
    said = {q.text: q.speaker for q in ex.quotes}
    assert not any(s == "country:CL" and "Lopes" in t for t, s in said.items()), said
