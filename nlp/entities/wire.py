"""Wire-copy structure: headline, desk slug, byline, dateline, wire credit and sign-off.

A wire story is not prose from its first character. Reuters and AFP copy
opens with a headline (often ALL-CAPS, often after a desk slug: "SOCCER -
BRANDT NAMED AS ENGLAND CAPTAIN."), may name its reporter on a line of his
own (the byline), and places and dates the story in a dateline ("LONDON
1996-08-30" on its own line, or "LIMA, May 2 (AFP) -" before the lead), and
may end with a sign-off ("-- Dublin Newsroom +353 1 676 9779"). These parts
are the story's metadata: what they name is a mention (the dateline's city
is a place, the byline's name a person), but they are not sentences, and
nothing in them is "named together" with the story.

:func:`read_wire` finds them by shape alone (pure text in, character spans
out, no model), so any step can call it: the entity step makes mentions of
them, the relation and quote steps can skip them.

Example
-------
>>> text = "SOCCER - BRANDT NAMED AS CAPTAIN.\\n\\nLONDON 1996-08-30\\n\\nTom Brandt was named captain."
>>> w = read_wire(text)
>>> text[slice(*w.headline)], text[slice(*w.desk)], text[slice(*w.place)], w.date
('SOCCER - BRANDT NAMED AS CAPTAIN.', 'SOCCER', 'LONDON', '1996-08-30')
>>> w.meta()
{'headline': 'SOCCER - BRANDT NAMED AS CAPTAIN.', 'desk': 'SOCCER', 'dateline': 'LONDON 1996-08-30', 'dateline_place': 'LONDON', 'date': '1996-08-30'}
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

Span = tuple[int, int]

#: how many of the first lines can hold the byline and dateline
HEAD_LINES = 4
#: longest headline, in words
MAX_HEADLINE_WORDS = 25
#: a city of a dateline: one to four words, capitalised, with "/" for two cities ("ISLAMABAD/NEW DELHI")
_CITY = r"[A-Z][A-Za-z.'\-]*(?:[ /][A-Z][A-Za-z.'\-]*){0,3}"
_CAPS_CITY = r"[A-Z][A-Z.'\-]*(?:[ /][A-Z][A-Z.'\-]*){0,3}"
#: a region after the city ("LA CORUNA, Spain", "MADISON, Wisconsin")
_REGION = r"[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,2}"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH} \d{{1,2}}(?:, \d{{4}})?)"
#: a wire credit: an agency's short name in parentheses ("(AFP)", "(Reuters)")
_CREDIT = r"\((?P<credit>[A-Z][A-Za-z\-]{1,15})\)"
#: "LONDON 1996-08-30", "LA CORUNA, Spain 1996-08-31": a dateline on its own line
_DATELINE_LINE = re.compile(rf"^(?P<city>{_CITY})(?:, (?P<region>{_REGION}))? (?P<date>{_DATE})\s*$")
#: "LIMA, May 2 (AFP) - ...", "ABUJA, Nigeria (AFP) - ...", "ISLAMABAD/NEW DELHI - ...": before the lead
_DATELINE_LEAD = re.compile(rf"^(?P<city>{_CAPS_CITY})(?:, (?P<region>{_REGION}))?(?:,? (?P<date>{_DATE}))?"
                            rf"(?: {_CREDIT})?\s*(?:-{{1,2}}|\u2013|\u2014)\s+(?=\S)")
#: a desk slug before the headline ("SOCCER - ", "RUGBY UNION - ", "Soccer - ")
_DESK = re.compile(r"^(?P<desk>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2}) - (?=\S)")
#: a byline: "By Jane Doe", or two to four capitalised words alone on a line ("Ana Lopes")
_BYLINE = re.compile(r"^(?:By |BY )?(?P<name>[A-Z][A-Za-z.'\-]+(?: (?:de|van|von|al|da|di|le|la|[A-Z][A-Za-z.'\-]*)){1,3})"
                     r"(?:,? (?:Reuters|AFP|AP|Associated Press))?\s*$")
#: a sign-off at the end: "-- Dublin Newsroom +353 1 676 9779", "-- Ana Lopes, Lisbon Newsroom 351-21 3125570"
_SIGNOFF = re.compile(r"^\s*-- ?(?P<who>[^\n]*?)\s*$")
#: the reporter a sign-off names before the newsroom
_SIGNOFF_NAME = re.compile(r"^\s*-- ?(?P<name>[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){1,3}), [A-Z][A-Za-z ]* [Nn]ewsroom")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class WireParts:
    """Character spans of a story's wire-copy parts (``None`` where the story has none)."""

    text: str
    headline: Span | None = None     # the headline line, desk slug included
    desk: Span | None = None         # the desk slug ("SOCCER")
    byline: Span | None = None       # the reporter's name
    dateline: Span | None = None     # the whole dateline ("LIMA, May 2 (AFP) -")
    place: Span | None = None        # the dateline's city
    region: Span | None = None       # the region or country after it ("Spain")
    credit: Span | None = None       # the agency of a wire credit ("AFP")
    signoff: Span | None = None      # the closing sign-off line
    reporter: Span | None = None     # a reporter named in the sign-off ("Ana Lopes, Lisbon Newsroom")
    date: str = ""                   # the dateline's date as written

    def spans(self) -> list[Span]:
        """Every part that is metadata rather than prose: headline, byline, dateline, sign-off.

        >>> w = read_wire("PERU VOTES.\\n\\nLIMA 1996-08-30\\n\\nPeru voted.")
        >>> [w.text[s:e] for s, e in w.spans()]
        ['PERU VOTES.', 'LIMA 1996-08-30']
        """
        return [s for s in (self.headline, self.byline, self.dateline, self.signoff) if s]

    def covers(self, start: int, end: int | None = None) -> bool:
        """True when characters ``start:end`` lie inside a metadata part."""
        end = start + 1 if end is None else end
        return any(s <= start and end <= e for s, e in self.spans())

    def is_sports(self) -> bool:
        """True when the desk slug names a sport: a sports story, whose place names are mostly teams."""
        return self.desk is not None and is_sports_desk(self.text[self.desk[0]:self.desk[1]])

    def is_caps_headline(self) -> bool:
        """True when the headline is written in capitals ("BRANDT NAMED AS ENGLAND CAPTAIN.")."""
        return self.headline is not None and is_caps(self.text[self.headline[0]:self.headline[1]])

    def meta(self) -> dict[str, str]:
        """The parts as document metadata: ``{headline, desk, byline, dateline, dateline_place, ...}``."""
        out: dict[str, str] = {}
        for name, span in (("headline", self.headline), ("desk", self.desk), ("byline", self.byline),
                           ("reporter", self.reporter),
                           ("dateline", self.dateline), ("dateline_place", self.place),
                           ("dateline_region", self.region), ("credit", self.credit)):
            if span:
                out[name] = " ".join(self.text[span[0]:span[1]].split()).rstrip(" -\u2013\u2014")
        if self.date:
            out["date"] = self.date
        return out


@lru_cache(maxsize=1)
def _sports() -> frozenset[str]:
    from importlib import resources

    with resources.files("nlp.data").joinpath("sports.txt").open(encoding="utf-8") as fh:
        return frozenset(ln.strip() for ln in fh if ln.strip() and not ln.startswith("#"))


def is_sports_desk(desk: str) -> bool:
    """True when a desk slug names a sport (``data/sports.txt``): "SOCCER", "RUGBY UNION", "Tennis".

    >>> is_sports_desk("RUGBY UNION"), is_sports_desk("Far East Gold")
    (True, False)
    """
    low = " ".join(desk.lower().split())
    return low in _sports() or any(w in _sports() for w in low.split()) and len(low.split()) <= 2


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def wire_meta(text: str, *, has_date: bool = False) -> tuple[tuple[str, str], ...]:
    """The wire parts of a story as document metadata pairs, for ``documents_meta``.

    ``headline``, ``desk``, ``byline``, ``reporter``, ``dateline``, ``dateline_place``,
    ``dateline_region`` and ``credit`` as written; the dateline's date becomes the document's
    ``date`` when the input gave none and it is an ISO date.

    >>> wire_meta("PERU VOTES.\\n\\nLIMA 1996-08-30\\n\\nPeru voted.")
    (('headline', 'PERU VOTES.'), ('dateline', 'LIMA 1996-08-30'), ('dateline_place', 'LIMA'), ('date', '1996-08-30'))
    >>> wire_meta("Peru voted.")
    ()
    """
    meta = read_wire(text).meta()
    date = meta.pop("date", "")
    if date and not has_date and _ISO_DATE.match(date):
        meta["date"] = date
    return tuple(meta.items())


def is_caps(text: str) -> bool:
    """Written in capitals: at least four letters and no more than one in ten lower case.

    >>> is_caps("BRANDT NAMED AS ENGLAND CAPTAIN."), is_caps("Brandt named"), is_caps("U.S.")
    (True, False, False)
    """
    letters = sum(map(str.isalpha, text))
    return letters >= 4 and sum(map(str.islower, text)) * 10 <= letters


def _lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _dateline_of_line(text: str, start: int, end: int) -> dict[str, Span | str] | None:
    """The dateline parts of one line, if it is or begins with a dateline."""
    line = text[start:end]
    for pattern in (_DATELINE_LINE, _DATELINE_LEAD):
        m = pattern.match(line)
        if not m:
            continue
        city = m.group("city")
        if pattern is _DATELINE_LEAD and (not is_caps(city.replace("/", "")) and len(city) > 3
                                          or not any(ch.islower() for ch in line[m.end():])):
            continue                      # "Peru - ..." is prose, "SOCCER - BRANDT ..." a headline: a lead follows
        parts: dict[str, Span | str] = {"dateline": (start, start + m.end()), "place": (start, start + m.end("city"))}
        if m.group("region"):
            parts["region"] = (start + m.start("region"), start + m.end("region"))
        if m.groupdict().get("credit"):
            parts["credit"] = (start + m.start("credit"), start + m.end("credit"))
        if m.group("date"):
            parts["date"] = m.group("date")
        return parts
    return None


def _is_byline(line: str) -> bool:
    m = _BYLINE.match(line)
    return bool(m) and not is_caps(line) and not line.rstrip().endswith(".")


@lru_cache(maxsize=32)
def read_wire(text: str) -> WireParts:
    """The wire-copy parts of a story, found by their shape in its first lines and its last.

    The headline is the first line when it is short and a byline or a
    dateline follows it, or when it stands alone (a blank line after it) and
    is written in capitals or ends without a full stop; a one-sentence lead
    paragraph is prose, and a line that is itself a dateline is never a
    headline.

    >>> t = "Porto prepares for vote.\\n\\nAna Lopes\\n\\nPORTO 1996-08-30\\nVoters in Porto queued."
    >>> w = read_wire(t)
    >>> t[slice(*w.headline)], t[slice(*w.byline)], t[slice(*w.place)]
    ('Porto prepares for vote.', 'Ana Lopes', 'PORTO')
    >>> t = "LIMA, May 2 (AFP) - Peru's president resigned on Friday."
    >>> w = read_wire(t)
    >>> t[slice(*w.dateline)], t[slice(*w.place)], t[slice(*w.credit)], w.headline
    ('LIMA, May 2 (AFP) -', 'LIMA', 'AFP', None)
    >>> read_wire("Peru voted on Sunday. Lima was calm.").spans()
    []
    """
    lines = _lines(text)
    if not lines:
        return WireParts(text)
    found: dict[str, Span | str] = {}
    head = lines[:HEAD_LINES]
    dateline_at = None
    for n, (s, e) in enumerate(head):
        parts = _dateline_of_line(text, s, e)
        if parts:
            found.update(parts)
            dateline_at = n
            if found["dateline"] != (s, e):          # a dateline before the lead: the line is prose after it
                found["dateline"] = _stripped(text, *found["dateline"])
            else:
                found["dateline"] = _stripped(text, s, e)
            break
    s0, e0 = lines[0]
    first = text[s0:e0].strip()
    alone = len(lines) > 1 and (text[e0:lines[1][0]].count("\n") >= 2 or dateline_at == 1
                                or _is_byline(text[lines[1][0]:lines[1][1]]))
    followed = dateline_at == 1 or len(lines) > 1 and _is_byline(text[lines[1][0]:lines[1][1]])
    unpunctuated = not first.endswith((".", "!", "?", '"', "\u201d", ":"))
    if dateline_at != 0 and len(lines) > 1 and len(first.split()) <= MAX_HEADLINE_WORDS \
            and (followed or alone and (unpunctuated or is_caps(first))):
        found["headline"] = _stripped(text, s0, e0)
        m = _DESK.match(text[s0:e0])
        if m and (is_caps(m.group("desk")) or not is_caps(first)):
            found["desk"] = (s0 + m.start("desk"), s0 + m.end("desk"))
    for n, (s, e) in enumerate(head[1:], 1):
        if dateline_at is not None and n > dateline_at + 1:
            break
        if n == dateline_at:
            continue
        m = _BYLINE.match(text[s:e])
        if m and _is_byline(text[s:e]) and (n < (dateline_at if dateline_at is not None else 3)):
            found["byline"] = (s + m.start("name"), s + m.end("name"))
            break
    if len(lines) > 2:
        s, e = lines[-1]
        m = _SIGNOFF.match(text[s:e])
        if m and m.group("who"):
            found["signoff"] = _stripped(text, s, e)
            m = _SIGNOFF_NAME.match(text[s:e])
            if m:
                found["reporter"] = (s + m.start("name"), s + m.end("name"))
    return WireParts(text, **found)
