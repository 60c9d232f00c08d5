"""Shared fixtures: the real model loaded once, the seed folder, a blank pipeline."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: the reason every browser test gives when chromium is missing (tests/test_skips.py reads it)
NO_CHROMIUM = "chromium is not installed (apt-get install chromium)"


@pytest.fixture(scope="session")
def nlp():
    from nlp.run.model import load_model

    return load_model()


@pytest.fixture(scope="session")
def blank_nlp():
    import spacy

    return spacy.blank("en")


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's chromium; a missing browser fails the run in CI instead of skipping."""
    if CHROMIUM:
        return CHROMIUM
    if os.environ.get("NEWSGRAPH_REQUIRE_BROWSER") or os.environ.get("CI"):
        pytest.fail("chromium is not installed, and CI requires the browser tests to run "
                    "(apt-get install chromium)")
    pytest.skip(NO_CHROMIUM)



def pytest_terminal_summary(terminalreporter) -> None:
    """One line at the end saying how many browser tests chromium's absence skipped, and why."""
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if NO_CHROMIUM in str(r.longrepr)]
    if skipped:
        terminalreporter.write_line(f"{len(skipped)} browser tests skipped: {NO_CHROMIUM}; "
                                    "CI (CI or NEWSGRAPH_REQUIRE_BROWSER set) fails instead")
