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


# -- the index: the same answers as scanning every full name, at a cost that does not grow ----------

from hypothesis import given, settings, strategies as st  # noqa: E402

from nlp.entities.names import NAME_SUFFIXES, NameIndex, _bare  # noqa: E402


def _scan(short: str, full_names: list[str]) -> str | None:
    """The matching as it was before the index: every full name compared with the short one."""
    key = " ".join(name_words(short))
    if not key:
        return None
    n = len(key.split())
    found: tuple[dict, dict, dict] = ({}, {}, {})
    for full in full_names:
        words = name_words(full)
        while len(words) > 2 and words[-1] in NAME_SUFFIXES:
            words = words[:-1]
        if len(words) <= n:
            continue
        ident = " ".join(words)
        if " ".join(words[-n:]) == key or n == 1 and _bare(words[-1]) == key:
            found[0].setdefault(ident, full)
        elif " ".join(words[:n]) == key:
            found[1].setdefault(ident, full)
        elif n == 1 and key in words[1:-1]:
            found[2].setdefault(ident, full)
    for rank in found:
        if rank:
            return next(iter(rank.values())) if len(rank) == 1 else None
    return None


_CASES = [
    ("Merkel", ["Angela Merkel", "Olaf Scholz"]), ("Moon", ["Moon Jae-in", "Shinzo Abe"]),
    ("Lula", ["Luiz Inacio Lula da Silva", "Jair Bolsonaro"]), ("Nicolás", ["Nicolas Maduro"]),
    ("Jordan", ["Michael Jordan", "Jordan Peele"]), ("Sisi", ["Abdel Fattah el-Sisi", "Benjamin Netanyahu"]),
    ("Bush", ["George Bush", "Laura Bush"]), ("Kim", ["Kim Jong Un", "Kim Yo Jong"]), ("Dupont", ["Anne Martin"]),
    ("Angela Merkel", ["Angela Merkel"]), ("Kennedy", ["Robert F. Kennedy Jr."]),
    ("King", ["Martin Luther King Jr.", "Coretta Scott"]), ("Jae-in", ["Moon Jae-in"]),
    ("Da Silva", ["Luiz Inacio Lula da Silva"]), ("Kennedy", ["Robert F. Kennedy Jr.", "Robert F. Kennedy"]),
]


@pytest.mark.parametrize("short, names", _CASES)
def test_names_index_answers_what_the_scan_answered(short, names):
    assert NameIndex(names).match(short) == _scan(short, names) == match_short_name(short, names)


_WORDS = st.sampled_from(["Ana", "Lopes", "Kim", "Jong", "al-Assad", "Assad", "Jr.", "da", "Silva", "Moon", "Lee"])
_NAMES = st.lists(_WORDS, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(shorts=st.lists(_NAMES, min_size=1, max_size=5), fulls=st.lists(_NAMES, max_size=8))
def test_names_index_matches_the_scan_on_any_names(shorts, fulls):
    index = NameIndex(fulls)
    assert [index.match(s) for s in shorts] == [_scan(s, fulls) for s in shorts]


def test_names_index_is_built_once_and_added_to():
    index = NameIndex(["Ana Lopes"])
    assert index.match("Lopes") == "Ana Lopes"
    index.add("Rui Lopes")                        # a second Lopes: the short name is no longer guessed
    assert index.match("Lopes") is None
    assert index.match("Rui") == "Rui Lopes"


def test_names_index_finds_each_of_many_people():
    people = [f"Given{i} Family{i}" for i in range(20_000)]
    index = NameIndex(people)
    # one entry per short form: a lookup reads one entry, however many people there are
    assert [index.match(f"Family{i}") for i in range(0, 20_000, 997)] == people[::997]
    assert len(index._forms) <= 3 * len(people)
