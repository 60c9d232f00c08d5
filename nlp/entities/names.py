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


def _family_words(full: str) -> tuple[str, ...]:
    """Folded words of a full name without a generational suffix ("Robert F. Kennedy Jr." is a Kennedy)."""
    words = name_words(full)
    while len(words) > 2 and words[-1] in NAME_SUFFIXES:
        words = words[:-1]
    return words


def is_family_name(short: str, full: str) -> bool:
    """``short`` is the family (last) name of ``full``, folded, without a generational suffix or article.

    >>> is_family_name("Kennedy", "Robert F. Kennedy Jr."), is_family_name("Sisi", "Abdel Fattah el-Sisi")
    (True, True)
    >>> is_family_name("Lisa", "Lisa Vance"), is_family_name("Moon", "Moon Jae-in")
    (False, False)
    """
    words, last = name_words(short), _family_words(full)[-1:]
    return bool(last) and len(words) == 1 and words[0] in (last[0], _bare(last[0]))


def family_name_first(full: str) -> bool:
    """The name is written family name first as East Asian romanisations write it: a two-syllable given
    name joined by a hyphen after the first word ("Moon Jae-in", "Lee Kuan-yew", "Kim Jong-il").

    >>> family_name_first("Moon Jae-in"), family_name_first("Ana Lopes"), family_name_first("Jean-Paul Sartre")
    (True, False, False)
    """
    words = full.split()
    return len(words) > 1 and any("-" in w.strip("-") for w in words[1:]) and "-" not in words[0]


def _short_forms(words: tuple[str, ...]) -> dict[tuple[str, ...], int]:
    """Every short form a full name answers to, with how well: 0 last words, 1 first words, 2 a middle word.

    A form found two ways keeps the better one ("Kim Kim" is a Kim by its
    last word).

    >>> sorted(_short_forms(("luiz", "lula", "da", "silva")).items())[:3]
    [(('da',), 2), (('da', 'silva'), 0), (('luiz',), 1)]
    """
    forms: dict[tuple[str, ...], int] = {}
    for word in words[1:-1]:                      # "Lula" of "Luiz Inacio Lula da Silva"
        forms[(word,)] = 2
    for n in range(len(words) - 1, 0, -1):
        forms[words[:n]] = 1                      # "Moon" of "Moon Jae-in"
    for n in range(len(words) - 1, 0, -1):
        forms[words[-n:]] = 0                     # "Merkel" of "Angela Merkel"
    if len(words) > 1 and _bare(words[-1]) != words[-1]:
        forms[(_bare(words[-1]),)] = 0            # "Sisi" of "Abdel Fattah el-Sisi"
    return forms


#: a short form that two different people answer to
_SEVERAL = object()


class NameIndex:
    """Full names by every short form they answer to, built once, so a lookup costs the same
    whatever the number of people (scanning every full name per short name made a merge of
    20,000 people take a minute).

    A lookup answers what :func:`match_short_name` answers over the same names.

    >>> index = NameIndex(["Michael Jordan", "Jordan Peele", "Moon Jae-in"])
    >>> index.match("Jordan"), index.match("Moon"), index.match("Peele")
    ('Michael Jordan', 'Moon Jae-in', 'Jordan Peele')
    >>> index.add("Jeb Jordan"); index.match("Jordan") is None
    True
    """

    def __init__(self, full_names: Iterable[str] = ()) -> None:
        # short form -> per rank (last, first, middle): None, the one (folded name, spelling) it fits,
        # or _SEVERAL once two different people fit it (which no later name can undo)
        self._forms: dict[tuple[str, ...], list] = {}
        for full in full_names:
            self.add(full)

    def add(self, full: str) -> None:
        """Index one full name (the first spelling of a person is the one a lookup returns)."""
        words = _family_words(full)
        ident = " ".join(words)
        for form, rank in _short_forms(words).items():
            slots = self._forms.get(form)
            if slots is None:
                slots = self._forms[form] = [None, None, None]
            held = slots[rank]
            if held is None:
                slots[rank] = (ident, full)
            elif held is not _SEVERAL and held[0] != ident:
                slots[rank] = _SEVERAL

    def match(self, short: str) -> str | None:
        """The only full name whose last (else first, else a middle) words are ``short``, if exactly one."""
        slots = self._forms.get(name_words(short))
        if slots is None:
            return None
        held = next((x for x in slots if x is not None), None)
        return None if held is None or held is _SEVERAL else held[1]


def match_short_name(short: str, full_names: Iterable[str]) -> str | None:
    """The only full name whose last (else first) word is ``short``, if exactly one.

    A last-word match wins over a first-word one: "Jordan" with "Michael
    Jordan" and "Jordan Peele" is Michael Jordan's family name; a middle word
    comes last ("Lula" of "Luiz Inacio Lula da Silva"). For many short names
    against one set of full names, build a :class:`NameIndex` once.

    >>> match_short_name("Jordan", ["Michael Jordan", "Jordan Peele"])
    'Michael Jordan'
    >>> match_short_name("Kim", ["Kim Jong Un", "Kim Yo Jong"]) is None
    True
    >>> match_short_name("Kennedy", ["Robert F. Kennedy Jr."])
    'Robert F. Kennedy Jr.'
    >>> match_short_name("Sisi", ["Abdel Fattah el-Sisi"])
    'Abdel Fattah el-Sisi'
    """
    return NameIndex(full_names).match(short)
