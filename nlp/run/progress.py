"""Progress on standard error: documents done, words per second, time left.

Shown only when the stream is a terminal (never in a pipe, a log file or a
test), and never with ``--quiet``. Time left is estimated from the size of
the input files against the characters processed so far; it is not shown
when the size is unknown (standard input).

Example
-------
>>> import io
>>> from nlp.records import Document, Extraction
>>> p = Progress(total=100, stream=io.StringIO())   # not a terminal: silent
>>> p(Document("a", "Rome is old."), Extraction("a", words=3)); p.close()
>>> p.documents, p.words, p.stream.getvalue()
(1, 3, '')
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from tqdm import tqdm

from nlp.records import Document, Extraction


def input_size(inputs: Iterable[str]) -> int | None:
    """Bytes in the files named by ``inputs`` (folders searched), or None for stdin.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("Hello.")
    >>> input_size([str(d)]), input_size(["-"])
    (6, None)
    """
    from nlp.reading import reader

    suffixes = tuple(getattr(reader, "SUFFIXES", ())) + tuple(getattr(reader, "HTML_SUFFIXES", ()))
    total = 0
    for given in inputs:
        if given == "-":
            return None
        path = Path(given)
        try:
            if path.is_dir():
                total += sum(p.stat().st_size for p in path.rglob("*")
                             if p.suffix.lower() in suffixes and p.is_file())
            elif path.is_file():
                total += path.stat().st_size
        except OSError:
            continue
    return total


def _size(stream: IO[str]) -> tuple[int, int]:
    """The terminal's columns and rows; 80 x 24 when it does not say (a fresh pseudo-terminal says 0 x 0,
    and tqdm then draws nothing)."""
    try:
        size = os.get_terminal_size(stream.fileno())
        return size.columns or 80, size.lines or 24
    except (AttributeError, OSError, ValueError):
        return 80, 24


class Progress:
    """A progress line fed once per finished document (a pipeline progress hook).

    ``enabled`` defaults to whether ``stream`` is a terminal.
    """

    def __init__(self, total: int | None = None, *, stream: IO[str] | None = None,
                 enabled: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = enabled
        self.documents = 0
        self.words = 0
        self._start = time.perf_counter()
        self._bar: tqdm | None = None
        if enabled:
            # tqdm puts ", " before a postfix: it goes last, inside the brackets
            fmt = ("{desc}: {percentage:3.0f}%|{bar:16}| [{elapsed}<{remaining}{postfix}]" if total
                   else "{desc}: [{elapsed}{postfix}]")
            self._bar = tqdm(total=total or None, file=self.stream, desc="newsgraph", bar_format=fmt,
                             mininterval=0.5, ncols=_size(self.stream)[0], nrows=_size(self.stream)[1], leave=True)

    def __call__(self, document: Document, extraction: Extraction) -> None:
        self.documents += 1
        self.words += extraction.words
        if self._bar is not None:
            rate = self.words / max(time.perf_counter() - self._start, 1e-9)
            self._bar.set_postfix_str(f"{self.documents:,} document{'' if self.documents == 1 else 's'}, "
                                     f"{rate:,.0f} words/s", refresh=False)
            self._bar.update(len(document.text.encode("utf-8", "surrogatepass")))

    def close(self) -> None:
        if self._bar is not None:
            if self._bar.total and self._bar.n < self._bar.total:
                self._bar.total = self._bar.n  # input size over-estimates JSONL and markup
                self._bar.refresh()
            self._bar.close()
            self._bar = None

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def wants_progress(quiet: bool, stream: IO[str] | None = None) -> bool:
    """Progress is shown when ``stream`` (default stderr) is a terminal, unless ``--quiet``.

    >>> import io
    >>> wants_progress(False, io.StringIO()), wants_progress(True, io.StringIO())
    (False, False)
    """
    stream = stream if stream is not None else sys.stderr
    return not quiet and bool(getattr(stream, "isatty", lambda: False)())
