"""Roles around a person's name, and whom a role belongs to (nlp/entities/roles.py)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from nlp.entities.roles import EntityView, appositive_role, predicate_role, title_before


def _name(doc, text):
    """The span of the first PERSON entity whose text is ``text``."""
    return next(e for e in doc.ents if e.text == text)


@pytest.mark.parametrize("words, pos, ents, role, kind, affiliation, fragments", [
    (["Foreign", "Affairs", "Minister", "Ana", "Lopes", "spoke"], ["PROPN"] * 5 + ["VERB"],
     ["O", "O", "O", "B-PERSON", "I-PERSON", "O"], "Foreign Affairs Minister", "official", None, ()),
    (["Energy", "and", "Mines", "Minister", "Tim", "Walsh", "spoke"],
     ["PROPN", "CCONJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB"],
     ["B-ORG", "O", "O", "O", "B-PERSON", "I-PERSON", "O"], "Energy and Mines Minister", "official", None, ((0, 1),)),
    (["French", "President", "Paul", "Roux", "spoke"], ["ADJ", "PROPN", "PROPN", "PROPN", "VERB"],
     ["B-NORP", "O", "B-PERSON", "I-PERSON", "O"], "President", "official", (0, 1), ()),
    (["former", "Prime", "Minister", "Jan", "Kos", "spoke"], ["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB"],
     ["O", "O", "O", "B-PERSON", "I-PERSON", "O"], "former Prime Minister", "official", None, ()),
    (["Siemens", "executive", "Klaus", "Berg", "spoke"], ["PROPN", "NOUN", "PROPN", "PROPN", "VERB"],
     ["B-ORG", "O", "B-PERSON", "I-PERSON", "O"], "Siemens executive", "person", (0, 1), ()),
    (["Secretary", "of", "State", "Ann", "Kay", "spoke"], ["PROPN", "ADP", "PROPN", "PROPN", "PROPN", "VERB"],
     ["O", "O", "B-ORG", "B-PERSON", "I-PERSON", "O"], "Secretary of State", "official", None, ((2, 3),)),
])
def test_roles_title_before_a_name(blank_nlp, words, pos, ents, role, kind, affiliation, fragments):
    doc = Doc(blank_nlp.vocab, words=words, pos=pos, ents=ents)
    name = next(e for e in doc.ents if e.label_ == "PERSON")
    found = title_before(name)
    assert (found.text, found.kind, found.affiliation, found.fragments) == (role, kind, affiliation, fragments)


@pytest.mark.parametrize("words, pos", [
    (["The", "jailing", "of", "Ana", "Lopes", "ended"], ["DET", "NOUN", "ADP", "PROPN", "PROPN", "VERB"]),
    (["Yesterday", "Ana", "Lopes", "spoke"], ["NOUN", "PROPN", "PROPN", "VERB"]),
])
def test_roles_no_title_no_role(blank_nlp, words, pos):
    ents = ["B-PERSON" if w == "Ana" else "I-PERSON" if w == "Lopes" else "O" for w in words]
    doc = Doc(blank_nlp.vocab, words=words, pos=pos, ents=ents)
    assert title_before(_name(doc, "Ana Lopes")) is None


@pytest.mark.parametrize("owner_label", ["PERSON", "GPE"])
def test_roles_owner_of_the_office_is_the_affiliation_whatever_its_label(blank_nlp, owner_label):
    doc = Doc(blank_nlp.vocab, words=["Bavaria", "Premier", "Hans", "Weber", "spoke"], pos=["PROPN"] * 4 + ["VERB"],
              ents=[f"B-{owner_label}", "O", "B-PERSON", "I-PERSON", "O"])
    role = title_before(doc[2:4])
    assert (role.text, role.affiliation) == ("Premier", (0, 1))


@pytest.mark.model
@pytest.mark.parametrize("text, name, role, affiliation", [
    ("Gerhard Schmidt, the mayor of Hamburg, told reporters that he agreed.", "Gerhard Schmidt", "mayor", "Hamburg"),
    ("Maria Jensen, dean of economics at Leiden University, said the plan was risky.", "Maria Jensen",
     "dean of economics", "Leiden University"),
])
def test_roles_apposition(nlp, text, name, role, affiliation):
    doc = nlp(text)
    found = appositive_role(_name(doc, name))
    assert found.text == role
    assert doc[found.affiliation[0]:found.affiliation[1]].text == affiliation


@pytest.mark.model
@pytest.mark.parametrize("text, name, role", [
    ("Mark Rutte became the Dutch prime minister in 2010.", "Mark Rutte", "prime minister"),
    ("Ana Lopes is the new finance minister.", "Ana Lopes", "finance minister"),
    ("Ana Lopes was elected president of Peru in 2010.", "Ana Lopes", "president"),
    ("Ana Lopes was appointed foreign minister in March.", "Ana Lopes", "foreign minister"),
    ("Maria Santos served as defence minister until 2009.", "Maria Santos", "defence minister"),
    ("Ana Lopes, who became prime minister in May, met Carlos Ruiz.", "Ana Lopes", "prime minister"),
    ("Ana Lopes, who was sworn in as president on Monday, met Carlos Ruiz.", "Ana Lopes", "president"),
])
def test_roles_predicate(nlp, text, name, role):
    doc = nlp(text)
    assert predicate_role(_name(doc, name)).text == role


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("Maria Santos named Carlos Ruiz foreign minister on Monday.", "Maria Santos"),  # the office is Ruiz's
    ("John Smith appointed Carlos Ruiz as foreign minister.", "John Smith"),
    ("Ana Lopes, who met the president on Monday, said little.", "Ana Lopes"),    # met one, is none
    ("Ana Lopes was named as a suspect.", "Ana Lopes"),                           # no office
])
def test_roles_predicate_gives_no_office_to_whoever_does_not_take_it(nlp, text, name):
    assert predicate_role(_name(doc := nlp(text), name)) is None, doc


@pytest.mark.parametrize("spans, i, label, extent", [
    ([(0, 2, "PERSON"), (3, 4, "GPE")], 1, "PERSON", (0, 2)),
    ([(0, 2, "PERSON"), (3, 4, "GPE")], 2, "", (2, 3)),
])
def test_roles_entity_view_answers_label_and_extent(spans, i, label, extent):
    view = EntityView(spans)
    assert (view.label_at(i), view.extent_at(i)) == (label, extent)


@pytest.mark.parametrize("place, role", [("Lima", "envoy"), ("Quito", "ambassador")])
def test_roles_apposition_hung_on_the_place_of_the_role(blank_nlp, place, role):
    # "Kenya's <role> in <place>, Ana Wanjiru, spoke": the parser makes the name an apposition of the place
    words = ["Kenya", "'s", role, "in", place, ",", "Ana", "Wanjiru", ",", "spoke"]
    doc = Doc(blank_nlp.vocab, words=words, heads=[2, 0, 9, 2, 3, 4, 7, 4, 2, 9],
              deps=["poss", "case", "nsubj", "prep", "pobj", "punct", "compound", "appos", "punct", "ROOT"],
              ents=["B-GPE", "O", "O", "O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O", "O"])
    found = appositive_role(_name(doc, "Ana Wanjiru"))
    assert (found.text, found.kind, found.affiliation) == (role, "official", (0, 1))
