"""How sure a claim is, and which claims a reader sees at first.

An ``action`` or ``quote`` link and a quote record may carry a
``confidence`` in [0, 1] (the contract's field); the graph attribute
``confidence_threshold`` is the default below which a view hides a claim.
Either may be missing (an older graph, a co-occurrence link, a quote with no
speaker): a claim without a confidence is always shown, and a graph without
a threshold shows everything. The page (``templates/graph.js``), the
notebook tables and the exports all read the values through this module.

Example
-------
>>> import networkx as nx
>>> G = nx.MultiDiGraph(confidence_threshold=0.4)
>>> hidden({"kind": "action", "confidence": 0.25}, threshold(G)), hidden({"kind": "action"}, threshold(G))
(True, False)
>>> confidence_text(0.7249)
'confidence 0.72'
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import networkx as nx

#: the link kinds that are claims (a co-occurrence only says two names were near)
CLAIM_KINDS = ("action", "quote")


def confidence_of(record: Mapping[str, Any]) -> float | None:
    """The ``confidence`` of a link's attributes or a quote record as a float in [0, 1], or
    ``None`` when it has none (or one that is not a number).

    >>> confidence_of({"confidence": 0.7}), confidence_of({"confidence": None}), confidence_of({})
    (0.7, None, None)
    >>> confidence_of({"confidence": "0.5"}), confidence_of({"confidence": 1.2}), confidence_of({"confidence": "x"})
    (0.5, 1.0, None)
    """
    value = record.get("confidence")
    if value is None or isinstance(value, bool):
        return None
    try:
        c = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(c):
        return None
    return min(max(c, 0.0), 1.0)


def threshold(G: nx.MultiDiGraph) -> float | None:
    """The graph's ``confidence_threshold``: the default below which a claim is hidden, or
    ``None`` (show everything).

    >>> threshold(nx.MultiDiGraph(confidence_threshold=0.4)), threshold(nx.MultiDiGraph())
    (0.4, None)
    """
    return confidence_of({"confidence": G.graph.get("confidence_threshold")})


def hidden(record: Mapping[str, Any], min_confidence: float | None) -> bool:
    """Whether a view hides this link or quote record at ``min_confidence``: a claim whose
    confidence is below it. A co-occurrence link, a claim with no confidence, and any claim
    when ``min_confidence`` is ``None``, are shown.

    >>> hidden({"kind": "quote", "confidence": 0.39}, 0.4), hidden({"kind": "quote", "confidence": 0.4}, 0.4)
    (True, False)
    >>> hidden({"kind": "cooccurrence", "confidence": 0.1}, 0.4), hidden({"confidence": 0.1}, None)
    (False, False)
    """
    if min_confidence is None or record.get("kind") == "cooccurrence":
        return False
    c = confidence_of(record)
    return c is not None and c < min_confidence


def confidence_text(c: float | None) -> str:
    """``"confidence 0.72"``, as tooltips and panels write it (``""`` for none). Two decimals,
    a tie rounded up, as JavaScript's ``toFixed(2)`` rounds, so that the page and Python agree.

    >>> confidence_text(0.72), confidence_text(0.125), confidence_text(None)
    ('confidence 0.72', 'confidence 0.13', '')
    """
    if c is None:
        return ""
    return f"confidence {Decimal(c).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}"
