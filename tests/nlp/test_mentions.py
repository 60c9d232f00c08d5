"""Node keys of names in every script: distinct names keep distinct keys (issue 23, row 2)."""
from __future__ import annotations

import pytest

from nlp.mentions import slug


@pytest.mark.parametrize("names", [
    ("Κυριάκος Μητσοτάκης", "Владимир Путин", "Владимир Зеленский", "习近平", "محمد بن سلمان", "नरेंद्र मोदी"),
])
def test_mentions_slug_keeps_names_of_other_scripts_apart(names):
    keys = [slug(n) for n in names]
    assert len(set(keys)) == len(names) and "x" not in keys
    assert all(k.isascii() for k in keys)


@pytest.mark.parametrize("name, key", [
    ("Hélène Dupré", "helene-dupre"), ("Łukasz Nowak", "ukasz-nowak"), ("Søren Kierkegaard", "s-ren-kierkegaard"),
    ("José María Aznar", "jose-maria-aznar"), ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
    ("Ana µ Lopes", "ana-lopes"), ("", "x"),
])
def test_mentions_slug_of_latin_names_is_as_before(name, key):
    assert slug(name) == key


@pytest.mark.model
@pytest.mark.parametrize("text", ["Greek Prime Minister Κυριάκος Μητσοτάκης met Russian President "
                                  "Владимир Путин in Athens on Monday, Reuters said."])
def test_mentions_greek_and_russian_leaders_are_two_nodes(nlp, text):
    from newsgraph.api import graph_of
    from nlp.extract import extract
    from nlp.records import Document

    G = graph_of([extract(nlp(text), Document("d", text))])
    people = {G.nodes[n]["label"]: n for n in G if n.startswith("person:")}
    assert people == {"Κυριάκος Μητσοτάκης": "person:kyriakos-mitsotakis", "Владимир Путин": "person:vladimir-putin"}
