"""A company's name without its legal form is the company ("Dorrance & Pellow" of "Dorrance & Pellow Co")."""
from __future__ import annotations

import pytest

from nlp.entities.sieve import extract_entities


@pytest.mark.model
def test_companies_name_without_legal_form_joins_the_company(nlp):
    text = ("Shares of Dorrance & Pellow Co rose 4 percent on Monday. Dorrance & Pellow has 4.4 million "
            "shares outstanding. Rivals Carvel Industries Inc and Lorne Corp fell. Magna, Carvel Industries "
            "and Lorne make seats.")
    ents = extract_entities(nlp(text), "d1")[0]
    orgs = {e.label: e for e in ents if e.type == "organization"}
    dorrance = [e for e in ents if "Dorrance" in e.label]
    assert len(dorrance) == 1
    carvel = [e for e in ents if "Carvel" in e.label]
    assert [e.type for e in carvel] == ["organization"]
    assert orgs
