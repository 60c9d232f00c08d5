"""Claims a reader can trust: a word is a verb only where it acts. Sentences of our own."""
from __future__ import annotations

import pytest

from nlp.extract import extract
from nlp.records import Document

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "Prime Minister Ana Lopes left for Lima on Tuesday, keeping a promise she made to dictator Carlos Ruiz when they met.",
])
def test_claims_a_title_before_a_name_is_no_verb(nlp, text):
    rels = extract(nlp(text), Document("d", text)).relations
    assert not [(r.source, r.verb, r.target) for r in rels if r.kind == "action" and r.verb == "dictator"]
