"""One parsed document in, one :class:`~nlp.records.Extraction` out.

The document is read once: the entity step (:data:`nlp.entities.sieve.ENTITY_PASSES`)
gives the entities and the mention index; actors and clauses are read from
them; the quote step (:func:`nlp.relations.quotes.read_quotes`) reads every
quote and its speaker; the relation step (:data:`RELATION_PASSES`) reads all
of that as one :class:`~nlp.relations.reading.Reading`. :data:`STEPS` lists
every step's passes; ``skip=`` switches any of them off by name.

Example
-------
>>> from nlp.run.model import load_model
>>> from nlp.records import Document
>>> nlp = load_model()
>>> doc = Document("d1", "Reuters reported that Germany sanctioned Iran.")
>>> ex = extract(nlp(doc.text), doc)
>>> sorted(e.type for e in ex.entities)
['country', 'country', 'outlet']
>>> sorted((r.source, r.verb, r.target) for r in ex.relations if r.kind == "action")
[('country:DE', 'sanction', 'country:IR')]
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from nlp.confidence import with_confidence
from nlp.entities.sieve import ENTITY_PASSES, extract_entities
from nlp.entities.wire import wire_meta
from nlp.passes import Pass, check_names
from nlp.mentions import MentionIndex
from nlp.records import Document, Entity, Extraction, Relation
from nlp.relations.actors import Actors
from nlp.relations.clauses import Clauses
from nlp.relations.eventnouns import event_relations
from nlp.relations.links import WINDOWS, actions, cooccurrences, speech_about
from nlp.relations.quotes import (CONTINUATION_RULES, QUOTE_PASSES, SPEAKER_RULES, quote_relations, read_quotes,
                                  with_quote_text)
from nlp.relations.reading import Reading, RelationStep

#: bump when extraction output changes, so cached extractions are redone
EXTRACTOR_VERSION = "42"


def _cooccurrence_pass(cx: RelationStep) -> list[Relation]:
    """Entities named in one sentence (or paragraph) are linked, with no verb and no direction."""
    rd = cx.reading
    return list(cooccurrences(rd.doc, rd.doc_id, rd.index, window=rd.window))


def _actions(rd: Reading, fallback: str = "") -> list[Relation]:
    return list(actions(rd.doc, rd.doc_id, rd.clauses, verbs=rd.verbs, quotes_by_cue=rd.quotes.cues,
                        quoted=rd.quotes.quoted, lists=rd.lists, fallback=fallback))


def _verb_pass(cx: RelationStep) -> list[Relation]:
    """A lexicon verb whose doer and target are actors links them ("police arrested Lopes")."""
    return _actions(cx.reading)


def _shallow_pass(cx: RelationStep) -> list[Relation]:
    """Where the parse gave a verb no object, the entity right after it is the target.

    The small model often breaks long wire sentences with appositions
    ("Chinese police have detained veteran dissident Zhou Lanshan, the group
    said": the name becomes the subject of "said"); this fallback reads the
    words after the verb instead, only up to the first word outside a noun
    phrase.
    """
    return _actions(cx.reading, "next_entity")


def _speech_about_pass(cx: RelationStep) -> list[Relation]:
    """"X said Y must return Z": X made a statement about Y (CAMEO 01), Y's own act being a reported relation."""
    rd = cx.reading
    return list(speech_about(rd.doc, rd.doc_id, rd.clauses, quoted=rd.quotes.quoted, lists=rd.lists))


def _event_noun_pass(cx: RelationStep) -> list[Relation]:
    """An event noun links its owner and object ("Lopes's arrest of Ruiz", "talks with Peru")."""
    rd = cx.reading
    return list(event_relations(rd.doc, rd.doc_id, rd.clauses, quoted=rd.quotes.quoted, lists=rd.lists))


def _speech_pass(cx: RelationStep) -> list[Relation]:
    """Speech to and from outlets: "according to Reuters"."""
    rd = cx.reading
    return list(quote_relations(rd.doc, rd.doc_id, rd.clauses, rd.quotes))


def _clause_pass(cx: RelationStep) -> list[Relation]:
    """Where neither the parse nor the next word gives a verb a target: every entity of its clause.

    The fallback over the clause's entity sequence: long wire sentences with
    appositions and inserted phrases put the object far from the verb or
    attach it to the wrong word ("shelled in March rebel strongholds in the
    Darvan hills region"). It reads only long sentences, where the small
    model's parse breaks (:data:`nlp.relations.links.LONG_SENTENCE`), and
    links only pairs no pass before it linked in that sentence ("announced
    sanctions on Russia").
    """
    linked = {frozenset((r.source, r.target)) | {("sent", ev.start)}
              for r in cx.found if r.kind != "cooccurrence" for ev in r.evidence}
    return [r for r in _actions(cx.reading, "clause")
            if frozenset((r.source, r.target)) | {("sent", r.evidence[0].start)} not in linked]


#: the relation step, in order; each pass returns relation records, and speech links get their quote's words
RELATION_PASSES: tuple[Pass, ...] = (
    Pass("cooccurrence", _cooccurrence_pass, "entities named in one sentence or paragraph"),
    Pass("verbs", _verb_pass, "doer -verb-> target through the clause reader"),
    Pass("shallow_objects", _shallow_pass, "a verb the parse left without object: the entity after it"),
    Pass("speech_about", _speech_about_pass, "speaker -say-> the subject of the clause they report"),
    Pass("event_nouns", _event_noun_pass, "doer -event noun-> target"),
    Pass("speech", _speech_pass, "quote links to and from outlets"),
    Pass("clause_entities", _clause_pass, "a verb still without target: every entity of its clause not yet linked"),
)

#: every step's passes and rules, in the order they run; ``skip=`` takes any of their names
STEPS: dict[str, tuple[Pass, ...]] = {
    "entities": ENTITY_PASSES,
    "quotes": QUOTE_PASSES,
    "speakers": SPEAKER_RULES + CONTINUATION_RULES,
    "relations": RELATION_PASSES,
}


def pass_names() -> list[str]:
    """The names of every pass and rule of every step, in order: what ``skip=`` accepts.

    >>> names = pass_names()
    >>> len(names) == len(set(names)), "roles" in names, "verbs" in names, "he_or_she" in names
    (True, True, True, True)
    """
    return [p.name for passes in STEPS.values() for p in passes]


def check_skip(skip: Iterable[str]) -> frozenset[str]:
    """``skip`` as a frozenset of pass names; ``ValueError`` listing the valid names if one is unknown.

    >>> check_skip({"rolez"})
    Traceback (most recent call last):
    ...
    ValueError: unknown pass name 'rolez'; the passes are: joined_names, ...
    """
    return check_names(skip, pass_names())


def read_document(doc: Doc, doc_id: str, *, window: str = "sentence", skip: frozenset[str] = frozenset()) -> Reading:
    """The entity and quote steps of one document: its :class:`~nlp.relations.reading.Reading`."""
    entities, index = extract_entities(doc, doc_id, skip=skip)
    return reading_of(doc, doc_id, entities, index, window=window, skip=skip)


def reading_of(doc: Doc, doc_id: str, entities: Sequence[Entity], index: MentionIndex, *, window: str = "sentence",
               skip: frozenset[str] = frozenset()) -> Reading:
    """The reading of a document whose entities are known: actors, clauses and the quote step.

    >>> import spacy
    >>> reading_of(spacy.blank("en")("Lima."), "d", [], MentionIndex(), window="page")
    Traceback (most recent call last):
    ...
    ValueError: window must be one of sentence, paragraph, not 'page'
    """
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {', '.join(WINDOWS)}, not {window!r}")
    clauses = Clauses(Actors(doc, index, entities))
    quotes = read_quotes(doc, doc_id, clauses, skip=skip)
    return Reading(doc, doc_id, tuple(entities), index, clauses, quotes, window)


def document_relations(reading: Reading, *, skip: frozenset[str] = frozenset()) -> list[Relation]:
    """The relation step: every pass of :data:`RELATION_PASSES` on one reading, in order.

    >>> from nlp.run.model import load_model
    >>> rd = read_document(load_model()("Chile and Peru held talks."), "d")
    >>> sorted((r.kind, r.verb, r.symmetric) for r in document_relations(rd))
    [('action', 'talk', True), ('cooccurrence', '', True)]
    """
    found: list[Relation] = []
    for p in RELATION_PASSES:
        if p.name not in skip:
            found.extend(r if r.rule or r.kind == "cooccurrence" else replace(r, rule=p.name)
                         for r in p.run(RelationStep(reading, tuple(found))))
    return with_quote_text(found, reading.quotes)


def extract(doc: Doc, document: Document, *, window: str = "sentence", skip: Iterable[str] = frozenset()) -> Extraction:
    """Entities, relations and quotes of one parsed document, as plain records.

    ``window`` is where co-occurrence is counted: ``"sentence"`` or ``"paragraph"``;
    ``skip`` names passes to switch off (:func:`pass_names`), for measurement.
    """
    skip = check_skip(skip)
    reading = read_document(doc, document.id, window=window, skip=skip)
    relations, quotes = with_confidence(document_relations(reading, skip=skip), reading.quotes.records, reading)
    meta = tuple((k, getattr(document, k)) for k in ("title", "date", "url", "source") if getattr(document, k))
    meta += wire_meta(document.text, has_date=bool(document.date))
    return Extraction(document.id, reading.entities, tuple(relations), meta, count_words(doc), tuple(quotes))


def count_words(doc: Doc) -> int:
    """Tokens that are neither punctuation nor white space, read as two flag columns (no Token built).

    >>> import spacy
    >>> count_words(spacy.blank("en")("Lima, Peru  -- said: yes."))
    4
    """
    if not len(doc):
        return 0
    flags = doc.to_array(["IS_SPACE", "IS_PUNCT"])
    return int((flags.sum(axis=1) == 0).sum())
