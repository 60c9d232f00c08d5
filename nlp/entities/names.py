"""Which full name a short person name stands for.

News writes a person's full name once and then one name alone: the family
name, which is the last word in Western order ("Angela Merkel" -> "Merkel")
and the first word in East Asian and Hungarian order ("Moon Jae-in" ->
"Moon", "Orbán Viktor" -> "Orbán"). A short name that could be two people
("Bush" with "George Bush" and "Jeb Bush") is not guessed.

Example
-------
>>> match_short_name("Merkel", ["Angela Merkel", "Olaf Scholz"])
'Angela Merkel'
>>> match_short_name("Moon", ["Moon Jae-in", "Kim Jong Un"])
'Moon Jae-in'
>>> match_short_name("Bush", ["George Bush", "Jeb Bush"]) is None
True
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from nlp.entities.countries import normalize

#: generational suffixes after a family name (folded: dots dropped)
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: the Arabic article as romanised before a family name ("el-Sisi" is "Sisi"
#: alone); forms from the ALA-LC and common press romanisations of al-
ARTICLE_PREFIXES = ("al-", "el-", "ad-", "ed-", "as-", "ash-", "at-", "az-")


def _bare(word: str) -> str:
    """A family name without its article ("el-sisi" -> "sisi")."""
    for prefix in ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return word[len(prefix):]
    return word


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """Folded words of a name ("José Mujica" -> ("jose", "mujica")).

    >>> name_words("José  Mujica")
    ('jose', 'mujica')
    """
    return tuple(normalize(name).split())


def match_short_name(short: str, full_names: Iterable[str]) -> str | None:
    """The only full name whose last (else first) word is ``short``, if exactly one.

    A last-word match wins over a first-word one: "Jordan" with "Michael
    Jordan" and "Jordan Peele" is Michael Jordan's family name; a middle word
    comes last ("Lula" of "Luiz Inacio Lula da Silva").

    >>> match_short_name("Jordan", ["Michael Jordan", "Jordan Peele"])
    'Michael Jordan'
    >>> match_short_name("Kim", ["Kim Jong Un", "Kim Yo Jong"]) is None
    True
    >>> match_short_name("Kennedy", ["Robert F. Kennedy Jr."])
    'Robert F. Kennedy Jr.'
    >>> match_short_name("Sisi", ["Abdel Fattah el-Sisi"])
    'Abdel Fattah el-Sisi'
    """
    key = " ".join(name_words(short))
    if not key:
        return None
    n = len(key.split())
    last: dict[str, str] = {}
    first: dict[str, str] = {}
    middle: dict[str, str] = {}
    for full in full_names:
        words = name_words(full)
        while len(words) > 2 and words[-1] in NAME_SUFFIXES:
            words = words[:-1]                    # "Robert F. Kennedy Jr." is a Kennedy
        if len(words) <= n:
            continue
        ident = " ".join(words)
        if " ".join(words[-n:]) == key or n == 1 and _bare(words[-1]) == key:
            last.setdefault(ident, full)
        elif " ".join(words[:n]) == key:
            first.setdefault(ident, full)
        elif n == 1 and key in words[1:-1]:
            middle.setdefault(ident, full)
    for found in (last, first, middle):
        if found:
            return next(iter(found.values())) if len(found) == 1 else None
    return None
