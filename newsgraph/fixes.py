"""Reading a corrections file: CSV or TOML in, checked :class:`Fix` records out, each with its ``file:line``.

The file is the user's, so it is read defensively: only a regular file
(never a FIFO, which would block, or a device such as ``/dev/zero``, which
never ends), of at most :data:`MAX_BYTES`; every problem is a
:class:`CorrectionsError` naming the file and line. Reading is linear in the
file's size: a fix's line comes from one scan of the text, not a search per fix.

Example
-------
>>> [(f.action, f.where) for f in parse_csv("# fixes\\ndrop,Friday\\n", "fixes.csv")]
[('drop', 'fixes.csv:2')]
"""
from __future__ import annotations

import csv
import io
import os
import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path

from nlp.records import TYPES

#: the fixes, and what the value column means for each
ACTIONS = {
    "merge": "the entity it joins",
    "rename": "the new label",
    "type": "the new type (" + ", ".join(TYPES) + ")",
    "role": "the roles, ';' between several",
    "drop": "nothing",
    "drop-link": "nothing",
    "move-link": "the end that moves and where: source=ENTITY or target=ENTITY",
}
#: fixes whose entity column names a link (``A -verb-> B``, ``DOC @ SENTENCE``), not an entity
LINK_ACTIONS = ("drop-link", "move-link")
#: a corrections file is a short list written by hand: anything larger is refused, not read into memory
MAX_BYTES = 64 * 1024 * 1024

_ARROW = re.compile(r"^(?P<source>.+?)\s+-(?:(?P<verb>[^>]*?)-)?>\s*(?P<target>.+?)$")


class CorrectionsError(ValueError):
    """A corrections file that cannot be read, or a fix that makes no sense; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class LinkRef:
    """Which links a link fix names: by its ends (and verb), by a document's sentence, or both.

    ``sentence`` is an offset inside the sentence (its evidence ``start``) or words of it.

    >>> parse_link("Australia -win-> India @ d1.txt @ 120")
    LinkRef(source='Australia', target='India', verb='win', doc='d1.txt', sentence='120')
    >>> parse_link("d1.txt @ Anita praised Chile").doc
    'd1.txt'
    """

    source: str = ""
    target: str = ""
    verb: str = ""
    doc: str = ""
    sentence: str = ""


def parse_link(ref: str) -> LinkRef | None:
    """The link a reference names, or None when it names none: ``A -> B``, ``A -verb-> B``, each
    optionally followed by ``@ DOC`` and ``@ SENTENCE``; or ``DOC @ SENTENCE`` alone.

    >>> parse_link("Chile -> Peru").verb, parse_link("just a name")
    ('', None)
    """
    parts = [p.strip() for p in ref.split(" @ ")]
    m = _ARROW.match(parts[0])
    if m:
        rest = parts[1:]
        if len(rest) > 2 or not all(rest):
            return None
        doc, sentence = (rest + ["", ""])[:2]
        return LinkRef(m["source"].strip(), m["target"].strip(), (m["verb"] or "").strip(), doc, sentence)
    if len(parts) == 2 and all(parts):
        return LinkRef(doc=parts[0], sentence=parts[1])
    return None


@dataclass(frozen=True, slots=True)
class Fix:
    """One fix: ``action`` on ``entity`` (an id or a name, or a link), with ``value``; ``where`` is ``file:line``."""

    action: str
    entity: str
    value: str = ""
    where: str = ""

    def describe(self) -> str:
        """The fix as a person wrote it.

        >>> Fix("merge", "Lopes", "Ana Lopes").describe(), Fix("drop", "Friday").describe()
        ("merge 'Lopes' into 'Ana Lopes'", "drop 'Friday'")
        >>> Fix("move-link", "A -win-> B", "target=C").describe()
        "move the target of the link 'A -win-> B' to 'C'"
        """
        if self.action == "merge":
            return f"merge {self.entity!r} into {self.value!r}"
        if self.action == "drop":
            return f"drop {self.entity!r}"
        if self.action == "drop-link":
            return f"drop the link {self.entity!r}"
        if self.action == "move-link":
            end, _, to = self.value.partition("=")
            return f"move the {end.strip()} of the link {self.entity!r} to {to.strip()!r}"
        verb = {"rename": "rename", "type": "set the type of", "role": "set the roles of"}[self.action]
        return f"{verb} {self.entity!r} to {self.value!r}"

    @property
    def link(self) -> LinkRef | None:
        return parse_link(self.entity) if self.action in LINK_ACTIONS else None

    @property
    def moved_end(self) -> tuple[str, str]:
        """``("source" | "target", entity)`` of a ``move-link`` fix."""
        end, _, to = self.value.partition("=")
        return end.strip().lower(), to.strip()


def make_fix(action: str, entity: str, value: str, where: str) -> Fix:
    """A checked fix; a fix that makes no sense is an error naming where it is.

    >>> make_fix("move-link", "A -> B", "middle=C", "c.csv:3")
    Traceback (most recent call last):
    ...
    newsgraph.fixes.CorrectionsError: c.csv:3: the fix 'move-link' needs a value: the end that moves and where: source=ENTITY or target=ENTITY
    """
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
    if action in LINK_ACTIONS and parse_link(entity) is None:
        raise CorrectionsError(f"{where}: {entity!r} names no link; write 'A -> B', 'A -verb-> B' "
                               "(either may end with '@ DOC @ SENTENCE') or 'DOC @ SENTENCE'")
    if action == "move-link":
        end, _, to = value.partition("=")
        if end.strip().lower() not in ("source", "target") or not to.strip():
            raise CorrectionsError(f"{where}: the fix {action!r} needs a value: {ACTIONS[action]}")
    return Fix(action, entity, value, where)


def parse_csv(text: str, name: str = "corrections") -> list[Fix]:
    """Fixes from CSV text, one a row: ``action,entity,value``; ``where`` is the line the row starts on.

    >>> [f.where for f in parse_csv('action,entity,value\\n# a comment\\n\\nrole,Ana,"a\\nb"\\ndrop,Friday\\n', "c.csv")]
    ['c.csv:4', 'c.csv:6']
    """
    fixes = []
    rows = csv.reader(io.StringIO(text))
    first = True
    while True:
        start = rows.line_num + 1
        try:
            row = next(rows)
        except StopIteration:
            return fixes
        except csv.Error as exc:
            raise CorrectionsError(f"{name}:{start}: not a CSV row a fix can be read from ({exc})") from None
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        if first and [c.strip().lower() for c in row[:3]] == ["action", "entity", "value"]:
            first = False
            continue
        first = False
        if len(row) > 3:
            raise CorrectionsError(f"{name}:{start}: {len(row)} columns; a fix is action,entity,value "
                                   "(quote a value that holds a comma)")
        action, entity, value = (row + ["", ""])[:3]
        fixes.append(make_fix(action, entity, value, f"{name}:{start}"))


# one token of TOML that matters for finding where each fix starts: headers and keys first (anchored)
_TOML_TOKEN = re.compile(r"""
    ^[ \t]*\[\[[ \t]*(?P<header>[^\]\n]*?)[ \t]*\]\]
  | ^[ \t]*(?P<key>[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')[ \t]*=
  | (?P<table>^[ \t]*\[[^\[\n])
  | \"\"\"(?:\\[\s\S]|[^\\])*?\"\"\"
  | '''[\s\S]*?'''
  | "(?:\\.|[^"\\\n])*"
  | '[^'\n]*'
  | \#[^\n]*
  | (?P<bracket>[\[\]{}])
""", re.M | re.X)


def toml_fix_lines(text: str) -> dict[str, list[int]]:
    """The line each table of the top-level arrays ``fixes`` and ``fix`` starts on, in order: one scan.

    >>> toml_fix_lines('# x\\nfixes = [\\n  {action = "drop", entity = "a"},\\n\\n  {action = "drop", entity = "b"},\\n]\\n')
    {'fixes': [3, 5]}
    >>> toml_fix_lines('[[fix]]\\naction = "drop"\\nentity = "a"\\n[[fix]]\\naction = "drop"\\nentity = "b"\\n')
    {'fix': [1, 4]}
    """
    lines: dict[str, list[int]] = {}
    depth: list[str] = []
    key, in_table, line, last = "", False, 1, 0
    for m in _TOML_TOKEN.finditer(text):
        line += text.count("\n", last, m.start())
        last = m.start()
        if m["header"] is not None and not depth:
            in_table, key = True, m["header"].strip("\"'")
            lines.setdefault(key, []).append(line)
        elif m["table"] is not None and not depth:
            in_table = True
        elif m["key"] is not None and not depth:
            key = "" if in_table else m["key"].strip("\"'")
        elif m["bracket"]:
            b = m["bracket"]
            if b in "[{":
                if b == "{" and depth == ["["] and key and not in_table:
                    lines.setdefault(key, []).append(line)
                depth.append(b)
            elif depth:
                depth.pop()
    return {k: v for k, v in lines.items() if k in ("fixes", "fix")}


def parse_toml(text: str, name: str = "corrections") -> list[Fix]:
    """Fixes from TOML text: a list ``fixes`` (or ``[[fix]]`` tables) of ``action``, ``entity``, ``value``.

    >>> [f.describe() for f in parse_toml('fixes = [{action = "rename", entity = "Macron", value = "Emmanuel Macron"}]')]
    ["rename 'Macron' to 'Emmanuel Macron'"]
    """
    try:
        doc = tomllib.loads(text)
    except RecursionError:
        raise CorrectionsError(f"{name}: not valid TOML for fixes (nested too deeply to read)") from None
    except ValueError as exc:                  # TOMLDecodeError, or a number of more than 4,300 digits
        raise CorrectionsError(f"{name}: not valid TOML ({exc})") from None
    if "fixes" in doc and "fix" in doc:
        raise CorrectionsError(f"{name}: both a list 'fixes' and [[fix]] tables; write the fixes one way")
    key = "fixes" if "fixes" in doc else "fix"
    items = doc.get(key, [])
    unknown = set(doc) - {"fixes", "fix"}
    if unknown or not isinstance(items, list):
        raise CorrectionsError(f"{name}: expected a list 'fixes' of {{action, entity, value}} tables"
                               + (f", found {', '.join(sorted(unknown))}" if unknown else ""))
    starts = toml_fix_lines(text).get(key, [])
    if len(starts) != len(items):      # a layout the scan does not follow: say which fix, not a wrong line
        starts = []
    fixes = []
    for number, item in enumerate(items, start=1):
        where = f"{name}:{starts[number - 1]}" if starts else f"{name}: fix {number}"
        if not isinstance(item, dict) or set(item) - {"action", "entity", "value"}:
            raise CorrectionsError(f"{where}: expected a table of action, entity and value")
        if not all(isinstance(v, str) for v in item.values()):
            raise CorrectionsError(f"{where}: action, entity and value are text, in quotes")
        fixes.append(make_fix(str(item.get("action", "")), str(item.get("entity", "")),
                              str(item.get("value", "")), where))
    return fixes


def read_corrections(path: str | os.PathLike) -> list[Fix]:
    """The fixes of a ``.toml`` or ``.csv`` file (anything else is read as CSV).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "fixes.csv"; _ = p.write_text("drop,Friday\\n")
    >>> read_corrections(p)[0].where.endswith("fixes.csv:1")
    True
    >>> read_corrections("/dev/zero")
    Traceback (most recent call last):
    ...
    newsgraph.fixes.CorrectionsError: /dev/zero: not a regular file (a device, pipe or folder); the corrections file must be a file
    """
    path = Path(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO would block the run, /dev/zero never end
            raise CorrectionsError(f"{path}: not a regular file (a device, pipe or folder); "
                                   "the corrections file must be a file")
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise CorrectionsError(f"{path}: no such corrections file") from None
    except OSError as exc:
        raise CorrectionsError(f"{path}: cannot read the corrections file ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise CorrectionsError(f"{path}: larger than {MAX_BYTES // 2**20} MB; a corrections file is a list of "
                               "fixes written by hand: is it the right file?")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CorrectionsError(f"{path}: the corrections file is not UTF-8 text") from None
    if path.suffix.lower() == ".toml":
        return parse_toml(text, str(path))
    return parse_csv(text, str(path))
