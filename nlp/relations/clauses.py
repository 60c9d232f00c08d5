"""Who does and who undergoes the action of a verb, across clause types.

:class:`Clauses` finds the doers and the targets of a verb token:

- active clauses: subject and direct object ("Peru expelled Lopez"), or the
  object's possessor ("Peru condemned Chile's decision");
- the owner of a proposal, demand or request a verb acts on, however it is
  named ("rejected the Chilean proposal", "bowed to Lula's demand", "backed
  parts of a plan by Peru"): :meth:`Clauses.proposer`;
- passives: the ``by`` agent does, the passive subject undergoes
  ("Lopez was arrested by Peruvian police"), or the noun a relative pronoun
  stands for ("Lopez, who was arrested by ..."), or the subject of the verb
  controlling a passive infinitive ("Norvik agreed to be acquired by ...");
- prepositional objects that name a target ("sanctions against", "spoke to",
  "met with"); travel verbs also take ``for`` ("departed for Lima");
- conjoined subjects and objects ("Peru and Chile met", "met Lula and Milei");
- relative clauses ("officials who spoke to Reuters") and participles
  ("Le Monde ..., approvingly quoting Macron", "one of the men taken by Peru");
- control ("Macron invited him to visit Peru": him visits), a verb without a
  subject of its own borrowing its governor's.

It also says whether the action is negated and under which modality.

Example
-------
>>> import spacy
>>> from spacy.tokens import Doc
>>> from nlp.relations.actors import Actors
>>> from nlp.mentions import MentionIndex
>>> from nlp.records import Entity
>>> doc = Doc(spacy.blank("en").vocab, words=["Peru", "did", "not", "meet", "Chile", "."],
...           heads=[3, 3, 3, 3, 3, 3], deps=["nsubj", "aux", "neg", "ROOT", "dobj", "punct"],
...           pos=["PROPN", "AUX", "PART", "VERB", "PROPN", "PUNCT"])
>>> index = MentionIndex(); index.add(0, 1, "country:PE"); index.add(4, 5, "country:CL")
>>> cl = Clauses(Actors(doc, index, [Entity("country:PE", "Peru", "country"), Entity("country:CL", "Chile", "country")]))
>>> [a.key for a in cl.subjects(doc[3])], [a.key for a, _ in cl.targets(doc[3])], cl.negated(doc[3])
(['country:PE'], ['country:CL'], True)
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from nlp import lexicons
from nlp.relations.actors import Actor, Actors, qualifies_next
from nlp.relations.verbs import has_flag, lookup
from nlp.scan import Ranges, child_deps, children_with, sent_of

#: active subjects
SUBJ_DEPS = frozenset({"nsubj", "csubj"})
#: passive subjects: they undergo the action
PASS_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
#: direct and indirect objects
OBJ_DEPS = frozenset({"dobj", "dative", "obj", "iobj"})
#: the subjects and objects of a verb
_ARGUMENT_DEPS = SUBJ_DEPS | PASS_SUBJ_DEPS | OBJ_DEPS
#: a verb's prepositions and objects, read together in text order (targets)
_PREP_OR_OBJ_DEPS = OBJ_DEPS | {"prep"}
#: prepositions whose object is the target of a verb ("against", "to", "with")
TARGET_PREPS = frozenset({"against", "to", "with", "toward", "towards", "into", "on", "upon"})
#: prepositions whose object is the destination of a travel verb
MOTION_PREPS = frozenset({"for", "to", "toward", "towards", "into"})
#: prepositions whose gerund the governing verb's object does ("accused Peru of arming ...", "quoted Lula as saying")
OBJECT_DOES_PREPS = frozenset({"for", "of", "as"})
#: clause links through which a reported event hangs from the verb of speech that tells it
REPORT_DEPS = frozenset({"ccomp", "parataxis"})
#: clause links a reported event may sit below, under its ``ccomp`` ("said X had attacked Y and seized Z")
_REPORT_CLIMB = frozenset({"conj", "xcomp", "advcl", "relcl", "acl", "pcomp", "prep", "pobj", "dobj", "ccomp", "parataxis"})
#: prepositions whose gerund names what is warned of or prevented, not done
WARNED_PREPS = frozenset({"against", "from"})
#: clause links through which a subjectless verb borrows its governor's subject
INHERIT_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "acl", "relcl", "prep", "pobj"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
MODALS = frozenset({"will", "would", "can", "could", "may", "might", "must", "shall", "should", "'ll", "wo", "ca"})
CONDITIONAL_MARKS = frozenset({"if", "unless"})
#: modifiers through which a country qualifies a thing ("French aid workers", "Ukrainian power stations")
QUALIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
#: CAMEO roots of asking and demanding (02 appeal, 10 demand): an act they govern is asked for, not done
ASKING_ROOTS = frozenset({"02", "10"})
#: a conjunct verb with any of these has a clause of its own: it does not share its first verb's auxiliary
_OWN_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "neg", "mark"})
#: QuadClasses of material cooperation and conflict: what is done to a country's people or things is done to it
MATERIAL_QUADS = frozenset({2, 4})
def acts_on_people(row) -> bool:
    """Whether what the verb does to a country's people or things is done to the country.

    Force (CAMEO 14-20), aid (07) and release (08): "released two French aid
    workers", "shelled Ukrainian power stations". Not material cooperation
    (06): "importing Russian crude" trades goods that come from Russia.
    """
    return row.quad == 4 or row.cameo in ("07", "08")


#: CAMEO roots of giving (material cooperation, aid, yield): their "to" object receives ("hand over X to Y")
GIVING_ROOTS = frozenset({"06", "07", "08"})
#: what ends a wire dateline ("LIMA, May 2 (AFP) - ...")
DATELINE_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
#: nouns of number or part whose "of" phrase is what a verb acts on ("thousands of Peruvians", "50 percent of Norvik")
QUANTITIES = frozenset({"thousand", "hundred", "dozen", "million", "score", "group", "number", "handful", "member",
                        "percent", "stake", "share", "part", "majority", "minority", "control"})
#: heads of partitives ("one of the hostages")
QUANTIFIERS = frozenset({"one", "some", "many", "several", "few", "all", "each", "most", "two", "three"})
_MAX_CLIMB = 8
#: the clause fallback reads a verb's phrases this many links down the parse, no deeper: "confirmed the
#: sentencing of nine activists ..., including X's assistant Y" names X six links down, a detail of a
#: detail (5 cost a required link on the development articles, 6 none; 7 or more kept 8 wrong links
#: of 11 on the CoNLL dev split)
FALLBACK_DEPTH = 6
#: prepositions by which an event noun names its own target ("a visit to Peru", "talks with Chile")
EVENT_TARGET_PREPS = frozenset({"to", "with", "against", "on", "toward", "towards", "into", "upon"})
#: entity types that are never actors, only destinations
PLACE_TYPES = frozenset({"place"})


#: verbs of sending forces somewhere (CAMEO 15, "exhibit force posture", and 19's deployments)
DEPLOY_VERBS = frozenset({"send", "deploy", "dispatch", "station", "post", "move", "rush"})
#: nouns of a state's armed or police forces, which a participle of deployment is done to
FORCE_NOUNS = frozenset({"troop", "troops", "force", "forces", "soldier", "soldiers", "police", "policeman",
                         "peacekeeper", "peacekeepers", "unit", "units", "army", "marine", "marines", "warship",
                         "warships", "tank", "tanks"})

def _expand(tok: Token) -> list[Token]:
    """A noun phrase head and its conjuncts ("Peru and Chile")."""
    return [tok, *tok.conjuncts]


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def _is_dateline(tok: Token) -> bool:
    """The upper-case place that opens a wire story ("LIMA, May 2 (AFP) - ...", "DOHA (Reuters) - ...").

    A headline "US, Mexico agree ..." has no dash: not a dateline.
    """
    return (tok.i - sent_of(tok).start <= 2 and len(tok.text) > 1 and tok.text.isupper()
            and tok.i + 1 < len(tok.doc) and tok.nbor().text in (",", "(")
            and any(t.text in DATELINE_DASHES for t in tok.doc[tok.i + 1: min(tok.i + 12, sent_of(tok).end)]))


def _dateline_appositions(tok: Token) -> list[Token]:
    """What the parser hung from a dateline after its dash: the story's real subject.

    The agency in brackets before the dash ("(AFP)") is not it.
    """
    dash = next((t.i for t in sent_of(tok) if t.i > tok.i and t.text in DATELINE_DASHES), None)
    if dash is None:
        return []
    return [c for c in tok.children if c.dep_ in ("appos", "conj") and c.i > dash]


def _tells(verb: Token) -> bool:
    """A verb of speech or statement (CAMEO 01 or flagged ``speech``): what hangs from it is reported."""
    row = lookup(verb.lemma_)
    return row is not None and ("speech" in row.flags or row.cameo == "01")


#: verbs of cognition: "thought that X ...", "feared that X ..." tell what the doer has in mind, not an act on
#: whom the clause names
COGNITION_VERBS = frozenset({"think", "believe", "hope", "expect", "fear", "feel", "suspect", "wonder", "reckon",
                             "suppose", "assume", "imagine", "worry", "guess", "trust", "wish", "presume"})


def thinks(verb: Token) -> bool:
    """A verb of cognition with a clause complement ("thought that Peru would ...")."""
    return verb.lemma_.lower() in COGNITION_VERBS and any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)


def _infinitive(tok: Token) -> bool:
    """A "to" infinitive ("to release")."""
    return any(c.tag_ == "TO" or c.lower_ == "to" for c in children_with(tok, ("aux",)))


#: nouns of areas a compound name names ("the Acari region", "the Darvan hills", "Qalandia refugee camp")
AREA_NOUNS = frozenset({"region", "area", "province", "district", "county", "town", "city", "village", "hill", "valley",
                        "border", "camp", "port", "island", "coast", "mountain", "river", "strip", "bank", "zone"})
#: links through which a name only describes another noun ("South Africa's constitution", "French settlers")
MODIFIER_DEPS = frozenset({"amod", "poss", "compound", "nmod"})


def _modifier_name(tok: Token, key: str, index) -> bool:
    """Whether a name's token only qualifies a common noun: its (first conjunct's) link is a modifier's
    and its head is no part of the same name."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    head = first.head
    if first.dep_ == "compound" and (head.lemma_.lower() in AREA_NOUNS or head.lower_ in AREA_NOUNS):
        return False  # "the Acari region", "the Darvan hills": the name of the area itself
    # "South Africa's constitution", and "Jerusalem's Hebrew University": a name qualifying another's name
    other = index.key_of(head.i)
    return first.dep_ in MODIFIER_DEPS and other != key and (head.pos_ == "NOUN" or other is not None)


def _new_clause_subject(tok: Token) -> bool:
    """Whether a noun the parse made a conjunct is the subject of a clause of its own.

    A noun conjoined to a verb ("X threw a shutout and Y's double snapped a
    tie", parsed with "double" a verb's conjunct) cannot be; nor can a noun
    after "but" ("won a victory in a 1990 election but the ruling council,
    which ..., never recognised the poll"): "but" joins clauses, not the
    parties of one ("not X but Y" aside).
    """
    if tok.dep_ != "conj" or _is_verb(tok) or tok.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    head = tok.head
    if _is_verb(head):
        return True
    return any(c.dep_ == "cc" and c.lower_ in ("but", "yet") and head.i < c.i < tok.i for c in head.children) \
        and "neg" not in child_deps(head)


class Clauses:
    """Doers and targets of verbs in one document (results cached per token)."""

    def __init__(self, actors: Actors) -> None:
        self.actors = actors
        self._subjects: dict[int, tuple[Actor, ...]] = {}

    def phrase(self, tok: Token) -> list[Actor]:
        """The actors of a noun phrase head and its conjuncts.

        A coordination the parser folded into one noun phrase counts too:
        in "Lopes and rebel leader Ruiz" parsed with Lopes as a
        modifier of Ruiz, a modifier that has its own "and" is a conjunct.
        """
        out: list[Actor] = []
        for t in _expand(tok):
            out.extend(a for a in self.actors.of(t) if a not in out)
            mods = [c for c in children_with(t, ("nmod", "compound")) if c.i < t.i]
            mods += [g for c in mods for g in children_with(c, ("nmod", "compound")) if g.i < c.i]
            for c in mods:
                if "cc" in child_deps(c):
                    out.extend(a for a in self.actors.of(c) if a not in out)
        return out

    def who(self, actors: Sequence[Actor], *, places: bool = False) -> list[Actor]:
        """The actors that can do or undergo an action: a place only as a destination (``places``).

        Places are where things happen, not who does them ("arrested X in Lima",
        "handover of Hebron to the PLO": the PLO receives it).
        """
        return [a for a in actors if places or self.actors.type_of(a.key) not in PLACE_TYPES]

    def is_passive(self, verb: Token) -> bool:
        """A passive clause ("was arrested by"), or a past participle modifying a noun ("men taken by")."""
        deps = child_deps(verb)
        if any(d in PASS_SUBJ_DEPS or d == "auxpass" for d in deps):
            return True
        if "agent" in deps and not any(d in SUBJ_DEPS for d in deps):
            return True  # "men taken by Peru"; "Lula spoke by phone" has a subject: active
        return verb.dep_ == "acl" and verb.tag_ == "VBN"

    def subjects(self, verb: Token, _depth: int = 0) -> tuple[Actor, ...]:
        """The doers of ``verb``; ``()`` when its subject is not an actor."""
        if verb.i in self._subjects:
            return self._subjects[verb.i]
        self._subjects[verb.i] = ()  # guard against cycles
        found = tuple(self._find_subjects(verb, _depth))
        self._subjects[verb.i] = found
        return found

    def _speaking_apposition(self, subj: Token) -> Token:
        """ "... detained dissident Ana Lopes, the group Velaro Watch said": the parser hangs the group
        from the person as an apposition and makes the person the subject of "said". A person is no
        group: an organisation or outlet in apposition to a person who "says" is the one speaking."""
        people = self.actors.of(subj)
        if not people or any(self.actors.type_of(a.key) not in ("person", "official") for a in people):
            return subj
        for c in children_with(subj, ("appos",)):
            if c.i > subj.i:
                bodies = self.actors.of(c)
                if bodies and all(self.actors.type_of(a.key) in ("organization", "outlet") for a in bodies):
                    return c
        return subj

    def _find_subjects(self, verb: Token, depth: int) -> list[Actor]:
        if self.deployment(verb):
            # "Russian troops sent to Chechnya": the state whose forces they are sent them
            return self.phrase(verb.head)
        if verb.dep_ == "amod" and verb.tag_ == "VBN":
            # "Moscow-backed leader", "U.S.-led forces": the participle's modifier does it
            return [a for c in children_with(verb, ("npadvmod", "compound", "nmod")) for a in self.phrase(c)]
        if self.is_passive(verb):
            # prepositional object acting as agent of a passive verb
            agents = [g for c in children_with(verb, ("agent",)) for g in children_with(c, ("pobj",))]
            return [a for g in agents for a in self.phrase(g)]
        subj = children_with(verb, SUBJ_DEPS)
        if subj:
            if subj[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                # relative clause: the relative pronoun stands for the noun it modifies
                return self.phrase(verb.head)
            # a wire dateline parsed as subject ("LIMA, May 2 (AFP) - Peru's ..."): its apposition acts
            subj = [a for s in subj for a in (_dateline_appositions(s) if _is_dateline(s) else [s])]
            if _tells(verb):
                subj = [self._speaking_apposition(s) for s in subj]
            return [a for s in subj for a in self.phrase(s)]
        if depth >= _MAX_CLIMB or verb.head.i == verb.i or verb.dep_ not in INHERIT_DEPS:
            return []
        head = verb.head
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
            # "officials visiting Lima": the modified noun does it
            return self.phrase(head)
        if verb.dep_ == "acl" and _infinitive(verb) and head.pos_ == "NOUN" and not self.phrase(head):
            # "EU efforts to persuade Israel", "Peru's decision to expel ...": the owner of the effort does it
            return self.owners(head)
        if verb.dep_ == "xcomp":
            # object control ("invited him to visit", "called on governments to seize") else subject control ("wants to visit")
            objs = children_with(head, OBJ_DEPS)
            objs += [g for c in children_with(head, ("prep",)) if c.lower_ in ("on", "upon") and c.i < verb.i
                     for g in children_with(c, ("pobj",))]
            if objs:
                return [a for o in objs for a in self.phrase(o)]
            if _is_verb(head) and self.is_passive(head) and "agent" not in child_deps(head):
                # passive control and raising ("Lula was invited / is expected to visit"): the passive subject
                return [a for c in children_with(head, PASS_SUBJ_DEPS) for a in self.phrase(c)]
            if head.pos_ == "ADJ" and head.dep_ == "acomp" and _is_verb(head.head):
                # "Lula is due / ready to visit": the subject of the copula
                return list(self.subjects(head.head, depth + 1))
            return list(self.subjects(head, depth + 1)) if _is_verb(head) else []
        if verb.dep_ == "advcl" and _infinitive(verb):
            if _is_verb(head) and not any(d in OBJ_DEPS for d in child_deps(head)):
                # purpose clause of an intransitive verb ("flew to Lima to meet Boric"): same doer
                return list(self.subjects(head, depth + 1))
            return []  # "pressed Chile to release ...": whose purpose is unclear
        if verb.dep_ == "pcomp" and head.lower_ in OBJECT_DOES_PREPS and _is_verb(head.head):
            # "blasted the MPs for cutting ...", "accused Peru of arming ...": the object did it
            # (or the passive subject: "Peru was accused of arming ..."); not the subject
            gov = head.head
            objs = children_with(gov, OBJ_DEPS)
            if not objs and self.is_passive(gov):
                objs = children_with(gov, PASS_SUBJ_DEPS)
            if objs:
                return [a for o in objs for a in self.phrase(o)]
        if verb.dep_ == "pcomp" and head.lower_ in WARNED_PREPS:
            return []  # "warned Chile against joining ...": warned of, not done
        return self._climb(verb, depth)

    def around(self, tok: Token) -> list[Actor]:
        """The doers of the clause a phrase hangs from ("in an interview with X" -> who speaks)."""
        return self._climb(tok, 0)

    def _climb(self, tok: Token, depth: int) -> list[Actor]:
        """Borrow the subject of the clause a participle hangs from, or an actor it is in apposition to."""
        cur = tok
        for _ in range(_MAX_CLIMB):
            nxt = cur.head
            if nxt.i == cur.i:
                return []
            if cur.dep_ == "appos":
                found = self.phrase(nxt)
                if found:
                    return found
            if _is_verb(nxt):
                return list(self.subjects(nxt, depth + 1))
            if nxt.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and nxt.dep_ != "appos":
                return []  # "jibes about annexing X": a noun's complement, not the clause's
            if cur.dep_ not in INHERIT_DEPS | {"appos"}:
                return []
            cur = nxt
        return []

    def patients(self, verb: Token) -> list[Actor]:
        """Who undergoes ``verb``: its object, or its passive subject."""
        out: list[Actor] = []
        if verb.dep_ == "amod" and verb.tag_ == "VBN":
            # "Moscow-backed leader Ruslan Dorov": the noun it modifies (or the name that noun is part of)
            head = verb.head
            return self.phrase(head) or (self.phrase(head.head) if head.dep_ == "compound" else [])
        if self.is_passive(verb):
            if verb.dep_ == "acl":
                out.extend(self.phrase(verb.head) or self._partitive(verb.head))
        row = lookup(verb.lemma_)
        material = row is not None and acts_on_people(row)
        # "the Chilean proposal was rejected": whose proposal it is, for a verb the lexicon knows that is no mere statement
        proposals = row is not None and row.cameo != "01"
        if self.is_passive(verb):
            for c in children_with(verb, PASS_SUBJ_DEPS):
                if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    # "Lopes, who was arrested by police": the relative pronoun stands for the noun it modifies
                    out.extend(self.phrase(verb.head))
                else:
                    out.extend(self.phrase(c) or (self.proposer(c) if proposals else []))
            if verb.dep_ == "xcomp" and "agent" in child_deps(verb) and _is_verb(verb.head) \
                    and not any(d in PASS_SUBJ_DEPS for d in child_deps(verb)) \
                    and not any(d in OBJ_DEPS for d in child_deps(verb.head)):
                # "Norvik agreed to be acquired by Dalmar", "refused to be questioned by police": the governor's
                # subject undergoes (subject control; "asked Peru to be ..." is the object's)
                out.extend(a for c in children_with(verb.head, SUBJ_DEPS | PASS_SUBJ_DEPS) for a in self.phrase(c))
        for c in children_with(verb, OBJ_DEPS):
            # "condemned Russia's invasion": the possessor of the object is its target
            # (a named one: "cut their trip" is mostly the doer's own)
            # (not for a mere statement: "saw Lopes's visit as an opportunity" says nothing to Lopes)
            # a name compounded with the thing counts only for a verb the lexicon knows ("condemned EU efforts";
            # "dodging Peruvian tariffs", "tie its Quito policy to" say whose or what about, not at whom)
            out.extend(self.phrase(c) or (self.proposer(c) if proposals else [])
                       or (self.owners(c, compounds=row is not None) if row is None or row.cameo != "01" else [])
                       or (self.qualifiers(c) if material else []))
        deps = child_deps(verb)
        if not out and not any(d in OBJ_DEPS for d in deps):
            # "arrested and charged Lopez": the first verb shares its conjunct's object
            for conj in (c for c in children_with(verb, ("conj",)) if _is_verb(c)):
                out.extend(a for c in children_with(conj, OBJ_DEPS) for a in self.phrase(c))
        if not out and verb.dep_ == "relcl" and any(
                c.lower_ not in RELATIVE_PRONOUNS for c in children_with(verb, SUBJ_DEPS)) and (
                not any(d in OBJ_DEPS for d in deps)
                or any(c.lower_ in RELATIVE_PRONOUNS for c in children_with(verb, OBJ_DEPS))):
            # "the envoy that Peru expelled", "Lopes, whom Ruiz ordered to ...": the modified noun is the object
            out.extend(self.phrase(verb.head))
        if not out:
            # "Dagbladet called the novel Lopes's greatest gift": the predicate's named owner
            out.extend(a for c in children_with(verb, ("oprd",)) for a in self.phrase(c) or self.owners(c))
        if not out:
            # "deported thousands of Nepalese workers", "freed dozens of Peruvians": the quantity's "of" phrase
            for c in children_with(verb, OBJ_DEPS):
                if c.pos_ == "NUM" or c.lemma_.lower() in QUANTITIES:
                    for g in (g for p in children_with(c, ("prep",)) if p.lower_ == "of" for g in children_with(p, ("pobj",))):
                        out.extend(self.phrase(g) or (self.qualifiers(g) if material else []))
        return out

    def owners(self, tok: Token, *, compounds: bool = True) -> list[Actor]:
        """Whose thing a noun is: a possessor ("Russia's invasion", "its case") or a proper-name compound ("EU efforts").

        A possessive pronoun that stands for the doer ("cut their trip") gives
        no link, since no one acts on themselves; an adjective ("French wine")
        says little and does not count.
        """
        # "defended his WBA title": a thing with a possessor is the possessor's; a name compounded with it
        # says what kind of thing it is (the body that awards the title), not whose
        owned = "poss" in child_deps(tok)
        return [a for p in children_with(tok, ("poss", "compound")) if p.dep_ == "poss"
                or (compounds and not owned and p.dep_ == "compound" and p.pos_ == "PROPN" and p.i < tok.i)
                for a in self.actors.of(p)]

    def proposer(self, tok: Token) -> list[Actor]:
        """Whose proposal, demand or request a noun is (``data/proposal_nouns.txt``), or a part of one is.

        The owner is the possessor ("Chile's proposal"), a country's adjective or
        a name compounded with it ("the Chilean proposal", "the Clinton plan"), or
        a ``by``/``from`` phrase ("a request from Peru"); a part's or quantity's
        ``of`` phrase counts ("most elements of the Chilean proposal"). Acting
        on one's proposal is acting on the one who made it: "Peru rejected the
        Chilean proposal" is Peru -reject-> Chile. Other nouns say whose thing
        it is, not at whom the act is aimed ("head Lopes's team", "bought
        British beef"), and give none here.
        """
        if tok.pos_ != "NOUN" or self.actors.of(tok):
            return []
        if tok.lemma_.lower() not in lexicons.proposal_nouns():
            # "most elements of the Chilean proposal", "part of Peru's plan": the part's whole
            return [a for p in children_with(tok, ("prep",)) if p.lower_ == "of"
                    for g in children_with(p, ("pobj",)) if g.pos_ == "NOUN" and g.lemma_.lower() in lexicons.proposal_nouns()
                    for a in self.proposer(g)]
        out = self.owners(tok) + self.qualifiers(tok)
        out += [a for p in children_with(tok, ("prep",)) if p.lower_ in ("by", "from")
                for g in children_with(p, ("pobj",)) for a in self.phrase(g)]
        return self.who(list(dict.fromkeys(out)))

    def qualifiers(self, tok: Token) -> list[Actor]:
        """Countries qualifying a noun that is no actor itself ("two French aid workers" -> France).

        Only for material actions ("released two French aid workers", "shelled
        Ukrainian power stations"): what is done to a country's people or
        property is done to it, while "praised the French wine" says nothing
        about France.
        """
        return [a for c in children_with(tok, QUALIFIER_DEPS)
                for t in (c, *c.conjuncts)  # "Nepalese and Bolivian workers"
                for a in self.actors.of(t) if self.actors.type_of(a.key) == "country"]

    def _partitive(self, tok: Token) -> list[Actor]:
        """"Sweden, one of the countries attacked by ...": the countries' "one" is Sweden."""
        of = tok.head
        if tok.dep_ == "pobj" and of.lower_ == "of" and of.head.i != of.i:
            whole = of.head
            if whole.pos_ == "NUM" or whole.lower_ in QUANTIFIERS:
                return self.phrase(whole)
        return []

    @staticmethod
    def deployment(verb: Token) -> bool:
        """ "Russian troops sent to Chechnya": a participle of deployment after a noun of forces."""
        return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_ in DEPLOY_VERBS \
            and verb.head.lemma_.lower() in FORCE_NOUNS

    def targets(self, verb: Token) -> list[tuple[Actor, str]]:
        """(actor, preposition or "") pairs the action of ``verb`` is directed at."""
        if self.deployment(verb):
            # the forces are what is sent; where they are sent is the target
            return [(a, c.lower_) for c in children_with(verb, ("prep",)) if c.lower_ in ("to", "into", "in")
                    for g in children_with(c, ("pobj",)) for a in self.phrase(g)]
        out = [(a, "") for a in self.patients(verb)]
        preps = MOTION_PREPS | TARGET_PREPS if has_flag(verb.lemma_, "motion") else TARGET_PREPS
        prt = next((c.lower_ for c in children_with(verb, ("prt",))), "")
        row = (lookup(f"{verb.lemma_.lower()} {prt}") if prt else None) or lookup(verb.lemma_)
        gives = row is not None and row.cameo in GIVING_ROOTS
        if prt and not out:
            preps = preps | {"from"}   # "took over from Ruiz", "broke away from the party": a particle verb's "from"
        if any(self.actors.type_of(a.key) not in PLACE_TYPES for a, _ in out) and not gives:
            # "invited Lula to Rome": Rome is where Lula goes; but "return Crimea to Ukraine",
            # "hand over Lopez to Chile": what is given has a recipient
            preps = preps - MOTION_PREPS
        # "bowed to Lula's demand", "agreed with the Chilean position": whose it is (a verb the lexicon knows, no statement)
        proposals = row is not None and row.cameo != "01"
        for c in children_with(verb, _PREP_OR_OBJ_DEPS):
            if c.dep_ == "prep" and c.lower_ in preps:
                for g in children_with(c, ("pobj",)):
                    out.extend((a, c.lower_) for a in self.phrase(g) or (self.proposer(g) if proposals else []))
            elif c.dep_ in OBJ_DEPS and not any(d in ("det", "poss") for d in child_deps(c)) \
                    and lookup(f"{verb.lemma_.lower()} {c.lemma_.lower()}"):
                # "took control of Velaro", "took hold of his gun": the bare object is part of the verb, its "of"
                # phrase the target ("approved the decision of Poland" is Poland's decision, not Poland)
                out.extend((a, "of") for p in children_with(c, ("prep",)) if p.lower_ == "of"
                           for g in children_with(p, ("pobj",)) for a in self.phrase(g))
        return out

    def clause_entities(self, verb: Token, *, material: bool = False) -> list[Actor]:
        """Every entity named in the verb's own clause after it, in text order: a fallback for broken parses.

        The subjects and the clauses with subjects of their own (relative,
        reported, adverbial clauses) are left out: what remains is what the
        verb's phrases are about, however the parser attached them
        ("General Ruiz's airforce shelled in March rebel strongholds in the
        Darvan hills region"). A name that only qualifies a common noun (an
        adjective, a possessive, a compound: "Bolivian workers", "South
        Africa's constitution") counts only for a material act ("deported
        Bolivian workers", not "praised the French wine"), as in :meth:`qualifiers`.
        At most :data:`FALLBACK_DEPTH` links down: a name deeper is a detail of a detail.
        """
        found: dict[str, int] = {}
        # the doer's own words are no target: its subject, and the "by" phrase of a passive ("run by Lopes's
        # Velaro Mission": not Lopes)
        stack = [(c, 1) for c in verb.children if c.i > verb.i and c.dep_ not in SUBJ_DEPS | PASS_SUBJ_DEPS | {"agent"}]
        while stack:
            t, depth = stack.pop()
            if depth > FALLBACK_DEPTH:
                continue
            if _is_verb(t) and any(c.dep_ in SUBJ_DEPS | PASS_SUBJ_DEPS for c in t.children):
                continue  # a clause of its own
            if t.dep_ in ("relcl", "ccomp", "advcl", "parataxis", "appos", "conj") and _is_verb(t):
                continue
            if t.dep_ in ("acl", "ccomp") and any(c.dep_ == "mark" for c in t.children):
                continue  # "after reports that sheep could contract BSE": what a noun says, not what the verb acts on
            if _is_verb(t) and t.dep_ == "pcomp":
                continue  # "jibes about annexing Bolivia", "by building ties with Peru": that verb's own phrases
            if _new_clause_subject(t):
                continue  # "X threw a shutout and Y's double snapped a tie": the next clause's subject, no target
            if t.pos_ == "ADJ" and t.dep_ == "amod" and "prep" in child_deps(t):
                continue  # "listed topics irksome to Peru": whom the adjective concerns, not the verb
            if t.dep_ == "prep" and t.lower_ in EVENT_TARGET_PREPS and self._event_argument(t.head, verb):
                continue  # "increasing trade with Peru", "flew in for talks on Peru": the event noun's target, not the verb's
            stack.extend((c, depth + 1) for c in t.children)
            key = self.actors.index.key_of(t.i)
            if key and qualifies_next(t, key, self.actors.index):
                key = None  # "drew with Y in their African Nations Cup preliminary round": a kind of round
            if key and not material and _modifier_name(t, key, self.actors.index):
                continue  # "hailed South Africa's new constitution", "Dutch and French settlers": a detail of a thing
            if key:
                found[key] = min(found.get(key, t.i), t.i)
            elif t.pos_ == "PRON":
                for a in self.actors.of(t):  # "grabbing hold of his gun": whom "his" stands for
                    found[a.key] = min(found.get(a.key, t.i), t.i)
        return [Actor(k) for k in sorted(found, key=found.get)]

    @staticmethod
    def _event_argument(noun: Token, verb: Token) -> bool:
        """An event noun of the lexicon that is the verb's object or the object of one of its prepositions
        ("increased trade with Peru", "arrived for talks on Chile"): its own target phrase is its own
        (:mod:`nlp.relations.eventnouns` reads it), not the verb's. Deeper ("said at the end of a visit to
        Peru") the noun is no argument of the verb, and the fallback still reads it."""
        if lookup(noun.lemma_.lower(), "N") is None:
            return False
        return (noun.dep_ in OBJ_DEPS and noun.head.i == verb.i) or (
            noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i == verb.i)

    def shallow_targets(self, verb: Token) -> list[Actor]:
        """The entity right after a verb the parse gave no object: a fallback for broken parses.

        "Chinese police have detained veteran dissident Zhou Lanshan, the group
        said" is often parsed with the name as the subject of "said". When the
        verb has no object at all, the first entity after it is its target if
        only its own noun phrase's words (determiners, adjectives, nouns,
        numbers, hyphens) or one target preposition lie between.
        """
        if any(d in OBJ_DEPS or d in ("ccomp", "xcomp") for d in child_deps(verb)):
            return []
        end = min(verb.i + 8, sent_of(verb).end)
        # "..., suggested Peruvian economist Ana Lopes": the subject after its verb, and its words, do not undergo it
        own = {u.i for c in children_with(verb, SUBJ_DEPS | PASS_SUBJ_DEPS) if c.i > verb.i for u in c.subtree}
        for t in verb.doc[verb.i + 1:end]:
            if t.i in own:
                return []
            key = self.actors.index.key_of(t.i)
            if key:
                return [Actor(key)]
            if t.pos_ in ("DET", "ADJ", "NOUN", "NUM") or t.text in ("-", "'s") or (
                    t.i == verb.i + 1 and t.lower_ in TARGET_PREPS):
                continue
            return []
        return []

    def reporter(self, tok: Token, quoted: Ranges | None = None) -> tuple[bool, str]:
        """Whether the event of ``tok`` is told inside someone's speech, and whose ("" unknown).

        "Merkel said Russia must return Crimea": return is Merkel's report; so
        is every event inside a direct quote (its speaker's): ``quoted`` holds
        the direct quotes by character, with their speakers
        (:attr:`nlp.relations.quotes.QuoteReading.quoted`). A verb of speech
        itself is not reported ("Lula said" is Lula's own act).

        >>> import spacy
        >>> from spacy.tokens import Doc
        >>> from nlp.mentions import MentionIndex
        >>> from nlp.records import Entity
        >>> doc = Doc(spacy.blank("en").vocab, words=["Lula", "said", "Peru", "attacked", "Chile"],
        ...           heads=[1, 1, 3, 1, 3], deps=["nsubj", "ROOT", "nsubj", "ccomp", "dobj"],
        ...           pos=["PROPN", "VERB", "PROPN", "VERB", "PROPN"], lemmas=["Lula", "say", "Peru", "attack", "Chile"])
        >>> index = MentionIndex(); index.add(0, 1, "person:lula")
        >>> cl = Clauses(Actors(doc, index, [Entity("person:lula", "Lula", "person")]))
        >>> cl.reporter(doc[3]), cl.reporter(doc[1])
        ((True, 'person:lula'), (False, ''))
        """
        inside = quoted.first(tok.idx, False) if quoted is not None else False
        if inside is not False:
            return True, inside
        cur = tok
        for _ in range(_MAX_CLIMB):
            head = cur.head
            if head.i == cur.i or cur.dep_ not in _REPORT_CLIMB:
                return False, ""
            if cur.dep_ in REPORT_DEPS and _is_verb(head) and _tells(head):
                keys = {a.key for a in self.subjects(head)}
                return True, keys.pop() if len(keys) == 1 else ""
            cur = head
        return False, ""

    def negated(self, verb: Token) -> bool:
        """"did not meet", "never met", "no deal was signed", "refused to meet"."""
        for v in self._governors(verb):
            if "neg" in child_deps(v):
                return True
            if v is not verb and has_flag(v.lemma_, "negative"):
                return True
        return any(any(d.lower_ == "no" for d in children_with(c, ("det",)))
                   for c in children_with(verb, _ARGUMENT_DEPS))

    def modality(self, verb: Token) -> str:
        """"will", "could", "want" (an intent verb governing it), "urge" (a verb of asking or demanding
        governing it), "conditional" (if/unless), or ""."""
        for v in self._governors(verb, means=True):
            if v is not verb and has_flag(v.lemma_, "intent"):
                return v.lemma_.lower()
            if v is not verb and "xcomp" in child_deps(v) and (row := lookup(v.lemma_)) is not None \
                    and row.cameo in ASKING_ROOTS:
                return v.lemma_.lower()  # "urged Peru to sign", "advised Lula to meet Milei": asked for, not done
            if v.dep_ == "xcomp" and v.head.pos_ == "ADJ":
                return v.head.lemma_.lower()  # "is due / ready to visit"
            if v.dep_ == "pcomp" and v.head.lower_ == "of" and (row := lookup(v.head.head.lemma_)) and row.category == "accuse":
                return "alleged"  # "accused Peru of arming ...": said, not shown
            for c in children_with(v, ("aux",)):
                if c.tag_ == "MD":
                    return c.lower_ if c.lower_ not in ("'ll", "wo", "ca") else {"'ll": "will", "wo": "will", "ca": "can"}[c.lower_]
            if v.dep_ == "advcl" and any(c.lower_ in CONDITIONAL_MARKS for c in children_with(v, ("mark",))):
                return "conditional"
        sent = sent_of(verb)
        if sent[0].lower_ in CONDITIONAL_MARKS:
            # "If Peru attacks Chile, Bolivia will respond", however the parser hung the "if"
            comma = next((t.i for t in sent if t.text == ","), sent.end)
            if verb.i < comma:
                return "conditional"
        return ""

    @staticmethod
    def _governors(verb: Token, *, means: bool = False) -> list[Token]:
        """The verb and the verbs it is the infinitive complement of ("wants to stop meeting"), or a
        bare conjunct of ("will meet Peru and sign a deal": the auxiliary is shared; not "met Peru and
        signed", not "will not meet Peru and will sign"); with ``means``, also the verb whose means it
        is ("will win by building ties")."""
        chain = [verb]
        cur = verb
        while cur.head.i != cur.i and len(chain) < 6:
            if cur.dep_ == "xcomp" or (cur.dep_ == "advcl" and _infinitive(cur)):
                cur = cur.head
            elif cur.dep_ == "conj" and cur.tag_ == cur.head.tag_ and _is_verb(cur.head) \
                    and not any(d in _OWN_CLAUSE_DEPS for d in child_deps(cur)):
                cur = cur.head
            elif means and cur.dep_ == "pcomp" and cur.head.lower_ == "by" and cur.head.dep_ == "prep" \
                    and _is_verb(cur.head.head):
                cur = cur.head.head
            else:
                break
            chain.append(cur)
        return chain
