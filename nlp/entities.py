"""Entity mentions, types and one node per real-world entity in a document.

:func:`extract_entities` turns a parsed ``Doc`` into doc-local
:class:`~nlp.records.Entity` records whose keys are already global
(``person:mark-carney``, ``country:CA``) and a :class:`MentionIndex` that the
relation step uses to find which entity a token belongs to.

Example
-------
>>> import spacy
>>> from spacy.tokens import Doc, Span
>>> nlp = spacy.blank("en")
>>> doc = Doc(nlp.vocab, words=["Angela", "Merkel", "met", "French", "leaders", "."])
>>> doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 4, "NORP")]
>>> sorted(e.key for e in extract_entities(doc, "d1")[0])
['country:FR', 'person:angela-merkel']
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from nlp import countries, lexicons
from nlp.records import Entity, Mention

LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "mr.", "mrs.", "ms.", "dr."}
_POSSESSIVE = re.compile(r"(?:['\u2019]s?|\s*\()$")


def slug(text: str) -> str:
    """Lower-case ASCII slug for node keys.

    >>> slug("Mélanie Joly")
    'melanie-joly'
    """
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "x"


def clean_surface(text: str) -> str:
    """Drop a leading "the", a possessive and a dangling parenthesis.

    >>> clean_surface("the Associated Press (")
    'Associated Press'
    >>> clean_surface("Carney\u2019s")
    'Carney'
    """
    s = " ".join(text.split())
    while True:
        t = _POSSESSIVE.sub("", s).strip()
        if t == s:
            break
        s = t
    if s.lower().startswith("the "):
        s = s[4:]
    return s.strip(" -—,.;:\"“”") if not s.endswith(".") or len(s) < 4 else s.strip(" -—,;:\"“”")


@dataclass
class _Cluster:
    key: str
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


class MentionIndex:
    """Which entity key each token of a document belongs to."""

    def __init__(self) -> None:
        self.by_token: dict[int, str] = {}
        self.spans: list[tuple[int, int, str]] = []  # token start, end, key

    def add(self, start: int, end: int, key: str) -> None:
        self.spans.append((start, end, key))
        for i in range(start, end):
            self.by_token[i] = key

    def key_of(self, token_i: int) -> str | None:
        return self.by_token.get(token_i)


def title_before(span: Span) -> tuple[str, int]:
    """A role phrase just before a name ("Foreign Affairs Minister"), and its start token."""
    doc = span.doc
    i = span.start
    words: list[str] = []
    start = i
    j = i - 1
    while j >= 0 and i - j <= 6:
        tok = doc[j]
        if tok.is_punct or tok.ent_type_ in ("PERSON", "DATE") or tok.pos_ in ("VERB", "AUX", "DET", "PRON", "ADP"):
            if tok.lower_ == "and" or tok.lower_ == "of":
                pass
            else:
                break
        if tok.pos_ not in ("PROPN", "NOUN", "ADJ", "CCONJ", "ADP") and tok.lower_ not in HONORIFICS:
            break
        words.insert(0, tok.text)
        start = j
        j -= 1
    # keep the longest suffix of words that ends in a role word
    phrase = " ".join(words)
    while words:
        if lexicons.role_kind(" ".join(words)) and words[0].lower() not in ("and", "of"):
            return " ".join(words), start
        words.pop(0)
        start += 1
    return "", span.start


def _type_of(span: Span, text: str) -> tuple[str, str] | None:
    """(type, key) for a cleaned mention, or None when it is not an entity."""
    label = span.label_
    outlet = lexicons.outlet_name(text)
    if outlet:
        return "outlet", f"outlet:{slug(outlet)}"
    hit = countries.lookup(text)
    if hit and label in ("GPE", "LOC", "NORP", "ORG", "FAC"):
        return "country", f"country:{hit.code}"
    if label == "NORP":
        return None
    if label == "PERSON":
        return "person", f"person:{slug(text)}"
    if label == "ORG":
        return "organization", f"org:{slug(text)}"
    return "place", f"place:{slug(text)}"


def extract_entities(doc: Doc, doc_id: str) -> tuple[list[Entity], MentionIndex]:
    """Doc-local entities (with global keys) and the token index of their mentions."""
    clusters: dict[str, _Cluster] = {}
    raw: list[tuple[Span, str, str, str]] = []  # span, clean text, type, key
    for span in doc.ents:
        if span.label_ not in LABELS:
            continue
        text = clean_surface(span.text)
        words = text.split()
        while words and words[0].lower().rstrip(".") + "." in HONORIFICS | {w + "." for w in HONORIFICS}:
            words.pop(0)
        text = " ".join(words)
        if not text or not any(c.isalpha() for c in text):
            continue
        typed = _type_of(span, text)
        if typed is None:
            continue
        raw.append((span, text, *typed))

    # surnames of full-named people in this document
    full_names: dict[str, set[str]] = defaultdict(set)
    for span, text, typ, key in raw:
        if typ == "person" and len(text.split()) > 1:
            full_names[text.split()[-1]].add(key)

    index = MentionIndex()
    for span, text, typ, key in raw:
        if len(text.split()) == 1 and len(full_names.get(text, ())) == 1:
            # a lone surname of exactly one full-named person is that person
            key, typ = next(iter(full_names[text])), "person"
        cl = clusters.get(key)
        label = text if typ != "country" else countries.country_name(key.split(":", 1)[1])
        if cl is None:
            cl = clusters[key] = _Cluster(key, typ, label)
        if typ == "person" and len(text) > len(cl.label):
            cl.label = text
        cl.aliases.add(span.text.strip())
        role, _ = title_before(span) if typ == "person" else ("", span.start)
        if role and role not in cl.roles:
            cl.roles.append(role)
        cl.mentions.append(Mention(doc_id, span.start_char, span.end_char, span.text, typ))
        index.add(span.start, span.end, key)

    entities = []
    for cl in clusters.values():
        typ = cl.type
        if typ == "person" and any(lexicons.role_kind(r) == "official" for r in cl.roles):
            typ = "official"
        aliases = tuple(sorted(a for a in cl.aliases if a != cl.label))
        entities.append(Entity(cl.key, cl.label, typ, aliases, tuple(cl.roles),
                               tuple(Mention(m.doc, m.start, m.end, m.text, typ) for m in cl.mentions)))
    return entities, index
