"""Relations carried by event nouns: "Lula's arrest of Bolsonaro", "talks with Peru".

An event noun of the lexicon (``pos`` N in ``data/verbs.tsv``) links

- its doer: the possessor ("Lula's visit"), a ``by`` phrase ("the arrest of
  X by Peru"), or the subject of the clause that governs it through a light
  verb ("Peru brought pressure against Chile"), a travel verb ("departed for
  a visit to Lima") or a preposition ("in an interview with Le Monde");
- to its target: the ``of`` object ("arrest of Bolsonaro") or a
  prepositional argument ("visit to Lima", "pressure against Chile"), or
  the owner of a proposal there ("support for the Chilean proposal" ->
  Chile, :meth:`~nlp.relations.clauses.Clauses.proposer`).

A lexicon verb governing the noun that is not a light verb names the edge
("Peru dropped its charges against Lopez" -> drop). A noun qualified by an
adjective or compound actor ("U.S. sanctions") takes it as its doer only when
it is the only candidate (no possessor, no ``by`` phrase): "the Chilean
invasion of Bolivia". Symmetric nouns with two doers link them ("Peru and
Chile held talks").

Beside that hand list, the nouns of the lexicon verbs (their nominalisations,
``data/cameo_nouns.tsv``, derived from WordNet by ``bench/build_nouns.py``:
"submission", "extradition", "endorsement") link with more care
(:func:`_derived_relations`): their doer is only the possessor, the ``by``
phrase or a lone qualifying actor, never the clause around them; their target
the ``of/to/on/against/with`` object; "a dispute between X and Y" links X and
Y both ways. The edge carries the noun's verb and its CAMEO class.

Example
-------
>>> from nlp.run.model import load_model
>>> from nlp.entities.sieve import extract_entities
>>> from nlp.relations.actors import Actors
>>> from nlp.relations.clauses import Clauses
>>> doc = load_model()("Brazil condemned Lula's arrest of Jair Bolsonaro.")
>>> entities, index = extract_entities(doc, "d")
>>> [(r.source, r.verb, r.target) for r in event_relations(doc, "d", Clauses(Actors(doc, index, entities)))]
[('person:lula', 'arrest', 'person:jair-bolsonaro')]
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from spacy.tokens import Doc, Token

from nlp.relations.actors import Actor
from nlp.relations.clauses import Clauses, acts_on_people
from nlp.records import Relation
from nlp.relations.links import make_relation
from nlp.relations.verbs import VerbClass, derived, lookup, takes_places
from nlp.scan import Ranges, sent_of, where

#: prepositions that introduce the target of an event noun
ARG_PREPS = frozenset({"of", "against", "to", "with", "on", "toward", "towards", "into", "upon", "for"})
#: prepositions through which an event noun hangs from the clause that does it
FRAME_PREPS = frozenset({"for", "in", "during", "at", "on", "after", "before"})
#: nouns that hold events ("a package of sanctions", "a round of talks")
CONTAINER_NOUNS = frozenset({"package", "round", "set", "series", "wave", "raft", "batch", "string", "spate"})
#: verbs that say when, whether or how much an event happens, not what is done to whom: over an event noun
#: with its own target ("cut short a visit to Peru", "postponed talks with Chile", "increased trade with Peru")
#: the target is the noun's, and the noun names the edge
ASPECT_VERBS = frozenset({"begin", "start", "resume", "continue", "end", "terminate", "conclude", "complete", "finish",
                          "cancel", "postpone", "delay", "defer", "reschedule", "curtail", "shorten", "extend",
                          "prolong", "increase", "boost", "expand", "double", "plan", "schedule"})
#: of those, the verbs by which the event does not take place (as planned)
CALLED_OFF = frozenset({"cancel", "postpone", "delay", "defer", "reschedule"})


def _aspect(verb: Token) -> bool:
    """A verb of :data:`ASPECT_VERBS`, or "cut short", "call off" ("cut short a trip to Lima")."""
    lemma = verb.lemma_.lower()
    return lemma in ASPECT_VERBS or (lemma == "cut" and any(c.lower_ == "short" for c in verb.children)) \
        or (lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children))


#: modifiers whose actor would make the doer uncertain ("U.S. sanctions")
_QUALIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
#: prepositions that introduce the target of a derived event noun ("submission to", "arrest of")
DERIVED_PREPS = frozenset({"of", "against", "to", "with", "on", "toward", "towards", "upon"})


def _pobjs(tok: Token, preps: frozenset[str]) -> list[tuple[Token, str]]:
    return [(g, c.lower_) for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


def event_relations(doc: Doc, doc_id: str, clauses: Clauses, *, quoted: Ranges | None = None,
                    lists: frozenset[int] = frozenset()) -> Iterator[Relation]:
    """Relations whose link is an event noun of the lexicon."""
    np = clauses.phrase
    for i in where(doc, "POS", {"NOUN"}):
        tok = doc[i]
        if lists and sent_of(tok).start in lists:
            continue  # a list of names (nlp.relations.links.list_sentences)
        row = lookup(tok.lemma_.lower(), "N")
        # a derived noun (nlp.relations.verbs.derived) is read with care, but a gerund as before
        # ("Russia's backing for Orban")
        new = row is not None and derived(row)
        if row is None or new:
            ger = gerund(tok.lemma_.lower())
            row, new = (ger, False) if ger is not None else (row, new)
        if row is None:
            continue
        qualifiers = [a for c in tok.children if c.dep_ in _QUALIFIER_DEPS for a in clauses.actors.of(c)]
        # "rejection of the Chilean proposal", "support for Peru's plan": whose proposal it is (Clauses.proposer)
        of_obj = [a for g, _ in _pobjs(tok, frozenset({"of"}))
                  for a in np(g) or clauses.proposer(g) or (clauses.qualifiers(g) if acts_on_people(row) else [])]
        others = [a for g, _ in _pobjs(tok, (DERIVED_PREPS if new else ARG_PREPS) - {"of"})
                  for a in np(g) or clauses.proposer(g)]
        by_agent = [a for g, _ in _pobjs(tok, frozenset({"by"})) for a in np(g)]
        poss = [a for c in tok.children if c.dep_ == "poss" for a in clauses.actors.of(c)]
        if qualifiers and not new:
            if poss or by_agent:
                continue  # "U.S. sanctions" beside another doer: which is it is not sure
            new = True  # the qualifier is the only candidate ("the Chilean invasion of Bolivia")
        if new:
            yield from _derived_relations(tok, row, doc_id, clauses, quoted, qualifiers, poss, by_agent, of_obj, others)
            continue
        # a gerund is its verb's event ("backing" links as "back")
        lemma, pos, governor = (row.word, "N", None) if lookup(row.word, "N") else (row.verb, "V", None)
        if poss and by_agent and not of_obj and "possessor" in row.flags:
            # "Lopez's arrest by Peru": the possessor undergoes it
            doers, of_obj = by_agent, poss
        elif poss or by_agent:
            doers = poss or by_agent
            gdoers, gov = _governed(tok, clauses)
            if gov is not None and tok.dep_ == "dobj" and {a.key for a in gdoers} == {a.key for a in doers}:
                # "Peru dropped its charges against Lopez": the governing verb is what Peru did
                governor = gov
                grow = lookup(gov.lemma_)
                if grow is not None and not grow.flags & {"support", "motion"} and not _aspect(gov):
                    lemma, pos = gov.lemma_.lower(), "V"
        else:
            doers, governor = _governed(tok, clauses)
            if governor is not None and tok.dep_ == "dobj":
                grow = lookup(governor.lemma_)
                if grow is not None and not grow.flags & {"support", "motion"} and not _announces(grow) \
                        and not _aspect(governor):
                    lemma, pos = governor.lemma_.lower(), "V"  # "dropped charges against"
                elif grow is not None and ("support" in grow.flags or _announces(grow)):
                    # "imposed tariffs on Iran": the target may hang from the light verb
                    others += [a for g, _ in _pobjs(governor, ARG_PREPS - {"of", "for"}) for a in np(g)]
        doers = clauses.who(doers)
        targets = clauses.who(of_obj + others, places=takes_places(row))
        negated = clauses.negated(governor) if governor is not None and governor.pos_ == "VERB" else False
        if governor is not None and governor.pos_ == "VERB" and tok.dep_ == "dobj" and (
                governor.lemma_.lower() in CALLED_OFF or (governor.lemma_.lower() == "call" and _aspect(governor))):
            negated = not negated  # "cancelled a visit to Lima": no visit
        modality = clauses.modality(governor) if governor is not None and governor.pos_ == "VERB" else ""
        sent = sent_of(tok)
        reported = clauses.reporter(governor if governor is not None else tok, quoted)
        if targets:
            for s in doers:
                for t in targets:
                    if s.key != t.key:
                        yield make_relation(s, t, lemma, pos=pos, doc_id=doc_id, sent=sent,
                                            negated=negated, modality=modality, reported=reported)
        elif "symmetric" in row.flags:
            # "Chile and Peru hosted talks": between the doers, the link is the noun's own
            pair = doers or [a for g, _ in _pobjs(tok, frozenset({"between"})) for a in np(g)]
            for s, t in combinations(dict.fromkeys(pair), 2):
                if s.key != t.key:
                    yield make_relation(s, t, row.word, pos="N", doc_id=doc_id, sent=sent,
                                        negated=negated, modality=modality, symmetric=True, reported=reported)


def _derived_relations(tok: Token, row: VerbClass, doc_id: str, clauses: Clauses, quoted: Ranges | None,
                       qualifiers: list[Actor], poss: list[Actor], by_agent: list[Actor],
                       of_obj: list[Actor], others: list[Actor]) -> Iterator[Relation]:
    """The links of an event noun derived from a lexicon verb ("the ANC's submission to the commission").

    Its doer is the ``by`` phrase, the possessor, or an adjective or compound
    actor when it is the only candidate ("Iraqi invasion of Kuwait"); its
    target the ``of/to/on/against/with`` object. Beside a ``by`` phrase and no
    ``of`` object, the possessor undergoes it ("Lopez's extradition by Peru");
    alone, it is the doer only of an ``of`` object or of a target that is no
    mere ``to`` ("Lopez's extradition to Peru" says nothing Lopez did).
    "Between X and Y" links X and Y both ways.
    """
    np = clauses.phrase
    by_agent = clauses.who(by_agent)
    if poss and not of_obj and by_agent:
        doers, of_obj = by_agent, poss  # "Lopez's detention by Peru"
    elif by_agent:
        doers = by_agent
    elif poss:
        # "Peru's attack on Chile", but "Lopez's extradition to Peru": with no "of" object, the
        # possessor of a noun whose target is a mere "to" may be the one it is done to
        doers = poss if of_obj or _pobjs(tok, DERIVED_PREPS - {"of", "to"}) else []
    elif len({a.key for a in qualifiers}) == 1:
        doers = qualifiers[:1]  # "the Chilean invasion of Bolivia": the only candidate
    else:
        doers = []
    doers = clauses.who(doers)
    targets = [t for t in clauses.who(of_obj + others, places=takes_places(row)) if t.key not in {d.key for d in doers}]
    sent = sent_of(tok)
    reported = clauses.reporter(tok, quoted)
    # a gerund no file lists links as its verb ("the Iraqi shelling of Arbil" -> shell)
    lemma, pos = (row.word, "N") if lookup(row.word, "N") else (row.verb, "V")
    if doers and targets:
        for s in dict.fromkeys(doers):
            for t in dict.fromkeys(targets):
                yield make_relation(s, t, lemma, pos=pos, doc_id=doc_id, sent=sent, reported=reported)
    elif not doers and not targets:
        pair = clauses.who([a for g, _ in _pobjs(tok, frozenset({"between"})) for a in np(g)])
        for s, t in combinations(dict.fromkeys(pair), 2):
            if s.key != t.key:
                yield make_relation(s, t, lemma, pos=pos, doc_id=doc_id, sent=sent, symmetric=True, reported=reported)


def gerund(noun: str) -> VerbClass | None:
    """A noun in -ing of a lexicon verb is that verb's event ("Russia's backing for Lukashenko").

    The row is the verb's, read as an event noun; a verb no lexicon knows gives none.

    >>> gerund("backing").verb, gerund("razing").verb, gerund("kidnapping").verb, gerund("walking")
    ('back', 'raze', 'kidnap', None)
    """
    if not noun.endswith("ing") or len(noun) < 6:
        return None
    stem = noun[:-3]
    for verb in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
        row = lookup(verb) if verb else None
        if row is not None and not row.flags & {"support", "speech", "intent", "negative", "motion"}:
            return VerbClass(noun, "N", row.verb, row.cameo, row.category, row.flags)
    return None


def _announces(row: VerbClass) -> bool:
    """A statement verb over an event noun ("announced sanctions on Iran"): the noun is the act."""
    return row.cameo == "01"


def _governed(tok: Token, clauses: Clauses) -> tuple[list[Actor], Token | None]:
    """The doers of the clause an event noun is the object of, and its governing verb."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in CONTAINER_NOUNS:
        # "approved a package of sanctions": the container stands in the clause for its event
        tok = head.head
        head = tok.head
    if tok.dep_ == "dobj" and head.pos_ == "VERB":
        # any verb: "started a new round of talks", "formed a consortium" (the noun names the edge)
        return list(clauses.subjects(head)), head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in FRAME_PREPS:
        verb = head.head
        if verb.pos_ == "VERB":
            return list(clauses.subjects(verb)), verb
        return clauses.around(head), None
    return [], None
