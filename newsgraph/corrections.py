"""Corrections a person writes: merge two entities, rename, retype, set a role, drop; drop or move a link.

The machine's mistakes are fixed in a small file, one fix a line, applied
when the documents are merged into the graph (after the cache: every cached
extraction stays valid, and a new corrections file needs no parsing). Two
forms, the same seven fixes (reading them: :mod:`newsgraph.fixes`):

CSV (``action,entity,value``; a header row, blank lines and ``#`` lines are skipped)::

    merge,Lopes,Ana Lopes
    rename,person:okafor,Dana Okafor
    type,Petrovia,organization
    role,Dana Okafor,Petrovia executive; chief financial officer
    drop,Friday
    drop-link,Australia -win-> India
    move-link,Ruiz -meet-> Chile @ d1.txt @ 120,target=Peru

TOML (a list ``fixes``, or ``[[fix]]`` tables, of the same three keys)::

    fixes = [
      {action = "merge", entity = "Lopes", value = "Ana Lopes"},
      {action = "drop", entity = "Friday"},
    ]

An entity is named by its node id (``person:ana-lopes``), else by its
label, else by one of its other names, case aside; a name that fits two
entities is refused (use the id). ``merge A into B`` keeps B's id, label and
type and adds A's names, roles and mentions; A's links become B's (a link
between the two goes). ``rename`` keeps the old label as another name;
``type`` gives the entity the id of its new type (``org:x`` retyped to
person is ``person:x``; the old id still finds it); ``role`` sets the roles
(``;`` between several; empty clears them). Ids that are gone (merged,
retyped, dropped) are followed everywhere: links, affiliations, who
reported an event, quotes.

A link is named by its ends and verb (``A -verb-> B``, ``A -> B`` for any
verb; a symmetric or co-occurrence link either way round), by a sentence of
a document (``DOC @ OFFSET`` or ``DOC @ words of the sentence``), or both
(``A -verb-> B @ DOC @ SENTENCE``): a link named with a sentence loses, or
moves, only what that sentence says.

Example
-------
>>> from nlp.records import Entity, Mention, Relation
>>> a = Entity("person:lopes", "Lopes", "person", mentions=(Mention("d", 0, 5, "Lopes", "person"),))
>>> b = Entity("person:ana-lopes", "Ana Lopes", "official", mentions=(Mention("e", 0, 9, "Ana Lopes", "official"),))
>>> fixes = parse_csv("merge,Lopes,Ana Lopes\\n", "fixes.csv")
>>> done = apply_corrections([a, b], [], fixes)
>>> [(e.key, e.aliases, len(e.mentions)) for e in done.entities], done.applied[0]["ids"]
([('person:ana-lopes', ('Lopes',), 2)], ['person:lopes', 'person:ana-lopes'])
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from newsgraph.fixes import (ACTIONS, LINK_ACTIONS, CorrectionsError, Fix, LinkRef, parse_csv, parse_link,
                             parse_toml, read_corrections)
from nlp.mentions import slug
from nlp.records import Entity, Evidence, Relation

__all__ = ["ACTIONS", "CorrectionsError", "Corrected", "Fix", "apply_corrections", "key_for_type", "parse_csv",
           "parse_link", "parse_toml", "read_corrections"]

#: the prefix of a node id for each type (an official is a person with a title)
KEY_PREFIX = {"person": "person", "official": "person", "country": "country", "outlet": "outlet",
              "organization": "org", "place": "place"}


def key_for_type(key: str, typ: str) -> str:
    """The id an entity takes when its type becomes ``typ``.

    >>> key_for_type("org:sigit-harjojudanto", "person"), key_for_type("person:ana", "official")
    ('person:sigit-harjojudanto', 'person:ana')
    """
    _, _, rest = key.partition(":")
    return f"{KEY_PREFIX[typ]}:{rest or slug(key)}"


@dataclass
class Corrected:
    """What :func:`apply_corrections` gives back.

    ``applied`` lists every fix that changed the graph (for the graph
    attribute ``corrections``); ``unmatched`` the fixes that matched no
    entity or link, or more than one entity, with the reason; ``moved`` maps
    each id that is gone to the id that took its place, or ``None`` when it
    was dropped (for records that refer to entities, such as quotes).
    """

    entities: list[Entity]
    relations: list[Relation]
    applied: list[dict] = field(default_factory=list)
    unmatched: list[tuple[Fix, str]] = field(default_factory=list)
    moved: dict[str, str | None] = field(default_factory=dict)


def _merged(a: Entity, b: Entity) -> Entity:
    """``a`` joined into ``b``: b's id, label and type; both's names, roles and mentions."""
    names = [x for x in dict.fromkeys((*b.aliases, a.label, *a.aliases)) if x != b.label]
    return replace(b, aliases=tuple(names), roles=tuple(dict.fromkeys((*b.roles, *a.roles))),
                   mentions=(*b.mentions, *a.mentions), affiliation=b.affiliation or a.affiliation)


def _in_sentence(ev: Evidence, sentence: str) -> bool:
    """An evidence sentence named by an offset inside it or by words of it."""
    if sentence.isdigit():
        return ev.start <= int(sentence) < max(ev.end, ev.start + 1)
    return sentence.casefold() in ev.sentence.casefold()


class _State:
    """Entities and relations being corrected, with the indexes that keep each fix's cost small:
    names to ids, ids to the links at their ends, gone ids to where they went."""

    def __init__(self, entities: Iterable[Entity], relations: Iterable[Relation]) -> None:
        self.ents = {e.key: e for e in entities}
        self.labels: dict[str, set[str]] = defaultdict(set)
        self.aliases: dict[str, set[str]] = defaultdict(set)
        for e in self.ents.values():
            self._index(e)
        self.rels: list[Relation | None] = list(relations)
        self.ends: dict[str, set[int]] = defaultdict(set)
        for i, r in enumerate(self.rels):
            self.ends[r.source].add(i)
            self.ends[r.target].add(i)
        self.by_doc: dict[str, set[int]] | None = None   # built on the first fix that names a document
        self.moved: dict[str, str | None] = {}

    # -- entities --------------------------------------------------------------
    def _index(self, e: Entity) -> None:
        self.labels[e.label.casefold()].add(e.key)
        for a in e.aliases:
            self.aliases[a.casefold()].add(e.key)

    def _unindex(self, e: Entity) -> None:
        self.labels[e.label.casefold()].discard(e.key)
        for a in e.aliases:
            self.aliases[a.casefold()].discard(e.key)

    def resolve(self, key: str) -> str | None:
        """Where an id went (itself when it is still here; None when it was dropped)."""
        seen = []
        while key in self.moved:
            seen.append(key)
            key = self.moved[key]
            if key is None:
                break
        for k in seen:                            # shorten the chain for the next look-up
            self.moved[k] = key
        return key

    def find(self, ref: str) -> list[str]:
        """Ids an entity reference names: the id itself (or an id it had), else labels, else other names."""
        if ref in self.ents:
            return [ref]
        if ref in self.moved:
            now = self.resolve(ref)
            return [now] if now else []
        folded = ref.casefold()
        return sorted(self.labels.get(folded) or self.aliases.get(folded) or ())

    def put(self, e: Entity) -> None:
        if e.key in self.ents:
            self._unindex(self.ents[e.key])
        self.ents[e.key] = e
        self._index(e)

    def remove(self, key: str) -> Entity:
        e = self.ents.pop(key)
        self._unindex(e)
        return e

    # -- links -------------------------------------------------------------------
    def drop_link(self, i: int) -> None:
        r = self.rels[i]
        if r is not None:
            self.ends[r.source].discard(i)
            self.ends[r.target].discard(i)
            self.rels[i] = None

    def set_link(self, i: int, r: Relation) -> None:
        """Relation ``i`` becomes ``r``; a link from an entity to itself goes."""
        self.drop_link(i)
        if r.source != r.target:
            self.rels[i] = r
            self.ends[r.source].add(i)
            self.ends[r.target].add(i)

    def add_link(self, r: Relation) -> None:
        if r.source == r.target:
            return
        self.rels.append(r)
        i = len(self.rels) - 1
        self.ends[r.source].add(i)
        self.ends[r.target].add(i)
        if self.by_doc is not None:
            for ev in r.evidence:
                self.by_doc[ev.doc].add(i)

    def rekey(self, old: str, new: str | None) -> None:
        """Every link at ``old`` now ends at ``new`` (``None``: the links go); ``old`` is gone."""
        for i in sorted(self.ends.pop(old, ())):
            r = self.rels[i]
            if r is None:
                continue
            if new is None:
                self.drop_link(i)
            else:
                self.set_link(i, replace(r, source=new if r.source == old else r.source,
                                         target=new if r.target == old else r.target))
        self.moved[old] = new

    def links(self, ref: LinkRef) -> tuple[list[tuple[int, bool]], str]:
        """``(index, reversed)`` of the links a reference names, or a reason when an end names no one entity.

        ``reversed`` is True when a symmetric or co-occurrence link matched with its ends the other way round.
        """
        if ref.source:
            ends = []
            for name in (ref.source, ref.target):
                found = self.find(name)
                if len(found) != 1:
                    return [], (f"{name!r} matches no entity" if not found else
                                f"{name!r} names {len(found)} entities ({', '.join(found)}); use an id")
                ends.append(found[0])
            src, tgt = ends
            candidates = self.ends.get(src, set()) & self.ends.get(tgt, set())
        else:
            if self.by_doc is None:
                self.by_doc = defaultdict(set)
                for i, r in enumerate(self.rels):
                    for ev in r.evidence if r is not None else ():
                        self.by_doc[ev.doc].add(i)
            candidates, src, tgt = self.by_doc.get(ref.doc, set()), "", ""
        out = []
        verb = ref.verb.casefold()
        for i in sorted(candidates):
            r = self.rels[i]
            if r is None or verb and verb not in (r.verb.casefold(), r.kind.casefold()):
                continue
            if ref.doc and not any(ev.doc == ref.doc and (not ref.sentence or _in_sentence(ev, ref.sentence))
                                   for ev in r.evidence):
                continue
            if not src or (r.source, r.target) == (src, tgt):
                out.append((i, False))
            elif (r.symmetric or r.kind == "cooccurrence") and (r.target, r.source) == (src, tgt):
                out.append((i, True))
        return out, "matches no link"

    def relations(self) -> list[Relation]:
        out = []
        for r in self.rels:
            if r is None:
                continue
            if r.reported_by and r.reported_by in self.moved:
                r = replace(r, reported_by=self.resolve(r.reported_by) or "")
            out.append(r)
        return out

    def entities(self) -> list[Entity]:
        out = []
        for e in self.ents.values():
            if e.affiliation and e.affiliation in self.moved:
                now = self.resolve(e.affiliation)
                e = replace(e, affiliation=now if now and now != e.key else "")
            out.append(e)
        return out


def _split(r: Relation, ref: LinkRef) -> tuple[Relation | None, Relation]:
    """A relation cut in two: what the named sentence does not say (None when nothing), and what it says."""
    if not ref.doc:
        return None, r
    named = tuple(ev for ev in r.evidence if ev.doc == ref.doc and (not ref.sentence or _in_sentence(ev, ref.sentence)))
    rest = tuple(ev for ev in r.evidence if ev not in named)
    return (replace(r, evidence=rest) if rest else None), replace(r, evidence=named)


def _apply_link_fix(st: _State, fix: Fix) -> tuple[list[str], str]:
    """A ``drop-link`` or ``move-link`` fix: the ids it touched, or a reason it matched nothing."""
    ref = fix.link
    assert ref is not None
    found, why = st.links(ref)
    if not found:
        return [], why
    to = ""
    if fix.action == "move-link":
        end, name = fix.moved_end
        into = st.find(name)
        if len(into) != 1:
            return [], (f"the end to move to, {name!r}, matches no entity" if not into else
                        f"the end to move to names {len(into)} entities ({', '.join(into)}); use an id")
        to = into[0]
    ids: list[str] = []
    for i, flipped in found:
        r = st.rels[i]
        assert r is not None
        ids.extend(k for k in (r.source, r.target) if k not in ids)
        kept, named = _split(r, ref)
        if kept is None:
            st.drop_link(i)
        else:
            st.set_link(i, kept)
        if fix.action == "move-link":
            field_name = end if not flipped else ("target" if end == "source" else "source")
            st.add_link(replace(named, **{field_name: to}))
    return ids + ([to] if to and to not in ids else []), ""


def _apply_entity_fix(st: _State, fix: Fix, key: str) -> tuple[list[str], str]:
    """A fix on one entity: the ids it touched, or a reason it was not applied."""
    if fix.action == "merge":
        into = st.find(fix.value)
        if len(into) != 1 or into[0] == key:
            return [], ("the entity to merge into matches no entity" if not into else
                        "it is already that entity" if into == [key] else
                        f"the entity to merge into names {len(into)} entities ({', '.join(into)}); use an id")
        target = into[0]
        st.put(_merged(st.remove(key), st.ents[target]))
        st.rekey(key, target)
        return [key, target], ""
    if fix.action == "drop":
        st.remove(key)
        st.rekey(key, None)
        return [key], ""
    e = st.ents[key]
    if fix.action == "rename":
        names = [x for x in dict.fromkeys((*e.aliases, e.label)) if x != fix.value]
        st.put(replace(e, label=fix.value, aliases=tuple(names)))
    elif fix.action == "role":
        st.put(replace(e, roles=tuple(r.strip() for r in fix.value.split(";") if r.strip())))
    elif fix.action == "type":
        new = key_for_type(key, fix.value)
        if new == key:
            st.put(replace(e, type=fix.value))
        elif new in st.ents:                       # the entity already has a node of that type: one entity
            st.put(replace(_merged(st.remove(key), st.ents[new]), type=fix.value))
            st.rekey(key, new)
            return [key, new], ""
        else:
            st.remove(key)
            st.put(replace(e, key=new, type=fix.value))
            st.rekey(key, new)
            return [key, new], ""
    return [key], ""


def apply_corrections(entities: Iterable[Entity], relations: Iterable[Relation], fixes: Iterable[Fix]) -> Corrected:
    """Apply ``fixes`` in order to merged entities and relations.

    Each fix sees the result of the ones before it (after ``merge A into B``,
    a later fix naming A, by its name or its id, finds B). A fix costs the
    links of the entities it touches, not a pass over the whole graph.

    >>> from nlp.records import Entity
    >>> done = apply_corrections([Entity("place:x", "Friday", "place")], [], [Fix("drop", "Monday", where="c.csv:2")])
    >>> [e.key for e in done.entities], done.unmatched[0][1]
    (['place:x'], 'matches no entity')
    >>> done = apply_corrections([Entity("org:sigit", "Sigit", "organization")], [], [Fix("type", "Sigit", "person")])
    >>> [e.key for e in done.entities], done.moved
    (['person:sigit'], {'org:sigit': 'person:sigit'})
    """
    st = _State(entities, relations)
    done = Corrected([], [])
    for fix in fixes:
        if fix.action in LINK_ACTIONS:
            ids, why = _apply_link_fix(st, fix)
        else:
            found = st.find(fix.entity)
            if len(found) != 1:
                ids, why = [], ("matches no entity" if not found else
                                f"names {len(found)} entities ({', '.join(found)}); use an id")
            else:
                ids, why = _apply_entity_fix(st, fix, found[0])
        if why:
            done.unmatched.append((fix, why))
            continue
        done.applied.append({"fix": fix.action, "entity": fix.entity, "value": fix.value, "ids": ids,
                             "where": fix.where, "text": fix.describe()})
    done.entities = st.entities()
    done.relations = st.relations()
    done.moved = {k: st.resolve(k) for k in list(st.moved)}
    return done
