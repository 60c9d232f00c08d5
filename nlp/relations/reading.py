"""One reading of a document: what every relation pass receives.

A :class:`Reading` is built once per document by :func:`nlp.extract.extract`
after the entity and quote steps: the parse, the entities and their
mention index, the actors and clauses read from them, and the quote
reading. The relation passes read it (through a :class:`RelationStep`, which adds
what the passes before found) and write nothing into it; the verbs of the
document are read once, when a pass first asks for them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc

from nlp.mentions import MentionIndex
from nlp.records import Entity, Relation
from nlp.relations.clauses import Clauses
from nlp.relations.links import VerbClause, list_sentences, verb_clauses
from nlp.relations.quotes import QuoteReading


@dataclass(eq=False)
class Reading:
    """One document, read once: parse, entities, mention index, clauses, quotes."""

    doc: Doc
    doc_id: str
    entities: tuple[Entity, ...]
    index: MentionIndex
    clauses: Clauses
    quotes: QuoteReading = field(default_factory=QuoteReading)
    #: where co-occurrence is counted: "sentence" or "paragraph"
    window: str = "sentence"

    @cached_property
    def verbs(self) -> list[VerbClause]:
        """Every lexicon verb of the document with its parse targets (:func:`~nlp.relations.links.verb_clauses`)."""
        return verb_clauses(self.doc, self.clauses)

    @cached_property
    def lists(self) -> frozenset[int]:
        """The sentences (start tokens) that are lists of names, where no relation is read."""
        return list_sentences(self.doc, self.index)

    @cached_property
    def mentions(self) -> tuple[list[tuple[int, int, str]], list[int]]:
        """Every mention (token start, end, key) in text order, and their starts, to look up a stretch."""
        spans = sorted(self.index.spans)
        return spans, [s for s, _, _ in spans]

    @cached_property
    def mention_counts(self) -> dict[str, int]:
        """How many times each entity is named in the document."""
        return {e.key: len(e.mentions) for e in self.entities}


@dataclass(frozen=True)
class RelationStep:
    """What a relation pass receives: the document's reading and the links the passes before it found."""

    reading: Reading
    found: tuple[Relation, ...] = ()
