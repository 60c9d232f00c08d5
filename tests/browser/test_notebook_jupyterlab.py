"""The page inside a running JupyterLab: a notebook cell calls ``show(G)``
and the page in its output frame (sandboxed as :data:`graph.notebook.SANDBOX`
says) answers a search, a quote search and a click on a name.

JupyterLab runs on 127.0.0.1 with a token, from a temporary folder, with its
settings, data and runtime folders there too; the kernel is this interpreter's
and imports this checkout. The graph is the synthetic one of the other browser
tests, small, with one quote.
"""
from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

QUOTE_WORDS = "The harbour will stay open all winter"
CELL = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from graph.notebook import show
from tests.browser.synthetic import synthetic_graph
G = synthetic_graph(60, 150, seed=5)
speaker = max(G, key=lambda n: G.degree(n))
G.graph["quotes"] = [{{"doc": "doc0", "start": 0, "end": {len(QUOTE_WORDS)}, "text": {QUOTE_WORDS!r},
                      "speaker": speaker, "cue": "say", "kind": "direct", "to": "", "names": []}}]
print("speaker", speaker, G.nodes[speaker]["label"])
show(G, height=600)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    pytest.importorskip("jupyterlab", reason="jupyterlab is in the dev extra: pip install -e '.[dev]'")
    import nbformat

    root = tmp_path_factory.mktemp("lab")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(CELL)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, root / "graph.ipynb")
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(root / ".config"), "JUPYTER_DATA_DIR": str(root / ".data"),
           "JUPYTER_RUNTIME_DIR": str(root / ".runtime"), "IPYTHONDIR": str(root / ".ipython"),
           "JUPYTER_PLATFORM_DIRS": "1"}
    log = open(root / "lab.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
                             f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
                             f"--ServerApp.root_dir={root}", f"--LabApp.workspaces_dir={root / '.workspaces'}",
                             "--LabApp.news_url=", "--LabApp.extension_manager=readonly", "--ServerApp.port_retries=0",
                             *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])],
                            cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2) as r:
                    json.load(r)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail("JupyterLab did not start: " + (root / "lab.log").read_text()[-2000:])
                time.sleep(0.5)
        yield url, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def notebook(browser, lab):
    """The notebook open in JupyterLab, its cell run: the page's frame, and what the browser logged."""
    url, token = lab
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    # this machine only: JupyterLab itself may ask for nothing else
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
        (url, "about:", "data:", "blob:")) else r.abort())
    page = context.new_page()
    logged: list[str] = []
    page.on("console", lambda m: logged.append(m.text))
    page.on("pageerror", lambda e: logged.append(str(e)))
    page.goto(f"{url}/lab/tree/graph.ipynb?token={token}")
    page.wait_for_selector(".jp-Notebook .jp-Cell .cm-content", timeout=120_000)
    # the kernel started and idle (the status bar says so), then the cell run as a person runs it
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=120_000)
    for _ in range(3):
        page.click(".jp-Notebook .jp-Cell .cm-content")
        page.keyboard.press("Shift+Enter")
        try:
            page.wait_for_selector("iframe[title=newsgraph]", state="attached", timeout=60_000)
            break
        except Exception:  # the keys went elsewhere while the page was still settling: run it again
            continue
    handle = page.query_selector("iframe[title=newsgraph]")
    frame = handle.content_frame()
    frame.wait_for_selector("body[data-ready]", state="attached", timeout=60_000)
    speaker = page.locator(".jp-OutputArea-output pre").first.text_content().split(None, 2)
    yield page, frame, handle, speaker, logged
    context.close()


def test_jupyterlab_frame_is_sandboxed_without_same_origin(notebook):
    page, frame, handle, _, _ = notebook
    from graph.notebook import SANDBOX

    sandbox = handle.get_attribute("sandbox")
    assert sandbox == SANDBOX and "allow-same-origin" not in sandbox.split()
    # the page's scripts cannot reach the notebook around it
    assert frame.evaluate("() => { try { return Boolean(window.parent.document); } catch (e) { return false; } }") is False


def test_jupyterlab_search_focuses_the_entity(notebook):
    page, frame, _, speaker, logged = notebook
    _, sid, name = speaker
    name = name.strip()
    frame.fill("#search-input", name)
    frame.press("#search-input", "Enter")
    frame.wait_for_selector("#panel:not([hidden])")
    assert frame.text_content("#panel h1") == name
    assert frame.evaluate("() => window.newsgraph.network.getSelectedNodes()") == [sid]
    assert "found" in frame.text_content("#search-status")
    # the panel open in the cell's frame: the graph keeps readable labels and room to read them
    seen = frame.evaluate("""() => { const net = window.newsgraph.network;
      return {px: net.getScale() * net.body.nodes[net.body.nodeIndices[0]].options.font.size,
              width: net.body.container.clientWidth}; }""")
    assert seen["px"] >= 12 and seen["width"] >= 300, seen
    # the Find button too
    frame.click("#search-clear")
    frame.fill("#search-input", name)
    frame.click("#search-go")
    frame.wait_for_selector("#panel:not([hidden])")
    assert frame.evaluate("() => window.newsgraph.network.getSelectedNodes()") == [sid]
    assert not [m for m in logged if "Blocked form submission" in m]


def test_jupyterlab_quote_search_finds_the_quote(notebook):
    page, frame, _, speaker, logged = notebook
    frame.click("#panel-close")  # a narrow frame: the open panel takes the legend's room
    frame.fill("#quote-search-input", "harbour")
    frame.press("#quote-search-input", "Enter")
    frame.wait_for_selector("#panel-body[data-quotes] li.quote")
    assert frame.locator("#panel li.quote blockquote").first.text_content() == QUOTE_WORDS
    frame.fill("#quote-search-input", "winter")
    frame.click(".quote-search button")
    frame.wait_for_selector("#panel-body[data-quotes] li.quote")
    assert frame.locator("#panel li.quote").count() == 1
    assert not [m for m in logged if "Blocked form submission" in m]


def test_jupyterlab_filters_and_a_name_in_the_panel_work(notebook):
    page, frame, _, speaker, _ = notebook
    _, sid, name = speaker
    frame.evaluate("() => document.getElementById('panel-close').click()")
    frame.evaluate("(id) => window.newsgraph.showNode(id)", sid)
    names = frame.locator("#panel .phrase .name")
    other = next(names.nth(i) for i in range(names.count()) if names.nth(i).text_content() != name.strip())
    want = other.text_content()
    other.click()  # a name in a relation: that entity's panel
    assert frame.text_content("#panel h1") == want
    frame.click("#panel-close")
    before = frame.evaluate("() => window.newsgraph.drawn().nodes")
    frame.uncheck("#legend-types input[value='person']")
    assert frame.evaluate("() => window.newsgraph.drawn().nodes") < before
    frame.check("#legend-types input[value='person']")
    assert frame.evaluate("() => window.newsgraph.drawn().nodes") == before
