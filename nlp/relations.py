"""Relations between the entities of one document.

- :func:`cooccurrences`: entities named in one sentence (kind ``cooccurrence``).
- :func:`actions`: subject–verb–object from the dependency parse (kind ``action``).

Each yields :class:`~nlp.records.Relation` records carrying the sentence they
came from as :class:`~nlp.records.Evidence`.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from nlp.entities import MentionIndex
from nlp.records import Evidence, Relation
from nlp.verbs import classify

_SUBJ_DEPS = {"nsubj"}
_OBJ_DEPS = {"dobj", "obj", "dative"}


def evidence(doc_id: str, sent: Span) -> Evidence:
    return Evidence(doc_id, sent.text, sent.start_char, sent.end_char)


def cooccurrences(doc: Doc, doc_id: str, index: MentionIndex) -> Iterator[Relation]:
    """One relation per pair of distinct entities named in one sentence.

    Pairs are sorted so that the same pair always gives the same edge.
    """
    for sent in doc.sents:
        keys = sorted({k for i in range(sent.start, sent.end) if (k := index.key_of(i))})
        for a, b in combinations(keys, 2):
            yield Relation(a, b, "cooccurrence", evidence=(evidence(doc_id, sent),), symmetric=True)


def _entity_of(tok: Token, index: MentionIndex) -> str | None:
    """The entity a noun phrase head stands for (the head or its compound)."""
    key = index.key_of(tok.i)
    if key:
        return key
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "poss") and (key := index.key_of(child.i)):
            return key
    return None


def actions(doc: Doc, doc_id: str, index: MentionIndex) -> Iterator[Relation]:
    """Active subject–verb–object clauses whose ends are both entities."""
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in tok.children if c.dep_ in _SUBJ_DEPS]
        objects = [c for c in tok.children if c.dep_ in _OBJ_DEPS]
        for prep in (c for c in tok.children if c.dep_ == "prep"):
            objects.extend(c for c in prep.children if c.dep_ == "pobj")
        for s in subjects:
            src = _entity_of(s, index)
            if not src:
                continue
            for o in objects:
                tgt = _entity_of(o, index)
                if tgt and tgt != src:
                    polarity, category = classify(tok.lemma_)
                    yield Relation(src, tgt, "action", tok.lemma_.lower(), polarity, category,
                                   (evidence(doc_id, tok.sent),))
