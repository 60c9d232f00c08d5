"""Direct quotes, their speakers, and speech relations that name a source.

The quotes are read once (:func:`nlp.relations.quotes.read_quotes`); the
relation step reads the same reading, so a link's quote words, its speaker
and the graph's quote records always agree.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from nlp.extract import extract
from nlp.records import Document
from nlp.relations.actors import Actors
from nlp.relations.clauses import Clauses
from nlp.relations.quotes import read_quotes
from tests.nlp.test_relations import analyse, relations_of

ROOT = Path(__file__).resolve().parents[2]
DEV_TEXTS = Path("/tmp/newsgraph-dev/articles")


def quotes_of(nlp, text: str) -> list[tuple[str, str, str]]:
    """(speaker, cue lemma, quote text) of every direct quote."""
    doc, index, entities = analyse(nlp, text)
    return [(q.speaker, q.cue, q.text) for q in read_quotes(doc, "d1", Clauses(Actors(doc, index, entities))).direct]


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
    # a name opening the next sentence did not say the quote that ends this one: who listed it did
    ("Reuters listed topics such as “the jailing of Alexei Navalny in Hong Kong.” Rishi Sunak blasted the list.",
     [("outlet:reuters", "", "the jailing of Alexei Navalny in Hong Kong.")]),
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


def _texts() -> list[Path]:
    """The seed, the held-out articles in the repository, and the development articles when rebuilt here."""
    return [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests" / "data" / "heldout").glob("*.txt")),
            *sorted(DEV_TEXTS.glob("*.txt"))]


@pytest.mark.model
def test_quotes_relations_and_records_name_the_same_speaker(nlp):
    """Every quote's words on a link belong to a quote record whose speaker is an end of that link."""
    checked = 0
    for path in _texts():
        text = path.read_text(encoding="utf-8")
        ex = extract(nlp(text), Document(path.name, text))
        said = {}
        for q in ex.quotes:
            said.setdefault(q.text, set()).add(q.speaker)
        for r in ex.relations:
            for ev in r.evidence:
                if ev.quote:
                    assert said.get(ev.quote, set()) & {r.source, r.target}, (path.name, r.source, r.verb, r.target, ev.quote)
                    checked += 1
    assert checked >= 5  # the seed and the held-out articles alone quote on several links


@pytest.mark.model
@pytest.mark.parametrize("rule, text, speaker, without", [
    ("speaks_for", "“We will not sign the deal,” a spokesman for the United Auto Workers union said.",
     "org:united-auto-workers", ""),
    ("named_by_punctuation", "“We stand firmly with our allies in Europe.” — Keir Starmer", "person:keir-starmer", ""),
    # without the rule, the outlet that quotes would be taken for the speaker
    ("quoted_as_saying", "“Lebed is now in Chechnya solving some problems,” Interfax quoted Viktor Chernomyrdin as saying.",
     "person:viktor-chernomyrdin", "outlet:interfax"),
])
def test_quotes_speaker_rules_switch_off_by_name(nlp, rule, text, speaker, without):
    """Each speaker rule is declared and can be switched off (``make dev ABLATE=1``): its quote's speaker goes."""
    def speakers(skip):
        return [q.speaker for q in extract(nlp(text), Document("d", text), skip=skip).quotes if q.kind == "direct"]
    assert speakers(set()) == [speaker]
    assert speakers({rule}) == [without]
