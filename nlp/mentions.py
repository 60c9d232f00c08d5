"""Which entity each token stands for, and the keys of names: the step shared by entities and relations.

:class:`MentionIndex` is what the entity step hands the relation step (token
-> entity key); :func:`slug` makes the name part of a key. Neither knows how
entities are found, so the relation modules import this, not the entity step.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii


@lru_cache(maxsize=65536)   # asked again for every mention of a name, in every document
def slug(text: str) -> str:
    """Lower-case ASCII slug for node keys, in every script.

    Latin letters lose their accents (a letter with none, "ø", "ł", is a
    break); letters of other scripts are transliterated (``anyascii``), so
    Greek, Cyrillic, Arabic or Chinese names keep distinct keys; a name with
    no letter or digit at all gets a short hash of itself.

    >>> slug("Hélène Dupré"), slug("Владимир Путин"), slug("Κυριάκος Μητσοτάκης"), slug("习近平")
    ('helene-dupre', 'vladimir-putin', 'kyriakos-mitsotakis', 'xijinping')
    >>> slug(""), slug("★") != slug("☆")
    ('x', True)
    """
    s = "".join(_ascii(c) for c in unicodedata.normalize("NFC", text)).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if s or not text.strip():
        return s or "x"
    return "x-" + hashlib.sha1(text.strip().encode("utf-8", "surrogatepass")).hexdigest()[:8]


#: the Unicode blocks of Latin letters (Latin-1 to Latin Extended-E, ligatures, full width):
#: their keys stay what they always were, other scripts are transliterated
_LATIN_BLOCKS = ((0x0080, 0x024F), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF), (0xAB30, 0xAB6F),
                 (0xFB00, 0xFB06), (0xFF00, 0xFFEF))


def _latin_block(code: int) -> bool:
    return any(lo <= code <= hi for lo, hi in _LATIN_BLOCKS)


@lru_cache(maxsize=4096)
def _ascii(c: str) -> str:
    """One character as ASCII: a Latin letter without its accents, another script's letter transliterated."""
    if c.isascii():
        return c
    if unicodedata.category(c)[0] in "LN" and not _latin_block(ord(c)) \
            and not unicodedata.name(c, "LATIN").startswith(("LATIN", "FULLWIDTH LATIN")):
        return anyascii(c)
    return "".join(d for d in unicodedata.normalize("NFKD", c) if not unicodedata.combining(d))


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

    def extent(self, token_i: int) -> tuple[int, int]:
        """The tokens ``start:end`` of the name token ``token_i`` is part of (just the token when it is in none).

        >>> index = MentionIndex(); index.add(3, 5, "country:PE")
        >>> index.extent(4), index.extent(7)
        ((3, 5), (7, 8))
        """
        key = self.key_of(token_i)
        start, end = token_i, token_i + 1
        if key is None:
            return start, end
        while self.by_token.get(start - 1) == key:
            start -= 1
        while self.by_token.get(end) == key:
            end += 1
        return start, end

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
