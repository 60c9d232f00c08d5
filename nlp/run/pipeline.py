"""Run extraction over a stream of documents: in batches, in order, in parallel.

Only plain records stay in memory: each ``Doc`` is turned into an
:class:`~nlp.records.Extraction` as soon as it is parsed and then dropped, and
documents are read one chunk at a time, so memory stays flat however long the
corpus is. Documents already in an :class:`~nlp.run.cache.ExtractionCache` are not
parsed again. A long document goes through as its sections
(:func:`nlp.run.longdoc.in_sections`, the path the Dask engine takes too), so
its character offsets are those of the whole text.

With ``n_process > 1`` each worker process parses *and* extracts a chunk and
sends back records. spaCy's own ``n_process`` sends whole Docs back to the
parent, which would then extract alone: measured once on two cores, 1.69x one
process that way against 2.09x this way.

Example
-------
>>> from nlp.records import Document
>>> exs = list(extract_documents([Document("d1", "Reuters visited Paris."), Document("d2", "Hi.")]))
>>> [e.doc for e in exs]
['d1', 'd2']
"""
from __future__ import annotations

import ctypes
import functools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import TYPE_CHECKING

from spacy.language import Language

from nlp.extract import check_skip, extract
from nlp.run.longdoc import in_sections, part_limit
from nlp.run.model import load_model
from nlp.records import Document, Extraction

if TYPE_CHECKING:
    from nlp.run.cache import ExtractionCache

#: documents handed to ``nlp.pipe`` at a time in this process
CHUNK_SIZE = 64
#: inputs of up to this many documents (and ``WORKER_CHUNK_CHARS`` characters) are parsed in this process
WORKER_CHUNK_SIZE = 16
#: characters handed to a worker process at a time: work is split by size, not by document count
#: (tasks of 16 documents of ~20k words left one of two workers with 16 and the other with 4)
WORKER_CHUNK_CHARS = 40_000
#: at most this many documents in one worker task, however short
WORKER_CHUNK_DOCS = 256
#: characters per ``nlp.pipe`` batch: the parser's working memory grows with the
#: batch, its speed does not (8 news articles of ~900 words: 330 MB peak, the same
#: words/s as 32 articles at 650 MB)
BATCH_CHARS = 40_000

#: called once per finished document, in input order, with the document and its extraction
ProgressHook = Callable[[Document, Extraction], None]


class EngineFailed(RuntimeError):
    """The run cannot go on: a worker process was killed, the Dask scheduler went away or has no worker.

    The message says what happened and what to do; the command line prints
    it as it is, and the run stops with every output whole or as it was.
    """


#: what the run says when a worker process dies under it
WORKER_LOST = ("a worker process was killed while it parsed (the system's out-of-memory killer does this when "
               "memory runs out: each process holds a model, about 300 MB, and the documents it parses); "
               "the run stopped; run again with fewer --processes, or --processes 1")


def default_processes() -> int:
    """Parser processes to use when none is asked for: one per core, at most 4.

    Memory, not cores, is what grows with each process (one model each), so
    the default stops at 4.

    >>> 1 <= default_processes() <= 4
    True
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(4, cores))


def batch_size_for(texts: list[str]) -> int:
    """Documents per ``nlp.pipe`` batch: about ``BATCH_CHARS`` characters, 1 to 256 documents.

    >>> batch_size_for(["x" * 5000] * 10), batch_size_for(["Short."] * 10)
    (8, 256)
    """
    if not texts:
        return 1
    mean = sum(map(len, texts)) / len(texts)
    return max(1, min(256, int(BATCH_CHARS // max(mean, 1))))


def extract_batch(documents: list[Document], nlp: Language, *, window: str = "sentence",
                  skip: frozenset[str] = frozenset()) -> list[Extraction]:
    """Parse and extract a list of documents with ``nlp.pipe``, in order.

    ``window`` is where co-occurrence is counted and ``skip`` the passes
    switched off (``nlp.extract.extract``). Each document must fit one parse
    (``nlp.max_length``): the engines hand over long documents as their
    sections (:func:`nlp.run.longdoc.in_sections`).

    >>> from nlp.records import Document
    >>> [e.doc for e in extract_batch([Document("a", "Reuters visited Paris.")], load_model())]
    ['a']
    """
    return list(iter_extractions(documents, nlp, window=window, skip=skip))


def iter_extractions(documents: list[Document], nlp: Language, *, window: str = "sentence",
                     skip: frozenset[str] = frozenset()) -> Iterator[Extraction]:
    """:func:`extract_batch` one document at a time, as each comes out of ``nlp.pipe``.

    >>> from nlp.records import Document
    >>> [e.doc for e in iter_extractions([Document("a", "Oslo."), Document("b", "Lima.")], load_model())]
    ['a', 'b']
    """
    texts = [(d.text, d) for d in documents]
    for doc, document in nlp.pipe(texts, as_tuples=True, batch_size=batch_size_for([d.text for d in documents])):
        yield extract(doc, document, window=window, skip=skip)


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items (the last may be shorter).

    >>> list(chunked(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def size_chunks(documents: Iterable[Document], chars: int = WORKER_CHUNK_CHARS, *, workers: int = 1,
                max_docs: int = WORKER_CHUNK_DOCS) -> Iterator[list[Document]]:
    """Lists of documents of about ``chars`` characters, in order, for ``workers`` to share.

    A chunk closes before the document that would take it past ``chars``, so a
    long document starts a chunk of its own and never waits behind a queue of
    others. A few chunks' worth is read ahead; once the input ends the chunks
    shrink to a share of what is left (guided self-scheduling), so the last
    ones are single documents and no worker is left finishing a big chunk
    alone while the others wait.

    >>> docs = [Document(str(i), "x" * n) for i, n in enumerate([10, 10, 50, 10, 10, 10, 10])]
    >>> [[d.id for d in c] for c in size_chunks(docs, 30, workers=1)]
    [['0', '1'], ['2'], ['3', '4'], ['5'], ['6']]
    """
    if chars < 1:
        raise ValueError("chars must be positive")
    it = iter(documents)
    buffer: deque[Document] = deque()
    held = 0
    ahead = 2 * max(1, workers) * chars         # read ahead this much, to know when the input ends
    exhausted = False
    while True:
        while not exhausted and held < ahead:
            d = next(it, None)
            if d is None:
                exhausted = True
            else:
                buffer.append(d)
                held += len(d.text)
        if not buffer:
            return
        limit = chars if not exhausted else max(1, min(chars, held // (2 * max(1, workers))))
        chunk = [buffer.popleft()]
        size = len(chunk[0].text)
        while buffer and len(chunk) < max_docs and size + len(buffer[0].text) <= limit:
            size += len(buffer[0].text)
            chunk.append(buffer.popleft())
        held -= size
        yield chunk


# -- worker processes ---------------------------------------------------------

_WORKER_NLP: Language | None = None


def _worker_init(nlp: Language | None, path: str | None) -> None:
    """Keep the parent's pipeline (fork) or load it again (spawn); leave Ctrl-C to the parent.

    SIGTERM ends a worker at once, without a traceback: a forked worker
    would otherwise inherit the command line's handler, which raises to run
    the parent's clean-up, and ``pool.terminate()`` sends SIGTERM.
    """
    global _WORKER_NLP
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    _WORKER_NLP = nlp if nlp is not None else load_model(path)


def _worker_extract(documents: list[Document], window: str = "sentence",
                    skip: frozenset[str] = frozenset()) -> list[Extraction]:
    assert _WORKER_NLP is not None
    return extract_batch(documents, _WORKER_NLP, window=window, skip=skip)


#: a text that makes extraction load every lexicon it reads lazily (roles, outlets, verbs, countries, places)
WARM_UP_TEXT = ("Peru's Foreign Minister Ana Lopes told Reuters in Lima on Monday that Chile had attacked "
                "the border town of Tacna. \"We will respond,\" Lopes said. The Kremlin denied it.")


def warm_up(nlp: Language) -> None:
    """Extract one small document, so that every lexicon is loaded before worker processes fork
    and shared by them, instead of each worker loading its own (about 2 CPU seconds each).

    >>> warm_up(load_model())
    """
    from nlp.entities.places import is_known_place

    extract(nlp(WARM_UP_TEXT), Document("warm-up", WARM_UP_TEXT))
    is_known_place("Tacna")                     # the gazetteer, read only when a name may be a place


def _pool(nlp: Language, n_process: int) -> ProcessPoolExecutor:
    """Worker processes: a ``concurrent.futures`` pool, because it notices a worker that dies
    (killed by the out-of-memory killer, say) and fails every task still waiting, instead of
    waiting for ever for a result that will not come (what ``multiprocessing.Pool`` does)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:  # the child shares the loaded model, no reload
        warm_up(nlp)
        ctx, args = multiprocessing.get_context("fork"), (nlp, None)
    else:
        ctx, args = multiprocessing.get_context("spawn"), (None, str(nlp.path) if nlp.path else None)
    return ProcessPoolExecutor(n_process, mp_context=ctx, initializer=_worker_init, initargs=args)


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """End the workers at once, wherever they are (mid-document, or dead already), then release the pool.

    The workers are killed before the pool is shut down, so shutting down
    waits on no worker and no queue: a worker that died holding a queue's
    lock, or one deep in a long document, cannot keep the run from ending.
    Signals wait until it is done (``timeout`` sends SIGTERM twice: to the
    process, then to its group), so a second one cannot cut the clean-up short.
    """
    stops = {getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n)}
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, stops) if hasattr(signal, "pthread_sigmask") else None
    try:
        if hasattr(pool, "kill_workers"):       # Python 3.14: kill, then shut down
            pool.kill_workers()
            return
        processes = list((getattr(pool, "_processes", None) or {}).values())   # before 3.14, only here
        for p in processes:
            if p.is_alive():
                p.kill()
        for p in processes:
            p.join(5)
        pool.shutdown(wait=True, cancel_futures=True)
    finally:
        if mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)


class _Pending:
    """A pool task: ``result()`` waits for it, and turns a worker's death into :class:`EngineFailed`."""

    def __init__(self, task: Future) -> None:
        self.task = task

    def result(self) -> list[Extraction]:
        try:
            return self.task.result()
        except BrokenProcessPool:
            raise EngineFailed(WORKER_LOST) from None

    def done(self) -> bool:
        return self.task.done()


# -- the stream -----------------------------------------------------------------

#: extracts a list of documents now (a list) or later (anything with ``result()``)
BatchRunner = Callable[[list[Document]], "Future[list[Extraction]] | list[Extraction]"]


def _ready(job: object) -> bool:
    """A chunk's extractions can be had without waiting: a list, or a future that is done."""
    return isinstance(job, list) or hasattr(job, "done") and job.done()


def run_chunks(documents: Iterable[Document], submit: BatchRunner, *, cache: ExtractionCache | None = None,
               progress: ProgressHook | None = None, chunk_size: int = CHUNK_SIZE,
               in_flight: int = 2, chunk_chars: int | None = None, workers: int = 1) -> Iterator[Extraction]:
    """Yield one Extraction per document, in order, parsing only cache misses.

    ``submit`` extracts a list of documents, now (a list or an iterator of
    Extractions) or later (a future: anything with ``result()`` and
    ``done()``); at most ``in_flight`` chunks are being extracted at a time,
    so only a few chunks of documents are ever held. Chunks are of
    ``chunk_size`` documents, or of about ``chunk_chars`` characters shared by
    ``workers`` (:func:`size_chunks`). A chunk that takes long (a long
    document) does not stop the others: the chunks after it go on being
    submitted, and their finished records are held, up to ``in_flight`` times
    its size, until it is done. Any engine (this process, worker processes, a
    Dask cluster) plugs in here.

    >>> from nlp.records import Document
    >>> fake = lambda docs: [Extraction(d.id, words=len(d.text.split())) for d in docs]
    >>> [(e.doc, e.words) for e in run_chunks([Document("a", "x y"), Document("b", "z")], fake, chunk_size=1)]
    [('a', 2), ('b', 1)]
    """
    pending: deque[tuple[list[Document], dict[int, Extraction], object]] = deque()

    def finish() -> Iterator[Extraction]:
        chunk, hits, job = pending.popleft()
        fresh = iter(job.result() if hasattr(job, "result") else job)
        new: list[tuple[Document, Extraction]] = []
        for i, d in enumerate(chunk):
            if i in hits:
                ex = hits[i]
            else:
                ex = next(fresh)
                new.append((d, ex))
            if progress:
                progress(d, ex)
            yield ex
        if cache is not None:
            cache.put_many(new)

    def chars(chunk: list[Document]) -> int:
        return sum(len(d.text) for d in chunk)

    def must_wait() -> bool:
        busy = sum(not _ready(job) for _, _, job in pending)
        if busy >= in_flight:
            return True
        if len(pending) < in_flight:
            return False
        # finished chunks held behind a slow first one: at most in_flight times its size
        return sum(chars(c) for c, _, _ in pending) > in_flight * max(chars(pending[0][0]), chunk_chars or 1)

    chunks = size_chunks(documents, chunk_chars, workers=workers) if chunk_chars else chunked(documents, chunk_size)
    for chunk in chunks:
        hits = cache.get_many(chunk) if cache is not None else {}
        misses = [d for i, d in enumerate(chunk) if i not in hits]
        pending.append((chunk, hits, submit(misses) if misses else []))
        while pending and (_ready(pending[0][2]) or must_wait()):
            yield from finish()
    while pending:
        yield from finish()


def extract_documents(documents: Iterable[Document], nlp: Language | None = None, *,
                      n_process: int = 1, cache: ExtractionCache | None = None,
                      progress: ProgressHook | None = None,
                      chunk_size: int = CHUNK_SIZE, window: str = "sentence",
                      skip: Iterable[str] = frozenset()) -> Iterator[Extraction]:
    """Parse documents in batches and yield one Extraction per document, in order.

    ``n_process`` worker processes parse and extract in parallel; ``cache``
    skips documents extracted before; ``progress`` is called per document;
    ``window`` (``sentence`` or ``paragraph``) is where co-occurrence is counted;
    ``skip`` names passes to switch off (``nlp.extract.pass_names``; an
    unknown name raises ``ValueError`` before anything is parsed). A cache
    must have been opened with the same ``window`` and ``skip``.

    >>> from nlp.records import Document
    >>> [e.words for e in extract_documents([Document("d", "France met Germany.")])]
    [3]
    """
    skip = check_skip(skip)
    if cache is not None:
        cache.check_options(window, skip)
    nlp = nlp or load_model()
    yield from in_sections(documents, part_limit(nlp), lambda sections: _extract_stream(
        sections, nlp, n_process=n_process, cache=cache, progress=progress, chunk_size=chunk_size,
        window=window, skip=skip))
    release_free_memory()  # the parser's working memory is free now: the merge and the graph come next


def release_free_memory() -> bool:
    """Hand the C heap's free pages back to the system (glibc's ``malloc_trim``); False where there is none.

    The parser's working memory (its batches' arrays) is freed into the C
    heap, which keeps it; Python's own objects come from separate blocks and
    cannot reuse it. Measured at 1M words: the process held 467 MB when the
    stream ended and the graph built after it added 148 MB on top; trimmed,
    the process holds 299 MB when the stream ends. Dask's workers trim the
    same way.

    >>> isinstance(release_free_memory(), bool)
    True
    """
    trim = _malloc_trim()
    return bool(trim(0)) if trim is not None else False


@functools.lru_cache(maxsize=1)
def _malloc_trim():
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library this process already runs on
    except (OSError, AttributeError, TypeError):   # not glibc (macOS, musl, Windows): nothing to call
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def _extract_stream(documents: Iterable[Document], nlp: Language, *, n_process: int,
                    cache: ExtractionCache | None, progress: ProgressHook | None, chunk_size: int,
                    window: str, skip: frozenset[str]) -> Iterator[Extraction]:
    """:func:`extract_documents` once long documents are cut into sections."""
    documents = iter(documents)
    if n_process > 1:  # worth starting processes only for more than one worker's share
        head: list[Document] = []
        for d in documents:
            head.append(d)
            if len(head) > WORKER_CHUNK_SIZE or sum(len(h.text) for h in head) > WORKER_CHUNK_CHARS:
                break
        documents = chain(head, documents)
        if len(head) > WORKER_CHUNK_SIZE or sum(len(h.text) for h in head) > WORKER_CHUNK_CHARS:
            pool = _pool(nlp, n_process)

            def submit(docs: list[Document]) -> _Pending:
                try:
                    return _Pending(pool.submit(_worker_extract, docs, window, skip))
                except BrokenProcessPool:             # a worker died before this chunk could be handed over
                    raise EngineFailed(WORKER_LOST) from None

            try:
                yield from run_chunks(documents, submit, cache=cache, progress=progress,
                                      chunk_chars=WORKER_CHUNK_CHARS, workers=n_process,
                                      in_flight=2 * n_process)
            finally:  # all done, or interrupted, or a worker lost: no worker outlives the run
                _stop_pool(pool)
            return
    # in this process a chunk is extracted lazily, so progress moves with each document
    yield from run_chunks(documents, lambda docs: iter_extractions(docs, nlp, window=window, skip=skip), cache=cache,
                          progress=progress, chunk_size=chunk_size, in_flight=1)
