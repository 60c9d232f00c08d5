"""Plain, picklable records: what ``nlp/`` hands to ``graph/``.

Every record is a frozen dataclass with character offsets into its document's
text; no spaCy object survives extraction (scispacy's lesson: Spans stored on
a Doc broke under multiprocessing).

Example
-------
>>> m = Mention(doc="a.txt", start=0, end=5, text="Paris", type="place")
>>> m.text
'Paris'
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

#: node types of the contract (shared/docs/contract.md)
TYPES = ("person", "official", "country", "outlet", "organization", "place")
#: edge kinds of the contract
KINDS = ("cooccurrence", "action", "quote")
POLARITIES = ("cooperation", "conflict", "neutral")


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its text and the metadata carried to nodes and edges."""

    id: str
    text: str
    title: str = ""
    date: str = ""
    url: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an entity: ``doc.text[start:end] == text``."""

    doc: str
    start: int
    end: int
    text: str
    type: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence an edge came from, with its offsets in the document."""

    doc: str
    sentence: str
    start: int
    end: int
    quote: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity; ``key`` is the node id (``person:ana-lopes``)."""

    key: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    affiliation: str = ""

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.doc for m in self.mentions))


@dataclass(frozen=True, slots=True)
class Relation:
    """A link between two entity keys, with the sentences it came from."""

    source: str
    target: str
    kind: str
    verb: str = ""
    polarity: str = ""
    category: str = ""
    evidence: tuple[Evidence, ...] = ()
    negated: bool = False
    modality: str = ""
    agent: str = ""
    symmetric: bool = False
    #: an event told inside reported speech ("X said Y attacked Z"), and the key of who told it ("" unknown)
    reported: bool = False
    reported_by: str = ""
    #: the relation pass that read it (:data:`nlp.extract.RELATION_PASSES`), and how sure the claim is, in
    #: [0, 1] (:mod:`nlp.confidence`; None for co-occurrence, which claims no act)
    rule: str = ""
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what: reported or quoted words, ``document[start:end] == text``.

    ``speaker`` and ``to`` are entity keys ("" when the text does not say);
    ``kind`` is ``direct`` (in quotation marks, or a block quote after a
    colon) or ``indirect`` ("X said that ..."); ``names`` are the keys of the
    entities named inside the words.

    >>> q = Quote("d", 1, 12, "We will win", "person:ana-bell", "say", "direct")
    >>> q.end - q.start == len(q.text)
    True
    """

    doc: str
    start: int
    end: int
    text: str
    speaker: str = ""
    cue: str = ""
    kind: str = "direct"
    to: str = ""
    names: tuple[str, ...] = ()
    #: the finder and the speaker rule that read it ("reported_speech/subject"), and how sure the
    #: attribution is, in [0, 1] (:mod:`nlp.confidence`; None when the quote has no speaker)
    rule: str = ""
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document."""

    doc: str
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()
    words: int = 0
    quotes: tuple[Quote, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Extraction":
        ents = tuple(
            Entity(**{**e, "aliases": tuple(e["aliases"]), "roles": tuple(e["roles"]),
                      "mentions": tuple(Mention(**m) for m in e["mentions"])})
            for e in data["entities"]
        )
        rels = tuple(
            Relation(**{**r, "evidence": tuple(Evidence(**v) for v in r["evidence"])})
            for r in data["relations"]
        )
        meta = tuple(tuple(x) for x in data.get("meta", ()))
        quotes = tuple(Quote(**{**q, "names": tuple(q.get("names", ()))}) for q in data.get("quotes", ()))
        return cls(doc=data["doc"], entities=ents, relations=rels, meta=meta, words=data.get("words", 0),
                   quotes=quotes)
