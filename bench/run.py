"""``make bench``: newsgraph's speed and memory against raw spaCy on one corpus.

The corpus is generated from the text the project ships (the articles in
``seeds/``): each document is a different selection and order of their
paragraphs, with its own id, written as JSON Lines into ``bench/corpus/``
(git-ignored). Every measurement runs in a fresh process whose whole process
tree (worker processes included) is sampled for its resident memory, and the
results are printed as one table:

- raw spaCy ``nlp.pipe`` words/s with the same model and batch size, on texts
  already in memory;
- newsgraph words/s (read + parse + extract, no cache) with 1 and N processes,
  and the ratios newsgraph/raw and N/1;
- peak memory (RSS of the process and its children);
- time per stage: read, parse, extract, merge, render (graph + HTML + JSON);
- 10k / 100k / 1M-word points showing how time and memory grow.

Usage: ``python bench/run.py [--quick] [--processes N] [--points 10000,100000,1000000]``.
Timings on a shared machine are noisy; compare runs made on a quiet one.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "corpus"
sys.path.insert(0, str(ROOT))

#: the scaling points, in words
POINTS = (10_000, 100_000, 1_000_000)
QUICK_POINTS = (10_000, 30_000, 100_000)


# -- corpus ------------------------------------------------------------------------

def shipped_paragraphs() -> list[str]:
    """Paragraphs of the articles the project ships (``seeds/``)."""
    paragraphs = []
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        paragraphs += [p.strip() for p in f.read_text(encoding="utf-8").splitlines() if p.strip()]
    return paragraphs


def corpus_documents(words: int, seed: int = 6) -> list[dict]:
    """Documents of recombined shipped paragraphs totalling at least ``words`` words.

    The same seed gives the same sequence, so a smaller corpus is the start
    of a larger one.
    """
    paragraphs = shipped_paragraphs()
    rng = random.Random(seed)
    docs, total = [], 0
    while total < words:
        k = rng.randint(max(1, len(paragraphs) // 3), len(paragraphs))
        text = "\n\n".join(rng.sample(paragraphs, k))
        n = len(text.split())
        docs.append({"id": f"bench-{len(docs):06d}", "title": f"Bench article {len(docs)}",
                     "date": f"2025-{len(docs) % 12 + 1:02d}-{len(docs) % 28 + 1:02d}", "source": "bench",
                     "text": text, "words": n})
        total += n
    return docs


def write_corpus(words: int) -> tuple[Path, int, int]:
    """``bench/corpus/words-N.jsonl``: its path, documents and words."""
    CORPUS.mkdir(parents=True, exist_ok=True)
    path = CORPUS / f"words-{words}.jsonl"
    docs = corpus_documents(words)
    tmp = path.with_suffix(".part")
    tmp.write_text("".join(json.dumps({k: v for k, v in d.items() if k != "words"}) + "\n" for d in docs),
                   encoding="utf-8")
    tmp.replace(path)
    return path, len(docs), sum(d["words"] for d in docs)


# -- one measurement, in its own process ---------------------------------------------

def _cpu() -> float:
    """CPU seconds of this process and of its finished children (worker processes)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def measure_raw(corpus: Path, processes: int) -> dict:
    """Raw spaCy: texts in memory, ``nlp.pipe`` over them, nothing else."""
    from nlp.run.model import load_model
    from nlp.run.pipeline import batch_size_for

    nlp = load_model()
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    t, cpu = time.perf_counter(), _cpu()
    # the batch size newsgraph uses, so both hold the same number of words at a time
    for _ in nlp.pipe(texts, batch_size=batch_size_for(texts), n_process=processes):
        pass
    elapsed, cpu = time.perf_counter() - t, _cpu() - cpu
    return {"parse": elapsed, "cpu": cpu, "extract_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


class _Timed:
    """Wrap a callable or an iterator and add the time spent in it to ``self.seconds``."""

    def __init__(self, target):
        self.target, self.seconds = target, 0.0

    def __call__(self, *args, **kwargs):
        t = time.perf_counter()
        try:
            return self.target(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - t

    def __iter__(self):
        it = iter(self.target)
        while True:
            t = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                self.seconds += time.perf_counter() - t
                return
            self.seconds += time.perf_counter() - t
            yield item


def measure_newsgraph(corpus: Path, processes: int) -> dict:
    """newsgraph as the CLI runs it: read, extract (no cache), merge, graph, HTML and JSON."""
    import nlp.run.pipeline as pipeline
    from graph.build import build_graph
    from graph.export import write_json
    from graph.html import write_html
    from nlp.run.model import load_model, model_id
    from nlp.reading.reader import read_inputs
    from nlp.entities.resolve import merge

    nlp = load_model()
    timed_extract = _Timed(pipeline.extract)
    pipeline.extract = timed_extract  # counts extraction in this process (1 process only)
    reading = _Timed(read_inputs([str(corpus)]))
    t, cpu = time.perf_counter(), _cpu()
    extractions = list(pipeline.extract_documents(reading, nlp, n_process=processes))
    stream, cpu = time.perf_counter() - t, _cpu() - cpu
    # peak so far: this process, plus each worker at the largest worker's peak (ru_maxrss is in KiB)
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    extract_peak = (own.ru_maxrss + (processes if processes > 1 else 0) * kids.ru_maxrss) / 1024
    t = time.perf_counter()
    entities, relations = merge(extractions)
    merged = time.perf_counter() - t
    t = time.perf_counter()
    G = build_graph(entities, relations, documents=len(extractions), model=model_id(nlp),
                    documents_meta={e.doc: dict(e.meta) for e in extractions if e.meta})
    with tempfile.TemporaryDirectory() as out:
        write_html(G, Path(out) / "graph.html")
        write_json(G, Path(out) / "graph.json")
        html_mb = (Path(out) / "graph.html").stat().st_size / 1e6
    render = time.perf_counter() - t
    out = {"read": reading.seconds, "stream": stream, "cpu": cpu, "extract_peak_mb": extract_peak, "merge": merged, "render": render,
           "nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "html_mb": html_mb,
           "evidence": sum(len(d["evidence"]) for *_, d in G.edges(data=True))}
    if processes == 1:
        out["extract"] = timed_extract.seconds
        out["parse"] = stream - reading.seconds - timed_extract.seconds
    return out


def _child(args: argparse.Namespace) -> None:
    fn = measure_raw if args.kind == "raw" else measure_newsgraph
    print(json.dumps(fn(Path(args.corpus), args.processes)))


# -- the orchestrator ---------------------------------------------------------------

def _tree_rss(pid: int) -> int:
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_measurement(kind: str, corpus: Path, processes: int) -> dict:
    """Run one measurement in a fresh process; add its wall time and peak tree RSS."""
    cmd = [sys.executable, __file__, "_measure", kind, str(corpus), "--processes", str(processes)]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"bench: {kind} on {corpus.name} with {processes} processes failed ({proc.returncode})")
    result = json.loads(stdout.strip().splitlines()[-1])
    # sampling every 0.1 s can miss a short peak that the process itself recorded
    result.update(wall=time.perf_counter() - t, peak_mb=max(peak / 2**20, result.get("extract_peak_mb", 0)))
    return result


def _fmt(x: float | None, spec: str = ",.0f") -> str:
    return "-" if x is None else format(x, spec)


def table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(r, widths)))
    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


def main(argv: list[str] | None = None) -> int:
    from nlp.run.pipeline import default_processes

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="10k / 30k / 100k words instead of 10k / 100k / 1M")
    p.add_argument("--processes", type=int, default=max(2, default_processes()),
                   help="N for the N-process run (default: the cores, at least 2)")
    p.add_argument("--points", help="comma-separated corpus sizes in words, smallest first (default: "
                   + ",".join(map(str, POINTS)) + ")")
    args = p.parse_args(argv)
    points = (tuple(int(x) for x in args.points.split(",")) if args.points
              else QUICK_POINTS if args.quick else POINTS)
    n = args.processes

    corpora = {w: write_corpus(w) for w in points}
    big, docs, words = corpora[points[-1]]
    print(f"corpus: {docs:,} documents, {words:,} words, recombined from seeds/ -> {big.relative_to(ROOT)}",
          file=sys.stderr)

    results: dict[tuple, dict] = {}
    plan = [("raw", points[-1], 1), *[("newsgraph", w, 1) for w in points], ("newsgraph", points[-1], n)]
    for kind, w, procs in plan:
        t = time.perf_counter()
        print(f"  {kind} {w:,} words, {procs} process(es) ...", end="", file=sys.stderr, flush=True)
        results[kind, w, procs] = run_measurement(kind, corpora[w][0], procs)
        print(f" {time.perf_counter() - t:.0f} s", file=sys.stderr)

    raw = results["raw", points[-1], 1]
    raw_wps = words / raw["parse"]
    one = results["newsgraph", points[-1], 1]
    many = results["newsgraph", points[-1], n]
    one_wps, many_wps = words / one["stream"], words / many["stream"]

    def row(name: str, procs: int, wds: int, r: dict, parse: str, extract: str) -> list[str]:
        wps = wds / (r["stream"] if "stream" in r else r["parse"])
        return [name, str(procs), f"{wds:,}", _fmt(wps), _fmt(wps / raw_wps, ".2f"), _fmt(r.get("read"), ".1f"),
                parse, extract, _fmt(r.get("merge"), ".1f"), _fmt(r.get("render"), ".1f"), _fmt(wds / r["wall"]),
                _fmt(r["cpu"], ".1f"), _fmt(r["wall"], ".1f"), _fmt(r["extract_peak_mb"]), _fmt(r["peak_mb"])]

    rows = [row("raw spaCy nlp.pipe", 1, words, raw, _fmt(raw["parse"], ".1f"), "-")]
    for w in points:
        r = results["newsgraph", w, 1]
        rows.append(row(f"newsgraph ({corpora[w][1]:,} docs)", 1, corpora[w][2], r, _fmt(r["parse"], ".1f"),
                        _fmt(r["extract"], ".1f")))
    rows.append(row(f"newsgraph ({docs:,} docs)", n, words, many, "(workers)", "(workers)"))
    header = ["run", "procs", "words", "words/s", "vs raw", "read s", "parse s", "extract s", "merge s",
              "render s", "end-to-end w/s", "cpu s", "wall s", "peak MB extract", "peak MB run"]
    print(table(rows, header))
    print("words/s = words / (read + parse + extract); cpu s = CPU time of that part, workers included; wall s = "
          "the whole measured process (model loading, merge, graph, HTML and JSON included), end-to-end w/s = "
          "words / wall s; peak MB extract = resident memory at its highest until extraction ends (workers "
          "counted at the largest worker's peak), peak MB run = the whole run, sampled over the process tree")
    print()
    print(f"newsgraph / raw spaCy, 1 process: {one_wps / raw_wps:.2f} by wall time (target >= 0.90); "
          f"{raw['cpu'] / one['cpu']:.2f} by CPU time, which other work on the machine disturbs less")
    print(f"newsgraph {n} processes / 1 process: {many_wps / one_wps:.2f}x by wall time (target >= 1.7x on {n} idle "
          f"cores); CPU time {many['cpu']:.1f} s against {one['cpu']:.1f} s: {one['cpu'] / many['cpu']:.2f} of the "
          f"work in 1 process, so {n} idle cores could give at most {n * one['cpu'] / many['cpu']:.2f}x")
    lo, hi = results["newsgraph", points[0], 1], results["newsgraph", points[-1], 1]
    print(f"memory, {points[0]:,} -> {points[-1]:,} words: extraction peak {lo['extract_peak_mb']:,.0f} -> "
          f"{hi['extract_peak_mb']:,.0f} MB (the model, one batch, and the records that become the graph); whole run "
          f"{lo['peak_mb']:,.0f} -> {hi['peak_mb']:,.0f} MB, the rest being the graph and its HTML and JSON: at "
          f"{points[-1]:,} words {hi['nodes']:,} nodes, {hi['edges']:,} edges, {hi['evidence']:,} evidence "
          f"sentences, HTML {hi['html_mb']:.1f} MB")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the end "
          "(other work on the machine slows every figure)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_measure":
        a = argparse.ArgumentParser()
        a.add_argument("cmd"), a.add_argument("kind", choices=("raw", "newsgraph")), a.add_argument("corpus")
        a.add_argument("--processes", type=int, default=1)
        _child(a.parse_args())
    else:
        sys.exit(main())
