"""One parsed document in, one :class:`~nlp.records.Extraction` out.

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
from dataclasses import dataclass, field

from spacy.tokens import Doc

from nlp.relations.actors import Actors
from nlp.relations.clauses import Clauses
from nlp.entities.sieve import extract_entities
from nlp.mentions import MentionIndex
from nlp.relations.eventnouns import event_relations
from nlp.relations.quotes import find_quotes, quote_records, quote_relations, with_quote_text
from nlp.passes import Pass, check_names
from nlp.records import Document, Entity, Extraction, Quote, Relation
from nlp.relations.links import WINDOWS, actions, cooccurrences, speech_about
from nlp.entities.wire import wire_meta

#: bump when extraction output changes, so cached extractions are redone
EXTRACTOR_VERSION = "14"


@dataclass
class RelationContext:
    """What every relation pass reads: the parsed document, its entities and its quotes."""

    doc: Doc
    doc_id: str
    index: MentionIndex
    clauses: Clauses
    quotes: list
    window: str
    #: the verb, event-noun and speech relations the passes before this one found (fallbacks read them)
    found: list = field(default_factory=list)


def _cooccurrence_pass(cx: RelationContext) -> list[Relation]:
    """Entities named in one sentence (or paragraph) are linked, with no verb and no direction."""
    return list(cooccurrences(cx.doc, cx.doc_id, cx.index, window=cx.window))


def _verb_pass(cx: RelationContext) -> list[Relation]:
    """A lexicon verb whose doer and target are actors links them ("police arrested Lopes")."""
    by_cue = {q.cue_i: (q.speaker, q.text) for q in cx.quotes if q.cue_i >= 0 and q.speaker}
    return list(actions(cx.doc, cx.doc_id, cx.clauses, quotes_by_cue=by_cue))


def _shallow_pass(cx: RelationContext) -> list[Relation]:
    """Where the parse gave a verb no object, the entity right after it is the target.

    The small model often breaks long wire sentences with appositions
    ("Chinese police have detained veteran dissident Zhou Lanshan, the group
    said": the name becomes the subject of "said"); this fallback reads the
    words after the verb instead, only up to the first word outside a noun
    phrase.
    """
    by_cue = {q.cue_i: (q.speaker, q.text) for q in cx.quotes if q.cue_i >= 0 and q.speaker}
    return list(actions(cx.doc, cx.doc_id, cx.clauses, quotes_by_cue=by_cue, fallback="next_entity"))


def _clause_pass(cx: RelationContext) -> list[Relation]:
    """Where neither the parse nor the next word gives a verb a target: every entity of its clause.

    The fallback over the clause's entity sequence: long wire sentences with
    appositions and inserted phrases put the object far from the verb or
    attach it to the wrong word ("shelled in March rebel strongholds in the
    Darvan hills region"). It reads only long sentences, where the small
    model's parse breaks (:data:`nlp.relations.links.LONG_SENTENCE`); on the
    development articles it raises pooled relation F1 from 0.692 to 0.750.
    """
    by_cue = {q.cue_i: (q.speaker, q.text) for q in cx.quotes if q.cue_i >= 0 and q.speaker}
    linked = {frozenset((r.source, r.target)) | {("sent", ev.start)} for r in cx.found for ev in r.evidence}
    # a fallback only where no other pass linked the pair in that sentence ("announced sanctions on Russia")
    return [r for r in actions(cx.doc, cx.doc_id, cx.clauses, quotes_by_cue=by_cue, fallback="clause")
            if frozenset((r.source, r.target)) | {("sent", r.evidence[0].start)} not in linked]


def _speech_about_pass(cx: RelationContext) -> list[Relation]:
    """"X said Y must return Z": X made a statement about Y (CAMEO 01), Y's own act being a reported relation."""
    return list(speech_about(cx.doc, cx.doc_id, cx.clauses))


def _event_noun_pass(cx: RelationContext) -> list[Relation]:
    """An event noun links its owner and object ("Trump's arrest of Maduro", "talks with Peru")."""
    return list(event_relations(cx.doc, cx.doc_id, cx.clauses))


def _speech_pass(cx: RelationContext) -> list[Relation]:
    """Speech to and from outlets: "told Reuters", "the Global Times quoted Ceolin"."""
    return list(quote_relations(cx.doc, cx.doc_id, cx.clauses, cx.quotes))


#: the relation step, in order; each pass returns relation records, verb-based ones get their quote's words
RELATION_PASSES: tuple[Pass, ...] = (
    Pass("cooccurrence", _cooccurrence_pass, "entities named in one sentence or paragraph"),
    Pass("verbs", _verb_pass, "doer -verb-> target through the clause reader"),
    Pass("shallow_objects", _shallow_pass, "a verb the parse left without object: the entity after it"),
    Pass("speech_about", _speech_about_pass, "speaker -say-> the subject of the clause they report"),
    Pass("event_nouns", _event_noun_pass, "doer -event noun-> target"),
    Pass("speech", _speech_pass, "quote links to and from outlets"),
    Pass("clause_entities", _clause_pass, "a verb still without target: every entity of its clause not yet linked"),
)


def _quote_pass(doc: Doc, doc_id: str, clauses: Clauses) -> list[Quote]:
    """Who said what: every direct and indirect quote, its speaker, cue, addressee and names."""
    return quote_records(doc, doc_id, clauses)


#: the quote step: records of who said what (``Extraction.quotes``), beside the relations
QUOTE_PASSES: tuple[Pass, ...] = (
    Pass("quotes", _quote_pass, "direct and indirect quotes with their speakers"),
)


def document_quotes(doc: Doc, doc_id: str, index: MentionIndex, entities: Sequence[Entity], *,
                    clauses: Clauses | None = None, skip: frozenset[str] = frozenset()) -> list[Quote]:
    """The quote records of one document (:mod:`nlp.relations.quotes`).

    >>> from nlp.run.model import load_model
    >>> doc = load_model()("“We will not sign,” Angela Merkel said.")
    >>> entities, index = extract_entities(doc, "d")
    >>> [(q.speaker, q.kind, q.text) for q in document_quotes(doc, "d", index, entities)]
    [('person:angela-merkel', 'direct', 'We will not sign')]
    """
    clauses = clauses or Clauses(Actors(doc, index, entities))
    return [q for p in QUOTE_PASSES if p.name not in skip for q in p.run(doc, doc_id, clauses)]


def document_relations(doc: Doc, doc_id: str, index: MentionIndex, entities: Sequence[Entity], *,
                       window: str = "sentence", clauses: Clauses | None = None,
                       skip: frozenset[str] = frozenset()) -> list[Relation]:
    """Co-occurrences, verb actions, event-noun actions and quotes of one document.

    >>> from nlp.run.model import load_model
    >>> doc = load_model()("Chile and Peru held talks.")
    >>> entities, index = extract_entities(doc, "d")
    >>> sorted((r.kind, r.verb, r.symmetric) for r in document_relations(doc, "d", index, entities))
    [('action', 'talk', True), ('cooccurrence', '', True)]
    """
    clauses = clauses or Clauses(Actors(doc, index, entities))
    quotes = find_quotes(doc, clauses)
    clauses.quoted = [(q.start, q.end, q.speaker) for q in quotes]  # events inside a quote are its speaker's report
    cx = RelationContext(doc, doc_id, index, clauses, quotes, window)
    plain: list[Relation] = []
    worded: list[Relation] = []
    for p in RELATION_PASSES:
        if p.name not in skip:
            (plain if p.name == "cooccurrence" else worded).extend(p.run(cx))
            cx.found = worded
    return [*plain, *with_quote_text(worded, cx.quotes)]


def steps() -> dict[str, tuple[Pass, ...]]:
    """Every step's passes, in order: ``{"entities": (...), "quotes": (...), "relations": (...)}``.

    >>> names = pass_names()
    >>> len(names) == len(set(names)), "roles" in names, "verbs" in names
    (True, True, True)
    """
    from nlp.entities.sieve import ENTITY_PASSES

    return {"entities": ENTITY_PASSES, "quotes": QUOTE_PASSES, "relations": RELATION_PASSES}


def pass_names() -> list[str]:
    """The names of every pass of every step, in order: what ``skip=`` accepts."""
    return [p.name for passes in steps().values() for p in passes]


def check_skip(skip: Iterable[str]) -> frozenset[str]:
    """``skip`` as a frozenset of pass names; ``ValueError`` listing the valid names if one is unknown.

    >>> check_skip({"rolez"})
    Traceback (most recent call last):
    ...
    ValueError: unknown pass name 'rolez'; the passes are: first_type, ...
    """
    return check_names(skip, pass_names())


def extract(doc: Doc, document: Document, *, window: str = "sentence", skip: Iterable[str] = frozenset()) -> Extraction:
    """Entities and relations of one parsed document, as plain records.

    ``window`` is where co-occurrence is counted: ``"sentence"`` or ``"paragraph"``;
    ``skip`` names passes to switch off (:func:`pass_names`), for measurement.
    """
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {', '.join(WINDOWS)}, not {window!r}")
    skip = check_skip(skip)
    entities, index = extract_entities(doc, document.id, skip=skip)
    clauses = Clauses(Actors(doc, index, entities))  # one reading of the clauses for relations and quotes
    relations = document_relations(doc, document.id, index, entities, window=window, clauses=clauses, skip=skip)
    quotes = document_quotes(doc, document.id, index, entities, clauses=clauses, skip=skip)
    meta = tuple((k, getattr(document, k)) for k in ("title", "date", "url", "source") if getattr(document, k))
    meta += wire_meta(document.text, has_date=bool(document.date))
    return Extraction(document.id, tuple(entities), tuple(relations), meta, count_words(doc), tuple(quotes))


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
