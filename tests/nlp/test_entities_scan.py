"""Finding tokens by attribute without visiting every token (nlp/scan.py)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from nlp.scan import where


@pytest.mark.parametrize("attr, values, expected", [
    ("ORTH", {"Reuters"}, [0, 4]),
    ("LOWER", {"said", "told"}, [1, 5]),
    ("POS", {"PROPN"}, [0, 4]),
    ("ORTH", {"Nobody"}, []),
])
def test_scan_where_gives_the_positions_with_the_wanted_value(blank_nlp, attr, values, expected):
    words = ["Reuters", "said", "so", ",", "Reuters", "TOLD", "us"]
    pos = ["PROPN", "VERB", "ADV", "PUNCT", "PROPN", "VERB", "PRON"]
    doc = Doc(blank_nlp.vocab, words=words, pos=pos)
    assert where(doc, attr, values) == expected


def test_scan_where_on_an_empty_doc_is_empty(blank_nlp):
    assert where(blank_nlp(""), "ORTH", {"x"}) == []


# -- Ranges: which quote holds a token, by bisection ------------------------------------------

from hypothesis import given, strategies as st  # noqa: E402

from nlp.scan import Ranges  # noqa: E402

_RANGES = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 25)).map(lambda r: (r[0], r[0] + r[1])),
                   max_size=12)


@given(_RANGES, st.integers(-5, 90))
def test_ranges_answer_what_reading_every_range_answered(ranges, x):
    rows = [(s, e, f"q{i}") for i, (s, e) in enumerate(ranges)]
    first = next((v for s, e, v in rows if s <= x < e), None)    # the scan it replaces
    r = Ranges(rows)
    assert r.first(x) == first
    assert (x in r) == any(s <= x < e for s, e, _ in rows)


def test_ranges_of_nothing_hold_nothing():
    assert Ranges([]).first(3, "none") == "none" and 3 not in Ranges([])
