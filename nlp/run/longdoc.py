"""Long documents: parsed and extracted in sections, so cost grows with the length and no faster.

A news article is a few thousand characters; a transcript, a book or a
whole dump given as one document can be 30 MB. spaCy's parser needs working
memory for all the text it is given at once (one 300,000-character text: 1.2
GB), and a Doc of millions of tokens, with everything extraction builds over
it, does not fit either (3 MB parsed as one Doc: 950 MB; 30 MB would be ten
times that). So a document longer than :data:`PART_CHARS` is cut into
sections at paragraph breaks (else line breaks, sentence ends, spaces:
:func:`split_text`), each section is parsed and extracted alone and
dropped, and the records are joined into the document's one
:class:`~nlp.records.Extraction`, every offset shifted to the whole text.

This is the one long-document path: both engines (local processes and Dask)
hand their stream to :func:`in_sections`, so a long document is cut, parsed,
cached (section by section) and joined the same way whichever runs it.

Memory is then one section's Doc plus the records. What a section cannot see
is another section: a short name ("Lopes") in one section and the full name
in an earlier one are joined by the cross-document merge
(:mod:`newsgraph.merge`), as for two articles; a pronoun at a section's
start does not reach back across the cut.

Example
-------
>>> import spacy
>>> nlp = spacy.blank("en"); _ = nlp.add_pipe("sentencizer")
>>> from nlp.records import Document
>>> part_limit(nlp) == PART_CHARS
True
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields, is_dataclass, replace
from typing import Any

from spacy.language import Language

from nlp.records import Document, Entity, Extraction

#: a document longer than this many characters is extracted in sections of at most this
#: many: about one parser batch (``BATCH_CHARS``), far below ``nlp.max_length`` (1,000,000),
#: and far above any news article
PART_CHARS = 50_000
#: record fields that hold a character offset into the document text
OFFSET_FIELDS = frozenset({"start", "end"})
#: cut points for a long text, best first: paragraph, line, sentence end, any space
_CUTS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"')\]]*\s+"), re.compile(r"\s+"))


def split_text(text: str, limit: int) -> list[str]:
    """Cut ``text`` into parts of at most ``limit`` characters that join back to it.

    Each cut falls after whitespace: a paragraph break if there is one in the
    second half of the window, else a line break, a sentence end, any space,
    and only failing all of these in the middle of a word.

    >>> split_text("One two. Three four. Five.", 12)
    ['One two. ', 'Three four. ', 'Five.']
    >>> "".join(split_text("a" * 25, 10)) == "a" * 25
    True
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    parts: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = 0
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() > limit // 2]
            if ends:
                cut = ends[-1]
                break
        if not cut:
            cut = max((m.end() for m in _CUTS[-1].finditer(window)), default=limit)
        parts.append(text[start:start + cut])
        start += cut
    parts.append(text[start:])
    return parts


def part_limit(nlp: Language) -> int:
    """Characters a document may have to be parsed in one piece: :data:`PART_CHARS`, or less.

    >>> import spacy
    >>> blank = spacy.blank("en"); blank.max_length = 100
    >>> part_limit(blank)
    100
    """
    return max(1, min(PART_CHARS, nlp.max_length))


def shifted(value: Any, offset: int) -> Any:
    """A record (or tuple of them) with every ``start``/``end`` offset moved by ``offset``.

    Walks nested records, so any record with offsets (mentions, evidence,
    quotes) is moved, whatever holds it.

    >>> from nlp.records import Evidence, Mention
    >>> shifted((Mention("d", 0, 4, "Peru", "country"),), 10)[0]
    Mention(doc='d', start=10, end=14, text='Peru', type='country')
    >>> shifted(Evidence("d", "Peru met Chile.", 0, 15, quote="met"), 5).start
    5
    """
    if offset == 0:
        return value
    if is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in fields(value):
            v = getattr(value, f.name)
            if f.name in OFFSET_FIELDS and isinstance(v, int) and not isinstance(v, bool):
                changes[f.name] = v + offset
            elif isinstance(v, (tuple, list)) or is_dataclass(v):
                moved = shifted(v, offset)
                if moved is not v:
                    changes[f.name] = moved
        return replace(value, **changes) if changes else value
    if isinstance(value, tuple):
        return tuple(shifted(v, offset) for v in value)
    if isinstance(value, list):
        return [shifted(v, offset) for v in value]
    return value


def _joined(group: list[Entity]) -> Entity:
    """One entity from the same key's records in several sections: mentions, aliases and roles together.

    >>> from nlp.records import Mention
    >>> a = Entity("person:ana-bell", "Ana Bell", "official", roles=("President",),
    ...            mentions=(Mention("d", 0, 8, "Ana Bell", "official"),))
    >>> b = Entity("person:ana-bell", "Ana Bell", "official", aliases=("Bell",), roles=("president",),
    ...            mentions=(Mention("d", 90, 94, "Bell", "official"),))
    >>> e = _joined([a, b]); (e.aliases, e.roles, len(e.mentions))
    (('Bell',), ('President',), 2)
    """
    first = group[0]
    if len(group) == 1:
        return first
    aliases = dict.fromkeys(a for e in group for a in e.aliases if a != first.label)
    roles: dict[str, str] = {}
    for e in group:
        for r in e.roles:
            roles.setdefault(r.lower(), r)
    return replace(first, aliases=tuple(aliases), roles=tuple(roles.values()),
                   mentions=tuple(m for e in group for m in e.mentions),
                   affiliation=next((e.affiliation for e in group if e.affiliation), ""))


def join_sections(document: Document, sections: list[tuple[int, Extraction]]) -> Extraction:
    """The document's one Extraction from its sections' extractions, each at its offset in the text.

    >>> from nlp.records import Mention
    >>> peru = Entity("country:PE", "Peru", "country", mentions=(Mention("d", 0, 4, "Peru", "country"),))
    >>> ex = join_sections(Document("d", "Peru. Peru."), [(0, Extraction("d", (peru,), words=1)),
    ...                                                 (6, Extraction("d", (peru,), words=1))])
    >>> [(m.start, m.end) for m in ex.entities[0].mentions], ex.words
    ([(0, 4), (6, 10)], 2)
    """
    by_key: dict[str, list[Entity]] = {}
    relations: list = []
    extra: dict[str, list] = {}
    words = 0
    for offset, ex in sections:
        for e in shifted(ex.entities, offset):
            by_key.setdefault(e.key, []).append(e)
        relations.extend(shifted(ex.relations, offset))
        words += ex.words
        for f in fields(ex):  # record lists added to Extraction later (quotes) are joined the same way
            if f.name not in ("doc", "entities", "relations", "meta", "words") and isinstance(getattr(ex, f.name), tuple):
                extra.setdefault(f.name, []).extend(shifted(getattr(ex, f.name), offset))
    first = sections[0][1] if sections else Extraction(document.id)
    return replace(first, entities=tuple(_joined(g) for g in by_key.values()), relations=tuple(relations),
                   words=words, **{k: tuple(v) for k, v in extra.items()})


class Sections:
    """Long documents as their sections on the way in, and their sections' extractions joined on the way out.

    Between :meth:`split` and :meth:`join` the sections are documents like
    any other: parsed in batches, shared among worker processes and cached
    one by one (a rerun after an edit in one part of a long text parses that
    section only). The stream must keep the order of the documents, as
    :func:`~nlp.run.pipeline.run_chunks` does. :func:`in_sections` is the
    usual way in.

    >>> sections = Sections(limit=12)
    >>> docs = list(sections.split([Document("a", "One two. Three four."), Document("b", "Short.")]))
    >>> [(d.id, d.text) for d in docs]
    [('a', 'One two. '), ('a', 'Three four.'), ('b', 'Short.')]
    >>> [(e.doc, e.words) for e in sections.join(Extraction(d.id, words=2) for d in docs)]
    [('a', 4), ('b', 2)]
    """

    def __init__(self, limit: int = PART_CHARS) -> None:
        self.limit = limit
        #: each document handed out, with its sections' offsets (None: handed out whole), in order
        self._pending: deque[tuple[Document, list[int] | None]] = deque()

    def split(self, documents: Iterable[Document]) -> Iterator[Document]:
        for d in documents:
            if len(d.text) <= self.limit:
                self._pending.append((d, None))
                yield d
                continue
            parts, offset = [], 0
            for part in split_text(d.text, self.limit):
                if part.strip():
                    parts.append((offset, part))
                offset += len(part)
            self._pending.append((d, [o for o, _ in parts]))
            for _, part in parts:
                yield replace(d, text=part)

    def join(self, extractions: Iterable[Extraction]) -> Iterator[Extraction]:
        stream = iter(extractions)
        for first in stream:
            document, offsets = self._pending.popleft()
            if offsets is None:
                yield first
            else:
                yield join_sections(document, [(offsets[0], first), *((o, next(stream)) for o in offsets[1:])])


def in_sections(documents: Iterable[Document], limit: int,
                extract_stream: Callable[[Iterable[Document]], Iterable[Extraction]]) -> Iterator[Extraction]:
    """One Extraction per document, in order, from an engine's ``extract_stream`` that sees only sections.

    ``extract_stream`` takes documents of at most ``limit`` characters and
    yields their extractions in order (through the cache, worker processes or
    a Dask cluster); each longer document reaches it as its sections, and
    their extractions come back joined.

    >>> fake = lambda docs: (Extraction(d.id, words=len(d.text.split())) for d in docs)
    >>> [(e.doc, e.words) for e in in_sections([Document("a", "One two. Three four."), Document("b", "Hi.")], 12, fake)]
    [('a', 4), ('b', 1)]
    """
    sections = Sections(limit)
    yield from sections.join(extract_stream(sections.split(documents)))
