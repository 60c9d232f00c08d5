"""Find tokens by an attribute without visiting every token.

Building a ``Token`` for every word of a long document costs more than the
rules that look at it; :func:`where` reads one attribute as an array and
hands back only the positions whose value is wanted.

Example
-------
>>> import spacy
>>> doc = spacy.blank("en")("Reuters said it, and Reuters reported it.")
>>> where(doc, "ORTH", {"Reuters"})
[0, 5]
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import numpy
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token


def text_of(doc: Doc) -> str:
    """The document's text, built once and kept with the document: ``Doc.text``
    joins every token anew on each call, which a rule run once per name or per
    sentence turns into a cost that grows with the square of the document.

    >>> import spacy
    >>> doc = spacy.blank("en")("Peru voted.")
    >>> text_of(doc) is text_of(doc), text_of(doc)
    (True, 'Peru voted.')
    """
    text = doc.user_data.get("newsgraph.text")
    if text is None:
        text = doc.user_data["newsgraph.text"] = doc.text
    return text


def where(doc: Doc, attr: str, values: Iterable[str]) -> list[int]:
    """Token positions whose ``attr`` ("ORTH", "LOWER", "POS", ...) is one of ``values``.

    >>> import spacy
    >>> where(spacy.blank("en")("The paper and THE Paper"), "LOWER", {"paper"})
    [1, 4]
    """
    if not len(doc):
        return []
    strings = doc.vocab.strings
    if isinstance(values, frozenset):
        wanted = _ids(strings, values)  # a rule's constant word list: its ids once
    else:
        wanted = numpy.unique(numpy.array([strings.add(v) for v in values], dtype=numpy.uint64))
    if not wanted.size:
        return []
    column = _column(doc, attr)
    at = numpy.searchsorted(wanted, column)
    at[at == wanted.size] = 0
    return numpy.flatnonzero(wanted[at] == column).tolist()


@lru_cache(maxsize=256)
def _ids(strings: StringStore, values: frozenset[str]) -> numpy.ndarray:
    """The sorted string ids of ``values`` (a string's id is the same in every store)."""
    return numpy.unique(numpy.array([strings.add(v) for v in values], dtype=numpy.uint64))


def _column(doc: Doc, attr: str) -> numpy.ndarray:
    """``doc.to_array(attr)`` as unsigned ids, read once per document (extraction changes no token)."""
    columns = doc.user_data.setdefault("newsgraph.columns", {})
    column = columns.get(attr)
    if column is None:
        column = columns[attr] = doc.to_array(attr).astype(numpy.uint64)
    return column


def sent_of(tok: Token) -> Span:
    """``tok.sent``, from the sentence bounds read once per document: ``Token.sent`` scans for them
    on every call.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Peru", "voted", ".", "Chile", "met", "."],
    ...           sent_starts=[1, 0, 0, 1, 0, 0])
    >>> [sent_of(t).text for t in doc] == [t.sent.text for t in doc], sent_of(doc[4]).text
    (True, 'Chile met .')
    """
    doc = tok.doc
    bounds = doc.user_data.get("newsgraph.sentences")
    if bounds is None:
        # (start, end) of the sentence of every token; raises, as tok.sent does, when there are no sentences
        bounds = []
        for sent in doc.sents:
            bounds += [(sent.start, sent.end)] * len(sent)
        doc.user_data["newsgraph.sentences"] = bounds
    start, end = bounds[tok.i]
    return Span(doc, start, end)
