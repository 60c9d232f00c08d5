"""Named passes: each step of extraction as one declared, ordered list.

A step of extraction (the entities, the quotes, the speakers of quotes, the
relations) is a tuple of :class:`Pass` records declared in the step's own
module, the way a spaCy pipeline lists its components or a multi-pass sieve
its sieves. A pass has one job and one signature: it is called with the
step's context (everything read once of the document) and returns what it
found, or changes only the step's own working state. Its docstring says what
it decides and why.

Any pass can be switched off by name for a measurement (``make dev
ABLATE=1``): the steps take ``skip=``, a set of names, as an argument, and
:func:`check_names` rejects a name no step declares, as spaCy's ``disable=``
does. This module imports no step: ``nlp.extract.STEPS`` gathers them.

>>> p = Pass("shout", lambda s: s.upper(), "upper-case the text")
>>> p.name, p.run("a")
('shout', 'A')
>>> [name for name, _ in run_passes((p,), "a", skip=frozenset())]
['shout']
>>> list(run_passes((p,), "a", skip=frozenset({"shout"})))
[]
>>> check_names({"shuot"}, ["shout"])
Traceback (most recent call last):
...
ValueError: unknown pass name 'shuot'; the passes are: shout
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Pass:
    """One named step: ``run(context)`` does the pass's one job."""

    name: str
    run: Callable[[Any], Any]
    summary: str


def run_passes(passes: Iterable[Pass], context: Any, *, skip: Collection[str] = frozenset()
               ) -> Iterator[tuple[str, Any]]:
    """``(name, result)`` of each pass not in ``skip``, run in order on ``context``."""
    for p in passes:
        if p.name not in skip:
            yield p.name, p.run(context)


def check_names(names: Iterable[str], valid: Iterable[str]) -> frozenset[str]:
    """``names`` as a frozenset, after checking that each names a declared pass.

    Raises ``ValueError`` naming the unknown ones and listing the valid names.

    >>> sorted(check_names(["b"], ["a", "b"]))
    ['b']
    """
    names = frozenset(n.strip() for n in names if n and n.strip())
    valid = list(valid)
    unknown = sorted(names - set(valid))
    if unknown:
        word = "name" if len(unknown) == 1 else "names"
        raise ValueError(f"unknown pass {word} {', '.join(map(repr, unknown))}; the passes are: {', '.join(valid)}")
    return names


def parse_names(text: str) -> frozenset[str]:
    """Pass names from a comma-separated option or environment value ("roles, verbs").

    >>> sorted(parse_names(" roles,,verbs "))
    ['roles', 'verbs']
    """
    return frozenset(n.strip() for n in text.split(",") if n.strip())
