"""``make bench-longdoc``: one very long document, built end to end; time and peak memory.

    python bench/longdoc.py               # a 30 MB document (about 50 minutes on 2 cores)
    python bench/longdoc.py --mb 3        # a 3 MB one (about 3 minutes)

The document is generated (``bench/archive.py``'s long reports, joined into
one text of the size asked for) and written to ``bench/corpus/`` (git-ignored),
then ``newsgraph build`` runs on it in a subprocess with ``--no-cache`` and
``--processes`` as given. Printed: characters, wall and CPU seconds (the
process and its workers), seconds per MB, peak memory of the main process
and of the largest worker (sampled with psutil), and the page and JSON sizes.
Cost should grow with the text: compare ``--mb 3`` with ``--mb 30``.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def make_document(mb: float, path: Path) -> int:
    """Write one generated document of about ``mb`` megabytes to ``path``; its length in characters."""
    from archive import long_documents

    target = int(mb * 1_000_000)
    parts, size = [], 0
    for doc in long_documents(max(20_000, target // 6), each=20_000):
        parts.append(doc["text"])
        size += len(doc["text"]) + 2
        if size >= target:
            break
    while size < target:                       # more reports of the same kind, in order
        parts.extend(parts[: max(1, len(parts) // 2)])
        size = sum(len(p) + 2 for p in parts)
    text = "\n\n".join(parts)[:target]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return len(text)


def run(path: Path, processes: int, out: Path) -> dict:
    """Build ``path`` with the CLI, sampling the memory of the process tree every 0.2 s."""
    import psutil

    cmd = [str(Path(sys.executable).parent / "newsgraph"), "build", str(path), "-o", str(out / "long.html"),
           "--json", str(out / "long.json"), "--no-cache", "--quiet", "--processes", str(processes)]
    t0 = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    main_peak = worker_peak = 0
    cpu: dict[int, float] = {}
    while proc.poll() is None:
        try:
            main_peak = max(main_peak, proc.memory_info().rss)
            t = proc.cpu_times()
            cpu[proc.pid] = t.user + t.system
            for child in proc.children(recursive=True):
                worker_peak = max(worker_peak, child.memory_info().rss)
                ct = child.cpu_times()
                cpu[child.pid] = ct.user + ct.system
        except psutil.Error:
            pass
        time.sleep(0.2)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode("utf-8", "replace").strip()
    return {"exit": proc.returncode, "wall": wall, "cpu": sum(cpu.values()), "main_peak": main_peak,
            "worker_peak": worker_peak, "error": err}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="make bench-longdoc", description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=30.0, help="size of the document in MB (default 30)")
    ap.add_argument("--processes", type=int, default=min(2, os.cpu_count() or 1))
    args = ap.parse_args(argv)
    if args.mb <= 0:
        ap.error("--mb must be above 0")
    corpus = HERE / "corpus"
    path = corpus / f"long-{args.mb:g}mb.txt"
    chars = make_document(args.mb, path)
    got = run(path, args.processes, corpus)
    if got["exit"] not in (0, 1):
        print(f"bench-longdoc: the build failed (exit {got['exit']}): {got['error']}", file=sys.stderr)
        return 1
    mb = chars / 1_000_000
    page = (corpus / "long.html").stat().st_size / 1e6
    js = (corpus / "long.json").stat().st_size / 1e6
    print(f"document      {chars:,} characters ({mb:.1f} MB), --processes {args.processes}")
    print(f"time          {got['wall']:.1f} s wall, {got['cpu']:.1f} s CPU ({got['cpu'] / mb:.1f} CPU s per MB)")
    print(f"peak memory   main process {got['main_peak'] / 1e6:.0f} MB, largest worker {got['worker_peak'] / 1e6:.0f} MB")
    print(f"outputs       page {page:.1f} MB, JSON {js:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
