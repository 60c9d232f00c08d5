"""Entity passes for sports stories: players in rows and line-ups, teams in prose and in tables.

They run only in a story whose desk slug names a sport ("CRICKET - ...",
:meth:`nlp.entities.wire.WireParts.is_sports`).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from nlp import lexicons
from nlp.entities import countries
from nlp.entities.candidates import Candidate, EntityContext, replace_overlapping
from nlp.entities.names import NameIndex
from nlp.entities.passes.clues import PLACE_PREPS, as_location, breaks_line, looks_like_name, read_case, token_span
from nlp.entities.places import is_known_place
from nlp.entities.shape import in_non_prose
from nlp.entities.wire import read_wire
from nlp.mentions import slug
from nlp.scan import text_of


_INITIAL = re.compile(r"^[A-Z]\.$")


def _player_shaped(words: Span) -> bool:
    """Words shaped like a player's name: no town, country or organisation word in them ("Hansa Rostock" and
    "Bayern Munich" are clubs), no single capital letter ("W L" heads a table), ending in a full word."""
    text = words.text
    if _INITIAL.match(words[-1].text) or any(len(w.text) < 2 for w in words):
        return False
    if countries.lookup(text) or lexicons.has_org_head(text, min_words=1) or lexicons.outlet_name(text) \
            or lexicons.role_match([w.text for w in words]) is not None:
        return False
    return not any(is_known_place(w.text) for w in words if not _INITIAL.match(w.text))


def sports_players(cx: EntityContext) -> None:
    """In a sports story's results rows and line-ups, a run of two to four capitalised words the model
    left untagged, shaped like a name ("Jeff Wilson", "M. Waugh") and known to no gazetteer, is a player
    ("14 - Jeff Wilson, 13 - Walter Little", "Pablo Campana (Ecuador) 6-4")."""
    doc, cands = cx.doc, cx.cands
    wire = read_wire(text_of(doc))
    if not wire.is_sports():
        return
    taken = {i for c in cands if not c.dropped for i in range(c.ent_start, c.end)}
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in taken or not (tok.is_title or _INITIAL.match(tok.text)) or tok.pos_ != "PROPN" \
                or not in_non_prose(text_of(doc), tok.idx) or wire.covers(tok.idx):
            i += 1
            continue
        j = i
        while j < len(doc) and j - i < 4 and j not in taken and doc[j].pos_ == "PROPN" \
                and (doc[j].is_title or _INITIAL.match(doc[j].text)):
            j += 1
            if breaks_line(doc, j - 1):
                break                                  # a name ends with its row
        words = doc[i:j]
        text = words.text
        if 2 <= len(words) <= 4 and _player_shaped(words):
            cands.append(Candidate(i, j, "PERSON", text, i, "person", f"person:{slug(text)}", linked=False))
        i = max(j, i + 1)
    cands.sort(key=lambda c: c.start)


def _at_venue(doc: Doc, c: Candidate) -> bool:
    """The name is where a game is played: "at Headingley", "in Berlin", "Portsmouth: Middlesex 199"."""
    if as_location(doc, c):
        return True
    if c.start > 0 and doc[c.start - 1].lower_ in PLACE_PREPS:
        return True                                          # "At Hove: Sussex 363": the parse of a row is no help
    return c.end < len(doc) and doc[c.end].text in (":", "(") and doc[c.start].is_sent_start


#: verbs of a game: who does them, or has them done, is a side ("Kent dismissed Nottinghamshire for 214")
_GAME_VERBS = frozenset({"beat", "defeat", "dismiss", "thrash", "blank", "rout", "edge", "crush", "overpower",
                         "outplay", "whitewash", "sweep", "trounce", "hammer", "down", "hold", "draw", "tie"})
#: nouns of a game whose "over"/"against"/"to" names the other side ("a 5-4 victory over the Minnesota Twins")
_GAME_NOUNS = frozenset({"victory", "win", "winner", "defeat", "loss", "match", "game", "draw", "tie", "success",
                         "triumph", "lead", "advantage", "fixture", "clash", "final", "semifinal", "series"})


def _plays(doc: Doc, c: Candidate) -> bool:
    """The name is a side of a game in the prose: the subject or object of a game verb ("Derbyshire beat
    Worcestershire", "by reducing Worcestershire to 133") or what a game noun is over or against ("a
    victory over the Phillies", "their match against Nottinghamshire", "home defeat to Guingamp")."""
    if c.end < len(doc) and doc[c.end].text == "(":
        return False                                   # "Ana Ruiz (Peru) beat ...": a player and her country
    tok = doc[c.end - 1]
    while tok.dep_ == "compound" and tok.head.i < c.end and tok.head is not tok:
        tok = tok.head
    if tok.head.i >= c.start and tok.head.i < c.end:
        return False
    head = tok.head
    if tok.dep_ in ("nsubj", "dobj", "obj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_ in _GAME_VERBS:
        return True
    if tok.dep_ == "pobj" and head.lower_ in ("over", "against", "to"):
        owner = head.head
        if owner.lemma_.lower() in _GAME_NOUNS or (head.lower_ != "to" and owner.lemma_ in _GAME_VERBS):
            return True
    return False


def sports_teams(cx: EntityContext) -> None:
    """In a sports story (a desk slug that names a sport, "CRICKET - "), a town or county that plays is a
    team: an organisation ("Leicestershire beat Somerset", "Newcastle"), not the place; a country stays
    the country (its national side), and a place where a game is played stays a place ("at Headingley")."""
    doc, cands = cx.doc, cx.cands
    wire = read_wire(text_of(doc))
    if not wire.is_sports():
        return
    full = [c.text for c in cands if c.type == "person" and len(c.text.split()) > 1 and not c.dropped]
    names = NameIndex(full)                      # built once: each look-up costs the same
    full_words = {w for name in full for w in name.split()}
    for c in cands:
        if not c.dropped and c.type == "organization" and c.label == "ORG" and looks_like_name(doc, c) \
                and len(c.text.split()) <= 3 and in_non_prose(text_of(doc), doc[c.start].idx) \
                and _player_shaped(doc[c.start:c.end]):
            c.type, c.key = "person", f"person:{slug(c.text)}"    # "Romania - Cosmin Contra (31st)": a player
            continue
        if c.dropped or c.type not in ("place", "person"):
            continue
        if countries.constituent_country(c.text) and c.type == "place":
            c.type, c.key = "country", f"country:{countries.constituent_country(c.text)}"   # England's side
            continue
        if wire.covers(doc[c.start].idx) or countries.lookup(c.text) or _at_venue(doc, c):
            continue
        if c.type == "person" and (names.match(c.text) or c.text in full_words or len(c.text.split()) > 1
                                   or not (is_known_place(c.text) or _plays(doc, c))):
            continue
        c.type, c.key = "organization", f"org:{slug(c.text)}"


#: a word of a team's name in a table row ("Queens", "F.P.", "Heriot's", "Jed-Forest", "ST")
_TEAM_WORD = r"[A-Z][A-Za-z.'&\-]*"
_TEAM = rf"{_TEAM_WORD}(?: {_TEAM_WORD})*"
#: a standings row: the team, then three or more figures ("Stoke 4 3 1 0 7 4 10", "Haitai 64 2 43 .596 -")
_STANDINGS_ROW = re.compile(rf"^({_TEAM}(?: \([A-Za-z]{{1,3}}\))?) (?:[-.\d/]+ ){{2,}}[-.\d/]+\s*$")
#: a result row: team, score, team, score ("Bradford 1 Tranmere 0", "Pohang 3 Ulsan 2 (halftime 1-0)")
_RESULT_ROW = re.compile(rf"^({_TEAM}(?: \([A-Za-z]{{1,3}}\))?) (\d+) ({_TEAM}(?: \([A-Za-z]{{1,3}}\))?) (\d+)\b")
#: first words of rows that are no team: table headers, months, days
_ROW_HEADS = frozenset({"w", "p", "division", "group", "league", "standings", "results", "january", "february",
                        "march", "april", "may", "june", "july", "august", "september", "october", "november",
                        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "attendance", "halftime", "total", "extras", "note", "round", "week"})
#: the venue that heads a scorecard line ("Hove: ", "At The Oval (London): ")
_VENUE_HEAD = re.compile(r"^(?:At )?[A-Z][\w' .\-]{0,30}(?: \([^)]{1,30}\))?: ")
#: a scorecard part: a team and its score ("Sussex 363", "Kent 108-3", "Durham 4")
_SCORE_PART = re.compile(rf"({_TEAM}) \d+(?:-\d+)?(?![-.\d])(?! \d)")


def _scorecard_teams(line: str) -> list[tuple[int, int]]:
    """Teams of a scorecard line: each part outside parentheses, after the venue, that is a name and its
    score ("Hove: Sussex 363 (W. Athey 111), Lancashire 197-8"); a name with an initial is a player, and so
    is one with bowling figures ("Gough 8-0-39-3") or a golfer's rounds ("Mark Roe 69 71 78 73")."""
    head = _VENUE_HEAD.match(line)
    pos, depth, parts, begin = head.end() if head else 0, 0, [], head.end() if head else 0
    for i in range(pos, len(line)):
        ch = line[i]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and ch in ",;":
            parts.append(begin)
            begin = i + 1
    parts.append(begin)
    spans = []
    for p in parts:
        while p < len(line) and line[p] == " ":
            p += 1
        m = _SCORE_PART.match(line, p)
        if m and not any(len(w.rstrip(".")) == 1 for w in m.group(1).split()):
            spans.append(m.span(1))
    return spans


def table_row_teams(line: str) -> list[tuple[int, int]]:
    """Character spans of the teams a sports results or standings row names, by the row's shape alone.

    A team is what stands before the figures of a standings row, or each side of a result "A 2 B 1";
    a row that starts with a figure (a rank: "1. Olaf Ludwig") or a header word names no team.

    >>> row = "Queens Park Rangers 3 2 1 0 5 3 7"
    >>> [row[s:e] for s, e in table_row_teams(row)]
    ['Queens Park Rangers']
    >>> row = "Pohang 3 Ulsan 2 (halftime 1-0)"
    >>> [row[s:e] for s, e in table_row_teams(row)]
    ['Pohang', 'Ulsan']
    >>> row = "Hove: Sussex 363 (W. Athey 111; I. Austin 4-37), Lancashire 197-8"
    >>> [row[s:e] for s, e in table_row_teams(row)]
    ['Sussex', 'Lancashire']
    >>> table_row_teams("Bowling: Gough 8-0-39-3, Mullally 6-0-30-1"), table_row_teams("Mark Roe 69 71, Ian Law 70 70")
    ([], [])
    >>> table_row_teams("May 27 29 30 v Durham"), table_row_teams("W D L G F A P"), table_row_teams("1. Ludwig 4 5 6")
    ([], [], [])
    """
    m = _RESULT_ROW.match(line)
    spans = [m.span(1), m.span(3)] if m else []
    if not spans:
        m = _STANDINGS_ROW.match(line)
        spans = [m.span(1)] if m else []
    if not spans:
        spans = _scorecard_teams(line)
    return [(s, e) for s, e in spans if line[s:e].split()[0].lower() not in _ROW_HEADS and len(line[s:e]) > 1
            and not all(len(w) == 1 for w in line[s:e].split())]


def table_teams(cx: EntityContext) -> None:
    """In a sports story, the teams of results and standings rows are organisations ("Stoke 4 3 1 0 7 4
    10", "Bradford 1 Tranmere 0"): the model tags few of them, or as places and people, since a row has
    no grammar. A country stays the country (its national side, found even where the model missed it), and a row's name followed by a country
    in parentheses is a player ("Tom Lehman (U.S.) 66 67"), which the row shape already rules out."""
    doc, cands = cx.doc, cx.cands
    wire = read_wire(text_of(doc))
    if not wire.is_sports():
        return
    for m in re.finditer(r"[^\n]+", text_of(doc)):
        if wire.covers(m.start(), m.end()) or not in_non_prose(text_of(doc), m.start(), m.end()):
            continue
        for s, e in table_row_teams(m.group()):
            s, e = m.start() + s, m.start() + e
            text = read_case(text_of(doc)[s:e])
            toks = token_span(doc, s, e)
            if toks is None:
                continue
            same = next((c for c in cands if not c.dropped and (c.start, c.end) == toks), None)
            country = countries.lookup(text)
            if country is not None or countries.constituent_country(text):
                if same is None and country is not None and country.via == "name":
                    replace_overlapping(cands, Candidate(toks[0], toks[1], "GPE", text, toks[0], "country",
                                               f"country:{country.code}", linked=False))   # "Norway 3 Finland 0"
                continue
            if same is not None and same.type == "country":
                continue
            if same is not None:
                same.type, same.key, same.linked = "organization", f"org:{slug(text)}", False
            else:
                replace_overlapping(cands, Candidate(toks[0], toks[1], "ORG", text, toks[0], "organization",
                                           f"org:{slug(text)}", linked=False))
    cands.sort(key=lambda c: c.start)
