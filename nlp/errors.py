"""Messages for inputs that cannot be used: one place, one wording.

Each message names the file, the problem and what the user can do.

Example
-------
>>> str(Skip("a.txt", "the file is empty"))
'a.txt: skipped: the file is empty'
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Skip:
    """An input that was not processed, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: skipped: {self.reason}"


MISSING = "no such file or folder"
EMPTY = "the file is empty"
BLANK = "the file holds only white space"
NO_TEXT_IN_FOLDER = "the folder holds no .txt, .md or .jsonl files"
NOT_UTF8 = "the file is not UTF-8 text ({detail}); convert it to UTF-8 or pass --encoding"
BINARY = "the file is binary ({detail}), not text"
UNREADABLE = "the file cannot be read ({detail})"
JSONL_BAD_LINE = "line {line}: not valid JSON ({detail})"
JSONL_NO_TEXT = "line {line}: the record has no \"text\" string"
