"""Wire copy and non-prose: headline, byline, dateline and tables are mentions that link nothing.

The texts are short stories written for these tests in the shapes of
Reuters and AFP copy.
"""
from __future__ import annotations

import pytest

from nlp.entities.shape import is_non_prose, is_non_prose_line, non_prose_lines
from nlp.entities.sieve import extract_entities
from nlp.entities.wire import read_wire
from nlp.extract import extract
from nlp.records import Document

STORY = ("TENNIS - MORGAN BEATS COLLINS IN OSLO.\n\nAnna Berg\n\nOSLO 1997-05-02\n\n"
         "Jennifer Morgan of Canada beat Sarah Collins on Friday.\n"
         "Morgan said she was tired.\n")


def _part(text, span):
    return text[span[0]:span[1]] if span else None


@pytest.mark.parametrize("text, headline, byline, place, region, date", [
    (STORY, "TENNIS - MORGAN BEATS COLLINS IN OSLO.", "Anna Berg", "OSLO", None, "1997-05-02"),
    ("QUITO, Ecuador 1997-05-02\n\nEcuador voted.", None, None, "QUITO", "Ecuador", "1997-05-02"),
    ("Peru holds vote\n\nLIMA, May 2 (AFP) - Peru voted on Sunday.", "Peru holds vote", None, "LIMA", None, "May 2"),
    ("HANOI/VIENTIANE - Vietnam and Laos signed a deal.", None, None, "HANOI/VIENTIANE", None, ""),
])
def test_wire_parts_found_by_shape(text, headline, byline, place, region, date):
    w = read_wire(text)
    assert (_part(text, w.headline), _part(text, w.byline), _part(text, w.place), _part(text, w.region), w.date) \
        == (headline, byline, place, region, date)


@pytest.mark.parametrize("text", [
    "Peru voted on Sunday.\nLima was calm.",
    "Peru - a country of mountains - voted on Sunday.",
    "SOCCER - X.",
    "The minister said on Sunday that Lima was calm.\n\nShe left.",
])
def test_wire_prose_has_no_parts(text):
    assert read_wire(text).spans() == []


def test_wire_signoff_names_the_reporter():
    text = "Ecuador voted on Sunday.\nTurnout was high.\n-- Maria Ortiz, Quito Newsroom 593 2 555 0101"
    w = read_wire(text)
    assert _part(text, w.reporter) == "Maria Ortiz"
    assert w.covers(w.signoff[0], w.signoff[1])


@pytest.mark.parametrize("line, table", [
    ("3. Petra Novak (Czech Republic) 11.02 seconds", True),
    ("Lyon 3 Nantes 1 Lille 0", True),
    ("Kowalska, Novak, Berg, Lind, Ortiz, Silva.", True),
    ("EASTERN DIVISION", True),
    ("Team     W     L     PCT", True),
    ("Kowalska beat Novak 6-4 in the final on Friday.", False),
    ("The index rose 12.5 points to 4,310.2 in thin trade on Friday.", False),
])
def test_shape_non_prose_lines(line, table):
    assert is_non_prose_line(line) is table


def test_shape_headline_and_dateline_are_not_tables():
    assert non_prose_lines(STORY) == ()


@pytest.mark.model
def test_wire_dateline_city_is_a_place_that_links_nothing(nlp):
    ex = extract(nlp(STORY), Document("d1", STORY))
    by_key = {e.key: e for e in ex.entities}
    assert by_key["place:oslo"].type == "place"
    assert by_key["person:anna-berg"].type == "person"           # the byline's reporter
    linked = {k for r in ex.relations for k in (r.source, r.target)}
    assert "place:oslo" not in linked and "person:anna-berg" not in linked


@pytest.mark.model
def test_wire_caps_headline_names_only_what_the_story_confirms(nlp):
    entities = {e.key: e for e in extract_entities(nlp(STORY), "d1")[0]}
    morgan = entities["person:jennifer-morgan"]
    assert "MORGAN" in morgan.aliases                  # the headline's "MORGAN" is her
    assert not [k for k in entities if "tennis" in k or "beats" in k]
    assert all(m.text.isupper() is False or m.text in ("MORGAN", "COLLINS", "OSLO")
               for e in entities.values() for m in e.mentions)


@pytest.mark.model
def test_shape_results_table_makes_no_links(nlp):
    text = ("Results on Friday:\n1. Petra Novak (Czech Republic) 11.02\n2. Anna Lind (Sweden) 11.10\n"
            "3. Maria Silva (Brazil) 11.15\n")
    ex = extract(nlp(text), Document("d1", text))
    assert {"country:SE", "country:BR"} <= {e.key for e in ex.entities}
    assert [r for r in ex.relations] == []


@pytest.mark.model
def test_shape_scorecard_rows_of_one_number_make_no_links(nlp):
    # each row holds one number: too few for the numbers rule; run together, "run" took names of other rows
    text = ("Scoreboard of the match between Norvia and Kestland on Friday:\nNorvia\n"
            "T. Marlow c Ostrand b Pellin 44\nJ. Kettering run out 9\nA. Ostrand b Pellin 13\n"
            "R. Dauber not out 56\n")
    ex = extract(nlp(text), Document("d1", text))
    assert [r for r in ex.relations if r.kind != "cooccurrence" and r.verb == "run"] == []
    rows = [text[s:e] for s, e in non_prose_lines(text)]
    assert "J. Kettering run out 9" in rows and not any(r.startswith("Scoreboard") for r in rows)


def test_shape_short_prose_lines_are_no_rows():
    # one sentence a line, each ending as a sentence does: prose, whatever numbers it holds
    text = "Norvia beat Kestland 2-0.\nKestland lost 3 games.\nThe coach left in 1996.\n"
    assert non_prose_lines(text) == ()


@pytest.mark.model
def test_shape_is_non_prose_asks_of_a_sentence(nlp):
    doc = nlp("Novak beat Lind on Friday.\nLyon 3 Nantes 1 Lille 0 Metz 2\n")
    sents = list(doc.sents)
    assert not is_non_prose(sents[0])
    assert is_non_prose(sents[-1])


@pytest.mark.model
@pytest.mark.parametrize("text, place, country", [
    ("The minister flew to Nairobi on Monday.", "place:nairobi", None),
    ("Talks were held in Nairobi last week.", "place:nairobi", None),
    ("Nairobi said on Monday it would reopen the border.", None, "country:KE"),
    ("The Peruvian minister will visit Nairobi next month.", "place:nairobi", None),   # where one goes
    ("Nairobi supported the plan on Monday.", None, "country:KE"),                     # who acts
])
def test_entities_capital_is_a_place_where_it_is_a_location(nlp, text, place, country):
    keys = {e.key: e.type for e in extract_entities(nlp(text), "d1")[0]}
    if place:
        assert keys.get(place) == "place" and "country:KE" not in keys
    if country:
        assert keys.get(country) == "country" and "place:nairobi" not in keys


@pytest.mark.parametrize("desk, sport", [("SOCCER", True), ("RUGBY UNION", True), ("Tennis", True),
                                         ("Far East Gold", False), ("PRESS DIGEST", False)])
def test_wire_sports_desk(desk, sport):
    from nlp.entities.wire import is_sports_desk
    assert is_sports_desk(desk) is sport


@pytest.mark.model
def test_entities_sports_story_town_that_plays_is_a_team(nlp):
    text = ("SOCCER - A DRAW.\n\nLONDON 1997-06-01\n\n"
            "Newcastle drew with Southampton in London on Saturday.\n")
    types = {e.label: e.type for e in extract_entities(nlp(text), "d1")[0]}
    assert types.get("Newcastle") == "organization" and types.get("Southampton") == "organization"
    assert types.get("London") == "place"                       # where they played


@pytest.mark.model
def test_entities_town_outside_sports_stays_a_place(nlp):
    text = "Newcastle and Southampton were flooded on Saturday.\n"
    types = {e.label: e.type for e in extract_entities(nlp(text), "d1")[0]}
    assert "organization" not in {types.get("Newcastle"), types.get("Southampton")}


@pytest.mark.model
def test_entities_sports_home_nation_is_a_country(nlp):
    text = "SOCCER - A DRAW.\n\nLONDON 1997-06-01\n\nScotland drew with Newcastle in London on Saturday.\n"
    types = {e.label: (e.key, e.type) for e in extract_entities(nlp(text), "d1")[0]}
    assert types.get("Scotland") == ("country:GB-SCT", "country")


@pytest.mark.model
def test_wire_parts_are_document_metadata(nlp):
    from newsgraph.api import graph_of
    text = "PERU VOTES.\n\nCarlos Ruiz\n\nLIMA 1997-05-02\n\nPeru voted on Sunday.\n"
    doc = nlp(text)
    G = graph_of([extract(doc, Document("d1", text))])
    meta = G.graph["documents_meta"]["d1"]
    assert meta["headline"] == "PERU VOTES." and meta["byline"] == "Carlos Ruiz"
    assert meta["dateline_place"] == "LIMA" and meta["date"] == "1997-05-02"


@pytest.mark.model
def test_wire_date_never_overrides_the_input_date(nlp):
    text = "LIMA 1997-05-02\n\nPeru voted on Sunday.\n"
    ex = extract(nlp(text), Document("d1", text, date="2001-01-01"))
    assert dict(ex.meta)["date"] == "2001-01-01"


@pytest.mark.model
def test_entities_sports_capital_table_names_teams(nlp):
    text = ("BASEBALL - RESULTS.\n\nNEW YORK 1997-06-01\n\nResults of games played on Saturday:\n"
            "EASTERN DIVISION\nBOSTON AT SEATTLE\nDENVER AT PHOENIX\n")
    ex = extract(nlp(text), Document("d1", text))
    teams = {e.label for e in ex.entities if e.type == "organization"}
    venues = {e.label for e in ex.entities if e.type == "place"}
    assert {"Boston", "Denver"} <= teams and not {"Seattle", "Phoenix"} & teams
    assert {"Seattle", "Phoenix"} <= venues               # the town after "AT" is where the game is played
    assert not [e for e in ex.entities if "Division" in e.label or "Eastern" in e.label]
    assert [r for r in ex.relations if r.kind == "cooccurrence"] == []


@pytest.mark.model
def test_entities_sports_results_row_names_players(nlp):
    from nlp.entities.candidates import Candidate, EntityContext
    from nlp.entities.passes.sports import sports_teams
    text = "SOCCER - A WIN.\n\nLONDON 1997-06-01\n\nScorers:\nRomania - Dorin Petrescu (31st), Ion Marin (75th)\n"
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "Dorin")
    cands = [Candidate(start, start + 2, "ORG", "Dorin Petrescu", start, "organization", "org:dorin-petrescu")]
    sports_teams(EntityContext(doc, cands))
    assert (cands[0].type, cands[0].key) == ("person", "person:dorin-petrescu")


@pytest.mark.model
def test_entities_sports_roles_are_no_office(nlp):
    text = "SOCCER - NEW CAPTAIN.\n\nLONDON 1997-06-01\n\nFormer captain David Morgan will miss the match on Sunday.\n"
    people = {e.label: e.type for e in extract_entities(nlp(text), "d1")[0]}
    assert people.get("David Morgan") == "person"


@pytest.mark.model
def test_entities_sports_lineup_names_untagged_players(nlp):
    from nlp.entities.candidates import EntityContext
    from nlp.entities.passes.sports import sports_players
    text = "RUGBY UNION - TEAMS.\n\nLONDON 1997-06-01\n\nWales - 15 - Gareth Pryce, 14 - Owain Prydderch, 13 - Bayern Munich\n"
    doc = nlp(text)
    cands: list = []
    sports_players(EntityContext(doc, cands))
    labels = {c.text for c in cands}
    assert {"Gareth Pryce", "Owain Prydderch"} <= labels and "Bayern Munich" not in labels
    assert all(c.type == "person" and not c.linked for c in cands)


@pytest.mark.model
def test_entities_sports_table_rows_name_teams(nlp):
    text = ("SOCCER - NORDIC LEAGUE.\n\nOSLO 1997-06-01\n\nResults of matches on Sunday:\n"
            "Brakefield 2 Lindholm Rovers 1\nNorway 3 Finland 0\nDunmore (K) 1 Ashby 1\n"
            "Standings (played, won, drawn, lost, points):\nBrakefield 4 3 1 0 10\nLindholm Rovers 4 2 1 1 7\n")
    ents = extract_entities(nlp(text), "d1")[0]
    types = {e.label: e.type for e in ents}
    assert types.get("Brakefield") == "organization"
    assert types.get("Lindholm Rovers") == "organization"
    assert types.get("Norway") == "country" and types.get("Finland") == "country"
    assert len([e for e in ents if e.label == "Brakefield"]) == 1
    assert types.get("Dunmore (K)") == "organization"         # the qualifier is part of the club's name


@pytest.mark.model
def test_entities_table_rows_outside_sports_name_no_team(nlp):
    from nlp.entities.candidates import EntityContext
    from nlp.entities.passes.sports import table_teams
    text = "MARKETS - STOCKS RISE.\n\nOSLO 1997-06-01\n\nStocks rose on Friday.\nBrakefield 4 3 1 0 10\n"
    cands: list = []
    table_teams(EntityContext(nlp(text), cands))
    assert cands == []


@pytest.mark.model
def test_wire_signoff_newsroom_is_the_wire_not_a_person(nlp):
    from nlp.entities.sieve import extract_entities
    text = ("Russia curbs barter deals.\n\nMOSCOW 1996-08-22\n\nRussia will clamp down on barter deals, an official "
            "told Reuters.\n\n-- Dmitry Sokolov, Moscow Newsroom, +7095 941 8520\n")
    ents = extract_entities(nlp(text), "d1")[0]
    assert not [e for e in ents if e.type in ("person", "official") and "Newsroom" in e.label]
    assert [e.type for e in ents if "Moscow Newsroom" in (e.label, *e.aliases)] == ["outlet"]
    assert not [e for e in ents if e.type in ("person", "official") and "MOSCOW" in (e.label, *e.aliases)]


def _sports_typed(nlp, text, word, prior="person"):
    from nlp.entities.candidates import Candidate, EntityContext
    from nlp.entities.passes.sports import sports_teams
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == word)
    cands = [Candidate(i, i + 1, "PERSON", word, i, prior, f"{prior}:{word.lower()}")]
    sports_teams(EntityContext(doc, cands))
    return cands[0].type


@pytest.mark.model
@pytest.mark.parametrize("sentence, word", [
    ("Kent stepped up a gear to dismiss Wexhamshire for 214.", "Wexhamshire"),
    ("Tarnby rallied for a 5-4 victory over the Brindleys on Saturday.", "Brindleys"),
    ("Rain fell early.\nWexhamshire beat Durham by nine wickets on Saturday.", "Wexhamshire"),
])
def test_entities_sports_side_of_a_game_is_a_team(nlp, sentence, word):
    """A name the model took for a person, which beats, is beaten or is what a win is over, is a side."""
    text = f"CRICKET - A WIN.\n\nLONDON 1997-06-01\n\n{sentence}\n"
    assert _sports_typed(nlp, text, word) == "organization"


@pytest.mark.model
def test_entities_sports_player_with_country_who_beats_stays_a_person(nlp):
    text = "TENNIS - RESULTS.\n\nLONDON 1997-06-01\n\nResults on Saturday:\nAna Wexley (Peru) beat Eva Tarn (Chile) 6-2\n"
    assert _sports_typed(nlp, text, "Wexley") == "person"


@pytest.mark.model
def test_an_abbreviation_counted_like_a_noun_is_no_organisation(nlp):
    # "six RBI": runs batted in, a unit; "three ANC officials": the abbreviation qualifies a noun, a name
    text = ("Varno slugger Teo Marsh had six RBI and Ivo Kade's RBI double won it for the Tigers on Friday. "
            "Three ANC officials watched the game with Teo Marsh.")
    ex = extract(nlp(text), Document("d1", text))
    labels = {e.label for e in ex.entities}
    assert "RBI" not in labels and "ANC" in labels
    assert not [r for r in ex.relations if "rbi" in r.source or "rbi" in r.target]
