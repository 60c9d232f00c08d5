"""Which entity each token stands for, and the keys of names: the step shared by entities and relations.

:class:`MentionIndex` is what the entity step hands the relation step (token
-> entity key); :func:`slug` makes the name part of a key. Neither knows how
entities are found, so the relation modules import this, not the entity step.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)   # asked again for every mention of a name, in every document
def slug(text: str) -> str:
    """Lower-case ASCII slug for node keys.

    >>> slug("Hélène Dupré")
    'helene-dupre'
    """
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "x"


class MentionIndex:
    """Which entity key each token of a document belongs to.

    >>> index = MentionIndex()
    >>> index.add(0, 2, "person:ada-lovelace")
    >>> index.key_of(1), index.key_of(2)
    ('person:ada-lovelace', None)
    """

    def __init__(self) -> None:
        self.by_token: dict[int, str] = {}
        self.spans: list[tuple[int, int, str]] = []  # token start, end, key
        #: mentions that link nothing (headline, dateline, table rows): seen, but no actor
        self.mention_only: dict[int, str] = {}

    def add(self, start: int, end: int, key: str) -> None:
        """Record that tokens ``start:end`` stand for entity ``key`` (a later span wins a token)."""
        self.spans.append((start, end, key))
        for i in range(start, end):
            self.by_token[i] = key

    def key_of(self, token_i: int) -> str | None:
        """The entity key token ``token_i`` stands for, or None."""
        return self.by_token.get(token_i)

    def add_mention_only(self, start: int, end: int, key: str) -> None:
        """Record a mention that must link nothing (a headline's or a table's), for look-ups only.

        >>> index = MentionIndex(); index.add_mention_only(0, 1, "person:ada-lovelace")
        >>> index.key_of(0), index.mention_only_key_of(0)
        (None, 'person:ada-lovelace')
        """
        for i in range(start, end):
            self.mention_only[i] = key

    def mention_only_key_of(self, token_i: int) -> str | None:
        """The key of the mention-only name at token ``token_i``, or None."""
        return self.mention_only.get(token_i)
