"""The Dask engine gives the graph the local engine gives."""
from __future__ import annotations

import pytest

distributed = pytest.importorskip("distributed", reason="dask[distributed] is a dev dependency")

from graph.export import node_link  # noqa: E402
from nlp.run.cache import ExtractionCache  # noqa: E402
from nlp.run.dask_engine import ModelMismatch, extract_documents_dask  # noqa: E402
from nlp.run.model import model_id  # noqa: E402
from nlp.run.pipeline import extract_documents  # noqa: E402
from nlp.records import Document  # noqa: E402
from newsgraph.api import graph_of  # noqa: E402

pytestmark = pytest.mark.model

TEXTS = (
    "Angela Merkel met Emmanuel Macron in Paris on Monday.",
    "Reuters reported that Germany and France signed a trade deal.",
    "Police in Brazil arrested a former minister, Folha de S.Paulo said.",
    "Macron told the Associated Press that Italy would join.",
)


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


def _graph(extractions) -> dict:
    data = node_link(graph_of(extractions))
    data["graph"].pop("built")
    return data


def _docs(n: int) -> list[Document]:
    return [Document(f"d{i}", TEXTS[i % len(TEXTS)], date=f"2024-01-{i % 28 + 1:02d}") for i in range(n)]


@pytest.mark.parametrize("n, partition_size", [(1, 4), (9, 2)])
def test_dask_engine_graph_equals_local_engine(nlp, client, n, partition_size):
    docs = _docs(n)
    local = list(extract_documents(docs, nlp))
    remote = list(extract_documents_dask(iter(docs), client=client, partition_size=partition_size))
    assert [e.doc for e in remote] == [d.id for d in docs]
    assert remote == local
    assert _graph(remote) == _graph(local)


@pytest.mark.parametrize("n", [5])
def test_dask_engine_uses_the_cache(nlp, client, tmp_path, n):
    docs = _docs(n)
    with ExtractionCache(tmp_path / "c.sqlite", model=model_id(nlp)) as cache:
        first = list(extract_documents_dask(docs, client=client, cache=cache, partition_size=2))
        again = list(extract_documents_dask(docs, client=client, cache=cache, partition_size=2))
        assert (cache.hits, cache.misses) == (n, n)
    assert again == first


@pytest.mark.parametrize("version", ["9.9.9"])
def test_dask_engine_refuses_a_worker_with_another_model_version(nlp, client, monkeypatch, version):
    # a worker that has another version of the model installed
    monkeypatch.setattr("nlp.run.dask_engine.extract_partition", lambda docs, model: (f"en_core_web_sm-{version}", []))
    with pytest.raises(ModelMismatch, match=version):
        list(extract_documents_dask(_docs(1), client=client))
