"""Outputs are written whole or not at all: a failure mid-write keeps the previous file and leaves no .part."""
from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time

import networkx as nx
import pytest

from graph import atomic
from graph.atomic import atomic_write, check_writable
from graph.export import write_csv, write_gexf, write_graphml, write_json
from graph.html import write_html

PREVIOUS = "previous output, whole\n" * 50


class FailingFile:
    """A real file whose writes fail after ``limit`` characters, as a disk filling up does."""

    def __init__(self, fh, exc: BaseException, limit: int = 10):
        self._fh, self._exc, self._left = fh, exc, limit

    def write(self, data):
        if len(data) > self._left:
            self._fh.write(data[:self._left])
            self._left = 0
            raise self._exc
        self._left -= len(data)
        return self._fh.write(data)

    def __getattr__(self, name):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._fh.close()


def _failing_fdopen(monkeypatch, exc: BaseException) -> None:
    real = os.fdopen
    monkeypatch.setattr(atomic.os, "fdopen", lambda *a, **k: FailingFile(real(*a, **k), exc))


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(atomic.PART_SUFFIX))


def _graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node("country:PE", label="Peru", type="country", aliases=["Peruvian"], roles=[], mentions=[["d", 0, 4]],
               count=1, docs=["d"])
    G.add_node("person:ana-bell", label="Ana Bell " * 200, type="official", aliases=[], roles=["President"],
               mentions=[["d", 5, 13]], count=1, docs=["d"])
    G.add_edge("person:ana-bell", "country:PE", kind="action", verb="visit", polarity="cooperation", weight=1,
               evidence=[{"doc": "d", "sentence": "Ana Bell visited Peru. " * 100, "start": 0, "end": 2200}])
    return G


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), OSError(errno.ENOSPC, "No space left on device"),
                                 RuntimeError("crash"), SystemExit(1)])
def test_atomic_failure_mid_write_keeps_previous_file(tmp_path, exc):
    target = tmp_path / "graph.html"
    target.write_text(PREVIOUS, encoding="utf-8")
    with pytest.raises(type(exc)):
        with atomic_write(target) as fh:
            fh.write("<html>half a page")
            fh.flush()
            raise exc
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("writer,name", [(write_json, "g.json"), (write_html, "g.html"),
                                         (write_graphml, "g.graphml"), (write_gexf, "g.gexf")])
@pytest.mark.parametrize("exc", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()])
def test_atomic_disk_full_or_interrupt_in_export_keeps_previous_file(tmp_path, monkeypatch, writer, name, exc):
    target = tmp_path / name
    target.write_text(PREVIOUS, encoding="utf-8")
    _failing_fdopen(monkeypatch, exc)
    with pytest.raises(type(exc)) as info:
        writer(_graph(), target)
    if isinstance(exc, OSError):
        assert info.value.errno == errno.ENOSPC
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert _leftovers(tmp_path) == []


def test_atomic_csv_pair_is_replaced_together_or_not_at_all(tmp_path, monkeypatch):
    write_csv(_graph(), tmp_path)
    before = {p: (tmp_path / p).read_bytes() for p in ("nodes.csv", "edges.csv")}
    G = _graph()
    G.add_node("country:CL", label="Chile", type="country")
    real = os.fdopen
    calls = []

    def second_fails(*a, **k):  # nodes.csv is written whole, edges.csv hits a full disk
        calls.append(1)
        fh = real(*a, **k)
        return FailingFile(fh, OSError(errno.ENOSPC, "No space left on device"), limit=5) if len(calls) == 2 else fh

    monkeypatch.setattr(atomic.os, "fdopen", second_fails)
    with pytest.raises(OSError):
        write_csv(G, tmp_path)
    assert {p: (tmp_path / p).read_bytes() for p in before} == before
    assert _leftovers(tmp_path) == []


def test_atomic_success_replaces_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "deep" / "er" / "g.json"
    write_json(_graph(), target)
    write_json(_graph(), target)
    assert sorted(p.name for p in target.parent.iterdir()) == ["g.json"]
    assert nx.is_isomorphic(nx.node_link_graph(__import__("json").loads(target.read_text()), edges="links"), _graph())


@pytest.mark.parametrize("old_mode", [0o644, 0o640, None])
def test_atomic_keeps_file_mode(tmp_path, old_mode):
    target = tmp_path / "g.html"
    if old_mode is not None:
        target.write_text(PREVIOUS)
        target.chmod(old_mode)
    with atomic_write(target) as fh:
        fh.write("new")
    umask = os.umask(0)
    os.umask(umask)
    expected = old_mode if old_mode is not None else 0o666 & ~umask
    assert stat.S_IMODE(target.stat().st_mode) == expected


@pytest.mark.parametrize("relative", ["a-file/g.html", "a-file/sub/g.html"])
def test_atomic_check_writable_raises_when_folder_is_a_file(tmp_path, relative):
    (tmp_path / "a-file").write_text("")
    with pytest.raises(OSError):
        check_writable(tmp_path / relative)
    assert (tmp_path / "a-file").read_text() == ""


def test_atomic_check_writable_leaves_nothing(tmp_path):
    check_writable(tmp_path / "new" / "g.html")
    assert list((tmp_path / "new").iterdir()) == []


def test_atomic_check_writable_reports_permission_denied(tmp_path, monkeypatch):
    def denied(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)
    with pytest.raises(PermissionError):
        check_writable(tmp_path / "g.html")


CHILD = textwrap.dedent("""
    import signal, sys, time
    from graph.atomic import atomic_write
    # Ctrl-C as on a terminal, even when the test run itself was started in the background (SIGINT ignored)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    with atomic_write(sys.argv[1]) as fh:
        for i in range(10_000):
            fh.write("new line %d\\n" % i)
            if i == 100:
                fh.flush(); print("writing", flush=True)
            time.sleep(0.001)
""")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_atomic_real_interrupt_mid_write_keeps_previous_file(tmp_path, sig):
    """A real signal to a process that is writing: the previous file is untouched."""
    target = tmp_path / "g.html"
    target.write_text(PREVIOUS, encoding="utf-8")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(target)], cwd=root, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "writing"
        assert _leftovers(tmp_path), "the child is writing a .part file"
        child.send_signal(sig)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode != 0
    assert target.read_text(encoding="utf-8") == PREVIOUS
    if sig == signal.SIGINT:  # KeyboardInterrupt runs the clean-up: no .part left
        assert _leftovers(tmp_path) == []
