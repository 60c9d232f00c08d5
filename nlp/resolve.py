"""Merge per-document extractions into one set of entities and relations.

The same key in two documents is one entity with both documents in ``docs``;
a one-word person key (``person:carney``) joins the only person across the
corpus whose last name it is, and stays apart when two people share it.

Example
-------
>>> from nlp.records import Entity, Extraction, Mention
>>> a = Extraction("a", (Entity("person:ada-lovelace", "Ada Lovelace", "person",
...                       mentions=(Mention("a", 0, 12, "Ada Lovelace", "person"),)),))
>>> b = Extraction("b", (Entity("person:lovelace", "Lovelace", "person",
...                       mentions=(Mention("b", 0, 8, "Lovelace", "person"),)),))
>>> [(e.key, e.docs) for e in merge([a, b])[0]]
[('person:ada-lovelace', ('a', 'b'))]
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from nlp.records import Entity, Extraction, Relation

_TYPE_RANK = {"official": 0, "outlet": 1, "country": 2, "person": 3, "organization": 4, "place": 5}


def _merge_entities(group: list[Entity], key: str) -> Entity:
    label = max((e.label for e in group), key=len)
    typ = min((e.type for e in group), key=lambda t: _TYPE_RANK.get(t, 9))
    aliases = {a for e in group for a in (*e.aliases, e.label)} - {label}
    roles = tuple(dict.fromkeys(r for e in group for r in e.roles))
    mentions = tuple(m for e in group for m in e.mentions)
    affiliation = next((e.affiliation for e in group if e.affiliation), "")
    return Entity(key, label, typ, tuple(sorted(aliases)), roles, mentions, affiliation)


def merge(extractions: Iterable[Extraction]) -> tuple[list[Entity], list[Relation]]:
    """Global entities and relations from per-document extractions."""
    by_key: dict[str, list[Entity]] = defaultdict(list)
    relations: list[Relation] = []
    for ex in extractions:
        for e in ex.entities:
            by_key[e.key].append(e)
        relations.extend(ex.relations)

    # one-word person keys -> the unique multi-word person with that last name
    surname: dict[str, set[str]] = defaultdict(set)
    for key, group in by_key.items():
        if key.startswith("person:") and "-" in key[7:]:
            surname[key[7:].rsplit("-", 1)[1]].add(key)
    remap: dict[str, str] = {}
    for key in list(by_key):
        if key.startswith("person:") and "-" not in key[7:] and len(surname.get(key[7:], ())) == 1:
            remap[key] = next(iter(surname[key[7:]]))
    for old, new in remap.items():
        by_key[new].extend(by_key.pop(old))

    entities = [_merge_entities(group, key) for key, group in sorted(by_key.items())]
    if remap:
        relations = [
            Relation(remap.get(r.source, r.source), remap.get(r.target, r.target), r.kind, r.verb,
                     r.polarity, r.category, r.evidence, r.negated, r.modality, r.agent, r.symmetric)
            for r in relations
        ]
        relations = [r for r in relations if r.source != r.target]
    return entities, relations
