"""The readable text of an HTML page, with the standard library's ``html.parser``.

News often arrives as saved web pages. newsgraph does not refuse them: the
markup is removed and the text kept, block elements (paragraphs, headings,
list items, table cells) become paragraph breaks and ``<br>`` a line break,
so that sentences of different blocks never run together; character references are decoded, and
what is never shown to a reader (``<script>``, ``<style>``, ``<template>``,
``<noscript>``, comments, attributes) is dropped. The
``<title>`` is returned separately; it becomes the document's title.

Nothing in the page is executed or fetched: the parser only tokenises.

Example
-------
>>> page = "<html><head><title>Vote</title><script>alert(1)</script></head>"
>>> page += "<body><p>Ana Bell won.</p><p>Rome &amp; Paris cheered.</p></body></html>"
>>> html_to_text(page)
('Ana Bell won.\\n\\nRome & Paris cheered.', 'Vote')
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

#: elements whose content a reader never sees
HIDDEN_TAGS = frozenset({"script", "style", "template", "noscript", "svg", "math", "iframe", "object"})
#: elements that end a block of text (a paragraph break in the output)
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
})
#: elements with no end tag: they must not open a hidden section
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                       "track", "wbr"})

_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                         re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(r"[^\S\n]+")
_BREAKS = re.compile(r"\s*\n\s*(?:\n\s*)+")


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML page: it opens with a doctype, ``<html>``, ``<head>`` or ``<body>``.

    A text that merely mentions a tag ("the <b> tag") is not a page.

    >>> looks_like_html("<!DOCTYPE html><p>x</p>"), looks_like_html("Use the <b> tag.")
    (True, False)
    """
    return bool(_HTML_START.match(text[:4096]))


class _TextCollector(HTMLParser):
    """Collects visible text blocks and the title; hidden sections are skipped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._hidden: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in HIDDEN_TAGS and tag not in VOID_TAGS:
            self._hidden.append(tag)
        self._break(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._break(tag)

    def _break(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif self._hidden and tag in self._hidden:
            # close up to the matching open tag: unbalanced markup cannot hide the rest
            while self._hidden and self._hidden.pop() != tag:
                pass
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self.parts.append(data)

    def parse_html_declaration(self, i: int) -> int:
        """``<![`` not followed by ``CDATA[``, ``if`` or the like is a bogus comment (HTML5), not an error.

        The standard library raises ``AssertionError`` on ``<![ x`` (Python
        3.11; fixed upstream in gh-135462): one such page ended the whole run.
        """
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1

    def close(self) -> None:
        """End the page as HTML5 does: an unfinished tag, comment or declaration at the end holds no text.

        The standard library (Python 3.11) reads such a tail one ``<`` at a
        time, scanning to the end each time: a page of 40,000 unfinished
        ``<a `` tags took 19 CPU seconds, 1 MB would take hours (gh-135462).
        What :meth:`feed` could not finish is the unfinished construct and
        what follows it, which a browser shows nothing of either.
        """
        if self.rawdata.startswith("<") and not self.cdata_elem:
            self.rawdata = ""
        super().close()


def html_to_text(page: str) -> tuple[str, str]:
    """``(text, title)`` of an HTML page: visible text in blocks, and the ``<title>``.

    >>> html_to_text("<body><h1>Lima</h1>Rain<br>and wind</body>")
    ('Lima\\n\\nRain\\nand wind', '')
    """
    parser = _TextCollector()
    parser.feed(page)
    parser.close()
    text = _SPACES.sub(" ", "".join(parser.parts))
    text = _BREAKS.sub("\n\n", text)
    text = "\n".join(line.strip() for line in text.split("\n")).strip()
    title = " ".join("".join(parser.title).split())
    return text, title
