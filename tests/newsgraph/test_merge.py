"""One node per entity across documents (newsgraph/merge.py)."""
from __future__ import annotations

import pytest

from nlp.records import Entity, Evidence, Extraction, Mention, Relation
from newsgraph.merge import merge


def _ent(doc, key, label, typ, aliases=(), roles=(), affiliation=""):
    return Entity(key, label, typ, tuple(aliases), tuple(roles), (Mention(doc, 0, len(label), label, typ),), affiliation)


def _by_key(entities):
    return {e.key: e for e in entities}


@pytest.mark.parametrize("key, label, typ", [("country:PE", "Peru", "country"), ("outlet:reuters", "Reuters", "outlet"),
                                             ("person:ana-lopes", "Ana Lopes", "person")])
def test_resolve_same_entity_in_two_documents_is_one_node(key, label, typ):
    ents, _ = merge([Extraction("a", (_ent("a", key, label, typ),)), Extraction("b", (_ent("b", key, label, typ),))])
    assert len(ents) == 1
    assert ents[0].docs == ("a", "b")
    assert len(ents[0].mentions) == 2


@pytest.mark.parametrize("short, full", [("Lopes", "Ana Lopes"), ("Moon", "Moon Jae-in")])
def test_resolve_lone_name_in_another_document_joins_the_full_name(short, full):
    a = Extraction("a", (_ent("a", "person:" + full.lower().replace(" ", "-"), full, "official", roles=("President",)),))
    b = Extraction("b", (_ent("b", "person:" + short.lower(), short, "person"),),
                   (Relation("person:" + short.lower(), "country:PE", "action", "visit"),))
    ents, rels = merge([a, b])
    found = _by_key(ents)
    key = "person:" + full.lower().replace(" ", "-")
    assert list(found) == [key]
    assert found[key].type == "official"
    assert short in found[key].aliases
    assert rels[0].source == key


def test_resolve_lone_surname_shared_by_two_people_stays_apart():
    a = Extraction("a", (_ent("a", "person:george-bush", "George Bush", "person"),
                         _ent("a", "person:laura-bush", "Laura Bush", "person")))
    b = Extraction("b", (_ent("b", "person:bush", "Bush", "person"),))
    assert set(_by_key(merge([a, b])[0])) == {"person:george-bush", "person:laura-bush", "person:bush"}


@pytest.mark.parametrize("long_key, long, short", [
    ("org:world-trade-organization", "World Trade Organization", "WTO"),
    ("outlet:associated-press", "Associated Press", "AP"),
])
def test_resolve_abbreviation_alias_in_another_document_is_one_node(long_key, long, short):
    typ = "outlet" if long_key.startswith("outlet") else "organization"
    prefix = long_key.split(":")[0]
    a = Extraction("a", (_ent("a", long_key, long, typ, aliases=(short,)),
                         _ent("a", "person:ana-lopes", "Ana Lopes", "person", affiliation=f"{prefix}:{short.lower()}")))
    b = Extraction("b", (_ent("b", f"{prefix}:{short.lower()}", short, typ),))
    found = _by_key(merge([a, b])[0])
    assert set(found) == {long_key, "person:ana-lopes"}
    assert found[long_key].docs == ("a", "b")
    assert found["person:ana-lopes"].affiliation == long_key


def test_resolve_official_type_and_roles_survive_the_merge():
    a = Extraction("a", (_ent("a", "person:ana-lopes", "Ana Lopes", "person"),))
    b = Extraction("b", (_ent("b", "person:ana-lopes", "Ana Lopes", "official", roles=("Finance Minister",)),))
    c = Extraction("c", (_ent("c", "person:ana-lopes", "Ana Lopes", "official", roles=("finance minister",)),))
    (ent,), _ = merge([a, b, c])
    assert (ent.type, ent.roles) == ("official", ("Finance Minister",))


def test_resolve_relation_between_merged_names_of_one_person_is_dropped():
    ev = (Evidence("b", "Lopes praised Ana Lopes.", 0, 24),)
    a = Extraction("a", (_ent("a", "person:ana-lopes", "Ana Lopes", "person"),))
    b = Extraction("b", (_ent("b", "person:lopes", "Lopes", "person"),),
                   (Relation("person:lopes", "person:ana-lopes", "action", "praise", evidence=ev),))
    assert merge([a, b])[1] == []


@pytest.mark.model
@pytest.mark.parametrize("first, second, key", [
    ("Peruvian Finance Minister Ana Lopes met bankers in Lima.", "Lopes said the budget was safe.", "person:ana-lopes"),
    ("South Korean President Moon Jae-in met farmers.", "Moon said Seoul wanted peace.", "person:moon-jae-in"),
    ("The North Atlantic Treaty Organization (NATO) met in Brussels.", "NATO said it was united.",
     "org:north-atlantic-treaty-organization"),
])
def test_resolve_the_same_entity_in_two_articles_is_one_node(nlp, first, second, key):
    from nlp.entities.sieve import extract_entities

    extractions = [Extraction(doc_id, tuple(extract_entities(nlp(text), doc_id)[0]))
                   for doc_id, text in (("a", first), ("b", second))]
    found = _by_key(merge(extractions)[0])
    assert found[key].docs == ("a", "b")
    assert not any(k != key and found[k].label in found[key].aliases for k in found)


@pytest.mark.parametrize("place_key, label, joins", [
    ("place:kowalczyk", "Kowalczyk", True),      # no gazetteer knows it: the surname the model mislabelled
    ("place:hamburg", "Hamburg", False),          # a real city stays a city
])
def test_resolve_one_word_place_that_is_only_a_surname_joins_the_person(place_key, label, joins):
    a = Extraction("a", (_ent("a", f"person:anna-{label.lower()}", f"Anna {label}", "person"),))
    b = Extraction("b", (_ent("b", place_key, label, "place"),))
    keys = set(_by_key(merge([a, b])[0]))
    assert (place_key not in keys) is joins


def test_resolve_lone_given_name_in_another_story_stays_apart():
    # "his sister Velma" is not the Velma Rask of another story, who is never called "Velma" there
    a = Extraction("a", (_ent("a", "person:velma-rask", "Velma Rask", "person", aliases=("Rask",)),))
    b = Extraction("b", (_ent("b", "person:velma", "Velma", "person"),))
    assert set(_by_key(merge([a, b])[0])) == {"person:velma-rask", "person:velma"}


def test_resolve_lone_given_name_joins_where_the_person_is_called_so():
    a = Extraction("a", (_ent("a", "person:velma-rask", "Velma Rask", "person", aliases=("Velma",)),))
    b = Extraction("b", (_ent("b", "person:velma", "Velma", "person"),))
    assert set(_by_key(merge([a, b])[0])) == {"person:velma-rask"}


def test_resolve_surname_two_people_of_its_own_story_share_stays_apart():
    # the story of Ana and Luis Ruiz left "Ruiz" unresolved, though one of them is labelled by another name
    a = Extraction("a", (_ent("a", "person:ana-ruiz", "Ana Ruiz", "person"),))
    b = Extraction("b", (_ent("b", "person:ana-ruiz", "Ana Ruiz", "person"),
                         _ent("b", "person:luis-ruiz", "Luis Alberto", "person", aliases=("Luis Ruiz",)),
                         _ent("b", "person:ruiz", "Ruiz", "person")))
    assert "person:ruiz" in _by_key(merge([a, b])[0])
