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
