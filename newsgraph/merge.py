"""Merge per-document extractions into one set of entities and relations.

The same key in two documents is one entity with both documents in ``docs``.
Across documents, as within one:

- a one-word person key (``person:lopes``) joins the only person whose
  family name it is (last word, else first word: ``person:moon`` joins
  ``person:moon-jae-in``), and stays apart when two people share it, in the
  corpus or in one of its own stories; so does a one-word place no gazetteer
  knows (a surname the model called a place). A first or middle word joins
  only a person whose own stories call them by it alone ("Saddam") or whose
  name is written family name first ("Moon Jae-in"): "his sister Lisa" is no
  tennis player Lisa of another story;
- an organisation, outlet or place whose name is an alias of exactly one
  other such entity (``org:nato`` and "North Atlantic Treaty Organization"
  with alias "NATO") is that entity.

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
from dataclasses import replace

from nlp.mentions import slug
from nlp.entities.names import NameIndex, family_name_first, is_family_name, name_words
from nlp.entities.places import is_known_place
from nlp.records import Entity, Extraction, Quote, Relation

_TYPE_RANK = {"official": 0, "outlet": 1, "country": 2, "person": 3, "organization": 4, "place": 5}
#: key prefixes whose entities merge through aliases ("APEC" -> Asia-Pacific Economic Cooperation)
_ALIAS_PREFIXES = ("org:", "outlet:", "place:")


def _merge_entities(group: list[Entity], key: str) -> Entity:
    people = key.startswith("person:")
    label = max((e.label for e in group), key=lambda s: (len(s.split()), len(s)) if people else len(s))
    if key.startswith(("country:", "outlet:")):
        label = next((e.label for e in group if e.key == key), label)
    typ = min((e.type for e in group), key=lambda t: _TYPE_RANK.get(t, 9))
    aliases = {a for e in group for a in (*e.aliases, e.label)} - {label}
    roles: dict[str, str] = {}
    for e in group:
        for r in e.roles:
            roles.setdefault(r.lower(), r)
    mentions = tuple(m for e in group for m in e.mentions)
    affiliation = next((e.affiliation for e in group if e.affiliation), "")
    return Entity(key, label, typ, tuple(sorted(aliases)), tuple(roles.values()), mentions, affiliation)


def _contested(extractions: Iterable[Extraction]) -> set[str]:
    """One-word person keys that some story of theirs gives to two of its full-named people ("Yeltsin" in a
    story of Boris and Naina Yeltsin): the story itself left the name unresolved, so the corpus must too.

    >>> ex = Extraction("a", (Entity("person:ana-ruiz", "Ana Ruiz", "person"),
    ...                       Entity("person:luis-ruiz", "Luis Ruiz", "person"), Entity("person:ruiz", "Ruiz", "person")))
    >>> sorted(_contested([ex]))
    ['person:ruiz']
    """
    contested: set[str] = set()
    for ex in extractions:
        people = [e for e in ex.entities if e.key.startswith("person:")]
        short = [e for e in people if len(e.label.split()) == 1]
        if not short:
            continue
        full = [(e.key, NameIndex([n])) for e in people for n in (e.label, *e.aliases) if len(n.split()) > 1]
        for e in short:
            if len({k for k, index in full if k != e.key and index.match(e.label)}) > 1:
                contested.add(e.key)
    return contested


def _own_short_names(group: list[Entity]) -> set[str]:
    """The one-word names a person's own stories call them by (folded)."""
    return {" ".join(name_words(a)) for e in group for a in (e.label, *e.aliases) if len(a.split()) == 1}


def _person_remap(by_key: dict[str, list[Entity]], contested: set[str] = frozenset()) -> dict[str, str]:
    """One-word person keys -> the one full-named person they can only be.

    Across stories a lone given name ("his sister Lisa") is nobody's full name: a one-word name that is not
    the full name's family (last) name joins it only where that person's own stories call them so
    ("Saddam"), or where the full name is written family name first ("Moon" of "Moon Jae-in").
    """
    full = {group[0].label: key for key, group in by_key.items()
            if key.startswith("person:") and len(group[0].label.split()) > 1}
    names = NameIndex(full)                      # built once: the merge stays linear in the number of people
    remap: dict[str, str] = {}
    for key, group in by_key.items():
        label = group[0].label
        if len(label.split()) != 1 or key in contested:
            continue
        if key.startswith("person:") or key.startswith("place:") and not is_known_place(label):
            # a surname the model called a place in an article without the full name ("Kowalski said")
            target = names.match(label)
            if target and full[target] != key:
                if not is_family_name(label, target) and not family_name_first(target) \
                        and " ".join(name_words(label)) not in _own_short_names(by_key[full[target]]):
                    continue                     # "his sister Lisa" is no "Lisa Vance" of another story
                remap[key] = full[target]
    return remap


def _alias_remap(by_key: dict[str, list[Entity]]) -> dict[str, str]:
    """Organisations, outlets and places named by another one's alias."""
    owners: dict[str, set[str]] = defaultdict(set)
    for key, group in by_key.items():
        if key.startswith(_ALIAS_PREFIXES):
            for e in group:
                for a in e.aliases:
                    owners[slug(a)].add(key)
    remap: dict[str, str] = {}
    for key, group in by_key.items():
        if not key.startswith(_ALIAS_PREFIXES):
            continue
        targets = owners.get(slug(group[0].label), set()) - {key}
        if len(targets) == 1:
            target = next(iter(targets))
            if key.split(":")[0] == target.split(":")[0] and remap.get(target) != key:
                remap[key] = target
    return remap


def merge(extractions: Iterable[Extraction]) -> tuple[list[Entity], list[Relation]]:
    """Global entities and relations from per-document extractions (:func:`merge_with_quotes` without its quotes).

    >>> from nlp.records import Entity, Extraction
    >>> a = Extraction("a", (Entity("org:world-trade-organization", "World Trade Organization",
    ...                              "organization", aliases=("WTO",)),))
    >>> b = Extraction("b", (Entity("org:wto", "WTO", "organization"),))
    >>> [e.key for e in merge([a, b])[0]]
    ['org:world-trade-organization']
    """
    entities, relations, _ = merge_with_quotes(extractions)
    return entities, relations


def remap_quote(q: Quote, remap: dict[str, str]) -> Quote:
    """A quote's speaker, addressee and names as merged node keys (a key mapped to "" is gone).

    >>> remap_quote(Quote("d", 0, 2, "Hi", "person:a", names=("person:a", "org:x")),
    ...             {"person:a": "person:b", "org:x": ""}).names
    ('person:b',)
    """
    names = tuple(k for k in dict.fromkeys(remap.get(k, k) for k in q.names) if k)
    return replace(q, speaker=remap.get(q.speaker, q.speaker), to=remap.get(q.to, q.to), names=names)


def merge_with_quotes(extractions: Iterable[Extraction]) -> tuple[list[Entity], list[Relation], list[Quote]]:
    """Global entities, relations and quotes: a quote's keys are remapped as the entities are.

    >>> from nlp.records import Entity, Extraction, Quote
    >>> a = Extraction("a", (Entity("person:ada-lovelace", "Ada Lovelace", "person"),))
    >>> b = Extraction("b", (Entity("person:lovelace", "Lovelace", "person"),),
    ...                quotes=(Quote("b", 0, 9, "I compute", "person:lovelace", "say"),))
    >>> merge_with_quotes([a, b])[2][0].speaker
    'person:ada-lovelace'
    """
    by_key: dict[str, list[Entity]] = defaultdict(list)
    relations: list[Relation] = []
    quotes: list[Quote] = []
    extractions = list(extractions)
    for ex in extractions:
        for e in ex.entities:
            by_key[e.key].append(e)
        relations.extend(ex.relations)
        quotes.extend(ex.quotes)

    remap = {**_person_remap(by_key, _contested(extractions)), **_alias_remap(by_key)}
    for old in remap:                                    # follow chains: a -> b -> c is a -> c
        seen = {old}
        while remap[old] in remap and remap[old] not in seen:
            seen.add(remap[old])
            remap[old] = remap[remap[old]]
    remap = {old: new for old, new in remap.items() if old != new}
    for old, new in remap.items():
        by_key[new].extend(by_key.pop(old))

    entities = [_merge_entities(group, key) for key, group in sorted(by_key.items())]
    if remap:
        entities = [replace(e, affiliation=remap[e.affiliation]) if e.affiliation in remap else e
                    for e in entities]
        relations = [replace(r, source=remap.get(r.source, r.source), target=remap.get(r.target, r.target))
                     if r.source in remap or r.target in remap else r for r in relations]
        relations = [r for r in relations if r.source != r.target]
        quotes = [remap_quote(q, remap) for q in quotes]
    return entities, relations, quotes
