"""Read articles: text files, folders, JSON Lines and standard input.

:func:`read_inputs` yields :class:`~nlp.records.Document` for every article it
can read and :class:`~nlp.errors.Skip` for every input it cannot, so a caller
can report each bad input by name and go on with the rest.

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
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from nlp import errors
from nlp.errors import Skip
from nlp.records import Document

SUFFIXES = (".txt", ".md", ".jsonl")
META_FIELDS = ("title", "date", "url", "source")


def decode(data: bytes, encoding: str | None = None) -> str:
    """Bytes to text: a BOM first, then UTF-8, then ``encoding`` if given.

    Raises ``UnicodeDecodeError`` rather than guessing (no silent mojibake).

    >>> decode("café".encode("utf-8"))
    'café'
    """
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                     (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if encoding:
            return data.decode(encoding)
        raise


def _binary_kind(data: bytes) -> str | None:
    head = data[:8]
    for magic, kind in ((b"\x89PNG", "PNG image"), (b"\x1f\x8b", "gzip archive"),
                        (b"%PDF", "PDF document"), (b"PK\x03\x04", "zip archive"),
                        (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image")):
        if head.startswith(magic):
            return kind
    if b"\x00" in data[:4096] and not data[:4].startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "contains NUL bytes"
    return None


def read_text_file(path: Path, doc_id: str, encoding: str | None = None) -> Document | Skip:
    """One text file as a Document, or a Skip naming the problem."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Skip(str(path), errors.MISSING)
    except OSError as exc:
        return Skip(str(path), errors.UNREADABLE.format(detail=exc.strerror or exc))
    if not data:
        return Skip(str(path), errors.EMPTY)
    kind = _binary_kind(data)
    if kind:
        return Skip(str(path), errors.BINARY.format(detail=kind))
    try:
        text = decode(data, encoding)
    except UnicodeDecodeError as exc:
        return Skip(str(path), errors.NOT_UTF8.format(detail=f"byte {exc.start}: {data[exc.start:exc.start + 1]!r}"))
    except LookupError as exc:
        return Skip(str(path), errors.UNREADABLE.format(detail=exc))
    if not text.strip():
        return Skip(str(path), errors.BLANK)
    return Document(id=doc_id, text=text)


def read_jsonl(lines: Iterable[str], origin: str) -> Iterator[Document | Skip]:
    """Articles from JSON Lines: ``text`` required, ``id``/``title``/... optional."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skip(origin, errors.JSONL_BAD_LINE.format(line=n, detail=exc.msg))
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
            yield Skip(origin, errors.JSONL_NO_TEXT.format(line=n))
            continue
        doc_id = str(rec.get("id") or f"{origin}:{n}")
        meta = {k: str(rec[k]) for k in META_FIELDS if rec.get(k) is not None}
        yield Document(id=doc_id, text=rec["text"], **meta)


def _read_path(path: Path, doc_id: str, encoding: str | None) -> Iterator[Document | Skip]:
    if path.suffix == ".jsonl":
        try:
            text = decode(path.read_bytes(), encoding)
        except FileNotFoundError:
            yield Skip(str(path), errors.MISSING)
            return
        except (OSError, UnicodeDecodeError) as exc:
            yield Skip(str(path), errors.UNREADABLE.format(detail=exc))
            return
        yield from read_jsonl(text.splitlines(), doc_id)
    else:
        yield read_text_file(path, doc_id, encoding)


def read_inputs(inputs: Iterable[str], *, encoding: str | None = None,
                stdin=None) -> Iterator[Document | Skip]:
    """Every article named by ``inputs``: files, folders (recursive), ``-``.

    A document's id is its path relative to the folder it was found in, or
    the file's path as given; JSONL records use their ``id`` field.
    """
    for given in inputs:
        if given == "-":
            stream = stdin if stdin is not None else sys.stdin
            text = stream.read()
            if text.lstrip().startswith("{"):
                yield from read_jsonl(text.splitlines(), "<stdin>")
            elif text.strip():
                yield Document(id="<stdin>", text=text)
            else:
                yield Skip("<stdin>", errors.BLANK)
            continue
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
            if not files:
                yield Skip(given, errors.NO_TEXT_IN_FOLDER)
            for f in files:
                yield from _read_path(f, f.relative_to(path).as_posix(), encoding)
        elif path.exists():
            yield from _read_path(path, path.as_posix(), encoding)
        else:
            yield Skip(given, errors.MISSING)
