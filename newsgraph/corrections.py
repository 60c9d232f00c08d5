"""Corrections a person writes: merge two entities, rename, retype, set a role, drop.

The machine's mistakes are fixed in a small file, one fix a line, applied
when the documents are merged into the graph (after the cache: every cached
extraction stays valid, and a new corrections file needs no parsing). Two
forms, the same five fixes:

CSV (``action,entity,value``; a header row, blank lines and ``#`` lines are skipped)::

    merge,Lopes,Ana Lopes
    rename,person:okafor,Dana Okafor
    type,Petrovia,organization
    role,Dana Okafor,Petrovia executive; chief financial officer
    drop,Friday

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
``role`` sets the roles (``;`` between several; empty clears them).

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

import csv
import io
import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from nlp.records import TYPES, Entity, Relation

#: the fixes, and what the value column means for each
ACTIONS = {
    "merge": "the entity it joins",
    "rename": "the new label",
    "type": "the new type (" + ", ".join(TYPES) + ")",
    "role": "the roles, ';' between several",
    "drop": "nothing",
}


class CorrectionsError(ValueError):
    """A corrections file that cannot be read, or a fix that makes no sense; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Fix:
    """One fix: ``action`` on ``entity`` (an id or a name), with ``value``; ``where`` is ``file:line``."""

    action: str
    entity: str
    value: str = ""
    where: str = ""

    def describe(self) -> str:
        """The fix as a person wrote it.

        >>> Fix("merge", "Lopes", "Ana Lopes").describe(), Fix("drop", "Friday").describe()
        ("merge 'Lopes' into 'Ana Lopes'", "drop 'Friday'")
        """
        if self.action == "merge":
            return f"merge {self.entity!r} into {self.value!r}"
        if self.action == "drop":
            return f"drop {self.entity!r}"
        verb = {"rename": "rename", "type": "set the type of", "role": "set the roles of"}[self.action]
        return f"{verb} {self.entity!r} to {self.value!r}"


@dataclass
class Corrected:
    """What :func:`apply_corrections` gives back.

    ``applied`` lists every fix that changed the graph (for the graph
    attribute ``corrections``); ``unmatched`` the fixes that matched no
    entity, or more than one, with the reason; ``moved`` maps each id that is
    gone to the id that took its place, or ``None`` when it was dropped (for
    records that refer to entities, such as quotes).
    """

    entities: list[Entity]
    relations: list[Relation]
    applied: list[dict] = field(default_factory=list)
    unmatched: list[tuple[Fix, str]] = field(default_factory=list)
    moved: dict[str, str | None] = field(default_factory=dict)


def _fix(action: str, entity: str, value: str, where: str) -> Fix:
    """A checked fix; a fix that makes no sense is an error naming where it is."""
    action = action.strip().lower()
    entity, value = entity.strip(), value.strip()
    if action not in ACTIONS:
        raise CorrectionsError(f"{where}: unknown fix {action!r}; the fixes are {', '.join(ACTIONS)}")
    if not entity:
        raise CorrectionsError(f"{where}: the fix {action!r} names no entity")
    if action in ("merge", "rename", "type") and not value:
        raise CorrectionsError(f"{where}: the fix {action!r} needs a value: {ACTIONS[action]}")
    if action == "type" and value not in TYPES:
        raise CorrectionsError(f"{where}: unknown type {value!r}; the types are {', '.join(TYPES)}")
    return Fix(action, entity, value, where)


def parse_csv(text: str, name: str = "corrections") -> list[Fix]:
    """Fixes from CSV text, one a row: ``action,entity,value``.

    >>> [f.action for f in parse_csv("action,entity,value\\n# a comment\\n\\ndrop,Friday\\n", "c.csv")]
    ['drop']
    """
    fixes = []
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        if number == 1 and [c.strip().lower() for c in row[:3]] == ["action", "entity", "value"]:
            continue
        if len(row) > 3:
            raise CorrectionsError(f"{name}:{number}: {len(row)} columns; a fix is action,entity,value "
                                   "(quote a value that holds a comma)")
        action, entity, value = (row + ["", ""])[:3]
        fixes.append(_fix(action, entity, value, f"{name}:{number}"))
    return fixes


def parse_toml(text: str, name: str = "corrections") -> list[Fix]:
    """Fixes from TOML text: a list ``fixes`` (or ``[[fix]]`` tables) of ``action``, ``entity``, ``value``.

    >>> [f.describe() for f in parse_toml('fixes = [{action = "rename", entity = "Macron", value = "Emmanuel Macron"}]')]
    ["rename 'Macron' to 'Emmanuel Macron'"]
    """
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CorrectionsError(f"{name}: not valid TOML ({exc})") from None
    items = doc.get("fixes", doc.get("fix", []))
    unknown = set(doc) - {"fixes", "fix"}
    if unknown or not isinstance(items, list):
        raise CorrectionsError(f"{name}: expected a list 'fixes' of {{action, entity, value}} tables"
                               + (f", found {', '.join(sorted(unknown))}" if unknown else ""))
    fixes = []
    lines = text.splitlines()
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or set(item) - {"action", "entity", "value"}:
            raise CorrectionsError(f"{name}: fix {number}: expected a table of action, entity and value")
        entity = str(item.get("entity", ""))
        line = next((i for i, s in enumerate(lines, start=1) if entity and entity in s), None)
        where = f"{name}:{line}" if line else f"{name}: fix {number}"
        fixes.append(_fix(str(item.get("action", "")), entity, str(item.get("value", "")), where))
    return fixes


def read_corrections(path: str | os.PathLike) -> list[Fix]:
    """The fixes of a ``.toml`` or ``.csv`` file (anything else is read as CSV).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "fixes.csv"; _ = p.write_text("drop,Friday\\n")
    >>> read_corrections(p)[0].where.endswith("fixes.csv:1")
    True
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CorrectionsError(f"{path}: no such corrections file") from None
    except UnicodeDecodeError:
        raise CorrectionsError(f"{path}: the corrections file is not UTF-8 text") from None
    except OSError as exc:
        raise CorrectionsError(f"{path}: cannot read the corrections file ({exc.strerror or exc})") from None
    if path.suffix.lower() == ".toml":
        return parse_toml(text, str(path))
    return parse_csv(text, str(path))


def _find(ref: str, entities: dict[str, Entity]) -> list[str]:
    """Ids an entity reference names: the id itself, else labels, else other names (case aside)."""
    if ref in entities:
        return [ref]
    folded = ref.casefold()
    by_label = [k for k, e in entities.items() if e.label.casefold() == folded]
    if by_label:
        return by_label
    return [k for k, e in entities.items() if any(a.casefold() == folded for a in e.aliases)]


def _merged(a: Entity, b: Entity) -> Entity:
    """``a`` joined into ``b``: b's id, label and type; both's names, roles and mentions."""
    names = [x for x in dict.fromkeys((*b.aliases, a.label, *a.aliases)) if x != b.label]
    return replace(b, aliases=tuple(names), roles=tuple(dict.fromkeys((*b.roles, *a.roles))),
                   mentions=(*b.mentions, *a.mentions), affiliation=b.affiliation or a.affiliation)


def _relink(relations: Iterable[Relation], old: str, new: str | None) -> list[Relation]:
    """Relations with ``old`` replaced by ``new``; those left linking an entity to itself, or to nothing, go."""
    out = []
    for r in relations:
        if old not in (r.source, r.target):
            out.append(r)
            continue
        if new is None:
            continue
        src, tgt = (new if r.source == old else r.source), (new if r.target == old else r.target)
        if src != tgt:
            out.append(replace(r, source=src, target=tgt))
    return out


def apply_corrections(entities: Iterable[Entity], relations: Iterable[Relation], fixes: Iterable[Fix]) -> Corrected:
    """Apply ``fixes`` in order to merged entities and relations.

    Each fix sees the result of the ones before it (after ``merge A into B``,
    a later fix naming A finds B through A's name).

    >>> from nlp.records import Entity
    >>> done = apply_corrections([Entity("place:x", "Friday", "place")], [], [Fix("drop", "Monday", where="c.csv:2")])
    >>> [e.key for e in done.entities], done.unmatched[0][1]
    (['place:x'], 'matches no entity')
    """
    ents = {e.key: e for e in entities}
    rels = list(relations)
    done = Corrected([], [])
    for fix in fixes:
        found = _find(fix.entity, ents)
        if len(found) != 1:
            done.unmatched.append((fix, "matches no entity" if not found else
                                   f"names {len(found)} entities ({', '.join(sorted(found))}); use an id"))
            continue
        key = found[0]
        ids = [key]
        if fix.action == "merge":
            into = _find(fix.value, ents)
            if len(into) != 1 or into[0] == key:
                why = ("the entity to merge into matches no entity" if not into else
                       "it is already that entity" if into == [key] else
                       f"the entity to merge into names {len(into)} entities ({', '.join(sorted(into))}); use an id")
                done.unmatched.append((fix, why))
                continue
            target = into[0]
            ents[target] = _merged(ents.pop(key), ents[target])
            rels = _relink(rels, key, target)
            done.moved.update({k: target for k, v in done.moved.items() if v == key})
            done.moved[key] = target
            ids = [key, target]
        elif fix.action == "drop":
            del ents[key]
            rels = _relink(rels, key, None)
            done.moved.update({k: None for k, v in done.moved.items() if v == key})
            done.moved[key] = None
        elif fix.action == "rename":
            e = ents[key]
            names = [x for x in dict.fromkeys((*e.aliases, e.label)) if x != fix.value]
            ents[key] = replace(e, label=fix.value, aliases=tuple(names))
        elif fix.action == "type":
            ents[key] = replace(ents[key], type=fix.value)
        elif fix.action == "role":
            ents[key] = replace(ents[key], roles=tuple(r.strip() for r in fix.value.split(";") if r.strip()))
        done.applied.append({"fix": fix.action, "entity": fix.entity, "value": fix.value, "ids": ids,
                             "where": fix.where, "text": fix.describe()})
    done.entities = list(ents.values())
    done.relations = rels
    return done
