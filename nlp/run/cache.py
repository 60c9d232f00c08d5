"""An on-disk SQLite cache of per-document extractions, for incremental rebuilds.

A rerun over a corpus parses only the documents it has not seen: each
:class:`~nlp.records.Extraction` is stored under a hash of what produced it,
the document (id, text and metadata), the spaCy model's name and version,
and the extractor version. The extractor version includes a hash of every
source and data file of ``nlp/``, so changing the code or a lexicon
invalidates the cache by itself. Records are stored as JSON, never pickled:
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
import zlib
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from nlp.records import Document, Extraction

#: the cache file beside an output, when ``--cache`` is not given
DEFAULT_NAME = ".newsgraph-cache.sqlite"
#: files whose contents make up the extractor version
SOURCE_SUFFIXES = (".py", ".tsv", ".txt", ".json", ".csv")

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


def extractor_version(root: str | os.PathLike | None = None) -> str:
    """``EXTRACTOR_VERSION`` of ``nlp.extract`` plus the hash of the ``nlp/`` files.

    >>> from nlp.extract import EXTRACTOR_VERSION
    >>> extractor_version().startswith(EXTRACTOR_VERSION + "+")
    True
    """
    from nlp.extract import EXTRACTOR_VERSION
    from nlp.passes import skipped

    off = skipped()
    suffix = "-skip:" + ",".join(sorted(off)) if off else ""
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


class ExtractionCache:
    """Extractions on disk, keyed by document, model and extractor version.

    ``hits`` and ``misses`` count lookups since the cache was opened. When it
    is opened with the current extractor version (the default, or that
    version with a suffix for an option such as ``+window=paragraph``),
    entries made by other versions of the code can never be hit again and are
    deleted (``pruned`` counts them), so the file does not grow with every
    change to ``nlp/``; entries of other models are kept.
    """

    def __init__(self, path: str | os.PathLike, *, model: str, extractor: str | None = None) -> None:
        self.path = Path(path)
        self.model = model
        self.extractor = extractor if extractor is not None else extractor_version()
        self.hits = 0
        self.misses = 0
        self.pruned = 0
        #: the first SQLite error met after opening; from then on the cache is not used
        self.error: sqlite3.Error | None = None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
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
        out = {i: Extraction.from_dict(json.loads(zlib.decompress(found[k])))
               for i, k in enumerate(keys) if k in found}
        self.hits += len(out)
        self.misses += len(keys) - len(out)
        return out

    def put_many(self, pairs: Iterable[tuple[Document, Extraction]]) -> None:
        """Store extractions, one transaction for all of them."""
        rows = [(self.key(d), d.id, self.model, self.extractor,
                 zlib.compress(json.dumps(ex.to_dict(), ensure_ascii=False).encode("utf-8"), 1))
                for d, ex in pairs]
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
