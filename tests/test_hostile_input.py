"""Bad input, round two (issue 13): what used to crash, hang, blow up or overwrite.

Each test is one row of the issue's table, run through ``newsgraph build`` in
process (the model loads once per test session) unless a real signal or a
real pipe needs a process of its own. Articles are short sentences about
Peru, Chile, Norway and Kenya.
"""
from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import threading
import time
import zlib
from pathlib import Path

import networkx as nx
import pytest

from graph import atomic
from graph.export import read_gexf, read_graphml, write_csv, write_gexf, write_graphml
from newsgraph import cli
from nlp.reading import errors, reader
from nlp.reading.reader import UniqueIds, read_inputs
from tests.conftest import ROOT

pytestmark = pytest.mark.model

GOOD = "Reuters reported that President Ana Bell of Peru met Chile's foreign minister in Lima."
SECOND = "Norway and Kenya signed a trade agreement in Nairobi, the BBC said."
PREVIOUS = "previous output, whole\n" * 20


@pytest.fixture(autouse=True)
def _model_loaded(nlp):
    """The session's model: the CLI's load_model returns the same cached pipeline."""


def run(capsys, *args: str, cache: bool = False) -> tuple[int, list[str]]:
    flags = ["--processes", "1", *([] if cache else ["--no-cache"])]
    code = cli.main(["build", *flags, *map(str, args)])
    return code, capsys.readouterr().err.strip().splitlines()


def _graph(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _docs(path: Path) -> set[str]:
    return {d for n in _graph(path)["nodes"] for d in n["docs"]}


def _no_parse(monkeypatch) -> None:
    def no_parse(*a, **k):
        raise AssertionError("the model was loaded before the usage error was found")

    monkeypatch.setattr("nlp.run.model.load_model", no_parse)


# -- 1. lone surrogates ----------------------------------------------------------

@pytest.mark.parametrize("cache", [True, False])
def test_hostile_lone_surrogates_in_jsonl_are_replaced_and_the_run_goes_on(tmp_path, capsys, cache):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([
        '{"id": "s1", "text": "Peru met Chile in Lima. \\ud83d"}',
        '{"id": "s2\\ud83d", "title": "T\\udc00", "text": "Norway and Kenya met in Nairobi."}',
    ]), encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    code, lines = run(capsys, feed, tmp_path / "good.txt", "-o", out / "g.html", "--json", out / "g.json",
                      "--cache", tmp_path / "c.sqlite", cache=cache)
    assert code == cli.EXIT_OK, lines
    assert any("line 2: lone surrogate" in line and "id, title" in line for line in lines)
    assert _docs(out / "g.json") >= {"s1", "s2\ufffd", str(tmp_path / "good.txt")}
    assert "\ufffd" in (out / "g.html").read_text(encoding="utf-8")


# -- 2. file names that are not UTF-8 -------------------------------------------

@pytest.mark.parametrize("cache", [True, False])
def test_hostile_undecodable_file_name_becomes_an_escaped_id(tmp_path, capsys, cache):
    src = tmp_path / "in"
    src.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    (src / name).write_text(GOOD, encoding="utf-8")
    (src / os.fsdecode(b"caf\xe8.txt")).write_text(SECOND, encoding="utf-8")
    out = tmp_path / "out"
    code, lines = run(capsys, src, "-o", out / "g.html", "--json", out / "g.json",
                      "--cache", tmp_path / "c.sqlite", cache=cache)
    assert code == cli.EXIT_OK, lines
    assert _docs(out / "g.json") == {"caf\\xe9.txt", "caf\\xe8.txt"}


# -- 3. numbers Python will not convert, nesting it cannot follow ---------------

def test_hostile_huge_integer_is_read_and_deep_nesting_is_a_named_skip(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([
        '{"id": "big", "views": ' + "9" * 5000 + ', "text": "Peru met Chile in Lima."}',
        '{"id": "deep", "text": "Norway met Kenya.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        json.dumps({"id": "k", "text": SECOND}),
    ]), encoding="utf-8")
    out = tmp_path / "out"
    code, lines = run(capsys, feed, "-o", out / "g.html", "--json", out / "g.json")
    assert code == cli.EXIT_SKIPPED
    assert any(line.startswith(f"{feed}: skipped: line 2: the record is nested too deeply") for line in lines)
    assert _docs(out / "g.json") == {"big", "k"}


# -- 4. damaged cache rows -------------------------------------------------------

@pytest.mark.parametrize("damage", [
    lambda blob: b"\x00" * len(blob),
    lambda blob: blob[:10] + bytes(b ^ 0xFF for b in blob[10:20]) + blob[20:],
    lambda blob: zlib.compress(b'{"doc": "x", "entities": [{"key": 1}'),
    lambda blob: zlib.compress(b'{"doc": "a.txt", "entities": [{"key": 1}], "relations": []}'),
    lambda blob: "text, not a blob",
])
def test_hostile_damaged_cache_row_is_dropped_and_parsed_again(tmp_path, capsys, damage):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    cache = tmp_path / "c.sqlite"
    args = [tmp_path / "a.txt", "-o", tmp_path / "g.html", "--json", tmp_path / "g.json", "--cache", cache]
    assert run(capsys, *args, cache=True)[0] == cli.EXIT_OK
    before = _graph(tmp_path / "g.json")["nodes"]
    with sqlite3.connect(cache) as db:
        (key, blob), = db.execute("SELECT key, data FROM extractions").fetchall()
        db.execute("UPDATE extractions SET data = ? WHERE key = ?", (damage(blob), key))
    code, lines = run(capsys, *args, cache=True)
    assert code == cli.EXIT_OK, lines
    assert any("0 documents reused, 1 parsed anew; 1 damaged entries dropped" in line for line in lines)
    assert _graph(tmp_path / "g.json")["nodes"] == before
    code, lines = run(capsys, *args, cache=True)  # stored again, whole
    assert any("1 documents reused, 0 parsed anew" in line for line in lines)


# -- 5. characters XML cannot hold -----------------------------------------------

@pytest.mark.parametrize("writer,reader_", [(write_graphml, read_graphml), (write_gexf, read_gexf)])
def test_hostile_control_characters_in_names_give_well_formed_xml(tmp_path, writer, reader_):
    G = nx.MultiDiGraph()
    G.add_node("person:ana\x01bell", label="Ana\x07 Bell\ufffe", type="person", aliases=["A\x1bB"],
               mentions=[["d\x0c", 0, 4]], count=1, docs=["d\x0c"])
    G.add_node("country:PE", label="Peru", type="country")
    G.add_edge("person:ana\x01bell", "country:PE", key="action:visit", kind="action", verb="visit",
               evidence=[{"doc": "d", "sentence": "Ana\x00 visited Peru\uffff.", "start": 0, "end": 19}])
    path = tmp_path / "g.xml"
    writer(G, path)
    H = reader_(path)
    assert H.nodes["person:ana\ufffdbell"]["label"] == "Ana\ufffd Bell\ufffd"
    # lists travel as JSON strings, where a control character is an escape and comes back whole
    assert H.nodes["person:ana\ufffdbell"]["aliases"] == ["A\x1bB"]
    (_, _, ev), = H.edges(data="evidence")
    assert ev[0]["sentence"] == "Ana\x00 visited Peru\ufffd."


# -- 6. devices and links to them as outputs -------------------------------------

def test_hostile_output_at_a_device_is_written_into_never_replaced(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    null, full = tmp_path / "null", tmp_path / "full"
    null.symlink_to("/dev/null")
    full.symlink_to("/dev/full")
    code, lines = run(capsys, tmp_path / "a.txt", "-o", null, "--json", tmp_path / "g.json")
    assert code == cli.EXIT_OK, lines
    code, lines = run(capsys, tmp_path / "a.txt", "-o", tmp_path / "g.html", "--json", full)
    assert code == cli.EXIT_FAILED
    assert any(line.startswith(f"newsgraph: cannot write {full}: No space left on device") for line in lines)
    for link, device in ((null, "/dev/null"), (full, "/dev/full")):
        assert link.is_symlink() and os.readlink(link) == device
        assert stat.S_ISCHR(os.stat(device).st_mode)
    assert (tmp_path / "g.html").exists() and (tmp_path / "g.json").exists()


def test_hostile_output_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "real.json").write_text(PREVIOUS, encoding="utf-8")
    (tmp_path / "link.json").symlink_to("real.json")
    code, lines = run(capsys, tmp_path / "a.txt", "-o", tmp_path / "g.html", "--json", tmp_path / "link.json")
    assert code == cli.EXIT_OK, lines
    assert (tmp_path / "link.json").is_symlink()
    assert _graph(tmp_path / "real.json")["graph"]["documents"] == 1


# -- 7. outputs on an input, or on each other ------------------------------------

@pytest.mark.parametrize("make_args, message", [
    (lambda d: [d / "a.txt", "-o", d / "a.txt"], "-o {d}/a.txt is also an input"),
    (lambda d: [d, "-o", d / "g.html", "--json", d / "new.jsonl"], "--json {d}/new.jsonl is also an input"),
    (lambda d: [d / "a.txt", "-o", d / "g.html", "--json", d / "g.html"], "-o and --json both name"),
    (lambda d: [d / "a.txt", "-o", d / "g.html", "--csv", d, "--gexf", d / "nodes.csv"], "--gexf and --csv both name"),
    (lambda d: [d / "a.txt", "-o", d / "g.html", "--cache", d / "a.txt"], "--cache {d}/a.txt is also an input"),
])
def test_hostile_output_on_an_input_or_another_output_is_a_usage_error(tmp_path, capsys, monkeypatch, make_args,
                                                                       message):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    _no_parse(monkeypatch)
    code, lines = cli.main(["build", *map(str, make_args(tmp_path))]), capsys.readouterr().err.splitlines()
    assert code == cli.EXIT_FAILED
    assert lines[-1].startswith("newsgraph: " + message.format(d=tmp_path))
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == GOOD
    assert not (tmp_path / "g.html").exists()


# -- 8. a CSV pair is replaced together or not at all ---------------------------

def test_hostile_csv_folder_whose_nodes_file_cannot_be_replaced(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    csv = tmp_path / "csv"
    (csv / "nodes.csv").mkdir(parents=True)
    (csv / "edges.csv").write_text(PREVIOUS, encoding="utf-8")
    code, lines = run(capsys, tmp_path / "a.txt", "-o", tmp_path / "g.html", "--csv", csv)
    assert code == cli.EXIT_FAILED
    assert lines[-1] == f"newsgraph: cannot write {csv / 'nodes.csv'}: Is a directory"
    assert (csv / "edges.csv").read_text(encoding="utf-8") == PREVIOUS
    assert sorted(p.name for p in csv.iterdir()) == ["edges.csv", "nodes.csv"]


@pytest.mark.parametrize("refused", ["nodes.csv", "edges.csv", "quotes.csv"])
def test_hostile_csv_rename_failing_leaves_every_file_as_it_was(tmp_path, monkeypatch, refused):
    G = nx.MultiDiGraph()
    G.add_node("country:PE", label="Peru", type="country")
    write_csv(G, tmp_path)
    before = {p: (tmp_path / p).read_bytes() for p in ("nodes.csv", "edges.csv", "quotes.csv")}
    G.add_node("country:CL", label="Chile", type="country")
    G.add_edge("country:CL", "country:PE", kind="cooccurrence")
    real = os.replace

    tries = []

    def refuse(src, dst):  # the new file cannot be renamed over ``refused``; putting the old one back can
        if Path(dst).name == refused and not tries:
            tries.append(dst)
            raise PermissionError(13, "Permission denied", str(dst))
        return real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(PermissionError):
        write_csv(G, tmp_path)
    assert {p: (tmp_path / p).read_bytes() for p in before} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edges.csv", "nodes.csv", "quotes.csv"]


# -- 9. SIGTERM -------------------------------------------------------------------

SLOW_WRITER = textwrap.dedent("""
    import sys, time
    import graph.export
    from graph.atomic import atomic_write
    from newsgraph import cli

    def slow_json(G, path):  # a big graph being written: slow enough to be stopped halfway
        with atomic_write(path) as fh:
            for i in range(100_000):
                fh.write("{} ")
                if i == 10:
                    fh.flush(); print("writing", flush=True)
                time.sleep(0.001)

    graph.export.write_json = slow_json
    sys.exit(cli.main(sys.argv[1:]))
""")


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def test_hostile_sigterm_while_writing_leaves_no_part_file(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "g.json").write_text(PREVIOUS, encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, "build", str(tmp_path / "a.txt"), "--no-cache",
                              "-o", str(tmp_path / "g.html"), "--json", str(tmp_path / "g.json")],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "writing"
        assert list(tmp_path.glob("*.part"))
        child.send_signal(signal.SIGTERM)
        _, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 128 + signal.SIGTERM
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == ("newsgraph: stopped by SIGTERM; every output is either whole or as "
                                            "it was before")
    assert (tmp_path / "g.json").read_text(encoding="utf-8") == PREVIOUS
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize("group", [True, False])
def test_hostile_sigterm_mid_parse_with_two_processes_stops_quietly(tmp_path, group):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"d{i}", "text": (GOOD + " " + SECOND + " ") * 20}) + "\n"
                            for i in range(200)), encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-m", "newsgraph", "build", str(feed), "--processes", "2", "--no-cache",
                              "-o", str(tmp_path / "g.html")], cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while len(_children(child.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(_children(child.pid)) >= 2, "the workers never started"
        time.sleep(0.5)
        if group:  # as a terminal or systemd does: the whole process group
            os.killpg(child.pid, signal.SIGTERM)
        else:  # as kill PID or timeout(1) does: the main process alone
            child.send_signal(signal.SIGTERM)
        _, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
    assert child.returncode == 128 + signal.SIGTERM, err
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    assert "stopped by SIGTERM" in err
    assert not list(tmp_path.glob("*.part")) and not (tmp_path / "g.html").exists()


def test_hostile_part_file_of_a_killed_run_is_removed_on_the_next(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    dead = tmp_path / ".g.html.999999999.x1y2.part"       # no process 999999999 runs
    alive = tmp_path / f".g.html.{os.getppid()}.x1y2.part"  # a build still writing
    for p in (dead, alive):
        p.write_text("half a page")
    code, lines = run(capsys, tmp_path / "a.txt", "-o", tmp_path / "g.html")
    assert code == cli.EXIT_OK
    assert f"newsgraph: removed {dead}, left by a run that was killed" in lines
    assert not dead.exists() and alive.exists()


# -- 10. FIFOs and endless devices in an input folder ----------------------------

def _read_all(inputs: list[str]) -> list:
    """The reader's records, or a failure if it has not finished within 20 seconds (old code hung)."""
    got: list = []
    worker = threading.Thread(target=lambda: got.extend(read_inputs(inputs)), daemon=True)
    worker.start()
    worker.join(20)
    assert not worker.is_alive(), "reading the folder hung"
    return got


@pytest.mark.parametrize("special", [
    lambda p: os.mkfifo(p),
    lambda p: p.symlink_to("/dev/zero"),
    lambda p: (p.parent / "pipe").mkdir(exist_ok=True) or os.mkfifo(p.parent / "pipe" / "f") or
    p.symlink_to(p.parent / "pipe" / "f"),
])
def test_hostile_fifo_or_device_in_a_folder_is_named_not_read(tmp_path, special):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    special(tmp_path / "b.txt")
    got = _read_all([str(tmp_path)])
    assert [r.id for r in got if not isinstance(r, errors.Skip)] == ["a.txt"]
    assert [str(r) for r in got if isinstance(r, errors.Skip)] == [f"{tmp_path / 'b.txt'}: skipped: {errors.NOT_REGULAR}"]


# -- 11, 12. lists parsed as one sentence ---------------------------------------

COUNTRIES = ["France", "Germany", "Spain", "Italy", "Portugal", "Greece", "Poland", "Austria", "Sweden", "Norway",
             "Finland", "Denmark", "Ireland", "Belgium", "Hungary", "Romania", "Bulgaria", "Croatia", "Kenya", "Peru"]


@pytest.mark.parametrize("text", [
    "Ministers from " + ", ".join(COUNTRIES[:-1]) + " and " + COUNTRIES[-1] + " attended the meeting.",
    "\n".join(COUNTRIES[i % len(COUNTRIES)] if i % 3 else "agenda" for i in range(300)) + "\n",
])
def test_hostile_list_of_names_as_one_sentence_gives_no_pair_explosion(tmp_path, capsys, text):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    code, lines = run(capsys, tmp_path / "a.txt", "-o", tmp_path / "g.html", "--json", tmp_path / "g.json")
    assert code == cli.EXIT_OK, lines
    data = _graph(tmp_path / "g.json")
    assert len([n for n in data["nodes"] if n["type"] == "country"]) >= 15
    # all 20 named together would give 190 co-occurrence links; a list gives none of them
    assert len([link for link in data["links"] if link["kind"] == "cooccurrence"]) < 20


@pytest.mark.parametrize("named, pairs", [(2, 1), (12, 66), (13, 0), (300, 0)])
def test_hostile_cooccurrence_pairs_per_sentence_are_capped(blank_nlp, named, pairs):
    from spacy.tokens import Doc

    from nlp.mentions import MentionIndex
    from nlp.relations.links import cooccurrences

    words = [w for i in range(named) for w in (f"Name{i}", ",")][:-1] + ["."]
    doc = Doc(blank_nlp.vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    index = MentionIndex()
    for i in range(named):
        index.add(2 * i, 2 * i + 1, f"person:name-{i}")
    assert len(list(cooccurrences(doc, "d", index))) == pairs  # 300 names were 44,850 pairs


# -- 13. one id 20,000 times -------------------------------------------------------

class CountingSet(set):
    lookups = 0

    def __contains__(self, item) -> bool:
        CountingSet.lookups += 1
        return super().__contains__(item)


def test_hostile_renaming_repeated_ids_grows_with_their_number_not_its_square():
    ids = UniqueIds()
    ids.used = CountingSet()
    names = [ids("same") for _ in range(2000)]
    assert names[:3] == ["same", "same#2", "same#3"] and names[-1] == "same#2000"
    assert len(set(names)) == 2000
    assert CountingSet.lookups <= 2 * 2000  # was 2,001,000: each copy tried every name before it


# -- 14. more processes than cores ----------------------------------------------

@pytest.mark.parametrize("above", [1, 997])
def test_hostile_processes_above_the_cores_are_capped_with_a_warning(tmp_path, capsys, monkeypatch, above):
    from nlp.run import pipeline

    asked = cli._cores() + above
    started = []
    real = pipeline.extract_documents

    def spy(documents, nlp=None, *, n_process=1, **kw):
        started.append(n_process)
        return real(documents, nlp, n_process=1, **kw)

    monkeypatch.setattr(pipeline, "extract_documents", spy)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code = cli.main(["build", str(tmp_path / "a.txt"), "--no-cache", "-o", str(tmp_path / "g.html"),
                     "--processes", str(asked)])
    err = capsys.readouterr().err
    assert code == cli.EXIT_OK
    assert started == [cli._cores()]
    assert f"newsgraph: --processes {asked} is more than the {cli._cores()} cores" in err


@pytest.mark.parametrize("value", ["0", "-3"])
def test_hostile_processes_below_one_is_a_usage_error(tmp_path, capsys, monkeypatch, value):
    _no_parse(monkeypatch)
    code = cli.main(["build", "--processes", value, "-o", str(tmp_path / "g.html")])
    assert code == cli.EXIT_FAILED
    assert "newsgraph: --processes must be 1 or more" in capsys.readouterr().err


# -- 15. long documents ------------------------------------------------------------

def test_hostile_long_document_is_extracted_in_sections_with_offsets_kept(tmp_path, nlp, monkeypatch):
    from nlp import extract as extract_module
    from nlp.records import Document
    from nlp.run import longdoc, pipeline

    monkeypatch.setattr(longdoc, "PART_CHARS", 600, raising=False)
    text = "\n\n".join([GOOD, SECOND] * 16)
    parsed: list[int] = []
    real = extract_module.extract

    def spy(doc, document, **k):  # the longest text parsed and extracted at once
        parsed.append(len(doc.text))
        return real(doc, document, **k)

    monkeypatch.setattr(extract_module, "extract", spy)
    monkeypatch.setattr(pipeline, "extract", spy)
    ex, = pipeline.extract_documents([Document("long", text)], nlp)
    assert len(text) > 2000 and parsed and max(parsed) <= 600
    mentions = [m for e in ex.entities for m in e.mentions]
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert max(m.start for m in mentions) > 2000
    assert {e.label for e in ex.entities if e.type == "country"} >= {"Peru", "Chile", "Norway", "Kenya"}
    assert len({e.key for e in ex.entities}) == len(ex.entities)  # one record per entity, all sections
    evidence = [ev for r in ex.relations for ev in r.evidence]
    assert evidence and all(text[ev.start:ev.end] == ev.sentence for ev in evidence)


def test_hostile_long_document_sections_are_cached_and_shared_among_processes(tmp_path, nlp, monkeypatch):
    from nlp.records import Document
    from nlp.run import longdoc, pipeline
    from nlp.run.cache import ExtractionCache

    monkeypatch.setattr(longdoc, "PART_CHARS", 600, raising=False)
    long = Document("long", "\n\n".join([GOOD, SECOND] * 16))
    docs = [Document("a", GOOD), long, Document("b", SECOND)]
    fresh = list(pipeline.extract_documents(docs, nlp))
    with ExtractionCache(tmp_path / "c.sqlite", model="m", extractor="1") as cache:
        assert list(pipeline.extract_documents(docs, nlp, cache=cache)) == fresh
    with ExtractionCache(tmp_path / "c.sqlite", model="m", extractor="1") as cache:
        assert list(pipeline.extract_documents(docs, nlp, cache=cache)) == fresh
        assert cache.misses == 0 and cache.hits > len(docs)  # the long one's sections, one by one
    assert [e.doc for e in fresh] == ["a", "long", "b"]


# -- 16. options that are not what they say ---------------------------------------

@pytest.mark.parametrize("args, message", [
    (["--engine", "dask", "--scheduler", "not a url"], "--scheduler 'not a url' is not a scheduler address"),
    (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:99999"], "is not a scheduler address"),
    (["-o", ""], "-o needs a file name"),
    (["--json", ""], "--json needs a file name"),
    (["--csv", " "], "--csv needs a file name"),
])
def test_hostile_bad_option_values_are_usage_errors(tmp_path, capsys, monkeypatch, args, message):
    pytest.importorskip("distributed", reason="dask[distributed] is a dev dependency")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    _no_parse(monkeypatch)
    code = cli.main(["build", str(tmp_path / "a.txt"), "--no-cache", *(["-o", str(tmp_path / "g.html")]
                                                                       if "-o" not in args else []), *args])
    err = capsys.readouterr().err
    assert code == cli.EXIT_FAILED
    assert err.startswith("newsgraph: ") and message in err and "Traceback" not in err


# -- 17. standard error closed ------------------------------------------------------

class ClosedPipe:
    """Standard error whose reader has gone (``2>&1 | head -1``): every write fails."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    def isatty(self) -> bool:
        return False


def test_hostile_closed_standard_error_still_writes_the_graph(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "e.txt").write_bytes(b"")
    monkeypatch.setattr(sys, "stderr", ClosedPipe())
    code = cli.main(["build", str(tmp_path), "--no-cache", "--processes", "1", "-o", str(tmp_path / "o" / "g.html"),
                     "--json", str(tmp_path / "o" / "g.json")])
    assert code == cli.EXIT_SKIPPED
    assert _graph(tmp_path / "o" / "g.json")["graph"]["documents"] == 1


# -- 18. another program's SQLite file as --cache ----------------------------------

def test_hostile_foreign_sqlite_cache_is_left_untouched(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    other = tmp_path / "app.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE users (name TEXT)")
        db.execute("INSERT INTO users VALUES ('ana')")
    db.close()
    before = hashlib.sha256(other.read_bytes()).hexdigest()
    code, lines = run(capsys, tmp_path / "a.txt", "-o", tmp_path / "g.html", "--cache", other, cache=True)
    assert code == cli.EXIT_OK
    assert any(f"cache {other} not used: {other} is another program's SQLite database (tables: users)" in line
               for line in lines)
    assert hashlib.sha256(other.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "app.db", "g.html"]


# -- 19. terminal escape sequences in file names -----------------------------------

def test_hostile_escape_sequences_in_file_names_are_printed_escaped(tmp_path, capsys):
    evil = "x\x1b]0;owned\x07\x1b[2J\u202e.txt"
    (tmp_path / evil).write_bytes(b"")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "o\x1b[31m"
    code, lines = run(capsys, tmp_path, "-o", out / "g.html")
    text = "\n".join(lines)
    assert code == cli.EXIT_SKIPPED
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert f"{tmp_path}/x\\x1b]0;owned\\x07\\x1b[2J\\u202e.txt: skipped: {errors.EMPTY}" in lines
    assert (out / "g.html").exists()


# -- 20. -o naming a folder ----------------------------------------------------------

def test_hostile_output_naming_a_folder_fails_before_parsing(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "adir").mkdir()
    _no_parse(monkeypatch)
    code, lines = run(capsys, tmp_path / "a.txt", "-o", tmp_path / "adir")
    assert code == cli.EXIT_FAILED
    assert lines == [f"newsgraph: cannot write {tmp_path / 'adir'}: Is a directory"]
    assert list((tmp_path / "adir").iterdir()) == []


def test_hostile_an_internal_error_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    # a bug anywhere in a build (here: the page writer) must not print a traceback
    from newsgraph import cli

    (tmp_path / "a.txt").write_text("Peru and Chile held talks.\n", encoding="utf-8")

    def broken(*a, **k):
        raise NameError("name 'queue' is not defined")

    import graph.html

    monkeypatch.setattr(graph.html, "write_html", broken)
    code = cli.main(["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "g.html"), "--no-cache", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err and "internal error (NameError" in err
    assert not (tmp_path / "g.html").exists()
