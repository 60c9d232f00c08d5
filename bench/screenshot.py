"""The pictures of the seed page in README, made again: ``make screenshot``.

Builds ``seeds/`` as ``make graph`` does (into a temporary folder, no
cache), opens the page in headless Debian chromium through playwright (as
the browser tests do), waits until the layout has stopped, and writes

- ``docs/seed-page.png``: the page as it opens;
- ``docs/seed-panel.png``: the most mentioned official clicked, its panel
  docked beside the graph with its relations and their evidence.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def main(argv: list[str] | None = None) -> int:
    """Build the seed page and write its two pictures."""
    from playwright.sync_api import sync_playwright

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--chromium", default="/usr/bin/chromium")
    p.add_argument("--out", default=str(ROOT / "docs"), help="folder for the pictures (default docs/)")
    args = p.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp())
    subprocess.run([sys.executable, "-m", "newsgraph", "build", str(ROOT / "seeds"), "-o", str(work / "graph.html"),
                    "--no-cache", "--quiet"], check=True, cwd=ROOT)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 860})
        page.goto((work / "graph.html").as_uri())
        page.wait_for_selector("body[data-ready]", state="attached", timeout=120_000)
        page.wait_for_timeout(300)
        page.screenshot(path=str(out / "seed-page.png"))
        official = page.evaluate("""() => window.newsgraph.data.nodes.filter((n) => n.ntype === "official")
                                     .sort((a, b) => b.count - a.count).map((n) => n.id)[0]""")
        if official:
            page.evaluate("(id) => { window.newsgraph.search(window.newsgraph.data.nodes.find((n) => n.id === id).label); }",
                          official)
            page.wait_for_selector("#panel:not([hidden])")
            page.wait_for_timeout(700)
            page.screenshot(path=str(out / "seed-panel.png"))
        browser.close()
    print(f"wrote {out / 'seed-page.png'} and {out / 'seed-panel.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
