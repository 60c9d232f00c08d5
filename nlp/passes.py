"""Named passes: the entity step and the relation step as ordered lists.

Each step of extraction is a list of :class:`Pass` records declared in one
place -- ``nlp.entities.sieve.ENTITY_PASSES`` and
``nlp.extract.RELATION_PASSES`` -- the way a spaCy pipeline lists its
components or a multi-pass sieve its sieves. A pass is a function with one
job; its docstring says what it decides and why.

A pass can be switched off for measurement (``make dev ABLATE=1``) with the
environment variable ``NEWSGRAPH_SKIP_PASSES``, a comma-separated list of
pass names. It is a development switch: the cache key carries it, so an
extraction made with a pass off is never reused with it on.

>>> p = Pass("shout", lambda s: s.upper(), "upper-case the text")
>>> p.name, p.run("a")
('shout', 'A')
>>> import os; os.environ["NEWSGRAPH_SKIP_PASSES"] = "shout"
>>> enabled(p)
False
>>> del os.environ["NEWSGRAPH_SKIP_PASSES"]; enabled(p)
True
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: environment variable naming passes to switch off, comma-separated
SKIP_ENV = "NEWSGRAPH_SKIP_PASSES"


@dataclass(frozen=True)
class Pass:
    """One named step: ``run`` is called with the step's arguments."""

    name: str
    run: Callable[..., Any]
    summary: str


def skipped() -> frozenset[str]:
    """Names of the passes switched off in this process (``NEWSGRAPH_SKIP_PASSES``).

    >>> skipped() == frozenset(n for n in os.environ.get(SKIP_ENV, "").split(",") if n)
    True
    """
    return frozenset(n.strip() for n in os.environ.get(SKIP_ENV, "").split(",") if n.strip())


def enabled(p: Pass) -> bool:
    """False when ``p`` is switched off by ``NEWSGRAPH_SKIP_PASSES``."""
    return p.name not in skipped()


def all_passes() -> dict[str, tuple[Pass, ...]]:
    """Every step's passes, in order: ``{"entities": (...), "relations": (...), "quotes": (...)}``.

    >>> steps = all_passes()
    >>> sorted(steps)
    ['entities', 'quotes', 'relations']
    >>> len({p.name for ps in steps.values() for p in ps}) == sum(len(ps) for ps in steps.values())
    True
    """
    from nlp.entities.sieve import ENTITY_PASSES
    from nlp.extract import QUOTE_PASSES, RELATION_PASSES

    return {"entities": ENTITY_PASSES, "relations": RELATION_PASSES, "quotes": QUOTE_PASSES}
