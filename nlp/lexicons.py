"""Load the data files beside the code: titles and outlets.

Each file starts with ``#`` lines saying where its entries come from.

Example
-------
>>> role_kind("Prime Minister")
'official'
>>> outlet_name("the associated press")
'Associated Press'
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[list[str]]:
    with resources.files("nlp.data").joinpath(name).open(encoding="utf-8") as fh:
        return [ln.rstrip("\n").split("\t") for ln in fh if ln.strip() and not ln.startswith("#")]


def fold(text: str) -> str:
    """Case-fold a name and drop a leading "the" for lexicon look-ups."""
    s = " ".join(text.replace("\u2019", "'").split()).lower()
    return s[4:] if s.startswith("the ") else s


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """{role word or phrase (lower case): "official" | "person"}."""
    return {row[0].lower(): row[1] for row in _lines("titles.tsv")}


def role_kind(role: str) -> str | None:
    """"official" or "person" for a role phrase by its head word, else None."""
    words = role.lower().replace("-", " - ").split()
    table = titles()
    for n in (3, 2, 1):
        if len(words) >= n:
            tail = " ".join(words[-n:]).replace(" - ", "-")
            if tail in table:
                return table[tail]
    return None


@lru_cache(maxsize=1)
def outlets() -> dict[str, str]:
    """{folded name or alias: canonical outlet name}."""
    table: dict[str, str] = {}
    for row in _lines("outlets.txt"):
        canonical = row[0]
        for form in row:
            table.setdefault(fold(form), canonical)
    return table


def outlet_name(text: str) -> str | None:
    return outlets().get(fold(text))
