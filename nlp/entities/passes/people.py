"""Entity passes about people: who is a person, which names are one person, and the roles they hold.

Untagged speakers and family names are found, mislabelled people and
places corrected from the document's own evidence, short names and
variants joined to full names, and roles read around every person mention
(:mod:`nlp.entities.roles`).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from nlp import lexicons
from nlp.entities import countries
from nlp.entities.bodies import is_officer_title, is_public_body
from nlp.entities.candidates import PLACE_LABELS, Candidate, EntityContext, clean_surface, owner_of
from nlp.entities.names import NAME_SUFFIXES, NameIndex
from nlp.entities.officials import main_name
from nlp.entities.passes.clues import SPEECH_VERBS, SUBJ_DEPS, entity_view, looks_like_name, speaks
from nlp.entities.passes.kinds import type_from_words
from nlp.entities.places import is_known_place
from nlp.entities.roles import HONORIFICS, Role, appositive_role, predicate_role, title_before
from nlp.entities.wire import read_wire
from nlp.mentions import slug
from nlp.scan import text_of, where


def unlabelled_speakers(cx: EntityContext) -> None:
    """A proper name the model left untagged that says something is a person ("Lopes said")."""
    doc, cands = cx.doc, cx.cands
    taken = {i for c in cands for i in range(c.ent_start, c.end)}
    for i in where(doc, "POS", {"PROPN"}):
        tok = doc[i]
        if tok.dep_ not in SUBJ_DEPS or tok.head.lemma_ not in SPEECH_VERBS or i in taken or not tok.is_title:
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
        cands.append(Candidate(start, tok.i + 1, "PERSON", text, start, "person", f"person:{slug(text)}"))
    cands.sort(key=lambda c: c.start)


def people_by_evidence(cx: EntityContext) -> None:
    """A "place" or "organisation" that is a person by the document's own evidence.

    It has a personal role ("Ruto's deputy, Ana Lopes"), or one of its words
    is tagged a person elsewhere ("Helena Costa" ... "Prime Minister Costa").
    """
    doc, cands = cx.doc, cx.cands
    view = None
    lone_people = {c.text for c in cands if len(c.text.split()) == 1 and (
        c.label == "PERSON" or c.label in PLACE_LABELS and not is_known_place(c.text) and speaks(doc[c.start:c.end]))}
    for c in cands:
        if c.dropped or c.type not in ("organization", "place"):
            continue
        if _aged(doc, c.end) and c.label in ("ORG", "GPE", "LOC", "NORP") and not countries.lookup(c.text) \
                and not lexicons.has_org_head(c.text, min_words=1) and not lexicons.outlet_name(c.text):
            c.type, c.key = "person", f"person:{slug(c.text)}"   # "said Raju, 8, who ...": an age
            continue
        if not looks_like_name(doc, c):
            continue
        words = c.text.split()
        if words[0] in lone_people or words[-1] in lone_people:
            c.type, c.key = "person", f"person:{slug(c.text)}"
            continue
        view = view or entity_view(doc, cands)
        span = doc[c.start:c.end]
        if title_before(span, ents=view) or appositive_role(span, ents=view):
            c.type, c.key = "person", f"person:{slug(c.text)}"


def _aged(doc, end: int) -> bool:
    """An age in commas right after a name: "Raju, 8, who ...", "Ana Lopes, 70." (a person's, not a firm's).

    >>> import spacy
    >>> doc = spacy.blank("en")("said Raju, 8, who has")
    >>> _aged(doc, 2), _aged(doc, 1)
    (True, False)
    """
    if end + 2 >= len(doc) or doc[end].text != "," or not doc[end + 1].text.isdigit():
        return False
    return 0 < int(doc[end + 1].text) < 120 and doc[end + 2].text in (",", ".", ";")


def _capital_of_a_name(text: str, last_words: set[str]) -> bool:
    """A capital that is also the family name of someone in the text ("Denzel Washington");
    ``last_words`` are the last words of the text's full names.

    Such a capital is the person only where it speaks ("Washington said the
    film ..."); elsewhere it stays the country ("Washington and Moscow").
    """
    hit = countries.lookup(text)
    return hit is not None and hit.via == "capital" and len(text.split()) == 1 and text in last_words


#: prepositions whose object is where something is ("a farmer near Sialkot")
LOCATIVE_PREPS = frozenset({"in", "near", "outside", "around", "from", "at"})


def resolve_people(cx: EntityContext) -> None:
    """Short names to full names; mislabelled people and places fixed from the document."""
    doc, cands = cx.doc, cx.cands
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
        elif c.label in PLACE_LABELS:
            votes[c.text] += 2 if speaks(doc[c.start:c.end]) else -1
        else:
            continue
        first.setdefault(c.text, "person" if c.label == "PERSON" else "place")

    spoken = {c.text for c in cands if speaks(doc[c.start:c.end])}

    def verdict(text: str) -> str:
        return "person" if votes[text] > 0 else "place" if votes[text] < 0 else first.get(text, "")

    longer: dict[int, NameIndex] = {}

    def longer_name(name: str) -> str | None:
        """The one longer full name a full name is a short form of ("de Klerk" of "F.W. de Klerk",
        "Abdul Rahman" of "Abdul Rahman Haj Yihye")."""
        n = len(name.split())
        if n not in longer:
            longer[n] = NameIndex([f for f in full_key if len(f.split()) > n])
        return longer[n].match(name)

    short_of: dict[str, str | None] = {}
    for c in cands:
        if c.dropped or c.type == "outlet":
            continue
        if len(c.text.split()) > 1 and c.type != "person" and not (looks_like_name(doc, c) and full):
            continue                             # "Von der Leyen" tagged an organisation is still her name
        if c.type == "country" and c.text not in person_labelled \
                and not (_capital_of_a_name(c.text, last_words) and speaks(doc[c.start:c.end])):
            continue                             # "Jordan" the country, unless also tagged a person
        if c.text not in short_of:
            short_of[c.text] = names.match(c.text) if c.text not in full_key else \
                longer_name(c.text) or c.text
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
        elif c.label in PLACE_LABELS and c.type not in ("country", "organization") \
                and not is_known_place(c.text) and verdict(c.text) == "person":
            c.type, c.key = "person", f"person:{slug(c.text)}"   # tagged a person more often, or speaks


def untagged_surnames(cx: EntityContext) -> None:
    """Family names of full-named people that the model left untagged ("Ruto's speech")."""
    doc, cands = cx.doc, cx.cands
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
        cands.append(Candidate(tok.i, tok.i + 1, "PERSON", tok.text, tok.i, "person", next(iter(keys))))
    cands.sort(key=lambda c: c.start)


#: endings of East Slavic patronymics ("Nikolayevich", "Sergeyevna")
_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovna", "evna", "ichna", "yevich", "yevna")
#: shortest family name whose one-letter variant is taken for the same name
MIN_VARIANT_LENGTH = 5
#: longest: each word's gaps cost its length squared, and a 1 MB "name" (a URL tagged a person) is no name
MAX_VARIANT_LENGTH = 40


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

    >>> _gaps("Hanson")[4], _gaps("Hansen")[4], _gaps("Rao"), _gaps("Ab/" * 20)
    ('hans_n', 'hans_n', [], [])
    """
    w = word.lower()
    return [w[:i] + "_" + w[i + 1:] for i in range(len(w))] if MIN_VARIANT_LENGTH <= len(w) <= MAX_VARIANT_LENGTH \
        else []


def name_variants(cx: EntityContext) -> None:
    """Variants of one person's name in one story are one person; two different people stay two.

    - a name the text equates with a person in parentheses ("Abu Ammar (Arafat)", "Boris Nikolayevich
      (Yeltsin)"), or with "born" / "also known as" / "known as" before it;
    - given name and patronymic of a full-named person ("Boris Nikolayevich" of "Boris Yeltsin");
    - a family name one letter from exactly one person's, with the given name agreeing when there is one
      ("Erik Hanson" and "Erik Hansen"; "Marlow" of "Ana Harlow") -- a spelling slip or a
      transliteration, where no one else in the story carries the other spelling.
    """
    doc, cands = cx.doc, cx.cands
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


def roles(cx: EntityContext) -> None:
    """Roles of every person mention; title fragments dropped; role owners retyped. In a sports story
    a role is a sports role ("captain", "coach", "chairman" of a club), never a public office."""
    doc, cands = cx.doc, cx.cands
    view = entity_view(doc, cands)
    sports = read_wire(text_of(doc)).is_sports()
    at: dict[int, Candidate] = {}
    for c in cands:
        for i in range(c.ent_start, c.end):
            at.setdefault(i, c)
    added: list[Candidate] = []
    for c in cands:
        if c.type != "person" or c.dropped:
            continue
        span = doc[c.start:c.end]
        found = [title_before(span, ent_start=c.ent_start, ents=view), appositive_role(span, ents=view),
                 predicate_role(span, ents=view)]
        c.roles = [r for r in found if r is not None]
        if sports:                            # "former captain", "chairman" of a club: no public office
            c.roles = [replace(r, kind="person") for r in c.roles]
        c.roles = [_private_officer(r, at) for r in c.roles]
        if any(r.kind == "person" and r.affiliation for r in c.roles) and \
                not any(r.kind == "official" for r in c.roles):
            c.private = True
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
                        type_from_words(frag)
                    else:
                        frag.dropped = True
            if role.affiliation and owner_of(at, role.affiliation) is None:
                # a place the model did not tag ("Bavaria Premier Markus Söder")
                start, end = role.affiliation
                owner = Candidate(start, end, "GPE", clean_surface(doc[start:end].text), start)
                type_from_words(owner)
                added.append(owner)
                at.update((i, owner) for i in range(start, end))
            owner = owner_of(at, role.affiliation) if role.affiliation else None
            if owner is not None and owner is not c and owner.label == "PERSON" \
                    and owner.key == f"person:{slug(owner.text)}" and len(owner.text.split()) == 1:
                # "Bavaria Premier Markus Söder": the model's "person" owns an office, so it is a place
                if owner.text not in {x.text for x in cands if x.key == owner.key and x is not owner}:
                    owner.type = "place" if role.kind == "official" else "organization"
                    owner.key = f"{'place' if owner.type == 'place' else 'org'}:{slug(owner.text)}"
    cands.extend(added)
    cands.sort(key=lambda c: c.start)


def _private_officer(role: Role, at: dict[int, Candidate]) -> Role:
    """An officer's title of a private body is no public office: "Air France chairman", "CFDT spokesman",
    "spokesman for the Association of Lloyd's State Chairmen" (see :mod:`nlp.entities.bodies`)."""
    if role.kind != "official" or not role.affiliation or not is_officer_title(role.text):
        return role
    owner = owner_of(at, role.affiliation)
    if owner is None or owner.type not in ("organization", "outlet") or is_known_place(owner.text) \
            or is_public_body(owner.text):
        return role
    return replace(role, kind="person")


def known_officials(cx: EntityContext) -> None:
    """A person the actor dictionaries list as an office holder is an official, with or without a title
    in the text, and the spellings they list are one person ("Muammar Gaddafi", "Moammar Gadhafi"):
    every mention takes the key of the dictionary's main spelling (see :mod:`nlp.entities.officials`)."""
    cands = cx.cands
    rekey: dict[str, str] = {}
    for c in cands:
        if c.dropped or c.type != "person" or len(c.text.split()) < 2 or countries.lookup(c.text):
            continue
        main = main_name(c.text)
        if main:
            rekey.setdefault(c.key, f"person:{slug(main)}")
    # the text's own role outranks the dictionary's namesake or later office ("Air France chairman Ana Lopes")
    private = {c.key for c in cands if c.private} - {c.key for c in cands if any(r.kind == "official" for r in c.roles)}
    for c in cands:
        if not c.dropped and c.type == "person" and c.key in rekey:
            c.key, c.official = rekey[c.key], c.key not in private
