"""The extraction stream: order, worker processes, long documents, metadata."""
from __future__ import annotations

import pytest

from nlp.run.longdoc import split_text
from nlp.run.pipeline import extract_documents, run_chunks, size_chunks
from nlp.records import Document, Extraction
from newsgraph.api import graph_of

pytestmark = pytest.mark.model

SENTENCES = (
    "Angela Merkel met Emmanuel Macron in Paris on Monday.",
    "Reuters reported that Germany and France signed a trade deal.",
    "Merkel told the Associated Press that the talks had gone well.",
    "Police in Brazil arrested a former minister, Folha de S.Paulo said.",
    "Japan and South Korea agreed to share data, Kyodo News reported.",
    "The Norwegian government praised Sweden for its help after the floods.",
)


def _corpus(n: int) -> list[Document]:
    return [Document(f"doc-{i:03d}", " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3)))
            for i in range(n)]


def _long_text(paragraphs: int) -> str:
    return "\n\n".join(" ".join(SENTENCES[(p + k) % len(SENTENCES)] for k in range(2)) for p in range(paragraphs))


@pytest.mark.parametrize("limit", [40, 150, 1000])
def test_pipeline_split_text_parts_join_back_and_fit(limit):
    text = _long_text(12)
    parts = split_text(text, limit)
    assert "".join(parts) == text
    assert all(0 < len(p) <= limit for p in parts)
    # every cut but a forced one falls just after white space
    assert all(p[-1].isspace() for p in parts[:-1])


@pytest.mark.parametrize("text, limit, expected", [
    ("Lima is big and old.\n\nQuito is high. Bogota is cold.", 30,
     ["Lima is big and old.\n\n", "Quito is high. Bogota is cold."]),
    ("Lima is big. Quito is high. Bogota is cold.", 30, ["Lima is big. Quito is high. ", "Bogota is cold."]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
])
def test_pipeline_split_text_prefers_paragraphs(text, limit, expected):
    assert split_text(text, limit) == expected


@pytest.mark.parametrize("max_length", [250, 700])
def test_pipeline_long_document_offsets_slice_the_original_text(nlp, monkeypatch, max_length):
    text = _long_text(30)
    assert len(text) > 3 * max_length
    monkeypatch.setattr(nlp, "max_length", max_length)
    [ex] = extract_documents([Document("long", text)], nlp)
    mentions = [m for e in ex.entities for m in e.mentions]
    assert mentions and max(m.start for m in mentions) > 2 * max_length
    for m in mentions:
        assert text[m.start:m.end] == m.text
    for r in ex.relations:
        for ev in r.evidence:
            assert text[ev.start:ev.end] == ev.sentence


@pytest.mark.parametrize("n", [1, 7, 70])
def test_pipeline_extract_documents_keeps_input_order(nlp, n):
    docs = _corpus(n)
    assert [e.doc for e in extract_documents(iter(docs), nlp, chunk_size=8)] == [d.id for d in docs]


@pytest.mark.parametrize("n_process", [2])
def test_pipeline_worker_processes_give_the_same_records(nlp, n_process):
    docs = _corpus(40)  # more than one worker's share, so processes really start
    one = list(extract_documents(docs, nlp, n_process=1))
    many = list(extract_documents(docs, nlp, n_process=n_process))
    assert many == one


@pytest.mark.parametrize("n_process", [2])
def test_pipeline_worker_processes_end_with_the_stream(nlp, n_process):
    import multiprocessing

    stream = extract_documents(_corpus(40), nlp, n_process=n_process)
    assert next(stream).doc == "doc-000"
    assert multiprocessing.active_children()  # the workers are running
    stream.close()  # the reader stops early, as on Ctrl-C
    assert not multiprocessing.active_children()


def test_pipeline_hands_free_memory_back_once_the_stream_has_ended(nlp, monkeypatch):
    import nlp.run.pipeline as pipeline

    calls: list[int] = []
    monkeypatch.setattr(pipeline, "release_free_memory", lambda: calls.append(1) or True)
    stream = extract_documents(_corpus(5), nlp, chunk_size=2)
    for _ in range(5):
        next(stream)
        assert not calls  # not while documents are still coming: it would slow every chunk
    assert list(stream) == [] and calls == [1]


@pytest.mark.skipif(not __import__("platform").libc_ver()[0] == "glibc", reason="malloc_trim is glibc's")
def test_pipeline_free_memory_goes_back_to_the_system_on_glibc():
    import ctypes

    import psutil

    from nlp.run.pipeline import release_free_memory

    libc = ctypes.CDLL(None)
    libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    blocks = [libc.malloc(4096) for _ in range(20_000)]  # 80 MB of small blocks, below the mmap threshold
    keep = libc.malloc(64)                               # one block left at the top: the heap cannot shrink
    for b in blocks:
        libc.free(b)
    before = psutil.Process().memory_info().rss
    assert release_free_memory() is True
    assert psutil.Process().memory_info().rss < before - 40 * 2**20
    libc.free(keep)


@pytest.mark.parametrize("chunk_size", [1, 3])
def test_pipeline_run_chunks_reads_lazily(chunk_size):
    read: list[str] = []

    def documents():
        for i in range(10):
            read.append(str(i))
            yield Document(str(i), "x")

    stream = run_chunks(documents(), lambda docs: [Extraction(d.id) for d in docs], chunk_size=chunk_size,
                        in_flight=2)
    assert next(stream).doc == "0"
    assert len(read) <= 2 * chunk_size  # no more than the chunks in flight are held
    assert [e.doc for e in stream] == [str(i) for i in range(1, 10)]


def _worker_loads(chunks: list[list[Document]], workers: int) -> list[int]:
    """Characters each worker parses when every chunk goes to the first worker free (time ~ characters)."""
    import heapq

    free = [(0, w) for w in range(workers)]
    loads = [0] * workers
    for chunk in chunks:
        t, w = heapq.heappop(free)
        size = sum(len(d.text) for d in chunk)
        loads[w] += size
        heapq.heappush(free, (t + size, w))
    return loads


_SIZES = {
    "short stories": [3_000 + 97 * (i % 13) for i in range(400)],
    "20 long documents": [120_000] * 20,
    "long among short": [3_000] * 50 + [400_000] + [3_000] * 150 + [90_000] * 3,
    "one long at the end": [5_000] * 60 + [250_000],
    "a few short": [2_000] * 7,
}


@pytest.mark.parametrize("corpus", sorted(_SIZES))
@pytest.mark.parametrize("workers", [2, 3, 4])
def test_pipeline_no_worker_gets_more_than_its_share_plus_one_document(corpus, workers):
    docs = [Document(f"d{i}", "x" * n) for i, n in enumerate(_SIZES[corpus])]
    chunks = list(size_chunks(iter(docs), 40_000, workers=workers))
    assert [d.id for c in chunks for d in c] == [d.id for d in docs]      # every document once, in order
    total = sum(map(len, (d.text for d in docs)))
    longest = max(len(d.text) for d in docs)
    assert max(_worker_loads(chunks, workers)) <= total / workers + longest


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(sizes=st.lists(st.integers(1, 120_000), min_size=1, max_size=120), workers=st.integers(2, 4))
def test_pipeline_any_corpus_is_shared_within_one_document(sizes, workers):
    docs = [Document(f"d{i}", "x" * n) for i, n in enumerate(sizes)]
    chunks = list(size_chunks(iter(docs), 40_000, workers=workers))
    assert [d.id for c in chunks for d in c] == [d.id for d in docs]
    assert max(_worker_loads(chunks, workers)) <= sum(sizes) / workers + max(sizes)


def test_pipeline_long_document_is_a_chunk_of_its_own():
    docs = [Document("a", "x" * 1_000), Document("long", "x" * 100_000), Document("b", "x" * 1_000)]
    chunks = [[d.id for d in c] for c in size_chunks(docs, 40_000, workers=2)]
    assert ["long"] in chunks


def test_pipeline_a_slow_chunk_does_not_stop_the_others():
    class Slow:
        """A future that is done only once every chunk after it was submitted."""

        def __init__(self, docs):
            self.docs = docs

        def done(self):
            return len(submitted) == 7

        def result(self):
            return [Extraction(d.id) for d in self.docs]

    submitted: list[str] = []

    def submit(docs):
        submitted.append(docs[0].id)
        return Slow(docs) if docs[0].id == "long" else [Extraction(d.id) for d in docs]

    docs = [Document("long", "x" * 100_000)] + [Document(f"s{i}", "x" * 30_000) for i in range(6)]
    stream = run_chunks(docs, submit, chunk_chars=40_000, workers=2, in_flight=4)
    assert next(stream).doc == "long"
    assert len(submitted) == 7                    # the short ones went on while the long one was parsed
    assert [e.doc for e in stream] == [f"s{i}" for i in range(6)]


@pytest.mark.parametrize("date", ["2024-03-01"])
def test_pipeline_metadata_reaches_nodes_and_edges(nlp, date):
    docs = [Document("a", "Angela Merkel met Emmanuel Macron in Paris.", title="Summit", date=date,
                     url="https://example.org/a", source="Example Wire"),
            Document("b", "Emmanuel Macron visited Rome.")]
    exs = list(extract_documents(docs, nlp))
    G = graph_of(exs)
    assert G.graph["documents_meta"]["a"] == {"title": "Summit", "date": date, "url": "https://example.org/a",
                                              "source": "Example Wire"}
    assert "b" not in G.graph["documents_meta"]
    assert G.nodes["person:angela-merkel"]["dates"] == [date]
    macron = G.nodes["person:emmanuel-macron"]
    assert macron["dates"] == [date] and set(macron["docs"]) == {"a", "b"}
    edge = next(d for u, v, d in G.edges(data=True) if {u, v} == {"person:angela-merkel", "person:emmanuel-macron"})
    assert edge["dates"] == [date]
