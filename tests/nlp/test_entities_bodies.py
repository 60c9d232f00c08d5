"""An officer's title is a public office only when the body is public ("Air France chairman" is no official)."""
from __future__ import annotations

import pytest

from nlp.entities import bodies
from nlp.entities.sieve import extract_entities


@pytest.mark.parametrize("name, public", [
    ("Foreign Ministry", True),
    ("Security Council", True),
    ("European Commission", True),
    ("EU", True),
    ("Ministry of Fisheries", True),
    ("Pentagon", True),
    ("Velmora Party", True),
    ("Hamas", True),                         # a political movement of the Phoenix MilNonState actors
    ("Velmora Airways", False),
    ("National Beekeepers Union", False),
    ("Association of Tarrow Millers", False),
])
def test_bodies_public_or_private(name, public):
    assert bodies.is_public_body(name) is public


def _types(nlp, text, *names):
    ents = extract_entities(nlp(text), "d1")[0]
    return [next(e.type for e in ents if e.label == n or n in e.aliases) for n in names]


@pytest.mark.model
def test_bodies_company_chairman_is_a_person(nlp):
    text = ("The strike went on, Velmora Airways chairman Tomas Brenneck said on Monday. "
            "Brenneck said the planes would fly.")
    assert _types(nlp, text, "Tomas Brenneck") == ["person"]


@pytest.mark.model
def test_bodies_union_spokesman_is_a_person(nlp):
    text = ('"We will not give in," National Beekeepers Union spokesman Arvid Pellow said on Tuesday.')
    assert _types(nlp, text, "Arvid Pellow") == ["person"]


@pytest.mark.model
def test_bodies_spokesman_for_an_association_is_a_person(nlp):
    text = ("The talks failed, said Ralf Hemmick, spokesman for the Association of Tarrow Millers, "
            "on Wednesday.")
    assert _types(nlp, text, "Ralf Hemmick") == ["person"]


@pytest.mark.model
def test_bodies_ministry_spokesman_stays_an_official(nlp):
    text = "Foreign Ministry spokesman Tomas Brenneck said on Monday the talks would go on."
    assert _types(nlp, text, "Tomas Brenneck") == ["official"]


@pytest.mark.model
def test_bodies_text_role_outranks_the_dictionary(nlp, monkeypatch):
    from nlp.entities.passes import people
    monkeypatch.setattr(people, "main_name", lambda name: "Tomas Brenneck" if name == "Tomas Brenneck" else None)
    text = "Velmora Airways chairman Tomas Brenneck said on Monday the planes would fly."
    assert _types(nlp, text, "Tomas Brenneck") == ["person"]
    text = "Tomas Brenneck said on Monday the planes would fly."
    assert _types(nlp, text, "Tomas Brenneck") == ["official"]
