"""Claims a reader can trust: references resolved, names that only describe a thing kept out, no common noun
taken for a name. Each capability on sentences of our own, as a reader would check them."""
from __future__ import annotations

import pytest

from nlp.extract import extract
from nlp.records import Document
from tests.nlp.test_relations import triples

pytestmark = pytest.mark.model


def _extract(nlp, text: str):
    return extract(nlp(text), Document("d", text))


@pytest.mark.parametrize("text, expected", [
    # "the commission": the story's one organisation whose name holds the word, beside another organisation
    ("The Velaro Truth Commission and the Velaro Party met in Lima. The commission later summoned Pieter Botha.",
     ("org:velaro-truth-commission", "summon", "person:pieter-botha")),
])
def test_claims_a_definite_body_noun_is_the_one_body_named_so(nlp, text, expected):
    rels = {(r.source, r.verb, r.target) for r in _extract(nlp, text).relations if r.kind == "action"}
    assert expected in rels


def test_claims_a_body_noun_two_bodies_share_is_left_alone(nlp):
    text = "The Velaro Truth Commission and the Arcadia Trade Commission met. The commission later summoned Pieter Botha."
    rels = {(r.source, r.verb, r.target) for r in _extract(nlp, text).relations if r.kind == "action"}
    assert not any(t == "person:pieter-botha" for _, _, t in rels)


@pytest.mark.parametrize("text, unwanted", [
    # the clause fallback reads long broken sentences; a co-subject is no target, nor a name describing a thing
    ("Most of the leaders, including Angela Merkel and Emmanuel Macron, who spoke in Berlin on Monday after "
     "weeks of hard talks between the two sides, offered apologies for the mistakes they had made and accepted "
     "broad responsibility for the acts of their governments in the past.",
     {("person:angela-merkel", "person:emmanuel-macron"), ("person:emmanuel-macron", "person:angela-merkel")}),
    ("Angela Merkel, who spoke to reporters in Berlin on Monday after weeks of hard talks between the parties "
     "over the budget, has hailed the clauses in Spanish and French law as making possible a new form of "
     "self-rule for the regions.",
     {("person:angela-merkel", "country:FR"), ("person:angela-merkel", "country:ES")}),
])
def test_claims_clause_fallback_takes_no_co_subject_and_no_describing_name(nlp, text, unwanted):
    got = {(s, t) for s, _, t, _, _ in triples(nlp, text)}
    assert not got & unwanted


@pytest.mark.parametrize("text, word", [
    ("Barter has always been a feature of foreign trade, but decrees have given barter a new impetus, "
     "Marina Volkova said.", "barter"),
])
def test_claims_a_capitalised_common_noun_opening_a_sentence_is_no_entity(nlp, text, word):
    assert not [e.key for e in _extract(nlp, text).entities if word in e.key]


def test_claims_a_name_opening_a_sentence_stays_a_name(nlp):
    text = "Lopes said the budget was safe."
    assert "person:lopes" in {e.key for e in _extract(nlp, text).entities}


@pytest.mark.parametrize("text, speaker, link", [
    # bare "police" is the one country whose police the story named; for the quote and for the act alike
    ("Australian police on Wednesday continued to hunt a gunman in dense bushland. “It is one step short of an "
     "emergency situation,” a police spokesman said. Police later arrested Mark Wood near Sydney.",
     "country:AU", ("country:AU", "arrest", "person:mark-wood")),
])
def test_claims_bare_state_agents_are_the_country_the_story_named(nlp, text, speaker, link):
    ex = _extract(nlp, text)
    assert [q.speaker for q in ex.quotes if q.kind == "direct"] == [speaker]
    assert link in {(r.source, r.verb, r.target) for r in ex.relations if r.kind == "action"}


def test_claims_bare_state_agents_of_two_countries_are_nobody(nlp):
    text = ("Australian police and Indonesian police met in Bali on Monday. Police later arrested Mark Wood "
            "near Denpasar.")
    ex = _extract(nlp, text)
    assert not [r for r in ex.relations if r.kind == "action" and r.target == "person:mark-wood"]


@pytest.mark.parametrize("text, key", [
    ("Australian police hunted the gunman.", "country:AU"),
    ("The Australian reported that the gunman was caught.", "outlet:the-australian"),
])
def test_claims_a_demonym_is_no_outlet(nlp, text, key):
    assert key in {e.key for e in _extract(nlp, text).entities}


@pytest.mark.parametrize("text, keys, whole", [
    ("Police said Marc Dutroux admitted kidnapping two other girls, Anna Marchal and Eefje Lambrecks, a year ago.",
     {"person:anna-marchal", "person:eefje-lambrecks"}, "and-eefje"),
    ("The Truth and Reconciliation Commission met in Cape Town on Monday.",
     {"org:truth-and-reconciliation-commission"}, None),
])
def test_claims_two_names_joined_by_and_are_two_nodes(nlp, text, keys, whole):
    got = {e.key for e in _extract(nlp, text).entities}
    assert keys <= got
    assert whole is None or not any(whole in k for k in got)


@pytest.mark.parametrize("text, unwanted", [
    # their own capabilities: co-subjects do not act on one another
    ("Angela Merkel, Emmanuel Macron and Olaf Scholz have been working to build up their capabilities.",
     {"person:emmanuel-macron", "person:olaf-scholz", "person:angela-merkel"}),
])
def test_claims_co_subjects_are_no_targets(nlp, text, unwanted):
    assert not {t for s, _, t, _, _ in triples(nlp, text) if s in unwanted} & unwanted


def test_claims_a_place_based_thing_is_no_act_of_the_place(nlp):
    text = "Pirelli is linking with Hong Kong-based group CITIC Pacific in a new venture."
    rels = {(r.source, r.verb) for r in _extract(nlp, text).relations if r.kind == "action"}
    assert not any(v == "base" for _, v in rels)


def test_claims_a_time_zone_after_a_clock_time_is_no_organisation(nlp):
    text = ("The shooting occurred around 6.30 a.m. (2030 GMT) on Tuesday. “We have not had any sightings,” "
            "a police spokesman said.")
    ex = _extract(nlp, text)
    assert "org:gmt" not in {e.key for e in ex.entities}
    assert "org:gmt" not in {q.speaker for q in ex.quotes}


def test_claims_a_spokesman_of_bare_police_speaks_for_the_country_the_story_named(nlp):
    text = ("Australian police on Wednesday continued to hunt a gunman in dense bushland. Police have declared an "
            "emergency in the area. “It is one step short of an emergency situation,” a police spokesman said.")
    assert [q.speaker for q in _extract(nlp, text).quotes if q.kind == "direct"] == ["country:AU"]


def test_claims_a_subject_after_its_verb_does_not_undergo_it(nlp):
    from nlp.relations.actors import Actors
    from nlp.relations.clauses import Clauses
    from tests.nlp.test_relations import analyse

    # the quote parsed as an adverbial clause, so the verb has no object: the fallback's case
    text = ("Whereas the deal is good for both sides if the Canadians are willing to play ball,” "
            "suggested Peruvian economist Ana Lopes of the University of Lima.")
    doc, index, entities = analyse(nlp, text, {"Peruvian": "country:PE", "Ana Lopes": "person:ana-lopes"})
    verb = next(t for t in doc if t.lower_ == "suggested")
    assert any(c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i for c in verb.children)  # the parse this is about
    assert Clauses(Actors(doc, index, entities)).shallow_targets(verb) == []


@pytest.mark.parametrize("voice", ["passive", "active"])
def test_claims_a_list_of_names_relates_none_of_them(nlp, voice):
    """Issue 23, row 1: "The meeting was attended by A, B, ... (300 names)" gave 60,568 action links."""
    from faker import Faker

    fake = Faker("en_US")
    Faker.seed(23)
    names = list(dict.fromkeys(fake.name() for _ in range(320)))[:300]
    listed = ", ".join(names[:-1]) + " and " + names[-1]
    text = (f"The meeting was attended by {listed}." if voice == "passive"
            else f"{listed} attended the meeting.")
    ex = _extract(nlp, text)
    assert len(ex.entities) > 100  # the names are read
    assert [r for r in ex.relations if r.kind != "cooccurrence"] == []


@pytest.mark.parametrize("text, attribution", [
    # a reported verb that is itself a verb of report ("could announce", "charged") reports the words after it;
    # the words before it attribute the report to the speaker, and are nothing announced or charged
    ("Ortega said the commission could announce the names of the suspects on Monday.", "Ortega said"),
    ("Ortega denied the fishermen charged the refugees for passage to Brazil.", "Ortega denied the fishermen"),
    ("Professor Tomas Ortega of Velaro University demurred, saying:\n\"The plan is unfair to the farmers.\"",
     "Professor Tomas Ortega of Velaro University demurred"),
])
def test_claims_an_attribution_is_no_quote(nlp, text, attribution):
    quotes = _extract(nlp, text).quotes
    assert quotes and not [q.text for q in quotes if q.text == attribution]


@pytest.mark.parametrize("text", [
    'Tomas Ortega said:\n"The plan is unfair to the farmers of the valley."',
    'Tomas Ortega spoke at length, saying:\n"The plan is unfair to the farmers of the valley."',
])
def test_claims_a_quote_on_the_line_after_said_colon_is_the_speakers(nlp, text):
    quotes = _extract(nlp, text).quotes
    assert [(q.speaker, q.kind) for q in quotes] == [("person:tomas-ortega", "direct")]



@pytest.mark.parametrize("text", [
    "British farmers denied on Thursday that there was any danger to human health from their sheep.",
    "Peruvian fishermen said on Wednesday they had been forced at gunpoint to ferry the refugees across.",
])
def test_claims_people_named_by_trade_speak_for_no_country(nlp, text):
    quotes = _extract(nlp, text).quotes
    assert quotes and all(not q.speaker for q in quotes)



def _clause_entities(words, heads, deps, pos, names, verb):
    """The clause fallback's entities of ``verb`` in a sentence parsed by hand (names: start, end, key, type)."""
    import spacy
    from spacy.tokens import Doc

    from nlp.mentions import MentionIndex
    from nlp.records import Entity
    from nlp.relations.actors import Actors
    from nlp.relations.clauses import Clauses

    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    index = MentionIndex()
    for start, end, key, _ in names:
        index.add(start, end, key)
    actors = Actors(doc, index, [Entity(key, key, kind) for _, _, key, kind in names])
    return [a.key for a in Clauses(actors).clause_entities(doc[verb])]


@pytest.mark.parametrize("words, heads, deps, pos, names, verb", [
    # "the home run by Ruiz's Velaro Mission": the doer's own "by" phrase, and its owner, are no target
    (["home", "run", "by", "Ruiz", "'s", "Mission"], [0, 0, 1, 5, 3, 2],
     ["ROOT", "acl", "agent", "poss", "case", "pobj"], ["NOUN", "VERB", "ADP", "PROPN", "PART", "PROPN"],
     [(3, 4, "person:ruiz", "person"), (5, 6, "org:velaro-mission", "organization")], 1),
    # "studies at Peru's Velaro University": a name that qualifies another name says which one it is
    (["studies", "at", "Peru", "'s", "Velaro", "University"], [0, 0, 5, 2, 5, 1],
     ["ROOT", "prep", "poss", "case", "compound", "pobj"], ["VERB", "ADP", "PROPN", "PART", "PROPN", "PROPN"],
     [(2, 3, "country:PE", "country"), (4, 6, "org:velaro-university", "organization")], 0),
    # "proposed measures after reports that cattle could contract Velaro Fever": what the reports say
    (["proposed", "measures", "after", "reports", "that", "could", "contract", "Fever"], [0, 0, 0, 2, 6, 6, 3, 6],
     ["ROOT", "dobj", "prep", "pobj", "mark", "aux", "acl", "dobj"],
     ["VERB", "NOUN", "ADP", "NOUN", "SCONJ", "AUX", "VERB", "PROPN"], [(7, 8, "org:velaro-fever", "organization")], 0),
])
def test_claims_clause_fallback_takes_no_doer_phrase_qualifier_or_noun_complement(words, heads, deps, pos, names, verb):
    wanted = {"org:velaro-university"} if "University" in words else set()
    assert set(_clause_entities(words, heads, deps, pos, names, verb)) == wanted


def test_claims_clause_fallback_reads_no_deeper_than_six_links():
    # "backed the work of the staff of Peru" (Peru 5 links down) against "backed the work of the staff of
    # the office of Chile" (7 links down): a detail of a detail
    words = ["backed", "work", "of", "staff", "of", "Peru", "of", "office", "of", "Chile"]
    heads = [0, 0, 1, 2, 3, 4, 3, 6, 7, 8]
    deps = ["ROOT", "dobj", "prep", "pobj", "prep", "pobj", "prep", "pobj", "prep", "pobj"]
    pos = ["VERB", "NOUN", "ADP", "NOUN", "ADP", "PROPN", "ADP", "NOUN", "ADP", "PROPN"]
    names = [(5, 6, "country:PE", "country"), (9, 10, "country:CL", "country")]
    assert _clause_entities(words, heads, deps, pos, names, 0) == ["country:PE"]


@pytest.mark.parametrize("text, unwanted", [
    # a negated verb of speech reports nothing; the words after it are no quote
    ("Police also would not say why Ortega was being sent to a study class, the Velaro Rights Group said.", "why"),
    # "..., called the Ortega Society": a verb naming a noun says nothing; what comes before is no quote
    ("Chile had recently donated $30 million to the centre, called the Ortega Society.", "Chile"),
])
def test_claims_a_verb_that_says_nothing_gives_no_quote(nlp, text, unwanted):
    assert not [q.text for q in _extract(nlp, text).quotes if q.text.startswith(unwanted)]


def test_claims_fishermen_after_a_dateline_speak_for_no_country(nlp):
    text = ("Fishermen say forced to carry refugees.\n\nPUNO, Peru 1996-08-28\n\nPeruvian fishermen said on Wednesday "
            "they had been forced at gunpoint to ferry refugees fleeing the war in Bolivia to Peru, as a strike by "
            "more than 3,000 fishermen entered its ninth day.")
    assert [q.speaker for q in _extract(nlp, text).quotes if q.text.startswith("they had")] == [""]


@pytest.mark.parametrize("text, said", [
    ("Peru announced this week the demolition of a community centre in East Lima. "
     "City officials there said the centre was being erected illegally.", "the centre"),
    ("Peru said its navy would patrol the lake. Some 850 refugees have landed in recent weeks at the port of Puno, "
     "port officials say.", "Some 850"),
])
def test_claims_officials_of_a_body_the_text_does_not_name_are_nobody(nlp, text, said):
    quotes = _extract(nlp, text).quotes
    assert [q.speaker for q in quotes if q.text.startswith(said)] == [""]


@pytest.mark.parametrize("text, term", [
    # a short phrase quoted as a term in a clause whose doer is borrowed from another clause: no speaker
    ('Pedro Ortega, 45, a veteran dissident, said the police had beaten him. Last month he was ordered to serve '
     'one year of "re-education through labour", but released because of poor health.', "re-education"),
])
def test_claims_a_scare_quote_has_no_speaker(nlp, text, term):
    assert [q.speaker for q in _extract(nlp, text).quotes if q.text.startswith(term)] == [""]
