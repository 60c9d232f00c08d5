"""Parenthetical abbreviations: "the Asia-Pacific Economic Cooperation (APEC)".

:func:`best_long_form` is the Schwartz & Hearst (2003) algorithm ("A simple
algorithm for identifying abbreviation definitions in biomedical text", the
one scispacy's ``AbbreviationDetector`` implements): the short form's
characters are found right to left in the words before the parenthesis, the
first one at the start of a word. :func:`find_abbreviations` applies it to a
parsed ``Doc`` and yields plain token offsets.

Example
-------
>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp("Leaders met at the World Trade Organization (WTO) in Geneva.")
>>> [(a.short, doc[a.long_start:a.long_end].text) for a in find_abbreviations(doc)]
[('WTO', 'World Trade Organization')]
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from nlp.scan import sent_of, where

_OPEN, _CLOSE = "(", ")"
#: words left lower case inside proper names ("Bank of England", "Doctors without Borders")
_FUNCTION_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "de", "du", "la", "le", "del", "without", "&"})


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """A short form defined in parentheses after its long form (token offsets)."""

    short: str          # "APEC" (a plural "EVs" is given as "EV")
    short_i: int        # token index of the short form
    long_start: int
    long_end: int
    common: bool        # the long form is common words ("electric vehicles", "Gross domestic product")
    proper: bool        # every word of the long form is capitalised ("World Trade Organization")


def short_form(text: str) -> str | None:
    """The abbreviation a parenthesised token can be, without a plural "s".

    >>> short_form("EVs"), short_form("NATO"), short_form("Tuesday")
    ('EV', 'NATO', None)
    """
    core = text[:-1] if len(text) > 2 and text.endswith("s") and text[:-1].isupper() else text
    letters = [c for c in core if c.isalpha()]
    if not 2 <= len(core) <= 10 or not letters or not core[0].isalnum():
        return None
    if sum(c.isupper() for c in letters) < max(2, len(letters) - 1):
        return None
    return core


def best_long_form(short: str, long: str) -> str | None:
    """The shortest tail of ``long`` whose words spell ``short`` (Schwartz & Hearst).

    >>> best_long_form("APEC", "at the Asia-Pacific Economic Cooperation")
    'Asia-Pacific Economic Cooperation'
    >>> best_long_form("EV", "cheap electric vehicles")
    'electric vehicles'
    >>> best_long_form("FBI", "the big house") is None
    True
    """
    s_i, l_i = len(short) - 1, len(long) - 1
    while s_i >= 0:
        c = short[s_i].lower()
        if not c.isalnum():
            s_i -= 1
            continue
        # the first character of the short form must start a word
        while l_i >= 0 and (long[l_i].lower() != c or (s_i == 0 and l_i > 0 and long[l_i - 1].isalnum())):
            l_i -= 1
        if l_i < 0:
            return None
        l_i -= 1
        s_i -= 1
    start = long.rfind(" ", 0, l_i + 1) + 1
    return long[start:]


def find_abbreviations(doc: Doc) -> Iterator[Abbreviation]:
    """Every "long form (SHORT)" in ``doc``, with the long form as a token span."""
    has_sents = doc.has_annotation("SENT_START")
    for i in where(doc, "ORTH", {_OPEN}):
        if not 1 <= i < len(doc) - 2 or doc[i + 2].text != _CLOSE:
            continue
        tok = doc[i]
        short = short_form(doc[tok.i + 1].text)
        if short is None:
            continue
        # candidate long form: at most min(|A| + 5, 2|A|) words before the parenthesis,
        # inside the sentence (Schwartz & Hearst's window)
        max_words = min(len(short) + 5, 2 * len(short))
        first = max(sent_of(tok).start if has_sents else 0, tok.i - max_words - 2)
        window = doc[first:tok.i]
        long = best_long_form(short, window.text)
        if not long:
            continue
        span = doc.char_span(window.end_char - len(long), window.end_char, alignment_mode="expand")
        if span is None or sum(1 for t in span if t.is_alpha) > max_words:
            continue
        words = [t for t in span if t.is_alpha and t.lower_ not in _FUNCTION_WORDS]
        # a sentence's first word is capitalised whatever it is
        rest = words[1:] if words and words[0].is_sent_start else words
        common = all(t.is_lower for t in rest)
        proper = all(t.text[0].isupper() for t in words)
        yield Abbreviation(short, tok.i + 1, span.start, span.end, common, proper)
