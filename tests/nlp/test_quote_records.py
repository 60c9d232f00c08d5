"""Quote records: every direct and indirect quote, its speaker, cue, addressee and names.

Each construction is checked as a reader would: who said it, direct or
indirect, and the first words of what was said.
"""
from __future__ import annotations

import pytest

from nlp.extract import extract
from nlp.records import Document
from nlp.relations.quotes import quote_stretches

pytestmark = pytest.mark.model


def quotes_of(nlp, text: str) -> list[tuple[str, str, str]]:
    """(speaker key, kind, first four words) of every quote record, in text order."""
    ex = extract(nlp(text), Document("d", text))
    for q in ex.quotes:
        assert text[q.start:q.end] == q.text
    return [(q.speaker, q.kind, " ".join(q.text.split()[:4])) for q in ex.quotes]


def records_of(nlp, text: str):
    return extract(nlp(text), Document("d", text)).quotes


@pytest.mark.parametrize("text, expected", [
    ("“We will not sign this deal today,” Ingrid Solberg said.",
     [("person:ingrid-solberg", "direct", "We will not sign")]),
    ("“The harbour will reopen next month,” said Tomas Lindqvist.",
     [("person:tomas-lindqvist", "direct", "The harbour will reopen")]),
])
def test_quote_records_speaker_after_the_quote(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


def test_quote_records_speaker_before_the_quote(nlp):
    assert quotes_of(nlp, "Ingrid Solberg said: “The harbour will reopen next month.”") == [
        ("person:ingrid-solberg", "direct", "The harbour will reopen")]


def test_quote_records_pronoun_is_the_last_named_speaker(nlp):
    text = ("“We will not sign this deal today,” Ingrid Solberg said after meeting Tomas Lindqvist.\n"
            "“Our position is clear and firm,” she added.")
    assert quotes_of(nlp, text) == [("person:ingrid-solberg", "direct", "We will not sign"),
                                    ("person:ingrid-solberg", "direct", "Our position is clear")]


def test_quote_records_speaker_named_after_a_paragraph_of_quote(nlp):
    text = ("“The harbour has been closed for three weeks and the fishermen are angry.\n"
            "“We need the boats back at sea before the winter,” Ingrid Solberg said.")
    assert quotes_of(nlp, text) == [("person:ingrid-solberg", "direct", "The harbour has been"),
                                    ("person:ingrid-solberg", "direct", "We need the boats")]


def test_quote_records_next_paragraph_continues_the_speaker(nlp):
    text = ("“The harbour will reopen next month,” Ingrid Solberg said.\n"
            "“The fishermen have waited long enough.”")
    assert quotes_of(nlp, text) == [("person:ingrid-solberg", "direct", "The harbour will reopen"),
                                    ("person:ingrid-solberg", "direct", "The fishermen have waited")]


@pytest.mark.parametrize("text, expected", [
    ("Ingrid Solberg said that the harbour would reopen next month.",
     [("person:ingrid-solberg", "indirect", "the harbour would reopen")]),
    ("Ingrid Solberg said on Friday the harbour would reopen next month.",
     [("person:ingrid-solberg", "indirect", "the harbour would reopen")]),
    ("The harbour will reopen next month, Ingrid Solberg said on Friday.",
     [("person:ingrid-solberg", "indirect", "The harbour will reopen")]),
    ("According to Ingrid Solberg, the harbour will reopen next month.",
     [("person:ingrid-solberg", "indirect", "the harbour will reopen")]),
    ("Ingrid Solberg warned that the harbour would stay closed.",
     [("person:ingrid-solberg", "indirect", "the harbour would stay")]),
    ("Ingrid Solberg insisted the harbour would reopen soon.",
     [("person:ingrid-solberg", "indirect", "the harbour would reopen")]),
])
def test_quote_records_indirect(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


def test_quote_records_told_an_outlet_is_the_addressee_reporters_are_not(nlp):
    (q,) = records_of(nlp, "Ingrid Solberg told Reuters that the harbour would reopen next month.")
    assert (q.speaker, q.cue, q.to, q.kind) == ("person:ingrid-solberg", "tell", "outlet:reuters", "indirect")
    (q,) = records_of(nlp, "Ingrid Solberg told reporters that the harbour would reopen next month.")
    assert (q.speaker, q.cue, q.to) == ("person:ingrid-solberg", "tell", "")


def test_quote_records_name_the_entities_in_the_words(nlp):
    (q,) = records_of(nlp, "“Norway and Sweden will sign the deal,” Ingrid Solberg said.")
    assert q.speaker == "person:ingrid-solberg"
    assert set(q.names) == {"country:NO", "country:SE"}


@pytest.mark.parametrize("text, expected", [
    # an unnamed spokesman of a named body speaks for it
    ("A spokesman for the European Commission said the talks would resume on Monday.",
     [("org:european-commission", "indirect", "the talks would resume")]),
    # unnamed analysts speak for nobody
    ("Analysts said the talks would fail.", [("", "indirect", "the talks would fail")]),
])
def test_quote_records_unnamed_speakers(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


def test_quote_records_quoted_as_saying_is_the_one_quoted(nlp):
    text = "“The harbour will reopen next month,” the Oslo Times quoted Ingrid Solberg as saying."
    assert quotes_of(nlp, text)[0] == ("person:ingrid-solberg", "direct", "The harbour will reopen")


def test_quote_records_block_quote_after_a_colon(nlp):
    text = "Ingrid Solberg said in a statement:\nThe harbour will reopen next month and the boats will return.\n"
    assert ("person:ingrid-solberg", "direct", "The harbour will reopen") in quotes_of(nlp, text)


@pytest.mark.parametrize("text, speaker", [
    # the body says it too: the headline's "X says" is X's
    ("Ingrid Solberg says harbour will reopen.\n\nOSLO 2024-05-02\n\n"
     "Ingrid Solberg said on Friday the harbour would reopen next month.\n", "person:ingrid-solberg"),
    # nothing in the body confirms it: no speaker
    ("Ingrid Solberg says harbour will reopen.\n\nOSLO 2024-05-02\n\n"
     "The harbour has been closed for three weeks.\n", ""),
])
def test_quote_records_headline_only_when_the_body_confirms(nlp, text, speaker):
    heads = [q for q in records_of(nlp, text) if q.end <= text.index("\n")]
    assert [(q.speaker, q.text) for q in heads] == [(speaker, "harbour will reopen")]


def test_quote_records_tokenised_wire_copy(nlp):
    # one sentence a line, a mark opening a line and followed by a space reopens the quote
    text = ('"I \'m sure the harbour will reopen," Ingrid Solberg said.\n'
            '"The fishermen want it and the town wants it.\n'
            '" In two weeks we will know more about the weather."\n')
    assert quotes_of(nlp, text) == [("person:ingrid-solberg", "direct", "I 'm sure the"),
                                    ("person:ingrid-solberg", "direct", "The fishermen want it"),
                                    ("person:ingrid-solberg", "direct", "In two weeks we")]


def test_quote_records_scare_quotes_are_no_quotes(nlp):
    assert quotes_of(nlp, "Observers saw a shift in “tone” between the two.") == []


@pytest.mark.parametrize("text, expected", [
    ('"One," she said.', ["One,"]),
    ("“One.\n“Two,” he said.", ["One.", "Two,"]),
    ('He said "yes" and left.', ["yes"]),
    ('A stray ” mark, then "a quote."', [", then ", "a quote."][1:]),
])
def test_quote_stretches_pair_marks(text, expected):
    assert [text[s:e] for s, e, _ in quote_stretches(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a city's ministry speaks for the city's country, a later spokesman and "he added" for it too
    ("Norway summoned the envoy on Monday, Oslo's foreign ministry said.\n"
     "A spokesman said the envoy would leave on Tuesday.\n"
     "The talks will resume next year, he added.\n",
     [("country:NO", "indirect", "Norway summoned the envoy"),
      ("country:NO", "indirect", "the envoy would leave"),
      ("country:NO", "indirect", "The talks will resume")]),
    # plural agents of a state, by its adjective
    ("Swedish officials said the border would stay open.",
     [("country:SE", "indirect", "the border would stay")]),
])
def test_quote_records_bodies_speak_through_their_people(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


def test_quote_records_unnamed_source_named_in_the_next_line(nlp):
    text = ("A Norwegian newspaper said the harbour would reopen next month.\n"
            "The Oslo Times quoted Ingrid Solberg as saying the fishermen were ready.\n")
    got = quotes_of(nlp, text)
    assert got[0] == ("outlet:oslo-times", "indirect", "the harbour would reopen")
    assert ("person:ingrid-solberg", "indirect", "the fishermen were ready") in got


def test_quote_records_next_line_after_a_reported_quote_continues_it(nlp):
    text = ("Ingrid Solberg said the fishermen would not give up.\n"
            "“We will carry on until the harbour reopens.”\n")
    assert quotes_of(nlp, text) == [("person:ingrid-solberg", "indirect", "the fishermen would not"),
                                    ("person:ingrid-solberg", "direct", "We will carry on")]


def test_quote_records_phrase_quoted_by_the_doer_of_its_clause(nlp):
    text = "Ingrid Solberg called the plan “a betrayal of the fishermen of the north.”"
    assert quotes_of(nlp, text) == [("person:ingrid-solberg", "direct", "a betrayal of the")]


def test_quote_records_second_quote_of_a_paragraph_after_the_attribution(nlp):
    text = "“We talk to everyone. That is our job,” Ingrid Solberg said. “Nobody wins a war of tariffs.”"
    assert quotes_of(nlp, text) == [("person:ingrid-solberg", "direct", "We talk to everyone."),
                                    ("person:ingrid-solberg", "direct", "Nobody wins a war")]


def test_quote_records_title_of_a_work_is_no_quote(nlp):
    text = "Ingrid Solberg, whose 2019 film “The Silent Harbour” won a prize, said the sequel was ready."
    assert quotes_of(nlp, text) == [("person:ingrid-solberg", "indirect", "the sequel was ready")]


def test_quote_records_the_national_just_named_speaks_not_the_country(nlp):
    # "The Briton" after a Briton is that person, as "he" would be; "the British" stay the country
    text = ('Tom Brandt will fight again in London. The Briton, who lost his title in March, said: '
            '"I was in shock when the doctor told me."')
    assert quotes_of(nlp, text) == [("person:tom-brandt", "direct", "I was in shock")]
    assert quotes_of(nlp, "Britain and Peru met in Lima. The British said talks went well.")[0][0] == "country:GB"


@pytest.mark.parametrize("text, expected", [
    ("Tom Ikimi spoke in Lagos. Ikimi reiterated his position that the Commonwealth had no mandate to send a mission.",
     ("person:tom-ikimi", "indirect", "the Commonwealth had no")),
    ("They seized on a comment by chief prosecutor Michel Bourlet on Friday that he would chase down everyone involved.",
     ("person:michel-bourlet", "indirect", "he would chase down")),
])
def test_quote_records_a_statement_introduced_by_a_noun(nlp, text, expected):
    assert expected in quotes_of(nlp, text)


@pytest.mark.parametrize("text, speaker", [
    ("“We have not had contact with the kidnappers,” Chief of Judicial Police Manuel Alvarado told Reuters.",
     "person:manuel-alvarado"),
    ("Germany's representative to the EU's veterinary committee Werner Zwingmann said on Wednesday that "
     "consumers should buy sheepmeat from other countries.", "person:werner-zwingmann"),
])
def test_quote_records_a_speaker_behind_a_long_title(nlp, text, speaker):
    assert [q.speaker for q in records_of(nlp, text)] == [speaker]


def test_quote_records_a_reported_subject_the_parse_hung_on_the_verb(nlp):
    text = "Michel Bourlet said between 300 and 400 video tapes had been seized, some of which featured Dutroux."
    assert ("person:michel-bourlet", "indirect", "between 300 and 400") in quotes_of(nlp, text)
