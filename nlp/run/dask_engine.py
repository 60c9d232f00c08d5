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

from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import TYPE_CHECKING

from nlp.extract import check_skip
from nlp.run.longdoc import in_sections, part_limit
from nlp.run.model import default_model_name, load_model, model_id
from nlp.run.pipeline import ProgressHook, extract_batch, run_chunks
from nlp.records import Document, Extraction

if TYPE_CHECKING:
    from distributed import Client

    from nlp.run.cache import ExtractionCache

#: documents per partition sent to a worker
PARTITION_SIZE = 32


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


class _Checked:
    """A worker's future whose result is checked against the client's model."""

    def __init__(self, future, expected: str) -> None:
        self.future, self.expected = future, expected

    def result(self) -> list[Extraction]:
        got, extractions = self.future.result()
        if got != self.expected:
            raise ModelMismatch(f"a Dask worker has model {got}, this machine {self.expected}: "
                                "install the same model version on every worker")
        return extractions


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
        if client is None:
            if scheduler:
                client = stack.enter_context(Client(scheduler))
            else:
                cluster = stack.enter_context(LocalCluster(n_workers=n_workers, threads_per_worker=1,
                                                           processes=True, dashboard_address=None))
                client = stack.enter_context(Client(cluster))
        slots = max(1, sum(client.nthreads().values()))

        extra = {**({} if window == "sentence" else {"window": window}), **({"skip": skip} if skip else {})}

        def submit(docs: list[Document]) -> _Checked:
            return _Checked(client.submit(extract_partition, docs, model, pure=False, **extra), expected)

        yield from in_sections(documents, part_limit(nlp), lambda sections: run_chunks(
            sections, submit, cache=cache, progress=progress, chunk_size=partition_size, in_flight=2 * slots))
