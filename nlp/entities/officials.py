"""People who hold or held public office, from the field's maintained actor dictionaries.

A news story often names a head of state or a minister with no title at all
("Gaddafi's sons", "a biography of Thatcher"): the text alone cannot
say that the person is an official. The PETRARCH2 / Phoenix actor
dictionaries can: they list tens of thousands of office holders with the
spellings the press uses ("Muammar Gaddafi", "Moammar Gadhafi", "Muammar
Qadhafi"). ``data/officials.tsv`` is derived from them by
``tools/make_officials.py`` (MIT licence; the file's header names the
source). Only full names of two words or more are listed, so a lone family
name is never looked up.

Example
-------
>>> main_name("Moammar Gadhafi") == main_name("Muammar Qaddafi") == "Muammar Gaddafi"
True
>>> main_name("Jane Roe") is None
True
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources


def _fold(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.replace("\u2019", "'").upper().split())


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    out: dict[str, str] = {}
    with resources.files("nlp.data").joinpath("officials.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or "\t" not in line:
                continue
            spelling, main = line.rstrip("\n").split("\t")
            out[spelling] = main
    return out


def main_name(name: str) -> str | None:
    """The main spelling (title case) of the office holder ``name`` is one spelling of, or None.

    >>> main_name("Yasser Arafat"), main_name("Arafat")
    ('Yasir Arafat', None)
    """
    if len(name.split()) < 2:
        return None
    main = _table().get(_fold(name))
    return main.title() if main else None
