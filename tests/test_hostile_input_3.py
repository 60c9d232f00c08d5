"""Bad input, round three (issue 23): the input and output rows.

Each test is one row of the issue's table (its number in the comment above
it), run through ``newsgraph build`` in process (the model loads once per
test session) unless a real pipe needs a process of its own. The running
user may be root, who reads any folder: a folder that cannot be read, or
one that vanishes while it is listed, is made so by the listing itself
(``os.scandir``), as the kernel would.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph import atomic
from newsgraph import cli
from nlp import lexicons
from nlp.reading import errors, reader
from nlp.reading.html_text import html_to_text
from tests.conftest import ROOT

pytestmark = pytest.mark.model

#: articles that each name two countries: their entity keys are known whatever else is in the run
ARTICLES = {
    "Peru and Chile signed a trade agreement in Lima.": {"country:PE", "country:CL"},
    "Norway and Kenya held talks on fishing rights.": {"country:NO", "country:KE"},
    "Brazil and Argentina agreed to cut tariffs.": {"country:BR", "country:AR"},
    "Japan and India announced a new rail link.": {"country:JP", "country:IN"},
}
GOOD, SECOND = list(ARTICLES)[:2]
FIXES = "merge,Chile,Peru\n"


# the first round's helpers: the session's model loaded once, the CLI run in-process, a graph read back
from tests.test_hostile_input import _docs, _graph, _model_loaded, _no_parse, run  # noqa: E402,F401


def _nodes(path: Path) -> set[str]:
    return {n["id"] for n in _graph(path)["nodes"]}




@contextlib.contextmanager
def listing_fails(folders: dict[Path, OSError | None], unreadable: tuple[Path, ...] = ()):
    """``os.scandir`` of each folder named fails: ``None`` removes the folder first (it vanishes while
    its parent is listed), an ``OSError`` is raised as the kernel raises it for a folder not readable;
    ``os.open`` of each file in ``unreadable`` is refused, as for a file without read permission."""
    real = os.scandir
    real_open = os.open
    refused = {os.fspath(f) for f in unreadable}

    def open_(path, flags, *args, **kw):
        if not isinstance(path, int) and os.fspath(path) in refused:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args, **kw)

    def scandir(path="."):
        for folder, exc in folders.items():
            if not isinstance(path, int) and os.fspath(path) == os.fspath(folder):
                if exc is None:
                    shutil.rmtree(folder, ignore_errors=True)
                else:
                    raise exc
        return real(path)

    os.scandir, os.open = scandir, open_
    try:
        yield
    finally:
        os.scandir, os.open = real, real_open


# -- 3. an unclosed <![ in a page or a record -------------------------------------

def test_hostile3_unclosed_marked_section_in_a_page_or_a_record_is_read(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(f"<!DOCTYPE html><body><p>{SECOND}</p><![ x", encoding="utf-8")
    (src / "feed.jsonl").write_text(json.dumps({"id": "r", "text": "<html><body><p>Japan and India announced "
                                                "a new rail link.</p><![ if"}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code, lines = run(capsys, src, page, "-o", out / "g.html", "--json", out / "g.json")
    assert code == cli.EXIT_OK, lines
    assert not any("internal error" in line for line in lines)
    assert _docs(out / "g.json") == {"good.txt", str(page), "r"}
    assert {"country:NO", "country:KE", "country:JP", "country:IN"} <= _nodes(out / "g.json")


def test_hostile3_a_page_the_html_parser_fails_on_is_that_pages_skip(tmp_path, capsys, monkeypatch):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "page.txt").write_text(f"<html><p>{SECOND}</p>", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "r", "text": "<html><p>Oslo</p>"}) + "\n",
                                         encoding="utf-8")

    def broken(page):
        raise AssertionError("expected name token at '<![ x'")

    monkeypatch.setattr(reader, "html_to_text", broken)
    out = tmp_path / "out"
    code, lines = run(capsys, tmp_path, "-o", out / "g.html", "--json", out / "g.json")
    assert code == cli.EXIT_SKIPPED, lines
    assert (f"{tmp_path / 'page.txt'}: skipped: the HTML page cannot be read "
            "(AssertionError: expected name token at '<![ x')") in lines
    assert f"{tmp_path / 'feed.jsonl'}: skipped: line 1: the HTML page cannot be read " \
           "(AssertionError: expected name token at '<![ x')" in lines
    assert _docs(out / "g.json") == {"good.txt"}


# -- 6. many unfinished tags ----------------------------------------------------------

FRAGMENTS = ["<a ", "</a ", "<!--", "<![ ", "<?", "<!x", '<a x="', "<p>Peru won.</p>", "Lima ", "&amp", "<", "&#"]


class ScanCounter:
    """Counts the constructs the parser found unfinished: each such look scans to the end of the page."""

    METHODS = ("parse_starttag", "parse_endtag", "parse_comment", "parse_pi", "parse_html_declaration")

    def __init__(self, monkeypatch) -> None:
        self.unfinished = 0
        for name in self.METHODS:
            real = getattr(HTMLParser, name)
            monkeypatch.setattr(HTMLParser, name, self._counting(real))

    def _counting(self, real):
        def method(parser, i):
            k = real(parser, i)
            self.unfinished += k < 0
            return k
        return method


def test_hostile3_unfinished_tags_are_scanned_once_not_once_each(monkeypatch):
    scans = ScanCounter(monkeypatch)
    text, _ = html_to_text("<html><body><p>Peru won.</p>" + "<a " * 3000)
    assert text == "Peru won."          # a browser shows nothing of an unfinished tag
    assert scans.unfinished <= 1        # was 3,000, each to the end of the page: 40 KB took 19 CPU seconds


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60), st.integers(1, 200))
def test_hostile3_any_mix_of_unfinished_markup_is_read_in_one_pass(monkeypatch, fragments, repeat):
    page = "<!DOCTYPE html><p>Peru won.</p>" + "".join(fragments) + fragments[-1] * repeat if fragments else ""
    with monkeypatch.context() as patched:  # one example's counter, undone before the next
        scans = ScanCounter(patched)
        text, _ = html_to_text(page)
    assert scans.unfinished <= 2
    assert "Peru won." in text or not page


# -- 7. a 1 MB token like a URL -----------------------------------------------------

def test_hostile3_a_long_run_without_spaces_is_one_token(nlp):
    url = "Http://X.Example/" + "Ab/" * 10_000   # tagged as one 20,000-token organisation before
    doc = nlp(f"Peru said. {url} today.")
    assert url in [t.text for t in doc] and len(doc) < 10


def test_hostile3_a_long_span_is_searched_for_a_title_at_its_end_only(blank_nlp, monkeypatch):
    from spacy.tokens import Doc

    from nlp.entities import spans

    words = ["Ab", "/"] * 2000 + ["President", "Ana", "Bell"]
    doc = Doc(blank_nlp.vocab, words=words, spaces=[False] * len(words), pos=["PROPN"] * len(words),
              ents=["B-ORG"] + ["I-ORG"] * (len(words) - 1))
    looked = []
    real = lexicons.role_match
    monkeypatch.setattr(lexicons, "role_match", lambda ws: looked.append(len(ws)) or real(ws))
    assert spans._title_split(doc, 0, len(doc), "ORG") == (len(words) - 3, len(words) - 2, "official")
    assert sum(looked) <= 3 * (spans.MAX_NAME + 2)   # was 8 million words: each prefix of the span


# -- 8, 9. outputs on the corrections file, on quotes.csv ----------------------------

@pytest.mark.parametrize("flag", ["-o", "--json"])
def test_hostile3_an_output_on_the_corrections_file_is_a_usage_error(tmp_path, capsys, monkeypatch, flag):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    fixes = tmp_path / "fixes.csv"
    fixes.write_text(FIXES, encoding="utf-8")
    _no_parse(monkeypatch)
    args = ["-o", tmp_path / "g.html"] if flag != "-o" else []
    code, lines = run(capsys, tmp_path / "a.txt", *args, flag, fixes, "--corrections", fixes)
    assert code == cli.EXIT_FAILED
    assert lines[-1].startswith(f"newsgraph: {flag} {fixes} is also the --corrections file")
    assert fixes.read_text(encoding="utf-8") == FIXES


def test_hostile3_json_on_the_csv_folders_quotes_file_is_a_usage_error(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    _no_parse(monkeypatch)
    out = tmp_path / "out"
    code, lines = run(capsys, tmp_path / "a.txt", "-o", tmp_path / "g.html", "--csv", out,
                      "--json", out / "quotes.csv")
    assert code == cli.EXIT_FAILED
    assert lines[-1] == f"newsgraph: --json and --csv both name {out / 'quotes.csv'}: give each output its own path"


def test_hostile3_a_folder_named_quotes_csv_is_found_before_parsing(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "out" / "quotes.csv").mkdir(parents=True)
    _no_parse(monkeypatch)
    code, lines = run(capsys, tmp_path / "a.txt", "-o", tmp_path / "g.html", "--csv", tmp_path / "out")
    assert code == cli.EXIT_FAILED
    assert lines == [f"newsgraph: cannot write {tmp_path / 'out' / 'quotes.csv'}: Is a directory"]


# -- 14, 15. a sub-folder that vanishes, or that cannot be read -------------------------

@pytest.mark.parametrize("failure, reason", [
    (None, errors.FOLDER_VANISHED),
    (PermissionError(13, "Permission denied"), errors.FOLDER_UNREADABLE.format(detail="Permission denied")),
])
def test_hostile3_a_subfolder_not_listed_is_its_own_skip(tmp_path, capsys, failure, reason):
    src = tmp_path / "in"
    for i, (text, _) in enumerate(ARTICLES.items()):
        (src / f"s{i}").mkdir(parents=True)
        (src / f"s{i}" / "a.txt").write_text(text, encoding="utf-8")
    (src / "s1" / "deeper").mkdir()
    bad = src / "s1" / "deeper"
    (bad / "x.txt").write_text(GOOD, encoding="utf-8")
    if failure is not None:
        failure.filename = str(bad)
    out = tmp_path / "out"
    with listing_fails({bad: failure}):
        code, lines = run(capsys, src, "-o", out / "g.html", "--json", out / "g.json")
    assert code == cli.EXIT_SKIPPED, lines
    assert f"{bad}: skipped: {reason}" in lines
    assert _docs(out / "g.json") == {f"s{i}/a.txt" for i in range(4)}
    assert lines[-1].startswith("processed 4 documents, skipped 1")


# -- 16. the Python API given one string, or things that are not texts ---------------

@pytest.mark.parametrize("items, message", [
    ("Peru.txt", "not one str: write build(['Peru.txt'])"),
    ("seeds/", "not one str"),
    (Path("seeds"), "not one PosixPath"),
    ([None], "item 0 is NoneType"),
    (["Peru voted.", 123], "item 1 is int"),
    ([b"Peru voted."], "item 0 is bytes"),
])
def test_hostile3_api_refuses_one_string_and_items_that_are_not_texts(tmp_path, monkeypatch, items, message):
    from newsgraph.api import build

    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_text(GOOD, encoding="utf-8")
    _no_parse(monkeypatch)
    with pytest.raises(TypeError, match=re.escape(message)):
        build(items)


def test_hostile3_api_empty_text_is_a_skip_not_the_current_folder(tmp_path, monkeypatch):
    from newsgraph.api import documents_from

    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_text(GOOD, encoding="utf-8")
    with pytest.warns(UserWarning, match="text-0: skipped: the text is empty"):
        docs, skips = documents_from(["", SECOND])
    assert [d.text for d in docs] == [SECOND] and [s.path for s in skips] == ["text-0"]


# -- 17, 18. -o a pipe or /dev/null ----------------------------------------------------

def test_hostile3_output_to_dev_stdout_on_a_pipe(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "newsgraph", "build", str(tmp_path / "a.txt"), "--no-cache",
                           "--processes", "1", "-o", "/dev/stdout"], cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=300)
    assert proc.returncode == cli.EXIT_OK, proc.stderr
    assert proc.stdout.lstrip().lower().startswith(b"<!doctype html") and b"Peru" in proc.stdout
    assert b".part" not in proc.stderr


def test_hostile3_output_to_dev_null_writes_no_cache_beside_it(tmp_path, capsys, monkeypatch):
    from nlp.run import cache

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    opened = []
    real = cache.ExtractionCache
    monkeypatch.setattr(cache, "ExtractionCache", lambda path, **k: opened.append(str(path)) or real(path, **k))
    code, lines = run(capsys, tmp_path / "a.txt", "-o", "/dev/null", cache=True)
    assert code == cli.EXIT_OK, lines
    assert opened == []                  # was /dev/.newsgraph-cache.sqlite
    code, lines = run(capsys, tmp_path / "a.txt", "-o", "/dev/null", "--cache", tmp_path / "c.sqlite", cache=True)
    assert code == cli.EXIT_OK and opened == [str(tmp_path / "c.sqlite")]


# -- 19. a long output name; a name ending in / ----------------------------------------

def test_hostile3_an_output_name_of_250_characters_is_written(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    name = tmp_path / ("g" * 245 + ".html")
    code, lines = run(capsys, tmp_path / "a.txt", "-o", name, "--json", tmp_path / ("é" * 120 + ".json"))
    assert code == cli.EXIT_OK, lines
    assert "Peru" in name.read_text(encoding="utf-8")
    assert _docs(tmp_path / ("é" * 120 + ".json")) == {str(tmp_path / "a.txt")}
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize("flag", ["-o", "--json"])
def test_hostile3_an_output_name_ending_in_a_slash_is_a_usage_error(tmp_path, capsys, monkeypatch, flag):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    _no_parse(monkeypatch)
    args = ["-o", tmp_path / "g.html"] if flag != "-o" else []
    code, lines = run(capsys, tmp_path / "a.txt", *args, flag, f"{tmp_path}/newdir/")
    assert code == cli.EXIT_FAILED
    assert lines[-1].startswith(f"newsgraph: {flag} {tmp_path}/newdir/ names a folder: give a file name")
    assert not (tmp_path / "newdir").exists()


# -- 20. a live writer in another PID namespace ------------------------------------------

def test_hostile3_a_part_file_locked_by_a_live_writer_elsewhere_is_kept(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    live = tmp_path / ".g.html.999999999.x1y2.part"   # its PID means nothing here: another namespace
    live.write_text("half a page")
    fd = os.open(live, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)                 # as the writer there holds it
        code, lines = run(capsys, tmp_path / "a.txt", "-o", tmp_path / "g.html")
    finally:
        os.close(fd)
    assert code == cli.EXIT_OK, lines
    assert live.exists() and not any("removed" in line for line in lines)


def test_hostile3_a_writer_holds_its_part_file_until_it_is_in_place(tmp_path, monkeypatch):
    target = tmp_path / "g.json"
    with atomic.atomic_write(target) as fh:
        fh.write("{}")
        assert list(tmp_path.glob("*.part"))
        with monkeypatch.context() as m:  # seen by a run in another PID namespace: not our PID, not alive
            m.setattr(atomic, "_alive", lambda pid: False)
            m.setattr(atomic.os, "getpid", lambda: 1)
            assert atomic.stale_parts(target) == []
    assert target.read_text() == "{}"


# -- 23. an output folder that cannot be written ------------------------------------------

def test_hostile3_an_output_folder_not_writable_is_named_not_the_part_file(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()

    def refused(path):  # what mkstemp meets in a folder without write permission
        raise PermissionError(13, "Permission denied", str(path.parent / f".{path.name}.77.abcd.part"))

    monkeypatch.setattr(atomic, "_temporary", refused)
    _no_parse(monkeypatch)
    code, lines = run(capsys, tmp_path / "a.txt", "-o", out / "g.html")
    assert code == cli.EXIT_FAILED
    assert lines == [f"newsgraph: cannot write {out / 'g.html'}: Permission denied"]


# -- (a) any mix of good and bad inputs ---------------------------------------------------

BAD_FILES = {
    "bad-page.txt": "<!DOCTYPE html><![ x" + "<a " * 500,           # no visible text
    "bad-feed.jsonl": "{not json\n" + json.dumps({"id": "n", "title": "no text"}) + "\n",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "latin.txt": "Señora Núñez visited Bogotá.".encode("latin-1"),
    "empty.md": b"",
    "broken-link.txt": None,                                      # a link to nothing
    "unreadable.txt": GOOD,                                       # no read permission (os.open refused)
}
GOOD_FORMS = ["txt", "html", "jsonl", "messy-html"]


def _write_good(folder: Path, n: int, text: str, form: str) -> str:
    """One good article as a file of ``form``; its document id."""
    folder.mkdir(parents=True, exist_ok=True)
    if form == "jsonl":
        (folder / f"g{n}.jsonl").write_text("{broken\n" + json.dumps({"id": f"good-{n}", "text": text}) + "\n",
                                            encoding="utf-8")
        return f"good-{n}"
    if form in ("html", "messy-html"):
        tail = "<![ if" + "<a " * 50 if form == "messy-html" else ""
        (folder / f"g{n}.txt").write_text(f"<!DOCTYPE html><title>T</title><p>{text}</p>{tail}", encoding="utf-8")
    else:
        (folder / f"g{n}.txt").write_text(text, encoding="utf-8")
    return None


def _write_bad(folder: Path, name: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = BAD_FILES[name]
    if data is None:
        (folder / name).symlink_to(folder / "nowhere")
    elif isinstance(data, bytes):
        (folder / name).write_bytes(data)
    else:
        (folder / name).write_text(data, encoding="utf-8")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(good=st.lists(st.tuples(st.sampled_from(list(ARTICLES)), st.sampled_from(GOOD_FORMS), st.integers(0, 2)),
                     min_size=1, max_size=5),
       bad=st.lists(st.tuples(st.sampled_from([*BAD_FILES, "vanishing-folder", "unreadable-folder"]),
                              st.integers(0, 2)), min_size=1, max_size=5))
def test_hostile3_any_mix_keeps_every_good_article_and_exits_1(capsys, good, bad):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "in"
        failing: dict[Path, OSError | None] = {}
        unreadable = []
        expected_docs, expected_nodes = set(), set()
        for n, (text, form, sub) in enumerate(good):
            doc = _write_good(root / f"s{sub}", n, text, form)
            expected_docs.add(doc or f"s{sub}/g{n}.txt")
            expected_nodes |= ARTICLES[text]
        for n, (name, sub) in enumerate(bad):
            if name.endswith("-folder"):
                folder = root / f"s{sub}" / f"{name}-{n}"
                _write_bad(folder, "binary.txt")
                (folder / "lost.txt").write_text(GOOD, encoding="utf-8")
                failing[folder] = None if name.startswith("vanishing") else \
                    PermissionError(13, "Permission denied", str(folder))
            else:
                _write_bad(root / f"s{sub}" / f"b{n}", name)
                if name == "unreadable.txt":
                    unreadable.append(root / f"s{sub}" / f"b{n}" / name)
        out = Path(tmp) / "out"
        with listing_fails(failing, tuple(unreadable)):
            code, lines = run(capsys, root, "-o", out / "g.html", "--json", out / "g.json")
        assert code == cli.EXIT_SKIPPED, lines
        assert _docs(out / "g.json") == expected_docs
        assert expected_nodes <= _nodes(out / "g.json")
