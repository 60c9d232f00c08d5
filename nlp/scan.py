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

import numpy
from spacy.tokens import Doc


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
    wanted = numpy.array([strings.add(v) for v in values], dtype=numpy.uint64)
    column = doc.to_array(attr).astype(numpy.uint64)
    return numpy.flatnonzero(numpy.isin(column, wanted)).tolist()
