"""How sure a claim is: a confidence in [0, 1] on every action link, quote link and attributed quote.

A claim's features say what made it: the relation pass or the quote finder
and speaker rule that read it, where its verb comes from (the hand lexicon,
PETRARCH2's CAMEO dictionary, or no lexicon), whether its ends are named in
the sentence or reached through a pronoun or a role noun, how far apart they
stand, how crowded and long the sentence is. A logistic model over those
features gives the confidence. Its weights and the default threshold are in
``data/confidence.json``, fitted on the development gold with
cross-validation by ``bench/calibrate.py`` (``make calibrate``), which also
writes there how well the scores matched how often such claims were right.

No weight names a story or an entity: the features are the reading's
capabilities, the same on any text.

Example
-------
>>> from nlp.run.model import load_model
>>> from nlp.extract import extract
>>> from nlp.records import Document
>>> text = "Peruvian police arrested Pedro Castillo in Lima."
>>> [(r.verb, 0.0 < r.confidence < 1.0) for r in extract(load_model()(text), Document("d", text)).relations
...  if r.kind == "action"]
[('arrest', True)]
>>> 0.0 <= threshold() < 1.0
True
"""
from __future__ import annotations

import json
import math
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from nlp.records import Quote, Relation
from nlp.relations.reading import Reading
from nlp.relations.verbs import LEXICON_FILES, OTHER, lookup
from nlp.scan import text_of

#: the data file the weights are read from
MODEL_FILE = "confidence.json"
#: types that are people, for the features of an end
_PEOPLE = frozenset({"person", "official"})


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -60 else 0.0


@lru_cache(maxsize=1)
def model() -> dict:
    """The fitted weights: ``{"relations": {"bias", "weights"}, "quotes": {...}, "threshold", ...}``."""
    with resources.files("nlp.data").joinpath(MODEL_FILE).open(encoding="utf-8") as fh:
        return json.load(fh)


def threshold() -> float:
    """The default confidence below which the page hides a claim (the graph's ``confidence_threshold``)."""
    return float(model()["threshold"])


def score(features: Mapping[str, float], part: Mapping) -> float:
    """The logistic score of ``features`` under one part of the model; features it does not know weigh 0.

    >>> round(score({"a": 1.0, "b": 2.0}, {"bias": -1.0, "weights": {"a": 1.0}}), 3)
    0.5
    """
    w = part["weights"]
    return round(_sigmoid(part["bias"] + sum(v * w.get(k, 0.0) for k, v in features.items())), 3)


def _sentence_mentions(rd: Reading, start: int, end: int) -> tuple[int, list[tuple[int, int, str]]]:
    """The tokens of the characters ``start:end`` of the document, and the mentions (token start, end, key)
    inside them."""
    span = rd.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return 0, []
    spans, starts = rd.mentions
    out = []
    i = bisect_left(starts, span.start)
    while i < len(spans) and spans[i][0] < span.end:
        out.append(spans[i])
        i += 1
    return len(span), out


def _type_of(rd: Reading, key: str) -> str:
    return rd.clauses.actors.type_of(key) or key.split(":", 1)[0]


def verb_source(verb: str, category: str) -> str:
    """Where the verb's class comes from: ``hand`` (data/verbs.tsv), ``cameo`` (PETRARCH2) or ``none``.

    >>> verb_source("arrest", "arrest"), verb_source("portray", "other")
    ('hand', 'none')
    """
    rows = [r for r in (lookup(verb), lookup(verb, "N")) if r is not None]
    if category == OTHER or not rows:
        return "none"
    return "hand" if any(r.source == LEXICON_FILES[0] for r in rows) else "cameo"


def relation_features(r: Relation, rd: Reading) -> dict[str, float]:
    """What made an action or quote link: its pass, verb, ends and sentence, as named numbers."""
    ev = r.evidence[0]
    tokens, mentions = _sentence_mentions(rd, ev.start, ev.end)
    src = [m for m in mentions if m[2] == r.source]
    tgt = [m for m in mentions if m[2] == r.target]
    f: dict[str, float] = {f"rule={r.rule or 'none'}": 1.0, f"verb={verb_source(r.verb, r.category)}": 1.0,
                           "sentences": math.log1p(len(r.evidence))}
    f["quote_link"] = float(r.kind == "quote")
    f["conflict"] = float(r.polarity == "conflict")
    f["cooperation"] = float(r.polarity == "cooperation")
    f["reported"] = float(r.reported)
    f["negated_or_modal"] = float(r.negated or bool(r.modality))
    f["agent"] = float(bool(r.agent))
    f["symmetric"] = float(r.symmetric)
    f["source_unnamed"] = float(not src)
    f["target_unnamed"] = float(not tgt)
    if src and tgt:
        gap = min(abs(a[0] - b[0]) for a in src for b in tgt)
        f["log_gap"] = math.log1p(gap)
        f["target_first"] = float(min(b[0] for b in tgt) < min(a[0] for a in src))
    f["log_sentence_tokens"] = math.log1p(tokens)
    f["log_names_in_sentence"] = math.log1p(len({m[2] for m in mentions}))
    st, tt = _type_of(rd, r.source), _type_of(rd, r.target)
    f["source_person"] = float(st in _PEOPLE)
    f["source_country"] = float(st == "country")
    f["target_person"] = float(tt in _PEOPLE)
    f["target_place"] = float(tt == "place")
    f["target_outlet"] = float(tt == "outlet")
    # a name read once in the whole story is more often a misread one ("Aides", a disease as a person)
    f["source_once"] = float(rd.mention_counts.get(r.source, 0) == 1)
    f["target_once"] = float(rd.mention_counts.get(r.target, 0) == 1)
    return f


def quote_features(q: Quote, rd: Reading) -> dict[str, float]:
    """What made a quote's attribution: its finder and speaker rule, its kind, its speaker and length."""
    finder, _, rule = q.rule.partition("/")
    text = text_of(rd.doc)
    # the sentences around the words: is the speaker named there, or only reached through a reference?
    lo = text.rfind("\n", 0, q.start) + 1
    hi = text.find("\n", q.end)
    _, mentions = _sentence_mentions(rd, lo, hi if hi >= 0 else len(text))
    typ = _type_of(rd, q.speaker)
    return {f"finder={finder or 'none'}": 1.0, f"speaker_rule={rule or 'none'}": 1.0,
            "direct": float(q.kind == "direct"), "has_cue": float(bool(q.cue)),
            "speaker_named_in_paragraph": float(any(m[2] == q.speaker for m in mentions)),
            "speaker_person": float(typ in _PEOPLE), "speaker_country": float(typ == "country"),
            "speaker_outlet": float(typ == "outlet"),
            "log_words": math.log1p(len(q.text.split())), "addressee": float(bool(q.to)),
            "names_inside": math.log1p(len(q.names))}


def with_confidence(relations: Iterable[Relation], quotes: Iterable[Quote], rd: Reading
                    ) -> tuple[list[Relation], list[Quote]]:
    """The relations and quotes with their ``confidence``: action and quote links, quotes with a speaker."""
    m = model()
    rels = [replace(r, confidence=score(relation_features(r, rd), m["relations"]))
            if r.kind != "cooccurrence" and r.evidence else r for r in relations]
    qs = [replace(q, confidence=score(quote_features(q, rd), m["quotes"])) if q.speaker else q for q in quotes]
    return rels, qs
