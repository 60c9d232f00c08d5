"""The extraction cache: hits, misses, invalidation, incremental rebuilds."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.export import node_link
from nlp.run.cache import ExtractionCache, default_cache_path, extractor_version, source_hash
from nlp.run.model import model_id
from nlp.run.pipeline import extract_documents
from nlp.records import Document
from newsgraph.api import graph_of

pytestmark = pytest.mark.model

TEXTS = (
    "Angela Merkel met Emmanuel Macron in Paris on Monday.",
    "Reuters reported that Germany and France signed a trade deal.",
    "Police in Brazil arrested a former minister, Folha de S.Paulo said.",
    "Japan and South Korea agreed to share data, Kyodo News reported.",
    "The Norwegian government praised Sweden for its help after the floods.",
)


def _docs(n: int, prefix: str = "d") -> list[Document]:
    return [Document(f"{prefix}{i}", f"{TEXTS[i % len(TEXTS)]} It was report number {i}.") for i in range(n)]


def _graph(extractions) -> dict:
    data = node_link(graph_of(extractions))
    data["graph"].pop("built")
    return data


@pytest.mark.parametrize("n", [3])
def test_cache_second_run_hits_and_returns_the_same_records(nlp, tmp_path, n):
    docs = _docs(n)
    with ExtractionCache(tmp_path / "c.sqlite", model=model_id(nlp)) as cache:
        first = list(extract_documents(docs, nlp, cache=cache))
        assert (cache.hits, cache.misses, len(cache)) == (0, n, n)
    with ExtractionCache(tmp_path / "c.sqlite", model=model_id(nlp)) as cache:
        again = list(extract_documents(docs, nlp, cache=cache))
        assert (cache.hits, cache.misses) == (n, 0)
    assert again == first


@pytest.mark.parametrize("change", [
    lambda d: Document(d.id, d.text + " Italy objected."),    # text
    lambda d: Document(d.id + "-renamed", d.text),            # id: mentions carry it
    lambda d: Document(d.id, d.text, date="2025-01-02"),      # metadata
])
def test_cache_changed_document_misses(nlp, tmp_path, change):
    doc = _docs(1)[0]
    with ExtractionCache(tmp_path / "c.sqlite", model=model_id(nlp)) as cache:
        list(extract_documents([doc], nlp, cache=cache))
        [ex] = extract_documents([change(doc)], nlp, cache=cache)
        assert (cache.hits, cache.misses) == (0, 2)
    assert ex.doc == change(doc).id


@pytest.mark.parametrize("field, value", [("model", "en_other_model-9.9.9"), ("extractor", "999+ffff")])
def test_cache_invalidated_by_model_or_extractor_change(nlp, tmp_path, field, value):
    docs = _docs(2)
    path = tmp_path / "c.sqlite"
    with ExtractionCache(path, model=model_id(nlp)) as cache:
        list(extract_documents(docs, nlp, cache=cache))
    settings = {"model": model_id(nlp), field: value}
    with ExtractionCache(path, **settings) as cache:
        list(extract_documents(docs, nlp, cache=cache))
        assert (cache.hits, cache.misses) == (0, 2)
    with ExtractionCache(path, model=model_id(nlp)) as cache:  # the old entries are still there
        list(extract_documents(docs, nlp, cache=cache))
        assert (cache.hits, cache.misses) == (2, 0)


@pytest.mark.parametrize("edit", [
    lambda root: (root / "extract.py").write_text("# changed\n", encoding="utf-8"),
    lambda root: (root / "data" / "titles.tsv").write_text("# source: a test\nsenator\n", encoding="utf-8"),
])
def test_cache_extractor_version_follows_source_and_data_files(tmp_path, edit):
    root = tmp_path / "nlp"
    (root / "data").mkdir(parents=True)
    (root / "extract.py").write_text("EXTRACTOR_VERSION = '1'\n", encoding="utf-8")
    (root / "data" / "titles.tsv").write_text("# source: a test\nminister\n", encoding="utf-8")
    before = extractor_version(root)
    source_hash.cache_clear()
    edit(root)
    assert extractor_version(root) != before
    source_hash.cache_clear()


@pytest.mark.parametrize("old, new", [(12, 4)])
def test_cache_incremental_rebuild_parses_only_new_documents_and_merges_right(nlp, tmp_path, old, new):
    corpus = _docs(old)
    added = _docs(new - 1, prefix="new") + [Document("late", "Merkel met Macron in Rome on Friday.")]
    path = tmp_path / "c.sqlite"
    with ExtractionCache(path, model=model_id(nlp)) as cache:
        list(extract_documents(corpus, nlp, cache=cache))
    with ExtractionCache(path, model=model_id(nlp)) as cache:
        incremental = list(extract_documents(corpus + added, nlp, cache=cache))
        assert (cache.hits, cache.misses) == (old, new)
    fresh = list(extract_documents(corpus + added, nlp))
    assert incremental == fresh
    graph = _graph(incremental)
    assert graph == _graph(fresh)
    # a surname in a new document still joins the full name from a cached one
    macron = next(n for n in graph["nodes"] if n["id"] == "person:emmanuel-macron")
    assert "late" in macron["docs"] and "d0" in macron["docs"]
    assert not any(n["id"] == "person:macron" for n in graph["nodes"])


@pytest.mark.parametrize("output, expected", [("out/graph.html", "out/.newsgraph-cache.sqlite"),
                                              ("graph.html", ".newsgraph-cache.sqlite")])
def test_cache_default_path_is_beside_the_output(output, expected):
    assert default_cache_path(output) == Path(expected)


@pytest.mark.parametrize("stale", ["0+0123456789abcdef", "0+0123456789abcdef+window=paragraph"])
def test_cache_entries_of_other_code_versions_are_pruned(nlp, tmp_path, stale):
    path = tmp_path / "c.sqlite"
    docs = _docs(2)
    with ExtractionCache(path, model=model_id(nlp), extractor=stale) as old:
        list(extract_documents(docs, nlp, cache=old))
    with ExtractionCache(path, model="en_other_model-1.0", extractor=extractor_version()) as other_model:
        list(extract_documents(docs[:1], nlp, cache=other_model))
        assert other_model.pruned == 2  # the stale code's entries are gone
    with ExtractionCache(path, model=model_id(nlp), extractor=extractor_version() + "+window=paragraph") as cache:
        assert cache.pruned == 0 and len(cache) == 1  # another model's entry stays


@pytest.mark.parametrize("n", [3])
def test_cache_failing_database_leaves_the_run_going(nlp, tmp_path, n):
    docs = _docs(n)
    cache = ExtractionCache(tmp_path / "c.sqlite", model=model_id(nlp))
    cache._db.close()  # as if the file went bad during the run
    extractions = list(extract_documents(docs, nlp, cache=cache))
    assert [e.doc for e in extractions] == [d.id for d in docs]
    assert cache.error is not None and cache.misses == n


@pytest.mark.parametrize("inflated_mb", [256])
def test_cache_a_row_that_inflates_to_gigabytes_is_dropped_not_inflated(tmp_path, inflated_mb):
    """Issue 23, row 21: a few hundred KB that inflate to hundreds of MB (4 GiB did the same under a cap)."""
    import sqlite3
    import tracemalloc
    import zlib

    from nlp.records import Document, Extraction
    from nlp.run.cache import ExtractionCache

    doc = Document("a", "Rome is old.")
    path = tmp_path / "c.sqlite"
    with ExtractionCache(path, model="m", extractor="1") as cache:
        cache.put_many([(doc, Extraction("a", words=3))])
    z = zlib.compressobj(9)
    bomb = b"".join([z.compress(b'{"doc": "a", "words": 3, "x": "'), *(z.compress(b" " * 2**20)
                     for _ in range(inflated_mb)), z.compress(b'"}'), z.flush()])
    with sqlite3.connect(path) as db:
        db.execute("UPDATE extractions SET data = ?", (bomb,))
    tracemalloc.start()
    try:
        with ExtractionCache(path, model="m", extractor="1") as cache:
            assert cache.get_many([doc]) == {} and cache.dropped == 1
            peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 2**20, f"{peak / 2**20:.0f} MB held to read one row"
