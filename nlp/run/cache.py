"""An on-disk SQLite cache of per-document extractions, for incremental rebuilds.

A rerun over a corpus parses only the documents it has not seen: each
:class:`~nlp.records.Extraction` is stored under a hash of what produced it,
the document (id, text and metadata), the spaCy model's name and version,
and the extractor version. The extractor version includes a hash of every
source and data file of ``nlp/``, so changing the code or a lexicon
invalidates the cache by itself, and the options that change an extraction
(the co-occurrence window, the passes switched off), so an extraction made
with a pass off is never reused with it on. This module is the one place the
key is made (:func:`extractor_version`, :func:`document_key`). Records are stored as JSON, never pickled:
opening a cache file cannot run code.

Cross-document merging is not cached: it always runs over every record.

Example
-------
>>> import tempfile, pathlib
>>> from nlp.records import Document, Extraction
>>> path = pathlib.Path(tempfile.mkdtemp()) / "c.sqlite"
>>> doc = Document("a", "Rome is old.")
>>> with ExtractionCache(path, model="en_core_web_sm-3.8.0", extractor="1") as cache:
...     cache.put_many([(doc, Extraction("a", words=3))])
...     cache.get_many([doc, Document("b", "Oslo.")])
{0: Extraction(doc='a', entities=(), relations=(), meta=(), words=3, quotes=())}
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import zlib
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from nlp.records import Document, Extraction

#: the cache file beside an output, when ``--cache`` is not given
DEFAULT_NAME = ".newsgraph-cache.sqlite"
#: files whose contents make up the extractor version
SOURCE_SUFFIXES = (".py", ".tsv", ".txt", ".json", ".csv")

#: the columns of our table, in order: a file whose ``extractions`` table differs is not ours
COLUMNS = ("key", "doc", "model", "extractor", "data")
#: what a damaged row can raise on the way from its blob to an Extraction
_DAMAGE = (zlib.error, ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError, MemoryError)
#: the most bytes of JSON a document's extraction may inflate to, per character of its text (and 1 MiB
#: besides): real articles give at most about 40, a sentence naming 12 entities about 70; a row that
#: inflates further is damaged (or made to inflate: 4 GiB from a few MB) and is dropped, never inflated whole
INFLATE_PER_CHAR = 1000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS extractions (
    key TEXT PRIMARY KEY,
    doc TEXT NOT NULL,
    model TEXT NOT NULL,
    extractor TEXT NOT NULL,
    data BLOB NOT NULL
)
"""


@lru_cache(maxsize=8)
def source_hash(root: str | os.PathLike | None = None) -> str:
    """A hash of every source and data file under ``root`` (default: ``nlp/``).

    >>> len(source_hash())
    16
    """
    base = Path(root) if root is not None else Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for f in sorted(p for p in base.rglob("*") if p.is_file() and p.suffix in SOURCE_SUFFIXES
                    and "__pycache__" not in p.parts):
        h.update(f.relative_to(base).as_posix().encode())
        h.update(b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:16]


def extractor_version(root: str | os.PathLike | None = None, *, window: str = "sentence",
                      skip: Iterable[str] = frozenset()) -> str:
    """``EXTRACTOR_VERSION`` of ``nlp.extract``, the hash of the ``nlp/`` files, and the options.

    The default options (sentence window, every pass on) add nothing, so
    the version starts with the default's: a cache opened with options
    still prunes the entries of older code.

    >>> from nlp.extract import EXTRACTOR_VERSION
    >>> extractor_version().startswith(EXTRACTOR_VERSION + "+")
    True
    >>> extractor_version(window="paragraph", skip={"verbs", "roles"})[len(extractor_version()):]
    '+window=paragraph-skip:roles,verbs'
    """
    from nlp.extract import EXTRACTOR_VERSION

    suffix = "" if window == "sentence" else f"+window={window}"
    suffix += "-skip:" + ",".join(sorted(skip)) if skip else ""
    return f"{EXTRACTOR_VERSION}+{source_hash(str(root) if root is not None else None)}{suffix}"


def default_cache_path(output: str | os.PathLike) -> Path:
    """The cache beside an output file: ``out/graph.html`` -> ``out/.newsgraph-cache.sqlite``.

    >>> default_cache_path("out/graph.html").as_posix()
    'out/.newsgraph-cache.sqlite'
    """
    return Path(output).parent / DEFAULT_NAME


def document_key(document: Document, model: str, extractor: str) -> str:
    """The cache key: a hash of the document, the model and the extractor version.

    >>> a = document_key(Document("a", "Rome."), "m-1", "1")
    >>> a == document_key(Document("a", "Rome."), "m-2", "1"), a == document_key(Document("a", "Rome."), "m-1", "1")
    (False, True)
    """
    h = hashlib.sha256()
    for part in (model, extractor, document.id, document.title, document.date, document.url,
                 document.source, document.text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


class NotACache(sqlite3.DatabaseError):
    """A ``--cache`` path that is not a newsgraph cache (another program's database, a device): left untouched."""


def _check_path(path: Path) -> None:
    """Raise :class:`NotACache` for an existing path that is not a regular file (``/dev/null``, a FIFO).

    >>> _check_path(Path("/dev/null"))
    Traceback (most recent call last):
    ...
    nlp.run.cache.NotACache: /dev/null is not a regular file (a device, socket, pipe or folder)
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise NotACache(f"{path} is not a regular file (a device, socket, pipe or folder)")


def _check_tables(db: sqlite3.Connection, path: Path) -> None:
    """Raise :class:`NotACache` unless the database is empty or holds only our table.

    Run before anything is written: another program's SQLite file given as
    ``--cache`` gets no table of ours and keeps its journal mode.
    """
    tables = sorted(name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    others = [t for t in tables if t != "extractions"]
    if others:
        raise NotACache(f"{path} is another program's SQLite database (tables: {', '.join(others[:5])}); "
                        "it was left as it was: pass another --cache path")
    if tables:
        columns = tuple(row[1] for row in db.execute("PRAGMA table_info(extractions)"))
        if columns != COLUMNS:
            raise NotACache(f"{path} has an 'extractions' table that is not newsgraph's "
                            f"(columns: {', '.join(columns)}); it was left as it was: pass another --cache path")


def _inflated(blob: object, limit: int) -> bytes:
    """A row's blob inflated, or ``ValueError`` once it passes ``limit`` bytes (a zip bomb stops there).

    >>> _inflated(zlib.compress(b"x" * 100), 10)
    Traceback (most recent call last):
    ...
    ValueError: the row inflates to more than 10 bytes
    """
    if not isinstance(blob, bytes):
        raise TypeError("the row's data is not a blob")
    z = zlib.decompressobj()
    data = z.decompress(blob, limit + 1)
    if len(data) > limit or z.unconsumed_tail:
        raise ValueError(f"the row inflates to more than {limit} bytes")
    return data + z.flush()


def _decoded(blob: object, doc_id: str, limit: int = 2**30) -> Extraction | None:
    """The Extraction stored in a row, or None when the row is damaged (or holds another document,
    or inflates past ``limit`` bytes).

    >>> _decoded(b"\\x00" * 16, "a") is None, _decoded(zlib.compress(b'{"doc": 1}'), "a") is None
    (True, True)
    """
    try:
        ex = Extraction.from_dict(json.loads(_inflated(blob, limit)))
    except _DAMAGE:
        return None
    return ex if ex.doc == doc_id else None


class ExtractionCache:
    """Extractions on disk, keyed by document, model and extractor version.

    ``hits`` and ``misses`` count lookups since the cache was opened. When it
    is opened with the current extractor version (made from ``window`` and
    ``skip`` by :func:`extractor_version`; ``extractor`` replaces it, for tests),
    entries made by other versions of the code can never be hit again and are
    deleted (``pruned`` counts them), so the file does not grow with every
    change to ``nlp/``; entries of other models are kept. A damaged row
    (zeros, flipped bytes, JSON that is not an extraction) is deleted when it
    is met and its document parsed again (``dropped`` counts them).

    A file that is not a newsgraph cache (another program's SQLite database,
    a device) raises :class:`NotACache` before anything is written to it.
    """

    def __init__(self, path: str | os.PathLike, *, model: str, window: str = "sentence",
                 skip: Iterable[str] = frozenset(), extractor: str | None = None) -> None:
        self.path = Path(path)
        self.model = model
        #: the options the cached extractions were made with: a run must use the same ones
        self.window, self.skip = window, frozenset(skip)
        self.extractor = extractor if extractor is not None else extractor_version(window=window, skip=self.skip)
        self.hits = 0
        self.misses = 0
        self.pruned = 0
        self.dropped = 0
        #: the first SQLite error met after opening; from then on the cache is not used
        self.error: sqlite3.Error | None = None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _check_path(self.path)
        self._db = sqlite3.connect(self.path)
        try:
            _check_tables(self._db, self.path)
        except sqlite3.Error:
            self._db.close()
            raise
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)
        current = extractor_version()
        if self.extractor.startswith(current):
            self.pruned = self._db.execute("DELETE FROM extractions WHERE substr(extractor, 1, ?) != ?",
                                           (len(current), current)).rowcount
        self._db.commit()

    def key(self, document: Document) -> str:
        return document_key(document, self.model, self.extractor)

    def check_options(self, window: str, skip: Iterable[str]) -> None:
        """``ValueError`` unless a run with ``window`` and ``skip`` is what this cache was opened for.

        >>> import tempfile, pathlib
        >>> with ExtractionCache(pathlib.Path(tempfile.mkdtemp()) / "c.sqlite", model="m") as cache:
        ...     cache.check_options("sentence", {"roles"})
        Traceback (most recent call last):
        ...
        ValueError: the cache was opened for window 'sentence' and passes off [], not 'sentence' and ['roles']
        """
        if (window, frozenset(skip)) != (self.window, self.skip):
            raise ValueError(f"the cache was opened for window {self.window!r} and passes off {sorted(self.skip)}, "
                             f"not {window!r} and {sorted(skip)}")

    def get_many(self, documents: Sequence[Document]) -> dict[int, Extraction]:
        """The cached extractions of ``documents``, by position in the list.

        A database error (a file damaged or removed during the run) is kept in
        ``error`` and turns every later lookup into a miss: the run goes on.
        """
        keys = [self.key(d) for d in documents]
        found: dict[str, bytes] = {}
        try:
            for start in range(0, len(keys) if self.error is None else 0, 500):  # SQLite's variable limit
                part = keys[start:start + 500]
                rows = self._db.execute(
                    f"SELECT key, data FROM extractions WHERE key IN ({','.join('?' * len(part))})", part)
                found.update(rows.fetchall())
        except sqlite3.Error as exc:
            self.error, found = exc, {}
        out: dict[int, Extraction] = {}
        damaged: list[str] = []
        for i, k in enumerate(keys):
            if k in found:
                ex = _decoded(found[k], documents[i].id, 2**20 + INFLATE_PER_CHAR * len(documents[i].text))
                if ex is None:
                    damaged.append(k)
                else:
                    out[i] = ex
        if damaged:
            self._drop(damaged)
        self.hits += len(out)
        self.misses += len(keys) - len(out)
        return out

    def _drop(self, keys: list[str]) -> None:
        """Delete damaged rows, so a rerun parses their documents again instead of failing on them."""
        self.dropped += len(set(keys))
        try:
            with self._db:
                self._db.executemany("DELETE FROM extractions WHERE key = ?", [(k,) for k in set(keys)])
        except sqlite3.Error as exc:
            self.error = exc

    def put_many(self, pairs: Iterable[tuple[Document, Extraction]]) -> None:
        """Store extractions, one transaction for all of them.

        An extraction that cannot be written as UTF-8 (a lone surrogate from
        a caller that built the Document itself) is not stored: it is parsed
        again next time.
        """
        rows = []
        for d, ex in pairs:
            try:
                blob = zlib.compress(json.dumps(ex.to_dict(), ensure_ascii=False).encode("utf-8"), 1)
                rows.append((self.key(d), d.id.encode("utf-8", "replace").decode("utf-8"), self.model,
                             self.extractor, blob))
            except UnicodeEncodeError:
                continue
        if rows and self.error is None:
            try:
                with self._db:
                    self._db.executemany("INSERT OR REPLACE INTO extractions VALUES (?, ?, ?, ?, ?)", rows)
            except sqlite3.Error as exc:  # a full disk, say: the run goes on without the cache
                self.error = exc

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM extractions").fetchone()[0]

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "ExtractionCache":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
