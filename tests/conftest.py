"""Shared fixtures: the real model loaded once, the seed folder, a blank pipeline."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


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
    pytest.skip("chromium is not installed (apt-get install chromium)")
