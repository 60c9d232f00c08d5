"""The entity step as a list: each pass one function named after it, one signature, the docstring from the list."""
from __future__ import annotations

import inspect

import pytest
from spacy.tokens import Doc

import nlp.entities.sieve as sieve
from nlp.entities.sieve import ENTITY_PASSES, extract_entities


@pytest.mark.parametrize("p", ENTITY_PASSES, ids=lambda p: p.name)
def test_sieve_pass_is_a_function_named_after_it(p):
    assert p.run.__name__ == p.name
    assert p.run.__module__.startswith("nlp.entities.passes.")
    assert list(inspect.signature(p.run).parameters) == ["cx"]
    assert inspect.getdoc(p.run)


@pytest.mark.parametrize("last", [("outlet_anaphora", "role_anaphora")])
def test_sieve_references_are_the_last_passes(last):
    assert tuple(p.name for p in ENTITY_PASSES[-len(last):]) == last


@pytest.mark.parametrize("doc", [sieve.__doc__])
def test_sieve_docstring_lists_every_pass_in_order(doc):
    where = [doc.index(f"``{p.name}``") for p in ENTITY_PASSES]
    assert where == sorted(where)


@pytest.mark.parametrize("words, pos, noun, key", [
    (["The", "news", "agency", "Reuters", "said", "so", "."], ["DET", "NOUN", "NOUN", "PROPN", "VERB", "ADV", "PUNCT"],
     2, "outlet:reuters"),
])
def test_sieve_outlet_anaphora_can_be_switched_off(blank_nlp, words, pos, noun, key):
    doc = Doc(blank_nlp.vocab, words=words, pos=pos)
    _, index = extract_entities(doc, "d1")
    assert index.key_of(noun) == key                    # "agency" right before the outlet's name stands for it
    _, index = extract_entities(doc, "d1", skip=frozenset({"outlet_anaphora"}))
    assert index.key_of(noun) is None


@pytest.mark.model
@pytest.mark.parametrize("text, role, key", [
    ("U.N. Secretary-General Ana Lopes arrived in Quito on Monday. The secretary-general criticised Ecuador.",
     "secretary-general", "person:ana-lopes"),
])
def test_sieve_role_anaphora_can_be_switched_off(nlp, text, role, key):
    doc = nlp(text)
    start = text.lower().rindex(role)
    token = next(t.i for t in doc if t.idx == start)
    _, index = extract_entities(doc, "d1")
    assert index.key_of(token) == key
    _, index = extract_entities(doc, "d1", skip=frozenset({"role_anaphora"}))
    assert index.key_of(token) is None


@pytest.mark.model
def test_sieve_mention_leaves_the_full_stop_to_the_line(nlp):
    """An abbreviation that ends a line shares its full stop with the sentence: the mention is the name."""
    from nlp.entities.sieve import extract_entities
    text = "Analysts at Tarnwick Securities Inc.\nTarnwick Securities Inc. said on Friday it would grow.\n"
    ents = extract_entities(nlp(text), "d1")[0]
    spans = sorted(text[m.start:m.end] for e in ents for m in e.mentions if "Tarnwick" in m.text)
    assert spans == ["Tarnwick Securities Inc", "Tarnwick Securities Inc."]
