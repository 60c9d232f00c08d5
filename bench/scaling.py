"""``make bench-scaling``: CPU per word as the input grows, so that any term worse than linear shows.

    python bench/scaling.py                 # corpus x1, x4, x16; one document of 1 and 4 MB; hostile 1 MB inputs
    python bench/scaling.py --no-single     # the corpus sizes and the hostile inputs only (about a minute)

The real corpus is the bundled ``seeds/`` article and ``tests/data/heldout/*.txt``,
each file one document, repeated 1, 4 and 16 times (each copy its own id).
The single documents are those texts joined by blank lines and repeated to
1 and 4 MB: one document each, which the run cuts in sections
(``nlp/run/longdoc.py``). Each size is read, extracted with one process and
no cache, merged into the graph and written as the page and the JSON
(``newsgraph build`` without the command line's start-up), in this process:
the model is loaded once, before the clock starts.

Printed per size: words, CPU seconds of each stage and in all, and CPU µs
per word. Cost that grows linearly keeps µs/word flat down the column; a
quadratic term doubles it with each fourfold size (or worse).

Then the hostile inputs of issue 23, each 1 MB and read as a user's file:
a URL-like run of characters ("Http://X.Example/Ab/Ab/...") after a
sentence, and an HTML page of unfinished tags (``<a `` repeated) after a
paragraph. Each must build in under 10 CPU seconds.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MB = 1_000_000
#: the hostile inputs must each build in less than this (issue 23)
HOSTILE_LIMIT = 10.0


def corpus_texts() -> list[tuple[str, str]]:
    """``(name, text)`` of the real corpus: the seed article and the held-out texts."""
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "heldout").glob("*.txt"))
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


def build(documents, workdir: Path) -> tuple[dict[str, float], int]:
    """Extract, merge and write ``documents``: CPU seconds per stage, and the node count."""
    from graph.export import write_json
    from graph.html import write_html
    from newsgraph.api import graph_of
    from nlp.run.model import load_model, model_id
    from nlp.run.pipeline import extract_documents

    nlp = load_model()
    cpu = {}
    t = time.process_time()
    extractions = list(extract_documents(documents, nlp, n_process=1))
    cpu["extract"] = time.process_time() - t
    t = time.process_time()
    G = graph_of(extractions, model=model_id(nlp))
    cpu["graph"] = time.process_time() - t
    t = time.process_time()
    write_html(G, workdir / "g.html")
    write_json(G, workdir / "g.json")
    cpu["write"] = time.process_time() - t
    cpu["total"] = sum(cpu.values())
    return cpu, G.number_of_nodes()


def row(label: str, words: int, cpu: dict[str, float], nodes: int) -> str:
    return (f"{label:<22} {words:>9,} {cpu['extract']:>9.1f} {cpu['graph']:>7.1f} {cpu['write']:>7.1f} "
            f"{cpu['total']:>8.1f} {cpu['total'] / words * 1e6:>9.0f} {nodes:>7,}")


HEADER = f"{'input':<22} {'words':>9} {'extract':>9} {'graph':>7} {'write':>7} {'CPU s':>8} {'µs/word':>9} {'nodes':>7}"


def corpus_rows(workdir: Path, times: tuple[int, ...]) -> None:
    from nlp.records import Document

    texts = corpus_texts()
    for k in times:
        docs = [Document(f"{name}#{i}", text) for i in range(k) for name, text in texts]
        cpu, nodes = build(docs, workdir)
        print(row(f"corpus x{k} ({len(docs)} docs)", sum(len(d.text.split()) for d in docs), cpu, nodes), flush=True)


def single_rows(workdir: Path, sizes: tuple[int, ...]) -> None:
    from nlp.records import Document

    joined = "\n\n".join(text for _, text in corpus_texts())
    for mb in sizes:
        text = "\n\n".join([joined] * (mb * MB // (len(joined) + 2) + 1))[: mb * MB]
        cpu, nodes = build([Document(f"single-{mb}mb", text)], workdir)
        print(row(f"one document, {mb} MB", len(text.split()), cpu, nodes), flush=True)


def hostile_inputs(workdir: Path) -> list[tuple[str, str, str]]:
    """``(label, file name, content)`` of the 1 MB hostile inputs."""
    lead = "Peru and Chile signed a trade agreement in Lima on Monday, Reuters said."
    url = "Http://X.Example/" + "Ab/" * (MB // 3)
    tags = "<a " * (MB // 3)
    return [("1 MB URL-like token", "url.txt", f"{lead}\n\nSee {url}\n"),
            ("1 MB unfinished tags", "tags.html", f"<!DOCTYPE html><body><p>{lead}</p>{tags}")]


def hostile_rows(workdir: Path) -> bool:
    """Each hostile input read from a file and built: CPU seconds; False if one took too long."""
    from nlp.reading.reader import read_inputs

    ok = True
    for label, name, content in hostile_inputs(workdir):
        path = workdir / name
        path.write_text(content, encoding="utf-8")
        t = time.process_time()
        docs = [d for d in read_inputs([str(path)], notify=lambda note: None)]
        read = time.process_time() - t
        cpu, nodes = build(docs, workdir)
        total = read + cpu["total"]
        ok &= total < HOSTILE_LIMIT
        print(f"{label:<22} {len(content):>11,} chars  read {read:5.1f} s  build {cpu['total']:5.1f} s  "
              f"total {total:5.1f} CPU s  ({'under' if total < HOSTILE_LIMIT else 'OVER'} "
              f"{HOSTILE_LIMIT:.0f} s)  {nodes} nodes", flush=True)
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--times", default="1,4,16", help="corpus repetitions (default 1,4,16)")
    ap.add_argument("--mb", default="1,4", help="single-document sizes in MB (default 1,4)")
    ap.add_argument("--no-single", action="store_true", help="skip the single long documents")
    args = ap.parse_args(argv)
    from nlp.records import Document

    with tempfile.TemporaryDirectory(prefix="newsgraph-scaling-") as tmp:
        workdir = Path(tmp)
        name, text = corpus_texts()[0]
        build([Document(name, text)], workdir)  # the model and the lexicons loaded before the clock
        print(HEADER)
        corpus_rows(workdir, tuple(int(x) for x in args.times.split(",")))
        if not args.no_single:
            single_rows(workdir, tuple(int(x) for x in args.mb.split(",")))
        print()
        ok = hostile_rows(workdir)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
