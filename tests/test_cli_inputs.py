"""The command line on a corpus: JSONL, folders, standard input, progress, cache, Dask."""
from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.model

ARTICLES = [
    {"id": "wire-1", "title": "Summit in Paris", "date": "2024-03-01", "url": "https://example.org/1",
     "source": "Example Wire", "text": "Angela Merkel met Emmanuel Macron in Paris on Monday."},
    {"id": "wire-2", "title": "Trade", "date": "2024-03-02", "source": "Example Wire",
     "text": "Reuters reported that Germany and France signed a trade deal."},
    {"id": "wire-3", "text": "Police in Brazil arrested a former minister, Folha de S.Paulo said."},
]


def _run(args: list[str], *, stdin: str | None = None, stderr=subprocess.PIPE, timeout: int = 300):
    return subprocess.run([sys.executable, "-m", "newsgraph", "build", *args], input=stdin, stdout=subprocess.PIPE,
                          stderr=stderr, text=True, cwd=ROOT, timeout=timeout)


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _graph(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["graph"].pop("built")
    return data


@pytest.mark.parametrize("records", [ARTICLES])
def test_cli_inputs_jsonl_ids_and_metadata_reach_the_graph(tmp_path, records):
    src = _jsonl(tmp_path / "news.jsonl", records)
    proc = _run([str(src), "-o", str(tmp_path / "g.html"), "--json", str(tmp_path / "g.json"), "--no-cache"])
    assert proc.returncode == 0, proc.stderr
    data = _graph(tmp_path / "g.json")
    assert data["graph"]["documents"] == 3
    meta = data["graph"]["documents_meta"]
    assert meta["wire-1"] == {k: ARTICLES[0][k] for k in ("title", "date", "url", "source")}
    assert "wire-3" not in meta  # no metadata, no entry
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["person:angela-merkel"]["docs"] == ["wire-1"]
    assert nodes["person:angela-merkel"]["dates"] == ["2024-03-01"]
    assert nodes["country:BR"]["dates"] == []
    assert {d for n in data["nodes"] for d in n["docs"]} == {"wire-1", "wire-2", "wire-3"}


@pytest.mark.parametrize("layout", [{"a.txt": 0, "sub/b.md": 1, "sub/deeper/c.jsonl": 2, "sub/skip.csv": 0}])
def test_cli_inputs_folder_is_searched_recursively(tmp_path, layout):
    corpus = tmp_path / "corpus"
    for name, i in layout.items():
        f = corpus / name
        f.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".jsonl"):
            _jsonl(f, [ARTICLES[i]])
        else:
            f.write_text(ARTICLES[i]["text"], encoding="utf-8")
    proc = _run([str(corpus), "-o", str(tmp_path / "g.html"), "--json", str(tmp_path / "g.json"), "--no-cache"])
    assert proc.returncode == 0, proc.stderr
    data = _graph(tmp_path / "g.json")
    assert data["graph"]["documents"] == 3
    assert {d for n in data["nodes"] for d in n["docs"]} == {"a.txt", "sub/b.md", "wire-3"}


@pytest.mark.parametrize("stdin, expected_docs", [
    (ARTICLES[0]["text"], {"<stdin>"}),
    ("".join(json.dumps(r) + "\n" for r in ARTICLES[:2]), {"wire-1", "wire-2"}),
])
def test_cli_inputs_standard_input(tmp_path, stdin, expected_docs):
    proc = _run(["-", "-o", str(tmp_path / "g.html"), "--json", str(tmp_path / "g.json"), "--no-cache"], stdin=stdin)
    assert proc.returncode == 0, proc.stderr
    data = _graph(tmp_path / "g.json")
    assert {d for n in data["nodes"] for d in n["docs"]} == expected_docs


def _run_on_terminal(args: list[str]) -> tuple[int, str]:
    """Run the CLI with standard error on a pseudo-terminal; return its status and what it showed."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "build", *args], stdout=subprocess.DEVNULL,
                            stderr=slave, cwd=ROOT)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # the terminal is closed once the process is gone
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=300), b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("records", [ARTICLES])
def test_cli_inputs_progress_only_on_a_terminal(tmp_path, records):
    src = _jsonl(tmp_path / "news.jsonl", records)
    common = [str(src), "-o", str(tmp_path / "g.html"), "--no-cache"]
    piped = _run(common)
    assert piped.returncode == 0, piped.stderr
    assert "words/s" not in piped.stderr and "\r" not in piped.stderr
    status, shown = _run_on_terminal(common)
    assert status == 0, shown
    assert "3 documents, " in shown and "words/s" in shown and "100%" in shown
    status, shown = _run_on_terminal([*common, "--quiet"])
    assert status == 0 and shown == ""


@pytest.mark.parametrize("records", [ARTICLES])
def test_cli_inputs_cache_reuses_documents_on_a_rerun(tmp_path, records):
    src = _jsonl(tmp_path / "news.jsonl", records)
    out = tmp_path / "out"
    args = [str(src), "-o", str(out / "g.html"), "--json", str(out / "g.json")]
    first = _run(args)
    assert first.returncode == 0, first.stderr
    assert (out / ".newsgraph-cache.sqlite").exists()
    assert "0 documents reused, 3 parsed anew" in first.stderr
    before = _graph(out / "g.json")
    _jsonl(src, records + [{"id": "wire-4", "text": "Macron called Merkel from Rome."}])
    second = _run(args)
    assert "3 documents reused, 1 parsed anew" in second.stderr
    after = _graph(out / "g.json")
    assert after["graph"]["documents"] == before["graph"]["documents"] + 1


@pytest.mark.parametrize("junk", [b"not a database at all\n" * 200])
def test_cli_inputs_broken_cache_is_named_and_the_build_goes_on(tmp_path, junk):
    cache = tmp_path / "broken.sqlite"
    cache.write_bytes(junk)
    src = _jsonl(tmp_path / "news.jsonl", ARTICLES[:1])
    proc = _run([str(src), "-o", str(tmp_path / "g.html"), "--cache", str(cache)])
    assert proc.returncode == 0, proc.stderr
    assert f"cache {cache} not used" in proc.stderr
    assert (tmp_path / "g.html").exists()


@pytest.mark.parametrize("args", [["--no-cache"], ["--no-cache", "--processes", "2"]])
def test_cli_inputs_dask_scheduler_gives_the_local_graph(tmp_path, args):
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is a dev dependency")
    src = _jsonl(tmp_path / "news.jsonl", ARTICLES)
    local = _run([str(src), "-o", str(tmp_path / "l.html"), "--json", str(tmp_path / "l.json"), *args])
    assert local.returncode == 0, local.stderr
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None,
                                  protocol="tcp://", host="127.0.0.1") as cluster:
        remote = _run([str(src), "-o", str(tmp_path / "d.html"), "--json", str(tmp_path / "d.json"),
                       "--engine", "dask", "--scheduler", cluster.scheduler_address, *args])
    assert remote.returncode == 0, remote.stderr
    assert _graph(tmp_path / "d.json") == _graph(tmp_path / "l.json")


@pytest.mark.parametrize("args, message", [
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
    (["--processes", "0"], "--processes must be 1 or more"),
])
def test_cli_inputs_bad_engine_options_exit_2(tmp_path, args, message):
    proc = _run([str(_jsonl(tmp_path / "n.jsonl", ARTICLES[:1])), "-o", str(tmp_path / "g.html"), *args])
    assert proc.returncode == 2 and message in proc.stderr


@pytest.mark.parametrize("flags, carried", [([], ["wire-1", "wire-2", "wire-3"]), (["--no-texts"], []),
                                            (["--texts-mb", "0.00006"], ["wire-1"])])
def test_cli_inputs_page_carries_the_texts_asked_for(tmp_path, flags, carried):
    from tests.browser.conftest import page_data

    src = _jsonl(tmp_path / "news.jsonl", ARTICLES)
    proc = _run([str(src), "-o", str(tmp_path / "g.html"), "--json", str(tmp_path / "g.json"), "--no-cache", *flags])
    assert proc.returncode == 0, proc.stderr
    texts = page_data(tmp_path / "g.html")["texts"]
    assert sorted(texts["texts"]) == carried and texts["asked"] is ("--no-texts" not in flags)
    assert all(texts["texts"][a["id"]] == a["text"] for a in ARTICLES if a["id"] in carried)
    assert "texts" not in _graph(tmp_path / "g.json")["graph"]  # the exports carry no text


def test_cli_inputs_texts_mb_must_not_be_negative(tmp_path):
    proc = _run([str(_jsonl(tmp_path / "news.jsonl", ARTICLES)), "-o", str(tmp_path / "g.html"), "--texts-mb", "-1"])
    assert proc.returncode == 2 and "--texts-mb must be 0 or more" in proc.stderr
