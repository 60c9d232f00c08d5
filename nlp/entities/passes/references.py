"""Entity passes that find references: common nouns standing for an entity named before them.

"the Norwegian paper warned" stands for the outlet just named, "the
secretary-general said" for the one person of the story who holds that role.
They run last, on the final candidates (not dropped, typed, keyed), and add
no candidate: each reference is an index span ``(start, end, key)`` recorded
in :attr:`EntityContext.references`, which the sieve adds to the mention
index after the candidates' own spans. A token already stands for an entity
when a linked candidate covers it or an earlier reference does (a
mention-only candidate, in a headline or a table, does not count).
"""
from __future__ import annotations

from collections import defaultdict

import numpy
from spacy.tokens import Doc

from nlp.entities.candidates import Candidate, EntityContext
from nlp.scan import where

#: nouns that stand for an outlet named shortly before ("the Chinese paper warned")
OUTLET_NOUNS = frozenset({"paper", "newspaper", "daily", "tabloid", "broadcaster", "agency", "outlet",
                          "magazine", "weekly", "network", "channel", "website"})
#: how many sentences back such a noun looks for its outlet
OUTLET_ANAPHORA_SENTENCES = 2


def _covered(cx: EntityContext) -> set[int]:
    """Tokens that already stand for an entity: those of linked final candidates and of references so far."""
    covered = {i for c in cx.final() if c.linked for i in range(c.start, c.end)}
    covered.update(i for start, end, _ in cx.references for i in range(start, end))
    return covered


def _refer(cx: EntityContext, covered: set[int], start: int, end: int, key: str) -> None:
    """Record that tokens ``start:end`` stand for ``key``."""
    cx.references.append((start, end, key))
    covered.update(range(start, end))


def outlet_anaphora(cx: EntityContext) -> None:
    """ "the Norwegian paper warned": the head noun stands for the last outlet named before it;
    "the news agency TASS": a noun right before an outlet's name stands for that outlet."""
    doc = cx.doc
    outlets = [c for c in cx.final() if c.type == "outlet"]
    if not outlets:
        return
    covered = _covered(cx)
    # one pass over the nouns in text order, each outlet looked up, not searched for (linear in long texts)
    named_at: dict[int, Candidate] = {}
    for c in outlets:
        named_at.setdefault(c.start, c)
    by_end = sorted(range(len(outlets)), key=lambda k: outlets[k].end)
    ended, last_k = 0, -1                         # outlets ended so far; the latest of them in the list
    sentence = _sentence_numbers(doc)
    for i in where(doc, "LOWER", OUTLET_NOUNS):
        tok = doc[i]
        if i in covered or tok.pos_ not in ("NOUN", ""):
            continue
        named = named_at.get(tok.i + 1)
        if named is not None:
            _refer(cx, covered, tok.i, tok.i + 1, named.key)
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue
        while ended < len(by_end) and outlets[by_end[ended]].end <= tok.i:
            last_k = max(last_k, by_end[ended])
            ended += 1
        if last_k < 0:
            continue
        last = outlets[last_k]
        if sentence is not None and sentence[tok.i] - sentence[last.start] > OUTLET_ANAPHORA_SENTENCES:
            continue                              # more sentences back than a reader would look
        _refer(cx, covered, tok.i, tok.i + 1, last.key)


def _sentence_numbers(doc: Doc) -> list[int] | None:
    """The sentence number of every token (None when the document has no sentences).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["A", ".", "B", "C", "."], sent_starts=[1, 0, 1, 0, 0])
    >>> _sentence_numbers(doc)
    [0, 0, 1, 1, 1]
    """
    if not doc.has_annotation("SENT_START"):
        return None
    starts = doc.to_array("SENT_START") == 1
    starts[:1] = False
    return numpy.cumsum(starts).tolist()


def role_anaphora(cx: EntityContext) -> None:
    """ "the secretary-general said": a definite role noun stands in the index for the one person of the
    story who holds that role, named before it ("Secretary-General Ana Lopes ... the secretary-general").

    With two holders ("the minister" after two ministers) nothing is guessed; a role noun before a name
    is that name's title, not a reference.
    """
    doc = cx.doc
    holders: dict[str, set[str]] = defaultdict(set)
    first: dict[str, int] = {}
    for c in cx.final():
        if c.type != "person":
            continue
        for role in c.roles:
            head = role.text.split()[-1].lower()
            holders[head].add(c.key)
            first[c.key] = min(first.get(c.key, c.start), c.start)
    if not holders:
        return
    covered = _covered(cx)
    by_last = defaultdict(list)
    for head in holders:
        by_last[head.split("-")[-1]].append(head)
    for i in where(doc, "LOWER", set(by_last)):
        tok = doc[i]
        for head in by_last[tok.lower_]:
            n = head.count("-") * 2                # "secretary-general" is three tokens
            start = i - n
            if start < 1 or doc[start:i + 1].text.lower() != head:
                continue
            keys = holders[head]
            if len(keys) != 1 or any(j in covered for j in range(start, i + 1)) \
                    or tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
                continue
            if doc[start - 1].lower_ != "the" or i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN":
                continue                           # "the minister Ana Lopes": a title; "a minister": anyone
            key = next(iter(keys))
            if first[key] < start:
                _refer(cx, covered, start, i + 1, key)
