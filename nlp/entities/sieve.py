"""Entity mentions, types and one node per real-world entity in a document.

:func:`extract_entities` turns a parsed ``Doc`` into doc-local
:class:`~nlp.records.Entity` records whose keys are already global
(``person:ana-lopes``, ``country:CA``) and a :class:`MentionIndex` that the
relation step uses to find which entity a token belongs to.

The model's entities are the start; then, in order:

1. outlets from the lexicon and from context replace what the model said
   (:mod:`nlp.entities.outlets`), and the model's spans are repaired: hyphenated and
   particle names made whole, titles swallowed into names split off
   (:mod:`nlp.entities.spans`);
2. each name is trimmed of "the", possessives, honorifics and titles;
3. each name is typed: country (names, demonyms, capitals), outlet (also by
   a newsroom head word, "... news agency"), organisation (also by its head
   word, "... University"), person, place;
4. parenthetical abbreviations join their long form, which is one name
   even where the model cut places out of it ("Party for the Independence
   of Guinea (PIG)"); abbreviations of common words ("electric vehicles
   (EVs)") and wire credits ("Lima, Peru (AFP)") are not definitions
   (:mod:`nlp.entities.abbreviations`);
5. the model's mistakes are corrected from the document: a name called a
   place or organisation that has a personal role, or whose word is tagged
   a person elsewhere, is a person; a short name of a full-named person is
   that person whatever its label, and is found even where the model left
   it untagged (:mod:`nlp.entities.names`); a form tagged both person and place is
   decided by the document's votes (tags, and speaking: "Kowalski said");
6. roles are read around every person mention (:mod:`nlp.entities.roles`): a person
   with a public role is an official; title fragments ("Energy" in "Energy
   Minister") are dropped; the entity a role belongs to is the affiliation;
7. an acronym joins the one organisation it spells ("EU"), a one-word
   organisation joins the only longer one it begins ("Toyota", "Toyota
   Motor Corp") or whose head word it is ("the Commission"), and "the paper"
   stands in the index for the outlet named just before it.

Example
-------
>>> import spacy
>>> from spacy.tokens import Doc, Span
>>> nlp = spacy.blank("en")
>>> doc = Doc(nlp.vocab, words=["Angela", "Merkel", "met", "French", "leaders", "."])
>>> doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 4, "NORP")]
>>> sorted(e.key for e in extract_entities(doc, "d1")[0])
['country:FR', 'person:angela-merkel']
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

import numpy
from spacy.tokens import Doc, Span

from nlp import lexicons
from nlp.entities import countries
from nlp.entities.abbreviations import find_abbreviations
from nlp.entities.names import NAME_SUFFIXES, NameIndex
from nlp.entities.officials import main_name
from nlp.entities.outlets import find_outlets
from nlp.entities.shape import in_non_prose
from nlp.entities.wire import is_caps, read_wire
from nlp.entities.places import is_known_place, phoenix_places
from nlp.mentions import MentionIndex, slug
from nlp.records import Entity, Mention
from nlp.entities.roles import (HONORIFICS, EntityView, Role, affiliation_after, appositive_role, possessive_owner,
                       predicate_role, title_before)
from nlp.passes import Pass, run_passes
from nlp.scan import model_ents, text_of, where
from nlp.entities.spans import NAME_PARTICLES, model_spans

#: model labels that can be entities of the graph
LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
#: labels of places; a name with one of them that no gazetteer knows may be a mislabelled person
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
#: verbs whose subject is a person ("Kowalski said", "Rutte insisted")  -- Levin (1993), classes 37.7 and 29.5
SPEECH_VERBS = frozenset({"say", "tell", "insist", "add", "argue", "warn", "claim", "deny", "admit",
                          "explain", "note", "believe", "think", "hope", "wonder", "muse", "recall",
                          "suggest", "acknowledge", "complain", "reply", "ask", "urge", "want"})
#: verbs whose object is a person ("advised Kowalski")
ADVICE_VERBS = frozenset({"advise", "urge", "tell", "ask", "warn", "persuade"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Penn tags of a plural common noun
_COMMON_PLURAL_TAGS = frozenset({"NNS"})
#: prepositions whose object is where something is ("a farmer near Sialkot")
LOCATIVE_PREPS = frozenset({"in", "near", "outside", "around", "from", "at"})
#: the ones that do not also take a workplace ("at Siemens", "from Toyota")
_TOWN_PREPS = frozenset({"in", "near", "outside"})
#: words an acronym skips ("ECB" of "European Central Bank", "IOM" of "International Organization for Migration")
_ACRONYM_SKIPS = frozenset({"of", "for", "the", "and", "on", "in", "&"})
_OBJ_DEPS = frozenset({"dobj", "obj"})
#: nouns that stand for an outlet named shortly before ("the Chinese paper warned")
OUTLET_NOUNS = frozenset({"paper", "newspaper", "daily", "tabloid", "broadcaster", "agency", "outlet",
                          "magazine", "weekly", "network", "channel", "website"})
#: how many sentences back such a noun looks for its outlet
OUTLET_ANAPHORA_SENTENCES = 2
_POSSESSIVE = re.compile(r"(?:['\u2019]s?|\s*\()$")
_TRIM_END = frozenset({"'s", "\u2019s", "'", "\u2019", "(", ")", ",", "-", "\u2014", ":", ";"})
_TRIM_START = frozenset({"the", "(", "-", "\u2014", "\"", "\u201c"})


def clean_surface(text: str) -> str:
    """Drop a leading "the", a possessive and a dangling parenthesis.

    >>> clean_surface("the Associated Press (")
    'Associated Press'
    >>> clean_surface("Macron\u2019s")
    'Macron'
    >>> clean_surface("Windsor Castle."), clean_surface("the U.S.")
    ('Windsor Castle', 'U.S.')
    """
    s = " ".join(text.split())
    while True:
        t = _POSSESSIVE.sub("", s).strip()
        if t == s:
            break
        s = t
    if s.lower().startswith("the "):
        s = s[4:]
    s = s.strip(" -—,;:\"“”")
    last = s.split()[-1] if s else ""
    if last.endswith(".") and "." not in last[:-1] and sum(ch.islower() for ch in last) >= 3:
        s = s[:-1]                                  # "Windsor Castle." at a sentence's end; "U.S." and "Jr." stay
    return s


@dataclass
class _Candidate:
    """One name in the text while it is being typed and resolved."""

    start: int                 # tokens of the name itself
    end: int
    label: str                 # the model's label, or "OUTLET"
    text: str
    ent_start: int             # where the model's entity began (title words included)
    type: str = ""
    key: str = ""
    roles: list[Role] = field(default_factory=list)
    dropped: bool = False
    linked: bool = True        # False: a mention only (headline, dateline, byline, table row): it links nothing
    official: bool = False     # a known office holder (nlp.entities.officials), whatever the text calls them


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


def _trim(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """The name inside an entity: no "the", possessive, parenthesis, honorific or title."""
    while end > start and doc[end - 1].text in _TRIM_END:
        end -= 1
    while start < end and (doc[start].lower_ in _TRIM_START or doc[start].lower_ in HONORIFICS):
        start += 1
    if label == "PERSON":
        changed = True
        while changed and end - start > 1:
            changed = False
            for n in (3, 2, 1):
                if end - start > n:
                    hit = lexicons.role_match([t.text for t in doc[start:start + n]])
                    if hit and hit[0] == n:
                        start += n
                        changed = True
                        break
            while start < end - 1 and doc[start].lower_ in HONORIFICS:
                start += 1
                changed = True
    return start, end


def _candidates(doc: Doc) -> list[_Candidate]:
    """Model entities and outlets, trimmed to their names, in text order."""
    outlets = find_outlets(doc)
    taken = {i for o in outlets for i in range(o.start, o.end)}
    cands = [_Candidate(o.start, o.end, "OUTLET", o.name, o.start, "outlet", f"outlet:{slug(o.name)}")
             for o in outlets]
    for ent_start, ent_end, label, title_start in model_spans(doc, LABELS):
        if not taken.isdisjoint(range(ent_start, ent_end)):
            continue
        start, end = _trim(doc, ent_start, ent_end, label)
        text = clean_surface(doc[start:end].text) if end > start else ""
        if not any(c.isalpha() for c in text):
            continue
        if not any(c.isupper() for c in text) and not countries.lookup(text):
            continue                          # "naira", "the euro": a common word the model tagged
        if end - start == 1 and label != "PERSON" and doc[start].tag_ in _COMMON_PLURAL_TAGS \
                and doc[start].lemma_.lower() != doc[start].lower_ and not countries.lookup(text):
            continue                          # "Juntas in Mali ...": a capitalised plural noun, no name
        cands.append(_Candidate(start, end, label, text, min(title_start, ent_start)))
    return sorted(cands, key=lambda c: c.start)


def _first_type(c: _Candidate) -> None:
    """Type a name from its words and the model's label alone."""
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


def _speaks(span: Span) -> bool:
    """The name is the subject of a speech verb or the object of advice."""
    root = span.root
    head = root.head
    if root.dep_ in _SUBJ_DEPS and head.lemma_ in SPEECH_VERBS:
        return True
    return root.dep_ in _OBJ_DEPS and head.lemma_ in ADVICE_VERBS


def _abbreviations(doc: Doc, cands: list[_Candidate]) -> None:
    """Join "Long Form (LF)" and drop abbreviations of common words ("EVs")."""
    by_start = {c.start: c for c in cands}
    common: set[str] = set()
    long_of: dict[str, _Candidate] = {}
    # token -> positions in cands of the names over it, so a long form finds its names without a scan
    over: dict[int, list[int]] = defaultdict(list)

    def cover(k: int) -> None:
        for i in range(cands[k].start, max(cands[k].end, cands[k].start + 1)):
            over[i].append(k)

    for k in range(len(cands)):
        cover(k)
    for ab in find_abbreviations(doc):
        if lexicons.outlet_name(ab.short):
            continue                          # "Abuja, Nigeria (AFP)": a wire credit, not a definition
        if countries.lookup(ab.short) or in_non_prose(text_of(doc), doc[ab.short_i].idx):
            continue                          # "Ana Lind (U.S.) 11.02": a results row names a country
        near = sorted({k for i in range(ab.long_start, ab.long_end) for k in over.get(i, ())})
        near = [k for k in near if cands[k].start < ab.long_end and ab.long_start < cands[k].end
                and not cands[k].dropped]
        inside = [cands[k] for k in near]
        long = inside[0] if inside else None
        if ab.proper and len(inside) > 1 and inside[-1].end <= ab.long_end \
                and (long.label == "ORG" or long.start >= ab.long_start):
            # "African Party for the Independence of Guinea and Cape Verde (PAIGC)": one name, no places in it
            long.start = long.ent_start = _name_start(doc, min(long.start, ab.long_start))
            long.end = ab.long_end
            cover(near[0])
            long.text = clean_surface(doc[long.start:long.end].text)
            long.label, long.type = "ORG", ""
            _first_type(long)
            for other in inside[1:]:
                other.dropped = True
        if ab.common or long is None and not ab.proper:
            common.add(ab.short)              # "gross domestic product (GDP)": no entity
            continue
        if long is None:
            start, end = _trim(doc, _name_start(doc, ab.long_start), ab.long_end, "ORG")
            long = _Candidate(start, end, "ORG", clean_surface(doc[start:end].text), start)
            _first_type(long)
            cands.append(long)
            cover(len(cands) - 1)
        elif long.type == "place" or long.label in _PLACE_LABELS and long.type != "country":
            long.type, long.key = "organization", f"org:{slug(long.text)}"   # a defined name is an organisation
        long_of[ab.short] = long
        if ab.short_i not in by_start:
            short = _Candidate(ab.short_i, ab.short_i + 1, "ORG", ab.short, ab.short_i)
            cands.append(short)
            cover(len(cands) - 1)
    for c in cands:
        bare = c.text[:-1] if c.text.endswith("s") and c.text[:-1].isupper() else c.text
        if bare in common and c.type != "outlet":
            c.dropped = True
        elif bare in long_of and long_of[bare] is not c and c.type != "outlet":
            long = long_of[bare]
            c.type, c.key = long.type, long.key
    cands.sort(key=lambda c: c.start)


def _name_start(doc: Doc, start: int) -> int:
    """Start of a defined name whose first capitalised words the abbreviation skipped ("Front" of
    "Front for the Liberation of ... (FLMA)")."""
    while start > 0 and doc[start - 1].is_title and doc[start - 1].lower_ not in _TRIM_START \
            and not doc[start - 1].is_sent_start:
        start -= 1
    return start


def _capital_of_a_name(text: str, last_words: set[str]) -> bool:
    """A capital that is also the family name of someone in the text ("Denzel Washington");
    ``last_words`` are the last words of the text's full names.

    Such a capital is the person only where it speaks ("Washington said the
    film ..."); elsewhere it stays the country ("Washington and Moscow").
    """
    hit = countries.lookup(text)
    return hit is not None and hit.via == "capital" and len(text.split()) == 1 and text in last_words


def _resolve_people(doc: Doc, cands: list[_Candidate]) -> None:
    """Short names to full names; mislabelled people and places fixed from the document."""
    place_labelled = {c.text for c in cands if c.label in ("GPE", "LOC") and c.type == "place"}
    for c in cands:
        if c.type == "person" and len(c.text.split()) > 1:
            hit = countries.lookup(c.text)
            if hit:                                  # "Buenos Aires" tagged PERSON: a capital
                c.type, c.key = "country", f"country:{hit.code}"
            elif c.text in place_labelled:
                c.type, c.key = "place", f"place:{slug(c.text)}"
    full = [c.text for c in cands if c.type == "person" and len(c.text.split()) > 1]
    full_key = {name: f"person:{slug(name)}" for name in full}
    names = NameIndex(full)                      # built once: a lookup costs the same however many people
    last_words = {name.split()[-1] for name in full_key}
    person_labelled = {c.text for c in cands if c.label == "PERSON"}
    # evidence per surface form: +1 for each PERSON tag, -1 for each place tag, +2 when it speaks
    votes: dict[str, int] = defaultdict(int)
    first: dict[str, str] = {}
    for c in cands:
        if c.label == "PERSON":
            votes[c.text] += 1
        elif c.label in _PLACE_LABELS:
            votes[c.text] += 2 if _speaks(doc[c.start:c.end]) else -1
        else:
            continue
        first.setdefault(c.text, "person" if c.label == "PERSON" else "place")

    spoken = {c.text for c in cands if _speaks(doc[c.start:c.end])}

    def verdict(text: str) -> str:
        return "person" if votes[text] > 0 else "place" if votes[text] < 0 else first.get(text, "")

    short_of: dict[str, str | None] = {}
    for c in cands:
        if c.dropped or c.type == "outlet":
            continue
        if len(c.text.split()) > 1 and c.type != "person" and not (_looks_like_name(doc, c) and full):
            continue                             # "Von der Leyen" tagged an organisation is still her name
        if c.type == "country" and c.text not in person_labelled \
                and not (_capital_of_a_name(c.text, last_words) and _speaks(doc[c.start:c.end])):
            continue                             # "Jordan" the country, unless also tagged a person
        if c.text not in short_of:
            short_of[c.text] = names.match(c.text) if c.text not in full_key else c.text
        target = short_of[c.text]
        if target:
            c.type, c.key = "person", full_key[target]
        elif c.type == "person" and countries.lookup(c.text):
            hit = countries.lookup(c.text)           # "Nairobi" tagged PERSON, no one of that name
            c.type, c.key = "country", f"country:{hit.code}"
        elif c.type == "person" and c.label == "PERSON" and verdict(c.text) == "place":
            c.type, c.key = "place", f"place:{slug(c.text)}"   # tagged a place more often in the text
        elif c.type == "person" and len(c.text.split()) == 1 and c.text not in spoken and is_known_place(c.text) \
                and doc[c.start].dep_ == "pobj" and doc[c.start].head.lower_ in LOCATIVE_PREPS:
            c.type, c.key = "place", f"place:{slug(c.text)}"   # "a farmer near Sialkot": a town, nobody's name
        elif c.label in _PLACE_LABELS and c.type not in ("country", "organization") \
                and not is_known_place(c.text) and verdict(c.text) == "person":
            c.type, c.key = "person", f"person:{slug(c.text)}"   # tagged a person more often, or speaks


#: the label the role finder sees for each type
_VIEW_LABELS = {"person": "PERSON", "country": "GPE", "place": "GPE", "organization": "ORG", "outlet": "ORG"}


def _view(doc: Doc, cands: list[_Candidate]) -> EntityView:
    """Entities as corrected so far, plus the model's dates and numbers."""
    spans = [(c.start, c.end, "NORP" if c.label == "NORP" and c.type == "country" else _VIEW_LABELS[c.type])
             for c in cands if not c.dropped and c.type]
    spans += [e for e in model_ents(doc) if e[2] not in LABELS]
    return EntityView(spans)


def _looks_like_name(doc: Doc, c: _Candidate) -> bool:
    """Two to five capitalised proper nouns (and "de", "van" ...) that no other source knows."""
    toks = [t for t in doc[c.start:c.end] if t.lower_ not in NAME_PARTICLES]
    return c.end - c.start >= 2 and 1 <= len(toks) <= 5 and all(t.pos_ == "PROPN" and t.is_title for t in toks) \
        and not lexicons.has_org_head(c.text) and not is_known_place(c.text)


def _people_by_evidence(doc: Doc, cands: list[_Candidate]) -> None:
    """A "place" or "organisation" that is a person by the document's own evidence.

    It has a personal role ("Ruto's deputy, Ana Lopes"), or one of its words
    is tagged a person elsewhere ("Helena Costa" ... "Prime Minister Costa").
    """
    view = None
    lone_people = {c.text for c in cands if len(c.text.split()) == 1 and (
        c.label == "PERSON" or c.label in _PLACE_LABELS and not is_known_place(c.text) and _speaks(doc[c.start:c.end]))}
    for c in cands:
        if c.dropped or c.type not in ("organization", "place") or not _looks_like_name(doc, c):
            continue
        words = c.text.split()
        if words[0] in lone_people or words[-1] in lone_people:
            c.type, c.key = "person", f"person:{slug(c.text)}"
            continue
        view = view or _view(doc, cands)
        span = doc[c.start:c.end]
        if title_before(span, ents=view) or appositive_role(span, ents=view):
            c.type, c.key = "person", f"person:{slug(c.text)}"


def _unlabelled_speakers(doc: Doc, cands: list[_Candidate]) -> None:
    """A proper name the model left untagged that says something is a person ("Lopes said")."""
    taken = {i for c in cands for i in range(c.ent_start, c.end)}
    for i in where(doc, "POS", {"PROPN"}):
        tok = doc[i]
        if tok.dep_ not in _SUBJ_DEPS or tok.head.lemma_ not in SPEECH_VERBS or i in taken or not tok.is_title:
            continue
        if lexicons.role_match([tok.text]) is not None:
            continue                          # "Ukraine's Foreign Minister ... said": a title, not a name
        words = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        start = min([tok.i, *(t.i for t in words)])
        if any(i in taken for i in range(start, tok.i)) or tok.i - start > 2:
            continue
        while start < tok.i and (doc[start].lower_ in HONORIFICS or lexicons.role_match([doc[start].text])):
            start += 1                        # "Mr. Lopes said", "President Lopes said"
        text = doc[start:tok.i + 1].text
        if countries.lookup(text) or is_known_place(text) or lexicons.outlet_name(text) \
                or lexicons.has_org_head(text, min_words=1):
            continue
        cands.append(_Candidate(start, tok.i + 1, "PERSON", text, start, "person", f"person:{slug(text)}"))
    cands.sort(key=lambda c: c.start)


def _acronyms(doc: Doc, cands: list[_Candidate]) -> None:
    """An acronym joins the one organisation whose capitalised words it spells, written out elsewhere
    in the text ("EU" and "European Union"), whatever the model called it or if it left it untagged."""
    initials: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        words = [w for w in c.text.replace("-", " ").split() if w.lower() not in _ACRONYM_SKIPS]
        if c.type == "organization" and not c.dropped and len(words) > 1 and all(w[:1].isupper() for w in words):
            initials["".join(w[0] for w in words)].add(c.key)
    spelled = {a: next(iter(keys)) for a, keys in initials.items() if len(keys) == 1}
    if not spelled:
        return
    for c in cands:
        if c.text in spelled and not c.dropped and c.type in ("", "organization", "place"):
            c.type, c.key = "organization", spelled[c.text]
    taken = {i for c in cands for i in range(c.ent_start, c.end)}
    for i in where(doc, "ORTH", spelled):
        if i not in taken and doc[i].pos_ == "PROPN":
            cands.append(_Candidate(i, i + 1, "ORG", doc[i].text, i, "organization", spelled[doc[i].text]))
    cands.sort(key=lambda c: c.start)


def _short_organisations(cands: list[_Candidate]) -> None:
    """ "Toyota" after "Toyota Motor Corp": a one-word organisation that begins exactly one longer one."""
    longer: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        words = c.text.split()
        if c.type == "organization" and not c.dropped and len(words) > 1:
            longer[words[0]].add(c.key)
    ending: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        words = c.text.split()
        if c.type == "organization" and not c.dropped and len(words) > 1 and words[-1].lower() in lexicons.org_heads():
            ending[words[-1]].add(c.key)
    for c in cands:
        if c.type == "organization" and len(c.text.split()) == 1 and len(longer.get(c.text, ())) == 1:
            c.key = next(iter(longer[c.text]))
        elif c.type == "organization" and len(c.text.split()) == 1 and len(ending.get(c.text, ())) == 1:
            c.key = next(iter(ending[c.text]))      # "the Commission" after "the European Commission"


def _untagged_surnames(doc: Doc, cands: list[_Candidate]) -> None:
    """Family names of full-named people that the model left untagged ("Ruto's speech")."""
    full = [c for c in cands if c.type == "person" and not c.dropped and len(c.text.split()) > 1]
    if not full:
        return
    owners: dict[str, set[str]] = defaultdict(set)
    for c in full:
        last = c.end - 1
        while last > c.start + 1 and doc[last].lower_.rstrip(".") in NAME_SUFFIXES:
            last -= 1                             # "Kennedy" of "Robert F. Kennedy Jr."
        owners[doc[last].text].add(c.key)
    taken = {i for c in cands for i in range(c.ent_start, c.end)}
    for i in where(doc, "ORTH", owners):
        tok = doc[i]
        keys = owners[tok.text]
        if len(keys) > 1 or i in taken or tok.pos_ != "PROPN":
            continue
        prev_name = tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" and not doc[tok.i - 1].lower_ in HONORIFICS \
            and lexicons.role_match([doc[tok.i - 1].text]) is None
        next_name = tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"
        if prev_name or next_name:
            continue                              # part of another name ("Ruto Street", "Anna Ruto")
        cands.append(_Candidate(tok.i, tok.i + 1, "PERSON", tok.text, tok.i, "person", next(iter(keys))))
    cands.sort(key=lambda c: c.start)


def _read_roles(doc: Doc, cands: list[_Candidate]) -> None:
    """Roles of every person mention; title fragments dropped; role owners retyped. In a sports story
    a role is a sports role ("captain", "coach", "chairman" of a club), never a public office."""
    view = _view(doc, cands)
    sports = read_wire(text_of(doc)).is_sports()
    at: dict[int, _Candidate] = {}
    for c in cands:
        for i in range(c.ent_start, c.end):
            at.setdefault(i, c)
    added: list[_Candidate] = []
    for c in cands:
        if c.type != "person" or c.dropped:
            continue
        span = doc[c.start:c.end]
        found = [title_before(span, ent_start=c.ent_start, ents=view), appositive_role(span, ents=view),
                 predicate_role(span, ents=view)]
        c.roles = [r for r in found if r is not None]
        if sports:                            # "former captain", "chairman" of a club: no public office
            c.roles = [replace(r, kind="person") for r in c.roles]
        for role in c.roles:
            for fs, fe in role.fragments:
                for i in range(fs, fe):
                    frag = at.get(i)
                    if frag is None or frag is c:
                        continue
                    if frag.start < fs:       # "EU Farm": keep "EU", the rest is the title
                        frag.end = fs
                        frag.text = clean_surface(doc[frag.start:fs].text)
                        frag.type = ""
                        _first_type(frag)
                    else:
                        frag.dropped = True
            if role.affiliation and _owner(at, role.affiliation) is None:
                # a place the model did not tag ("Bavaria Premier Markus Söder")
                start, end = role.affiliation
                owner = _Candidate(start, end, "GPE", clean_surface(doc[start:end].text), start)
                _first_type(owner)
                added.append(owner)
                at.update((i, owner) for i in range(start, end))
            owner = _owner(at, role.affiliation) if role.affiliation else None
            if owner is not None and owner is not c and owner.label == "PERSON" \
                    and owner.key == f"person:{slug(owner.text)}" and len(owner.text.split()) == 1:
                # "Bavaria Premier Markus Söder": the model's "person" owns an office, so it is a place
                if owner.text not in {x.text for x in cands if x.key == owner.key and x is not owner}:
                    owner.type = "place" if role.kind == "official" else "organization"
                    owner.key = f"{'place' if owner.type == 'place' else 'org'}:{slug(owner.text)}"
    cands.extend(added)
    cands.sort(key=lambda c: c.start)


def _affiliation(doc: Doc, c: _Candidate, at: dict[int, _Candidate], view: EntityView) -> str:
    """Key of the country, place or organisation a person's role belongs to."""
    spans = [r.affiliation for r in c.roles if r.affiliation and (r.kind == "official" or _is_org(at, r.affiliation))]
    for found in (affiliation_after(doc[c.start:c.end], ents=view), possessive_owner(doc[c.start:c.end], ents=view)):
        if found:
            spans.append(found)
    for s in spans:
        owner = _owner(at, s)
        if owner is not None and not owner.dropped and owner.key and owner.type in ("country", "place", "organization", "outlet"):
            return owner.key
    return ""


def _owner(at: dict[int, _Candidate], span: tuple[int, int]) -> _Candidate | None:
    """The candidate that covers any token of ``span``."""
    return next((at[i] for i in range(*span) if i in at), None)


def _is_org(at: dict[int, _Candidate], span: tuple[int, int]) -> bool:
    owner = _owner(at, span)
    return owner is not None and owner.type in ("organization", "outlet")


def _outlet_anaphora(doc: Doc, cands: list[_Candidate], index: MentionIndex) -> None:
    """ "the Norwegian paper warned": the head noun stands for the last outlet named before it;
    "the news agency TASS": a noun right before an outlet's name stands for that outlet."""
    outlets = [c for c in cands if c.type == "outlet"]
    if not outlets:
        return
    # one pass over the nouns in text order, each outlet looked up, not searched for (linear in long texts)
    named_at: dict[int, _Candidate] = {}
    for c in outlets:
        named_at.setdefault(c.start, c)
    by_end = sorted(range(len(outlets)), key=lambda k: outlets[k].end)
    ended, last_k = 0, -1                         # outlets ended so far; the latest of them in the list
    sentence = _sentence_numbers(doc)
    for i in where(doc, "LOWER", OUTLET_NOUNS):
        tok = doc[i]
        if index.key_of(i) or tok.pos_ not in ("NOUN", ""):
            continue
        named = named_at.get(tok.i + 1)
        if named is not None:
            index.add(tok.i, tok.i + 1, named.key)
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue
        while ended < len(by_end) and outlets[by_end[ended]].end <= tok.i:
            last_k = max(last_k, by_end[ended])
            ended += 1
        if last_k < 0:
            continue
        last = outlets[last_k]
        if sentence is not None and sentence[tok.i] - sentence[last.start] > OUTLET_ANAPHORA_SENTENCES:
            continue                              # more sentences back than a reader would look
        index.add(tok.i, tok.i + 1, last.key)


def _role_anaphora(doc: Doc, cands: list[_Candidate], index: MentionIndex) -> None:
    """ "the secretary-general said": a definite role noun stands in the index for the one person of the
    story who holds that role, named before it ("Secretary-General Ana Lopes ... the secretary-general").

    With two holders ("the minister" after two ministers) nothing is guessed; a role noun before a name
    is that name's title, not a reference.
    """
    holders: dict[str, set[str]] = defaultdict(set)
    first: dict[str, int] = {}
    for c in cands:
        if c.dropped or c.type != "person":
            continue
        for role in c.roles:
            head = role.text.split()[-1].lower()
            holders[head].add(c.key)
            first[c.key] = min(first.get(c.key, c.start), c.start)
    if not holders:
        return
    by_last = defaultdict(list)
    for head in holders:
        by_last[head.split("-")[-1]].append(head)
    for i in where(doc, "LOWER", set(by_last)):
        tok = doc[i]
        for head in by_last[tok.lower_]:
            n = head.count("-") * 2                # "secretary-general" is three tokens
            start = i - n
            if start < 1 or doc[start:i + 1].text.lower() != head:
                continue
            keys = holders[head]
            if len(keys) != 1 or any(index.key_of(j) for j in range(start, i + 1)) \
                    or tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
                continue
            if doc[start - 1].lower_ != "the" or i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN":
                continue                           # "the minister Ana Lopes": a title; "a minister": anyone
            key = next(iter(keys))
            if first[key] < start:
                index.add(start, i + 1, key)


def _sentence_numbers(doc: Doc) -> list[int] | None:
    """The sentence number of every token (None when the document has no sentences).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["A", ".", "B", "C", "."], sent_starts=[1, 0, 1, 0, 0])
    >>> _sentence_numbers(doc)
    [0, 0, 1, 1, 1]
    """
    if not doc.has_annotation("SENT_START"):
        return None
    starts = doc.to_array("SENT_START") == 1
    starts[:1] = False
    return numpy.cumsum(starts).tolist()


def extract_entities(doc: Doc, doc_id: str, *, skip: frozenset[str] = frozenset()) -> tuple[list[Entity], MentionIndex]:
    """Doc-local entities (with global keys) and the token index of their mentions.

    >>> import spacy
    >>> from spacy.tokens import Doc, Span
    >>> nlp = spacy.blank("en")
    >>> doc = Doc(nlp.vocab, words=["Mr.", "Rutte", "met", "Mark", "Rutte", "."])
    >>> doc.ents = [Span(doc, 1, 2, "GPE"), Span(doc, 3, 5, "PERSON")]
    >>> [(e.key, e.aliases) for e in extract_entities(doc, "d1")[0]]
    [('person:mark-rutte', ('Rutte',))]
    """
    cands = _candidates(doc)
    for p in ENTITY_PASSES:
        if p.name not in skip:
            p.run(doc, cands)
    cands = [c for c in cands if not c.dropped and c.type and c.key]

    at = {i: c for c in cands for i in range(c.start, c.end)}
    view = _view(doc, cands)
    clusters: dict[str, _Cluster] = {}
    index = MentionIndex()
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
        cl.mentions.append(Mention(doc_id, span.start_char, span.end_char, span.text, c.type))
        if c.linked:
            index.add(c.start, c.end, c.key)
        else:
            index.add_mention_only(c.start, c.end, c.key)

    _outlet_anaphora(doc, cands, index)
    _role_anaphora(doc, cands, index)

    entities = []
    for cl in clusters.values():
        typ = "official" if cl.type == "person" and "official" in cl.kinds else cl.type
        aliases = tuple(sorted(a for a in cl.aliases if a != cl.label))
        entities.append(Entity(cl.key, cl.label, typ, aliases, tuple(cl.roles),
                               tuple(Mention(m.doc, m.start, m.end, m.text, typ) for m in cl.mentions),
                               cl.affiliation))
    return entities, index


def _token_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Tokens covering characters ``start:end``, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def _read_case(text: str) -> str:
    """A name written in capitals in the case prose writes it ("LA CORUNA" -> "La Coruna").

    >>> _read_case("LA CORUNA"), _read_case("Bucharest"), _read_case("AL-MARSA")
    ('La Coruna', 'Bucharest', 'Al-Marsa')
    """
    if not is_caps(text) and not (text.isupper() and len(text) > 3):
        return text
    return "-".join(" ".join(w[:1].upper() + w[1:].lower() for w in part.split(" ")) for part in text.split("-"))


def _place_candidate(doc: Doc, start: int, end: int) -> _Candidate | None:
    """A place (or a country, when it is one's name) written at characters ``start:end``."""
    toks = _token_span(doc, start, end)
    if toks is None:
        return None
    text = _read_case(clean_surface(text_of(doc)[start:end]))
    if not any(ch.isalpha() for ch in text):
        return None
    hit = countries.lookup(text)
    c = _Candidate(toks[0], toks[1], "GPE", text, toks[0], linked=False)
    if hit is not None and hit.via == "name":
        c.type, c.key = "country", f"country:{hit.code}"       # "SINGAPORE 1996-08-30", "ABUJA, Nigeria"
    else:
        c.type, c.key = "place", f"place:{slug(text)}"          # the dateline's city is a place, capital or not
    return c


def _replace(cands: list[_Candidate], new: _Candidate) -> None:
    """Put ``new`` in place of every candidate that overlaps it."""
    for c in cands:
        if c.start < new.end and new.start < c.end:
            c.dropped = True
    cands.append(new)


def _wire_copy(doc: Doc, cands: list[_Candidate]) -> None:
    """Headline, desk slug, byline, dateline, credit and sign-off are metadata, not prose.

    The dateline's city is a place and the region after it a country or a
    place ("LA CORUNA, Spain"); the byline's and the sign-off's name is a
    person; the desk slug ("SOCCER") names nothing. Every name in these
    parts is a mention that links nothing (see :mod:`nlp.entities.wire`).
    """
    wire = read_wire(text_of(doc))
    if not wire.spans():
        return
    parts = wire.spans()
    for c in cands:
        span = doc[c.start:c.end] if c.end > c.start else None
        if span is None:
            continue
        if wire.desk and wire.desk[0] <= span.start_char and span.end_char <= wire.desk[1]:
            c.dropped = True
        elif any(s <= span.start_char and span.end_char <= e for s, e in parts):
            c.linked = False
    if wire.place:
        s, e = wire.place
        offset = s
        for city in text_of(doc)[s:e].split("/"):       # "ISLAMABAD/NEW DELHI": two cities
            new = _place_candidate(doc, offset, offset + len(city))
            if new is not None:
                _replace(cands, new)
            offset += len(city) + 1
    if wire.region:
        new = _place_candidate(doc, *wire.region)
        if new is not None:
            _replace(cands, new)
    for name in (wire.byline, wire.reporter):
        toks = _token_span(doc, *name) if name else None
        if toks:
            text = text_of(doc)[name[0]:name[1]]
            _replace(cands, _Candidate(toks[0], toks[1], "PERSON", text, toks[0], "person",
                                       f"person:{slug(text)}", linked=False))
    cands.sort(key=lambda c: c.start)


def _body_names(doc: Doc, cands: list[_Candidate]) -> dict[str, _Candidate]:
    """{folded name: its candidate} of the names the story's prose gives, family names of people included."""
    wire = read_wire(text_of(doc))
    names: dict[str, _Candidate] = {}
    family: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        if c.dropped or not c.type or not c.key or c.end <= c.start or is_caps(c.text):
            continue
        if (wire.covers(doc[c.start].idx) or not c.linked) and c.label not in ("GPE", "PERSON"):
            continue                              # only the dateline's place and the byline's name confirm
        names.setdefault(lexicons.fold(c.text), c)
        if c.type == "person" and len(c.text.split()) > 1:
            family[lexicons.fold(c.text.split()[-1])].add(c.key)
    for word, keys in family.items():
        if len(keys) == 1 and word not in names:
            names[word] = next(c for c in cands if c.key in keys and c.type == "person")
    return names


#: longest name looked for in a line written in capitals, in tokens
_CAPS_NAME_TOKENS = 4


def _is_team_name(text: str) -> bool:
    """A town or state a sports table in capitals names: a place the gazetteer knows, no country.

    >>> _is_team_name("NEW YORK"), _is_team_name("AT"), _is_team_name("FRANCE")
    (True, False, False)
    """
    words = text.split()
    return len(text) >= 4 and all(w.isalpha() or "." in w for w in words) and not countries.lookup(text) \
        and not any(w.lower() in _TEAM_TABLE_WORDS for w in words) and is_known_place(_read_case(text))


#: words of sports tables in capitals that are no team ("AT", "DIVISION", "LEAGUE")
_TEAM_TABLE_WORDS = frozenset({"at", "vs", "division", "league", "national", "american", "eastern", "western",
                               "central", "results", "standings", "games", "saturday", "sunday", "friday",
                               "monday", "tuesday", "wednesday", "thursday", "major", "cup", "round"})


def _team_or_venue(doc: Doc, start: int, text: str) -> tuple[str, str]:
    """Type and key of a town in a sports table: after "at" it is where the game is played, a place
    ("KANSAS CITY AT DETROIT": Detroit hosts); otherwise the town's team, an organisation."""
    if start > 0 and doc[start - 1].lower_ == "at":
        return "place", f"place:{slug(text)}"
    return "organization", f"org:{slug(text)}"


def _caps_lines(doc: Doc, cands: list[_Candidate]) -> None:
    """Names in lines written in capitals count only where the story's prose confirms them.

    The small model reads capitals badly ("BRANDT NAMED AS ENGLAND
    CAPTAIN" gives "BRANDT NAMED" and misses "ENGLAND"). In the capital
    headline and in capital lines of tables, a name is kept only when the
    prose names it ("Tom Brandt" confirms "BRANDT") or it is a country's
    name; the words the prose names are found even where the model tagged
    nothing. Such a name takes the prose's entity. In a sports story's
    capital table lines a town or state the gazetteer knows is a team
    ("SAN DIEGO AT NEW YORK").
    """
    wire = read_wire(text_of(doc))
    lines = []
    if wire.is_caps_headline():
        lines.append(wire.headline)
    for m in re.finditer(r"[^\n]+", text_of(doc)):
        if is_caps(m.group()) and not wire.covers(m.start(), m.end()) and in_non_prose(text_of(doc), m.start(), m.end()):
            lines.append((m.start(), m.end()))
    if not lines:
        return
    body = _body_names(doc, cands)
    team_table = wire.is_sports()          # a sports story's capital table lines list teams ("SAN DIEGO AT NEW YORK")
    for ls, le in lines:
        toks = _token_span(doc, ls, le)
        if toks is None:
            continue
        for c in cands:
            if c.dropped or not (toks[0] <= c.start < toks[1]):
                continue
            hit = body.get(lexicons.fold(c.text))
            country = countries.lookup(c.text)
            if hit is not None:
                c.type, c.key = hit.type, hit.key
            elif country is not None and country.via == "name":
                c.type, c.key = "country", f"country:{country.code}"
            elif team_table and (ls, le) != wire.headline and _is_team_name(c.text):
                c.text = _read_case(c.text)
                c.type, c.key = _team_or_venue(doc, c.start, c.text)
            elif c.type != "country":
                c.dropped = True
            c.linked = False
        taken = {i for c in cands if not c.dropped for i in range(c.start, c.end)}
        i = toks[0]
        while i < toks[1]:
            found = None
            for n in range(min(_CAPS_NAME_TOKENS, toks[1] - i), 0, -1):
                words = doc[i:i + n]
                if any(t.i in taken for t in words) or not words[0].is_alpha or not words[-1].is_alpha:
                    continue
                text = words.text
                hit = body.get(lexicons.fold(text))
                country = countries.lookup(text)
                if hit is not None:
                    found = _Candidate(i, i + n, hit.label, text, i, hit.type, hit.key, linked=False)
                elif country is not None and country.via == "name" and text.isupper():
                    found = _Candidate(i, i + n, "GPE", text, i, "country", f"country:{country.code}", linked=False)
                elif team_table and (ls, le) != wire.headline and _is_team_name(text):
                    found = _Candidate(i, i + n, "ORG", _read_case(text), i,
                                       *_team_or_venue(doc, i, _read_case(text)), linked=False)
                if found:
                    break
            if found:
                cands.append(found)
                i = found.end
            else:
                i += 1
    cands.sort(key=lambda c: c.start)


#: prepositions whose object is where something happens or goes ("in Prague", "flew to Cairo", "from Ankara")
PLACE_PREPS = frozenset({"in", "to", "into", "from", "at", "near", "outside", "around", "toward", "towards",
                         "via", "across", "through", "inside", "within", "throughout"})
#: nouns in whose apposition a capital is the city ("the capital Dushanbe", "the city of Grozny")
CITY_NOUNS = frozenset({"capital", "city", "town", "port"})
#: words after "Name-" that make the name a place ("Tripoli-based", "Dublin-born")
_PLACE_SUFFIXES = frozenset({"based", "born", "bound"})


#: verbs whose object is where the doer goes ("visit Bonn"): a capital there is the city
_GOING_VERBS = frozenset({"visit", "reach", "enter", "tour", "leave"})


def _as_location(doc: Doc, c: _Candidate) -> bool:
    """The name is used for where something is or goes, not for who acts.

    "in Prague", "flew to Cairo", "the capital Dushanbe", "Tripoli-based":
    a location; "Ottawa said", "Moscow's decision": the government.
    """
    root = doc[c.start:c.end].root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in PLACE_PREPS:
        return True
    if root.dep_ == "dobj" and head.lemma_ in _GOING_VERBS:
        return True                                          # "would visit Bonn", "reached Kabul"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in CITY_NOUNS:
        return True                                          # "the city of Grozny"
    if root.dep_ == "appos" and head.lower_ in CITY_NOUNS or c.start > 0 and doc[c.start - 1].lower_ in CITY_NOUNS:
        return True                                          # "the capital Dushanbe", "capital Tripoli"
    return c.end + 1 < len(doc) and doc[c.end].text == "-" and doc[c.end + 1].lower_ in _PLACE_SUFFIXES


def _capitals_as_places(doc: Doc, cands: list[_Candidate]) -> None:
    """A capital used as a location is the city, a place node of its own ("in Prague", "flew to Cairo");
    used for who acts or speaks it stays its country ("Ottawa said"). The decision is each mention's."""
    for c in cands:
        if c.dropped or c.type != "country" or not c.linked:
            continue
        hit = countries.lookup(c.text)
        if hit is None or hit.via != "capital" or not _as_location(doc, c):
            continue
        c.type, c.key = "place", f"place:{slug(_read_case(c.text))}"


def _known_officials(doc: Doc, cands: list[_Candidate]) -> None:
    """A person the actor dictionaries list as an office holder is an official, with or without a title
    in the text, and the spellings they list are one person ("Muammar Gaddafi", "Moammar Gadhafi"):
    every mention takes the key of the dictionary's main spelling (see :mod:`nlp.entities.officials`)."""
    rekey: dict[str, str] = {}
    for c in cands:
        if c.dropped or c.type != "person" or len(c.text.split()) < 2 or countries.lookup(c.text):
            continue
        main = main_name(c.text)
        if main:
            rekey.setdefault(c.key, f"person:{slug(main)}")
    for c in cands:
        if not c.dropped and c.type == "person" and c.key in rekey:
            c.key, c.official = rekey[c.key], True


def _gazetteer_places(doc: Doc, cands: list[_Candidate]) -> None:
    """A name the model called a person or an organisation that the country dictionary lists as a
    region or city of a country is a place ("Chechnya", "the West Bank", "Grozny"), unless the document
    makes it a person: it speaks, or it is a word of a full-named person's name."""
    table = phoenix_places()
    full = [c.text for c in cands if c.type == "person" and len(c.text.split()) > 1 and not c.dropped]
    names = NameIndex(full)                      # built once: each look-up costs the same
    full_words = {w for name in full for w in name.split()}
    for c in cands:
        if c.dropped or c.type not in ("person", "organization") or c.label not in ("PERSON", "ORG", "GPE", "LOC"):
            continue
        if countries.normalize(c.text) not in table or countries.lookup(c.text):
            continue
        if c.type == "person" and (_speaks(doc[c.start:c.end]) or names.match(c.text)
                                   or c.text in full_words):
            continue
        c.type, c.key = "place", f"place:{slug(c.text)}"


def _at_venue(doc: Doc, c: _Candidate) -> bool:
    """The name is where a game is played: "at Headingley", "in Berlin", "Portsmouth: Middlesex 199"."""
    if _as_location(doc, c):
        return True
    if c.start > 0 and doc[c.start - 1].lower_ in PLACE_PREPS:
        return True                                          # "At Hove: Sussex 363": the parse of a row is no help
    return c.end < len(doc) and doc[c.end].text in (":", "(") and doc[c.start].is_sent_start


def _sports_teams(doc: Doc, cands: list[_Candidate]) -> None:
    """In a sports story (a desk slug that names a sport, "CRICKET - "), a town or county that plays is a
    team: an organisation ("Leicestershire beat Somerset", "Newcastle"), not the place; a country stays
    the country (its national side), and a place where a game is played stays a place ("at Headingley")."""
    wire = read_wire(text_of(doc))
    if not wire.is_sports():
        return
    full = [c.text for c in cands if c.type == "person" and len(c.text.split()) > 1 and not c.dropped]
    names = NameIndex(full)                      # built once: each look-up costs the same
    full_words = {w for name in full for w in name.split()}
    for c in cands:
        if not c.dropped and c.type == "organization" and c.label == "ORG" and _looks_like_name(doc, c) \
                and len(c.text.split()) <= 3 and in_non_prose(text_of(doc), doc[c.start].idx) \
                and _player_shaped(doc[c.start:c.end]):
            c.type, c.key = "person", f"person:{slug(c.text)}"    # "Romania - Cosmin Contra (31st)": a player
            continue
        if c.dropped or c.type not in ("place", "person"):
            continue
        if countries.constituent_country(c.text) and c.type == "place":
            c.type, c.key = "country", f"country:{countries.constituent_country(c.text)}"   # England's side
            continue
        if wire.covers(doc[c.start].idx) or countries.lookup(c.text) or _at_venue(doc, c):
            continue
        if c.type == "person" and (not is_known_place(c.text) or names.match(c.text)
                                   or c.text in full_words or len(c.text.split()) > 1):
            continue
        c.type, c.key = "organization", f"org:{slug(c.text)}"


#: a word of a team's name in a table row ("Queens", "F.P.", "Heriot's", "Jed-Forest", "ST")
_TEAM_WORD = r"[A-Z][A-Za-z.'&\-]*"
_TEAM = rf"{_TEAM_WORD}(?: {_TEAM_WORD})*"
#: a standings row: the team, then three or more figures ("Stoke 4 3 1 0 7 4 10", "Haitai 64 2 43 .596 -")
_STANDINGS_ROW = re.compile(rf"^({_TEAM}(?: \([A-Za-z]{{1,3}}\))?) (?:[-.\d/]+ ){{2,}}[-.\d/]+\s*$")
#: a result row: team, score, team, score ("Bradford 1 Tranmere 0", "Pohang 3 Ulsan 2 (halftime 1-0)")
_RESULT_ROW = re.compile(rf"^({_TEAM}(?: \([A-Za-z]{{1,3}}\))?) (\d+) ({_TEAM}(?: \([A-Za-z]{{1,3}}\))?) (\d+)\b")
#: first words of rows that are no team: table headers, months, days
_ROW_HEADS = frozenset({"w", "p", "division", "group", "league", "standings", "results", "january", "february",
                        "march", "april", "may", "june", "july", "august", "september", "october", "november",
                        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "attendance", "halftime", "total", "extras", "note", "round", "week"})


#: the venue that heads a scorecard line ("Hove: ", "At The Oval (London): ")
_VENUE_HEAD = re.compile(r"^(?:At )?[A-Z][\w' .\-]{0,30}(?: \([^)]{1,30}\))?: ")
#: a scorecard part: a team and its score ("Sussex 363", "Kent 108-3", "Durham 4")
_SCORE_PART = re.compile(rf"({_TEAM}) \d+(?:-\d+)?(?![-.\d])(?! \d)")


def _scorecard_teams(line: str) -> list[tuple[int, int]]:
    """Teams of a scorecard line: each part outside parentheses, after the venue, that is a name and its
    score ("Hove: Sussex 363 (W. Athey 111), Lancashire 197-8"); a name with an initial is a player, and so
    is one with bowling figures ("Gough 8-0-39-3") or a golfer's rounds ("Mark Roe 69 71 78 73")."""
    head = _VENUE_HEAD.match(line)
    pos, depth, parts, begin = head.end() if head else 0, 0, [], head.end() if head else 0
    for i in range(pos, len(line)):
        ch = line[i]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and ch in ",;":
            parts.append(begin)
            begin = i + 1
    parts.append(begin)
    spans = []
    for p in parts:
        while p < len(line) and line[p] == " ":
            p += 1
        m = _SCORE_PART.match(line, p)
        if m and not any(len(w.rstrip(".")) == 1 for w in m.group(1).split()):
            spans.append(m.span(1))
    return spans


def table_row_teams(line: str) -> list[tuple[int, int]]:
    """Character spans of the teams a sports results or standings row names, by the row's shape alone.

    A team is what stands before the figures of a standings row, or each side of a result "A 2 B 1";
    a row that starts with a figure (a rank: "1. Olaf Ludwig") or a header word names no team.

    >>> row = "Queens Park Rangers 3 2 1 0 5 3 7"
    >>> [row[s:e] for s, e in table_row_teams(row)]
    ['Queens Park Rangers']
    >>> row = "Pohang 3 Ulsan 2 (halftime 1-0)"
    >>> [row[s:e] for s, e in table_row_teams(row)]
    ['Pohang', 'Ulsan']
    >>> row = "Hove: Sussex 363 (W. Athey 111; I. Austin 4-37), Lancashire 197-8"
    >>> [row[s:e] for s, e in table_row_teams(row)]
    ['Sussex', 'Lancashire']
    >>> table_row_teams("Bowling: Gough 8-0-39-3, Mullally 6-0-30-1"), table_row_teams("Mark Roe 69 71, Ian Law 70 70")
    ([], [])
    >>> table_row_teams("May 27 29 30 v Durham"), table_row_teams("W D L G F A P"), table_row_teams("1. Ludwig 4 5 6")
    ([], [], [])
    """
    m = _RESULT_ROW.match(line)
    spans = [m.span(1), m.span(3)] if m else []
    if not spans:
        m = _STANDINGS_ROW.match(line)
        spans = [m.span(1)] if m else []
    if not spans:
        spans = _scorecard_teams(line)
    return [(s, e) for s, e in spans if line[s:e].split()[0].lower() not in _ROW_HEADS and len(line[s:e]) > 1
            and not all(len(w) == 1 for w in line[s:e].split())]


#: last words of a company's legal name ("Dalmar Medical Industries Inc", "Norvik S.A.") -- the common
#: abbreviations of the ISO 20275 Entity Legal Forms code list (US, UK, French, German, Dutch, Nordic, Asian)
LEGAL_FORMS = frozenset({"inc", "corp", "ltd", "plc", "s.a", "sa", "ag", "nv", "n.v", "co", "llc", "gmbh", "spa",
                         "s.p.a", "bhd", "oyj", "asa", "pty", "limited", "corporation", "incorporated"})
#: words after a name that make it a company ("Norvik's shares", "Dalmar stock", "Norvik CEO")
_COMPANY_AFTER = frozenset({"shares", "stock", "stocks", "gdrs", "shareholders", "ceo", "subsidiary", "unit"})


def _legal_name(text: str) -> bool:
    """The name ends in a company's legal form.

    >>> _legal_name("Norvik S.A."), _legal_name("Brenco Corp"), _legal_name("Tom Corr")
    (True, True, False)
    """
    words = text.split()
    return len(words) > 1 and words[-1].lower().rstrip(".") in LEGAL_FORMS


def _company_context(doc: Doc, c: _Candidate) -> bool:
    """The mention is followed by a company's words ("Brenco's shares", "Dalmar stock", "Norvik CEO") or
    preceded by "shares of" ("2,960,000 shares of Dalmar common stock")."""
    after = doc[c.end:c.end + 3]
    words = [t.lower_ for t in after if t.text not in ("'s", "\u2019s", "'")]
    if words[:1] and words[0] in _COMPANY_AFTER or words[:2] == ["common", "stock"]:
        return True
    return c.start >= 2 and doc[c.start - 2].lower_ == "shares" and doc[c.start - 1].lower_ in ("of", "in")


def _companies(doc: Doc, cands: list[_Candidate]) -> None:
    """A company is an organisation whatever the model called it: a name in a legal form ("Norvik S.A.",
    "Dalmar Medical Industries Inc"); its short form ("Norvik", "Dalmar") when it begins exactly one such
    name and is no person's family name; a name the text gives a company's words ("Norvik's shares",
    "shares of Dalmar", "Norvik CEO"), unless it holds a role or is a full-named person's family name."""
    live = [c for c in cands if not c.dropped and c.key]
    full = [c.text for c in live if c.type == "person" and len(c.text.split()) > 1]
    family = {t.split()[-1] for t in full}
    legal: dict[str, set[str]] = defaultdict(set)
    for c in live:
        if c.type not in ("country", "outlet") and _legal_name(c.text):
            c.type, c.key = "organization", f"org:{slug(c.text)}"
            legal[c.text.split()[0]].add(c.key)
    by_key: dict[str, list[_Candidate]] = defaultdict(list)
    for c in live:
        by_key[c.key].append(c)
    for key, group in by_key.items():
        c = group[0]
        if c.type not in ("person", "place") or any(g.roles for g in group) or c.text in family \
                or c.text in full and len(c.text.split()) > 1:
            continue
        words = c.text.split()
        owners = legal.get(words[0], set()) if len(words) == 1 else set()
        if len(owners) == 1:
            target = next(iter(owners))
        elif c.type == "person" and any(_company_context(doc, g) for g in group):
            target = f"org:{slug(c.text)}"
        else:
            continue
        for g in group:
            g.type, g.key = "organization", target


def _table_teams(doc: Doc, cands: list[_Candidate]) -> None:
    """In a sports story, the teams of results and standings rows are organisations ("Stoke 4 3 1 0 7 4
    10", "Bradford 1 Tranmere 0"): the model tags few of them, or as places and people, since a row has
    no grammar. A country stays the country (its national side, found even where the model missed it), and a row's name followed by a country
    in parentheses is a player ("Tom Lehman (U.S.) 66 67"), which the row shape already rules out."""
    wire = read_wire(text_of(doc))
    if not wire.is_sports():
        return
    for m in re.finditer(r"[^\n]+", text_of(doc)):
        if wire.covers(m.start(), m.end()) or not in_non_prose(text_of(doc), m.start(), m.end()):
            continue
        for s, e in table_row_teams(m.group()):
            s, e = m.start() + s, m.start() + e
            text = _read_case(text_of(doc)[s:e])
            toks = _token_span(doc, s, e)
            if toks is None:
                continue
            same = next((c for c in cands if not c.dropped and (c.start, c.end) == toks), None)
            country = countries.lookup(text)
            if country is not None or countries.constituent_country(text):
                if same is None and country is not None and country.via == "name":
                    _replace(cands, _Candidate(toks[0], toks[1], "GPE", text, toks[0], "country",
                                               f"country:{country.code}", linked=False))   # "Norway 3 Finland 0"
                continue
            if same is not None and same.type == "country":
                continue
            if same is not None:
                same.type, same.key, same.linked = "organization", f"org:{slug(text)}", False
            else:
                _replace(cands, _Candidate(toks[0], toks[1], "ORG", text, toks[0], "organization",
                                           f"org:{slug(text)}", linked=False))
    cands.sort(key=lambda c: c.start)


#: endings of East Slavic patronymics ("Nikolayevich", "Sergeyevna")
_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovna", "evna", "ichna", "yevich", "yevna")
#: shortest family name whose one-letter variant is taken for the same name
MIN_VARIANT_LENGTH = 5


def _one_letter_apart(a: str, b: str) -> bool:
    """Two words of equal length that differ in exactly one letter ("Hansen", "Hanson"; "Marlow", "Harlow").

    >>> _one_letter_apart("Hansen", "Hanson"), _one_letter_apart("Hansen", "Hansen"), _one_letter_apart("Rao", "Roy")
    (True, False, False)
    """
    a, b = a.lower(), b.lower()
    return len(a) == len(b) >= MIN_VARIANT_LENGTH and sum(x != y for x, y in zip(a, b)) == 1


def _gaps(word: str) -> list[str]:
    """The word lower-cased with each letter in turn left out, for words ``_one_letter_apart`` compares:
    two such words share a gap exactly when they differ in at most one letter.

    >>> _gaps("Hanson")[4], _gaps("Hansen")[4], _gaps("Rao")
    ('hans_n', 'hans_n', [])
    """
    w = word.lower()
    return [w[:i] + "_" + w[i + 1:] for i in range(len(w))] if len(w) >= MIN_VARIANT_LENGTH else []


def _name_variants(doc: Doc, cands: list[_Candidate]) -> None:
    """Variants of one person's name in one story are one person; two different people stay two.

    - a name the text equates with a person in parentheses ("Abu Ammar (Arafat)", "Boris Nikolayevich
      (Yeltsin)"), or with "born" / "also known as" / "known as" before it;
    - given name and patronymic of a full-named person ("Boris Nikolayevich" of "Boris Yeltsin");
    - a family name one letter from exactly one person's, with the given name agreeing when there is one
      ("Erik Hanson" and "Erik Hansen"; "Marlow" of "Ana Harlow") -- a spelling slip or a
      transliteration, where no one else in the story carries the other spelling.
    """
    people = [c for c in cands if c.type == "person" and not c.dropped and c.key]
    full = {c.key: c.text for c in people if len(c.text.split()) > 1}
    by_start = {c.start: c for c in people}
    rekey: dict[str, str] = {}

    full_index = NameIndex(list(full.values()))  # built once: each look-up costs the same
    key_by_text: dict[str, str] = {}
    for k, t in full.items():
        key_by_text.setdefault(t, k)

    def key_of_short(name: str) -> str | None:
        target = full_index.match(name)
        return key_by_text.get(target) if target else None

    for c in people:
        # "Abu Ammar (Arafat)": the parenthesis equates the two names
        if c.end + 2 < len(doc) and doc[c.end].text == "(" and doc[c.end + 2].text == ")":
            other = by_start.get(c.end + 1)
            key = other.key if other is not None else key_of_short(doc[c.end + 1].text)
            if key and key != c.key:
                rekey.setdefault(c.key, key)
        # "born Ana Lopes", "also known as Abu Ammar"
        before = doc[max(0, c.start - 3):c.start]
        if (before[-1:].text.lower() == "born" or before.text.lower().endswith("known as")) and c.start > 0:
            owner = next((o for o in reversed(people) if o.end <= before.start and o.key != c.key
                          and doc[o.end:before.start].text.strip(" ,") == ""), None)
            if owner is not None:
                rekey.setdefault(c.key, owner.key)
    # the full names by first word, by text, by family name and by family name with one letter left out:
    # built once, so that each mention's look-ups cost the same however many people the story names
    by_first: dict[str, list[tuple[str, str]]] = {}
    by_text: dict[str, set[str]] = {}
    by_family: dict[str, set[str]] = {}
    by_gap: dict[str, set[str]] = {}
    for k, t in full.items():
        parts = t.split()
        by_first.setdefault(parts[0], []).append((k, t))
        by_text.setdefault(t, set()).add(k)
        by_family.setdefault(parts[-1], set()).add(k)
        for gap in _gaps(parts[-1]):
            by_gap.setdefault(gap, set()).add(k)

    for c in people:
        words = c.text.split()
        if c.key in rekey or c.key not in full and len(words) != 1:
            continue
        if len(words) == 2 and words[1].lower().endswith(_PATRONYMIC_ENDINGS):
            owners = {k for k, t in by_first.get(words[0], ()) if k != c.key
                      and not t.lower().endswith(_PATRONYMIC_ENDINGS)}
            if len(owners) == 1:
                rekey[c.key] = owners.pop()
                continue
        if len(words) == 1 and key_of_short(c.text):
            continue
        if len(words) > 2 or c.key in full and by_text.get(c.text, set()) - {c.key}:
            continue
        family = words[-1]
        near = set().union(*(by_gap.get(gap, ()) for gap in _gaps(family)))
        owners = {k for k in near if k != c.key and _one_letter_apart(full[k].split()[-1], family)
                  and (len(words) == 1 or full[k].split()[0] == words[0])}
        if len(owners) == 1 and not by_family.get(family, set()) - {c.key}:
            target = owners.pop()
            if rekey.get(target) != c.key:
                rekey[c.key] = target
    for c in cands:
        seen = {c.key}
        while c.key in rekey and rekey[c.key] not in seen:      # follow a -> b -> c
            c.key = rekey[c.key]
            seen.add(c.key)


#: key prefix of each type a name can take in one story
_PREFIX = {"person": "person", "organization": "org", "place": "place"}


def _one_type_per_name(doc: Doc, cands: list[_Candidate]) -> None:
    """One name written the same way twice in a story is one entity of one type ("Velaro" a place in one
    sentence and an "organisation" in the next): the type most mentions have wins, a place the gazetteer
    knows and a person who speaks or holds a role counting double. A one-word "person" who never speaks,
    holds no role and is no one's family name, named mostly as a location ("fled from Velaro"), is a place.
    A sports story is left alone: there a town is both the team and the venue."""
    if read_wire(text_of(doc)).is_sports():
        return
    groups: dict[str, list[_Candidate]] = defaultdict(list)
    for c in cands:
        if not c.dropped and c.type in _PREFIX and c.key.startswith(f"{_PREFIX[c.type]}:{slug(c.text)}"):
            groups[lexicons.fold(c.text)].append(c)
    full = [c.text for c in cands if c.type == "person" and len(c.text.split()) > 1 and not c.dropped]
    names = NameIndex(full)                      # built once: each look-up costs the same
    for group in groups.values():
        if {c.type for c in group} == {"person"} and len(group[0].text.split()) == 1 \
                and not any(c.roles or _speaks(doc[c.start:c.end]) for c in group) \
                and not names.match(group[0].text) \
                and sum(_as_location(doc, c) for c in group) * 2 > len(group):
            for c in group:                   # "took Velaro ... fled from Velaro": where things happen, no one
                c.type, c.key = "place", f"place:{slug(c.text)}"
            continue
        if len({c.type for c in group}) < 2:
            continue
        votes: dict[str, int] = defaultdict(int)
        for c in group:
            strong = c.type == "place" and is_known_place(c.text) \
                or c.type == "person" and (c.roles or _speaks(doc[c.start:c.end]))
            votes[c.type] += 2 if strong else 1
        best = max(votes.values())
        winner = next(t for t in ("place", "organization", "person") if votes.get(t) == best)
        key = f"{_PREFIX[winner]}:{slug(group[0].text)}"
        for c in group:
            c.type, c.key = winner, key


_INITIAL = re.compile(r"^[A-Z]\.$")


def _player_shaped(words: Span) -> bool:
    """Words shaped like a player's name: no town, country or organisation word in them ("Hansa Rostock" and
    "Bayern Munich" are clubs), no single capital letter ("W L" heads a table), ending in a full word."""
    text = words.text
    if _INITIAL.match(words[-1].text) or any(len(w.text) < 2 for w in words):
        return False
    if countries.lookup(text) or lexicons.has_org_head(text, min_words=1) or lexicons.outlet_name(text) \
            or lexicons.role_match([w.text for w in words]) is not None:
        return False
    return not any(is_known_place(w.text) for w in words if not _INITIAL.match(w.text))


def _sports_players(doc: Doc, cands: list[_Candidate]) -> None:
    """In a sports story's results rows and line-ups, a run of two to four capitalised words the model
    left untagged, shaped like a name ("Jeff Wilson", "M. Waugh") and known to no gazetteer, is a player
    ("14 - Jeff Wilson, 13 - Walter Little", "Pablo Campana (Ecuador) 6-4")."""
    wire = read_wire(text_of(doc))
    if not wire.is_sports():
        return
    taken = {i for c in cands if not c.dropped for i in range(c.ent_start, c.end)}
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in taken or not (tok.is_title or _INITIAL.match(tok.text)) or tok.pos_ != "PROPN" \
                or not in_non_prose(text_of(doc), tok.idx) or wire.covers(tok.idx):
            i += 1
            continue
        j = i
        while j < len(doc) and j - i < 4 and j not in taken and doc[j].pos_ == "PROPN" \
                and (doc[j].is_title or _INITIAL.match(doc[j].text)):
            j += 1
            if _breaks_line(doc, j - 1):
                break                                  # a name ends with its row
        words = doc[i:j]
        text = words.text
        if 2 <= len(words) <= 4 and _player_shaped(words):
            cands.append(_Candidate(i, j, "PERSON", text, i, "person", f"person:{slug(text)}", linked=False))
        i = max(j, i + 1)
    cands.sort(key=lambda c: c.start)


def _breaks_line(doc: Doc, i: int) -> bool:
    """Token ``i`` ends a line (a line break in its trailing space or the space token after it)."""
    if i < 0:
        return False
    return "\n" in doc[i].whitespace_ or i + 1 < len(doc) and doc[i + 1].is_space and "\n" in doc[i + 1].text


def _non_prose(doc: Doc, cands: list[_Candidate]) -> None:
    """What a table, a results line, standings or a list names is a mention only: it links nothing
    (see :mod:`nlp.entities.shape`); the one word that labels a row ("Attendance: 200") names nothing."""
    for c in cands:
        if c.end > c.start and in_non_prose(text_of(doc), doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1])):
            c.linked = False
            if c.end - c.start == 1 and c.end < len(doc) and doc[c.end].text == ":" \
                    and (c.start == 0 or _breaks_line(doc, c.start - 1)) and not is_known_place(c.text):
                c.dropped = True              # "Attendance: 200", "Scorers:": a row's label, no name


def _type_each(doc: Doc, cands: list[_Candidate]) -> None:
    """Type every name from its words and the model's label alone (see :func:`_first_type`); an outlet
    written with its kind ("Interfax news agency") is mentioned by its name alone."""
    for c in cands:
        _first_type(c)
        if c.type == "outlet" and c.end - c.start > 1 and doc[c.end - 1].is_lower:
            end = c.end
            while end > c.start + 1 and doc[end - 1].is_lower:
                end -= 1                          # "Interfax news agency": the mention is the name, "Interfax"
            bare = lexicons.outlet_name(doc[c.start:end].text)
            if bare and c.key == f"outlet:{slug(bare)}":
                c.end, c.text = end, clean_surface(doc[c.start:end].text)


#: common nouns that name the kind of organisation just before its name ("the pressure group Human Rights in China")
_ORG_CUE_NOUNS = frozenset({"group", "organisation", "organization", "movement", "association", "foundation",
                            "alliance", "coalition", "charity", "consortium", "firm", "company"})
#: small words inside an organisation's name, between capitalised words
_ORG_NAME_JOINERS = frozenset({"of", "for", "and", "in", "on", "the", "&"})


def _cue_organisations(doc: Doc, cands: list[_Candidate]) -> None:
    """ "the New York-based group Human Rights in China said": capitalised words the model left untagged
    after a noun naming the kind of organisation are its name, small joining words included. At least
    two capitalised words; a name the model tagged is the model's to type."""
    taken = {i for c in cands if not c.dropped for i in range(c.ent_start, c.end)}
    for i in where(doc, "LOWER", _ORG_CUE_NOUNS):
        start = i + 1
        if doc[i].pos_ != "NOUN" or start >= len(doc) or start in taken or not doc[start].is_title:
            continue
        end, capitals = start, 0
        while end < len(doc):
            tok = doc[end]
            if tok.is_title and tok.is_alpha and (end == start or end not in taken or doc[end].ent_type_ in ("GPE", "LOC")):
                capitals += 1
                end += 1
            elif tok.lower_ in _ORG_NAME_JOINERS and tok.is_lower and end + 1 < len(doc) and doc[end + 1].is_title:
                end += 1
            else:
                break
        if capitals < 2 or any(j in taken and doc[j].ent_type_ not in ("GPE", "LOC") for j in range(start, end)):
            continue
        text = doc[start:end].text
        if lexicons.role_match(text.split()) or countries.lookup(text):
            continue
        covered = [c for c in cands if not c.dropped and start <= c.start and c.end <= end]
        for c in covered:
            c.dropped = True                    # "China" of "Human Rights in China" is part of the name
        cands.append(_Candidate(start, end, "ORG", text, start, "organization", f"org:{slug(text)}"))
        taken.update(range(start, end))
    cands.sort(key=lambda c: c.start)


#: body nouns that a portfolio makes a government department when written in lower case ("the defence ministry")
_PORTFOLIO_BODIES = frozenset({"ministry"})


def _portfolio_ministries(doc: Doc, cands: list[_Candidate]) -> None:
    """ "the defence ministry said": a ministry written in lower case with its portfolio is an organisation,
    the one named in capitals with the same words if there is one ("the German Foreign Ministry ... the
    foreign ministry"), else a department of its own (wire copy writes most ministries so)."""
    taken = {i for c in cands if not c.dropped for i in range(c.ent_start, c.end)}
    for i in where(doc, "LOWER", _PORTFOLIO_BODIES):
        tok = doc[i]
        if i in taken or not tok.is_lower or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        start = i
        while start > 0 and doc[start - 1].is_lower and lexicons.is_portfolio(doc[start - 1].text) \
                and doc[start - 1].dep_ in ("compound", "amod", "nmod"):
            start -= 1
        if start == i or start == 0 or doc[start - 1].lower_ != "the" or any(j in taken for j in range(start, i)):
            continue                          # "a ministry", "the ministry": no portfolio, no one body
        words = doc[start:i + 1].text.lower()
        named = {c.key for c in cands if c.type == "organization" and not c.dropped and words in c.text.lower()}
        text = doc[start:i + 1].text.title()
        key = next(iter(named)) if len(named) == 1 else f"org:{slug(text)}"
        cands.append(_Candidate(start, i + 1, "ORG", text, start, "organization", key))
        taken.update(range(start, i + 1))
    cands.sort(key=lambda c: c.start)


#: the entity step, in order: each pass reads the document and the candidate names and corrects them
ENTITY_PASSES: tuple[Pass, ...] = (
    Pass("first_type", _type_each, "type each name from its words and label: country, outlet, org, person, place"),
    Pass("wire_copy", _wire_copy, "headline, byline, dateline, sign-off: mentions that link nothing; the dateline city a place"),
    Pass("non_prose", _non_prose, "names in tables, results and lists are mentions that link nothing"),
    Pass("abbreviations", _abbreviations, "'Long Form (LF)' is one name; abbreviations of common words go"),
    Pass("gazetteer_places", _gazetteer_places, "a 'person' or 'organisation' the country dictionary lists as a region or city is a place"),
    Pass("unlabelled_speakers", _unlabelled_speakers, "an untagged name that speaks ('Lopes said') is a person"),
    Pass("people_by_evidence", _people_by_evidence, "a 'place' with a personal role or a person's word is a person"),
    Pass("resolve_people", _resolve_people, "short names join full names; person/place votes decide"),
    Pass("untagged_surnames", _untagged_surnames, "family names the model left untagged join their person"),
    Pass("name_variants", _name_variants, "'Abu Ammar (Arafat)', 'Boris Nikolayevich', 'Hanson'/'Hansen': one person"),
    Pass("caps_lines", _caps_lines, "names in capital headlines and table lines only where the prose confirms them"),
    Pass("capital_places", _capitals_as_places, "a capital as a location ('in Prague') is the city, a place; acting, its country"),
    Pass("roles", _read_roles, "roles around every person; an official is a person with a public role"),
    Pass("sports_players", _sports_players, "in a sports story's rows, untagged name-shaped words are players"),
    Pass("sports_teams", _sports_teams, "in a sports story a town or county that plays is a team (an organisation)"),
    Pass("table_teams", _table_teams, "in a sports story the teams of results and standings rows are organisations"),
    Pass("one_type_per_name", _one_type_per_name, "one name written alike twice in a story is one entity of one type"),
    Pass("known_officials", _known_officials, "office holders the Phoenix actor dictionaries list are officials; their spellings one person"),
    Pass("companies", _companies, "a name in a company's legal form, its short form, or with a company's words is an organisation"),
    Pass("acronyms", _acronyms, "an acronym joins the one organisation it spells ('EU')"),
    Pass("short_organisations", lambda doc, cands: _short_organisations(cands),
         "'Toyota' joins the one 'Toyota Motor Corp'"),
    Pass("cue_organisations", _cue_organisations,
         "untagged capitalised words after 'the group', 'the organisation' are that organisation's name"),
    Pass("portfolio_ministries", _portfolio_ministries,
         "'the defence ministry' in lower case is a ministry: the one named in capitals, else its own"),
)
