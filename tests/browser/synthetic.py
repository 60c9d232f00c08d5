"""A synthetic news graph of any size, for the large-graph browser test and
for measuring how fast the page lays out (``python -m tests.browser.synthetic``).

Names are made up from syllables; the shape (a few hubs, many small
entities) follows preferential attachment, as entity graphs of news do.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import networkx as nx

TYPES = ("person", "official", "country", "outlet", "organization", "place")
KINDS = ("cooccurrence",) * 12 + ("action",) * 7 + ("quote",)
POLARITIES = ("cooperation", "conflict", "neutral")
VERBS = ("meet", "criticise", "visit", "sanction", "praise", "arrest", "tell")
SYLLABLES = ("ka", "lo", "mi", "ra", "tu", "ven", "sol", "dor", "an", "be", "qui", "zet", "por", "lin")


def synthetic_graph(n_nodes: int, n_edges: int, *, seed: int = 0) -> nx.MultiDiGraph:
    """A MultiDiGraph with the contract's attributes, ``n_nodes`` nodes and
    about ``n_edges`` edges (exactly, when ``n_edges`` >= ``n_nodes``).

    >>> G = synthetic_graph(50, 120)
    >>> G.number_of_nodes(), G.number_of_edges(), G.nodes["n0"]["label"] != ""
    (50, 120, True)
    """
    rng = random.Random(seed)
    m = max(1, round(n_edges / max(n_nodes, 1)))
    skeleton = nx.barabasi_albert_graph(n_nodes, min(m, max(n_nodes - 1, 1)), seed=seed)
    pairs = list(skeleton.edges())
    rng.shuffle(pairs)
    while len(pairs) < n_edges:
        pairs.append((rng.randrange(n_nodes), rng.randrange(n_nodes)))
    n_docs = min(500, n_nodes)
    meta = {f"doc{d}": {"title": f"Story {d} of the synthetic wire", "date": f"2024-{1 + d % 3:02d}-{1 + d % 28:02d}",
                        "source": ("Wire A", "Wire B")[d % 2], "url": f"https://news.example/{d}"} for d in range(n_docs)}
    meta["doc1"]["url"] = "javascript:alert(document.domain)"
    G = nx.MultiDiGraph(documents=n_docs, documents_meta=meta)
    for i in range(n_nodes):
        name = " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title() for _ in range(2))
        G.add_node(f"n{i}", label=f"{name} {i}", type=rng.choice(TYPES), aliases=[f"{name.split()[-1]} {i}", f"alias-{i}"],
                   roles=[], mentions=[[f"doc{i % n_docs}", 0, 5]], count=1 + int(rng.paretovariate(1.5)),
                   docs=[f"doc{i % n_docs}"])
    for u, v in pairs[:n_edges]:
        kind = rng.choice(KINDS)
        verb = "" if kind == "cooccurrence" else ("tell" if kind == "quote" else rng.choice(VERBS))
        weight = 1 + int(rng.paretovariate(2.0)) - 1
        sentence = f"{G.nodes[f'n{u}']['label']} and {G.nodes[f'n{v}']['label']} were in the news."
        doc = f"doc{u % n_docs}"
        if doc not in G.nodes[f"n{v}"]["docs"]:
            G.nodes[f"n{v}"]["docs"].append(doc)
        G.add_edge(f"n{u}", f"n{v}", kind=kind, verb=verb, weight=weight,
                   polarity="" if kind == "cooccurrence" else rng.choice(POLARITIES), category="",
                   evidence=[{"doc": doc, "sentence": sentence, "start": 0, "end": len(sentence)}] * weight,
                   docs=[doc], dates=[meta[doc]["date"]])
    for n, docs in G.nodes(data="docs"):
        G.nodes[n]["dates"] = sorted({meta[d]["date"] for d in docs})
    return G


def synthetic_texts(G: nx.MultiDiGraph) -> dict[str, str]:
    """Each document's text, made of the evidence sentences of its links, one a line, with every
    evidence offset and every entity mention of ``G`` set to where they are in it (``G`` changes).

    >>> G = synthetic_graph(20, 40)
    >>> texts = synthetic_texts(G)
    >>> ev = next(iter(G.edges(data=True)))[2]["evidence"][0]
    >>> texts[ev["doc"]][ev["start"]:ev["end"]] == ev["sentence"]
    True
    """
    parts: dict[str, list[str]] = {d: [f"Story {d}.", ""] for d in G.graph["documents_meta"]}
    length = {d: sum(len(p) + 1 for p in ps) for d, ps in parts.items()}
    mentions: dict = {n: [] for n in G}
    for u, v, a in G.edges(data=True):
        placed = []
        for ev in a["evidence"]:
            doc, sentence = ev["doc"], ev["sentence"]
            start = length[doc]
            parts[doc].append(sentence)
            length[doc] += len(sentence) + 1
            placed.append({**ev, "start": start, "end": start + len(sentence)})
            for n in (u, v):
                at = sentence.find(G.nodes[n]["label"])
                if at >= 0:
                    mentions[n].append([doc, start + at, start + at + len(G.nodes[n]["label"])])
        a["evidence"] = placed
    for n, found in mentions.items():
        if found:
            G.nodes[n]["mentions"] = found
    return {d: "\n".join(ps) for d, ps in parts.items()}


def main(argv: list[str] | None = None) -> int:
    """Write a synthetic page, open it in chromium, print the layout and search times."""
    from playwright.sync_api import sync_playwright

    from graph.html import write_html

    p = argparse.ArgumentParser(description=main.__doc__)
    p.add_argument("--nodes", type=int, default=5000)
    p.add_argument("--edges", type=int, default=20000)
    p.add_argument("--chromium", default="/usr/bin/chromium")
    p.add_argument("--out", default="/tmp/newsgraph-synthetic.html")
    p.add_argument("--screenshot")
    args = p.parse_args(argv)
    G = synthetic_graph(args.nodes, args.edges)
    t = time.perf_counter()
    write_html(G, args.out)
    print(f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges; page written in {time.perf_counter() - t:.1f} s, "
          f"{Path(args.out).stat().st_size / 1e6:.1f} MB")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        t = time.perf_counter()
        page.goto(Path(args.out).resolve().as_uri())
        page.wait_for_selector("body[data-ready]", state="attached", timeout=600_000)
        opened = time.perf_counter() - t
        print(f"open to stable: {opened:.1f} s (stabilisation, page clock: {page.evaluate('newsgraph.stabilisedMs') / 1000:.1f} s); "
              f"drawn {page.evaluate('newsgraph.drawn()')}")
        if args.screenshot:
            page.screenshot(path=args.screenshot.replace(".png", "-open.png"))
        target = G.nodes[f"n{args.nodes // 2}"]["aliases"][1]
        t = time.perf_counter()
        page.fill("#search-input", target)
        page.press("#search-input", "Enter")
        page.wait_for_selector("#panel:not([hidden])")
        print(f"search {target!r}: {time.perf_counter() - t:.2f} s -> {page.text_content('#search-status')}")
        if args.screenshot:
            page.wait_for_timeout(600)
            page.screenshot(path=args.screenshot)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
