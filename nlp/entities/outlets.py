"""News outlets named in a document: from the outlet lexicon and from context.

The model often misses an outlet ("in an interview with Dagbladet") or calls
it a person ("Der Spiegel"). Two sources find them:

- the lexicon of outlets and agencies (``data/outlets.txt``), matched
  case-sensitively with a ``PhraseMatcher`` built once per vocabulary;
- the words around a proper name: "told X", "according to X", "the
  state-run X", "in an interview with X", "X reported", "X quoted".

Example
-------
>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp("The minister told Jornal Diario and the Kyiv Independent on Monday.")
>>> for tok, pos in zip(doc, ["DET", "NOUN", "VERB", "PROPN", "PROPN", "CCONJ", "DET", "PROPN",
...                          "PROPN", "ADP", "PROPN", "PUNCT"]):
...     tok.pos_ = pos
>>> [(doc[o.start:o.end].text, o.name, o.via) for o in find_outlets(doc)]
[('Jornal Diario', 'Jornal Diario', 'context'), ('Kyiv Independent', 'Kyiv Independent', 'lexicon')]
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from nlp import lexicons
from nlp.entities import countries
from nlp.entities.places import is_known_place
from nlp.scan import where

#: words after which a proper name is an outlet ("told", "according to")
BEFORE_CUES = (("told",), ("according", "to"), ("interview", "with"), ("interviews", "with"),
               ("quoted", "by"), ("reported", "by"))
#: "state-run", "state-owned", ... before an outlet
STATE_CUES = frozenset({"run", "owned", "controlled", "backed", "affiliated", "funded", "media"})
#: verbs after which a proper name is an outlet ("Reuters reported", "X quoted")
AFTER_CUES = frozenset({"reported", "reports", "quoted", "quoting"})
#: common nouns that name the kind of outlet just before its name ("state
#: broadcaster Telesur", "the news agency TASS", "the daily Kommersant"); the
#: cue is strong enough to overrule the model's person tag. "agency" and
#: "service" count only after "news", "press" or "wire".
NOUN_CUES = frozenset({"broadcaster", "newspaper", "daily", "tabloid", "weekly", "magazine",
                       "agency", "service", "newswire", "network", "channel", "outlet", "website", "site",
                       "portal"})
#: cue nouns that follow an outlet's name when a report verb follows them ("Gazeta Nowa daily said")
_HEAD_AFTER = frozenset({"daily", "newspaper", "weekly", "tabloid", "broadcaster", "agency", "magazine"})
#: verbs of reporting after "X daily" / "X news agency"
_REPORT_LEMMAS = frozenset({"say", "report", "quote", "write", "cite", "add"})
#: cue nouns that name an outlet only after a news word ("news agency", "news site")
_AGENCY_WORDS = frozenset({"agency", "service", "site", "portal"})
_NEWS_WORDS = frozenset({"news", "press", "wire"})
#: a reporting verb with a direct object is a company's report, not an outlet's ("Acme reported a loss")
_OBJ_DEPS = frozenset({"dobj", "obj"})
#: model labels that an outlet name can wrongly carry; a lexicon match over
#: any other label (GPE "Atlantic") is left to the model
_OUTLET_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "FAC", "NORP", ""})
_NOT_OUTLET_LABELS = frozenset({"PERSON", "GPE", "NORP", "LOC", "DATE", "TIME"})
_JOINERS = frozenset({"&", "of"})
#: labels the model gives a newspaper it takes for a place
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_SUBJ_DEPS = frozenset({"nsubj"})
_POSSESSIVE = frozenset({"'s", "\u2019s"})
_DETERMINERS = frozenset({"the", "a", "an"})
MAX_NAME = 6


@dataclass(frozen=True, slots=True)
class OutletSpan:
    """An outlet mention: token offsets, the outlet's name, and how it was found."""

    start: int
    end: int
    name: str       # canonical lexicon name, or the words as written
    via: str        # "lexicon" or "context"


@lru_cache(maxsize=8)
def _matcher(vocab: Vocab) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab, attr="ORTH")
    tokenizer = English(vocab=vocab).tokenizer
    matcher.add("OUTLET", [tokenizer(form) for form in lexicons.outlet_forms()])
    return matcher


def _plausible_lexicon_match(doc: Doc, start: int, end: int) -> bool:
    """A lexicon hit that is a name here, not a common word ("Time is short")."""
    span = doc[start:end]
    labels = {t.ent_type_ for t in span}
    if not labels <= _OUTLET_LABELS:
        return False
    if start > 0 and doc[start].ent_iob_ == "I" and doc[start - 1].is_alpha \
            and doc[start - 1].lower_ not in _DETERMINERS:
        return False                                 # "North Atlantic Treaty Organization" is no "Atlantic"
    if end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].is_alpha:
        return False                                 # "Time Warner" is no "Time"
    text = span.text
    if len(text) <= 3 and text.isupper():
        credit = 0 < start and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")"
        return span[0].ent_type_ == "ORG" or credit  # "AP", "FT": when the model agrees, or a "(AFP)" credit
    if len(span) == 1 and _modifies_a_noun(doc, start):
        return False                                 # "a Hindu nationalist group": a word of a group, no daily
    if _demonym_before_noun(doc, end):
        return False                                 # "The Australian dollar", "the Hindu nationalist party"
    if len(span) == 1 and countries.lookup(text) and not (start > 0 and doc[start - 1].text == "The"):
        return False                                 # "Australian police": a demonym; the daily is "The Australian"
    if len(span) == 1 and text[:1].isupper() and text[1:].islower():
        tok = span[0]
        return tok.pos_ == "PROPN" or bool(tok.ent_type_) and not tok.is_sent_start
    return True


#: words after an outlet's one-word name that keep it the outlet ("Pravda editor", "Kyodo news agency")
_NEWSROOM_WORDS = frozenset({"news", "agency", "newspaper", "daily", "weekly", "paper", "editor", "editors",
                             "correspondent", "reporter", "reporters", "journalist", "journalists", "columnist",
                             "report", "reports", "story", "article", "interview", "editorial", "commentary",
                             "poll", "survey", "website", "television", "radio", "tv", "channel", "reported",
                             "said", "quoted", "cited", "says", "reports", "wrote", "added", "carried"})


def _modifies_a_noun(doc: Doc, i: int) -> bool:
    """The word at ``i`` is a modifier of the lower-case words after it, not a name of its own: it
    follows an indefinite article or no article and is followed by a lower-case adjective or noun
    that is no newsroom word ("a Hindu nationalist group", "Hindu nationalists")."""
    if i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    if not nxt.is_lower or nxt.lower_ in _NEWSROOM_WORDS or nxt.pos_ not in ("ADJ", "NOUN"):
        return False
    return i == 0 or doc[i - 1].lower_ != "the"


def _demonym_before_noun(doc: Doc, end: int) -> bool:
    """The name ends in a demonym that qualifies the lower-case words after it: "The Australian
    dollar fell" names a currency, not the newspaper; "The Australian reported" and "The Australian
    newspaper" keep it."""
    if end >= len(doc) or not (hit := countries.lookup(doc[end - 1].text)) or hit.via != "demonym":
        return False
    nxt = doc[end]
    return nxt.is_lower and nxt.lower_ not in _NEWSROOM_WORDS and nxt.pos_ in ("ADJ", "NOUN")


def _propn_run(doc: Doc, i: int) -> int:
    """End of the run of proper nouns from token ``i`` ("Voice of America")."""
    j = i
    while j < len(doc):
        if doc[j].pos_ == "PROPN":
            j += 1
        elif doc[j].lower_ in _JOINERS and j > i and j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN":
            j += 1
        elif doc[j].text == "-" and j > i and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
                and j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN":
            j += 1                               # "ABS-CBN News": a hyphen inside the name
        else:
            break
    return j


def _name_from(doc: Doc, i: int) -> tuple[int, int] | None:
    """The proper name starting at token ``i`` (after "the", or after "Toronto's")."""
    if i < len(doc) and doc[i].lower_ in _DETERMINERS:
        i += 1
    j = _propn_run(doc, i)
    if i < j < len(doc) and doc[j].text in _POSSESSIVE:
        i = j + 1                      # "Oslo's Dagbladet": the owner's city is not the outlet
        j = _propn_run(doc, i)
    return (i, j) if 0 < j - i <= MAX_NAME else None


def _name_before(doc: Doc, i: int) -> tuple[int, int] | None:
    """The proper name ending just before token ``i`` ("Reuters" in "Reuters reported")."""
    j = i
    if j >= 2 and doc[j - 1].like_num and doc[j - 2].pos_ == "PROPN":
        j -= 1                                       # "Channel 12 reported"
    while j > 0 and (doc[j - 1].pos_ == "PROPN"
                     or doc[j - 1].lower_ in _JOINERS and j < i and j >= 2 and doc[j - 2].pos_ == "PROPN"):
        j -= 1
    return (j, i) if 0 < i - j <= MAX_NAME else None


#: every first word of a cue, to find cues without visiting every token
_CUE_WORDS = frozenset({*AFTER_CUES, *NOUN_CUES, "state", *(cue[0] for cue in BEFORE_CUES)})


def _context_names(doc: Doc) -> Iterator[tuple[int, int, bool]]:
    """(start, end, strong) of names a cue makes outlets; a strong cue overrules the model's tag."""
    for i in where(doc, "LOWER", _CUE_WORDS):
        tok = doc[i]
        low = tok.lower_
        if low in NOUN_CUES:
            if low in _AGENCY_WORDS and (i == 0 or doc[i - 1].lower_ not in _NEWS_WORDS):
                continue
            if i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and tok.pos_ == "NOUN":
                span = _name_from(doc, i + 1)
                if span:
                    yield (*span, True)
            elif low in _HEAD_AFTER and (tok.pos_ == "NOUN" or low == "daily") and i + 1 < len(doc) \
                    and doc[i + 1].lemma_ in _REPORT_LEMMAS:
                # "Gazeta Nowa daily said", "Interfax news agency quoted": the kind of outlet after its name
                j = i - 1 if low in _AGENCY_WORDS else i
                span = _name_before(doc, j) if j > 0 and doc[j - 1].pos_ == "PROPN" else None
                if span:
                    yield (*span, True)
            continue
        if low in AFTER_CUES:
            if low.startswith("report") and any(c.dep_ in _OBJ_DEPS for c in tok.children):
                continue
            span = _name_before(doc, tok.i)
            if span:
                yield (*span, False)
            continue
        if low == "state" and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" \
                and doc[tok.i + 2].lower_ in STATE_CUES:
            span = _name_from(doc, tok.i + 3)
            if span:
                yield (*span, False)
            continue
        for cue in BEFORE_CUES:
            if low == cue[0] and all(tok.i + k < len(doc) and doc[tok.i + k].lower_ == w
                                     for k, w in enumerate(cue[1:], 1)):
                span = _name_from(doc, tok.i + len(cue))
                if span:
                    yield (*span, False)


#: day names that make a title of their own before a paper's name ("The Sunday Times")
_EDITION_DAYS = frozenset({"Sunday", "Saturday"})


def _edition(doc: Doc, start: int, end: int, name: str) -> tuple[int, str]:
    """A weekend edition is a paper of its own: "The Sunday Telegraph" is no "Daily Telegraph",
    though the lexicon knows only "Telegraph". The day counts when "the" or a possessive comes
    before it ("the Sunday Telegraph", "Britain's Sunday Times"), not in "on Sunday Reuters said"."""
    if start >= 2 and doc[start - 1].text in _EDITION_DAYS \
            and (doc[start - 2].lower_ == "the" or doc[start - 2].text in _POSSESSIVE):
        first = start - 2 if doc[start - 2].lower_ == "the" else start - 1
        title = doc[first:end].text
        return first, title[:1].upper() + title[1:]
    return start, name


def find_outlets(doc: Doc) -> list[OutletSpan]:
    """Outlet mentions in ``doc``, longest first where they overlap, in text order."""
    found: dict[tuple[int, int], OutletSpan] = {}
    for _, start, end in _matcher(doc.vocab)(doc):
        if _plausible_lexicon_match(doc, start, end):
            name = lexicons.outlet_name(doc[start:end].text)
            if name:
                start, name = _edition(doc, start, end, name)
                found[(start, end)] = OutletSpan(start, end, name, "lexicon")
    for start, end, strong in _context_names(doc):
        span = doc[start:end]
        labels = frozenset({"DATE", "TIME"}) if strong else _NOT_OUTLET_LABELS
        if not strong and {t.ent_type_ for t in span} <= _PLACE_LABELS and span[-1].dep_ in _SUBJ_DEPS \
                and not is_known_place(span.text):
            labels = frozenset({"DATE", "TIME"})     # "..., La Nacion reported.": no gazetteer knows it
        if any(t.ent_type_ in labels for t in span) or countries.lookup(span.text) \
                or lexicons.has_org_head(span.text, min_words=1) and not lexicons.has_outlet_head(span.text):
            continue                                 # "told Parliament", "according to the World Bank"
        name = lexicons.outlet_name(span.text)
        found.setdefault((start, end), OutletSpan(start, end, name or span.text, "lexicon" if name else "context"))
    kept: list[OutletSpan] = []
    taken: set[int] = set()
    for o in sorted(found.values(), key=lambda o: (o.start - o.end, o.start)):
        if taken.isdisjoint(range(o.start, o.end)):
            kept.append(o)
            taken.update(range(o.start, o.end))
    return sorted(kept, key=lambda o: o.start)
