"""Direct quotes, their speakers, and speech relations that name a source."""
from __future__ import annotations

import pytest

from nlp.relations.actors import Actors
from nlp.relations.clauses import Clauses
from nlp.relations.quotes import find_quotes
from tests.nlp.test_relations import analyse, relations_of


def quotes_of(nlp, text: str) -> list[tuple[str, str, str]]:
    """(speaker, cue lemma, quote text) of every direct quote."""
    doc, index, entities = analyse(nlp, text)
    return [(q.speaker, q.cue, q.text) for q in find_quotes(doc, Clauses(Actors(doc, index, entities)))]


@pytest.mark.parametrize("text, expected", [
    ("“We will not accept this deal,” Jacinda Ardern said.",
     [("person:jacinda-ardern", "say", "We will not accept this deal")]),
    ("“The talks were productive and honest,” said Antony Blinken.",
     [("person:antony-blinken", "say", "The talks were productive and honest")]),
])
def test_quotes_speaker_after_the_quote(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "she" is the last named speaker, not Morrison, the nearest name
    ("“We will not accept this deal,” Jacinda Ardern said after meeting Scott Morrison. "
     "“Our position is clear and firm,” she added.",
     [("person:jacinda-ardern", "say", "We will not accept this deal"),
      ("person:jacinda-ardern", "add", "Our position is clear and firm")]),
    # another person has been a subject since: "he" is the pronoun's antecedent
    ("“We will not accept this deal,” Jacinda Ardern said. Scott Morrison accused Labor of weakness. "
     "“They have no plan at all,” he told CBC News.",
     [("person:jacinda-ardern", "say", "We will not accept this deal"),
      ("person:scott-morrison", "tell", "They have no plan at all")]),
])
def test_quotes_pronoun_speaker_is_the_last_named_speaker(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Anthony Albanese said: “Australia will stand with Japan.”",
     [("person:anthony-albanese", "say", "Australia will stand with Japan.")]),
    ("“We stand firmly with our allies in Europe.” — Keir Starmer",
     [("person:keir-starmer", "", "We stand firmly with our allies in Europe.")]),
])
def test_quotes_colon_and_dash(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a scare quote is not speech
    ("Observers saw a shift in “tone” between the two.", []),
    # a name opening the next sentence did not say the quote that ends this one
    ("Reuters listed topics such as “the jailing of Alexei Navalny in Hong Kong.” Rishi Sunak blasted the list.",
     [("", "", "the jailing of Alexei Navalny in Hong Kong.")]),
])
def test_quotes_unattributed(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


@pytest.mark.parametrize("text, expected, quote", [
    ("“I have no plans to resign,” Anthony Albanese told CBC News.",
     {("person:anthony-albanese", "tell", "outlet:cbc-news", "quote", "neutral")}, "I have no plans to resign"),
    ("According to the BBC, Rishi Sunak criticized France.",
     {("person:rishi-sunak", "tell", "outlet:bbc", "quote", "neutral"),
      ("person:rishi-sunak", "criticize", "country:FR", "action", "conflict")}, ""),
    ("Boris Johnson said in an interview with the BBC that Russia threatened Britain.",
     {("person:boris-johnson", "interview", "outlet:bbc", "quote", "neutral"),
      ("country:RU", "threaten", "country:GB", "action", "conflict"),
      ("person:boris-johnson", "say", "country:RU", "action", "neutral"),
      # the reported clause's object: a plain report is about it too
      ("person:boris-johnson", "say", "country:GB", "action", "neutral")}, ""),
    ("Le Figaro quoted Gabriel Attal on Monday.",
     {("outlet:le-figaro", "quote", "person:gabriel-attal", "quote", "neutral")}, ""),
    ("In an interview with the BBC, Boris Johnson said: “Britain will always stand with Ukraine.”",
     {("person:boris-johnson", "interview", "outlet:bbc", "quote", "neutral"),
      ("country:GB", "stand", "country:UA", "action", "neutral")},
     "Britain will always stand with Ukraine."),
])
def test_quotes_speaker_to_outlet(nlp, text, expected, quote):
    rels = relations_of(nlp, text)
    assert {(r.source, r.verb, r.target, r.kind, r.polarity) for r in rels} == expected
    assert {ev.quote for r in rels if r.kind == "quote" for ev in r.evidence} == {quote}
