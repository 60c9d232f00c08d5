"""Employers: a name before a staff role and a person's name is where that person works.

The sentences are invented for these tests.
"""
from __future__ import annotations

import pytest


def _types(nlp, text, names):
    from nlp.entities.candidates import Candidate, EntityContext
    from nlp.entities.passes.organisations import employers
    doc = nlp(text)
    cands = []
    for name, typ in names:
        words = name.split()
        for i in range(len(doc) - len(words) + 1):
            if [t.text for t in doc[i:i + len(words)]] == words:
                prefix = {"person": "person", "place": "place"}[typ]
                cands.append(Candidate(i, i + len(words), "PERSON", name, i, typ, f"{prefix}:{name.lower()}"))
    cands.sort(key=lambda c: c.start)
    employers(EntityContext(doc, cands))
    return [(c.text, c.type) for c in cands]


@pytest.mark.model
def test_employers_name_before_staff_role_is_an_organisation(nlp):
    text = "Tarnby manager Ana Ruiz said the side was tired. Tarnby play again on Sunday."
    got = _types(nlp, text, [("Tarnby", "person"), ("Ana Ruiz", "person")])
    assert got == [("Tarnby", "organization"), ("Ana Ruiz", "person"), ("Tarnby", "organization")]


@pytest.mark.model
def test_employers_unknown_place_before_owner_is_an_organisation(nlp):
    text = "Brindleys owner Jan Tarnow thanked the fans."
    assert _types(nlp, text, [("Brindleys", "place"), ("Jan Tarnow", "person")])[0] == ("Brindleys", "organization")


@pytest.mark.model
def test_employers_family_name_stays_the_person(nlp):
    text = "Ana Velloso won the vote. Velloso spokesman Jan Tarnow said she was pleased."
    got = _types(nlp, text, [("Ana Velloso", "person"), ("Velloso", "person"), ("Jan Tarnow", "person")])
    assert ("Velloso", "person") in got
