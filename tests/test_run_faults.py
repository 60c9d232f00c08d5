"""A run that cannot go on stops within seconds and says why (issue 23, rows 4, 4b, 5, 21):
a worker process killed, SIGTERM while a worker is deep in a long document, the Dask scheduler
gone or without a worker, memory exhausted, a cache row that inflates to gigabytes."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.model

GOOD = "Reuters reported that President Ana Bell of Peru met Chile's foreign minister in Lima."
SECOND = "Norway and Kenya signed a trade agreement in Nairobi, the BBC said."

#: the command line with every worker's chunk taking SLOW seconds: slow enough to be stopped halfway
SLOW_WORKERS = textwrap.dedent("""
    import os, sys, time
    import nlp.run.pipeline as pipeline
    from newsgraph import cli

    real = pipeline._worker_extract

    def slow(*a, **k):
        time.sleep(float(os.environ["SLOW"]))
        return real(*a, **k)

    pipeline._worker_extract = slow
    sys.exit(cli.main(sys.argv[1:]))
""")


def _children(pid: int) -> list[int]:
    """The child processes of ``pid``, whichever of its threads started them."""
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def _start(tmp_path, inputs, *args, slow=1.0):
    return subprocess.Popen([sys.executable, "-c", SLOW_WORKERS, "build", *map(str, inputs), "--no-cache",
                             "-o", str(tmp_path / "g.html"), *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env={**os.environ, "SLOW": str(slow)})


def _wait_for_workers(child, n=2):
    deadline = time.monotonic() + 60
    while len(_children(child.pid)) < n and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(_children(child.pid)) >= n, "the workers never started"


def _finish(child, within):
    try:
        _, err = child.communicate(timeout=within)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        pytest.fail(f"the run still waited {within} s later")
    return err


def _feed(tmp_path, n=60):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"d{i}", "text": (GOOD + " " + SECOND + " ") * 30}) + "\n"
                            for i in range(n)), encoding="utf-8")
    return feed


def test_run_faults_a_worker_killed_stops_the_run_with_a_message(tmp_path):
    child = _start(tmp_path, [_feed(tmp_path)], "--processes", "2")
    try:
        _wait_for_workers(child)
        time.sleep(0.5)
        os.kill(_children(child.pid)[0], signal.SIGKILL)        # as the out-of-memory killer does
        err = _finish(child, 30)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
    assert child.returncode == 2, err
    assert "a worker process was killed" in err and "--processes" in err
    assert "Traceback" not in err and "internal error" not in err
    assert not (tmp_path / "g.html").exists() and not list(tmp_path.glob("*.part"))
    assert not _children(child.pid)


@pytest.mark.parametrize("group", [True, False])
def test_run_faults_sigterm_while_a_worker_extracts_a_long_document(tmp_path, group):
    long = tmp_path / "long.txt"                     # one section that cannot be cut: one worker busy, one idle
    long.write_text(GOOD + " See https://example.com/" + "x" * 100_000 + " for more.\n", encoding="utf-8")
    child = _start(tmp_path, [long], slow=600)
    try:
        _wait_for_workers(child)
        time.sleep(1)
        if group:                                    # as timeout(1) does: the main process, then its group
            os.kill(child.pid, signal.SIGTERM)
            os.killpg(child.pid, signal.SIGTERM)
        else:
            child.send_signal(signal.SIGTERM)
        err = _finish(child, 30)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
    assert child.returncode == 128 + signal.SIGTERM, err
    assert "stopped by SIGTERM" in err and "Traceback" not in err


def test_run_faults_out_of_memory_says_so(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    script = textwrap.dedent("""
        import sys
        import newsgraph.api
        from newsgraph import cli

        def hungry(*a, **k):              # what a 300 MB cap does to the merge of a big corpus
            raise MemoryError("Error assigning 4194304 bytes")

        newsgraph.api.merge_with_quotes = hungry
        sys.exit(cli.main(sys.argv[1:]))
    """)
    proc = subprocess.run([sys.executable, "-c", script, "build", str(tmp_path / "a.txt"), "--no-cache",
                           "--processes", "1", "-o", str(tmp_path / "g.html")], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 2
    assert "newsgraph: out of memory" in proc.stderr and "--processes" in proc.stderr
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.skipif(not hasattr(__import__("resource"), "RLIMIT_AS"), reason="no address-space limit here")
def test_run_faults_a_300_mb_memory_cap_is_no_internal_error(tmp_path):
    (tmp_path / "a.txt").write_text((GOOD + " " + SECOND + "\n") * 200, encoding="utf-8")
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (300 * 2**20, 300 * 2**20)); "
    proc = subprocess.run([sys.executable, "-c", limit + "import sys; from newsgraph import cli; "
                           "sys.exit(cli.main(sys.argv[1:]))", "build", str(tmp_path / "a.txt"), "--no-cache",
                           "--processes", "1", "-o", str(tmp_path / "g.html")], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 0 or "newsgraph: out of memory" in proc.stderr, proc.stderr


# -- Dask ----------------------------------------------------------------------------

NO_WORKER = textwrap.dedent("""
    import sys
    from distributed import LocalCluster
    import nlp.run.dask_engine as dask_engine
    from newsgraph import cli

    dask_engine.WORKER_WAIT = 3.0
    with LocalCluster(n_workers=0, processes=True, host="127.0.0.1", dashboard_address=None) as cluster:
        code = cli.main([*sys.argv[1:], "--scheduler", cluster.scheduler_address])
    sys.exit(code)
""")


def test_run_faults_dask_scheduler_without_a_worker_stops_and_says_so(tmp_path):
    pytest.importorskip("distributed")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    try:
        proc = subprocess.run([sys.executable, "-c", NO_WORKER, "build", str(tmp_path / "a.txt"), "--no-cache",
                               "--engine", "dask", "-o", str(tmp_path / "g.html")], cwd=ROOT, capture_output=True,
                              text=True, timeout=90)
    except subprocess.TimeoutExpired:
        pytest.fail("the run waited for a worker for ever")
    assert proc.returncode == 2
    assert "has no worker" in proc.stderr and "dask worker tcp://" in proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    assert not (tmp_path / "g.html").exists()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_run_faults_dask_scheduler_killed_mid_run_stops_with_one_line(tmp_path):
    pytest.importorskip("distributed")
    bin_dir = Path(sys.executable).parent
    if not (bin_dir / "dask").exists():
        pytest.skip("the dask command is not installed beside this Python")
    address = f"tcp://127.0.0.1:{_free_port()}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([str(bin_dir / "dask"), "scheduler", "--host", "127.0.0.1", "--port",
                               address.rsplit(":", 1)[1], "--no-dashboard"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, env=env, start_new_session=True)]
    try:
        time.sleep(3)
        procs.append(subprocess.Popen([str(bin_dir / "dask"), "worker", address, "--nthreads", "1",
                                       "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      env=env, start_new_session=True))
        feed = _feed(tmp_path, n=400)
        build = subprocess.Popen([sys.executable, "-m", "newsgraph", "build", str(feed), "--no-cache", "--engine",
                                  "dask", "--scheduler", address, "-o", str(tmp_path / "g.html")], cwd=ROOT,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                 start_new_session=True)
        procs.append(build)
        time.sleep(12)                              # connected, partitions out on the worker
        assert build.poll() is None, "the run ended before the scheduler could be stopped: give it more documents"
        os.killpg(procs[0].pid, signal.SIGKILL)
        err = _finish(build, 30)
    finally:
        for p in procs:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
            p.wait()
    assert build.returncode == 2, err
    assert err.strip().splitlines() == [
        f"newsgraph: the Dask scheduler {address} went away during the run (stopped, or its machine unreachable); "
        "start it again and rerun: with the cache, documents already extracted are not parsed again; "
        "nothing was written"], err


def test_run_faults_sigterm_during_a_dask_run_says_one_line(tmp_path):
    pytest.importorskip("distributed")
    feed = _feed(tmp_path, n=400)
    child = subprocess.Popen([sys.executable, "-m", "newsgraph", "build", str(feed), "--no-cache", "--engine", "dask",
                              "--processes", "1", "-o", str(tmp_path / "g.html")], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _wait_for_workers(child, 1)                 # the local cluster's worker (and nanny) have started
        time.sleep(15)                              # partitions out on the worker
        assert child.poll() is None, "the run ended before it could be stopped: give it more documents"
        os.kill(child.pid, signal.SIGTERM)          # as timeout(1) does: the main process, then its whole group
        os.killpg(child.pid, signal.SIGTERM)
        err = _finish(child, 30)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
    assert child.returncode == 128 + signal.SIGTERM, err
    assert err.strip().splitlines() == ["newsgraph: stopped by SIGTERM; every output is either whole or as it was "
                                        "before"], err
