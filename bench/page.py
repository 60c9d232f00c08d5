"""How fast the page answers on a big graph: ``make bench-page``.

Writes the page of a synthetic news graph (``tests.browser.synthetic``:
5,000 entities and 20,000 links by default), opens it in headless Debian
chromium and prints

- the time from opening the file to a usable first view (the first look
  drawn, labelled and ready for a click), and
- the time to answer a search (typing a name and pressing Enter, until the
  entity is drawn, selected and its panel open), median of five names
  outside the first look, and
- the time to open a story (a click on an evidence sentence, until its text
  is in the panel with the sentence in view), median of five.

The page carries the stories' texts: each synthetic story is its evidence
sentences padded with filler paragraphs to ``--texts-mb`` in all (default 20,
the command line's default limit).

Goals: first view <= 2 s, search <= 0.5 s. ``--screenshot out.png`` keeps
a picture of each step.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.html import write_html  # noqa: E402
from tests.browser.synthetic import synthetic_graph, synthetic_texts  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
GOAL_FIRST_VIEW, GOAL_SEARCH, GOAL_STORY = 2.0, 0.5, 0.5
FILLER = "The wire copy went on about the weather, the markets and the sport of the day. "
# resolves once the page has painted a frame after it said it was ready
PAINTED = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"


def main(argv: list[str] | None = None) -> int:
    """Measure, print one line each, and say whether the goals are met."""
    from playwright.sync_api import sync_playwright

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--nodes", type=int, default=5000)
    p.add_argument("--edges", type=int, default=20000)
    p.add_argument("--texts-mb", type=float, default=20.0, help="megabytes of story text in the page (0: none)")
    p.add_argument("--chromium", default="/usr/bin/chromium")
    p.add_argument("--screenshot", help="write OUT-first.png and OUT-search.png beside this name")
    args = p.parse_args(argv)
    G = synthetic_graph(args.nodes, args.edges)
    texts = synthetic_texts(G)
    pad = max(0, int(args.texts_mb * 1_000_000) - sum(len(x) for x in texts.values())) // max(len(texts), 1)
    texts = {d: x + "\n\n" + FILLER * (pad // len(FILLER)) for d, x in texts.items()} if args.texts_mb else None
    out = Path(tempfile.mkdtemp()) / "page.html"
    t = time.perf_counter()
    write_html(G, out, texts=texts, texts_mb=args.texts_mb + 1)
    print(f"graph: {G.number_of_nodes():,} entities, {G.number_of_edges():,} links, "
          f"{sum(len(x.encode()) for x in (texts or {}).values()) / 1e6:.1f} MB of story text; "
          f"page written in {time.perf_counter() - t:.1f} s, {out.stat().st_size / 1e6:.1f} MB")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        t = time.perf_counter()
        page.goto(out.as_uri())
        page.wait_for_selector("body[data-ready]", state="attached", timeout=600_000)
        page.evaluate(PAINTED)
        first_view = time.perf_counter() - t
        drawn = page.evaluate("newsgraph.drawn()")
        print(f"first view: {first_view:.2f} s to {drawn['nodes']} entities and {drawn['edges']} links drawn "
              f"(goal <= {GOAL_FIRST_VIEW} s)")
        if args.screenshot:
            page.screenshot(path=args.screenshot.replace(".png", "-first.png"))
        shown = set(page.evaluate("() => window.newsgraph.network.body.nodeIndices"))
        targets = [n for n in (f"n{i}" for i in range(args.nodes - 1, 0, -97)) if n not in shown][:5]
        times = []
        for node in targets:
            page.keyboard.press("Escape")
            name = G.nodes[node]["aliases"][1]
            t = time.perf_counter()
            page.fill("#search-input", name)
            page.press("#search-input", "Enter")
            page.wait_for_function("(id) => document.getElementById('panel-body').dataset.node === id && "
                                   "window.newsgraph.network.getSelectedNodes()[0] === id", arg=node)
            page.evaluate(PAINTED)
            times.append(time.perf_counter() - t)
        search = statistics.median(times)
        print(f"search: {search:.2f} s median of {len(times)} names outside the first look "
              f"({', '.join(f'{x:.2f}' for x in times)}; goal <= {GOAL_SEARCH} s)")
        if args.screenshot:
            page.screenshot(path=args.screenshot.replace(".png", "-search.png"))
        story = 0.0
        if texts:
            edges = page.evaluate("() => window.newsgraph.data.edges.filter((e) => e.kind === 'action').slice(0, 5).map((e) => e.id)")
            times = []
            for e in edges:
                page.evaluate("(id) => window.newsgraph.showEdge(id)", e)
                t = time.perf_counter()
                page.click("#panel .evidence .sentence >> nth=0")
                page.wait_for_selector("#panel .article .here")
                page.evaluate(PAINTED)
                times.append(time.perf_counter() - t)
            story = statistics.median(times)
            print(f"story: {story:.2f} s median of {len(times)} clicks on an evidence sentence "
                  f"({', '.join(f'{x:.2f}' for x in times)}; goal <= {GOAL_STORY} s)")
            if args.screenshot:
                page.screenshot(path=args.screenshot.replace(".png", "-story.png"))
        browser.close()
    met = first_view <= GOAL_FIRST_VIEW and search <= GOAL_SEARCH and story <= GOAL_STORY
    print("goals met" if met else "goals NOT met")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
