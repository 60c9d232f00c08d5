"""Entity passes that decide what kind of thing a name is: country, outlet, organisation, person, place.

The first pass types every name from its words and the model's label
alone; later ones correct that from the document: a region the gazetteer
lists is a place, a capital used as a location is the city, and one name
written alike twice in a story is one entity of one type.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from nlp import lexicons
from nlp.entities import countries
from nlp.entities.candidates import Candidate, EntityContext, clean_surface
from nlp.entities.names import NameIndex
from nlp.entities.passes.clues import as_location, read_case, speaks
from nlp.entities.places import is_known_place, phoenix_places
from nlp.entities.shape import in_non_prose
from nlp.entities.wire import read_wire
from nlp.mentions import slug
from nlp.scan import text_of, where


#: what joins two names the model read as one ("An Marchal and Eefje Lambrecks", "PLO-Israel")
_JOINERS = frozenset({"and", "-"})


def _name_part(toks) -> bool:
    return 1 <= len(toks) <= 3 and all(t.is_title or t.is_upper for t in toks if t.is_alpha) \
        and all(t.is_alpha or t.text in (".", "'") for t in toks)


def joined_names(cx: EntityContext) -> None:
    """Two names joined by "and" or a hyphen are two entities, not one ("An Marchal and Eefje Lambrecks",
    "the PLO-Israel deal").

    A candidate of the model splits at its one joiner when the whole is no
    organisation's name (no organisation head word: "Truth and
    Reconciliation Commission" stays whole) and no country or place
    ("Bosnia and Herzegovina"), each side is one to three capitalised
    words, and either each side is a name the story uses on its own or a
    country, or "and" joins two names of two words or more (two people).

    >>> import spacy
    >>> doc = spacy.blank("en")("An Marchal and Eefje Lambrecks were found.")
    >>> cx = EntityContext(doc, [Candidate(0, 5, "ORG", "An Marchal and Eefje Lambrecks", 0)])
    >>> joined_names(cx); [(c.text, c.label) for c in cx.cands]
    [('An Marchal', 'PERSON'), ('Eefje Lambrecks', 'PERSON')]
    """
    doc = cx.doc
    alone = {c.text for c in cx.cands}
    out: list[Candidate] = []
    for c in cx.cands:
        joins = [t.i for t in doc[c.start:c.end] if t.lower_ in _JOINERS]
        if c.label not in ("ORG", "PERSON", "GPE", "NORP") or len(joins) != 1 \
                or lexicons.has_org_head(c.text, min_words=1):
            out.append(c)
            continue
        j = joins[0]
        left, right = doc[c.start:j], doc[j + 1:c.end]
        # a hyphen joins a country and another name ("PLO-Israel"); "UWP-Hachette" is a joint venture's name
        known = all(p.text in alone or countries.lookup(p.text) for p in (left, right)) and (
            doc[j].text != "-" or any(countries.lookup(p.text) for p in (left, right)))
        full = doc[j].lower_ == "and" and len(left) >= 2 and len(right) >= 2   # two full names
        if not (_name_part(left) and _name_part(right)) or not (known or full) \
                or countries.lookup(c.text) or is_known_place(c.text):
            out.append(c)                     # "Marks and Spencer", "Bosnia and Herzegovina": one name
            continue
        for part in (left, right):
            people = full and c.label in ("ORG", "PERSON")   # two full names joined by "and": two people
            out.append(Candidate(part.start, part.end, "PERSON" if people else c.label, part.text, part.start))
    cx.cands[:] = out


def type_from_words(c: Candidate) -> None:
    """Type a name from its words and the model's label alone.

    >>> c = Candidate(0, 1, "GPE", "Peru", 0)
    >>> type_from_words(c); c.type, c.key
    ('country', 'country:PE')
    """
    if c.type == "outlet":
        return
    outlet = lexicons.outlet_name(c.text)
    hit = countries.lookup(c.text)
    if outlet:
        c.type, c.key = "outlet", f"outlet:{slug(outlet)}"
    elif hit and c.label != "PERSON":
        c.type, c.key = "country", f"country:{hit.code}"
    elif c.label == "ORG" and lexicons.has_outlet_head(c.text):
        words = c.text.split()
        bare = next((lexicons.outlet_name(" ".join(words[:n])) for n in range(len(words) - 1, 0, -1)
                     if words[n].islower() and lexicons.outlet_name(" ".join(words[:n]))), None)
        # "Interfax news agency" is Interfax; "WAFA news agency", "Lusaka Times" are names of their own
        c.type, c.key = "outlet", f"outlet:{slug(bare or c.text)}"
    elif c.label != "PERSON" and lexicons.has_org_head(c.text):
        c.type, c.key = "organization", f"org:{slug(c.text)}"
    elif c.label == "NORP":
        c.type = ""                              # "Conservative", "Muslim": a group, not a node
    elif c.label == "PERSON":
        c.type, c.key = "person", f"person:{slug(c.text)}"
    elif c.label == "ORG":
        c.type, c.key = "organization", f"org:{slug(c.text)}"
    else:
        c.type, c.key = "place", f"place:{slug(c.text)}"


def first_type(cx: EntityContext) -> None:
    """Type every name from its words and the model's label alone (see :func:`type_from_words`); an outlet
    written with its kind ("Interfax news agency") is mentioned by its name alone."""
    doc, cands = cx.doc, cx.cands
    for c in cands:
        type_from_words(c)
        if c.type == "outlet" and c.end - c.start == 1 and countries.lookup(c.text) \
                and not (c.start > 0 and doc[c.start - 1].text == "The"):
            # "Australian police": a demonym, whatever the outlet lexicon says; the daily is "The Australian"
            hit = countries.lookup(c.text)
            c.type, c.key = "country", f"country:{hit.code}"
        if c.type == "outlet" and c.end - c.start > 1 and doc[c.end - 1].is_lower:
            end = c.end
            while end > c.start + 1 and doc[end - 1].is_lower:
                end -= 1                          # "Interfax news agency": the mention is the name, "Interfax"
            bare = lexicons.outlet_name(doc[c.start:end].text)
            if bare and c.key == f"outlet:{slug(bare)}":
                c.end, c.text = end, clean_surface(doc[c.start:end].text)


def _opens_sentence(tok) -> bool:
    """The first word of a line or of a sentence (not a name after a closing quotation mark: '..." Eitel said')."""
    if tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    return "\n" in prev.text or prev.text in (".", "!", "?", "“", "(") or (prev.is_space and _opens_sentence(prev))


def common_nouns(cx: EntityContext) -> None:
    """A capitalised common noun opening a sentence is no name ("Barter has always been ...").

    A one-word person, organisation or place whose every mention opens a
    sentence or a line, and that is no word of a longer name of the story,
    is dropped when the story writes the same word in lower case elsewhere
    ("... has given barter a new impetus"). The tagger's reading is no
    evidence: it reads "Lopes said" and "Aides said" alike.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Barter", "grew", ".", "They", "like", "barter", "."],
    ...           sent_starts=[1, 0, 0, 1, 0, 0, 0], tags=["NN", "VBD", ".", "PRP", "VBP", "NN", "."])
    >>> cx = EntityContext(doc, [Candidate(0, 1, "PERSON", "Barter", 0, "person", "person:barter")])
    >>> common_nouns(cx); cx.cands[0].dropped
    True
    """
    doc = cx.doc
    one_word: dict[str, list[Candidate]] = defaultdict(list)
    for c in cx.cands:
        if not c.dropped and c.end - c.start == 1 and c.type in ("person", "organization", "place"):
            one_word[c.text].append(c)
    if not one_word:
        return
    lowered = {doc[i].text for i in where(doc, "ORTH", {text.lower() for text in one_word})}
    # a word of a longer name of the story ("Eitel" of "Tono Eitel") is that name, whatever its tag
    in_names = {w for c in cx.cands if not c.dropped and c.end - c.start > 1 for w in c.text.split()}
    for text, group in one_word.items():
        if text in in_names:
            continue
        toks = [doc[c.start] for c in group]
        if not all(_opens_sentence(t) and t.is_title for t in toks):
            continue  # a word in capitals ("MINSK" of a dateline) says nothing of its kind
        if text.lower() in lowered:
            for c in group:
                c.dropped = True


@lru_cache(maxsize=1)
def time_zones() -> frozenset[str]:
    """The abbreviations of the world's time zones, from the system's time zone database ("GMT", "EDT").

    >>> {"GMT", "EDT", "UTC"} <= time_zones()
    True
    """
    import datetime
    import zoneinfo

    names = {"GMT", "UTC"}
    for zone in zoneinfo.available_timezones():
        for month in (1, 7):
            try:
                name = datetime.datetime(2024, month, 1, tzinfo=zoneinfo.ZoneInfo(zone)).tzname()
            except (OSError, ValueError):  # a zone the database lists but cannot load
                continue
            if name and name.isalpha() and name.isupper():
                names.add(name)
    return frozenset(names)


_CLOCK_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "midnight", "noon", "midday"})


def clock_zones(cx: EntityContext) -> None:
    """A time zone after a clock time is no organisation ("noon (0800 GMT)", "8 p.m. EDT (midnight GMT)").

    >>> import spacy
    >>> doc = spacy.blank("en")("at noon (0800 GMT) on Friday")
    >>> cx = EntityContext(doc, [Candidate(4, 5, "ORG", "GMT", 4)])
    >>> clock_zones(cx); cx.cands[0].dropped
    True
    """
    doc = cx.doc
    for c in cx.cands:
        if c.end - c.start == 1 and c.start > 0 and doc[c.start].text in time_zones():
            before = doc[c.start - 1]
            if before.like_num or before.lower_ in _CLOCK_WORDS:
                c.dropped = True


def counted_units(cx: EntityContext) -> None:
    """An abbreviation counted like a noun is a unit, not an organisation ("six RBI", "his 121 RBI broke
    the record": runs batted in). Where a story counts it once, each of its mentions is the unit ("Devon
    White's RBI double"); an abbreviation that only qualifies a noun after a number stays a name ("three
    ANC officials").

    >>> import spacy
    >>> doc = spacy.blank("en")("Lopes had six RBI and then Ruiz's RBI double won it")
    >>> cx = EntityContext(doc, [Candidate(3, 4, "ORG", "RBI", 3), Candidate(9, 10, "ORG", "RBI", 9)])
    >>> counted_units(cx); [c.dropped for c in cx.cands]
    [True, True]
    """
    doc = cx.doc
    text = text_of(doc)
    counted = set()
    for c in cx.cands:
        if c.dropped or c.end - c.start != 1 or c.start == 0:
            continue
        tok = doc[c.start]
        if not (1 < len(tok.text) <= 4 and tok.text.isalpha() and tok.text.isupper()) \
                or in_non_prose(text, tok.idx, tok.idx + len(tok.text)):
            continue  # a results row counts goals before a team: "LG 2 OB 0"
        nxt = doc[c.end] if c.end < len(doc) else None
        qualifies = nxt is not None and nxt.pos_ in ("NOUN", "PROPN")
        before = doc[c.start - 1]
        year = before.text.isdigit() and len(before.text) == 4   # "the 1993 PLO-Israel deal"
        joined = nxt is not None and nxt.text in ("-", "\u2013")              # "PLO-Israel"
        if before.like_num and not year and not qualifies and not joined:
            counted.add(tok.text)
    for c in cx.cands:
        if not c.dropped and c.text in counted:
            c.dropped = True


def gazetteer_places(cx: EntityContext) -> None:
    """A name the model called a person or an organisation that the country dictionary lists as a
    region or city of a country is a place ("Chechnya", "the West Bank", "Grozny"), unless the document
    makes it a person: it speaks, or it is a word of a full-named person's name."""
    doc, cands = cx.doc, cx.cands
    table = phoenix_places()
    full = [c.text for c in cands if c.type == "person" and len(c.text.split()) > 1 and not c.dropped]
    names = NameIndex(full)                      # built once: each look-up costs the same
    full_words = {w for name in full for w in name.split()}
    for c in cands:
        if c.dropped or c.type not in ("person", "organization") or c.label not in ("PERSON", "ORG", "GPE", "LOC"):
            continue
        if countries.normalize(c.text) not in table or countries.lookup(c.text):
            continue
        if c.type == "person" and (speaks(doc[c.start:c.end]) or names.match(c.text)
                                   or c.text in full_words):
            continue
        c.type, c.key = "place", f"place:{slug(c.text)}"


def capital_places(cx: EntityContext) -> None:
    """A capital used as a location is the city, a place node of its own ("in Prague", "flew to Cairo");
    used for who acts or speaks it stays its country ("Ottawa said"). The decision is each mention's."""
    doc, cands = cx.doc, cx.cands
    for c in cands:
        if c.dropped or c.type != "country" or not c.linked:
            continue
        hit = countries.lookup(c.text)
        if hit is None or hit.via != "capital" or not as_location(doc, c):
            continue
        c.type, c.key = "place", f"place:{slug(read_case(c.text))}"


#: key prefix of each type a name can take in one story
_PREFIX = {"person": "person", "organization": "org", "place": "place"}


def one_type_per_name(cx: EntityContext) -> None:
    """One name written the same way twice in a story is one entity of one type ("Velaro" a place in one
    sentence and an "organisation" in the next): the type most mentions have wins, a place the gazetteer
    knows and a person who speaks or holds a role counting double. A one-word "person" who never speaks,
    holds no role and is no one's family name, named mostly as a location ("fled from Velaro"), is a place.
    A sports story is left alone: there a town is both the team and the venue."""
    doc, cands = cx.doc, cx.cands
    if read_wire(text_of(doc)).is_sports():
        return
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        if not c.dropped and c.type in _PREFIX and c.key.startswith(f"{_PREFIX[c.type]}:{slug(c.text)}"):
            groups[lexicons.fold(c.text)].append(c)
    full = [c.text for c in cands if c.type == "person" and len(c.text.split()) > 1 and not c.dropped]
    names = NameIndex(full)                      # built once: each look-up costs the same
    for group in groups.values():
        if {c.type for c in group} == {"person"} and len(group[0].text.split()) == 1 \
                and not any(c.roles or speaks(doc[c.start:c.end]) for c in group) \
                and not names.match(group[0].text) \
                and sum(as_location(doc, c) for c in group) * 2 > len(group):
            for c in group:                   # "took Velaro ... fled from Velaro": where things happen, no one
                c.type, c.key = "place", f"place:{slug(c.text)}"
            continue
        if len({c.type for c in group}) < 2:
            continue
        votes: dict[str, int] = defaultdict(int)
        for c in group:
            strong = c.type == "place" and is_known_place(c.text) \
                or c.type == "person" and (c.roles or speaks(doc[c.start:c.end]))
            votes[c.type] += 2 if strong else 1
        best = max(votes.values())
        winner = next(t for t in ("place", "organization", "person") if votes.get(t) == best)
        key = f"{_PREFIX[winner]}:{slug(group[0].text)}"
        for c in group:
            c.type, c.key = winner, key


#: prepositions whose object is where something is ("a headquarters in Velmor", "a fight at Tarrow")
_WHERE_PREPS = frozenset({"in", "at", "near", "outside", "around", "inside", "throughout"})
#: nouns of areas a name names ("the disputed Velmor region", "the town of Velmor")
_AREA_NOUNS = frozenset({"region", "province", "district", "county", "town", "city", "village", "valley", "enclave",
                         "suburb", "port", "capital", "republic", "area", "state", "island", "mountains"})
#: subject and possessive links: the name acts or owns ("Velmor said", "Velmor's shares")
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})


def _where_it_is(doc, c: Candidate) -> str:
    """ "strong" when the text calls the name an area ("the town of X", "the X region"), "prep" when it
    is only the object of a locative preposition ("in X"), "acts" when it is a subject or owner, else ""."""
    root = doc[c.start:c.end].root
    head = root.head
    if root.dep_ in _ACTING_DEPS or c.end < len(doc) and doc[c.end].text in ("'s", "\u2019s"):
        return "acts"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _AREA_NOUNS and head.head.i < head.i:
        return "strong"                       # "the city of Arbil"
    if c.end < len(doc) and doc[c.end].lower_ in _AREA_NOUNS and doc[c.end].pos_ == "NOUN" \
            and root.head.i == c.end:
        return "strong"                       # "the disputed Nagorno-Karabakh region"
    if root.dep_ == "pobj" and head.lower_ in _WHERE_PREPS:
        owner = head.head
        if lexicons.role_match([owner.text]) is not None or owner.ent_type_ == "PERSON":
            return ""                         # "an official at Velmor Nursing Home", "analyst Ana Lopes at Velbank"
        if owner.pos_ in ("VERB", "AUX") or owner.lower_ in ("here", "there") \
                or owner.pos_ == "NOUN" and is_known_place(c.text):
            return "prep"                     # "fighting raged in Velmor", "up here in the Velmor Panhandle",
                                              # "a match at Tarrow Wells" (a known place)
        return ""                             # "a plunge in Velmor Treasuries", "lower in the Dow"
    return ""


def located_organisations(cx: EntityContext) -> None:
    """An "organisation" with no word of one that the text only uses for where things are is a place:
    "the town of Velmor", "the disputed Velmor region", "fighting raged in Velmor", "a fight at Tarrow"
    (after a noun, a preposition's object counts only for a place the gazetteer knows). Every mention of the name must be an area or a preposition's location and one at least; a name
    that acts ("Velmor said"), owns ("Velmor's shares") or has an organisation's or company's words stays."""
    doc, cands = cx.doc, cx.cands
    seen: dict[str, list[str]] = defaultdict(list)
    for c in cands:
        if not c.dropped and c.type == "organization":
            seen[c.text].append(_where_it_is(doc, c))
    for c in cands:
        if c.dropped or c.type != "organization" or c.label not in ("ORG", "PERSON", "GPE", "LOC", "FAC"):
            continue
        uses = seen[c.text]
        if "acts" in uses or "" in uses or lexicons.has_org_head(c.text, min_words=1) \
                or lexicons.outlet_name(c.text) or c.text.isupper():
            continue
        c.type, c.key = "place", f"place:{slug(c.text)}"
