"""Roles of people named in a parsed document, and whom the role belongs to.

A role is found three ways, each a function over a name's ``Span``:

- :func:`title_before`: a title in front of the name ("Foreign Affairs
  Minister Ana Lopes", "former Prime Minister Jean Chrétien",
  "Bavaria Premier Markus Söder"); entities inside the title that are only
  portfolio words ("Energy" in "Energy Minister") are title fragments;
- :func:`appositive_role`: an apposition ("Gerhard Schmidt, the mayor of
  Hamburg, ..."; "dean of law at Leiden University");
- :func:`predicate_role`: a copula ("Rutte became prime minister").

Each returns a :class:`Role` with token offsets: which words are the role,
which entity it belongs to (the country, place or organisation), and which
entity-tagged words were only part of the title.

Example
-------
>>> import spacy
>>> from spacy.tokens import Doc
>>> nlp = spacy.blank("en")
>>> doc = Doc(nlp.vocab, words=["Trade", "Minister", "Ana", "Lopes", "spoke"],
...           pos=["PROPN", "PROPN", "PROPN", "PROPN", "VERB"],
...           ents=["B-ORG", "O", "B-PERSON", "I-PERSON", "O"])
>>> role = title_before(doc[2:4])
>>> role.text, role.kind, role.fragments
('Trade Minister', 'official', ((0, 1),))
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from nlp import lexicons
from nlp.entities.places import is_known_place
from nlp.scan import model_ents

#: courtesy titles that are not roles ("Mr. Macron")
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "madam",
                        "mr.", "mrs.", "ms.", "dr.", "messrs", "messrs."})
#: entity labels that end a title phrase: another name, a date, a number
_TITLE_STOP_ENTS = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
#: entity labels a role can belong to ("Peruvian", "Siemens", "Bavaria")
AFFILIATION_ENTS = frozenset({"GPE", "NORP", "ORG", "LOC", "FAC", "PERSON"})
_TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_TITLE_JOINERS = frozenset({"and", "of", "&", "-"})
_WORD_JOINERS = frozenset({"and", "of", "&"})
_POSSESSIVE = frozenset({"'s", "\u2019s", "'"})
#: longest title in tokens ("Deputy Energy and Natural Resources Minister")
MAX_TITLE = 8
#: apposition and predicate structure
_APPOS_DEPS = frozenset({"appos"})
#: entity labels of places a role can be "in" ("the envoy in Jakarta")
_PLACE_ENTS = frozenset({"GPE", "LOC"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
_PRED_DEPS = frozenset({"attr", "oprd"})
_COPULAS = frozenset({"be", "become", "remain"})
#: verbs that put their subject in an office ("was elected president", "served as minister")
_TAKING_OFFICE = frozenset({"elect", "re-elect", "reelect", "appoint", "name", "nominate", "choose", "install",
                            "swear", "serve", "confirm", "promote"})
_RELATIVES = frozenset({"who", "that"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
_AFFILIATION_PREPS = frozenset({"of", "at", "for", "from", "with", "in"})


@dataclass(frozen=True, slots=True)
class Role:
    """A role of a named person, as token offsets into its document."""

    text: str                                   # "Foreign Affairs Minister"
    kind: str                                   # "official" or "person"
    start: int
    end: int
    affiliation: tuple[int, int] | None = None  # entity the role belongs to
    fragments: tuple[tuple[int, int], ...] = ()  # entity-tagged words that are part of the title


def is_honorific(tok: Token) -> bool:
    """True for "Mr.", "Dr", "Sir" and the like.

    >>> import spacy
    >>> is_honorific(spacy.blank("en")("Mr. Smith")[0])
    True
    """
    return tok.lower_ in HONORIFICS


class EntityView:
    """Which entity covers each token: ``(start, end, label)``.

    By default the model's entities; :mod:`nlp.entities.sieve` passes its own,
    corrected ones (an outlet the model missed, a surname it called a place).

    >>> view = EntityView([(0, 2, "PERSON"), (3, 4, "GPE")])
    >>> view.label_at(1), view.extent_at(1), view.label_at(2)
    ('PERSON', (0, 2), '')
    """

    def __init__(self, spans) -> None:
        self._at: dict[int, tuple[int, int, str]] = {}
        for start, end, label in spans:
            for i in range(start, end):
                self._at.setdefault(i, (start, end, label))

    @classmethod
    def of_doc(cls, doc) -> "EntityView":
        """The model's entities of ``doc``."""
        return cls(model_ents(doc))

    def label_at(self, i: int) -> str:
        return self._at.get(i, (0, 0, ""))[2]

    def extent_at(self, i: int) -> tuple[int, int]:
        start, end, _ = self._at.get(i, (i, i + 1, ""))
        return start, end


def _affiliation_before(doc, k: int, view: EntityView) -> tuple[int, int] | None:
    """The entity just before a title ("Bavaria Premier", "Germany's Chancellor")."""
    if k <= 0:
        return None
    prev = doc[k - 1]
    if prev.text in _POSSESSIVE and k >= 2:
        prev = doc[k - 2]
    elif prev.text == ")" and k >= 4 and doc[k - 3].text == "(":
        prev = doc[k - 4]                     # "Central Bank of Nigeria (CBN) Governor"
    if view.label_at(prev.i) in AFFILIATION_ENTS:
        return view.extent_at(prev.i)
    return None


def _role_in(doc, start: int, end: int, name_ent: tuple[int, int], view: EntityView) -> Role | None:
    """The role whose head word ends at ``end``, within the title words ``start:end``."""
    hit = lexicons.role_match([t.text for t in doc[start:end]])
    if hit is None:
        return _role_of_in(doc, start, end, name_ent, view)
    n, kind = hit
    k, fragments, affiliation, owner_tail = end - n, [], None, None
    while k > start:
        tok = doc[k - 1]
        if view.label_at(tok.i) in AFFILIATION_ENTS and not (name_ent[0] <= tok.i < name_ent[1]):
            es, ee = view.extent_at(tok.i)
            if es >= start and lexicons.is_portfolio(doc[es:ee].text):
                fragments.append((es, ee))    # "Energy" in "Energy and Natural Resources Minister"
                k = es
                continue
            p = ee
            while p > es and lexicons.is_portfolio(doc[p - 1].text):
                p -= 1
            if es < p < ee:
                owner_tail = (p, ee)          # "EU Farm Commissioner": "Farm" is the portfolio, "EU" the owner
            affiliation = (es, p)             # "Canadian" in "Canadian Prime Minister"
            break
        if tok.text in _POSSESSIVE:
            break
        if tok.lower_ in _WORD_JOINERS and (k - 2 < start or not doc[k - 2].is_title):
            break                             # "the jailing of media mogul X": only capitalised titles join
        if tok.pos_ == "PROPN" and tok.is_title and not view.label_at(tok.i) and k == end - n \
                and not lexicons.is_portfolio(tok.text) and is_known_place(tok.text):
            affiliation = (tok.i, tok.i + 1)  # "Ontario Premier", untagged by the model
            break
        k -= 1
    while k < end - n and doc[k].lower_ in _TITLE_JOINERS:
        k += 1
    if affiliation is None:
        affiliation = _affiliation_before(doc, k, view)
    fragments = [f for f in fragments if f[0] >= k] + ([owner_tail] if owner_tail else [])
    text_start = owner_tail[0] if owner_tail else k
    if kind == "person" and affiliation and affiliation[1] == k and view.label_at(affiliation[0]) == "ORG":
        text_start = affiliation[0]           # "Siemens executive": the company is part of the role
    return Role(doc[text_start:end].text, kind, text_start, end, affiliation, tuple(sorted(fragments)))


def _role_of_in(doc, start: int, end: int, name_ent: tuple[int, int], view: EntityView) -> Role | None:
    """A title with its office after "of" ("Secretary of State", "Minister of Foreign Affairs")."""
    for k in range(end - 2, start, -1):
        if doc[k].lower_ != "of":
            continue
        hit = lexicons.role_match([t.text for t in doc[start:k]])
        rest = doc[k + 1:end]
        if hit is None or not rest.text[:1].isupper():
            continue
        fragments = []
        affiliation = None
        if lexicons.is_portfolio(rest.text):
            fragments = [view.extent_at(t.i) for t in rest if view.label_at(t.i) in AFFILIATION_ENTS]
        elif all(view.label_at(t.i) in AFFILIATION_ENTS - {"PERSON"} for t in rest):
            affiliation = view.extent_at(rest[0].i)     # "President of Peru"
        else:
            continue
        role_start = k - hit[0]
        if affiliation is None:
            affiliation = _affiliation_before(doc, role_start, view)   # "U.S. Secretary of State"
        return Role(doc[role_start:end].text, hit[1], role_start, end, affiliation,
                    tuple(sorted(set(fragments))))
    return None


def title_before(name: Span, *, ent_start: int | None = None, ents: EntityView | None = None) -> Role | None:
    """The title written just before a name ("Industry Minister" before "Ana Lopes").

    ``ent_start`` is where the model's entity began when title words were cut
    off the name ("Premier" of a "Premier Ana Lopes" entity): those words are
    part of the title even though they are tagged PERSON.
    """
    doc = name.doc
    view = ents or EntityView.of_doc(doc)
    floor = name.start if ent_start is None else ent_start
    j = name.start - 1
    while j >= 0 and is_honorific(doc[j]):
        j -= 1
    end = j + 1
    while j >= 0 and end - j <= MAX_TITLE:
        tok = doc[j]
        if j < floor and view.label_at(tok.i) in _TITLE_STOP_ENTS:
            break
        if tok.pos_ in _TITLE_POS or tok.lower_ in _TITLE_JOINERS:
            j -= 1
            continue
        break
    start = j + 1
    if start >= end:
        return None
    name_ent = (floor, name.end)
    role = _role_in(doc, start, end, name_ent, view)
    if role is not None:
        return role
    # coordinated titles: "Acme executive and party royalty Ana Lopes"
    for k in range(end - 1, start, -1):
        if doc[k].lower_ == "and":
            role = _role_in(doc, start, k, name_ent, view)
            if role is not None:
                return role
    return None


def _modifiers_and_head(head: Token) -> list[Token]:
    """The contiguous modifiers before a noun, and the noun ("Foreign policy expert")."""
    toks = [head]
    for left in reversed(list(head.lefts)):
        if left.dep_ in _MODIFIER_DEPS and left.i == toks[0].i - 1:
            toks[:0] = list(left.doc[left.left_edge.i:left.i + 1])   # "Reform UK" of "Reform UK leader"
        elif left.i == toks[0].i - 1 and left.text == "-":
            toks.insert(0, left)
        else:
            break
    return toks


def appositive_role(name: Span, *, ents: EntityView | None = None) -> Role | None:
    """A role in apposition to a name ("Ana Lopes, dean of law at Leiden University").

    The role's own "of" phrase is kept unless it names an entity; an entity
    in an "of", "at" or "for" phrase is the affiliation.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Ana", "Lopes", ",", "dean", "of", "law", "at", "Leiden", "University", ",", "spoke"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 10, 1, 1, 3, 4, 3, 8, 6, 1, 10],
    ...           deps=["compound", "nsubj", "punct", "appos", "prep", "pobj", "prep", "compound", "pobj",
    ...                 "punct", "ROOT"],
    ...           ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O"])
    >>> role = appositive_role(doc[0:2])
    >>> role.text, role.kind, role.affiliation
    ('dean of law', 'person', (7, 9))
    """
    view = ents or EntityView.of_doc(name.doc)
    root = name.root
    heads = [c for c in root.children if c.dep_ in _APPOS_DEPS]
    if root.dep_ in _APPOS_DEPS and not any(view.label_at(i) == "PERSON" for i in range(root.head.i + 1, name.start)):
        heads.append(root.head)               # "the mayor of Hamburg, Gerhard Schmidt", with no other name between
    place = root.head
    if root.dep_ in _APPOS_DEPS and view.label_at(place.i) in _PLACE_ENTS and place.dep_ == "pobj" \
            and place.head.dep_ == "prep" and place.head.head.i < place.head.i:
        heads.append(place.head.head)         # "Hanoi's envoy in Jakarta, Ta Van Thong": the parse hangs her on the place
    for head in heads:
        if view.label_at(head.i) or head.i in range(name.start, name.end):
            continue
        toks = _modifiers_and_head(head)
        hit = lexicons.role_match([t.text for t in toks])
        if hit is None:
            continue
        affiliation = None
        owners = [t for t in toks[:-hit[0]] if view.label_at(t.i) in AFFILIATION_ENTS - {"PERSON"}]
        if owners:                            # "her Brazilian counterpart": the country is no part of the role
            affiliation = view.extent_at(owners[-1].i)
            toks = [t for t in toks if t.i >= affiliation[1]]
        if affiliation is None:               # "Egypt's foreign minister, Badr Abdelatty"
            poss = next((c for c in head.children if c.dep_ == "poss"
                         and view.label_at(c.i) in AFFILIATION_ENTS - {"PERSON"}), None)
            if poss is not None:
                affiliation = view.extent_at(poss.i)
        start, end = toks[0].i, head.i + 1
        for prep in head.rights:
            if prep.dep_ != "prep" or prep.lower_ not in _AFFILIATION_PREPS:
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if view.label_at(pobj.i) in AFFILIATION_ENTS - {"PERSON"}:
                affiliation = affiliation or view.extent_at(pobj.i)
            elif prep.lower_ == "of" and prep.i == end and affiliation is None:
                end = pobj.right_edge.i + 1   # "dean of international studies"
        for i in range(start, end):
            if i >= name.start and i < name.end:
                end = i
                break
        return Role(name.doc[start:end].text, hit[1], start, end, affiliation)
    return None


def predicate_role(name: Span, *, ents: EntityView | None = None) -> Role | None:
    """A role a name is said to be or become ("Rutte became the Dutch prime minister").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Rutte", "became", "Dutch", "prime", "minister"],
    ...           heads=[1, 1, 4, 4, 1], deps=["nsubj", "ROOT", "amod", "amod", "attr"],
    ...           lemmas=["Rutte", "become", "dutch", "prime", "minister"],
    ...           ents=["B-PERSON", "O", "B-NORP", "O", "O"])
    >>> role = predicate_role(doc[0:1])
    >>> role.text, role.affiliation
    ('prime minister', (2, 3))
    """
    view = ents or EntityView.of_doc(name.doc)
    root = name.root
    verbs = [(root.head, root.dep_)] if root.dep_ in _SUBJ_DEPS else []
    # "Lopes, who became prime minister in May, ...": the relative clause says it of the name
    verbs += [(c, s.dep_) for c in root.children if c.dep_ == "relcl"
              for s in c.children if s.dep_ in _SUBJ_DEPS and s.lower_ in _RELATIVES]
    for verb, dep in verbs:
        role = _role_of_predicate(name, verb, dep, view)
        if role is not None:
            return role
    return None


def _role_of_predicate(name: Span, verb: Token, subject_dep: str, view: EntityView) -> Role | None:
    """The role a copula or a verb of taking office gives its subject: "became prime minister",
    "was elected president", "was sworn in as president", "served as defence minister". An active
    verb of appointing gives the office to its object ("Lopes named Ruiz minister"), not to the name."""
    if verb.lemma_ in _COPULAS:
        preds = [c for c in verb.children if c.dep_ in _PRED_DEPS]
    elif verb.lemma_ in _TAKING_OFFICE and (subject_dep == "nsubjpass" or verb.lemma_ == "serve"):
        preds = [c for c in verb.children if c.dep_ in _PRED_DEPS]
        preds += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                  for p in c.children if p.dep_ == "pobj"]
    else:
        return None
    for attr in preds:
        toks = _modifiers_and_head(attr)
        hit = lexicons.role_match([t.text for t in toks])
        if hit is None:
            continue
        n, kind = hit
        affiliation = next((view.extent_at(t.i) for t in toks[:-n] if view.label_at(t.i) in AFFILIATION_ENTS - {"PERSON"}), None)
        start = attr.i + 1 - n
        while start > toks[0].i and lexicons.is_portfolio(name.doc[start - 1].text):
            start -= 1                        # "the new finance minister"
        return Role(name.doc[start:attr.i + 1].text, kind, start, attr.i + 1, affiliation)
    return None


def possessive_owner(name: Span, *, ents: EntityView | None = None) -> tuple[int, int] | None:
    """The country or organisation a name belongs to by a possessive ("South Africa's Cyril Ramaphosa").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Peru", "'s", "Ana", "Lopes"],
    ...           ents=["B-GPE", "O", "B-PERSON", "I-PERSON"])
    >>> possessive_owner(doc[2:4])
    (0, 1)
    """
    view = ents or EntityView.of_doc(name.doc)
    doc = name.doc
    if name.start >= 2 and doc[name.start - 1].text in _POSSESSIVE \
            and view.label_at(name.start - 2) in AFFILIATION_ENTS - {"PERSON"}:
        return view.extent_at(name.start - 2)
    return None


def affiliation_after(name: Span, *, ents: EntityView | None = None) -> tuple[int, int] | None:
    """An organisation named right after a person ("Ana Lopes of Leiden University").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Ana", "Lopes", "of", "Leiden", "University"],
    ...           heads=[1, 1, 1, 4, 2], deps=["compound", "ROOT", "prep", "compound", "pobj"],
    ...           ents=["B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG"])
    >>> affiliation_after(doc[0:2])
    (3, 5)
    """
    view = ents or EntityView.of_doc(name.doc)
    for prep in name.root.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "at", "from") or prep.i != name.end:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None and view.label_at(pobj.i) in ("ORG", "FAC"):
            return view.extent_at(pobj.i)
    return None
