"""spaCy's attribute ruler and rule lemmatizer, run on whole arrays instead of token by token.

The English pipelines' ``attribute_ruler`` starts with one rule per
part-of-speech tag (``{"TAG": "NN"}`` -> ``POS NOUN``, the morphology of the
tag), so every token of every text is a Matcher match that spaCy then applies
in Python, one ``Span`` and one ``set_token_attrs`` call each, and the Matcher
tests the IN / NOT_IN / REGEX predicates of the other rules on every token: a
sixth of the small English pipeline's CPU time on news (3.0 of 18 s for
100,000 words, more than the tagger and the lemmatizer together).
:class:`ArrayAttributeRuler` runs every rule as numpy masks over
``Doc.to_array`` of a whole batch of documents laid end to end (one mask per
distinct test, a rule's matches the masks of its tokens shifted and combined,
never across two documents) and writes what the rules set with
``from_array``, in spaCy's rule order, with the values spaCy's own
``set_token_attrs`` gives; a rule that sets a dependency is applied by that
function itself, after the others. The annotations are the same, token for
token (``tests/nlp/test_attributes.py`` compares every attribute with spaCy's
ruler); the patterns, their order and the serialised form are spaCy's. A
ruler with a pattern this module cannot run (an ``OP``, another attribute)
runs spaCy's own code.

The rule lemmatizer gets the same treatment (:class:`ArrayEnglishLemmatizer`):
one lemma per distinct word, part of speech and morphology of a batch, the
key spaCy's own cache uses, written as one array per document.

Example
-------
>>> from nlp.run.model import load_model
>>> nlp = load_model()
>>> type(nlp.get_pipe("attribute_ruler")).__name__, type(nlp.get_pipe("lemmatizer")).__name__
('ArrayAttributeRuler', 'ArrayEnglishLemmatizer')
>>> [(t.text, t.pos_) for t in nlp("Ms Lopes visited Lima.")][:3]
[('Ms', 'PROPN'), ('Lopes', 'PROPN'), ('visited', 'VERB')]
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.util import minibatch

#: token attributes a pattern may test: their ``to_array`` values are string ids, as the Matcher compares them
_TESTED = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH, "NORM": NORM, "DEP": DEP}
#: what a rule may set through the table; a rule that sets anything else is applied by spaCy's own code
_TABLE_ATTRS = frozenset({POS, MORPH, LEMMA, TAG})


class _Rule(NamedTuple):
    patterns: tuple[tuple[tuple[tuple, ...], ...], ...]   # per pattern, per token: its (kind, attr, payload) tests
    index: int                                   # the token of the match the rule sets
    sets: tuple[tuple[int, int], ...]            # (column, value) set through the table
    attrs: dict | None                           # spaCy's attrs, when the rule sets more than the table can


class _Program(NamedTuple):
    columns: list[int]
    rules: list[_Rule]


def _test(key: str, value) -> tuple | None:
    """One Matcher token test as (kind, attribute id, payload), or None when this module cannot run it."""
    if key == "IS_SPACE" and isinstance(value, bool):
        return ("flag", IS_SPACE, int(value))
    if key not in _TESTED:
        return None
    if isinstance(value, str):
        return ("eq", _TESTED[key], value)
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(x, str) for x in arg):
            return (op, _TESTED[key], tuple(arg))
        if op == "REGEX" and isinstance(arg, str):
            return ("REGEX", _TESTED[key], arg)
    return None


class ArrayAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` that tests and sets its rules on whole arrays (see the module)."""

    _program: _Program | None | bool = False     # False: not compiled yet; None: spaCy's own code runs

    def clear(self) -> None:
        super().clear()
        self._program = False

    def add(self, patterns, attrs, index: int = 0) -> None:  # type: ignore[override]
        super().add(patterns, attrs, index)
        self._program = False

    def _compile(self) -> _Program | None:
        rules, columns = [], sorted({a for attrs in self.attrs for a in attrs if a in _TABLE_ATTRS})
        for i, p in enumerate(self.patterns):
            tests = tuple(tuple(tuple(_test(key, value) for key, value in token.items()) for token in pattern)
                          for pattern in p["patterns"])
            if any(t is None for pattern in tests for token in pattern for t in token):
                return None                              # an operator or attribute this module does not run
            attrs = self.attrs[i]
            table = sorted(a for a in attrs if a in _TABLE_ATTRS)
            scratch = Doc(self.vocab, words=["x"])
            set_token_attrs(scratch[0], {a: attrs[a] for a in table})   # the values exactly as spaCy sets them
            got = scratch.to_array(table).reshape(-1).tolist() if table else []
            sets = tuple((columns.index(a), int(v)) for a, v in zip(table, got))
            rest = {a: v for a, v in attrs.items() if a not in _TABLE_ATTRS}
            rules.append(_Rule(tests, p["index"], sets, rest or None))
        return _Program(columns, rules)

    def __call__(self, doc: Doc) -> Doc:
        if self._program is False:
            self._program = self._compile()
        if self._program is None or not len(doc):
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            self._apply([doc], self._program)
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's own error handler decides
            return error_handler(self.name, self, [doc], e)

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """The rules on a batch of documents at once: one set of masks for the batch (numpy's cost is
        per call, and a news story is a few hundred tokens)."""
        if self._program is False:
            self._program = self._compile()
        if self._program is None:
            yield from super().pipe(stream, batch_size=batch_size)
            return
        yield from _in_batches(self, stream, batch_size, lambda docs: self._apply(docs, self._program))

    def _apply(self, docs: list[Doc], program: _Program) -> None:
        """Every rule on the documents' tokens laid end to end; a match never spans two documents."""
        if not program.rules or not docs:
            return
        bounds = _bounds(docs)
        n = bounds[-1]
        doc_of = numpy.repeat(numpy.arange(len(docs)), [len(d) for d in docs])
        tested = sorted({t[1] for rule in program.rules for pattern in rule.patterns for token in pattern for t in token})
        array = _stacked(docs, tested, n)
        column = {a: array[:, j] for j, a in enumerate(tested)}
        strings, masks = self.vocab.strings, {}

        def mask(test: tuple) -> numpy.ndarray:
            if test not in masks:
                kind, attr, payload = test
                values = column[attr]
                if kind == "flag":
                    m = values == payload
                elif kind == "eq":
                    m = values == strings.add(payload)
                elif kind in ("IN", "NOT_IN"):
                    m = numpy.isin(values, [strings.add(x) for x in payload], invert=kind == "NOT_IN")
                else:                                   # REGEX, searched in each distinct value once
                    found = re.compile(payload).search
                    unique, where = numpy.unique(values, return_inverse=True)
                    m = numpy.array([bool(found(strings[int(u)])) for u in unique.tolist()])[where.reshape(-1)]
                masks[test] = m
            return masks[test]

        current = _stacked(docs, program.columns, n)
        new = current.copy()
        later = []                                     # rules spaCy's own code applies, in rule order
        for rule in program.rules:
            hits = numpy.zeros(n, dtype=bool)
            for pattern in rule.patterns:
                length = len(pattern)
                index = rule.index if rule.index >= 0 else length + rule.index
                if length > n or not 0 <= index < length:
                    continue                           # (spaCy raises E1001 for a bad index, when the rule matches)
                width = n - length + 1
                starts = doc_of[:width] == doc_of[length - 1:] if length > 1 else numpy.ones(width, dtype=bool)
                for offset, token in enumerate(pattern):
                    for t in token:
                        starts &= mask(t)[offset:offset + width]
                if starts.any():
                    hits[numpy.flatnonzero(starts) + index] = True
            if not hits.any():
                continue
            for col, value in rule.sets:
                new[hits, col] = value
            if rule.attrs:
                later.append((rule.attrs, numpy.flatnonzero(hits).tolist()))
        if program.columns:
            for doc, a, b in zip(docs, bounds, bounds[1:]):
                if not numpy.array_equal(new[a:b], current[a:b]):
                    doc.from_array(program.columns, new[a:b])
        for attrs, positions in later:
            for i in positions:
                k = int(doc_of[i])
                set_token_attrs(docs[k][i - bounds[k]], attrs)


def _in_batches(pipe, stream: Iterable[Doc], batch_size: int, apply) -> Iterator[Doc]:
    """``pipe``'s documents in batches, ``apply`` run on each batch's non-empty ones, errors to the
    pipe's error handler, as spaCy's own batched pipes do."""
    error_handler = pipe.get_error_handler()
    for docs in minibatch(stream, size=batch_size):
        try:
            apply([d for d in docs if len(d)])
            yield from docs
        except Exception as e:  # noqa: BLE001 - spaCy's own error handler decides
            error_handler(pipe.name, pipe, docs, e)


def _bounds(docs: list[Doc]) -> list[int]:
    """Where each document starts when their tokens are laid end to end, and the total."""
    return numpy.cumsum([0, *(len(d) for d in docs)]).tolist()


def _stacked(docs: list[Doc], attrs: list[int], n: int) -> numpy.ndarray:
    """``to_array(attrs)`` of the documents, one below the other: ``(n, len(attrs))``."""
    if not attrs:
        return numpy.zeros((n, 0), dtype="uint64")
    return numpy.concatenate([d.to_array(attrs).reshape(len(d), len(attrs)) for d in docs])


class _ArrayLemmas:
    """A rule-based ``Lemmatizer`` that lemmatizes each distinct (word, part of speech, morphology)
    of a document once and writes the lemmas as one array.

    spaCy's rule lemmatizer already caches its answer by that triple; it still builds a ``Token``,
    its ``MorphAnalysis`` and a cache key for every word. The answer depends on nothing else
    (the English ``is_base_form`` reads the part of speech and the morphology), so one call per
    distinct triple, on its first token, gives every token the lemma spaCy would.
    """

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule" or not len(doc):
            return super().__call__(doc)  # type: ignore[misc]
        error_handler = self.get_error_handler()
        try:
            self._lemmatize_all([doc])
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's own error handler decides
            return error_handler(self.name, self, [doc], e)

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """One call per distinct triple of a whole batch of documents."""
        if self.mode != "rule":
            yield from super().pipe(stream, batch_size=batch_size)  # type: ignore[misc]
            return
        yield from _in_batches(self, stream, batch_size, self._lemmatize_all)

    def _lemmatize_all(self, docs: list[Doc]) -> None:
        if not docs:
            return
        if not self._validated:
            self._validate_tables(Errors.E1004)
        bounds = _bounds(docs)
        table = _stacked(docs, [ORTH, POS, MORPH, LEMMA], bounds[-1])
        todo = numpy.flatnonzero(numpy.ones(len(table), dtype=bool) if self.overwrite else table[:, 3] == 0)
        if not len(todo):
            return
        _, first, where = numpy.unique(table[todo, :3], axis=0, return_index=True, return_inverse=True)
        strings, ids = self.vocab.strings, []
        for j in todo[first].tolist():
            k = bisect_right(bounds, j) - 1                 # the document of the j-th token of the batch
            ids.append(strings.add(self.lemmatize(docs[k][j - bounds[k]])[0]))
        lemmas = table[:, 3].copy()
        lemmas[todo] = numpy.array(ids, dtype=table.dtype)[where.reshape(-1)]
        for doc, a, b in zip(docs, bounds, bounds[1:]):
            doc.from_array([LEMMA], lemmas[a:b].reshape(-1, 1))


class ArrayLemmatizer(_ArrayLemmas, Lemmatizer):
    """spaCy's ``Lemmatizer``, one call per distinct (word, part of speech, morphology)."""


class ArrayEnglishLemmatizer(_ArrayLemmas, EnglishLemmatizer):
    """spaCy's ``EnglishLemmatizer``, one call per distinct (word, part of speech, morphology)."""


#: the lemmatizer classes whose answer is known to depend on the word, its POS and its morphology only
_LEMMATIZERS = {Lemmatizer: ArrayLemmatizer, EnglishLemmatizer: ArrayEnglishLemmatizer}


def use_array_components(nlp: Language) -> Language:
    """Let the pipeline's spaCy ``AttributeRuler`` and rule ``Lemmatizer`` components run on arrays.

    A component keeps its patterns, tables and name; only its class changes.

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("attribute_ruler")
    >>> type(use_array_components(nlp).get_pipe("attribute_ruler")).__name__
    'ArrayAttributeRuler'
    """
    for _, component in nlp.pipeline:
        if type(component) is AttributeRuler:
            component.__class__ = ArrayAttributeRuler
        elif type(component) in _LEMMATIZERS:
            component.__class__ = _LEMMATIZERS[type(component)]
    return nlp
