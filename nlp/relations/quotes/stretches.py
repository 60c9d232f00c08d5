"""Where the quotes are: quoted stretches, reported clauses, block quotes, "according to".

The first job of the quote step (:mod:`nlp.relations.quotes`): every
stretch of a document that holds someone's words, as a :class:`Draft` with
its character and token range and the reporting verb (cue) that introduces
it, if any. Who said it is the next job (:mod:`.speakers`).

>>> t = '"We will win," she said.'
>>> [(t[s:e], c) for s, e, c in quote_stretches(t)]
[('We will win,', False)]
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from nlp.relations.clauses import Clauses
from nlp.relations.verbs import has_flag
from nlp.scan import child_deps, sent_of, text_of, where

#: fewer words than this inside the marks is a scare quote ("tone"), not speech
MIN_WORDS = 3


#: quotation marks: straight marks pair by position, curly ones say which they are
_MARK_RE = re.compile(r"[\"“”]")
#: a quote left open for more lines than this had a stray mark: it ends with its first line
MAX_QUOTE_LINES = 8
#: tokens after a closing mark in which its speech verb may come ("“...,” Oleg Varin, an adviser, told")
CUE_AFTER = 24
#: tokens between a speech verb and the opening mark it introduces ("said: “", "told the Sun: “")
CUE_BEFORE = 6
#: a wire dateline opening a paragraph: "BRASILIA, June 12 (EFE) - ", "LONDON (Reuters) -- "
DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:, [^-–—\n]{1,40}?)?(?: \([^)\n]{1,30}\))?\s*(?:-{1,2}|–|—)\s+")


#: words a headline has at most
HEADLINE_WORDS = 20


#: quote text ending so that an attribution follows ("“...,” he said", "“...?” asked X")
_OPEN_ENDINGS = (",", "?", "!", "-", "—", "–", "...", "…", ";")
SENT_END = frozenset({".", "?", "!"})


@lru_cache(maxsize=1)
def quote_verbs() -> frozenset[str]:
    """Lemmas of reporting verbs (``data/quote_verbs.txt``, after the Gender Gap Tracker's list).

    >>> "say" in quote_verbs(), "contend" in quote_verbs(), "arrest" in quote_verbs()
    (True, True, False)
    """
    with resources.files("nlp.data").joinpath("quote_verbs.txt").open(encoding="utf-8") as fh:
        return frozenset(ln.strip() for ln in fh if ln.strip() and not ln.startswith("#"))


#: what sets an attribution off from the clause it follows ("..., the Sun reported", "... -- police said")
ATTRIBUTION_BREAKS = frozenset({",", ";", "-", "--", "\u2013", "\u2014"})
#: the parts of speech of a reporting verb
CUE_POS = frozenset({"VERB", "AUX"})


def is_cue(tok: Token) -> bool:
    """A reporting verb ("said", "told", "mused"): the quote verb list or the lexicon's speech verbs."""
    if tok.pos_ not in CUE_POS or tok.dep_ in ("aux", "auxpass"):
        return False
    lemma = tok.lemma_.lower()
    if lemma == "point":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)  # "pointing out that"
    return lemma in quote_verbs() or has_flag(lemma, "speech")


def line_start(text: str, i: int) -> int:
    return text.rfind("\n", 0, i) + 1


def line_end(text: str, i: int) -> int:
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
            end = line_end(text, start)
        out.append((start, end, continues))

    for m in _MARK_RE.finditer(text):
        i, mark = m.start(), m.group()
        if open_at < 0:
            if mark != "”":
                open_at, continues = i + 1, False
            continue
        at_line_start = i > 0 and text[line_start(text, i):i].strip() == "" and line_start(text, i) > open_at
        spaced = text[i + 1:i + 2] in (" ", "\t")
        if mark == "“" or (mark == '"' and at_line_start and spaced):
            # a reopening: the open quote ends where its last line ends
            end = line_start(text, i) - 1 if at_line_start else i
            close(end)
            open_at, continues = i + 1, at_line_start
            continue
        close(i)
        open_at = -1
    if open_at >= 0:
        close(line_end(text, open_at))
    return out


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without the white space and the closing comma around quoted words."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


@dataclass
class Draft:
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
    sources: tuple[str, ...] | None = None  # "according to X": the keys X names (None: no such phrase)
    finder: str = ""  # the quote pass that found it
    rule: str = ""  # the speaker rule, continuation rule or fill that named its speaker


def token_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


@lru_cache(maxsize=4)
def _newlines(text: str) -> list[int]:
    return [m.start() for m in re.finditer("\n", text)]


def line_of(text: str, i: int) -> int:
    """The line (0-based) of character ``i``; the line breaks of a text are found once."""
    return bisect_left(_newlines(text), i)


def _cue_after_mark(doc: Doc, end_tok: int, words: str) -> Token | None:
    """A reporting verb just after a closing mark: "“...,” Moreau said", "“...?”\\nasked X"."""
    if not words.rstrip().endswith(_OPEN_ENDINGS) and not (end_tok < len(doc) and doc[end_tok].text == ","):
        return None
    newlines = 0
    for tok in doc[end_tok:end_tok + CUE_AFTER]:
        if tok.text in ('"', "“", "”") and tok.i > end_tok:
            return None
        if "\n" in tok.text or tok.is_space:
            newlines += tok.text.count("\n")
            if newlines > 1 or tok.i > end_tok + 1:
                return None
            continue
        if is_cue(tok):
            return tok
        if tok.text in SENT_END:
            return None
    return None


def _cue_before_mark(doc: Doc, start_tok: int) -> Token | None:
    """A reporting verb just before an opening mark: "said: “...", "told the Sun: “...", "he added, “...",
    or at the end of the line before, after a colon ("Lodge demurred, saying:\n“...")."""
    for tok in reversed(doc[max(0, start_tok - CUE_BEFORE - 1):start_tok]):
        if "\n" in tok.text and tok.i > 0 and doc[tok.i - 1].text == ":" and not doc[tok.i - 1].whitespace_:
            continue  # "said:" closing the line before
        if "\n" in tok.text or tok.text in SENT_END or tok.text in ('"', "“", "”") and tok.i < start_tok - 1:
            return None
        if is_cue(tok):
            return tok
        if tok.pos_ in ("VERB", "AUX", "ADP", "SCONJ") and tok.lemma_ != "be" or tok.lower_ in ("and", "but", "or"):
            return None  # "could promise to stop talking about, including “...”": not what was said
    return None


#: small words a title of a work leaves in lower case ("The Lord of the Rings")
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "at", "by", "with", "from"})


def is_title(words: str) -> bool:
    """A title of a work in quotation marks ("The Silent Harbour"), not speech: few words, all capitalised.

    >>> is_title("The Silent Harbour"), is_title("In the Month of Rain"), is_title("We will win")
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


def direct_drafts(doc: Doc) -> list[Draft]:
    """Every quoted stretch of three words or more, with a cue before or after it."""
    text = text_of(doc)
    drafts: list[Draft] = []
    for start, end, continues in quote_stretches(text):
        s, e = trimmed(text, start, end)
        if len(text[s:e].split()) < MIN_WORDS or is_title(text[s:e]):
            continue
        first, last = _mark_tokens(doc, start, end)
        if last <= first:
            continue
        d = Draft(s, e, "direct", token_range(doc, s, e), continues=continues,
                   line=line_of(text, s), last_line=line_of(text, e))
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
            d.last_line = max(d.last_line, line_of(text, d.cue.idx))
        drafts.append(d)
    return drafts


def attribution_only(doc: Doc, before: Draft, after: Draft) -> bool:
    """Between two quotes only the first one's attribution: one sentence, no other reporting verb."""
    span = doc.char_span(before.end, after.start, alignment_mode="expand")
    if span is None:
        return False
    cues = [t for t in span if is_cue(t)]
    ends = [t for t in span if t.text in SENT_END]
    return len(cues) == 1 and cues[0].i == before.cue.i and len(ends) <= 1


def inside(drafts: Sequence[Draft], char: int, starts: Sequence[int] | None = None) -> bool:
    """Whether ``char`` lies in one of ``drafts`` (in text order, not overlapping: the quoted stretches).

    ``starts`` (the drafts' start offsets, computed once) makes the test a bisection.
    """
    k = bisect_right(starts if starts is not None else [d.start for d in drafts], char) - 1
    return k >= 0 and char < drafts[k].end


def content_span(cue: Token) -> tuple[int, int] | None:
    """Token range of what a reporting verb reports: its clausal complement, or the clause it follows."""
    text = text_of(cue.doc)
    eol = line_end(text, cue.idx)
    comps = [c for c in cue.children if c.dep_ == "ccomp" and c.idx < eol]
    comps += [c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i and c.pos_ == "VERB"
              and not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]  # "which he said made"
    comps += [c for c in cue.children if c.dep_ == "advcl" and c.i > cue.i and c.idx < eol
              and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)]
    if not comps:
        comps = _complement_in_phrase(cue, eol)
    if comps:
        after = [c for c in comps if c.i > cue.i]
        c = after[0] if after else comps[0]
        lo, hi = c.left_edge.i, c.right_edge.i + 1
        if c.i > cue.i:
            if not any(d.dep_ in ("nsubj", "nsubjpass", "expl") for d in c.children):
                # "said between 300 and 400 tapes had been seized": the parse hung the complement's
                # subject on the verb of speech as a phrase; the report starts with that phrase
                lost = [p for p in cue.children if p.dep_ == "prep" and cue.i < p.i < c.left_edge.i
                        and p.right_edge.i + 1 == c.left_edge.i]
                start = _after_addressee(cue)
                between = cue.doc[start:c.left_edge.i]
                if len(between) and all(not t.is_punct or t.text in ("-", "'s") for t in between) and any(
                        t.dep_ in ("dobj", "pobj") and t.pos_ in ("NOUN", "PROPN") for t in between):
                    # "told a news conference the strike ... would paralyse traffic", "said a proposal by
                    # X ... was a precautionary move": the subject was read as the verb's object
                    lo = start
                elif lost:
                    lo = lost[0].i
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
    if left > 0 and doc[left - 1].text == "," and not any(c.dep_ in ("dobj", "xcomp", "oprd") for c in cue.children) \
            and not (cue.dep_ in ("advcl", "acl") and cue.head.i < left):
        # (not "Lodge demurred, saying: ...": a participle's own clause before the comma is what its speaker did;
        # nor "donated $30 million to the centre, called the X Society": a verb naming a noun says nothing)
        # "..., Bonn's foreign ministry said on Saturday.", "..., said X": the words before the comma
        lo = max(doc.char_span(line_start(text, cue.idx), cue.idx, alignment_mode="expand").start
                 if cue.idx > line_start(text, cue.idx) else cue.i, 0)
        hi = left - 1
        while lo < hi and (doc[lo].is_space or doc[lo].text in ('"', "“")):
            lo += 1
        if hi - lo >= 3:
            return lo, hi
    first = min(t.i for t in cue.subtree)
    if cue.dep_ in ("parataxis", "ccomp") and cue.head.i < cue.i and cue.head.pos_ in ("VERB", "AUX") \
            and first > 0 and doc[first - 1].text in ATTRIBUTION_BREAKS:
        # "X has quit the party, the Sun reported": the clause before the attribution, which a comma or
        # a dash sets off; "Allen said the commission could announce ...", where "announce" is what is
        # said, has none: the words before it are the attribution of "said", not something announced
        head = cue.head
        lo = head.left_edge.i
        hi = first
        while hi > lo and (cue.doc[hi - 1].is_punct or cue.doc[hi - 1].is_space):
            hi -= 1
        return (lo, hi) if hi - lo >= 2 else None
    return None


def _complement_in_phrase(cue: Token, eol: int) -> list[Token]:
    """"said at the end of a visit to Rwanda last week that the governments agreed ...": a "that" clause
    with its own subject that the parse hung on a noun of the verb's phrases, read as its complement (not
    for a verb that is itself reported: "quoted Lebed as saying he would suggest to the rebels that ...")."""
    if cue.dep_ in ("ccomp", "xcomp"):
        return []
    for p in cue.children:
        if p.dep_ not in ("prep", "npadvmod") or p.i < cue.i:
            continue
        for t in p.subtree:
            if t.dep_ in ("acl", "relcl") and t.idx < eol and any(
                    m.dep_ == "mark" and m.lower_ == "that" and m.i == t.left_edge.i for m in t.children) and any(
                    d.dep_ in ("nsubj", "nsubjpass") for d in t.children) and not any(
                    u.pos_ in ("VERB", "AUX") for u in cue.doc[cue.i + 1:t.left_edge.i]):
                return [t]
    return []


#: reporting verbs whose first object is whom they speak to ("told a news conference ...")
ADDRESSING = frozenset({"tell", "inform", "assure", "remind", "brief"})


def _after_addressee(cue: Token) -> int:
    """The first token after a reporting verb and the head of whom it speaks to ("told a news conference
    in Pretoria ...": after "conference")."""
    if cue.lemma_.lower() in ADDRESSING:
        to = next((c for c in cue.children if c.dep_ in ("dobj", "dative", "iobj") and c.i > cue.i), None)
        if to is not None:
            return to.i + 1
    return cue.i + 1


def unsaid(cue: Token) -> bool:
    """A verb of speech that reports nothing: negated ("would not say where he was held", "did not say
    why", "would not confirm or say where ...": a conjunct of a negated verb by "or") or the
    complement of a refusal ("refused to say whether").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Police", "would", "not", "say", "where", "he", "was"],
    ...           heads=[3, 3, 3, 3, 6, 6, 3], deps=["nsubj", "aux", "neg", "ROOT", "advmod", "nsubj", "ccomp"])
    >>> unsaid(doc[3])
    True
    """
    verb = cue
    while verb.dep_ == "conj" and verb.head.i != verb.i and "neg" not in child_deps(verb) \
            and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in verb.head.children):
        verb = verb.head  # "would not let ... or say": not "did not refer to it but said"
    if "neg" in child_deps(verb):
        return True
    return cue.dep_ == "xcomp" and has_flag(cue.head.lemma_.lower(), "negative") and cue.head.lemma_.lower() != "deny"


def reported_drafts(doc: Doc, direct: Sequence[Draft]) -> list[Draft]:
    """The complement of every reporting verb outside the direct quotes ("X said (that) ...",
    "..., X said", "X told Reuters ..."), cut to the verb's line; a wire dateline is not part of it.

    A reported clause that is mostly a direct quote ("said: “...”") only attributes it: its
    draft is a ``shadow``, read for the speaker and not output.
    """
    text = text_of(doc)
    starts = [d.start for d in direct]
    out: list[Draft] = []
    for i in where(doc, "POS", CUE_POS):
        tok = doc[i]
        if not is_cue(tok) or inside(direct, tok.idx, starts) or unsaid(tok):
            continue
        span = content_span(tok)
        if span is None:
            continue
        lo, hi = span
        line_lo, line_hi = line_start(text, tok.idx), line_end(text, tok.idx)
        while lo < hi and doc[lo].idx < line_lo:
            lo += 1
        while hi > lo and doc[hi - 1].idx >= line_hi:
            hi -= 1
        while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].text in (":", ",")):
            hi -= 1
        if hi - lo < 2:
            continue
        s, e = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        dateline = DATELINE.match(text, s, e)
        if dateline:  # "BRASILIA, June 12 (EFE) - Brazil's president will visit ..., her office said"
            s = dateline.end()
            lo = token_range(doc, s, e)[0]
        quoted = sum(min(e, d.end) - max(s, d.start) for d in direct if d.start < e and s < d.end)
        d = Draft(s, e, "indirect", (lo, hi), cue=tok, line=line_of(text, s),
                  last_line=line_of(text, max(e, tok.idx)))
        # "said: “...”": the direct quote is what was said; the clause only attributes it
        d.shadow = quoted > (e - s) / 2
        out.append(d)
    return out


def according_drafts(doc: Doc, clauses: Clauses, owner: Callable[[Token], str] | None = None) -> list[Draft]:
    """"according to X, ...", "..., according to X": the rest of the sentence, said by X.

    ``owner`` names the body an unnamed source speaks for ("according to defense officials").
    """
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
        if not keys and pobj is not None and pobj.pos_ == "NOUN" and owner is not None:
            body = owner(pobj)  # "according to defense officials": the body that spoke
            keys = [body] if body else []
        d = Draft(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text), "indirect", (lo, hi))
        d.cue_text = "according to"
        d.sources = tuple(dict.fromkeys(keys))
        out.append(d)
    return out


#: nouns that introduce what someone said or holds: "his position that ...", "a comment by X that ..."
STATEMENT_NOUNS = frozenset({"position", "comment", "statement", "announcement", "claim", "assertion", "view",
                             "argument", "warning", "pledge", "promise", "assurance", "insistence", "allegation",
                             "accusation", "denial", "admission", "remark", "suggestion", "charge"})


def statement_drafts(doc: Doc, clauses: Clauses) -> list[Draft]:
    """"his position that ...", "a comment by X on Friday that ...": the clause after "that" is what the
    noun's owner (a possessor, or a "by" phrase) said; ``sources`` holds the owner's keys.

    >>> import spacy
    >>> statement_drafts(spacy.blank("en")("No statement."), None)
    []
    """
    out: list[Draft] = []
    if not doc.has_annotation("DEP"):
        return out
    for i in where(doc, "LEMMA", STATEMENT_NOUNS):
        noun = doc[i]
        if noun.pos_ != "NOUN":
            continue
        clause = next((c for c in noun.children if c.dep_ in ("acl", "relcl", "ccomp") and c.i > noun.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is None:
            continue
        owners = [a.key for c in noun.children if c.dep_ == "poss" for a in clauses.actors.of(c)]
        owners += [a.key for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                   for g in c.children if g.dep_ == "pobj" for a in clauses.phrase(g)]
        lo = min(t.i for t in clause.subtree)
        hi = max(t.i for t in clause.subtree) + 1
        while lo < hi and (doc[lo].lower_ == "that" or doc[lo].is_punct or doc[lo].is_space):
            lo += 1
        while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
            hi -= 1
        if hi - lo < MIN_WORDS:
            continue
        d = Draft(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text), "indirect", (lo, hi))
        d.cue_text = noun.lemma_.lower()
        d.sources = tuple(dict.fromkeys(owners))
        out.append(d)
    return out


def block_drafts(doc: Doc, direct: Sequence[Draft]) -> list[Draft]:
    """A paragraph after a line ending "X noted:" is X's words, quoted as a block (no marks)."""
    text = text_of(doc)
    out = []
    for i in where(doc, "ORTH", {":"}):
        tok = doc[i]
        if text[tok.idx + 1:line_end(text, tok.idx)].strip():
            continue
        line_lo = line_start(text, tok.idx)
        cues = [t for t in doc[doc.char_span(line_lo, tok.idx + 1, alignment_mode="expand").start:tok.i]
                if is_cue(t)] if doc.char_span(line_lo, tok.idx + 1, alignment_mode="expand") is not None else []
        nxt = line_end(text, tok.idx) + 1
        while nxt < len(text) and text[nxt] == "\n":
            nxt += 1
        if not cues or nxt >= len(text) or text[nxt] in ('"', "“") or inside(direct, nxt):
            continue
        s, e = trimmed(text, nxt, line_end(text, nxt))
        if len(text[s:e].split()) < MIN_WORDS:
            continue
        out.append(Draft(s, e, "direct", token_range(doc, s, e), cue=cues[-1], line=line_of(text, s),
                          last_line=line_of(text, e)))
    return out


#: a headline's source after a spaced dash: "Danish group to bid for Norvik - paper."
HEADLINE_TAIL = re.compile(r"^(?P<words>.*\S)\s+(?:-{1,2}|—|–)\s+(?P<source>[\w.' ]{2,30}?)\.?\s*$")
