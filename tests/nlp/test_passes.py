"""The named passes: declared once, each switchable by argument, each doing the one job its summary names."""
from __future__ import annotations

import pytest

from nlp.extract import STEPS, extract, pass_names
from nlp.records import Document
from nlp.run.cache import ExtractionCache, extractor_version
from nlp.run.pipeline import extract_documents


def _types(nlp, text, skip=()):
    ex = extract(nlp(text), Document("d", text), skip=skip)
    return {e.label: e.type for e in ex.entities}, ex


def test_every_pass_is_named_once_and_says_what_it_does():
    names = pass_names()
    assert len(names) == len(set(names))
    assert STEPS["entities"][0].name == "joined_names"
    assert all(p.summary and callable(p.run) for ps in STEPS.values() for p in ps)


@pytest.mark.model
def test_switching_off_the_roles_pass_leaves_an_official_a_person(nlp):
    text = "Foreign Minister Dana Okafor met reporters in Lagos."
    assert _types(nlp, text)[0]["Dana Okafor"] == "official"
    assert _types(nlp, text, skip={"roles"})[0]["Dana Okafor"] == "person"


@pytest.mark.model
def test_switching_off_the_verb_pass_drops_the_action_but_keeps_cooccurrence(nlp):
    text = "Peruvian police arrested Pedro Castillo on Friday."
    assert {r.kind for r in _types(nlp, text)[1].relations} == {"action", "cooccurrence"}
    assert {r.kind for r in _types(nlp, text, skip={"verbs"})[1].relations} == {"cooccurrence"}


def test_an_unknown_pass_name_is_refused_with_the_valid_names(nlp):
    with pytest.raises(ValueError, match=r"unknown pass name 'rolez'; the passes are: joined_names, first_type, .*roles"):
        next(extract_documents([Document("d", "Peru voted.")], nlp, skip={"rolez"}))


def test_a_pass_switched_off_never_shares_cache_entries(tmp_path):
    on = extractor_version()
    assert extractor_version(skip={"roles"}) != on
    assert extractor_version(skip={"roles"}) != extractor_version(skip={"verbs"})
    with ExtractionCache(tmp_path / "c.sqlite", model="m") as plain, \
            ExtractionCache(tmp_path / "d.sqlite", model="m", skip={"roles"}) as off:
        assert plain.key(Document("d", "Peru.")) != off.key(Document("d", "Peru."))


def test_a_cache_opened_for_other_passes_is_refused(tmp_path, nlp):
    with ExtractionCache(tmp_path / "c.sqlite", model="m") as cache:
        with pytest.raises(ValueError, match="the cache was opened for"):
            next(extract_documents([Document("d", "Peru voted.")], nlp, cache=cache, skip={"roles"}))


@pytest.mark.model
def test_the_pass_switched_off_reaches_worker_processes(nlp):
    from nlp.run import pipeline

    docs = [Document(f"d{i}", "Foreign Minister Dana Okafor met reporters in Lagos. " * 40) for i in range(20)]
    types = {e.type for ex in extract_documents(docs, nlp, n_process=2, skip={"roles"}) for e in ex.entities
             if e.label == "Dana Okafor"}
    assert sum(len(d.text) for d in docs) > pipeline.WORKER_CHUNK_CHARS and types == {"person"}


def test_the_api_and_the_cli_refuse_an_unknown_pass_up_front(tmp_path, capsys):
    from newsgraph import build, cli

    with pytest.raises(ValueError, match="unknown pass name 'rolez'"):
        build(["no/such/file.txt"], skip=["rolez"])
    code = cli.main(["build", "--skip-passes", "roles,rolez", "-o", str(tmp_path / "g.html"), "--no-cache"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == cli.EXIT_FAILED and not (tmp_path / "g.html").exists()
    assert err == [err[0]] and err[0].startswith("newsgraph: --skip-passes: unknown pass name 'rolez'; the passes are:")


def test_the_cli_switches_a_pass_off_by_option_or_environment(tmp_path, monkeypatch):
    import json

    from newsgraph import cli

    (tmp_path / "a.txt").write_text("Foreign Minister Dana Okafor met reporters in Lagos.")

    def okafor(*flags):
        out = tmp_path / "g.json"
        assert cli.main(["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "g.html"), "--json", str(out),
                         "--quiet", "--processes", "1", *flags]) == cli.EXIT_OK
        return next(n["type"] for n in json.loads(out.read_text())["nodes"] if n["label"] == "Dana Okafor")

    assert okafor() == "official"
    assert okafor("--skip-passes", "roles") == "person"      # the same cache file: another key
    assert okafor() == "official"
    monkeypatch.setenv(cli.SKIP_ENV, "roles")
    assert okafor() == "person"
    assert okafor("--skip-passes", "") == "official"         # the option wins over the environment
