"""Verb lemma -> (polarity, category) from ``data/verbs.tsv`` (CAMEO-style).

Example
-------
>>> classify("arrest")
('conflict', 'arrest')
>>> classify("walk")
('neutral', '')
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    with resources.files("nlp.data").joinpath("verbs.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            lemma, polarity, category = line.rstrip("\n").split("\t")
            out[lemma] = (polarity, category)
    return out


def classify(lemma: str) -> tuple[str, str]:
    """(polarity, category) of a verb lemma; unknown verbs are neutral."""
    return table().get(lemma.lower(), ("neutral", ""))
