"""Passive clauses whose undergoer is not their own subject: a relative pronoun and a controlled infinitive.

"Ana Velasquez, who was arrested by Corvan police, ...": the relative pronoun
stands for the noun it modifies; "Norvik Holdings agreed to be acquired by
Dalmar Inc": the governor's subject undergoes the passive infinitive. Names
and sentences of our own.
"""
from __future__ import annotations

import pytest

from nlp.extract import document_relations, reading_of
from tests.nlp.test_relations import analyse

pytestmark = pytest.mark.model

NAMES = {
    "Norvik Holdings": "org:norvik-holdings", "Dalmar Inc": "org:dalmar-inc",
    "Ana Velasquez": "person:ana-velasquez", "Tarsa Foundation": "org:tarsa-foundation",
    "Corvania": "country:CV", "Bruno Ostrel": "person:bruno-ostrel",
}


def _actions(nlp, text: str) -> set[tuple[str, str, str]]:
    doc, index, entities = analyse(nlp, text, NAMES)
    reading = reading_of(doc, "d1", entities, index)
    return {(r.source, r.verb, r.target) for r in document_relations(reading) if r.kind != "cooccurrence"}


@pytest.mark.parametrize("text, expected", [
    ("Norvik Holdings has agreed to be acquired by Dalmar Inc for $40 a share.",
     ("org:dalmar-inc", "acquire", "org:norvik-holdings")),
    ("Ana Velasquez refused to be questioned by Corvania.",
     ("country:CV", "question", "person:ana-velasquez")),
])
def test_controlled_passive_infinitive_is_undergone_by_the_governor_subject(nlp, text, expected):
    assert expected in _actions(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("The ministry declined to comment on Ana Velasquez, who was honoured by the Tarsa Foundation last year.",
     ("org:tarsa-foundation", "honour", "person:ana-velasquez")),
    ("Bruno Ostrel, who was arrested by Corvania in May, left the country on Friday.",
     ("country:CV", "arrest", "person:bruno-ostrel")),
])
def test_relative_pronoun_passive_subject_is_the_modified_noun(nlp, text, expected):
    assert expected in _actions(nlp, text)


def test_object_control_is_not_the_subject(nlp):
    # "asked Dalmar Inc to be ...": the object, not Norvik Holdings, is the one asked of
    text = "Norvik Holdings asked Dalmar Inc to be audited by Corvania."
    assert ("country:CV", "audit", "org:norvik-holdings") not in _actions(nlp, text)
