"""Corrections a person writes: each fix, fixes that match nothing, bad files,
and a cached rebuild that takes new corrections without parsing again."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsgraph.corrections import CorrectionsError, Fix, apply_corrections, parse_csv, parse_toml, read_corrections
from newsgraph.api import graph_of
from nlp.records import Entity, Evidence, Extraction, Mention, Relation
from tests.conftest import ROOT


def _entity(key, label, typ, doc="d1", aliases=(), roles=()):
    return Entity(key, label, typ, aliases=tuple(aliases), roles=tuple(roles),
                  mentions=(Mention(doc, 0, len(label), label, typ),))


def _extractions():
    """Two short made-up reports: 'Anita' (her nickname) was not joined to
    'Ana Ruiz', and 'Friday' was taken for a place."""
    ev = Evidence("d1", "Ana Ruiz met Chile's envoy.", 0, 27)
    one = Extraction("d1", (_entity("person:ana-ruiz", "Ana Ruiz", "person", roles=("envoy",)),
                            _entity("country:CL", "Chile", "country", aliases=("Chilean",)),
                            _entity("place:friday", "Friday", "place")),
                     (Relation("person:ana-ruiz", "country:CL", "action", "meet", "cooperation", "meet", (ev,)),
                      Relation("person:ana-ruiz", "place:friday", "cooccurrence", evidence=(ev,))))
    ev2 = Evidence("d2", "Anita praised Chile on Friday.", 0, 30)
    two = Extraction("d2", (_entity("person:anita", "Anita", "person", doc="d2", aliases=("Anita R.",)),
                            _entity("country:CL", "Chile", "country", doc="d2"),
                            _entity("place:friday", "Friday", "place", doc="d2")),
                     (Relation("person:anita", "country:CL", "action", "praise", "cooperation", "praise", (ev2,)),
                      Relation("person:anita", "person:ana-ruiz", "cooccurrence", evidence=(ev2,))))
    return [one, two]


def _graph(text, kind="csv"):
    fixes = parse_csv(text, "fixes.csv") if kind == "csv" else parse_toml(text, "fixes.toml")
    return graph_of(_extractions(), corrections=fixes)


@pytest.mark.parametrize("kind, text", [
    ("csv", "merge,anita,Ana Ruiz\n"),
    ("toml", 'fixes = [{action = "merge", entity = "person:anita", value = "person:ana-ruiz"}]\n'),
])
def test_corrections_merge_joins_names_mentions_and_links(kind, text):
    G = _graph(text, kind)
    assert "person:anita" not in G
    ana = G.nodes["person:ana-ruiz"]
    assert {"Anita", "Anita R."} <= set(ana["aliases"]) and ana["count"] == 2 and ana["docs"] == ["d1", "d2"]
    verbs = {(u, v, d["verb"]) for u, v, d in G.edges(data=True)}
    assert ("person:ana-ruiz", "country:CL", "praise") in verbs and ("person:ana-ruiz", "country:CL", "meet") in verbs
    assert not any(u == v for u, v in G.edges())  # the link between the two is gone, not a loop
    [applied] = G.graph["corrections"]
    assert applied["fix"] == "merge" and applied["ids"] == ["person:anita", "person:ana-ruiz"]


@pytest.mark.parametrize("text, node, field, value", [
    ("rename,Chile,Republic of Chile\n", "country:CL", "label", "Republic of Chile"),
    ("type,Ana Ruiz,official\n", "person:ana-ruiz", "type", "official"),
    ('role,Ana Ruiz,"foreign minister; envoy"\n', "person:ana-ruiz", "roles", ["foreign minister", "envoy"]),
    ("role,Ana Ruiz,\n", "person:ana-ruiz", "roles", []),
])
def test_corrections_rename_type_and_role(text, node, field, value):
    G = _graph(text)
    assert G.nodes[node][field] == value
    if field == "label":
        assert "Chile" in G.nodes[node]["aliases"]
    assert len(G.graph["corrections"]) == 1 and G.graph["corrections"][0]["where"] == "fixes.csv:1"


@pytest.mark.parametrize("ref", ["Friday", "place:friday", "FRIDAY"])
def test_corrections_drop_removes_the_entity_and_its_links(ref):
    G = _graph(f"drop,{ref}\n")
    assert "place:friday" not in G
    assert all("place:friday" not in (u, v) for u, v in G.edges())
    assert G.graph["corrections"][0]["ids"] == ["place:friday"]


@pytest.mark.parametrize("text, why", [
    ("drop,Tuesday\n", "matches no entity"),
    ("merge,Anita,Pedro Gil\n", "the entity to merge into matches no entity"),
    ("merge,Anita,Anita R.\n", "already that entity"),
])
def test_corrections_a_fix_that_matches_nothing_is_named_on_stderr(capsys, text, why):
    G = _graph(text)
    err = capsys.readouterr().err
    assert "fixes.csv:1" in err and why in err and "not applied" in err
    assert G.graph["corrections"] == [] and G.number_of_nodes() == 4  # Ana Ruiz, Anita, Chile, Friday


@pytest.mark.parametrize("name", ["Rio"])
def test_corrections_a_name_of_two_entities_is_refused(name):
    ents = [_entity("place:rio", name, "place"), _entity("person:rio", name, "person")]
    done = apply_corrections(ents, [], [Fix("drop", name, where="c.csv:1")])
    assert len(done.entities) == 2 and "use an id" in done.unmatched[0][1]


@pytest.mark.parametrize("order", ["merge then rename"])
def test_corrections_each_fix_sees_the_ones_before(order):
    G = _graph("merge,Anita,Ana Ruiz\nrename,Anita,Ana María Ruiz\n")
    assert G.nodes["person:ana-ruiz"]["label"] == "Ana María Ruiz"
    assert "Ana Ruiz" in G.nodes["person:ana-ruiz"]["aliases"]
    assert [c["fix"] for c in G.graph["corrections"]] == ["merge", "rename"]


@pytest.mark.parametrize("text, message", [
    ("retitle,Chile,x\n", "unknown fix 'retitle'"),
    ("type,Chile,planet\n", "unknown type 'planet'"),
    ("merge,Chile\n", "needs a value"),
    ("drop,,\n", "names no entity"),
    ("drop,a,b,c\n", "4 columns"),
])
def test_corrections_a_bad_fix_is_an_error_naming_file_and_line(text, message):
    with pytest.raises(CorrectionsError, match=message) as err:
        parse_csv("action,entity,value\n" + text, "fixes.csv")
    assert "fixes.csv:2" in str(err.value)


@pytest.mark.parametrize("text, message", [("fixes = [", "not valid TOML"), ("drop = 'x'", "expected a list")])
def test_corrections_bad_toml_is_an_error(text, message):
    with pytest.raises(CorrectionsError, match=message):
        parse_toml(text, "fixes.toml")


@pytest.mark.parametrize("name", ["missing.csv"])
def test_corrections_a_missing_file_is_an_error(tmp_path, name):
    with pytest.raises(CorrectionsError, match="no such corrections file"):
        read_corrections(tmp_path / name)


ARTICLE = "Lucia Ferro met Peru's president in Lima. Ferro praised Peru. Reuters reported the talks."


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "newsgraph", "build", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


@pytest.mark.model
@pytest.mark.parametrize("fixes", [("drop,Reuters\n", "rename,Peru,Republic of Peru\ndrop,Atlantis\n")])
def test_corrections_cli_rebuild_from_the_cache_takes_new_corrections(tmp_path, fixes):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    common = [str(tmp_path / "a.txt"), "-o", str(tmp_path / "g.html"), "--json", str(tmp_path / "g.json"),
              "--cache", str(tmp_path / "cache.sqlite"), "--corrections", str(tmp_path / "fixes.csv")]
    (tmp_path / "fixes.csv").write_text(fixes[0], encoding="utf-8")
    first = _cli(*common)
    assert first.returncode == 0, first.stderr
    g1 = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    labels1 = {n["label"] for n in g1["nodes"]}
    assert "Reuters" not in labels1 and "Peru" in labels1
    assert [c["fix"] for c in g1["graph"]["corrections"]] == ["drop"]
    (tmp_path / "fixes.csv").write_text(fixes[1], encoding="utf-8")
    second = _cli(*common)
    assert second.returncode == 0, second.stderr
    assert "1 documents reused, 0 parsed anew" in second.stderr
    assert "drop 'Atlantis': matches no entity" in second.stderr
    g2 = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    labels2 = {n["label"] for n in g2["nodes"]}
    assert "Reuters" in labels2 and "Republic of Peru" in labels2 and "Peru" not in labels2
    assert [c["fix"] for c in g2["graph"]["corrections"]] == ["rename"]


@pytest.mark.parametrize("content", ["drop,Reuters,x,y\n"])
def test_corrections_cli_bad_file_stops_before_parsing(tmp_path, content):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "fixes.csv").write_text(content, encoding="utf-8")
    proc = _cli(str(tmp_path / "a.txt"), "-o", str(tmp_path / "g.html"), "--no-cache",
                "--corrections", str(tmp_path / "fixes.csv"))
    assert proc.returncode == 2 and "fixes.csv:1" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "g.html").exists()


def test_corrections_move_and_drop_what_quotes_refer_to():
    from nlp.records import Quote

    ex = Extraction("d", (Entity("person:lopes", "Lopes", "person", mentions=(Mention("d", 0, 5, "Lopes", "person"),)),
                          Entity("person:ana-lopes", "Ana Lopes", "official",
                                 mentions=(Mention("d", 10, 19, "Ana Lopes", "official"),)),
                          Entity("org:friday", "Friday", "organization",
                                 mentions=(Mention("d", 30, 36, "Friday", "organization"),))),
                    quotes=(Quote("d", 40, 52, "We will talk", "person:lopes", "say", "direct",
                                  names=("org:friday",)),))
    G = graph_of([ex], corrections=parse_csv("merge,Lopes,Ana Lopes\ndrop,Friday,\n", "fixes.csv"))
    (q,) = G.graph["quotes"]
    assert q["speaker"] == "person:ana-lopes" and q["names"] == []
