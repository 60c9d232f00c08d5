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


@pytest.mark.model
def test_companies_first_word_the_model_left_out_opens_the_name(nlp):
    # the model tags "Medical Industries Inc" alone after the dateline
    text = ("Deal completed.\n\nST. LOUIS 1996-08-30\n\nHarris Medical Industries Inc said Friday it completed "
            "the acquisition of Velcom Labs.")
    labels = [e.label for e in extract_entities(nlp(text), "d1")[0] if e.type == "organization"]
    assert "Harris Medical Industries Inc" in labels
    assert "Medical Industries Inc" not in labels
