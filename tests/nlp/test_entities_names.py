"""Which full name a lone name stands for (nlp/entities/names.py)."""
from __future__ import annotations

import pytest

from nlp.entities.names import match_short_name, name_words


@pytest.mark.parametrize("short, names, expected", [
    ("Merkel", ["Angela Merkel", "Olaf Scholz"], "Angela Merkel"),                  # family name last
    ("Moon", ["Moon Jae-in", "Shinzo Abe"], "Moon Jae-in"),                           # family name first
    ("Nguyen", ["Nguyen Xuan Phuc", "Joko Widodo"], "Nguyen Xuan Phuc"),
    ("Lula", ["Luiz Inacio Lula da Silva", "Jair Bolsonaro"], "Luiz Inacio Lula da Silva"),  # middle
    ("Nicolás", ["Nicolas Maduro"], "Nicolas Maduro"),                                # accents fold
    ("Jordan", ["Michael Jordan", "Jordan Peele"], "Michael Jordan"),                 # last beats first
    ("Sisi", ["Abdel Fattah el-Sisi", "Benjamin Netanyahu"], "Abdel Fattah el-Sisi"),  # Arabic article
    ("Assad", ["Bashar al-Assad"], "Bashar al-Assad"),
])
def test_names_short_name_is_the_only_full_name_it_fits(short, names, expected):
    assert match_short_name(short, names) == expected


@pytest.mark.parametrize("short, names", [
    ("Bush", ["George Bush", "Laura Bush"]),          # two people share the surname
    ("Kim", ["Kim Jong Un", "Kim Yo Jong"]),          # and in surname-first order
    ("Dupont", ["Anne Martin"]),                      # nobody of that name
    ("Angela Merkel", ["Angela Merkel"]),             # a full name is not its own short form
])
def test_names_ambiguous_or_unknown_short_name_is_not_guessed(short, names):
    assert match_short_name(short, names) is None


@pytest.mark.parametrize("name, words", [("Nicolás  Maduro", ("nicolas", "maduro")),
                                         ("Ursula von der Leyen", ("ursula", "von", "der", "leyen"))])
def test_names_name_words_fold_case_and_accents(name, words):
    assert name_words(name) == words


@pytest.mark.parametrize("short, names, expected", [
    ("Kennedy", ["Robert F. Kennedy Jr."], "Robert F. Kennedy Jr."),
    ("King", ["Martin Luther King Jr.", "Coretta Scott"], "Martin Luther King Jr."),
])
def test_names_generational_suffix_is_not_the_family_name(short, names, expected):
    assert match_short_name(short, names) == expected
