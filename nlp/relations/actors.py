"""Which entity a noun phrase stands for when it acts or is acted on.

A noun phrase head is an actor when it is

- a mention of an entity ("Angela Merkel", "Peruvians");
- an agent noun modified by a country or organisation ("Canadian police",
  "China's ambassador", "the government of Peru", "EU foreign ministers"):
  that actor, with the noun kept as ``agent`` (CAMEO's actor + agent codes,
  ``data/agents.tsv``);
- a common noun named by an outlet ("told Dawn newspaper"): the outlet;
- a definite title that one official of the document holds ("the Prime
  Minister"), derived from the roles the entity step found;
- a third-person pronoun with a confident antecedent, or a form of state
  ("the kingdom") naming the one such country just before (:mod:`nlp.relations.pronouns`);
- an apposition to an actor ("Kowalski, one of the hostages" -> Kowalski).

Example
-------
>>> import spacy
>>> from spacy.tokens import Doc
>>> from nlp.mentions import MentionIndex
>>> from nlp.records import Entity
>>> doc = Doc(spacy.blank("en").vocab, words=["Peruvian", "police", "arrested", "Lopez", "."],
...           heads=[1, 2, 2, 2, 2], deps=["amod", "nsubj", "ROOT", "dobj", "punct"],
...           pos=["ADJ", "NOUN", "VERB", "PROPN", "PUNCT"])
>>> index = MentionIndex(); index.add(0, 1, "country:PE"); index.add(3, 4, "person:lopez")
>>> finder = Actors(doc, index, [Entity("country:PE", "Peru", "country"), Entity("person:lopez", "Lopez", "person")])
>>> finder.of(doc[1])
(Actor(key='country:PE', agent='police'),)
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from nlp import lexicons
from nlp.entities import countries
from nlp.mentions import MentionIndex
from nlp.relations.pronouns import PRONOUNS, STATE_FORMS, Pronouns, is_age_description
from nlp.records import Entity
from nlp.scan import children_with, where

#: modifiers through which a country qualifies an agent noun
_AGENT_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
#: modifiers that make up a title phrase ("the Prime Minister")
_TITLE_DEPS = frozenset({"compound", "amod"})
#: possessive determiners: "his", "their" ... before a name say whose thing the name qualifies
POSSESSIVE_DETERMINERS = frozenset({"his", "her", "its", "their", "our", "my", "your"})
#: nouns of a body of people besides the organisation heads (``data/org_heads.txt``): a name before one is the body
COLLECTIVE_NOUNS = frozenset({"order", "team", "side", "squad", "family", "faction", "sect", "firm", "network",
                              "outfit", "band", "crew", "government", "regime", "forces", "force"})
#: tags of a finite verb (or modal): a name whose head it is is its subject, no modifier
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_OFFICIAL_TYPES = frozenset({"official", "person"})


#: posts that stand for their country's mission even when definite ("summoned the Peruvian ambassador")
_MISSION_POSTS = frozenset({"ambassador", "envoy", "consul", "diplomat", "embassy", "consulate"})
#: who acts through an agent noun: countries and organisations ("EU foreign ministers", "NATO troops")
_AGENT_OWNER_TYPES = frozenset({"country", "organization"})
#: nouns that name a settlement or area by an "of" phrase ("the city of Dorsk"): CAMEO's &TOWN synonym set
#: (PETRARCH2 CAMEO.2.0.txt) and the regions a wire story names the same way
SETTLEMENT_NOUNS = frozenset({"town", "municipality", "borough", "township", "city", "metropolis", "village",
                              "settlement", "community", "region", "province", "district", "port", "capital",
                              "enclave", "island", "state"})
#: people who act for the organisation they are "from" or "of"
MEMBER_NOUNS = frozenset({"people", "member", "supporter", "activist", "delegation", "delegate",
                          "representative", "worker", "employee", "official"})
#: nouns that speak for their author ("the letter from X said")
MESSAGE_NOUNS = frozenset({"letter", "statement", "message", "communique", "note", "report", "memo", "declaration"})
#: participles through which a group acts as its leader's ("a group of officers led by X deposed ...")
LEADING_VERBS = frozenset({"lead", "head", "command", "chair"})
#: groupings that act for the bodies they are "of" or "including" ("a consortium of Castell and Brenmoor")
GROUPINGS = frozenset({"consortium", "coalition", "alliance", "bloc", "grouping", "syndicate", "partnership",
                       "venture", "federation"})
#: body nouns that stand alone for the story's one organisation ("the group demanded ...", "the company said")
_ORGANISATION_NOUNS = frozenset({"group", "organisation", "organization", "movement", "company", "firm"})
#: nouns that stand for the organisation or outlet compounded with them ("Interfax news agency", "the VDP group",
#: "Security Council members")
_BODY_NOUNS = frozenset({"agency", "group", "party", "movement", "organisation", "organization", "union",
                         "company", "firm", "newspaper", "daily", "weekly", "network", "station", "council",
                         "member", "paper", "magazine", "tabloid"})
#: nouns by which a story takes up the one news outlet it names ("told the newspaper", "the daily said")
_PRESS_NOUNS = frozenset({"newspaper", "paper", "daily", "weekly", "magazine", "tabloid"})
#: heads of a description by which a wire story takes up the business it just named ("the vehicle seat maker",
#: "the insurance giant", "the carmaker")
FIRM_NOUNS = frozenset({"maker", "manufacturer", "producer", "giant", "insurer", "carmaker", "automaker",
                        "airline", "carrier", "retailer", "publisher", "distributor", "supplier", "lender",
                        "conglomerate", "brewer", "miner", "refiner", "exporter", "importer", "developer",
                        "chipmaker", "drugmaker", "steelmaker", "utility", "operator"})
#: agents of a state that a story names bare once it has said whose they are ("Australian police ... police said")
#: (not "officials": a story quotes the officials of several bodies, and the CoNLL dev split's bare
#: "officials said" went to the wrong country)
_STATE_AGENTS = frozenset({"police", "policeman", "troop", "troops", "soldier", "army", "military", "government",
                           "authority", "authorities", "ministry"})
#: nouns by which a story takes up a body it named, "the commission" for "the Truth and Reconciliation
#: Commission": the one organisation of the story whose name holds that word
_NAMED_BODY_NOUNS = frozenset({"commission", "committee", "council", "court", "party", "union", "company", "firm",
                               "group", "bank", "ministry", "agency", "movement", "association", "federation",
                               "front", "tribunal", "assembly", "parliament", "congress", "board", "authority",
                               "corporation", "institute", "university", "league", "alliance", "coalition",
                               "organisation", "organization", "fund", "foundation", "mission", "office"})


def qualifies_next(tok: Token, key: str, index: MentionIndex) -> bool:
    """Whether a name under a possessive determiner only qualifies the common word after it.

    "retained his WBO featherweight title", "drew in their African Nations Cup
    preliminary round": whose the thing is, the determiner says; the name
    between says what kind of thing it is (a sanctioning body, a competition),
    however the parser hung it. A name's own possessor ("his Newcastle") with
    nothing after it stays the name.
    """
    start, end = index.extent(tok.i)
    if not any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_DETERMINERS for t in tok.doc[start:end] for c in t.children):
        return False
    if end >= len(tok.doc):
        return False
    nxt = tok.doc[end]
    if nxt.tag_ in _FINITE_TAGS and nxt.i == tok.head.i:
        return False  # "their Congress voted": the name is the verb's subject
    words = []
    for t in tok.doc[end: min(end + 4, len(tok.doc))]:
        if not (t.is_alpha and t.is_lower and t.pos_ in ("NOUN", "ADJ", "VERB")):
            break
        words += [t.lemma_.lower(), t.lower_]
    # "founded her Missionaries of Charity religious order": a body's own kind, the name is the thing
    return bool(words) and not any(w in lexicons.org_heads() or w in COLLECTIVE_NOUNS for w in words)


@dataclass(frozen=True, slots=True)
class Actor:
    """An entity key and, for "Canadian police", the agent noun behind it."""

    key: str
    agent: str = ""


@lru_cache(maxsize=1)
def agent_nouns() -> dict[str, str]:
    """{agent noun (lower case): CAMEO agent code} from ``data/agents.tsv``, then ``data/cameo_agents.tsv``.

    The second is derived from the Phoenix agents dictionary by
    ``bench/build_lexicon.py``; the first file to name a noun wins.

    >>> agent_nouns()["police"], agent_nouns()["paratroops"]
    ('COP', 'MIL')
    """
    out: dict[str, str] = {}
    for name in ("agents.tsv", "cameo_agents.tsv"):
        with resources.files("nlp.data").joinpath(name).open(encoding="utf-8") as fh:
            rows = [ln.rstrip("\n").split("\t") for ln in fh if ln.strip() and not ln.startswith("#")]
        for row in rows:
            out.setdefault(row[0].lower(), row[1])
    return out


def is_national(tok: Token) -> bool:
    """ "the Briton", "the American": a singular demonym standing alone after "the" is one person of that
    country, not the country ("the American side", "Americans" and "the British" are not).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["The", "Briton", "won", "the", "American", "side"],
    ...           heads=[1, 2, 2, 5, 5, 2], deps=["det", "nsubj", "ROOT", "det", "amod", "dobj"],
    ...           tags=["DT", "NNP", "VBD", "DT", "JJ", "NN"])
    >>> is_national(doc[1]), is_national(doc[4])
    (True, False)
    """
    if tok.tag_ not in ("NN", "NNP") or tok.dep_ in ("amod", "compound", "nmod", "poss"):
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    hit = countries.lookup(tok.text)
    return hit is not None and hit.via == "demonym" and not tok.text.endswith(("sh", "ch", "ese"))


class Actors:
    """Map noun-phrase heads of one document to the actors they stand for."""

    def __init__(self, doc: Doc, index: MentionIndex, entities: list[Entity] | tuple[Entity, ...]) -> None:
        self.doc = doc
        self.index = index
        self.types = {e.key: e.type for e in entities}
        #: the country or organisation an official's role belongs to ("Indian Foreign Minister X" -> India)
        self.affiliations = {e.key: e.affiliation for e in entities if e.affiliation}
        self.pronouns = Pronouns(doc, index, self.types)
        self._orgs: list[str] | None = None     # the organisations of the document, sorted (read once)
        self._agents: dict[str, set[str]] | None = None  # see _state_agents (read once)
        #: word of an organisation's name (lower case) -> the organisations whose names hold it
        self._name_words: dict[str, set[str]] = {}
        for e in entities:
            if e.type == "organization":
                for name in (e.label, *e.aliases):
                    for w in name.lower().split():
                        self._name_words.setdefault(w, set()).add(e.key)
        #: what :meth:`of` found for each token position
        self._found: dict[int, tuple[Actor, ...]] = {}
        self.roles: dict[str, str] = {}
        for e in entities:
            if e.type not in _OFFICIAL_TYPES:
                continue
            for role in e.roles:
                low = " ".join(role.lower().split())
                if low.startswith(("former ", "ex-", "late ")):
                    continue
                self.roles.setdefault(low, e.key)
                if self.roles[low] != e.key:
                    self.roles[low] = ""  # two people hold it: ambiguous
        for i in where(doc, "LEMMA", _BODY_NOUNS | _NAMED_BODY_NOUNS):
            body = self._body(doc[i])
            if body and not self.index.key_of(i):
                # "The commission was set up last year. It is chaired by ...": "it" is the commission
                self.pronouns.add_reference(doc[i], body, self.types.get(body, ""))
        agents = agent_nouns()
        for i in where(doc, "TAG", {"NNS"}):
            tok = doc[i]
            if tok.lemma_.lower() in agents and not self.index.key_of(i):
                actor = self._qualified_agent(tok)
                if actor is not None:
                    # "PLO officials said they had ...": "they" is the PLO, as its name would be
                    self.pronouns.add_reference(tok, actor.key, self.types.get(actor.key, ""), subjects_only=True)

    def own(self, a: str, b: str) -> bool:
        """Whether one of two keys is the other's affiliation (an official and their own country)."""
        return self.affiliations.get(a) == b or self.affiliations.get(b) == a

    def type_of(self, key: str) -> str:
        """The entity type of a key ("" when unknown)."""
        return self.types.get(key, "")

    def of(self, tok: Token) -> tuple[Actor, ...]:
        """The actors a noun-phrase head stands for; ``()`` when none (found once per token)."""
        if tok.doc is not self.doc:
            return self._of(tok)
        found = self._found.get(tok.i)
        if found is None:
            found = self._found[tok.i] = self._of(tok)
        return found

    def _of(self, tok: Token) -> tuple[Actor, ...]:
        key = self.index.key_of(tok.i)
        if key and self.types.get(key) == "country" and (person := self._nationality_tag(tok, key)) is not None:
            # the parser may make the bracket the clause's subject: it is the person's, or no one's
            return (Actor(person),) if person else ()
        if key and qualifies_next(tok, key, self.index):
            return ()  # "retained his WBO featherweight title": the name of a kind of title, no party
        if key and self.types.get(key) == "country" and is_national(tok):
            # "The Briton, who lost his title, said": one national just named, as "he" would be
            people = self.pronouns.resolve(tok, kind="person")
            if people:
                return tuple(Actor(k) for k in people)
        if key:
            return (Actor(key),)
        if tok.lower_ in PRONOUNS:
            return tuple(Actor(k) for k in self.pronouns.resolve(tok))
        if is_age_description(tok):
            # "The 24-year-old, who joined Velaro United": the person just named, as "he" would be
            return tuple(Actor(k) for k in self.pronouns.resolve(tok, kind="person"))
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in STATE_FORMS:
            # "the kingdom" after "Riyadh": the one kingdom named just before
            return tuple(Actor(k) for k in self.pronouns.describe(tok))
        if tok.pos_ in ("NOUN", "PROPN"):
            # "Peru's President Ana Bell said": the title's apposition names the actor;
            # "two opposition leaders, Ana Bell and Luis Arce": each of its conjuncts too
            named = [k for c in children_with(tok, ("appos",)) if c.i > tok.i
                     for t in (c, *c.conjuncts) if (k := self.index.key_of(t.i))
                     and not (tok.pos_ == "PROPN" and self.types.get(k) == "country"
                              and self._nationality_tag(t, k) is not None)]  # "Khan (Pakistan) beat ...": no one
            if named:
                return tuple(Actor(k) for k in dict.fromkeys(named))
            outlet = next((k for c in children_with(tok, ("compound",)) if (k := self.index.key_of(c.i))
                           and self.types.get(k) == "outlet"), None)
            if outlet and tok.pos_ == "NOUN":
                return (Actor(outlet),)  # "told Dawn newspaper": the outlet, by a common noun
            body = self._body(tok)
            if body:
                return (Actor(body),)
            members = self._members(tok)
            if members:
                return tuple(Actor(k) for k in members)
            author = self._author(tok)
            if author:
                return (Actor(author),)
            town = self._settlement(tok)
            if town:
                return (Actor(town),)
            country = self._country_agent(tok)
            if country:
                return (country,)
            holder = self._title_holder(tok)
            if holder:
                return (Actor(holder),)
            firm = self._described_firm(tok)
            if firm:
                return (Actor(firm),)
        if tok.dep_ == "appos" and tok.head.i != tok.i:
            # "Kowalski, one of the hostages": the apposition is its head
            key = self.index.key_of(tok.head.i)
            if key:
                return (Actor(key),)
        return ()

    def _nationality_tag(self, tok: Token, key: str) -> str | None:
        """"Rui Sousa (Portugal) beat Li Wei (China) 2-0": a country in brackets right after a person's
        name says where the person is from; it stands for that person (their key), or for no one
        after a name the model left untagged (""); ``None`` when it is no such tag."""
        doc = self.doc
        start, end = self.index.extent(tok.i)
        if start < 2 or end >= len(doc) or doc[start - 1].text != "(" or doc[end].text != ")":
            return None
        before = self.index.key_of(start - 2)
        if before:
            return before if self.types.get(before) in _OFFICIAL_TYPES else None
        return "" if doc[start - 2].pos_ == "PROPN" else None

    def _described_firm(self, tok: Token) -> str:
        """"Shares of Douglas & Lomason Co rose after the vehicle seat maker agreed to be acquired": a definite
        description of a business ("the seat maker", "the insurance giant", "the carmaker") is the
        organisation named just before it, found as "it" would be."""
        if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lemma_.lower() not in FIRM_NOUNS:
            return ""
        kids = list(tok.children)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or any(
                c.dep_ in ("poss", "prep", "acl", "relcl", "appos") or self.index.key_of(c.i) for c in kids):
            return ""  # "the company's shares", "the maker of ...", "the Hachette group": not a bare description
        keys = self.pronouns.resolve(tok, kind="group")
        return keys[0] if len(keys) == 1 and self.types.get(keys[0]) == "organization" else ""

    def _body(self, tok: Token) -> str:
        """"Interfax news agency", "the VDP group": the organisation or outlet a body noun is compounded with;
        "the commission", "the court" alone: the story's one organisation whose name holds that word
        ("the Truth and Reconciliation Commission"); "the group", "the company": the story's one
        organisation, when it names exactly one."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _BODY_NOUNS | _NAMED_BODY_NOUNS:
            return ""
        named = next((k for c in children_with(tok, ("compound", "nmod")) if (k := self.index.key_of(c.i))
                      and self.types.get(k) in ("organization", "outlet")), "")
        if named or tok.tag_ != "NN":
            return named
        kids = list(tok.children)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) \
                or any(c.dep_ in ("compound", "nmod", "amod", "poss") for c in kids):
            return ""                           # "a group", "the rebel group", "Peru's ruling party": not the one named
        if tok.lemma_.lower() in _PRESS_NOUNS:
            # "told the newspaper", "the daily said": the story's one outlet
            outlets = [k for k, t in self.types.items() if t == "outlet"]
            return outlets[0] if len(outlets) == 1 else ""
        holding = self._name_words.get(tok.lower_, set())
        if len(holding) == 1:
            return next(iter(holding))          # "the commission": the story's one "... Commission"
        if holding or tok.lemma_.lower() not in _ORGANISATION_NOUNS:
            return ""
        orgs = self._organisations()
        return orgs[0] if len(orgs) == 1 else ""

    def _organisations(self) -> list[str]:
        if self._orgs is None:
            self._orgs = sorted(k for k, t in self.types.items() if t == "organization")
        return self._orgs

    def _members(self, tok: Token) -> tuple[str, ...]:
        """"A consortium of Castell and Brenmoor", "a coalition including Peru": the bodies a grouping is made of.

        People "from" or "of" an organisation act for it ("100 people from the
        SNV and the FTU unions marched"); people from a country do not
        (refugees from Rwanda are not Rwanda).
        """
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in MEMBER_NOUNS:
            keys = [k for c in children_with(tok, ("prep",)) if c.lower_ in ("from", "of")
                    for g in children_with(c, ("pobj",))
                    for t in (g, *g.conjuncts) for k in ([self.index.key_of(t.i)] if self.index.key_of(t.i) else
                                                         [self._body(t)]) if k
                    and self.types.get(k) in ("organization", "outlet")]
            return tuple(dict.fromkeys(keys))
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in GROUPINGS:
            return ()
        keys = [k for c in children_with(tok, ("prep", "acl")) if c.lower_ in ("of", "including")
                for g in children_with(c, ("pobj", "dobj"))
                for t in (g, *g.conjuncts) if (k := self.index.key_of(t.i))
                and self.types.get(k) != "place"]
        return tuple(dict.fromkeys(keys))

    def _author(self, tok: Token) -> str:
        """"The letter from Samir Haddad said", "a group led by Gaddafi deposed": who speaks or leads through the noun."""
        if tok.pos_ != "NOUN":
            return ""
        if tok.lemma_.lower() in MESSAGE_NOUNS:
            keys = [k for c in children_with(tok, ("prep",)) if c.lower_ in ("from", "by")
                    for g in children_with(c, ("pobj",)) if (k := self.index.key_of(g.i))]
            if keys:
                return keys[0]
        keys = [k for c in children_with(tok, ("acl",)) if c.lemma_.lower() in LEADING_VERBS
                for a in children_with(c, ("agent",))
                for g in children_with(a, ("pobj",)) if (k := self.index.key_of(g.i))]
        return keys[0] if keys else ""

    def _settlement(self, tok: Token) -> str:
        """"the city of Dorsk", "the town of Velaro": the place (or country) its "of" phrase names."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in SETTLEMENT_NOUNS:
            return ""
        return next((k for c in children_with(tok, ("prep",)) if c.lower_ == "of"
                     for g in children_with(c, ("pobj",)) if (k := self.index.key_of(g.i))
                     and self.types.get(k) not in _OFFICIAL_TYPES), "")  # the model may type the name an organisation

    def _country_agent(self, tok: Token) -> Actor | None:
        """"Canadian police", "China's ambassador", "the government of Peru", "EU ministers"; a bare
        "police", "troops", "the army": the one country whose such agents the story named."""
        if tok.lower_ not in agent_nouns() and tok.lemma_.lower() not in agent_nouns():
            return None
        found = self._qualified_agent(tok)
        if found is not None or not self._bare(tok):
            return found
        countries = self._state_agents().get(tok.lemma_.lower(), set())
        return Actor(next(iter(countries)), tok.lemma_.lower()) if len(countries) == 1 else None

    @staticmethod
    def _bare(tok: Token) -> bool:
        """A state agent noun with nothing that says whose it is ("police said", "the army")."""
        return tok.lemma_.lower() in _STATE_AGENTS and tok.tag_ in ("NNS", "NN") and not any(
            c.dep_ in (*_AGENT_MODIFIER_DEPS, "prep", "appos") or c.dep_ == "det" and c.lower_ not in ("the",)
            for c in tok.children)

    def _state_agents(self) -> dict[str, set[str]]:
        """{state agent noun: the countries the story names such agents of} ("Australian police" -> police: AU)."""
        if self._agents is None:
            self._agents = {}
            for i in where(self.doc, "LEMMA", _STATE_AGENTS):
                tok = self.doc[i]
                actor = self._qualified_agent(tok)
                if actor is not None and self.types.get(actor.key) == "country":
                    self._agents.setdefault(tok.lemma_.lower(), set()).add(actor.key)
        return self._agents

    def _qualified_agent(self, tok: Token) -> Actor | None:
        """The country or organisation a modifier of an agent noun names ("Canadian police")."""
        mods = children_with(tok, _AGENT_MODIFIER_DEPS)
        # "the government of Peru", "the junta in Niger" (but "the embassy in Lima" is another country's)
        preps = ("of",) if tok.lower_ in _MISSION_POSTS else ("of", "in")
        mods += [g for c in children_with(tok, ("prep",)) if c.lower_ in preps
                 for g in children_with(c, ("pobj",))]
        for mod in mods:
            key = self.index.key_of(mod.i)
            if key and self.types.get(key) in _AGENT_OWNER_TYPES:
                if tok.tag_ in ("NN", "NNP") and tok.lower_ not in _MISSION_POSTS and lexicons.role_kind(tok.lower_) == "official" and any(
                        c.lower_ == "the" for c in children_with(tok, ("det",))):
                    # "the Peruvian president" is one person, not the country
                    return None
                return Actor(key, tok.lemma_.lower() or tok.lower_)
        return None

    def _title_holder(self, tok: Token) -> str:
        """The one official of the document whose title a definite noun phrase is."""
        if not self.roles or not any(c.lower_ == "the" for c in children_with(tok, ("det",))):
            return ""
        words = [c for c in children_with(tok, _TITLE_DEPS) if c.i < tok.i]
        if any(self.index.key_of(c.i) for c in words):
            return ""
        phrase = " ".join(t.lower_ for t in sorted([*words, tok], key=lambda t: t.i))
        if not lexicons.role_kind(phrase):
            return ""
        holders = {key for role, key in self.roles.items() if role == phrase or role.endswith(" " + phrase)}
        return holders.pop() if len(holders) == 1 and "" not in holders else ""
