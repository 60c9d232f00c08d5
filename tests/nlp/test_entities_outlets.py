"""News outlets from the lexicon and from context (nlp/entities/outlets.py)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from nlp.entities.outlets import find_outlets


def _doc(vocab, tagged: str, ents=None) -> Doc:
    """"told/VERB the/DET Jornal/PROPN" -> a Doc with those parts of speech."""
    words, pos = zip(*(w.rsplit("/", 1) for w in tagged.split()))
    return Doc(vocab, words=list(words), pos=list(pos), ents=ents)


def _names(doc):
    return [(doc[o.start:o.end].text, o.name, o.via) for o in find_outlets(doc)]


@pytest.mark.parametrize("tagged, name", [
    ("Officials/NOUN told/VERB Jornal/PROPN Diario/PROPN that/SCONJ it/PRON failed/VERB", "Jornal Diario"),
    ("Prices/NOUN rose/VERB ,/PUNCT according/VERB to/ADP the/DET Lusaka/PROPN Times/PROPN", "Lusaka Times"),
    ("the/DET state/NOUN -/PUNCT run/VERB Gazeta/PROPN Nowa/PROPN said/VERB so/ADV", "Gazeta Nowa"),
    ("in/ADP an/DET interview/NOUN with/ADP Oslo/PROPN 's/PART Dagbladet/PROPN", "Dagbladet"),
    ("The/DET talks/NOUN failed/VERB ,/PUNCT Radio/PROPN Mundial/PROPN reported/VERB ./PUNCT", "Radio Mundial"),
    ("Radio/PROPN Mundial/PROPN quoted/VERB the/DET minister/NOUN", "Radio Mundial"),
])
def test_outlets_from_context(blank_nlp, tagged, name):
    assert (name, name, "context") in _names(_doc(blank_nlp.vocab, tagged))


@pytest.mark.parametrize("tagged, ents", [
    ("Officials/NOUN told/VERB Ana/PROPN Lopes/PROPN that/SCONJ it/PRON failed/VERB",
     ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]),                   # a person, not an outlet
    ("Officials/NOUN told/VERB Peru/PROPN that/SCONJ it/PRON failed/VERB", None),  # a country
])
def test_outlets_context_that_names_no_outlet(blank_nlp, tagged, ents):
    assert _names(_doc(blank_nlp.vocab, tagged, ents)) == []


@pytest.mark.parametrize("words, heads, deps", [
    (["Acme", "reported", "a", "loss"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "dobj"]),
    (["Acme", "reports", "profits"], [1, 1, 1], ["nsubj", "ROOT", "dobj"]),
])
def test_outlets_company_report_with_an_object_is_no_outlet(blank_nlp, words, heads, deps):
    doc = Doc(blank_nlp.vocab, words=words, heads=heads, deps=deps,
              pos=["PROPN", "VERB"] + ["DET", "NOUN"][-(len(words) - 2):])
    assert _names(doc) == []


@pytest.mark.parametrize("tagged, ents, name", [
    ("Aid/NOUN arrived/VERB ,/PUNCT Al/PROPN Jazeera/PROPN said/VERB", None, "Al Jazeera"),
    ("Markus/PROPN told/VERB Der/PROPN Spiegel/PROPN so/ADV", ["O", "O", "B-PERSON", "I-PERSON", "O"], "Der Spiegel"),
    ("The/DET Wall/PROPN Street/PROPN Journal/PROPN said/VERB so/ADV", None, "The Wall Street Journal"),
    ("Kyodo/PROPN said/VERB so/ADV", None, "Kyodo News"),
])
def test_outlets_from_the_lexicon_with_canonical_names(blank_nlp, tagged, ents, name):
    assert [o[1] for o in _names(_doc(blank_nlp.vocab, tagged, ents))] == [name]


@pytest.mark.parametrize("tagged, ents", [
    ("Time/NOUN is/AUX short/ADJ", ["B-ORG", "O", "O"]),                              # a common word
    ("The/DET North/PROPN Atlantic/PROPN Treaty/PROPN Organization/PROPN met/VERB",
     ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]),                               # inside a longer name
    ("Ships/NOUN crossed/VERB the/DET Atlantic/PROPN", ["O", "O", "O", "B-LOC"]),      # a place
])
def test_outlets_lexicon_word_that_is_no_outlet_here(blank_nlp, tagged, ents):
    assert _names(_doc(blank_nlp.vocab, tagged, ents)) == []


@pytest.mark.parametrize("tagged", [
    "The/DET minister/NOUN told/VERB Parliament/PROPN that/SCONJ prices/NOUN rose/VERB",
    "Prices/NOUN rose/VERB ,/PUNCT according/VERB to/ADP the/DET Pentagon/PROPN",
    "He/PRON told/VERB the/DET House/PROPN of/ADP Commons/PROPN so/ADV",
    "Prices/NOUN rose/VERB ,/PUNCT according/VERB to/ADP the/DET World/PROPN Bank/PROPN",
])
def test_outlets_institutions_after_a_cue_are_no_outlets(blank_nlp, tagged):
    assert _names(_doc(blank_nlp.vocab, tagged)) == []


@pytest.mark.parametrize("tagged, name", [
    ("Prices/NOUN rose/VERB ,/PUNCT according/VERB to/ADP the/DET Fars/PROPN News/PROPN Agency/PROPN",
     "Fars News Agency"),
])
def test_outlets_newsroom_names_after_a_cue_are_outlets(blank_nlp, tagged, name):
    assert (name, name, "context") in _names(_doc(blank_nlp.vocab, tagged))


@pytest.mark.parametrize("tagged, ents, name", [
    # a kind-of-outlet noun right before a name overrules the model's tag
    ("Ortega/PROPN spoke/VERB to/ADP state/NOUN broadcaster/NOUN Vostok/PROPN Plus/PROPN",
     ["B-PERSON", "O", "O", "O", "O", "B-GPE", "I-GPE"], "Vostok Plus"),
    ("She/PRON told/VERB the/DET news/NOUN agency/NOUN Lusa/PROPN that/SCONJ it/PRON failed/VERB",
     ["O", "O", "O", "O", "O", "B-PERSON", "O", "O", "O"], "Lusa"),
    ("the/DET daily/NOUN Kurier/PROPN said/VERB so/ADV", None, "Kurier"),
])
def test_outlets_from_a_kind_of_outlet_noun(blank_nlp, tagged, ents, name):
    assert (name, name, "context") in _names(_doc(blank_nlp.vocab, tagged, ents))


@pytest.mark.parametrize("tagged", [
    # "agency" alone is no outlet cue: "the agency Frontex" is an EU body
    "the/DET agency/NOUN Frontex/PROPN said/VERB so/ADV",
])
def test_outlets_agency_without_news_is_no_cue(blank_nlp, tagged):
    assert _names(_doc(blank_nlp.vocab, tagged)) == []


@pytest.mark.parametrize("tagged, name", [
    # a wire credit in a dateline is an outlet even when the model left it untagged
    ("LIMA/PROPN ,/PUNCT Peru/PROPN (/PUNCT AFP/PROPN )/PUNCT -/PUNCT Police/NOUN fired/VERB", "Agence France-Presse"),
])
def test_outlets_parenthesised_wire_credit_is_an_outlet(blank_nlp, tagged, name):
    assert [n for _, n, _ in _names(_doc(blank_nlp.vocab, tagged))] == [name]


@pytest.mark.parametrize("tagged, ents, name", [
    # a news site named after a news word, whatever the model calls it
    ("according/VERB to/ADP the/DET news/NOUN site/NOUN Hirado/PROPN", ["O"] * 5 + ["B-ORG"], "Hirado"),
])
def test_outlets_news_site_is_an_outlet(blank_nlp, tagged, ents, name):
    assert (name, name, "context") in _names(_doc(blank_nlp.vocab, tagged, ents))


@pytest.mark.parametrize("tagged, ents, expected", [
    # "..., El Tiempo reported ." tagged a place: a name no gazetteer knows is the newspaper
    ("El/PROPN Tiempo/PROPN reported/VERB ./PUNCT", ["B-GPE", "I-GPE", "O", "O"], ["El Tiempo"]),
    ("Hamburg/PROPN reported/VERB ./PUNCT", ["B-GPE", "O", "O"], []),          # a real city stays a city
])
def test_outlets_unknown_place_that_reports_is_an_outlet(blank_nlp, tagged, ents, expected):
    doc = _doc(blank_nlp.vocab, tagged, ents)
    for t in doc:
        if t.text in ("Tiempo", "Hamburg"):
            t.dep_ = "nsubj"
    assert [n for _, n, _ in _names(doc)] == expected


@pytest.mark.parametrize("tagged, name", [
    ("Ruiz/PROPN told/VERB TV/PROPN -/PUNCT Azteca/PROPN News/PROPN that/SCONJ it/PRON failed/VERB", "TV-Azteca News"),
])
def test_outlets_hyphen_inside_a_name_after_a_cue(blank_nlp, tagged, name):
    words, pos = zip(*(w.rsplit("/", 1) for w in tagged.split()))
    spaces = [w not in ("TV", "-") for w in words]
    doc = Doc(blank_nlp.vocab, words=list(words), pos=list(pos), spaces=spaces)
    assert [doc[s:e].text for s, e, _ in [(o.start, o.end, o.name) for o in find_outlets(doc)]] == [name]


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("Gazeta Lubuska daily said on Saturday that the bank would bid.", "Gazeta Lubuska"),
    ("Novosti Kavkaza news agency quoted the general as saying he would leave.", "Novosti Kavkaza"),
])
def test_outlets_kind_after_the_name_with_a_report_verb(nlp, text, name):
    from nlp.entities.sieve import extract_entities
    found = {e.label: e.type for e in extract_entities(nlp(text), "d1")[0]}
    assert found.get(name) == "outlet"


@pytest.mark.model
@pytest.mark.parametrize("text, outlets", [
    ("The Kolvan Party, a Hindu nationalist group, won the vote on Sunday.", []),
    ("Hindu nationalists marched through the town on Sunday.", []),
    ("The Hindu reported the vote on Sunday.", ["The Hindu"]),
    ("Kyodo news agency reported the vote on Sunday.", ["Kyodo News"]),
])
def test_outlet_word_inside_a_group_name_is_no_outlet(nlp, text, outlets):
    from nlp.entities.outlets import find_outlets
    assert [o.name for o in find_outlets(nlp(text))] == outlets


@pytest.mark.parametrize("tagged, ents, name", [
    ("The/DET Sunday/PROPN Telegraph/PROPN quoted/VERB her/PRON", None, "The Sunday Telegraph"),
    ("the/DET Sunday/PROPN Telegraph/PROPN said/VERB so/ADV", None, "The Sunday Telegraph"),
    ("On/ADP Sunday/PROPN Reuters/PROPN reported/VERB it/PRON",
     ["O", "B-DATE", "B-ORG", "O", "O"], "Reuters"),                       # a day, no edition
    ("The/DET Telegraph/PROPN said/VERB so/ADV", None, "The Daily Telegraph"),
])
def test_outlets_a_weekend_edition_is_a_paper_of_its_own(blank_nlp, tagged, ents, name):
    assert [o[1] for o in _names(_doc(blank_nlp.vocab, tagged, ents))] == [name]


@pytest.mark.parametrize("tagged, names", [
    ("The/DET Australian/PROPN dollar/NOUN fell/VERB", []),                         # a currency
    ("The/DET Australian/PROPN government/NOUN said/VERB so/ADV", []),              # a state
    ("The/DET Australian/PROPN reported/VERB it/PRON", ["The Australian"]),         # the paper
    ("The/DET Australian/PROPN newspaper/NOUN said/VERB so/ADV", ["The Australian"]),
])
def test_outlets_a_demonym_that_qualifies_a_noun_is_no_outlet(blank_nlp, tagged, names):
    assert [o[1] for o in _names(_doc(blank_nlp.vocab, tagged))] == names
