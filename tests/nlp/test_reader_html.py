"""HTML pages are read as their visible text (markup removed), and said so; nothing in them runs."""
from __future__ import annotations

import json

import pytest

from nlp.reading import errors
from nlp.reading.errors import Note, Skip
from nlp.reading.html_text import html_to_text, looks_like_html
from nlp.reading.reader import read_inputs

PAGE = """<!DOCTYPE html>
<html><head><title>Talks in  Lima</title>
<meta charset="utf-8"><style>p { color: red }</style>
<script>document.write("Fake Person met Nobody.")</script></head>
<body><nav><a href="/">Home</a></nav>
<h1>Peru and Chile sign a treaty</h1>
<p>President Ana Bell of Peru met <b>Chile&#39;s</b> envoy in Lima &amp; Cusco.</p>
<p>Reuters reported the talks<br>ended on Friday.</p>
<noscript>Enable scripts</noscript><template><p>Hidden Template</p></template>
<!-- a comment: Secret Agent -->
</body></html>
"""


@pytest.mark.parametrize("page,text,title", [
    (PAGE, "Home\n\nPeru and Chile sign a treaty\n\nPresident Ana Bell of Peru met Chile's envoy in Lima & Cusco."
           "\n\nReuters reported the talks\nended on Friday.", "Talks in Lima"),
    ("<body><p>Oslo</p><p>Bern</p></body>", "Oslo\n\nBern", ""),
    ("<p>A <i>very</i>\n   long   line</p>", "A very\nlong line", ""),
    ("<p>&lt;script&gt;alert(1)&lt;/script&gt; said Ana.</p>", "<script>alert(1)</script> said Ana.", ""),
    ("<body>Quito<script>var s = '</p>Injected';</script> hosted Lima.</body>", "Quito hosted Lima.", ""),
    ("<body><svg><text>Drawn Name</text></svg>Rome</body>", "Rome", ""),
    ("<html><body><p>Unclosed <b>bold <i>and</p><p>Next", "Unclosed bold and\n\nNext", ""),
])
def test_html_text_keeps_visible_text_in_blocks(page, text, title):
    assert html_to_text(page) == (text, title)


@pytest.mark.parametrize("text,is_page", [
    ("<!DOCTYPE html><p>x</p>", True),
    ("  \n<!doctype HTML>\n<html>", True),
    ("<!-- saved --><html lang='en'>", True),
    ("<HTML><BODY>x", True),
    ("<body>x</body>", True),
    ("Use the <b> tag for bold.", False),
    ("<p>a fragment is kept as it is</p>", False),
    ("Peru <html> tags", False),
    ("<htmlx>", False),
])
def test_html_text_recognises_pages(text, is_page):
    assert looks_like_html(text) is is_page


@pytest.mark.parametrize("name", ["page.html", "page.htm", "saved.txt", "SAVED.HTML"])
def test_reader_html_page_read_as_text_and_said(tmp_path, name):
    (tmp_path / name).write_text(PAGE, encoding="utf-8")
    notes: list[Note] = []
    [doc] = read_inputs([str(tmp_path / name)], notify=notes.append)
    assert not isinstance(doc, Skip)
    assert "President Ana Bell of Peru met Chile's envoy in Lima & Cusco." in doc.text
    assert "<" not in doc.text and "document.write" not in doc.text and "Fake Person" not in doc.text
    assert doc.title == "Talks in Lima"
    assert notes == [Note(str(tmp_path / name), errors.HTML_STRIPPED)]


def test_reader_html_in_jsonl_text_stripped(tmp_path):
    rec = {"id": "p1", "text": PAGE, "title": "Given title"}
    (tmp_path / "f.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    notes: list[Note] = []
    [doc] = read_inputs([str(tmp_path / "f.jsonl")], notify=notes.append)
    assert doc.id == "p1" and doc.title == "Given title"
    assert "<" not in doc.text and "Ana Bell" in doc.text
    assert notes == [Note(str(tmp_path / "f.jsonl"), "line 1: " + errors.HTML_STRIPPED)]


@pytest.mark.parametrize("name,text", [
    ("tags.txt", "Use the <b> tag; Ana Bell wrote <i>this</i>."),
    ("code.md", "Peru <html> tags are not a page."),
])
def test_reader_text_mentioning_tags_kept_as_is(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    notes: list[Note] = []
    [doc] = read_inputs([str(tmp_path / name)], notify=notes.append)
    assert doc.text == text and notes == []


@pytest.mark.parametrize("page", ["<html><head><title>Only a title</title></head><body></body></html>",
                                  "<!DOCTYPE html><script>alert(1)</script>"])
def test_reader_html_page_without_text_skipped(tmp_path, page):
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    [skip] = read_inputs([str(tmp_path / "p.html")], notify=lambda n: None)
    assert skip == Skip(str(tmp_path / "p.html"), errors.HTML_NO_TEXT)
