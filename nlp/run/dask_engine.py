"""Extraction on a Dask cluster: partitions of documents out, records back.

The client reads the documents, looks them up in the cache, and sends each
partition of misses to a worker as a future; the worker loads the model once
(by name, so every worker needs newsgraph and the model installed) and
returns plain :class:`~nlp.records.Extraction` records. Results come back in
input order, at most a few partitions per worker in flight, and are merged
on the client exactly as with the local engine, so the graph is the same.
A long document goes out as its sections, cached one by one, as with the
local engine (:func:`nlp.run.longdoc.in_sections`).

Example
-------
>>> from distributed import Client, LocalCluster
>>> from nlp.records import Document
>>> with LocalCluster(n_workers=1, threads_per_worker=1, processes=False) as cluster, Client(cluster) as client:
...     [e.doc for e in extract_documents_dask([Document("a", "Rome is old.")], client=client)]
['a']
"""
from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING

from nlp.extract import check_skip
from nlp.run.longdoc import in_sections, part_limit
from nlp.run.model import default_model_name, load_model, model_id
from nlp.run.pipeline import EngineFailed, ProgressHook, extract_batch, run_chunks
from nlp.records import Document, Extraction

if TYPE_CHECKING:
    from distributed import Client

    from nlp.run.cache import ExtractionCache

#: documents per partition sent to a worker
PARTITION_SIZE = 32
#: seconds the run waits for a worker (none at the start, or every one gone) before it stops
WORKER_WAIT = 20.0
#: seconds the run waits for a scheduler that stopped answering before it stops
SCHEDULER_WAIT = 5.0
#: seconds between two looks at the cluster while a partition is being extracted
POLL = 1.0


class ModelMismatch(RuntimeError):
    """A worker has another version of the model than the client."""


def extract_partition(documents: list[Document], model: str, window: str = "sentence",
                      skip: frozenset[str] = frozenset()) -> tuple[str, list[Extraction]]:
    """Run on a worker: the model's id and the extractions of one partition.

    >>> from nlp.records import Document
    >>> mid, exs = extract_partition([Document("a", "Rome is old.")], default_model_name())
    >>> [e.doc for e in exs]
    ['a']
    """
    nlp = load_model(model)
    return model_id(nlp), extract_batch(documents, nlp, window=window, skip=skip)


class _Watch:
    """The cluster, looked at while the run waits: a scheduler gone or a cluster without a worker
    is :class:`~nlp.run.pipeline.EngineFailed` within seconds, not a wait for ever."""

    def __init__(self, client: Client, address: str) -> None:
        self.client, self.address = client, address
        self.lost: dict[str, float] = {}          # what is missing -> since when

    def gone(self) -> EngineFailed:
        return EngineFailed(f"the Dask scheduler {self.address} went away during the run (stopped, or its "
                            "machine unreachable); start it again and rerun: with the cache, documents already "
                            "extracted are not parsed again")

    def no_worker(self) -> EngineFailed:
        return EngineFailed(f"the Dask scheduler {self.address} has no worker (none started, or every one "
                            f"gone) after {WORKER_WAIT:.0f} s; start one with: dask worker {self.address}")

    def _missing(self, what: str, wait: float, error: EngineFailed) -> None:
        since = self.lost.setdefault(what, time.monotonic())
        if time.monotonic() - since > wait:
            raise error

    def check(self) -> None:
        """Raise when the scheduler has not answered for ``SCHEDULER_WAIT`` or had no worker for ``WORKER_WAIT``."""
        if self.client.status != "running":
            self._missing("scheduler", SCHEDULER_WAIT, self.gone())
            return
        try:
            workers = self.client.nthreads()
        except (OSError, TimeoutError, CancelledError):
            self._missing("scheduler", SCHEDULER_WAIT, self.gone())
            return
        self.lost.pop("scheduler", None)
        if workers:
            self.lost.pop("worker", None)
        else:
            self._missing("worker", WORKER_WAIT, self.no_worker())

    def wait_for_a_worker(self) -> None:
        while True:
            self.check()
            if not self.lost:
                return
            time.sleep(min(POLL, 0.2))


class _Checked:
    """A worker's future whose result is checked against the client's model, waited for with an eye on the cluster."""

    def __init__(self, future, expected: str, watch: _Watch) -> None:
        self.future, self.expected, self.watch = future, expected, watch

    def done(self) -> bool:
        return self.future.done()

    def result(self) -> list[Extraction]:
        while True:
            try:
                got, extractions = self.future.result(timeout=POLL)
                break
            except TimeoutError:
                self.watch.check()
            except (CancelledError, OSError):    # the scheduler cancelled it on its way down, or the comm closed
                raise self.watch.gone() from None
        if got != self.expected:
            raise ModelMismatch(f"a Dask worker has model {got}, this machine {self.expected}: "
                                "install the same model version on every worker")
        return extractions


@contextmanager
def _quiet_distributed() -> Iterator[None]:
    """``distributed``'s own log lines (tracebacks when the scheduler dies, warnings on SIGTERM) held back:
    the run says in one line what happened."""
    names = ["distributed", *(n for n in list(logging.root.manager.loggerDict) if n.startswith("distributed."))]
    levels = {n: logging.getLogger(n).level for n in names}   # distributed's config sets some children's own
    for n in names:
        logging.getLogger(n).setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for n, level in levels.items():
            logging.getLogger(n).setLevel(level)


def extract_documents_dask(documents: Iterable[Document], *, model: str | None = None,
                           scheduler: str | None = None, client: Client | None = None,
                           n_workers: int = 1, cache: ExtractionCache | None = None,
                           progress: ProgressHook | None = None,
                           partition_size: int = PARTITION_SIZE, window: str = "sentence",
                           skip: Iterable[str] = frozenset()) -> Iterator[Extraction]:
    """Yield one Extraction per document, in order, extracted on a Dask cluster.

    Uses ``client`` if given, else connects to ``scheduler`` (an address such
    as ``tcp://10.0.0.5:8786``), else starts a LocalCluster of ``n_workers``
    single-threaded worker processes for the length of the run. ``window``
    and ``skip`` are those of :func:`nlp.run.pipeline.extract_documents`.
    """
    from distributed import Client, LocalCluster

    skip = check_skip(skip)
    if cache is not None:
        cache.check_options(window, skip)
    model = model or default_model_name()
    nlp = load_model(model)
    expected = model_id(nlp)
    with ExitStack() as stack:
        if client is None:  # the run's own client: a failure is said in one line, not in distributed's log
            stack.enter_context(_quiet_distributed())
        if client is None:
            if scheduler:
                client = stack.enter_context(Client(scheduler))
            else:
                cluster = stack.enter_context(LocalCluster(n_workers=n_workers, threads_per_worker=1,
                                                           processes=True, dashboard_address=None,
                                                           silence_logs=logging.CRITICAL))
                client = stack.enter_context(Client(cluster))
        watch = _Watch(client, scheduler or str(getattr(client, "scheduler_address", None) or "(local cluster)"))
        watch.wait_for_a_worker()
        slots = max(1, sum(client.nthreads().values()))

        extra = {**({} if window == "sentence" else {"window": window}), **({"skip": skip} if skip else {})}

        def submit(docs: list[Document]) -> _Checked:
            return _Checked(client.submit(extract_partition, docs, model, pure=False, **extra), expected, watch)

        yield from in_sections(documents, part_limit(nlp), lambda sections: run_chunks(
            sections, submit, cache=cache, progress=progress, chunk_size=partition_size, in_flight=2 * slots))
