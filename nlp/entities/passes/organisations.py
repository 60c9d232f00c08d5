"""Entity passes about organisations: defined abbreviations, companies, acronyms, short and cued names.

"Long Form (LF)" is one name (:mod:`nlp.entities.abbreviations`); a name in
a company's legal form is an organisation; an acronym and a one-word name
join the one organisation they spell or begin; untagged names after "the
group" and lower-case ministries with a portfolio are organisations too.
"""
from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from nlp import lexicons
from nlp.entities import countries
from nlp.entities.abbreviations import find_abbreviations
from nlp.entities.candidates import PLACE_LABELS, TRIM_START, Candidate, EntityContext, clean_surface, trim_name
from nlp.entities.passes.kinds import type_from_words
from nlp.entities.places import is_known_place
from nlp.entities.shape import in_non_prose
from nlp.entities.wire import read_wire
from nlp.mentions import slug
from nlp.scan import text_of, where


def abbreviations(cx: EntityContext) -> None:
    """Join "Long Form (LF)" and drop abbreviations of common words ("EVs")."""
    doc, cands = cx.doc, cx.cands
    by_start = {c.start: c for c in cands}
    common: set[str] = set()
    long_of: dict[str, Candidate] = {}
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
            type_from_words(long)
            for other in inside[1:]:
                other.dropped = True
        if ab.common or long is None and not ab.proper:
            common.add(ab.short)              # "gross domestic product (GDP)": no entity
            continue
        if long is None:
            start, end = trim_name(doc, _name_start(doc, ab.long_start), ab.long_end, "ORG")
            long = Candidate(start, end, "ORG", clean_surface(doc[start:end].text), start)
            type_from_words(long)
            cands.append(long)
            cover(len(cands) - 1)
        elif long.type == "place" or long.label in PLACE_LABELS and long.type != "country":
            long.type, long.key = "organization", f"org:{slug(long.text)}"   # a defined name is an organisation
        long_of[ab.short] = long
        if ab.short_i not in by_start:
            short = Candidate(ab.short_i, ab.short_i + 1, "ORG", ab.short, ab.short_i)
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
    while start > 0 and doc[start - 1].is_title and doc[start - 1].lower_ not in TRIM_START \
            and not doc[start - 1].is_sent_start:
        start -= 1
    return start


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


def _first_word_left_out(doc: Doc, start: int, taken: set[int]) -> bool:
    """The word opening the sentence or line right before a company's name is its first word, which the
    model left out: a capitalised proper noun no other name holds, compounded into the name ("Jones" of
    "Jones Medical Industries Inc said", "Swiss" of "Swiss Bank Corp"); after another capitalised word it
    is a heading ("Lead Underwriter Bear Stearns & Co Inc"), and a role ("Chairman") is none."""
    p = start - 1
    if p < 0 or p in taken:
        return False
    tok = doc[p]
    opens = p == 0 or tok.is_sent_start or doc[p - 1].is_space or "\n" in doc[p - 1].whitespace_
    return opens and tok.pos_ == "PROPN" and tok.is_title and tok.dep_ == "compound" \
        and start <= tok.head.i < start + 8 and lexicons.role_match([tok.text]) is None


def _company_context(doc: Doc, c: Candidate) -> bool:
    """The mention is followed by a company's words ("Brenco's shares", "Dalmar stock", "Norvik CEO") or
    preceded by "shares of" ("2,960,000 shares of Dalmar common stock")."""
    after = doc[c.end:c.end + 3]
    words = [t.lower_ for t in after if t.text not in ("'s", "\u2019s", "'")]
    if words[:1] and words[0] in _COMPANY_AFTER or words[:2] == ["common", "stock"]:
        return True
    return c.start >= 2 and doc[c.start - 2].lower_ == "shares" and doc[c.start - 1].lower_ in ("of", "in")


def companies(cx: EntityContext) -> None:
    """A company is an organisation whatever the model called it: a name in a legal form ("Norvik S.A.",
    "Dalmar Medical Industries Inc"); that name without its legal form ("Dalmar Medical Industries", even
    where the model called it a person) when it is exactly one such name's and holds no role; its short
    form ("Norvik", "Dalmar") when it begins exactly one such name and is no person's family name; a name the text gives a company's words ("Norvik's shares",
    "shares of Dalmar", "Norvik CEO"), unless it holds a role or is a full-named person's family name."""
    doc, cands = cx.doc, cx.cands
    live = [c for c in cands if not c.dropped and c.key]
    taken = {i for c in cands if not c.dropped for i in range(c.ent_start, c.end)}
    for c in live:
        if c.label == "ORG" and _legal_name(c.text) and _first_word_left_out(doc, c.start, taken):
            c.start = c.ent_start = c.start - 1          # "Jones" + "Medical Industries Inc said ..."
            c.text = clean_surface(doc[c.start:c.end].text)
    full = [c.text for c in live if c.type == "person" and len(c.text.split()) > 1]
    family = {t.split()[-1] for t in full}
    legal: dict[str, set[str]] = defaultdict(set)
    bare: dict[str, set[str]] = defaultdict(set)     # the legal name without its form: "Dalmar Medical Industries"
    for c in live:
        if c.type not in ("country", "outlet") and _legal_name(c.text):
            c.type, c.key = "organization", f"org:{slug(c.text)}"
            legal[c.text.split()[0]].add(c.key)
            bare[" ".join(c.text.split()[:-1]).rstrip(",")].add(c.key)
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for c in live:
        by_key[c.key].append(c)
    for key, group in by_key.items():
        c = group[0]
        owners = bare.get(c.text, set())
        if len(owners) == 1 and key not in owners and c.type in ("person", "place", "organization") \
                and not any(g.roles for g in group) and not countries.lookup(c.text):
            target = next(iter(owners))       # "Dalmar Medical Industries" of "Dalmar Medical Industries Inc"
            for g in group:
                g.type, g.key = "organization", target
            continue
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


#: words an acronym skips ("ECB" of "European Central Bank", "IOM" of "International Organization for Migration")
_ACRONYM_SKIPS = frozenset({"of", "for", "the", "and", "on", "in", "&"})


def acronyms(cx: EntityContext) -> None:
    """An acronym joins the one organisation whose capitalised words it spells, written out elsewhere
    in the text ("EU" and "European Union"), whatever the model called it or if it left it untagged."""
    doc, cands = cx.doc, cx.cands
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
            cands.append(Candidate(i, i + 1, "ORG", doc[i].text, i, "organization", spelled[doc[i].text]))
    cands.sort(key=lambda c: c.start)


def short_organisations(cx: EntityContext) -> None:
    """ "Toyota" after "Toyota Motor Corp": a one-word organisation that begins exactly one longer one, or a
    one-word "place" no gazetteer knows ("Berlex" after "Berlex Laboratories")."""
    cands = cx.cands
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
        elif c.type == "place" and not c.dropped and len(c.text.split()) == 1 and len(longer.get(c.text, ())) == 1 \
                and not is_known_place(c.text):
            # "Berlex" after "Berlex Laboratories": a word the model took for a place no gazetteer knows
            c.type, c.key = "organization", next(iter(longer[c.text]))
        elif c.type == "organization" and len(c.text.split()) == 1 and len(ending.get(c.text, ())) == 1:
            c.key = next(iter(ending[c.text]))      # "the Commission" after "the European Commission"
    # the short form written again where the model left it untagged ("Berlex filed a lawsuit")
    short = {c.text: c.key for c in cands if c.type == "organization" and not c.dropped
             and len(c.text.split()) == 1 and longer.get(c.text) == {c.key}}
    for c in cands:
        if c.text in short and c.key != short[c.text] and c.label in ("NORP", "GPE", "LOC") \
                and not is_known_place(c.text):
            # the same word the model called a nationality or a place ("Berlex sales", "against Berlex")
            c.type, c.key, c.dropped = "organization", short[c.text], False
    taken = {i for c in cands for i in range(c.ent_start, c.end)}
    added = False
    for i in where(cx.doc, "ORTH", short):
        if i not in taken and cx.doc[i].pos_ == "PROPN":
            tok = cx.doc[i]
            cands.append(Candidate(i, i + 1, "ORG", tok.text, i, "organization", short[tok.text]))
            added = True
    if added:
        cands.sort(key=lambda c: c.start)


#: common nouns that name the kind of organisation just before its name ("the pressure group Human Rights in China")
_ORG_CUE_NOUNS = frozenset({"group", "organisation", "organization", "movement", "association", "foundation",
                            "alliance", "coalition", "charity", "consortium", "firm", "company"})
#: small words inside an organisation's name, between capitalised words
_ORG_NAME_JOINERS = frozenset({"of", "for", "and", "in", "on", "the", "&"})


def cue_organisations(cx: EntityContext) -> None:
    """ "the New York-based group Human Rights in China said": capitalised words the model left untagged
    after a noun naming the kind of organisation are its name, small joining words included. At least
    two capitalised words; a name the model tagged is the model's to type."""
    doc, cands = cx.doc, cx.cands
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
        cands.append(Candidate(start, end, "ORG", text, start, "organization", f"org:{slug(text)}"))
        taken.update(range(start, end))
    cands.sort(key=lambda c: c.start)


#: body nouns that a portfolio makes a government department when written in lower case ("the defence ministry")
_PORTFOLIO_BODIES = frozenset({"ministry"})


def portfolio_ministries(cx: EntityContext) -> None:
    """ "the defence ministry said": a ministry written in lower case with its portfolio is an organisation,
    the one named in capitals with the same words if there is one ("the German Foreign Ministry ... the
    foreign ministry"), else a department of its own (wire copy writes most ministries so)."""
    doc, cands = cx.doc, cx.cands
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
        cands.append(Candidate(start, i + 1, "ORG", text, start, "organization", key))
        taken.update(range(start, i + 1))
    cands.sort(key=lambda c: c.start)


#: common nouns that say a name right after them, or in apposition to it, is an organisation
#: ("mineral water firm Multico", "publishers group UWP", "met Betar, a club")
_KIND_NOUNS = _ORG_CUE_NOUNS | frozenset({"club", "party", "union", "team", "bank", "publisher", "distributor",
                                          "agency", "airline", "maker", "manufacturer",
                                          "retailer", "insurer", "conglomerate"})


def _called_an_organisation(doc: Doc, c: Candidate) -> bool:
    """The text calls the name an organisation: a kind noun just before it ("firm Multico") or in
    apposition ("Betar, a club")."""
    prev = doc[c.ent_start - 1] if c.ent_start > 0 else None
    if prev is not None and prev.pos_ == "NOUN" and prev.is_lower and prev.lower_ in _KIND_NOUNS:
        return True
    root = doc[c.start:c.end].root
    return any(a.dep_ == "appos" and a.pos_ == "NOUN" and a.lower_ in _KIND_NOUNS
               and any(d.lower_ in ("a", "an", "the") for d in a.children) for a in root.children)


def named_organisations(cx: EntityContext) -> None:
    """A "person" the text calls an organisation ("mineral water firm Multico", "Polish publishers group
    UWP", "Betar, a club") is one, with every mention of it, unless a mention holds a role or speaks as
    a person would ("Multico said" is said by companies too, so speaking does not count against it)."""
    doc, cands = cx.doc, cx.cands
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        if not c.dropped and c.key:
            by_key[c.key].append(c)
    for key, group in by_key.items():
        if group[0].type != "person" or any(g.roles or g.official for g in group):
            continue
        if not any(_called_an_organisation(doc, g) for g in group):
            continue
        label = max((g.text for g in group), key=lambda t: (len(t.split()), len(t)))
        for g in group:
            g.type, g.key = "organization", f"org:{slug(label)}"


#: staff nouns the role lexicon leaves out, which put their employer before them ("Tarnby manager Ana Ruiz")
_STAFF_NOUNS = frozenset({"manager", "owner", "executive", "spokesperson", "spokeswoman", "batsman", "bowler",
                          "keeper", "shortstop", "pitcher", "scrum-half", "fly-half", "skipper", "analyst",
                          "economist", "trader", "dealer", "official", "officials", "boss", "employee"})


def _staff_role(words: list[str]) -> bool:
    if len(words) == 1 and words[0].lower() in _STAFF_NOUNS:
        return True
    m = lexicons.role_match(words)
    return m is not None and m[0] == len(words)


def employers(cx: EntityContext) -> None:
    """A one-word "person" directly before a staff role and a person's name, or that a person's role
    names as its employer, is where that person works: an organisation ("Tarnby manager Ana Ruiz",
    "Velcom spokesman Per Lund"), and so is every mention written alike, and a longer "person" it begins
    ("Tarnby Rovers"). A name that ends a person's full name in the story stays that person ("Lopes
    spokesman Jan Berg" after "Ana Lopes")."""
    doc, cands = cx.doc, cx.cands
    people = {c.start: c for c in cands if not c.dropped and c.type == "person"}
    family = {c.text.split()[-1] for c in cands if c.type == "person" and len(c.text.split()) > 1 and not c.dropped}
    works_for = {r.affiliation for c in people.values() for r in c.roles if r.affiliation}
    found: set[str] = set()
    for c in cands:
        if c.dropped or c.end - c.start != 1 or c.text in family or c.roles \
                or not (c.type == "person" or c.type == "place" and not is_known_place(c.text)):
            continue
        if (c.start, c.end) in works_for and c.type == "person":     # "a commander in Tacambaro": a place
            found.add(c.text)
            continue
        for n in (1, 2, 3):
            after = people.get(c.end + n)
            if after is not None and len(after.text.split()) > 1 \
                    and all(t.is_alpha or "-" in t.text for t in doc[c.end:c.end + n]) \
                    and _staff_role([t.text for t in doc[c.end:c.end + n]]):
                found.add(c.text)
                break
    for c in cands:
        if not c.dropped and c.type in ("person", "place") and (c.text in found or c.text.split()[0] in found):
            c.type, c.key = "organization", f"org:{slug(c.text)}"


#: the kinds of entity whose name, written again where the model tagged nothing, is a mention of it
_REPEATED_TYPES = frozenset({"organization", "country"})


def untagged_repeats(cx: EntityContext) -> None:
    """ "Two weeks ago Velaro, coached by ...", "she founded her Order of Saint Anne religious order": the very
    words of an organisation's or a country's name that the story tags elsewhere, written again in its prose
    where the model tagged nothing, name the same entity.

    Only a name of one entity; only proper nouns standing alone, not a word of a longer name ("the Velaro
    Games", "Hen Velaro"); never in a headline, dateline or table (the wire and non-prose passes ran before).
    """
    doc, cands = cx.doc, cx.cands
    keys: dict[tuple[str, ...], set[tuple[str, str]]] = defaultdict(set)
    for c in cands:
        if c.end > c.start and not c.dropped and c.key:
            # a headline's or a table's mention (linked or not) names the entity as well as the prose's
            keys[tuple(t.text for t in doc[c.start:c.end])].add((c.type, c.key) if c.type in _REPEATED_TYPES else ("", ""))
    names = {words: next(iter(ks)) for words, ks in keys.items() if len(ks) == 1 and ("", "") not in ks
             and words[0][:1].isupper() and words[-1][:1].isupper()}
    if not names:
        return
    taken = {i for c in cands for i in range(min(c.ent_start, c.start), max(c.end, c.start + 1))}
    wire = read_wire(text_of(doc))
    parts = wire.spans()
    firsts: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in names:
        firsts[words[0]].append(words)
    added = False
    for i in where(doc, "ORTH", set(firsts)):
        for words in sorted(firsts[doc[i].text], key=len, reverse=True):
            end = i + len(words)
            if end > len(doc) or tuple(t.text for t in doc[i:end]) != words or not taken.isdisjoint(range(i, end)):
                continue
            if doc[i].pos_ != "PROPN" or doc[end - 1].pos_ != "PROPN" or doc[i].ent_type_:
                continue
            if (i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title) or \
                    (end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title) or \
                    (i > 1 and doc[i - 1].lower_ in _ORG_NAME_JOINERS and doc[i - 2].is_title):
                continue  # a word of a longer name ("Hen Velaro", "the Velaro Games", "World Series of Velaro")
            start_char, end_char = doc[i].idx, doc[end - 1].idx + len(doc[end - 1])
            if any(s <= start_char < e for s, e in parts) or in_non_prose(text_of(doc), start_char, end_char):
                continue
            kind, key = names[words]
            cands.append(Candidate(i, end, "GPE" if kind == "country" else "ORG", " ".join(words), i, kind, key))
            taken.update(range(i, end))
            added = True
            break
    if added:
        cands.sort(key=lambda c: c.start)
