"""Hard faults on the command line: every input accounted for, nothing half-written.

Runs ``newsgraph build`` in-process (the model loads once per test session) on
short articles about Peru, Chile, Norway and Kenya.
"""
from __future__ import annotations

import codecs
import errno
import json
import os
import re
from pathlib import Path

import pytest

from graph import atomic
from newsgraph import cli
from nlp.reading import errors, reader
from tests.graph.test_atomic import FailingFile

pytestmark = pytest.mark.model

GOOD = "Reuters reported that President Ana Bell of Peru met Chile's foreign minister in Lima."
SECOND = "Norway and Kenya signed a trade agreement in Nairobi, the BBC said."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
PREVIOUS = "previous output, whole\n" * 20
SUMMARY = re.compile(r"^processed (\d+) documents?, skipped (\d+)(?:: (.*))?$")


@pytest.fixture(autouse=True)
def _model_loaded(nlp):
    """The session's model: the CLI's load_model returns the same cached pipeline."""


def run(capsys, *args: str) -> tuple[int, list[str]]:
    code = cli.main(["build", "--processes", "1", "--no-cache", *map(str, args)])
    return code, capsys.readouterr().err.strip().splitlines()


def _summary(lines: list[str]) -> tuple[int, int, str]:
    m = SUMMARY.match(lines[-1])
    assert m, f"the run must end with the summary line, got {lines[-1]!r}"
    return int(m[1]), int(m[2]), m[3] or ""


def _parts(folder: Path) -> list[Path]:
    return list(folder.rglob(f"*{atomic.PART_SUFFIX}"))


def test_faults_cli_accounts_for_every_input(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "second.md").write_text(SECOND, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (src / "image.txt").write_bytes(PNG)
    (src / "latin.txt").write_bytes("Señora Núñez visited Bogotá.".encode("latin-1"))
    (src / "feed.jsonl").write_text("\n".join([
        json.dumps({"id": "good.txt", "text": "Kenya hosted Norway.", "title": "Visit"}),
        "{not json",
        json.dumps({"id": "n", "title": "no text"}),
        json.dumps({"id": "k", "text": SECOND}),
    ]), encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(f"<!DOCTYPE html><title>T</title><p>{GOOD}</p><script>steal()</script>", encoding="utf-8")
    out = tmp_path / "out"
    code, lines = run(capsys, src, page, tmp_path / "missing.txt", "-o", out / "g.html", "--json", out / "g.json")

    assert code == cli.EXIT_SKIPPED
    skipped = {f"{src / 'empty.txt'}: skipped: {errors.EMPTY}",
               f"{src / 'blank.txt'}: skipped: {errors.BLANK}",
               f"{src / 'image.txt'}: skipped: " + errors.BINARY.format(detail="PNG image"),
               f"{tmp_path / 'missing.txt'}: skipped: {errors.MISSING}",
               f"{src / 'feed.jsonl'}: skipped: " + errors.JSONL_NO_TEXT.format(line=3)}
    assert skipped <= set(lines)
    assert any(line.startswith(f"{src / 'latin.txt'}: skipped: the file is not UTF-8") and "--encoding" in line
               for line in lines)
    assert any(line.startswith(f"{src / 'feed.jsonl'}: skipped: line 2: not valid JSON") for line in lines)
    # feed.jsonl sorts before good.txt: its record keeps the id, the file is renamed
    assert f"{src / 'good.txt'}: note: " + errors.DUPLICATE_ID.format(id="good.txt", new="good.txt#2") in lines
    assert f"{page}: note: {errors.HTML_STRIPPED}" in lines
    processed, n_skipped, named = _summary(lines)
    assert (processed, n_skipped) == (5, 7)
    for name in ("empty.txt", "blank.txt", "image.txt", "feed.jsonl"):  # the first five, in reading order
        assert str(src / name) in named
    assert named.endswith("; and 2 more, named above")
    data = json.loads((out / "g.json").read_text(encoding="utf-8"))
    assert data["graph"]["documents"] == 5
    docs = {d for n in data["nodes"] for d in n["docs"]}
    assert {"good.txt", "good.txt#2", str(page)} <= docs
    assert "steal" not in (out / "g.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("data,encoding", [
    ("Señora Núñez visited Bogotá and Medellín, Reuters said.".encode("latin-1"), "latin-1"),
    (codecs.BOM_UTF16_LE + "Señora Núñez visited Bogotá and Medellín, Reuters said.".encode("utf-16-le"), None),
])
def test_faults_cli_decodes_named_encoding_and_boms(tmp_path, capsys, data, encoding):
    (tmp_path / "a.txt").write_bytes(data)
    extra = ["--encoding", encoding] if encoding else []
    code, lines = run(capsys, tmp_path / "a.txt", "-o", tmp_path / "o" / "g.html", "--json", tmp_path / "o" / "g.json",
                      *extra)
    assert code == cli.EXIT_OK, lines
    text = "Señora Núñez visited Bogotá and Medellín, Reuters said."
    data = json.loads((tmp_path / "o" / "g.json").read_text(encoding="utf-8"))
    spans = {text[s:e] for n in data["nodes"] for _, s, e in n["mentions"]}
    labels = {n["label"] for n in data["nodes"]} | {a for n in data["nodes"] for a in n["aliases"]}
    assert spans & {"Bogotá", "Medellín", "Señora Núñez", "Núñez"}
    assert spans <= {text[s:e] for s in range(len(text)) for e in range(s, len(text) + 1)}
    assert not any("Ã" in x or "\ufffd" in x for x in labels)


def test_faults_cli_latin1_without_encoding_is_refused_not_garbled(tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes("Señora Núñez visited Bogotá.".encode("latin-1"))
    code, lines = run(capsys, tmp_path / "a.txt", "-o", tmp_path / "g.html")
    assert code == cli.EXIT_FAILED
    assert any("a.txt: skipped: the file is not UTF-8" in line and "--encoding" in line for line in lines)
    assert _summary(lines)[:2] == (0, 1)
    assert not (tmp_path / "g.html").exists()


@pytest.mark.parametrize("make", [
    lambda d: d / "nowhere",
    lambda d: (d / "void").mkdir() or d / "void",
    lambda d: (d / "pics").mkdir() or (d / "pics" / "a.txt").write_bytes(PNG) and d / "pics",
])
def test_faults_cli_nothing_readable_exits_2_and_writes_nothing(tmp_path, capsys, make):
    target = make(tmp_path)
    code, lines = run(capsys, target, "-o", tmp_path / "out" / "g.html")
    assert code == cli.EXIT_FAILED
    assert _summary(lines)[:2] == (0, 1)
    assert not (tmp_path / "out" / "g.html").exists()


def _denied(*a, **k):
    raise PermissionError(errno.EACCES, "Permission denied")


@pytest.mark.parametrize("flag", ["-o", "--json", "--csv"])
@pytest.mark.parametrize("how", ["parent-is-a-file", "permission-denied"])
def test_faults_cli_unwritable_output_fails_before_parsing(tmp_path, capsys, monkeypatch, flag, how):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "blocker").write_text("")
    bad = tmp_path / "blocker" / "out.x" if how == "parent-is-a-file" else tmp_path / "ro" / "out.x"
    if how == "permission-denied":  # as root chmod does not stop a write, so the refusal is simulated
        monkeypatch.setattr(atomic.tempfile, "mkstemp", _denied)

    def no_parse(*a, **k):
        raise AssertionError("the model was loaded before the outputs were checked")

    monkeypatch.setattr("nlp.run.model.load_model", no_parse)
    args = ["-o", tmp_path / "g.html"] if flag != "-o" else []
    code, lines = run(capsys, tmp_path / "a.txt", *args, flag, bad)
    assert code == cli.EXIT_FAILED
    assert lines and lines[-1].startswith("newsgraph: cannot write ")
    assert ("Not a directory" in lines[-1] or "File exists" in lines[-1]) if how == "parent-is-a-file" \
        else "Permission denied" in lines[-1]


@pytest.mark.parametrize("exc,code", [(OSError(errno.ENOSPC, "No space left on device"), cli.EXIT_FAILED),
                                      (KeyboardInterrupt(), 130)])
def test_faults_cli_disk_full_or_interrupt_keeps_previous_outputs(tmp_path, capsys, monkeypatch, exc, code):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    outputs = {"-o": out / "g.html", "--json": out / "g.json", "--graphml": out / "g.graphml"}
    for path in outputs.values():
        path.write_text(PREVIOUS, encoding="utf-8")
    real = os.fdopen
    monkeypatch.setattr(atomic.os, "fdopen", lambda *a, **k: FailingFile(real(*a, **k), exc, limit=100))
    got, lines = run(capsys, tmp_path / "a.txt", *[x for kv in outputs.items() for x in kv])
    assert got == code
    for path in outputs.values():
        assert path.read_text(encoding="utf-8") == PREVIOUS
    assert _parts(tmp_path) == []
    if isinstance(exc, OSError):
        for path in outputs.values():
            assert f"newsgraph: cannot write {path}: No space left on device; a previous {path}, if any, is unchanged" \
                in lines
        assert _summary(lines)[:2] == (1, 0)
    else:
        assert lines[-1].startswith("newsgraph: interrupted")


def test_faults_cli_file_vanishing_during_run_is_named(tmp_path, capsys, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    (src / "b.txt").write_text(SECOND, encoding="utf-8")
    real = reader._read_path

    def read_then_lose_b(path, *a, **k):  # b.txt is deleted by someone else after the folder was listed
        if path.name == "a.txt":
            (src / "b.txt").unlink()
        return real(path, *a, **k)

    monkeypatch.setattr(reader, "_read_path", read_then_lose_b)
    code, lines = run(capsys, src, "-o", tmp_path / "g.html")
    assert code == cli.EXIT_SKIPPED
    assert f"{src / 'b.txt'}: skipped: {errors.VANISHED}" in lines
    assert _summary(lines) == (1, 1, f"{src / 'b.txt'} ({errors.VANISHED})")
    assert (tmp_path / "g.html").exists()


def test_faults_cli_quiet_prints_skips_only(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "p.html").write_text(f"<html><body><p>{SECOND}</p></body></html>", encoding="utf-8")
    code, lines = run(capsys, tmp_path, tmp_path / "p.html", "-o", tmp_path / "o" / "g.html", "--quiet")
    assert code == cli.EXIT_SKIPPED
    assert lines == [f"{tmp_path / 'e.txt'}: skipped: {errors.EMPTY}"]


@pytest.mark.parametrize("encoding", ["no-such-codec", "latin-99"])
def test_faults_cli_unknown_encoding_is_a_usage_error(tmp_path, capsys, encoding):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code, lines = run(capsys, tmp_path / "a.txt", "-o", tmp_path / "g.html", "--encoding", encoding)
    assert code == cli.EXIT_FAILED
    assert lines == [f"newsgraph: unknown encoding {encoding!r} given with --encoding"]
    assert not (tmp_path / "g.html").exists()
