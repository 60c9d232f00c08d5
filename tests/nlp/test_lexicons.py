"""The data files beside the code (nlp/lexicons.py)."""
from __future__ import annotations

from importlib import resources

import pytest

from nlp import lexicons


@pytest.mark.parametrize("name", ["titles.tsv", "outlets.txt", "portfolios.txt", "org_heads.txt", "demonyms.tsv", "outlet_heads.txt",
                                  "country_short_forms.tsv", "proposal_nouns.txt"])
def test_lexicons_every_data_file_says_where_it_comes_from(name):
    text = resources.files("nlp.data").joinpath(name).read_text(encoding="utf-8")
    header = [ln for ln in text.splitlines() if ln.startswith("#")]
    assert header and any("Source" in ln or "source" in ln for ln in header)


@pytest.mark.parametrize("words, expected", [
    (["Foreign", "Affairs", "Minister"], (1, "official")),
    (["the", "prime", "minister"], (2, "official")),
    (["Vice", "-", "President"], (3, "official")),
    (["media", "mogul"], (1, "person")),
    (["chief", "executive"], (2, "person")),
    (["big", "house"], None),
])
def test_lexicons_role_match_finds_the_role_at_the_end(words, expected):
    assert lexicons.role_match(words) == expected


@pytest.mark.parametrize("role, kind", [("Secretary General", "official"), ("dean", "person"),
                                        ("narco-terrorist dictator", "official"), ("farmer", None)])
def test_lexicons_role_kind(role, kind):
    assert lexicons.role_kind(role) == kind


@pytest.mark.parametrize("form, name", [("the Associated Press", "Associated Press"), ("AFP", "Agence France-Presse"),
                                        ("Wall Street Journal", "The Wall Street Journal"), ("Acme Times", None)])
def test_lexicons_outlet_name_is_canonical(form, name):
    assert lexicons.outlet_name(form) == name


@pytest.mark.parametrize("text, expected", [("Energy and Natural Resources", True), ("International Trade", True),
                                            ("Siemens", False), ("Bavaria", False)])
def test_lexicons_is_portfolio(text, expected):
    assert lexicons.is_portfolio(text) is expected


@pytest.mark.parametrize("text, expected", [("Leiden University", True), ("Christian Social Union", True),
                                            ("Mexico City", False), ("University", False)])
def test_lexicons_has_org_head(text, expected):
    assert lexicons.has_org_head(text) is expected


def test_lexicons_outlet_forms_include_names_without_the():
    forms = set(lexicons.outlet_forms())
    assert {"The Wall Street Journal", "Wall Street Journal", "Reuters", "AFP"} <= forms


@pytest.mark.parametrize("text, expected", [("Lusaka Times", True), ("WAFA news agency", True),
                                            ("Times", False), ("Leiden University", False)])
def test_lexicons_has_outlet_head(text, expected):
    assert lexicons.has_outlet_head(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("Institute for Security Studies", True),
    ("Bank of Ghana", True),
    ("Centre for Policy Research", True),
    ("Gulf of Guinea", False),
    ("Republic of Kenya", False),
])
def test_lexicons_org_head_before_of_or_for(text, expected):
    assert lexicons.has_org_head(text) is expected
