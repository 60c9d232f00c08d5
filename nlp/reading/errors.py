"""Messages for inputs that cannot be used: one place, one wording.

Each message names the file, the problem and what the user can do. A
:class:`Skip` is an input that was not processed; a :class:`Note` is an input
that was processed after a change the user should know about (an HTML page
read as text, a duplicate id renamed).

Example
-------
>>> str(Skip("a.txt", "the file is empty"))
'a.txt: skipped: the file is empty'
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nlp.reading.chars import shown


@dataclass(frozen=True, slots=True)
class Skip:
    """An input that was not processed, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return shown(f"{self.path}: skipped: {self.reason}")


@dataclass(frozen=True, slots=True)
class Note:
    """An input that was processed, with a change the user should know about.

    >>> str(Note("a.html", HTML_STRIPPED))
    'a.html: note: read as an HTML page: markup removed, text kept'
    """

    path: str
    message: str

    def __str__(self) -> str:
        return shown(f"{self.path}: note: {self.message}")


MISSING = "no such file or folder"
VANISHED = "the file disappeared before it could be read"
BROKEN_LINK = "a symbolic link to a file that does not exist"
NOT_REGULAR = "not a regular file or folder (a device, socket or pipe); save the text to a file or pipe it to -"
EMPTY = "the file is empty"
BLANK = "the file holds only white space"
NO_TEXT_IN_FOLDER = "the folder holds no .txt, .md or .jsonl files"
FOLDER_VANISHED = "the folder disappeared while it was being listed"
FOLDER_UNREADABLE = "the folder cannot be read ({detail})"
NOT_UTF8 = ("the file is not UTF-8 text ({detail}); convert it to UTF-8 or pass --encoding "
            "with its encoding (e.g. --encoding latin-1)")
BAD_ENCODING = "the file cannot be decoded as {encoding} ({detail}); check --encoding"
UNKNOWN_ENCODING = "unknown encoding {encoding!r} given with --encoding"
C1_CONTROLS = ("decoded as {encoding}, but it holds C1 control characters (U+0080-U+009F) where Windows "
               "text has curly quotes and dashes: if they look wrong, pass --encoding cp1252")
BINARY = "the file is binary ({detail}), not text"
NUL_BYTES = "NUL bytes: UTF-16 or UTF-32 text without a BOM needs --encoding utf-16 or utf-32"
UNREADABLE = "the file cannot be read ({detail})"
HTML_STRIPPED = "read as an HTML page: markup removed, text kept"
HTML_NO_TEXT = "the HTML page holds no visible text"
HTML_UNREADABLE = "the HTML page cannot be read ({detail})"
JSONL_BAD_LINE = "line {line}: not valid JSON ({detail})"
JSONL_NO_TEXT = "line {line}: the record has no \"text\" string"
JSONL_TOO_DEEP = ("line {line}: the record is nested too deeply to read (more than about {depth} arrays or "
                  "objects inside each other)")
JSONL_UNREADABLE = "line {line}: the record cannot be read ({detail})"
SURROGATES = ("lone surrogate escapes (half of a UTF-16 pair, such as \\ud83d) in the {fields}; "
              "each replaced with U+FFFD")
JSONL_BLANK_TEXT = "line {line}: the record's \"text\" holds only white space"
DUPLICATE_ID = "id {id!r} is already used by another document; this one is renamed {new!r}"

#: how many skipped inputs the summary line names before "and N more"
SUMMARY_NAMES = 5


def plural(n: int, word: str) -> str:
    """``n word`` with an ``s`` unless ``n`` is one.

    >>> plural(1, "document"), plural(3, "document")
    ('1 document', '3 documents')
    """
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(processed: int, skipped: Sequence[Skip]) -> str:
    """The line a run ends with: how many documents were processed, which were skipped and why.

    The first :data:`SUMMARY_NAMES` skipped inputs are named with the short
    reason; each was printed in full when it was skipped.

    >>> summary(2, [])
    'processed 2 documents, skipped 0'
    >>> summary(1, [Skip("a.txt", EMPTY), Skip("b.png", BINARY.format(detail="PNG image"))])
    'processed 1 document, skipped 2: a.txt (the file is empty); b.png (the file is binary (PNG image), not text)'
    >>> summary(0, [Skip("c.txt", NOT_UTF8.format(detail="byte 3: b'\\xe9'"))])
    "processed 0 documents, skipped 1: c.txt (the file is not UTF-8 text (byte 3: b'\\xe9'))"
    """
    line = f"processed {plural(processed, 'document')}, skipped {len(skipped)}"
    if not skipped:
        return line
    # the reason without its advice (printed in full above): "not UTF-8 text (byte 3: ...)"
    named = "; ".join(shown(f"{s.path} ({s.reason.split('; ')[0]})") for s in skipped[:SUMMARY_NAMES])
    more = len(skipped) - SUMMARY_NAMES
    return f"{line}: {named}" + (f"; and {more} more, named above" if more > 0 else "")
