"""Entity mentions, types and one node per real-world entity in a document.

:func:`extract_entities` turns a parsed ``Doc`` into doc-local
:class:`~nlp.records.Entity` records whose keys are already global
(``person:ana-lopes``, ``country:CA``) and a :class:`MentionIndex` that the
relation step uses to find which entity a token belongs to.

The model's names, trimmed and repaired (:mod:`nlp.entities.spans`), and the
outlets of the lexicon (:mod:`nlp.entities.outlets`) are the candidates
(:mod:`nlp.entities.candidates`). The passes of :data:`ENTITY_PASSES` then
type, join, add and drop candidates, each ``run(cx)`` on one
:class:`~nlp.entities.candidates.EntityContext`, and any of them can be
switched off by name (``skip=``). What is left is clustered by key into one
entity per node; its mentions, and the references the last passes found
("the paper" for the outlet just named), make the index.

The list below is written from :data:`ENTITY_PASSES` itself, so the two
cannot drift.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from spacy.tokens import Doc

from nlp import lexicons
from nlp.entities import countries
from nlp.entities.candidates import Candidate, EntityContext, model_candidates, owner_of
from nlp.entities.passes import kinds, organisations, people, references, sports, wirecopy
from nlp.entities.passes.clues import entity_view
from nlp.entities.roles import EntityView, affiliation_after, possessive_owner
from nlp.mentions import MentionIndex
from nlp.passes import Pass, run_passes
from nlp.records import Entity, Mention
from nlp.scan import text_of

#: the entity step, in order: each pass reads the document and the candidate names and corrects them
ENTITY_PASSES: tuple[Pass, ...] = (
    Pass("joined_names", kinds.joined_names, "two names joined by 'and' or a hyphen are two entities ('PLO-Israel')"),
    Pass("first_type", kinds.first_type,
         "type each name from its words and label: country, outlet, org, person, place"),
    Pass("wire_copy", wirecopy.wire_copy,
         "headline, byline, dateline, sign-off: mentions that link nothing; the dateline city a place"),
    Pass("non_prose", wirecopy.non_prose, "names in tables, results and lists are mentions that link nothing"),
    Pass("clock_zones", kinds.clock_zones, "a time zone after a clock time ('0800 GMT') is no organisation"),
    Pass("counted_units", kinds.counted_units, "an abbreviation counted like a noun ('six RBI') is a unit, no organisation"),
    Pass("common_nouns", kinds.common_nouns, "a capitalised common noun opening a sentence ('Barter has ...') is no name"),
    Pass("abbreviations", organisations.abbreviations,
         "'Long Form (LF)' is one name; abbreviations of common words go"),
    Pass("gazetteer_places", kinds.gazetteer_places,
         "a 'person' or 'organisation' the country dictionary lists as a region or city is a place"),
    Pass("located_organisations", kinds.located_organisations,
         "an 'organisation' the text only uses for where things are ('the town of X', 'in X') is a place"),
    Pass("unlabelled_speakers", people.unlabelled_speakers, "an untagged name that speaks ('Lopes said') is a person"),
    Pass("people_by_evidence", people.people_by_evidence,
         "a 'place' with a personal role or a person's word is a person"),
    Pass("resolve_people", people.resolve_people, "short names join full names; person/place votes decide"),
    Pass("untagged_surnames", people.untagged_surnames, "family names the model left untagged join their person"),
    Pass("name_variants", people.name_variants,
         "'Abu Ammar (Arafat)', 'Boris Nikolayevich', 'Hanson'/'Hansen': one person"),
    Pass("caps_lines", wirecopy.caps_lines,
         "names in capital headlines and table lines only where the prose confirms them"),
    Pass("capital_places", kinds.capital_places,
         "a capital as a location ('in Prague') is the city, a place; acting, its country"),
    Pass("roles", people.roles, "roles around every person; an official is a person with a public role"),
    Pass("sports_players", sports.sports_players,
         "in a sports story's rows, untagged name-shaped words are players"),
    Pass("sports_teams", sports.sports_teams,
         "in a sports story a town or county that plays is a team (an organisation)"),
    Pass("table_teams", sports.table_teams,
         "in a sports story the teams of results and standings rows are organisations"),
    Pass("one_type_per_name", kinds.one_type_per_name,
         "one name written alike twice in a story is one entity of one type"),
    Pass("known_officials", people.known_officials,
         "office holders the Phoenix actor dictionaries list are officials; their spellings one person"),
    Pass("employers", organisations.employers,
         "a one-word 'person' before a staff role and a person's name is where that person works ('X manager Ana Ruiz')"),
    Pass("companies", organisations.companies,
         "a name in a company's legal form, its short form, or with a company's words is an organisation"),
    Pass("acronyms", organisations.acronyms, "an acronym joins the one organisation it spells ('EU')"),
    Pass("short_organisations", organisations.short_organisations,
         "'Toyota' joins the one 'Toyota Motor Corp', even where the model called it a place or left it untagged"),
    Pass("cue_organisations", organisations.cue_organisations,
         "untagged capitalised words after 'the group', 'the organisation' are that organisation's name"),
    Pass("named_organisations", organisations.named_organisations,
         "a 'person' the text calls an organisation ('firm Multico', 'Betar, a club') is one"),
    Pass("untagged_repeats", organisations.untagged_repeats,
         "an organisation's or country's very name written again where the model tagged nothing is that entity"),
    Pass("portfolio_ministries", organisations.portfolio_ministries,
         "'the defence ministry' in lower case is a ministry: the one named in capitals, else its own"),
    Pass("outlet_anaphora", references.outlet_anaphora,
         "'the paper', 'the agency' stand in the index for the outlet named just before (or right after) them"),
    Pass("role_anaphora", references.role_anaphora,
         "'the secretary-general' stands in the index for the story's one holder of that role named before"),
)


def _passes_doc(passes: tuple[Pass, ...]) -> str:
    """The numbered list of ``passes`` for the module's docstring: name, module, summary.

    >>> print(_passes_doc((Pass("roles", people.roles, "roles around every person"),)))
    <BLANKLINE>
    Passes, in order
    ----------------
    1. ``roles`` (passes.people): roles around every person
    """
    lines = ["", "Passes, in order", "----------------"]
    for n, p in enumerate(passes, 1):
        where = p.run.__module__.removeprefix("nlp.entities.")
        lines.append(textwrap.fill(f"{n}. ``{p.name}`` ({where}): {p.summary}", width=100,
                                   subsequent_indent=" " * (len(str(n)) + 2)))
    return "\n".join(lines)


if __doc__:                                   # None under python -OO
    __doc__ += _passes_doc(ENTITY_PASSES)


@dataclass
class _Cluster:
    key: str
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    affiliation: str = ""
    mentions: list[Mention] = field(default_factory=list)


def _affiliation(doc: Doc, c: Candidate, at: dict[int, Candidate], view: EntityView) -> str:
    """Key of the country, place or organisation a person's role belongs to."""
    spans = [r.affiliation for r in c.roles if r.affiliation and (r.kind == "official" or _is_org(at, r.affiliation))]
    for found in (affiliation_after(doc[c.start:c.end], ents=view), possessive_owner(doc[c.start:c.end], ents=view)):
        if found:
            spans.append(found)
    for s in spans:
        owner = owner_of(at, s)
        if owner is not None and not owner.dropped and owner.key and owner.type in ("country", "place", "organization", "outlet"):
            return owner.key
    return ""


def _is_org(at: dict[int, Candidate], span: tuple[int, int]) -> bool:
    owner = owner_of(at, span)
    return owner is not None and owner.type in ("organization", "outlet")


def _called_label(label: str, aliases: set[str]) -> str:
    """A person's label ends in the name the story calls them by alone: of "Boris Nikolayevich" (given name
    and patronymic), "Boris Yeltsin" and "Yeltsin", the label is "Boris Yeltsin"; the longest such full name
    where there are several, and ``label`` where no full name ends in a name used alone.

    >>> _called_label("Ivan Petrovich", {"Ivan Petrovich", "Ivan Sorin", "Sorin"})
    'Ivan Sorin'
    >>> _called_label("Ana Maria Lopes", {"Ana Lopes", "Ana Maria Lopes", "Lopes"})
    'Ana Maria Lopes'
    """
    alone = {a.lower() for a in aliases if len(a.split()) == 1}
    if not alone or len(label.split()) < 2 or label.split()[-1].lower() in alone:
        return label
    called = [a for a in sorted(aliases) if len(a.split()) > 1 and a.split()[-1].lower() in alone]
    return max(called, key=lambda a: (len(a.split()), len(a))) if called else label


def _shared_stop(text: str, start: int, end: int) -> int:
    """End of a mention without the full stop its abbreviation shares with the sentence, when that stop
    ends the line ("... and Velcom Corp." + line break: the name is "Velcom Corp", the stop the sentence's).

    >>> t = "He joined Velcom Corp.\\nVelcom Corp. said"
    >>> _shared_stop(t, 10, 22), _shared_stop(t, 23, 35)
    (21, 35)
    """
    if end - start > 1 and text[end - 1] == "." and (end == len(text) or text[end] == "\n"):
        return end - 1
    return end


def extract_entities(doc: Doc, doc_id: str, *, skip: frozenset[str] = frozenset()) -> tuple[list[Entity], MentionIndex]:
    """Doc-local entities (with global keys) and the token index of their mentions.

    ``skip`` names passes of :data:`ENTITY_PASSES` to switch off, for a measurement.

    >>> import spacy
    >>> from spacy.tokens import Doc, Span
    >>> nlp = spacy.blank("en")
    >>> doc = Doc(nlp.vocab, words=["Angela", "Merkel", "met", "French", "leaders", "."])
    >>> doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 4, "NORP")]
    >>> sorted(e.key for e in extract_entities(doc, "d1")[0])
    ['country:FR', 'person:angela-merkel']
    >>> doc = Doc(nlp.vocab, words=["Mr.", "Rutte", "met", "Mark", "Rutte", "."])
    >>> doc.ents = [Span(doc, 1, 2, "GPE"), Span(doc, 3, 5, "PERSON")]
    >>> [(e.key, e.aliases) for e in extract_entities(doc, "d1")[0]]
    [('person:mark-rutte', ('Rutte',))]
    >>> [(e.key, e.aliases) for e in extract_entities(doc, "d1", skip=frozenset({"resolve_people"}))[0]]
    [('place:rutte', ()), ('person:mark-rutte', ())]
    """
    cx = EntityContext(doc, model_candidates(doc))
    for _ in run_passes(ENTITY_PASSES, cx, skip=skip):
        pass
    cands = cx.final()

    at = {i: c for c in cands for i in range(c.start, c.end)}
    view = entity_view(doc, cands)
    clusters: dict[str, _Cluster] = {}
    index = MentionIndex()
    text = text_of(doc)
    for c in cands:
        cl = clusters.get(c.key)
        if c.type == "country":
            label = countries.country_name(c.key.split(":", 1)[1])
        elif c.type == "outlet":
            label = lexicons.outlet_name(c.text) or c.text
        else:
            label = c.text
        if cl is None:
            cl = clusters[c.key] = _Cluster(c.key, c.type, label)
        elif c.type in ("person", "organization", "place") and \
                (len(label.split()), len(label)) > (len(cl.label.split()), len(cl.label)):
            cl.label = label
        span = doc[c.start:c.end]
        cl.aliases.add(span.text)
        for role in c.roles:
            low = role.text.lower()
            # one role seen twice ("counterpart", "Brazilian counterpart") is kept once
            if not any(low == r.lower() or low.endswith(" " + r.lower()) or r.lower().endswith(" " + low)
                       for r in cl.roles):
                cl.roles.append(role.text)
            cl.kinds.add(role.kind)
        if c.official:
            cl.kinds.add("official")
        if c.type == "person" and not cl.affiliation:
            cl.affiliation = _affiliation(doc, c, at, view)
        end_char = _shared_stop(text, span.start_char, span.end_char)
        cl.mentions.append(Mention(doc_id, span.start_char, end_char, text[span.start_char:end_char], c.type))
        if c.linked:
            index.add(c.start, c.end, c.key)
        else:
            index.add_mention_only(c.start, c.end, c.key)
    for start, end, key in cx.references:     # "the paper": after the names, as the passes found them
        index.add(start, end, key)

    entities = []
    for cl in clusters.values():
        if cl.type == "person":
            cl.label = _called_label(cl.label, cl.aliases)
        typ = "official" if cl.type == "person" and "official" in cl.kinds else cl.type
        aliases = tuple(sorted(a for a in cl.aliases if a != cl.label))
        entities.append(Entity(cl.key, cl.label, typ, aliases, tuple(cl.roles),
                               tuple(Mention(m.doc, m.start, m.end, m.text, typ) for m in cl.mentions),
                               cl.affiliation))
    return entities, index
