"""The quote step: one reading of who said what in a document.

:func:`read_quotes` runs the quote finders (:data:`QUOTE_FINDERS`: direct
quotes between marks, reported speech, block quotes, "according to"),
attributes every quote in text order (a reporting verb's speaker by
:data:`~nlp.relations.quotes.speakers.SPEAKER_RULES`; a quote with no verb
of its own by :data:`CONTINUATION_RULES`), fills what is still open
(:data:`QUOTE_FILLS`) and makes the :class:`~nlp.records.Quote` records.
The relation step reads the same reading (:class:`QuoteReading`): the
speaker a quote's verb has, the quoted stretches, the words for evidence.

>>> from nlp.run.model import load_model
>>> from nlp.entities.sieve import extract_entities
>>> from nlp.relations.actors import Actors
>>> doc = load_model()("“We will win,” Ana Lopes said. She said the vote was fair.")
>>> entities, index = extract_entities(doc, "d")
>>> [(q.speaker, q.kind, q.text) for q in read_quotes(doc, "d", Clauses(Actors(doc, index, entities))).records]
[('person:ana-lopes', 'direct', 'We will win'), ('person:ana-lopes', 'indirect', 'the vote was fair')]
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from spacy.tokens import Doc, Token

from nlp.passes import Pass, run_passes
from nlp.records import Quote, Relation
from nlp.relations.actors import Actor
from nlp.relations.clauses import Clauses
from nlp.relations.links import make_relation
from nlp.relations.quotes.speakers import BODY_NOUNS, GROUP_TYPES, OUTLET_NOUNS, PERSON_TYPES, Speakers, addressee
from nlp.relations.quotes.stretches import (HEADLINE_TAIL, HEADLINE_WORDS, MIN_WORDS, Draft, according_drafts,
                                            attribution_only, block_drafts, direct_drafts, line_end, line_start,
                                            is_cue, is_title, line_of, quote_stretches, reported_drafts,
                                            statement_drafts, token_range, trimmed)
from nlp.relations.verbs import has_flag
from nlp.scan import Ranges, sent_of, text_of, where


@dataclass(frozen=True)
class QuoteReading:
    """The quotes of one document, read once: the records, and what the relation step asks of them."""

    records: tuple[Quote, ...] = ()
    #: token index of a reporting verb -> (speaker key, words) of the direct quote it introduces
    cues: dict[int, tuple[str, str]] = field(default_factory=dict)

    @cached_property
    def direct(self) -> tuple[Quote, ...]:
        """The direct quotes (between marks, or a block quote after "X said:")."""
        return tuple(q for q in self.records if q.kind == "direct")

    @cached_property
    def quoted(self) -> Ranges:
        """Where the direct quotes are, by character: ``quoted.first(i)`` is the speaker of the quote
        holding character ``i`` ("" when unknown, ``None`` outside every quote)."""
        return Ranges((q.start, q.end, q.speaker) for q in self.direct)


@dataclass
class QuoteStep:
    """The quote step's working state for one document: the passes read and extend it."""

    doc: Doc
    doc_id: str
    clauses: Clauses
    speakers: Speakers
    direct: list[Draft]
    #: every draft found so far, direct and reported
    drafts: list[Draft] = field(default_factory=list)
    text: str = ""
    head_end: int = 0  # end of the first line
    headline: bool = False  # the first line is a headline

    def body(self) -> frozenset[str]:
        """Who speaks below the headline."""
        return frozenset(d.speaker for d in self.drafts if d.start > self.head_end and d.speaker)

    def named_below(self) -> frozenset[str]:
        """Who the story names below the headline."""
        return frozenset(k for s, _, k in self.clauses.actors.index.spans if self.doc[s].idx > self.head_end)


# --- finders: where the quotes are ------------------------------------------------------------

def reported_speech(q: QuoteStep) -> list[Draft]:
    """"X said (that) ...", "..., X said", "X told Reuters ...": the complement of a reporting verb."""
    return reported_drafts(q.doc, q.direct)


def block_quotes(q: QuoteStep) -> list[Draft]:
    """A paragraph after a line ending "X noted:" is X's words, quoted as a block."""
    return block_drafts(q.doc, q.direct)


def statement_nouns(q: QuoteStep) -> list[Draft]:
    """"his position that ...", "a comment by X that ...": what the noun's owner said."""
    return statement_drafts(q.doc, q.clauses)


def according_to(q: QuoteStep) -> list[Draft]:
    """"according to X, ...", "..., according to X": the rest of the sentence is X's."""
    return according_drafts(q.doc, q.clauses, q.speakers.owner)


#: the finders after the direct quotes (:func:`~nlp.relations.quotes.stretches.direct_drafts`,
#: pass ``direct_quotes``), which every other reads
QUOTE_FINDERS: tuple[Pass, ...] = (
    Pass("direct_quotes", lambda q: q.direct, "words between quotation marks, three or more, not a title"),
    Pass("reported_speech", reported_speech, "'X said (that) ...': the complement of a reporting verb"),
    Pass("block_quotes", block_quotes, "a paragraph after 'X said:' is X's words"),
    Pass("according_to", according_to, "'according to X, ...': X's"),
    Pass("statement_nouns", statement_nouns, "'his position that ...', 'a comment by X that ...': the owner's"),
)


# --- continuation: a direct quote with no verb of its own -------------------------------------

@dataclass(frozen=True)
class Cueless:
    """A direct quote with no reporting verb, and the quotes before it."""

    draft: Draft
    previous: Draft | None  # the last direct quote
    last: Draft | None  # the last attributed quote of either kind
    text: str
    doc: Doc


def reopened_paragraph(c: Cueless) -> Draft | None:
    """A paragraph reopening an open quote continues it."""
    d, previous = c.draft, c.previous
    if previous is not None and previous.kind == "direct" and previous.speaker and d.continues:
        return previous
    return None


def line_after_quote(c: Cueless) -> Draft | None:
    """A quote opening the line after an attributed one, direct or reported ("She said ...\n“We ...”")."""
    d, last = c.draft, c.last
    if last is not None and last.speaker and d.line == last.last_line + 1 \
            and c.text[line_start(c.text, d.start):d.start].strip() in ('"', "“", ""):
        return last
    return None


def after_attribution(c: Cueless) -> Draft | None:
    """“...,” X said. “...”: a second quote of the paragraph, right after the first's attribution."""
    d, previous = c.draft, c.previous
    if previous is not None and previous.speaker and previous.cue is not None and previous.line == d.line \
            and previous.end < previous.cue.idx < d.start and attribution_only(c.doc, previous, d):
        return previous
    return None


#: who says a direct quote that has no reporting verb, asked in this order (the quote takes the
#: speaker, verb and addressee of the quote a rule returns)
CONTINUATION_RULES: tuple[Pass, ...] = (
    Pass("reopened_paragraph", reopened_paragraph, "a paragraph reopening a quote continues its speaker"),
    Pass("line_after_quote", line_after_quote, "a quote opening the line after an attributed one is its speaker's"),
    Pass("after_attribution", after_attribution, "a second quote right after the first's attribution"),
)


def _take(d: Draft, source: Draft) -> None:
    d.speaker, d.cue_text, d.to = source.speaker, source.cue_text, source.to
    d.rule = source.rule


def _attribute(q: QuoteStep, skip: Collection[str]) -> None:
    """Every draft's speaker, in text order, so that "he said" and "the ministry said" know who spoke before."""
    rules = [r for r in CONTINUATION_RULES if r.name not in skip]
    previous: Draft | None = None  # the last direct quote
    last: Draft | None = None  # the last quote of either kind
    for d in q.drafts:
        if d.cue is not None:
            d.speaker, named = q.speakers.of(d.cue)
            d.rule = q.speakers.answered
            d.to, _ = addressee(d.cue, q.clauses)
            d.cue_text = d.cue.lemma_.lower()
            if d.speaker:
                q.speakers.heard(d.speaker, d.cue.i, named)
        elif d.sources is not None:
            d.speaker = d.sources[0] if len(d.sources) == 1 else ""
            d.rule = "according_to"
            if d.speaker:
                q.speakers.heard(d.speaker, d.tokens[0], True)
        elif d.kind == "direct":
            asked = Cueless(d, previous, last, q.text, q.doc)
            answer = next(((r.name, s) for r in rules if (s := r.run(asked)) is not None), None)
            if answer is not None:
                _take(d, answer[1])
                d.rule = answer[0]
        if d.kind == "direct":
            previous = d
        if not d.shadow and d.speaker:
            last = d


# --- fills: what is still open after the reading in text order --------------------------------

def earlier_paragraphs(q: QuoteStep) -> None:
    """A quote over several paragraphs attributed after its last: the earlier ones are the same speaker's."""
    for i in range(len(q.direct) - 1, 0, -1):
        d, before = q.direct[i], q.direct[i - 1]
        if d.continues and d.speaker and not before.speaker:
            _take(before, d)


def inside_reported(q: QuoteStep) -> None:
    """A quoted phrase inside a reported clause has that clause's speaker; else an earlier quote's of
    the same sentence ("telling the AP that it “...”, but “...”")."""
    for d in q.direct:
        if not d.speaker and d.cue is None:
            outer = next((o for o in q.drafts if o.kind == "indirect" and o.speaker and o.start <= d.start
                          and d.end <= o.end), None)
            if outer is None:
                sent = sent_of(q.doc[d.tokens[0]]) if d.tokens[1] > d.tokens[0] else None
                outer = next((o for o in reversed(q.drafts) if sent is not None and o.speaker and o is not d
                              and sent.start_char <= o.start < d.start), None)
            if outer is not None:
                _take(d, outer)


#: punctuation that names a speaker beside a quote: "Lula: “...”", "“...” — Lula"
_DASHES = frozenset({"—", "–", "-", "--"})


def named_by_punctuation(q: QuoteStep) -> None:
    """"Lula: “...”", "Lula — “...”", "“...” — Lula": the name the colon or dash joins to the quote."""
    doc, index = q.doc, q.clauses.actors.index
    for d in q.direct:
        if d.speaker or d.cue is not None or d.tokens[1] <= d.tokens[0]:
            continue
        lo, hi = d.tokens
        before = lo - 2  # the name, the punctuation, the opening mark
        if before >= 1 and doc[before + 1].text in ('"', "“") and doc[before].text in {":"} | _DASHES:
            found = q.clauses.actors.of(doc[before - 1])
            if found and index.key_of(doc[before - 1].i):
                d.speaker = found[0].key if len(found) == 1 else ""
                continue
        after = hi + 1  # the closing mark, then the dash, then the name
        if after + 1 < len(doc) and doc[hi].text in ('"', "”") and doc[after].text in _DASHES:
            d.speaker = index.key_of(doc[after + 1].i) or ""


def doer_of_clause(q: QuoteStep) -> None:
    """A phrase quoted by the doer of the clause it stands in ("Dagbladet called it “the greatest
    gift”", "Reuters listed topics including “the jailing of ...”"): that doer."""
    for d in q.direct:
        if not d.speaker and d.tokens[1] > d.tokens[0]:
            d.speaker = _governing_doer(q.doc, d, q.clauses)


def short_phrases(q: QuoteStep) -> None:
    """A two-word phrase in quotation marks is a quote only when the doer of its clause or of the
    judging verb above it quotes it ("Feinstein called it a “big bump”", "de Palacio accused Fischler
    of causing alarm through “dangerous generalisation”"); alone it is a term, a name or a scare quote."""
    taken = [(d.start, d.end) for d in q.drafts if d.kind == "direct"]
    for start, end, _ in quote_stretches(q.text):
        s, e = trimmed(q.text, start, end)
        if len(q.text[s:e].split()) != MIN_WORDS - 1 or is_title(q.text[s:e]) \
                or any(a <= s < b for a, b in taken):
            continue
        d = Draft(s, e, "direct", token_range(q.doc, s, e), line=line_of(q.text, s), last_line=line_of(q.text, e))
        if d.tokens[1] > d.tokens[0]:
            d.speaker = _governing_doer(q.doc, d, q.clauses, judging=True)
            if d.speaker:
                d.finder = "short_phrases"
                q.drafts.append(d)


def headline_sources(q: QuoteStep) -> None:
    """A wire headline's "X says ..." or "... - paper": said by the body's speaker of that kind."""
    if not q.headline:
        return
    body = q.body()
    q.drafts.extend(_headline_drafts(q.doc, q.head_end, q.drafts, q.speakers))
    index = q.clauses.actors.index
    named = q.named_below()
    for d in q.drafts:  # the headline's names link nothing; "X says ..." still names X, kept if X speaks below
        if d.end <= q.head_end and not d.speaker and d.cue is not None:
            subjects = [c for c in d.cue.children if c.dep_ in ("nsubj", "nsubjpass")]
            keys = [k for c in subjects for t in c.subtree if (k := index.mention_only_key_of(t.i))]
            d.speaker = next((k for k in keys if k in body), "")
            # "Britain says ...": the one speaker the subject's head names, when the story names it below
            heads = [k for c in subjects if (k := index.mention_only_key_of(c.i))]
            if not d.speaker and len(subjects) == 1 and len(heads) == 1 and heads[0] in named \
                    and q.clauses.actors.type_of(heads[0]) in PERSON_TYPES | GROUP_TYPES:
                d.speaker = heads[0]
    if not any(d.end <= q.head_end for d in q.drafts if d.kind == "indirect"):
        q.drafts.extend(_says_headline(q, named))


#: run after every quote was read in text order, in this order
QUOTE_FILLS: tuple[Pass, ...] = (
    Pass("earlier_paragraphs", earlier_paragraphs, "a quote over paragraphs: the earlier ones are its speaker's"),
    Pass("inside_reported", inside_reported, "a phrase quoted inside a reported clause is that clause's speaker's"),
    Pass("named_by_punctuation", named_by_punctuation, "'Lula: “...”', '“...” — Lula'"),
    Pass("doer_of_clause", doer_of_clause, "'X called it “...”': the doer of the clause the phrase stands in"),
    Pass("short_phrases", short_phrases, "'X called it a “big bump”': a two-word phrase its clause's doer quotes"),
    Pass("headline_sources", headline_sources, "a headline's 'X says' only when X speaks in the body"),
)

#: the quote step's passes, in order
QUOTE_PASSES: tuple[Pass, ...] = QUOTE_FINDERS + QUOTE_FILLS


def read_quotes(doc: Doc, doc_id: str, clauses: Clauses, *, skip: Collection[str] = frozenset()) -> QuoteReading:
    """Every direct and indirect quote of a document, attributed where the text says who.

    ``skip`` switches off passes and rules by name (:data:`QUOTE_PASSES`,
    :data:`~nlp.relations.quotes.speakers.SPEAKER_RULES`, :data:`CONTINUATION_RULES`).
    """
    text = text_of(doc)
    direct = direct_drafts(doc) if "direct_quotes" not in skip else []
    q = QuoteStep(doc, doc_id, clauses, Speakers(doc, clauses, [d.tokens for d in direct], skip=skip), direct,
                  text=text)
    for name, found in run_passes(QUOTE_FINDERS, q, skip=skip):
        for d in found:
            d.finder = d.finder or name
        q.drafts.extend(found)
    q.drafts.sort(key=lambda d: (min(d.start, d.cue.idx if d.cue is not None else d.start), d.start))
    _attribute(q, skip)
    q.head_end = line_end(text, 0)
    # a short line of its own: a lead paragraph ("BRASILIA, June 12 (EFE) - ...") is no headline
    q.headline = (text[q.head_end:q.head_end + 2] == "\n\n" and text[q.head_end:].strip() != ""
                  and len(text[:q.head_end].split()) <= HEADLINE_WORDS)
    for p in QUOTE_FILLS:  # a speaker a fill gives is that fill's
        if p.name not in skip:
            before = [d.speaker for d in q.drafts]
            p.run(q)
            for i, d in enumerate(q.drafts):
                if d.speaker and not (before[i] if i < len(before) else ""):
                    d.rule = p.name
    body = q.body()
    spans = sorted(clauses.actors.index.spans)
    records: list[Quote] = []
    cues: dict[int, tuple[str, str]] = {}
    named = q.named_below()
    for d in sorted(q.drafts, key=lambda d: (d.start, d.end)):
        if d.shadow:
            lead = _lead_in(q, d)
            if lead is not None and d.speaker:
                records.append(Quote(doc_id, *lead, text[lead[0]:lead[1]], d.speaker, d.cue_text, "indirect",
                                     d.to, _names(spans, *token_range(q.doc, *lead)),
                                     rule=f"lead_in/{d.rule}"))
            continue
        if q.headline and d.end <= q.head_end and d.speaker not in body and not (d.rule in _HEADLINE_NAMED
                                                                                 and d.speaker in named):
            d.speaker = ""  # a headline's speaker counts only when the body confirms it
        record = Quote(doc_id, d.start, d.end, text[d.start:d.end], d.speaker, d.cue_text, d.kind, d.to,
                       _names(spans, *d.tokens), rule=f"{d.finder or d.kind}/{d.rule}" if d.speaker else d.finder)
        records.append(record)
        if d.kind == "direct" and d.cue is not None and d.speaker and d.cue_text != "quote":
            # the speaker of its verb, who does it ("Interfax quoted Lopes": Lopes speaks, Interfax quotes)
            cues[d.cue.i] = (d.speaker, record.text)
    return QuoteReading(tuple(records), cues)


def _lead_in(q: QuoteStep, d: Draft) -> tuple[int, int] | None:
    """"Volkova said the authorities are currently “tackling ...”": the reported words before the
    direct quote a reported clause closes with are the speaker's too; (start, end) when they are
    ``MIN_WORDS`` or more ("said: “...”" has none)."""
    first = min((o.start for o in q.direct if d.start < o.start < d.end), default=None)
    if first is None:
        return None
    s, e = d.start, first
    while e > s and (q.text[e - 1].isspace() or q.text[e - 1] in '"“:,'):
        e -= 1
    return (s, e) if len(q.text[s:e].split()) >= MIN_WORDS else None


# --- what the relation step reads of the quotes -----------------------------------------------

def _speech(tok: Token) -> bool:
    return tok.pos_ == "VERB" and has_flag(tok.lemma_, "speech")


def quote_relations(doc: Doc, doc_id: str, clauses: Clauses, quotes: QuoteReading) -> Iterator[Relation]:
    """"according to OUTLET": the sentence's speaker -> the outlet (kind ``quote``).

    >>> from nlp.run.model import load_model
    >>> from nlp.entities.sieve import extract_entities
    >>> from nlp.relations.actors import Actors
    >>> doc = load_model()("According to Reuters, Angela Merkel said Germany would help.")
    >>> entities, index = extract_entities(doc, "d")
    >>> clauses = Clauses(Actors(doc, index, entities))
    >>> [(r.source, r.verb, r.target, r.kind) for r in quote_relations(doc, "d", clauses, read_quotes(doc, "d", clauses))]
    [('person:angela-merkel', 'tell', 'outlet:reuters', 'quote')]
    """
    direct = [q for q in quotes.direct if q.speaker]
    for i in where(doc, "LOWER", {"according"}):
        tok = doc[i]
        sources = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                   for g in c.children if g.dep_ == "pobj" for a in clauses.phrase(g)]
        if not sources:
            continue
        sent = sent_of(tok)
        inside = [q for q in direct if sent.start_char <= q.start < sent.end_char]
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


def with_quote_text(relations: Iterable[Relation], quotes: QuoteReading) -> list[Relation]:
    """Speech relations with the words of their speaker's direct quote in the same sentence as evidence.

    "Le Monde quoted Lula as saying “...”" and "in an interview with the BBC,
    Lula said: “...”" keep the quote on the outlet edge.

    >>> from nlp.records import Evidence
    >>> r = Relation("outlet:le-monde", "person:lula", "quote", "quote", evidence=(Evidence("d", "s", 0, 40),))
    >>> said = QuoteReading((Quote("d", 21, 32, "We will win", "person:lula", "say"),))
    >>> with_quote_text([r], said)[0].evidence[0].quote
    'We will win'
    """
    direct = [q for q in quotes.direct if q.speaker]
    out: list[Relation] = []
    for r in relations:
        if r.kind == "quote" and direct and not any(ev.quote for ev in r.evidence):
            evidence = tuple(
                next((replace(ev, quote=q.text) for q in direct
                      if q.speaker in (r.source, r.target) and ev.start <= q.start < ev.end), ev)
                for ev in r.evidence)
            r = replace(r, evidence=evidence)
        out.append(r)
    return out


def _headline_drafts(doc: Doc, head_end: int, drafts: list[Draft], speakers: Speakers) -> list[Draft]:
    """A wire headline's "X says Y" or "Y - paper.": said by the body's first speaker of that kind.

    A headline names its source by a common noun ("Paper says ...", "...
    - agency.") or a name; either counts only when the body attributes
    something to a source of that kind: then the headline is that source's.
    """
    text = text_of(doc)
    body = [d for d in sorted(drafts, key=lambda d: d.start) if d.start > head_end and d.speaker]
    out: list[Draft] = []

    def first_of(noun: str) -> str:
        low = noun.lower()
        kinds = {"outlet"} if low in OUTLET_NOUNS else {"organization"} if low in BODY_NOUNS else set()
        return next((d.speaker for d in body if speakers.actors.type_of(d.speaker) in kinds
                     or "outlet" in kinds and d.speaker in speakers.outlet_like), "")

    for d in drafts:
        # "Paper says Ruiz's office ...": the cue's subject is a bare noun
        if d.end <= head_end and not d.speaker and d.cue is not None:
            subj = next((c for c in d.cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN") and not speakers.actors.index.key_of(subj.i):
                d.speaker = first_of(subj.lemma_)
    m = HEADLINE_TAIL.match(text[:head_end])
    if m and not any(d.end <= head_end for d in drafts if d.kind == "indirect"):
        source = m.group("source").strip()
        span = doc.char_span(m.start("source"), m.start("source") + len(source), alignment_mode="expand")
        index = speakers.actors.index
        # "... -- Bonn.": a headline's name is a mention only, its city its country's
        keys = [k for t in span if (k := index.key_of(t.i) or index.mention_only_key_of(t.i))] if span is not None else []
        speaker = keys[0] if keys and keys[0] in {d.speaker for d in body} else first_of(source.split()[-1])
        s, e = trimmed(text, 0, m.end("words"))
        if speaker and len(text[s:e].split()) >= MIN_WORDS:
            out.append(Draft(s, e, "indirect", token_range(doc, s, e), speaker=speaker, cue_text="say"))
    return out


#: a wire headline "Burma's Suu Kyi says military rulers abuse law.": who, and what they say
_SAYS_HEADLINE = re.compile(r"^(?P<who>[^.,;:!?\"“”]{2,60}?)\s+says?\s+(?:that\s+)?(?P<words>[^\"“”]+?)[.!?]?\s*$")
#: the fills that name a headline's speaker from its subject, kept when the story names the speaker below
_HEADLINE_NAMED = frozenset({"headline_sources", "headline_says"})


def _says_headline(q: QuoteStep, named: frozenset[str]) -> list[Draft]:
    """"Burma's Suu Kyi says military rulers abuse law.", a headline the parse read as no clause: the
    words after "says" are said by the one speaker whose name ends the words before it, when the story
    names that speaker below."""
    m = _SAYS_HEADLINE.match(q.text[:q.head_end])
    if not m:
        return []
    who = q.doc.char_span(m.start("who"), m.end("who"), alignment_mode="expand")
    if who is None:
        return []
    index = q.clauses.actors.index
    key = index.mention_only_key_of(who[-1].i) or index.key_of(who[-1].i) or ""
    if key not in named or q.clauses.actors.type_of(key) not in PERSON_TYPES | GROUP_TYPES:
        return []
    s, e = trimmed(q.text, m.start("words"), m.end("words"))
    if len(q.text[s:e].split()) < MIN_WORDS:
        return []
    return [Draft(s, e, "indirect", token_range(q.doc, s, e), speaker=key, cue_text="say", rule="headline_says")]


#: verbs that judge in words, whose doer a phrase quoted in their object's clause is ("accused X of ...")
JUDGING_VERBS = frozenset({"accuse", "describe", "label", "brand", "dismiss", "urge", "call"})


def _governing_doer(doc: Doc, d: Draft, clauses: Clauses, *, judging: bool = False) -> str:
    """The entity doing the verb a quoted phrase hangs from, on the same line; "" when none or several
    (or, with ``judging``, when that verb neither speaks nor judges: "Hong Kong also had the necessary
    “constitutional infrastructure”" is someone else's phrase)."""
    lo, hi = d.tokens
    roots = [t for t in doc[lo:hi] if not lo <= t.head.i < hi and t.head.i != t.i]
    if not roots:
        return ""
    tok = roots[0].head
    line_lo, line_hi = line_start(text_of(doc), d.start), line_end(text_of(doc), d.start)
    borrowed = False
    for _ in range(6):
        if not line_lo <= tok.idx < line_hi:
            return ""
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("prep", "relcl", "acl"):
            # ("including" is a preposition; a relative clause describes the noun, not the doer)
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                if tok.dep_ in ("xcomp", "pcomp") and not borrowed:
                    # "urged the agency to avoid any “policing approach”", "accused Fischler of causing
                    # alarm through “dangerous generalisation”": the phrase of the one who urges or accuses
                    borrowed = True
                    tok = tok.head
                    continue
                # a doer borrowed from another clause ("he was ordered to serve a year of “re-education
                # through labour”", "grabbing his gun and shouting “Freedom!”"): a term, or someone's cry
                return ""
            if tok.lemma_.lower() == "quote" and any(c.dep_ == "dobj" for c in tok.children):
                # "..., the paper quoted one of the initiators as saying": the words are the one quoted
                return ""
            if (borrowed or judging) and not (is_cue(tok) or tok.lemma_.lower() in JUDGING_VERBS) \
                    or borrowed and not any(c.dep_ == "nsubj" for c in tok.children):
                return ""
            keys = list(dict.fromkeys(a.key for a in clauses.subjects(tok)
                                      if clauses.actors.type_of(a.key) in PERSON_TYPES | GROUP_TYPES))
            return keys[0] if len(keys) == 1 else ""
        if tok.head.i == tok.i:
            return ""
        tok = tok.head
    return ""


def _names(spans: Sequence[tuple[int, int, str]], lo: int, hi: int) -> tuple[str, ...]:
    """Keys of the mentions inside tokens ``lo:hi``, in text order (``spans`` sorted by start)."""
    first = bisect_left(spans, (lo, -1, ""))
    return tuple(dict.fromkeys(k for s, e, k in spans[first:bisect_left(spans, (hi, -1, ""))] if e <= hi))
