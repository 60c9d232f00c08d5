"""What ``newsgraph build --help``, the usage lines and README say about the options agree (issue 22)."""
from __future__ import annotations

import re

from newsgraph import cli
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _build_parser():
    sub = next(a for a in cli.parser()._actions if a.dest == "command")
    return sub.choices["build"]


def _options() -> list[tuple[str, ...]]:
    """The spellings of every option of ``build`` but the development switch and --help."""
    return [tuple(a.option_strings) for a in _build_parser()._actions
            if a.option_strings and not {"--help", "--skip-passes"} & set(a.option_strings)]


def _named(option: str, text: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(option) + r"(?![\w-])", text) is not None


def _usage_block(text: str) -> str:
    m = re.search(r"newsgraph build \[INPUT \.\.\.\].*?(?:\n\s*\n|\n\S)", text, re.DOTALL)
    assert m, "no usage line found"
    return m.group()


def test_cli_text_the_usage_lines_name_every_option():
    for where, text in (("README", README), ("cli.py", cli.__doc__)):
        usage = _usage_block(text)
        missing = {spellings[-1] for spellings in _options() if not any(_named(o, usage) for o in spellings)}
        assert not missing, f"the usage line of {where} omits {sorted(missing)}"


def _help(option: str) -> str:
    action = next(a for a in _build_parser()._actions if option in a.option_strings)
    return " ".join(action.help.split())


def test_cli_text_max_nodes_help_says_how_the_code_ranks():
    from graph import prune

    import networkx as nx

    said = "twice the actions and quotes they take part in plus the documents that name them"
    assert "most connected" not in _help("--max-nodes") and said in _help("--max-nodes")
    assert said in " ".join(README.split())
    G = nx.MultiDiGraph()       # what the code does: a hub named with three others loses to one action
    G.add_edges_from([("hub", "a"), ("hub", "b"), ("hub", "c")], kind="cooccurrence")
    G.add_edge("minister", "rival", kind="action", weight=1)
    assert prune.story_rank(G, 2) == ["minister", "rival"]


def test_cli_text_quiet_help_and_readme_say_skips_are_still_printed():
    assert "skipped inputs" in _help("--quiet") and "nothing but errors" not in _help("--quiet")
    assert "`--quiet` keeps the skips and errors" in README
