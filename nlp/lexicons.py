"""Load the data files beside the code: titles, outlets, portfolios, organisation heads.

Each file starts with ``#`` lines saying where its entries come from; every
table is built once (``lru_cache``).

Example
-------
>>> role_kind("Prime Minister")
'official'
>>> outlet_name("the associated press")
'Associated Press'
>>> is_portfolio("Natural Resources")
True
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

#: words that join the parts of a title or portfolio ("Energy and Natural Resources")
JOINERS = frozenset({"and", "of", "&", "-", "for", "the"})


def _lines(name: str) -> list[list[str]]:
    with resources.files("nlp.data").joinpath(name).open(encoding="utf-8") as fh:
        return [ln.rstrip("\n").split("\t") for ln in fh if ln.strip() and not ln.startswith("#")]


def fold(text: str) -> str:
    """Case-fold a name and drop a leading "the" for lexicon look-ups.

    >>> fold("The  Wall Street Journal")
    'wall street journal'
    """
    s = " ".join(text.replace("\u2019", "'").split()).lower()
    return s[4:] if s.startswith("the ") else s


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """{role word or phrase (lower case): "official" | "person"}.

    >>> titles()["minister"], titles()["dean"]
    ('official', 'person')
    """
    return {row[0].lower(): row[1] for row in _lines("titles.tsv")}


def role_match(words: list[str]) -> tuple[int, str] | None:
    """How many trailing words form a known role, and its kind.

    >>> role_match(["the", "first", "Canadian", "prime", "minister"])
    (2, 'official')
    >>> role_match(["media", "mogul"])
    (1, 'person')
    >>> role_match(["big", "house"]) is None
    True
    """
    low = [w.lower() for w in words]
    table = titles()
    for n in (3, 2, 1):
        if len(low) >= n:
            tail = " ".join(low[-n:])
            if tail in table:
                return n, table[tail]
            joined = tail.replace(" - ", "-")
            if joined in table:
                return n, table[joined]
    return None


def role_kind(role: str) -> str | None:
    """"official" or "person" for a role phrase by its head word, else None.

    >>> role_kind("Energy and Natural Resources Minister")
    'official'
    >>> role_kind("dean of international studies") is None
    True
    """
    hit = role_match(role.replace("-", " - ").split())
    return hit[1] if hit else None


@lru_cache(maxsize=1)
def outlets() -> dict[str, str]:
    """{folded name or alias: canonical outlet name}.

    >>> outlets()["afp"]
    'Agence France-Presse'
    """
    table: dict[str, str] = {}
    for row in _lines("outlets.txt"):
        canonical = row[0]
        for form in row:
            table.setdefault(fold(form), canonical)
    return table


@lru_cache(maxsize=1)
def outlet_forms() -> tuple[str, ...]:
    """Every outlet name and alias as written in the lexicon (for phrase matching).

    >>> "Wall Street Journal" in outlet_forms() and "The Wall Street Journal" in outlet_forms()
    True
    """
    forms: list[str] = []
    for row in _lines("outlets.txt"):
        for form in row:
            forms.append(form)
            if form.startswith("The "):
                forms.append(form[4:])
    return tuple(dict.fromkeys(forms))


def outlet_name(text: str) -> str | None:
    """Canonical name of a news outlet or agency, if the lexicon knows it.

    >>> outlet_name("Kyodo")
    'Kyodo News'
    """
    return outlets().get(fold(text))


@lru_cache(maxsize=1)
def portfolio_words() -> frozenset[str]:
    """Words of government portfolios ("energy", "trade", "foreign", "affairs").

    >>> {"energy", "trade"} <= portfolio_words()
    True
    """
    return frozenset(row[0].lower() for row in _lines("portfolios.txt"))


def is_portfolio(text: str) -> bool:
    """True when every word of ``text`` is a portfolio word or a joiner.

    >>> is_portfolio("International"), is_portfolio("Siemens")
    (True, False)
    """
    words = [w for w in text.lower().replace("-", " ").split() if w not in JOINERS]
    table = portfolio_words()
    return bool(words) and all(w in table for w in words)


#: words after an organisation's head word in its name ("Bank of England", "Institute for ...")
_HEAD_LINKS = frozenset({"of", "for"})


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """Last words that make a name an organisation ("university", "party").

    >>> {"university", "party"} <= org_heads()
    True
    """
    return frozenset(row[0].lower() for row in _lines("org_heads.txt"))


def has_org_head(text: str, *, min_words: int = 2) -> bool:
    """True when a name of ``min_words`` or more ends in an organisation head word.

    >>> has_org_head("Leiden University"), has_org_head("Cape Town"), has_org_head("Parliament")
    (True, False, False)
    >>> has_org_head("Parliament", min_words=1)
    True
    >>> has_org_head("Centre for Democracy and Development"), has_org_head("Gulf of Mexico")
    (True, False)
    """
    words = text.replace("-", " ").split()
    if len(words) < min_words or not words:
        return False
    heads = org_heads()
    if words[-1].lower().rstrip(".") in heads:
        return True
    # "Centre for Democracy and Development", "Bank of England": the head comes before "for"/"of"
    link = next((i for i, w in enumerate(words) if w in _HEAD_LINKS), 0)
    return link > 0 and words[link - 1].lower() in heads


@lru_cache(maxsize=1)
def outlet_heads() -> tuple[tuple[str, ...], ...]:
    """Last words that make a name an outlet, longest first ("news agency", "times").

    >>> outlet_heads()[0], ("times",) in outlet_heads()
    (('broadcasting', 'company'), True)
    """
    heads = {tuple(row[0].lower().split()) for row in _lines("outlet_heads.txt")}
    return tuple(sorted(heads, key=lambda h: (-len(h), h)))


def has_outlet_head(text: str) -> bool:
    """True when a name ends in a newsroom word ("Lusaka Times", "WAFA news agency").

    >>> has_outlet_head("Lusaka Times"), has_outlet_head("Radio Mundial"), has_outlet_head("Times")
    (True, False, False)
    """
    words = tuple(w.lower() for w in text.split())
    return any(len(words) > len(h) and words[-len(h):] == h for h in outlet_heads())


@lru_cache(maxsize=1)
def proposal_nouns() -> frozenset[str]:
    """Nouns of a proposal, demand or request, whose owner a verb acting on them acts on ("proposal", "demand").

    >>> {"proposal", "demand", "request"} <= proposal_nouns(), "team" in proposal_nouns()
    (True, False)
    """
    return frozenset(row[0].lower() for row in _lines("proposal_nouns.txt"))
