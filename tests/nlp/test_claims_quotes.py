"""Quote constructions of issue 21 ("who said what"), on invented sentences.

Each test reads the quote records as a reader would: who said it, and
the words said.
"""
from __future__ import annotations

import pytest

from nlp.extract import extract
from nlp.records import Document

pytestmark = pytest.mark.model


def quotes_of(nlp, text: str) -> list[tuple[str, str, str]]:
    """(speaker key, kind, text) of every quote record, in text order."""
    ex = extract(nlp(text), Document("d", text))
    return [(q.speaker, q.kind, q.text) for q in ex.quotes]


def test_words_before_a_closing_direct_quote_are_reported(nlp):
    text = ('Ingrid Solberg met dock workers in Tromso on Monday.\n'
            'Solberg said the harbour board is now "weighing every offer on the table".')
    got = quotes_of(nlp, text)
    assert ("person:ingrid-solberg", "indirect", "the harbour board is now") in got
    assert ("person:ingrid-solberg", "direct", "weighing every offer on the table") in got
    # "said: “...”" leads in with no words of its own
    assert [k for _, k, _ in quotes_of(nlp, text.replace('the harbour board is now "', ': "'))] == ["direct"]
