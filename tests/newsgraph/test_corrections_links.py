"""Corrections per link (drop one, move an end, by ends and verb or by a document's sentence), a retype
that re-ids, ids that are gone followed everywhere, and the corrections file read safely with the right lines."""
from __future__ import annotations

import os
import threading

import pytest

from newsgraph import cli
from newsgraph.api import graph_of
from newsgraph.corrections import CorrectionsError, apply_corrections, parse_csv, parse_toml, read_corrections
from nlp.records import Entity, Evidence, Extraction, Mention, Relation, Quote
from tests.newsgraph.test_corrections import _entity, _extractions


def _graph(text, kind="csv", extractions=None):
    fixes = parse_csv(text, "fixes.csv") if kind == "csv" else parse_toml(text, "fixes.toml")
    return graph_of(extractions or _extractions(), corrections=fixes)


def _links(G):
    return {(u, v, d["verb"] or d["kind"]) for u, v, d in G.edges(data=True)}


@pytest.mark.parametrize("ref", ["Ana Ruiz -meet-> Chile", "person:ana-ruiz -meet-> country:CL",
                                 "Ana Ruiz -meet-> Chile @ d1 @ 3"])
def test_corrections_drop_link_removes_only_that_link(ref):
    G = _graph(f"drop-link,{ref}\n")
    assert ("person:ana-ruiz", "country:CL", "meet") not in _links(G)
    assert ("person:anita", "country:CL", "praise") in _links(G)
    assert "person:ana-ruiz" in G and "country:CL" in G
    [applied] = G.graph["corrections"]
    assert applied["fix"] == "drop-link" and applied["where"] == "fixes.csv:1"


@pytest.mark.parametrize("text, link", [
    ("move-link,Anita -praise-> Chile,source=Ana Ruiz\n", ("person:ana-ruiz", "country:CL", "praise")),
    ("move-link,Anita -praise-> Chile,target=Friday\n", ("person:anita", "place:friday", "praise")),
    # a co-occurrence link named the other way round (Anita -> Ana Ruiz), and an end moved by id
    ("move-link,Ana Ruiz -> Anita,source=country:CL\n", ("person:anita", "country:CL", "cooccurrence")),
])
def test_corrections_move_link_moves_one_end(text, link):
    G = _graph(text)
    assert link in _links(G)
    assert len(_links(G)) == 4
    assert G.graph["corrections"][0]["fix"] == "move-link"


@pytest.mark.parametrize("ref", ["d2 @ Anita praised Chile", "d2 @ 5"])
def test_corrections_drop_link_by_document_and_sentence(ref):
    G = _graph(f"drop-link,{ref}\n")
    assert not any(u == "person:anita" or v == "person:anita" for u, v in G.edges())
    assert ("person:ana-ruiz", "country:CL", "meet") in _links(G)


def test_corrections_a_sentence_moves_only_what_it_says():
    ev1, ev2 = Evidence("d", "Rio beat Lima.", 0, 14), Evidence("d", "Rio beat Lima again.", 15, 35)
    ents = [_entity("org:rio", "Rio", "organization", doc="d"), _entity("place:lima", "Lima", "place", doc="d"),
            _entity("org:lima-fc", "Lima FC", "organization", doc="d")]
    rel = Relation("org:rio", "place:lima", "action", "beat", "conflict", "fight", (ev1, ev2))
    done = apply_corrections(ents, [rel], parse_csv("move-link,Rio -beat-> Lima @ d @ again,target=Lima FC\n"))
    assert sorted((r.source, r.target, [e.start for e in r.evidence]) for r in done.relations) == [
        ("org:rio", "org:lima-fc", [15]), ("org:rio", "place:lima", [0])]


@pytest.mark.parametrize("text, why", [
    ("drop-link,Chile -attack-> Ana Ruiz\n", "matches no link"),
    ("drop-link,Ana Ruiz -meet-> Friday\n", "matches no link"),
    ("drop-link,Atlantis -meet-> Chile\n", "'Atlantis' matches no entity"),
    ("move-link,Ana Ruiz -meet-> Chile,target=Atlantis\n", "matches no entity"),
    ("drop-link,d9 @ Ana Ruiz met\n", "matches no link"),
])
def test_corrections_a_link_that_does_not_exist_is_reported(capsys, text, why):
    G = _graph("# links\n" + text)
    err = capsys.readouterr().err
    assert "fixes.csv:2" in err and why in err and "not applied" in err
    assert G.graph["corrections"] == [] and G.number_of_edges() == 4


@pytest.mark.parametrize("text, message", [
    ("drop-link,Ana Ruiz,\n", "names no link"),
    ("move-link,A -> B,middle=C\n", "source=ENTITY or target=ENTITY"),
    ("move-link,A -> B,\n", "needs a value"),
])
def test_corrections_a_link_fix_that_makes_no_sense_is_an_error(text, message):
    with pytest.raises(CorrectionsError, match=message) as err:
        parse_csv(text, "fixes.csv")
    assert "fixes.csv:1" in str(err.value)


def test_corrections_retype_gives_the_id_of_the_new_type():
    G = _graph("type,place:friday,organization\nrole,place:friday,sponsor\n")
    assert "place:friday" not in G and G.nodes["org:friday"]["type"] == "organization"
    assert G.nodes["org:friday"]["roles"] == ["sponsor"]               # the old id still finds it
    assert ("person:ana-ruiz", "org:friday", "cooccurrence") in _links(G)
    assert G.graph["corrections"][0]["ids"] == ["place:friday", "org:friday"]


@pytest.mark.parametrize("key, typ, new", [("org:sigit-harjojudanto", "person", "person:sigit-harjojudanto"),
                                           ("person:ana-ruiz", "official", "person:ana-ruiz")])
def test_corrections_retype_keys(key, typ, new):
    done = apply_corrections([_entity(key, "X Y", "organization")], [], parse_csv(f"type,{key},{typ}\n"))
    assert [e.key for e in done.entities] == [new] and done.entities[0].type == typ


def _told():
    """Ana Ruiz of Chile told that Peru attacked Bolivia; 'Anita' of 'Chilean Navy'."""
    ev = Evidence("d", "Ana Ruiz said Peru attacked Bolivia.", 0, 36)
    ents = (Entity("person:ana-ruiz", "Ana Ruiz", "person", affiliation="country:CL",
                   mentions=(Mention("d", 0, 8, "Ana Ruiz", "person"),)),
            Entity("person:anita", "Anita", "person", affiliation="org:navy",
                   mentions=(Mention("d", 40, 45, "Anita", "person"),)),
            _entity("country:CL", "Chile", "country", doc="d"), _entity("org:navy", "Navy", "organization", doc="d"),
            _entity("country:PE", "Peru", "country", doc="d"), _entity("country:BO", "Bolivia", "country", doc="d"))
    rels = (Relation("country:PE", "country:BO", "action", "attack", "conflict", "fight", (ev,), reported=True,
                     reported_by="person:anita"),)
    return [Extraction("d", ents, rels)]


@pytest.mark.parametrize("text, affiliation, told_by", [
    ("merge,Anita,Ana Ruiz\nmerge,Navy,Chile\n", "country:CL", ["person:ana-ruiz"]),
    ("drop,Navy\ndrop,Anita\n", None, []),
    ("type,Navy,country\n", "country:navy", ["person:anita"]),
])
def test_corrections_merge_drop_and_retype_leave_no_id_that_is_not_a_node(text, affiliation, told_by):
    G = _graph(text, extractions=_told())
    for n, d in G.nodes(data=True):
        assert not d.get("affiliation") or d["affiliation"] in G, (n, d["affiliation"])
    for _, _, d in G.edges(data=True):
        assert all(k in G for k in d.get("reported_by", [])), d["reported_by"]
    (attack,) = [d for _, _, d in G.edges(data=True) if d["verb"] == "attack"]
    assert attack["reported_by"] == told_by
    if affiliation:
        who = "person:ana-ruiz" if "person:anita" not in G else "person:anita"
        assert G.nodes[who]["affiliation"] == affiliation


def test_corrections_quotes_follow_a_retype():
    ex = Extraction("d", (_entity("org:sigit", "Sigit", "organization", doc="d"),),
                    quotes=(Quote("d", 10, 20, "We will go", "org:sigit", "say"),))
    G = graph_of([ex], corrections=parse_csv("type,Sigit,person\n"))
    assert G.graph["quotes"][0]["speaker"] == "person:sigit"


# -- reading the file ----------------------------------------------------------------


def test_corrections_toml_lines_are_the_lines_of_the_fixes():
    text = ('# fixes\n\nfixes = [\n  {action = "drop", entity = "Friday"},\n'
            '  {action = "drop", entity = "Tuesday"},  # a comment with {braces}\n\n'
            '  {action = "rename", entity = "Chile", value = """a\n{b}"""}, {action = "drop", entity = "x"},\n]\n')
    assert [f.where for f in parse_toml(text, "fixes.toml")] == ["fixes.toml:4", "fixes.toml:5", "fixes.toml:7",
                                                                 "fixes.toml:8"]
    tables = '[[fix]]\naction = "drop"\nentity = "Chile"\n\n[[fix]]\naction = "drop"\nentity = "Chile"\n'
    assert [f.where for f in parse_toml(tables, "f.toml")] == ["f.toml:1", "f.toml:5"]


def test_corrections_csv_lines_count_values_over_several_lines():
    text = 'action,entity,value\nrole,Ana Ruiz,"envoy;\nminister"\n\nrole,Chile,x\nbad,Chile\n'
    with pytest.raises(CorrectionsError, match="unknown fix 'bad'") as err:
        parse_csv(text, "fixes.csv")
    assert str(err.value).startswith("fixes.csv:6:")
    assert [f.where for f in parse_csv(text.rsplit("bad", 1)[0], "fixes.csv")] == ["fixes.csv:2", "fixes.csv:5"]


@pytest.mark.parametrize("text, message", [
    ("fixes = " + "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('fixes = [{action = "drop", entity = ' + "9" * 5000 + "}]", "not valid TOML"),
    ('fixes = [{action = "drop", entity = ["a", "b"]}]', "are text, in quotes"),
])
def test_corrections_hostile_toml_is_an_error_not_a_crash(text, message):
    with pytest.raises(CorrectionsError, match=message):
        parse_toml(text, "fixes.toml")


def test_corrections_toml_with_both_forms_is_an_error():
    text = 'fixes = [{action = "drop", entity = "a"}]\n[[fix]]\naction = "drop"\nentity = "b"\n'
    with pytest.raises(CorrectionsError, match="both a list 'fixes' and \\[\\[fix\\]\\] tables"):
        parse_toml(text, "fixes.toml")


def _cli_fixes(tmp_path, capsys, path):
    (tmp_path / "a.txt").write_text("Peru met Chile.", encoding="utf-8")
    code = cli.main(["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "g.html"), "--no-cache",
                     "--corrections", str(path)])
    return code, capsys.readouterr().err


def test_corrections_cli_a_huge_value_names_file_and_line(tmp_path, capsys):
    (tmp_path / "fixes.csv").write_text("drop,Friday\nrole,Chile,\"" + "x" * 140_000 + "\"\n", encoding="utf-8")
    code, err = _cli_fixes(tmp_path, capsys, tmp_path / "fixes.csv")
    assert code == cli.EXIT_FAILED and "fixes.csv:2:" in err and "internal error" not in err
    assert not (tmp_path / "g.html").exists()


@pytest.mark.parametrize("make", [lambda d: "/dev/zero", lambda d: os.mkfifo(d / "fifo.csv") or d / "fifo.csv",
                                  lambda d: d])
def test_corrections_cli_a_device_pipe_or_folder_is_refused_at_once(tmp_path, capsys, make):
    path = make(tmp_path)
    got = []
    t = threading.Thread(target=lambda: got.append(_cli_fixes(tmp_path, capsys, path)), daemon=True)
    t.start()
    t.join(20)
    if t.is_alive():                                    # unblock the reader, so the test run can go on
        with open(path, "w") as f:
            f.write("")
        pytest.fail("reading the corrections file blocked")
    code, err = got[0]
    assert code == cli.EXIT_FAILED and "not a regular file" in err and str(path) in err


def test_corrections_read_refuses_a_file_too_large(tmp_path, monkeypatch):
    from newsgraph import fixes

    monkeypatch.setattr(fixes, "MAX_BYTES", 100)
    (tmp_path / "big.csv").write_text("drop,Friday\n" * 20, encoding="utf-8")
    with pytest.raises(CorrectionsError, match="big.csv: larger than"):
        read_corrections(tmp_path / "big.csv")
