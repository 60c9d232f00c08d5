"""Verb lemmas the rule lemmatizer gets wrong by dropping a silent "e": "hoping" -> "hop".

spaCy's English rule lemmatizer strips "-ing" and "-ed" and keeps the first
candidate its verb index knows, so where a short verb and the same verb with
an "e" both exist it gives the short one: "hoping" and "hoped" become "hop",
"raped" "rap", "waged" "wag", "staged" "stag", "scared" "scar", "fined"
"fin". English spelling says which it is: a one-syllable verb that ends in one
vowel and one consonant doubles the consonant ("hop" -> "hopping", "hopped"),
so a single consonant before the ending is the "e" verb's ("hope" -> "hoping",
"hoped"). :class:`SilentE` takes those pairs from the lemmatizer's own verb
index and sets the lemma of the "e" verb on the tokens of its forms that got
the short one. A relation reader that looks verbs up by lemma then finds
"hoping to meet" as an intent and "waged war on" as force.

Example
-------
>>> from nlp.run.model import load_model
>>> [(t.text, t.lemma_) for t in load_model()("Rebels waged war, hoping to win.") if t.pos_ == "VERB"]
[('waged', 'wage'), ('hoping', 'hope'), ('win', 'win')]
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import LEMMA, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc

#: a verb of one syllable that ends in one vowel and one consonant, which doubles before "-ing" and "-ed"
#: (w, x and y never double: "snowing", "taxed", "played")
_DOUBLES = re.compile(r"^[^aeiouy]*[aeiou][^aeiouwxy]$")
#: the tags of the forms mended: gerund or present participle, past tense, past participle
_TAGS = ("VBG", "VBD", "VBN")
NAME = "newsgraph_silent_e"


def silent_e_pairs(verbs) -> dict[str, tuple[str, str]]:
    """{form: (the lemma a rule lemmatizer gives it, the verb it is of)} for each verb with a silent "e"
    whose stem is also a verb ("hope"/"hop": "hoping", "hoped").

    >>> sorted(silent_e_pairs({"hop", "hope", "visit", "rate"}).items())
    [('hoped', ('hop', 'hope')), ('hoping', ('hop', 'hope'))]
    """
    verbs = set(verbs)
    pairs = {}
    for verb in verbs:
        stem = verb[:-1]
        if verb.endswith("e") and stem in verbs and _DOUBLES.match(stem):
            pairs[stem + "ing"] = (stem, verb)
            pairs[verb + "d"] = (stem, verb)
    return pairs


class SilentE:
    """Pipeline component after the lemmatizer: the silent-"e" verbs' forms get their verb as lemma."""

    def __init__(self, nlp: Language) -> None:
        verbs: list[str] = []
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                verbs = list(lookups.get_table("lemma_index").get("verb", []))
        strings = nlp.vocab.strings
        self._wrong: dict[int, tuple[int, int]] = {
            strings.add(form): (strings.add(short), strings.add(verb))
            for form, (short, verb) in silent_e_pairs(verbs).items()}
        self._forms = numpy.array(sorted(self._wrong), dtype=numpy.uint64)
        self._tags = numpy.array([strings.add(t) for t in _TAGS], dtype=numpy.uint64)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not len(self._forms):
            return doc
        table = doc.to_array([LOWER, TAG, LEMMA])
        hit = numpy.flatnonzero(numpy.isin(table[:, 0], self._forms) & numpy.isin(table[:, 1], self._tags))
        if not len(hit):
            return doc
        lemmas = table[:, 2].copy()
        for i in hit.tolist():
            short, verb = self._wrong[int(table[i, 0])]
            if lemmas[i] == short:
                lemmas[i] = verb
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory(NAME)
def make_silent_e(nlp: Language, name: str) -> SilentE:
    return SilentE(nlp)


def mend_silent_e(nlp: Language) -> Language:
    """``nlp`` with :class:`SilentE` after its lemmatizer (once; a pipeline without one is left as it is)."""
    if "lemmatizer" in nlp.pipe_names and NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, after="lemmatizer")
    return nlp
