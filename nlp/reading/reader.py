"""Read articles: text files, folders, JSON Lines, HTML pages and standard input.

:func:`read_inputs` yields :class:`~nlp.records.Document` for every article it
can read and :class:`~nlp.reading.errors.Skip` for every input it cannot, so a caller
can report each bad input by name and go on with the rest. Changes made to an
input that was still read (an HTML page stripped to its text, a duplicate id
renamed ``id#2``) are reported as :class:`~nlp.reading.errors.Note` to ``notify``.

Bytes are decoded honestly: a BOM first, then UTF-8, then the encoding the
user named; anything else is skipped with a message naming ``--encoding``,
never guessed into mojibake. Paths are only ever read here: no document id or
title is used as a path to write to.

Example
-------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("Hello.")
>>> [r.id for r in read_inputs([str(d)])]
['a.txt']
"""
from __future__ import annotations

import codecs
import json
import os
import stat
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from nlp.reading import errors
from nlp.reading.chars import has_surrogates, path_text, without_surrogates
from nlp.reading.errors import Note, Skip
from nlp.reading.html_text import html_to_text, looks_like_html
from nlp.records import Document

SUFFIXES = (".txt", ".md", ".jsonl")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
META_FIELDS = ("title", "date", "url", "source")
#: byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one)
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: leading bytes of common binary formats (long enough that no plain text starts with them)
MAGIC = ((b"\x89PNG\r\n", "PNG image"), (b"\x1f\x8b\x08", "gzip archive"), (b"%PDF-", "PDF document"),
         (b"PK\x03\x04", "zip archive"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF87a", "GIF image"),
         (b"GIF89a", "GIF image"), (b"\xfd7zXZ\x00", "xz archive"), (b"\x7fELF", "executable"))

Notify = Callable[[Note], None]


def _warn(note: Note) -> None:
    warnings.warn(str(note), stacklevel=3)


def decode(data: bytes, encoding: str | None = None) -> str:
    """Bytes to text: a BOM first, then UTF-8, then ``encoding`` if given.

    Raises ``UnicodeDecodeError`` rather than guessing (no silent mojibake).

    >>> decode("café".encode("utf-8"))
    'café'
    >>> decode("café".encode("utf-16"))
    'café'
    >>> decode("café".encode("latin-1"), "latin-1")
    'café'
    """
    for bom, enc in BOMS:
        if data.startswith(bom):
            return data.decode(enc)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if encoding:
            return data.decode(encoding)
        raise


def _wide_encoding(encoding: str | None) -> bool:
    """True for UTF-16/UTF-32, whose text holds NUL bytes."""
    try:
        return bool(encoding) and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False


def binary_kind(data: bytes, encoding: str | None = None) -> str | None:
    """What binary format ``data`` is, or None for text.

    >>> binary_kind(b"\\x89PNG\\r\\n\\x1a\\n..."), binary_kind(b"plain text")
    ('PNG image', None)
    """
    if data.startswith(tuple(bom for bom, _ in BOMS)):
        return None
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:4096] and not _wide_encoding(encoding):
        return errors.NUL_BYTES
    return None


def text_of(data: bytes, encoding: str | None = None) -> str:
    """Decoded text of a file's bytes; raises ``ValueError`` with the reason to skip it.

    >>> text_of(b"\\xe9t\\xe9")
    Traceback (most recent call last):
    ...
    ValueError: the file is not UTF-8 text (byte 0: b'\\xe9'); convert it to UTF-8 or pass --encoding with its encoding (e.g. --encoding latin-1)
    """
    if not data:
        raise ValueError(errors.EMPTY)
    kind = binary_kind(data, encoding)
    if kind:
        raise ValueError(errors.BINARY.format(detail=kind))
    try:
        text = decode(data, encoding)
    except UnicodeDecodeError as exc:
        detail = f"byte {exc.start}: {exc.object[exc.start:exc.start + 1]!r}"
        if encoding and not data.startswith(tuple(bom for bom, _ in BOMS)):
            raise ValueError(errors.BAD_ENCODING.format(encoding=encoding, detail=detail)) from None
        raise ValueError(errors.NOT_UTF8.format(detail=detail)) from None
    except LookupError:
        raise ValueError(errors.UNKNOWN_ENCODING.format(encoding=encoding)) from None
    if not text.strip():
        raise ValueError(errors.BLANK)
    # only an odd --encoding (utf-7, unicode_escape) decodes to a lone surrogate: U+FFFD, as for bad bytes
    return without_surrogates(text)


def _read_bytes(path: Path) -> bytes | Skip:
    """A regular file's bytes, or a Skip: only regular files are read.

    A FIFO or a link to ``/dev/zero`` inside a folder would block the run or
    fill memory; the path is checked before it is opened, and the open file
    again (non-blocking, so opening a FIFO cannot wait for a writer).
    """
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return Skip(str(path), errors.NOT_REGULAR)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return Skip(str(path), errors.BROKEN_LINK if path.is_symlink() else errors.VANISHED)
    except OSError as exc:
        return Skip(str(path), errors.UNREADABLE.format(detail=exc.strerror or exc))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced between the check and the open
            return Skip(str(path), errors.NOT_REGULAR)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()
    except OSError as exc:
        return Skip(str(path), errors.UNREADABLE.format(detail=exc.strerror or exc))
    finally:
        os.close(fd)


def _unhtml(text: str, origin: str, *, force: bool, notify: Notify, prefix: str = "") -> tuple[str, str]:
    """``(text, title)``: an HTML page stripped to its text (and said so), other text as it is.

    Raises ``ValueError`` with the reason to skip the input if the page cannot be read: a flaw of the
    HTML parser on one page is that page's skip, never the run's end.
    """
    if not (force or looks_like_html(text)):
        return text, ""
    try:
        text, title = html_to_text(text)
    except Exception as exc:  # noqa: BLE001 - any parser failure on untrusted markup
        raise ValueError(prefix + errors.HTML_UNREADABLE.format(detail=f"{type(exc).__name__}: {exc}")) from None
    notify(Note(origin, prefix + errors.HTML_STRIPPED))
    return text, title


def _check_latin1(data: bytes, text: str, encoding: str | None, origin: str, notify: Notify) -> None:
    """Latin-1 decodes any byte: C1 controls in a Latin-1 reading mean Windows-1252 text, said so."""
    if not encoding or not any("\x80" <= c <= "\x9f" for c in text):
        return
    try:
        latin1 = codecs.lookup(encoding).name == "iso8859-1"
    except LookupError:
        return
    if latin1 and text.encode("latin-1", "replace") == data:  # read as Latin-1, not as UTF-8 or by a BOM
        notify(Note(origin, errors.C1_CONTROLS.format(encoding=encoding)))


class UniqueIds:
    """Hands out document ids, renaming a repeated id ``id#2``, ``id#3``, ...

    >>> ids = UniqueIds()
    >>> ids("a"), ids("a"), ids("a#2"), ids("a")
    ('a', 'a#2', 'a#2#2', 'a#3')
    """

    def __init__(self) -> None:
        self.used: set[str] = set()
        #: the last number handed out for each repeated id, so the 20,000th copy of one id
        #: is named in one step, not after trying the 19,999 names before it
        self.last: dict[str, int] = {}

    def __call__(self, doc_id: str) -> str:
        new, n = doc_id, self.last.get(doc_id, 1)
        while new in self.used:
            n += 1
            new = f"{doc_id}#{n}"
        self.last[doc_id] = n
        self.used.add(new)
        return new


def _document(doc_id: str, text: str, origin: str, ids: UniqueIds, notify: Notify, **meta: str) -> Document:
    unique = ids(doc_id)
    if unique != doc_id:
        notify(Note(origin, errors.DUPLICATE_ID.format(id=doc_id, new=unique)))
    return Document(id=unique, text=text, **meta)


def read_text_file(path: Path, doc_id: str, encoding: str | None = None, *,
                   notify: Notify = _warn, ids: UniqueIds | None = None) -> Document | Skip:
    """One text (or HTML) file as a Document, or a Skip naming the problem.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "e.txt"; _ = p.write_bytes(b"")
    >>> print(read_text_file(p, "e.txt"))  # doctest: +ELLIPSIS
    /.../e.txt: skipped: the file is empty
    """
    data = _read_bytes(path)
    if isinstance(data, Skip):
        return data
    try:
        text = text_of(data, encoding)
    except ValueError as exc:
        return Skip(str(path), str(exc))
    _check_latin1(data, text, encoding, str(path), notify)
    try:
        text, title = _unhtml(text, str(path), force=path.suffix.lower() in HTML_SUFFIXES, notify=notify)
    except ValueError as exc:
        return Skip(str(path), str(exc))
    if not text.strip():
        return Skip(str(path), errors.HTML_NO_TEXT)
    return _document(doc_id, text, str(path), ids or UniqueIds(), notify, title=title)


def read_jsonl(lines: Iterable[str], origin: str, *, notify: Notify = _warn, ids: UniqueIds | None = None,
               where: str | None = None) -> Iterator[Document | Skip]:
    """Articles from JSON Lines: ``text`` required, ``id``/``title``/... optional.

    A record without an ``id`` gets ``origin:LINE``; a repeated id is renamed
    ``id#2`` and reported to ``notify``. Skips and notes name ``where`` (the
    file's path; default ``origin``) and the line.

    >>> recs = read_jsonl(['{"id": "x", "text": "Rome."}', 'oops', '{"id": "x", "text": "Oslo."}'], "f.jsonl",
    ...                   notify=print)
    >>> [str(r) if isinstance(r, Skip) else r.id for r in recs]
    f.jsonl: note: line 3: id 'x' is already used by another document; this one is renamed 'x#2'
    ['x', 'f.jsonl: skipped: line 2: not valid JSON (Expecting value)', 'x#2']
    """
    ids = ids or UniqueIds()
    where = where or origin
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        rec = _json_record(line, n, where)
        if isinstance(rec, Skip):
            yield rec
            continue
        text = rec.get("text") if isinstance(rec, dict) else None
        if not isinstance(text, str):
            yield Skip(where, errors.JSONL_NO_TEXT.format(line=n))
            continue
        meta = {k: str(rec[k]) for k in META_FIELDS if rec.get(k) is not None}
        raw_id = rec.get("id")
        doc_id = str(raw_id).strip() if raw_id is not None and str(raw_id).strip() else f"{origin}:{n}"
        text, doc_id, meta = _clean_record(text, doc_id, meta, f"line {n}: ", where, notify)
        try:
            text, title = _unhtml(text, where, force=False, notify=notify, prefix=f"line {n}: ")
        except ValueError as exc:
            yield Skip(where, str(exc))
            continue
        if not text.strip():
            yield Skip(where, errors.JSONL_BLANK_TEXT.format(line=n))
            continue
        meta.setdefault("title", title)
        unique = ids(doc_id)
        if unique != doc_id:
            notify(Note(where, f"line {n}: " + errors.DUPLICATE_ID.format(id=doc_id, new=unique)))
        yield Document(id=unique, text=text, **meta)


def _int_or_digits(digits: str) -> int | str:
    """A JSON integer as an int, or as its digits when Python will not convert that many.

    >>> _int_or_digits("42"), len(_int_or_digits("7" * 5000))
    (42, 5000)
    """
    try:
        return int(digits)
    except ValueError:
        return digits


def _json_record(line: str, n: int, where: str) -> object:
    """One JSON Lines record, or a Skip saying why line ``n`` cannot be one.

    Python's JSON reader refuses integers of more than 4,300 digits: such a
    number is kept as its digits, so an odd field does not lose the article.
    An array nested thousands deep (``RecursionError``) is that line's skip,
    never the run's end.

    >>> len(_json_record('{"n": ' + "9" * 5000 + '}', 4, "f.jsonl")["n"])
    5000
    >>> print(_json_record("[" * 100000 + "]" * 100000, 5, "f.jsonl"))  # doctest: +ELLIPSIS
    f.jsonl: skipped: line 5: the record is nested too deeply to read ...
    """
    try:
        return json.loads(line, parse_int=_int_or_digits)
    except json.JSONDecodeError as exc:
        return Skip(where, errors.JSONL_BAD_LINE.format(line=n, detail=exc.msg))
    except RecursionError:
        return Skip(where, errors.JSONL_TOO_DEEP.format(line=n, depth=sys.getrecursionlimit()))
    except ValueError as exc:  # an integer too long to convert
        return Skip(where, errors.JSONL_UNREADABLE.format(line=n, detail=str(exc).split(";")[0]))


def _clean_record(text: str, doc_id: str, meta: dict[str, str], prefix: str, where: str,
                  notify: Notify) -> tuple[str, str, dict[str, str]]:
    """A record's text, id and metadata without lone surrogates, and a note naming the fields that had them.

    >>> _clean_record("Rome\\ud83d", "x\\udc00", {"title": "T"}, "line 1: ", "f.jsonl", print)
    f.jsonl: note: line 1: lone surrogate escapes (half of a UTF-16 pair, such as \\ud83d) in the text, id; each replaced with U+FFFD
    ('Rome\ufffd', 'x\ufffd', {'title': 'T'})
    """
    fields = [name for name, value in (("text", text), ("id", doc_id), *meta.items()) if has_surrogates(value)]
    if not fields:
        return text, doc_id, meta
    notify(Note(where, prefix + errors.SURROGATES.format(fields=", ".join(fields))))
    return (without_surrogates(text), without_surrogates(doc_id),
            {k: without_surrogates(v) for k, v in meta.items()})


def _lines(text: str) -> list[str]:
    """JSON Lines split on newlines only: U+2028 and form feeds are valid inside JSON strings."""
    return text.split("\n")


def _read_path(path: Path, doc_id: str, encoding: str | None, notify: Notify,
               ids: UniqueIds) -> Iterator[Document | Skip]:
    if path.suffix.lower() != ".jsonl":
        yield read_text_file(path, doc_id, encoding, notify=notify, ids=ids)
        return
    data = _read_bytes(path)
    if isinstance(data, Skip):
        yield data
        return
    try:
        text = text_of(data, encoding)
    except ValueError as exc:
        yield Skip(str(path), str(exc))
        return
    _check_latin1(data, text, encoding, str(path), notify)
    yield from read_jsonl(_lines(text), doc_id, notify=notify, ids=ids, where=str(path))


def _read_stdin(stream: IO, encoding: str | None, notify: Notify, ids: UniqueIds) -> Iterator[Document | Skip]:
    raw = getattr(stream, "buffer", None)
    try:
        text = text_of(raw.read(), encoding) if raw is not None else stream.read()
    except ValueError as exc:
        yield Skip("<stdin>", str(exc))
        return
    if not text.strip():
        yield Skip("<stdin>", errors.BLANK)
    elif text.lstrip().startswith("{"):
        yield from read_jsonl(_lines(text), "<stdin>", notify=notify, ids=ids)
    else:
        try:
            text, title = _unhtml(text, "<stdin>", force=False, notify=notify)
        except ValueError as exc:
            yield Skip("<stdin>", str(exc))
            return
        if text.strip():
            yield _document("<stdin>", text, "<stdin>", ids, notify, title=title)
        else:
            yield Skip("<stdin>", errors.HTML_NO_TEXT)


def folder_files(folder: Path) -> tuple[list[Path], list[Skip]]:
    """The files under ``folder`` named like articles, sorted, and a Skip for each sub-folder not read.

    Everything named like an article but a folder is listed (a FIFO or a
    device is named as skipped when read). A sub-folder that cannot be read
    (permission) or that vanished while the folder was listed is that
    sub-folder's skip: the rest of the folder is still read.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); (d / "s").mkdir(); _ = (d / "s" / "b.md").write_text("x")
    >>> folder_files(d)[0] == [d / "s" / "b.md"]
    True
    """
    problems: list[Skip] = []

    def failed(exc: OSError) -> None:
        where = str(exc.filename or folder)
        if isinstance(exc, FileNotFoundError):
            problems.append(Skip(where, errors.FOLDER_VANISHED))
        else:
            problems.append(Skip(where, errors.FOLDER_UNREADABLE.format(detail=exc.strerror or exc)))

    files = []
    for top, dirs, names in os.walk(folder, onerror=failed):
        dirs.sort()
        files.extend(Path(top, n) for n in names if Path(n).suffix.lower() in SUFFIXES)
    return sorted(files), problems


def read_inputs(inputs: Iterable[str], *, encoding: str | None = None, stdin: IO | None = None,
                notify: Notify = _warn) -> Iterator[Document | Skip]:
    """Every article named by ``inputs``: files, folders (recursive), ``-``.

    A document's id is its path relative to the folder it was found in, or
    the file's path as given; JSONL records use their ``id`` field. Ids are
    unique over the whole run: a repeated one is renamed ``id#2`` and a
    :class:`~nlp.reading.errors.Note` saying so goes to ``notify`` (by default a
    warning).

    >>> import io
    >>> [str(r) for r in read_inputs(["-", "no/such.txt"], stdin=io.StringIO("  "))]
    ['<stdin>: skipped: the file holds only white space', 'no/such.txt: skipped: no such file or folder']
    """
    ids = UniqueIds()
    for given in inputs:
        if given == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, encoding, notify, ids)
            continue
        path = Path(given)
        if path.is_dir():
            files, problems = folder_files(path)
            yield from problems
            if not files and not problems:
                yield Skip(given, errors.NO_TEXT_IN_FOLDER)
            for f in files:
                yield from _read_path(f, path_text(f.relative_to(path).as_posix()), encoding, notify, ids)
        elif path.is_file():
            yield from _read_path(path, path_text(path.as_posix()), encoding, notify, ids)
        elif path.exists():
            yield Skip(given, errors.NOT_REGULAR)
        else:
            yield Skip(given, errors.MISSING)
