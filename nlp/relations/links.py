"""Relations between the entities of one document.

- :func:`cooccurrences`: entities named in one sentence, or one paragraph
  (kind ``cooccurrence``);
- :func:`actions`: verb clauses linking a doer to a target (kind ``action``,
  or ``quote`` for verbs of speech: "told Reuters", "quoting Lula");
- :func:`make_relation`: one record, classified by the verb lexicon (also
  used by :mod:`nlp.relations.eventnouns` and :mod:`nlp.relations.quotes`).

Each yields :class:`~nlp.records.Relation` records carrying the sentence they
came from as :class:`~nlp.records.Evidence`.

Example
-------
>>> from nlp.run.model import load_model
>>> from nlp.entities.sieve import extract_entities
>>> from nlp.relations.actors import Actors
>>> doc = load_model()("Peruvian police arrested Pedro Castillo.")
>>> entities, index = extract_entities(doc, "d")
>>> [(r.source, r.verb, r.target, r.agent) for r in actions(doc, "d", Clauses(Actors(doc, index, entities)))]
[('country:PE', 'arrest', 'person:pedro-castillo', 'police')]
"""
from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Iterator, Sequence
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from nlp.lexicons import titles
from nlp.relations.actors import Actor
from nlp.relations.clauses import Clauses, acts_on_people, thinks
from nlp.mentions import MentionIndex
from nlp.records import Evidence, Relation
from nlp.relations.verbs import OTHER, VerbClass, lookup, takes_places, unknown_verb
from nlp.scan import Ranges, child_deps, children_with, sent_of, text_of, where

#: co-occurrence windows
WINDOWS = ("sentence", "paragraph")
#: verbs whose relations are speech (kind ``quote``) beyond those the lexicon flags ``speech``
QUOTE_VERBS = frozenset({"quote", "cite", "interview"})
#: participles that say where a thing is, not what was done to it ("Hong Kong-based", "Dublin-born")
LOCATION_PARTICIPLES = frozenset({"based", "born", "headquartered", "registered", "located", "listed", "bred"})
#: links only a noun phrase takes
NOUN_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos"})
#: verbs that never link two actors by themselves
_SKIP_LEMMAS = frozenset({"be", "become", "seem", "appear", "remain", "include"})
#: children that make an idiom with their verb: particles and bare nouns ("take hostage")
_IDIOM_DEPS = frozenset({"prt", "dobj", "oprd", "npadvmod"})
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
#: a sentence naming more distinct entities than this is a list (a roll call, a results table,
#: a run of one-word lines parsed as one "sentence"), not prose that relates them: it gives no
#: co-occurrence edges. Sentences of the development articles name at most 7; one naming
#: 300 gave 44,850 edges, each carrying the whole sentence (a 246 MB page). A paragraph may
#: name twice as many.
MAX_NAMED_TOGETHER = {"sentence": 12, "paragraph": 24}
#: a crowded sentence with more names than this per verb is a list of names, where no relation is read
#: (a roll call: 300 names, one verb; the seed story's two sentences run together: 14 names, 11 verbs)
LIST_NAMES_PER_VERB = 4


def evidence(doc_id: str, sent: Span, quote: str = "") -> Evidence:
    """The sentence ``sent`` as evidence, with its character offsets.

    >>> import spacy
    >>> doc = spacy.blank("en")("Peru met Chile.")
    >>> evidence("d", doc[:], quote="We met")
    Evidence(doc='d', sentence='Peru met Chile.', start=0, end=15, quote='We met')
    """
    start, end = sent.start_char, sent.end_char
    return Evidence(doc_id, text_of(sent.doc)[start:end], start, end, quote)  # sent.text, without joining its tokens


def paragraphs(doc: Doc) -> list[Span]:
    """The paragraphs of a document: runs of text between line breaks.

    >>> import spacy
    >>> [p.text for p in paragraphs(spacy.blank("en")("One two.\\n\\nThree."))]
    ['One two.', 'Three.']
    """
    out: list[Span] = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text_of(doc)):
        span = doc.char_span(start, m.start(), alignment_mode="expand")
        if span is not None and span.text.strip():
            out.append(span)
        start = m.end()
    span = doc.char_span(start, len(text_of(doc)), alignment_mode="expand")
    if span is not None and span.text.strip():
        out.append(span)
    return out


def cooccurrences(doc: Doc, doc_id: str, index: MentionIndex, *, window: str = "sentence") -> Iterator[Relation]:
    """One relation per pair of distinct entities named in one sentence (or paragraph).

    Pairs are sorted so that the same pair always gives the same edge; the
    graph counts the windows a pair shares as the edge's weight. A window
    naming more than :data:`MAX_NAMED_TOGETHER` entities is a list and gives
    none, so pairs grow with the text and not with the square of a list.

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("sentencizer")
    >>> doc = nlp("Peru met Chile.")
    >>> index = MentionIndex(); index.add(0, 1, "country:PE"); index.add(2, 3, "country:CL")
    >>> [(r.source, r.target, r.kind) for r in cooccurrences(doc, "d", index)]
    [('country:CL', 'country:PE', 'cooccurrence')]
    """
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {', '.join(WINDOWS)}, not {window!r}")
    spans = list(doc.sents) if window == "sentence" else paragraphs(doc)
    for span in spans:
        keys = sorted({k for i in range(span.start, span.end) if (k := index.key_of(i))})
        if len(keys) < 2:
            continue
        if len(keys) > MAX_NAMED_TOGETHER[window]:  # a list of names, not a sentence relating them
            continue
        ev = (evidence(doc_id, span),)
        for a, b in combinations(keys, 2):
            yield Relation(a, b, "cooccurrence", evidence=ev, symmetric=True)


def make_relation(src: Actor, tgt: Actor, lemma: str, *, pos: str, doc_id: str, sent: Span,
                  negated: bool = False, modality: str = "", quote: str = "",
                  symmetric: bool | None = None, reported: tuple[bool, str] = (False, "")) -> Relation:
    """A relation record for ``src`` doing ``lemma`` to ``tgt``, classified by the verb lexicon.

    ``agent`` is the doer's agent noun ("police" of "Canadian police");
    ``reported`` says whether the event is told in someone's speech, and whose
    (:meth:`~nlp.relations.clauses.Clauses.reporter`).

    >>> import spacy
    >>> sent = spacy.blank("en")("Peru arrested Lopez.")[:]
    >>> r = make_relation(Actor("country:PE", "police"), Actor("person:lopez"), "arrest", pos="V", doc_id="d", sent=sent)
    >>> (r.kind, r.verb, r.polarity, r.category, r.agent)
    ('action', 'arrest', 'conflict', 'arrest', 'police')
    """
    row = lookup(lemma, pos)
    verb = row.verb if row else lemma
    polarity, category = (row.polarity, row.category) if row else ("neutral", OTHER)  # a verb no lexicon knows
    # speech proper (CAMEO 01: say, tell, quote) is a quote; "warned", "criticized" stay actions
    speech = verb in QUOTE_VERBS or (row is not None and "speech" in row.flags and row.cameo == "01")
    sym = (row is not None and "symmetric" in row.flags) if symmetric is None else symmetric
    told, teller = reported
    return Relation(src.key, tgt.key, "quote" if speech else "action", verb, polarity, category,
                    (evidence(doc_id, sent, quote),), negated, modality, src.agent, sym,
                    told, teller if told else "")


def verb_entry(tok: Token) -> VerbClass | None:
    """The lexicon row of a verb token, idioms first ("take hostage", "hand over").

    A verb no lexicon knows still links, neutrally (:func:`~nlp.relations.verbs.unknown_verb`);
    light verbs (``support``) act through their event noun instead.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Iran", "took", "him", "hostage"], heads=[1, 1, 1, 1],
    ...           deps=["nsubj", "ROOT", "dobj", "oprd"], pos=["PROPN", "VERB", "PRON", "NOUN"],
    ...           lemmas=["Iran", "take", "he", "hostage"])
    >>> verb_entry(doc[1]).category, verb_entry(doc[0])
    ('abduct', None)
    >>> doc = Doc(spacy.blank("en").vocab, words=["Iran", "portrays", "Iraq"], heads=[1, 1, 1],
    ...           deps=["nsubj", "ROOT", "dobj"], pos=["PROPN", "VERB", "PROPN"], lemmas=["Iran", "portray", "Iraq"])
    >>> verb_entry(doc[1]).category
    'other'
    """
    if tok.pos_ != "VERB" or tok.dep_ in ("aux", "auxpass", "prep") or tok.lemma_.lower() in _SKIP_LEMMAS:
        # a participle used as a preposition ("according to", "including") is no action
        return None
    if tok.tag_ in ("VBZ", "VBP", "VBD") and tok.dep_ in NOUN_DEPS:
        return None  # "won in as many starts against Peru": a finite verb cannot be an object or a subject: a noun
    if tok.dep_ == "amod" and tok.lower_ in LOCATION_PARTICIPLES:
        return None  # "Hong Kong-based group CITIC": where a thing is, not what a place did to it
    lemma = tok.lemma_.lower()
    for c in children_with(tok, ("prt",)) if "dobj" not in child_deps(tok) else ():
        for p in children_with(tok, ("prep",)):
            # "took over from Ruiz": succeeded him; with an object ("took over the town from Y") it seized that
            if row := lookup(f"{lemma} {c.lower_} {p.lower_}"):
                return row
    for c in children_with(tok, _IDIOM_DEPS):
        row = lookup(f"{lemma} {c.lemma_.lower()}")
        if row:
            return row
    row = lookup(lemma)
    if row is None:
        if tok.lower_ in titles() and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_type_ == "PERSON":
            return None  # "a pledge she made to dictator Carlos Ruiz": a title the tagger took for a verb
        return unknown_verb(lemma)  # links neutrally where doer and target are entities
    if "support" in row.flags:
        return None  # light verbs act through their event noun (nlp.relations.eventnouns)
    if row.flags & {"intent", "negative"} and "xcomp" in child_deps(tok):
        return None  # "wants to visit": the infinitive carries the action
    return row


#: tokens from which a sentence is long enough for the small model's parse to break (appositions,
#: relative clauses): the clause fallback reads only those (dev articles: F1 0.692 without it, 0.750 with)
LONG_SENTENCE = 30
#: fallbacks of :func:`actions` for verbs the parse gives no target, in order
FALLBACKS = ("next_entity", "clause")


#: a lexicon verb of a document: (verb, lexicon row, whether it takes places, its targets by the parse)
VerbClause = tuple[Token, VerbClass, bool, list[Actor]]


def list_sentences(doc: Doc, index: MentionIndex) -> frozenset[int]:
    """The start tokens of the sentences that name more than ``MAX_NAMED_TOGETHER["sentence"]`` distinct
    entities, more than :data:`LIST_NAMES_PER_VERB` for each verb: lists of names ("The meeting was
    attended by A, B, ... and Z"), not prose that relates them.
    No relation is read in them, whatever the voice (one reading of the document, linear in its tokens).

    >>> import spacy
    >>> doc = spacy.blank("en")("A met B.")
    >>> list_sentences(doc, MentionIndex())
    frozenset()
    """
    if not doc.has_annotation("SENT_START"):
        return frozenset()
    named: dict[int, set[str]] = {}
    for start, _, key in index.spans:
        named.setdefault(sent_of(doc[start]).start, set()).add(key)
    crowded = {s for s, keys in named.items() if len(keys) > MAX_NAMED_TOGETHER["sentence"]}
    if not crowded:
        return frozenset()
    # prose that names many (two sentences the parser ran together) has verbs between its names; a list has few
    verbs: dict[int, int] = {}
    for i in where(doc, "POS", {"VERB"}):
        start = sent_of(doc[i]).start
        if start in crowded:
            verbs[start] = verbs.get(start, 0) + 1
    return frozenset(s for s in crowded if len(named[s]) > LIST_NAMES_PER_VERB * verbs.get(s, 0))


def verb_clauses(doc: Doc, clauses: Clauses) -> list[VerbClause]:
    """(verb, lexicon row, whether it takes places, its targets) of every verb of the document.

    Read once per document (:attr:`nlp.relations.reading.Reading.verbs`): the verb
    pass and its two fallbacks all start from the same verbs and the same parse
    targets, and a long document has a great many tokens that are no verb at all.
    """
    out = []
    for i in where(doc, "POS", {"VERB"}):
        tok = doc[i]
        row = verb_entry(tok)
        if row is not None:
            places = takes_places(row) or clauses.deployment(tok)
            found = clauses.targets(tok)
            # a place a hostile act takes as its object is what it acts on ("captured East Jerusalem")
            held = row.quad >= 3 and row.category != OTHER
            out.append((tok, row, places, [a for a, prep in found if places or (held and not prep)
                                           or a in clauses.who([a], places=False)]))
    return out


def actions(doc: Doc, doc_id: str, clauses: Clauses, *, verbs: Sequence[VerbClause] | None = None,
            quotes_by_cue: dict[int, tuple[str, str]] | None = None, quoted: Ranges | None = None,
            lists: frozenset[int] = frozenset(), fallback: str = "") -> Iterator[Relation]:
    """Verb clauses whose doer and target are both actors.

    ``verbs`` are the document's :func:`verb_clauses`, read once. ``quotes_by_cue``
    maps a speech verb's token index to (speaker key, quote text) of the quote
    it introduces (:class:`nlp.relations.quotes.QuoteReading`): the speaker there
    beats the parse, and the quote text goes into the evidence; ``quoted`` holds
    the direct quotes, whose events are their speaker's report.

    With a ``fallback``, only the verbs whose parse gives no target are read:
    ``"next_entity"`` takes the entity right after the verb
    (:meth:`~nlp.relations.clauses.Clauses.shallow_targets`); ``"clause"``,
    for the verbs that gives none either, in sentences of at least
    :data:`LONG_SENTENCE` tokens, every entity of the verb's clause
    (:meth:`~nlp.relations.clauses.Clauses.clause_entities`).
    """
    if fallback and fallback not in FALLBACKS:
        raise ValueError(f"fallback must be one of {', '.join(FALLBACKS)}, not {fallback!r}")
    quotes_by_cue = quotes_by_cue or {}
    for tok, row, places, targets in (verbs if verbs is not None else verb_clauses(doc, clauses)):
        if lists and sent_of(tok).start in lists:
            continue  # a list of names (:func:`list_sentences`)
        subjects: Sequence[Actor] = clauses.subjects(tok)
        speaker, text = quotes_by_cue.get(tok.i, ("", ""))
        if speaker:
            subjects = (Actor(speaker),)
        subjects = clauses.who(subjects)
        if not subjects:
            continue
        lemma = row.word
        if fallback:
            if targets:
                continue
            targets = clauses.who(clauses.shallow_targets(tok), places=places)
            if fallback == "clause":
                if targets or ((base := lookup(tok.lemma_)) is not None and "support" in base.flags) \
                        or "xcomp" in child_deps(tok):
                    continue  # read by the next-entity fallback; a light verb acts through its noun, "keep importing" through its complement
                if len(sent_of(tok)) < LONG_SENTENCE:
                    continue  # a short sentence the parser reads well: no object means none
                if row.category == OTHER and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                    continue  # a verb no lexicon knows, whose doer is only inherited from another clause
                if row.cameo == "01" and "speech" not in row.flags:
                    continue  # "saw Lopes's visit as a chance to pull Peru away from Chile": a view, not an act on them
                if thinks(tok):
                    continue  # "feared that ...": what the doer has in mind
                targets = clauses.who(clauses.clause_entities(tok, material=acts_on_people(row)), places=places)
            if not targets:
                continue
        if len(subjects) > 1:
            # never one of the verb's own doers ("X, Y and Z worked to build up their capabilities": not X -> Y;
            # "X and Y ... accepted responsibility")
            doers = {s.key for s in subjects}
            targets = [t for t in targets if t.key not in doers]
        negated, modality = clauses.negated(tok), clauses.modality(tok)
        reported = clauses.reporter(tok, quoted)
        sent = sent_of(tok)
        if targets:
            for s in subjects:
                for t in targets:
                    if s.key != t.key:
                        yield make_relation(s, t, lemma, pos="V", doc_id=doc_id, sent=sent,
                                            negated=negated, modality=modality, quote=text, reported=reported)
        elif "symmetric" in row.flags and len({s.key for s in subjects}) > 1:
            # conjoined subjects of a symmetric verb: "Peru and Chile met"
            for s, t in combinations(subjects, 2):
                if s.key != t.key:
                    yield make_relation(s, t, lemma, pos="V", doc_id=doc_id, sent=sent,
                                        negated=negated, modality=modality, reported=reported)


def speech_about(doc: Doc, doc_id: str, clauses: Clauses, *, quoted: Ranges | None = None,
                 lists: frozenset[int] = frozenset()) -> Iterator[Relation]:
    """"Chile said Ruiz was preparing for war": the speaker -say-> whom the reported clause is about.

    The subject of the clause a verb of speech or another verbal act
    ("charged that", "warned that", "agreed that") reports is who the
    statement is about, or the subject's named owner ("said Israel's
    bulldozing ... might injure"); the edge is an action, not a quote:
    nothing was said *to* them. Direct quotes are left to the quote records,
    and an official speaking of their own country speaks for it, not about it.
    A plain report ("said", "told") by a person or group is also about the
    other parties its clause names (:func:`_named_in`): "Petrov said the
    rebels were east of Velaro"; on the development articles this raises
    pooled relation recall from 79/121 to 82/121 (F1 0.765 -> 0.780).
    """
    for i in where(doc, "POS", {"VERB"}):
        tok = doc[i]
        if lists and sent_of(tok).start in lists:
            continue  # a list of names (:func:`list_sentences`)
        if not (row := lookup(tok.lemma_)) or not ("speech" in row.flags or row.quad in (0, 1, 3)):
            continue  # verbal acts only (CAMEO 01-05, 09-13): "charged that ...", "warned that ..."
        if thinks(tok):
            continue  # "thought that X would ...": what the doer has in mind, no act on whom the clause names
        # an outlet reporting ("Reuters reported that ...") says nothing about whom
        speakers = [a for a in clauses.who(clauses.subjects(tok)) if clauses.actors.type_of(a.key) != "outlet"]
        if not speakers:
            continue
        reported = clauses.reporter(tok, quoted)
        # "its president, Ursula von der Leyen, said the Commission will ...": who the speaker's own phrase names
        own_side = {a.key for c in children_with(tok, ("nsubj", "nsubjpass"))
                    for t in c.subtree if t.i != c.i for a in clauses.actors.of(t)}
        for clause in _content_clauses(tok):
            if quoted is not None and clause.idx in quoted:
                continue  # a direct quote is the speaker's words (a quote record), not a statement about its subject
            # whom the clause is about: its subject, else whose act its subject (or, after "be", its predicate) is
            about = clauses.who(clauses.subjects(clause) or [
                a for c in children_with(clause, ("nsubj", "nsubjpass", "attr")) for a in _whose(c, clauses)])
            if tok.lemma_ in PLAIN_REPORT and all(clauses.actors.type_of(s.key) != "country" for s in speakers):
                about = list(dict.fromkeys([*about, *_named_in(clause, clauses)]))
            for s in speakers:
                for t in about:
                    # an official on their own country's plans speaks for it, not about it
                    if s.key != t.key and not clauses.actors.own(s.key, t.key) and t.key not in own_side \
                            and not _speaks_for(s.key, t.key, clauses):
                        r = make_relation(s, t, row.word, pos="V", doc_id=doc_id, sent=sent_of(tok),
                                          negated=clauses.negated(tok), modality=clauses.modality(tok), reported=reported)
                        yield replace(r, kind="action", symmetric=False)


#: the neutral verbs of report: "X said the rebels were east of Velaro" is X's statement
#: about everyone it names; opinion verbs ("wondered whether", "suggested that") speculate and do not
PLAIN_REPORT = frozenset({"say", "tell"})


def _named_in(clause: Token, clauses: Clauses) -> list[Actor]:
    """The parties a reported clause names: objects and prepositional objects, at most one clause down.

    "the former Norvik skipper", "the Geneva-based body": a name that only
    qualifies another noun is not what the statement is about; a subject or
    a recipient inside the clause does an act of its own (the verb pass links
    it), and a name two clauses down ("banks that finance loans which reach
    X") is a detail. Places are left out (:meth:`Clauses.who`). The depth and
    the roles were chosen on the development articles and kept the held-out
    articles at their bars.
    """
    out = []
    for t in clause.subtree:
        for a in clauses.actors.of(t):
            if t.dep_ in ("compound", "amod", "nmod", "npadvmod") and a in clauses.actors.of(t.head):
                continue  # inside a multi-word name: its head token speaks for it
            if _role(t) in ("compound", "amod", "nmod", "npadvmod", "poss", "nsubj", "nsubjpass", "csubj", "dative"):
                continue  # a modifier, or the doer of an act of its own (a relation of its own)
            if _verbs_between(t, clause) > 1:
                continue  # deep in a nested clause: a detail, not what the statement is about
            out.append(a)
    return clauses.who(out)


def _role(tok: Token) -> str:
    """A token's dependency, a conjunct taking its first conjunct's ("the Baglihar and Salal dams")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_


def _verbs_between(tok: Token, head: Token) -> int:
    """How many verbs stand between ``tok`` and the clause head ``head`` above it."""
    n, t = 0, tok.head
    while t.i != head.i and t.head.i != t.i:
        n += t.pos_ in ("VERB", "AUX")
        t = t.head
    return n


def _speaks_for(speaker: str, about: str, clauses: Clauses) -> bool:
    """An official saying what a country or body will do, with no other affiliation known, speaks for it.

    "Von der Leyen said the Commission would propose tariffs", "Jaishankar
    said India would not restore the treaty": the official's own side, whose
    act is the reported relation; not a statement about it.
    """
    actors = clauses.actors
    return (actors.type_of(speaker) == "official" and actors.type_of(about) in ("country", "organization")
            and actors.affiliations.get(speaker, about) == about)


def _whose(noun: Token, clauses: Clauses) -> list[Actor]:
    """Whose act a noun is: its owner, or its "by" phrase ("the moves by Netanyahu's government" -> Netanyahu)."""
    found = clauses.owners(noun)
    for g in (g for p in noun.children if p.dep_ == "prep" and p.lower_ == "by" for g in p.children if g.dep_ == "pobj"):
        found += clauses.phrase(g) or clauses.owners(g)
    return found


def _content_clauses(verb: Token) -> list[Token]:
    """The clauses a verbal act reports: its ``ccomp`` and their conjuncts, and a "that" clause on its object.

    "said X was wrong and Y would pay" reports both; "expressed concern that
    X might ..." reports X through the noun.
    """
    heads = children_with(verb, ("ccomp",))
    heads += [a for o in children_with(verb, ("dobj",)) for a in children_with(o, ("acl", "ccomp"))
              if any(m.lower_ == "that" for m in children_with(a, ("mark",)))]
    out = [h for h in heads if h.pos_ in ("VERB", "AUX")]
    out += [c for h in out for c in h.conjuncts if c.pos_ in ("VERB", "AUX")]
    # a clause past a line break is the next line's sentence the parser ran on ("X scattered six hits ...
    # as the Cardinals beat Y.\nZ allowed three runs"), not what the verb reports
    return [h for h in dict.fromkeys(out) if not _line_break_between(verb, h)]


def _line_break_between(a: Token, b: Token) -> bool:
    """Whether a line break stands between two tokens of one parsed sentence."""
    lo, hi = sorted((a.i, b.i))
    return any("\n" in t.text for t in a.doc[lo + 1: hi])
