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

from bisect import bisect_right
from collections.abc import Collection, Iterable
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
    wanted = _ids(doc.vocab.strings, values if isinstance(values, frozenset) else frozenset(values))
    if not wanted.size:
        return []
    column = _column(doc, attr)
    at = numpy.searchsorted(wanted, column)
    at[at == wanted.size] = 0
    return numpy.flatnonzero(wanted[at] == column).tolist()


@lru_cache(maxsize=256)
def _ids(strings: StringStore, values: frozenset[str]) -> numpy.ndarray:
    """The sorted string ids of ``values``, kept for a rule's constant word lists (an id is the same in every store)."""
    return numpy.unique(numpy.array([strings.add(v) for v in values], dtype=numpy.uint64))


def _column(doc: Doc, attr: str) -> numpy.ndarray:
    """``doc.to_array(attr)`` as unsigned ids, read once per document (extraction changes no token)."""
    columns = doc.user_data.setdefault("newsgraph.columns", {})
    column = columns.get(attr)
    if column is None:
        column = columns[attr] = doc.to_array(attr).astype(numpy.uint64)
    return column


def model_ents(doc: Doc) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of ``doc.ents``, read once per document: ``Doc.ents`` builds a
    ``Span`` for every entity on every call.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Peru", "voted", "."], ents=["B-GPE", "O", "O"])
    >>> model_ents(doc)
    [(0, 1, 'GPE')]
    """
    ents = doc.user_data.get("newsgraph.ents")
    if ents is None:
        ents = doc.user_data["newsgraph.ents"] = [(e.start, e.end, e.label_) for e in doc.ents]
    return ents


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


def child_deps(tok: Token) -> tuple[str, ...]:
    """The dependency labels of ``tok.children``, in text order, without building a ``Token`` for each.

    ``Token.children`` scans the token's whole subtree (a sentence's root: the
    whole sentence) and builds every child; most rules only ask whether a
    child of some kind is there.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Peru", "did", "not", "meet", "Chile"],
    ...           heads=[3, 3, 3, 3, 3], deps=["nsubj", "aux", "neg", "ROOT", "dobj"])
    >>> child_deps(doc[3]), child_deps(doc[0])
    (('nsubj', 'aux', 'neg', 'dobj'), ())
    """
    return _children(tok.doc)[1][tok.i]


def children_with(tok: Token, deps: Collection[str]) -> list[Token]:
    """``[c for c in tok.children if c.dep_ in deps]``, building only those children.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Peru", "did", "not", "meet", "Chile"],
    ...           heads=[3, 3, 3, 3, 3], deps=["nsubj", "aux", "neg", "ROOT", "dobj"])
    >>> [t.text for t in children_with(doc[3], {"nsubj", "dobj"})]
    ['Peru', 'Chile']
    """
    doc = tok.doc
    positions, labels = _children(doc)
    return [doc[j] for j, dep in zip(positions[tok.i], labels[tok.i]) if dep in deps]


def _children(doc: Doc) -> tuple[list[tuple[int, ...]], list[tuple[str, ...]]]:
    """The positions and the dependency labels of every token's children, read once per document.

    Numbers and strings only: a table of tokens kept with the document would
    be a reference cycle the garbage collector walks again and again.
    """
    table = doc.user_data.get("newsgraph.children")
    if table is None:
        n = len(doc)
        positions: list[list[int]] = [[] for _ in range(n)]
        if n:
            heads = doc.to_array("HEAD").astype(numpy.int64) + numpy.arange(n, dtype=numpy.int64)
            for i, h in enumerate(heads.tolist()):
                if h != i:
                    positions[h].append(i)  # in text order, as Token.children gives them
        strings = doc.vocab.strings
        names: dict[int, str] = {}
        dep = [names[d] if d in names else names.setdefault(d, strings[d]) for d in _column(doc, "DEP").tolist()] \
            if n else []
        table = ([tuple(p) for p in positions], [tuple(dep[j] for j in p) for p in positions])
        doc.user_data["newsgraph.children"] = table
    return table


class Ranges:
    """Half-open ranges ``(start, end, value)`` asked which holds a point: the first in list order,
    found by bisection among the ranges that start close enough to hold it, not by reading them all.

    >>> r = Ranges([(10, 20, "a"), (0, 5, "b"), (12, 14, "c")])
    >>> r.first(13), r.first(3), r.first(7), 4 in r, 20 in r
    ('a', 'b', None, True, False)
    """

    def __init__(self, ranges: Iterable[tuple]) -> None:
        rows = sorted((r[0], i, r[1], r[2] if len(r) > 2 else None) for i, r in enumerate(ranges))
        self._rows = rows
        self._starts = [r[0] for r in rows]
        self._longest = max((r[2] - r[0] for r in rows), default=0)

    def _near(self, x: int) -> list[tuple]:
        """The ranges that start at or before ``x`` and late enough to reach it."""
        hi = bisect_right(self._starts, x)
        return self._rows[bisect_right(self._starts, x - self._longest, 0, hi):hi]

    def first(self, x: int, default=None):
        """The value of the first range (in the order given) with ``start <= x < end``."""
        held = [(i, value) for _, i, end, value in self._near(x) if x < end]
        return min(held)[1] if held else default

    def __contains__(self, x: int) -> bool:
        return any(x < row[2] for row in self._near(x))
