"""Lines that are not prose: tables, scores, standings, results and lists, told by their shape.

A wire service sends sports results, league standings and market tables as
plain lines of text ("1. Michelle Freeman (Jamaica) 12.71 seconds", "Chelsea
2 Everton 2", "W L PCT GB", "Given, Breen, Staunton, Irwin, ..."). Read as
sentences they make nodes of whole rows and link every name in a row, or a
whole table, with every other. What such a line names is still a mention,
but it is no sentence: nothing in it is "named together" or acts.

A line is non-prose by shape alone, no model needed:

- numbers: at least two numeric tokens and they make up a third of its
  tokens, or a fifth when hardly any word is written in lower case (prose
  is held together by lower-case function words; rows are not); or a
  short line of a number and no lower-case word ("Attendance: 200");
- columns: two or more runs of several spaces or a tab;
- lists: four or more comma-separated items of at most four words each,
  with hardly a lower-case word;
- capitals: a line in capitals that is not the headline (a table header,
  "NATIONAL LEAGUE", "W L PCT GB");
- rows: three or more consecutive short lines, each with a number, none
  ending as a sentence does (a scorecard: "A. Lopes run out 9", "B. Ruiz c
  Silva b Costa 56"; results: "Rui Sousa (Peru) beat Li Wei (China) 2-0"):
  one number a row is too few for the numbers rule, and the parser runs such
  rows together into one sentence whose verbs then reach across rows.

:func:`is_non_prose` asks it of a sentence (a spaCy ``Span``), for the
relation steps; :func:`non_prose_lines` gives the character spans.

Example
-------
>>> text = "Romania beat Lithuania 2-1 on Friday.\\nScorers:\\nRomania - Cosmin Contra (31st), Mihai Tararache (75th)"
>>> [text[s:e] for s, e in non_prose_lines(text)]
['Romania - Cosmin Contra (31st), Mihai Tararache (75th)']
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Span

from nlp.entities.wire import is_caps, read_wire
from nlp.scan import text_of

_LINE = re.compile(r"[^\n]+")
_TOKEN = re.compile(r"\S+")
_NUMERIC = re.compile(r"^[(\[]?[-+$\u00a3]?\d[\d.,:/\-%]*(?:st|nd|rd|th|s|m|k)?[)\].,;:]*$")
_COLUMNS = re.compile(r"\S(?: {3,}|\t)\S")
#: a lower-case word: what holds prose together ("the", "of", "beat")
_LOWER_WORD = re.compile(r"^[(\"']?[a-z][a-z'\-]*[.,;:)\"']*$")
#: share of tokens that must be numbers in a line with lower-case words
NUMERIC_SHARE = 1 / 3
#: the share in a line where almost no word is lower case (a results row)
NUMERIC_SHARE_UNWORDED = 1 / 5
#: at most this share of lower-case words makes a line "unworded"
LOWER_SHARE_UNWORDED = 0.25
#: a short line with a number and no lower-case word is a row ("Attendance: 200")
SHORT_ROW_TOKENS = 4
#: items of a list line
MIN_LIST_ITEMS = 4
MAX_LIST_ITEM_WORDS = 4


def is_non_prose_line(line: str) -> bool:
    """True when one line of text is a table row, a score, a standings header or a list of names.

    >>> is_non_prose_line("1. Michelle Freeman (Jamaica) 12.71 seconds")
    True
    >>> is_non_prose_line("Chelsea 2 Everton 2 Coventry 1")
    True
    >>> is_non_prose_line("Given, Breen, Staunton, Irwin, McAteer, Harte, Quinn.")
    True
    >>> is_non_prose_line("NATIONAL LEAGUE"), is_non_prose_line("Attendance: 200")
    (True, True)
    >>> is_non_prose_line("The dollar rose to 1.4856 marks from 1.4800 in early trade on Friday.")
    False
    >>> is_non_prose_line("Romania beat Lithuania 2-1 (halftime 1-1) in their under-21 match on Friday.")
    False
    """
    toks = _TOKEN.findall(line)
    if not toks:
        return False
    if _COLUMNS.search(line.strip()) and len(_COLUMNS.findall(line.strip())) >= 2:
        return True
    numbers = sum(bool(_NUMERIC.match(t)) for t in toks)
    if numbers < 2 and len(toks) > 12 and line.count(",") + line.count(";") < MIN_LIST_ITEMS - 1:
        return False                                 # a sentence: no row, no list, too long for a header
    words = [t for t in toks if any(c.isalpha() for c in t) and not _NUMERIC.match(t)]
    lower = sum(bool(_LOWER_WORD.match(t)) for t in words)
    unworded = lower <= LOWER_SHARE_UNWORDED * max(1, len(words))
    if numbers >= 2 and numbers >= (NUMERIC_SHARE_UNWORDED if unworded else NUMERIC_SHARE) * len(toks):
        return True
    if numbers and unworded and len(toks) <= SHORT_ROW_TOKENS:
        return True                                  # "Attendance: 200", "Extras 12"
    items = [i for i in re.split(r"[,;]", line) if i.strip()]
    if len(items) >= MIN_LIST_ITEMS and unworded and all(len(i.split()) <= MAX_LIST_ITEM_WORDS for i in items):
        return True
    return len(toks) <= 12 and is_caps(line)


@lru_cache(maxsize=32)
def non_prose_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the lines of ``text`` that are not prose (the wire headline and dateline excepted).

    >>> non_prose_lines("PERU VOTES.\\n\\nLIMA 1996-08-30\\n\\nPeru voted.")
    ()
    """
    wire = read_wire(text)
    out: set[tuple[int, int]] = set()
    run: list[tuple[int, int]] = []        # consecutive row-like lines ("M. Lopes run out 9")
    for m in _LINE.finditer(text):
        line = m.group()
        if not line.strip() or wire.covers(m.start(), m.end()):
            continue
        if run and text.count("\n", run[-1][1], m.start()) > 1:
            run = []                       # a blank line ends a table
        if is_non_prose_line(line):
            out.add((m.start(), m.end()))
            run.append((m.start(), m.end()))
        elif _row_like(line):
            run.append((m.start(), m.end()))
            if len(run) >= MIN_ROWS:
                out.update(run)
                run = run[-1:]             # the rows so far are taken; the run goes on from this one
        else:
            run = []
    return tuple(sorted(out))


#: this many consecutive row-like lines make a table ("M. Lopes run out 9", "Rui Sousa (Peru) beat Li Wei (China) 2-0")
MIN_ROWS = 3
#: a row of a table is no longer than this
MAX_ROW_TOKENS = 12


def _row_like(line: str) -> bool:
    """A short line with a number that does not end as a sentence does: a row of a scoreboard or of results.

    >>> _row_like("M. Lopes run out 9"), _row_like("Rui Sousa (Peru) beat Li Wei (China) 2-0")
    (True, True)
    >>> _row_like("Peru won 2-0."), _row_like("Peru and Chile")
    (False, False)
    """
    toks = _TOKEN.findall(line)
    return 0 < len(toks) <= MAX_ROW_TOKENS and any(_NUMERIC.match(t) for t in toks) \
        and not line.rstrip().endswith((".", "?", "!", '"', "”", ":"))


def in_non_prose(text: str, start: int, end: int | None = None) -> bool:
    """True when characters ``start:end`` of ``text`` lie on a non-prose line.

    >>> t = "Peru won.\\nPeru 2 Chile 1"
    >>> in_non_prose(t, 0), in_non_prose(t, 10)
    (False, True)
    """
    lines = non_prose_lines(text)
    end = start + 1 if end is None else end
    k = bisect_right(lines, (start, float("inf"))) - 1
    return k >= 0 and lines[k][0] <= start and end <= lines[k][1]


def is_non_prose(sent: Span) -> bool:
    """True when most of a sentence's characters lie on non-prose lines or in the wire parts.

    A relation step skips such a sentence: it makes no co-occurrence and no action.

    >>> import spacy
    >>> doc = spacy.blank("en")("Peru beat Chile on Friday.\\nPeru 2 Chile 1 Bolivia 0 Ecuador 3")
    >>> is_non_prose(doc[0:6]), is_non_prose(doc[7:])
    (False, True)
    """
    text = text_of(sent.doc)
    start, end = sent.start_char, sent.end_char
    lines = non_prose_lines(text)
    k = max(0, bisect_right(lines, (start, float("inf"))) - 1)
    near = []                                # the sorted, disjoint lines that reach into the sentence
    while k < len(lines) and lines[k][0] < end:
        near.append(lines[k])
        k += 1
    spans = [*near, *read_wire(text).spans()]
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    visible = sum(1 for c in text[start:end] if not c.isspace()) or 1
    covered = sum(1 for s, e in spans for c in text[max(start, s):min(end, e)] if not c.isspace())
    return inside > 0 and covered * 2 > visible
