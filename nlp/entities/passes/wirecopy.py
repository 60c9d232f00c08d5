"""Entity passes for the parts of wire copy that are not prose: headline, byline, dateline, tables.

Names there are mentions that link nothing (see :mod:`nlp.entities.wire`
and :mod:`nlp.entities.shape`); in lines written in capitals a name counts
only where the story's prose confirms it.
"""
from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc

from nlp import lexicons
from nlp.entities import countries
from nlp.entities.candidates import Candidate, EntityContext, clean_surface, replace_overlapping
from nlp.entities.passes.clues import breaks_line, read_case, token_span
from nlp.entities.places import is_known_place
from nlp.entities.shape import in_non_prose
from nlp.entities.wire import is_caps, read_wire
from nlp.mentions import slug
from nlp.scan import text_of


def _place_candidate(doc: Doc, start: int, end: int) -> Candidate | None:
    """A place (or a country, when it is one's name) written at characters ``start:end``."""
    toks = token_span(doc, start, end)
    if toks is None:
        return None
    text = read_case(clean_surface(text_of(doc)[start:end]))
    if not any(ch.isalpha() for ch in text):
        return None
    hit = countries.lookup(text)
    c = Candidate(toks[0], toks[1], "GPE", text, toks[0], linked=False)
    if hit is not None and hit.via == "name":
        c.type, c.key = "country", f"country:{hit.code}"       # "SINGAPORE 1996-08-30", "ABUJA, Nigeria"
    else:
        c.type, c.key = "place", f"place:{slug(text)}"          # the dateline's city is a place, capital or not
    return c


def wire_copy(cx: EntityContext) -> None:
    """Headline, desk slug, byline, dateline, credit and sign-off are metadata, not prose.

    The dateline's city is a place and the region after it a country or a
    place ("LA CORUNA, Spain"); the byline's and the sign-off's name is a
    person; the desk slug ("SOCCER") names nothing. Every name in these
    parts is a mention that links nothing (see :mod:`nlp.entities.wire`).
    """
    doc, cands = cx.doc, cx.cands
    wire = read_wire(text_of(doc))
    if not wire.spans():
        return
    parts = wire.spans()
    for c in cands:
        span = doc[c.start:c.end] if c.end > c.start else None
        if span is None:
            continue
        if wire.desk and wire.desk[0] <= span.start_char and span.end_char <= wire.desk[1]:
            c.dropped = True
        elif any(s <= span.start_char and span.end_char <= e for s, e in parts):
            c.linked = False
    if wire.place:
        s, e = wire.place
        offset = s
        for city in text_of(doc)[s:e].split("/"):       # "ISLAMABAD/NEW DELHI": two cities
            new = _place_candidate(doc, offset, offset + len(city))
            if new is not None:
                replace_overlapping(cands, new)
            offset += len(city) + 1
    if wire.region:
        new = _place_candidate(doc, *wire.region)
        if new is not None:
            replace_overlapping(cands, new)
    if wire.signoff:
        _newsroom(doc, cands, wire)
    for name in (wire.byline, wire.reporter):
        toks = token_span(doc, *name) if name else None
        if toks:
            text = text_of(doc)[name[0]:name[1]]
            replace_overlapping(cands, Candidate(toks[0], toks[1], "PERSON", text, toks[0], "person",
                                       f"person:{slug(text)}", linked=False))
    cands.sort(key=lambda c: c.start)


def _newsroom(doc: Doc, cands: list[Candidate], wire) -> None:
    """ "-- Dmitry Solovyov, Moscow Newsroom": the newsroom of a sign-off is the wire's desk, an outlet --
    the agency of the story's credit, else the one outlet the story names, else its own -- not a person
    whose family name is "Newsroom" (and "Moscow" of the dateline no short form of it)."""
    s, e = wire.signoff
    outlets = {c.key for c in cands if not c.dropped and c.type == "outlet"}
    credit = lexicons.outlet_name(text_of(doc)[wire.credit[0]:wire.credit[1]]) if wire.credit else None
    for c in cands:
        if c.dropped or c.end <= c.start or not (s <= doc[c.start].idx < e) or doc[c.end - 1].lower_ != "newsroom":
            continue
        key = f"outlet:{slug(credit)}" if credit else next(iter(outlets)) if len(outlets) == 1 \
            else f"outlet:{slug(c.text)}"
        c.type, c.key, c.label, c.linked = "outlet", key, "OUTLET", False


def non_prose(cx: EntityContext) -> None:
    """What a table, a results line, standings or a list names is a mention only: it links nothing
    (see :mod:`nlp.entities.shape`); the one word that labels a row ("Attendance: 200") names nothing."""
    doc, cands = cx.doc, cx.cands
    for c in cands:
        if c.end > c.start and in_non_prose(text_of(doc), doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1])):
            c.linked = False
            if c.end - c.start == 1 and c.end < len(doc) and doc[c.end].text == ":" \
                    and (c.start == 0 or breaks_line(doc, c.start - 1)) and not is_known_place(c.text):
                c.dropped = True              # "Attendance: 200", "Scorers:": a row's label, no name


def _body_names(doc: Doc, cands: list[Candidate]) -> dict[str, Candidate]:
    """{folded name: its candidate} of the names the story's prose gives, family names of people included."""
    wire = read_wire(text_of(doc))
    names: dict[str, Candidate] = {}
    family: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        if c.dropped or not c.type or not c.key or c.end <= c.start or is_caps(c.text):
            continue
        if (wire.covers(doc[c.start].idx) or not c.linked) and c.label not in ("GPE", "PERSON"):
            continue                              # only the dateline's place and the byline's name confirm
        names.setdefault(lexicons.fold(c.text), c)
        if c.type == "person" and len(c.text.split()) > 1:
            family[lexicons.fold(c.text.split()[-1])].add(c.key)
    for word, keys in family.items():
        if len(keys) == 1 and word not in names:
            names[word] = next(c for c in cands if c.key in keys and c.type == "person")
    return names


#: longest name looked for in a line written in capitals, in tokens
_CAPS_NAME_TOKENS = 4


def _is_team_name(text: str) -> bool:
    """A town or state a sports table in capitals names: a place the gazetteer knows, no country.

    >>> _is_team_name("NEW YORK"), _is_team_name("AT"), _is_team_name("FRANCE")
    (True, False, False)
    """
    words = text.split()
    return len(text) >= 4 and all(w.isalpha() or "." in w for w in words) and not countries.lookup(text) \
        and not any(w.lower() in _TEAM_TABLE_WORDS for w in words) and is_known_place(read_case(text))


#: words of sports tables in capitals that are no team ("AT", "DIVISION", "LEAGUE")
_TEAM_TABLE_WORDS = frozenset({"at", "vs", "division", "league", "national", "american", "eastern", "western",
                               "central", "results", "standings", "games", "saturday", "sunday", "friday",
                               "monday", "tuesday", "wednesday", "thursday", "major", "cup", "round"})


def _team_or_venue(doc: Doc, start: int, text: str) -> tuple[str, str]:
    """Type and key of a town in a sports table: after "at" it is where the game is played, a place
    ("KANSAS CITY AT DETROIT": Detroit hosts); otherwise the town's team, an organisation."""
    if start > 0 and doc[start - 1].lower_ == "at":
        return "place", f"place:{slug(text)}"
    return "organization", f"org:{slug(text)}"


def caps_lines(cx: EntityContext) -> None:
    """Names in lines written in capitals count only where the story's prose confirms them.

    The small model reads capitals badly ("BRANDT NAMED AS ENGLAND
    CAPTAIN" gives "BRANDT NAMED" and misses "ENGLAND"). In the capital
    headline and in capital lines of tables, a name is kept only when the
    prose names it ("Tom Brandt" confirms "BRANDT") or it is a country's
    name; the words the prose names are found even where the model tagged
    nothing. Such a name takes the prose's entity. In a sports story's
    capital table lines a town or state the gazetteer knows is a team
    ("SAN DIEGO AT NEW YORK").
    """
    doc, cands = cx.doc, cx.cands
    wire = read_wire(text_of(doc))
    lines = []
    if wire.is_caps_headline():
        lines.append(wire.headline)
    for m in re.finditer(r"[^\n]+", text_of(doc)):
        if is_caps(m.group()) and not wire.covers(m.start(), m.end()) and in_non_prose(text_of(doc), m.start(), m.end()):
            lines.append((m.start(), m.end()))
    if not lines:
        return
    body = _body_names(doc, cands)
    team_table = wire.is_sports()          # a sports story's capital table lines list teams ("SAN DIEGO AT NEW YORK")
    for ls, le in lines:
        toks = token_span(doc, ls, le)
        if toks is None:
            continue
        for c in cands:
            if c.dropped or not (toks[0] <= c.start < toks[1]):
                continue
            hit = body.get(lexicons.fold(c.text))
            country = countries.lookup(c.text)
            if hit is not None:
                c.type, c.key = hit.type, hit.key
            elif country is not None and country.via == "name":
                c.type, c.key = "country", f"country:{country.code}"
            elif team_table and (ls, le) != wire.headline and _is_team_name(c.text):
                c.text = read_case(c.text)
                c.type, c.key = _team_or_venue(doc, c.start, c.text)
            elif c.type != "country":
                c.dropped = True
            c.linked = False
        taken = {i for c in cands if not c.dropped for i in range(c.start, c.end)}
        i = toks[0]
        while i < toks[1]:
            found = None
            for n in range(min(_CAPS_NAME_TOKENS, toks[1] - i), 0, -1):
                words = doc[i:i + n]
                if any(t.i in taken for t in words) or not words[0].is_alpha or not words[-1].is_alpha:
                    continue
                text = words.text
                hit = body.get(lexicons.fold(text))
                country = countries.lookup(text)
                if hit is not None:
                    found = Candidate(i, i + n, hit.label, text, i, hit.type, hit.key, linked=False)
                elif country is not None and country.via == "name" and text.isupper():
                    found = Candidate(i, i + n, "GPE", text, i, "country", f"country:{country.code}", linked=False)
                elif team_table and (ls, le) != wire.headline and _is_team_name(text):
                    found = Candidate(i, i + n, "ORG", read_case(text), i,
                                       *_team_or_venue(doc, i, read_case(text)), linked=False)
                if found:
                    break
            if found:
                cands.append(found)
                i = found.end
            else:
                i += 1
    cands.sort(key=lambda c: c.start)
