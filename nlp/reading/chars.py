"""Characters that cannot travel: lone surrogates, undecodable file names, terminal controls.

Python strings can hold what no file can: a lone UTF-16 surrogate
(``"\\ud83d"``, which JSON allows as an escape), or a file-name byte that is
not UTF-8 (``caf\\xe9.txt`` arrives as ``"caf\\udce9.txt"``). spaCy, SQLite and
every UTF-8 writer refuse such a string, so they are turned into text here,
as soon as they are read:

- :func:`without_surrogates`: each lone surrogate in article data becomes
  U+FFFD (one character for one, so offsets stay);
- :func:`path_text`: a file name's undecodable bytes become ``\\xe9``, so two
  such names stay distinct ids;
- :func:`shown`: what is printed on a terminal, with control characters
  (escape sequences that set the title or clear the screen), bidirectional
  overrides and surrogates written as escapes.

Example
-------
>>> without_surrogates("ok \\ud83d")
'ok \\ufffd'
>>> path_text("caf\\udce9.txt")
'caf\\\\xe9.txt'
>>> shown("evil\\x1b]0;owned\\x07.txt")
'evil\\\\x1b]0;owned\\\\x07.txt'
"""
from __future__ import annotations

import os
import re

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")
#: C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates
#: (U+202A-U+202E, U+2066-U+2069) that make a name read backwards on a terminal
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def has_surrogates(text: str) -> bool:
    """True if ``text`` holds a lone surrogate, which no UTF-8 file or library can take.

    >>> has_surrogates("\\ud83d\\ude00"), has_surrogates("\\U0001f600")
    (True, False)
    """
    return _SURROGATE.search(text) is not None


def without_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, one for one (offsets are kept).

    >>> len(without_surrogates("a\\udc00b")) == 3
    True
    """
    return _SURROGATE.sub(REPLACEMENT, text) if has_surrogates(text) else text


def path_text(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 written as ``\\xNN``.

    The operating system gives such bytes to Python as surrogates
    (``surrogateescape``); written out as escapes they stay readable and two
    names that differ only there stay two names.

    >>> path_text("a/b.txt"), path_text("\\udcff\\udcfe.md")
    ('a/b.txt', '\\\\xff\\\\xfe.md')
    """
    if not has_surrogates(name):
        return name
    try:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    except UnicodeError:  # a surrogate that is not an escaped byte
        return without_surrogates(name)


def _escape(m: re.Match) -> str:
    c = m.group()
    code = ord(c)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown(text: str) -> str:
    """``text`` safe to print on a terminal: controls, bidi overrides and surrogates as escapes.

    A file name can hold an escape sequence that sets the terminal's title
    or clears the screen; printed raw, a message about it would run it.

    >>> shown("a\\tb\\u202ec\\udce9")
    'a\\\\x09b\\\\u202ec\\\\xe9'
    """
    return _UNPRINTABLE.sub(_escape, text)
