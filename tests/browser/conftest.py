"""Headless Debian chromium driven by playwright, and pages opened with every
request watched: only ``file:``, ``data:`` and ``about:`` may load."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
LOCAL_SCHEMES = ("file:", "data:", "about:")


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Opened:
    """A page and everything it asked for or complained about."""

    page: object
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, script: str, arg=None):
        return self.page.evaluate(script, arg)


def open_page(browser, url: str, *, viewport=(1400, 900), wait_ready: bool = True) -> Opened:
    """Open ``url`` in a fresh context; any request off this machine is
    recorded and aborted."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    opened = Opened(page)

    def route(r):
        url = r.request.url
        if url.startswith(LOCAL_SCHEMES):
            r.continue_()
        else:
            opened.blocked.append(url)
            r.abort()

    context.route("**/*", route)
    page.on("request", lambda req: opened.requests.append(req.url))
    page.on("pageerror", lambda exc: opened.errors.append(str(exc)))
    page.on("console", lambda msg: opened.errors.append(msg.text) if msg.type == "error" else None)
    page.goto(url)
    if wait_ready:
        page.wait_for_selector("body[data-ready]", state="attached", timeout=120_000)
    return opened


def close(opened: Opened) -> None:
    opened.page.context.close()


def run_cli(*args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "newsgraph", "build", *args, "--no-cache", "--quiet"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    return proc


def page_data(html_path: Path) -> dict:
    """The data block the page draws from."""
    html = html_path.read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory, seed_dir) -> Path:
    """``out/graph.html`` and ``out/graph.json`` as ``make graph`` builds them, in a temporary folder."""
    out = tmp_path_factory.mktemp("seed-page")
    run_cli(str(seed_dir), "-o", str(out / "graph.html"), "--json", str(out / "graph.json"))
    return out


# Bring a drawn node or edge to the middle of the graph (away from the
# legend and the panel) and say where it is on the page, in CSS pixels; null
# when another node or the page's controls cover it there.
CENTRE_ON = """([kind, id]) => {
  const net = window.newsgraph.network, box = net.body.container.getBoundingClientRect();
  const at = kind === "node" ? net.getPosition(id) : net.body.edges[id].edgeType.getPoint(0.5);
  net.moveTo({position: at, animation: false});
  const dom = net.canvasToDOM(at);
  const x = dom.x + box.left, y = dom.y + box.top;
  if (!(document.elementFromPoint(x, y) instanceof HTMLCanvasElement)) return null;
  const hit = kind === "node" ? net.getNodeAt(dom) : (net.getNodeAt(dom) === undefined ? net.getEdgeAt(dom) : undefined);
  return String(hit) === String(id) ? {x, y} : null;
}"""
DRAWN = "() => ({nodes: window.newsgraph.network.body.nodeIndices.map(String), edges: window.newsgraph.network.body.edgeIndices.map(String)})"
