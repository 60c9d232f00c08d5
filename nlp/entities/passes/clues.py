"""What the text says around a candidate name: the clues several entity passes read.

Whether a name speaks ("Kowalski said"), is used for a location ("in
Prague"), is shaped like a person's name, or ends a line; the entities so
far as the role finder sees them; a stretch of characters as tokens, and a
name written in capitals in the case prose writes it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from nlp import lexicons
from nlp.entities.candidates import LABELS, Candidate
from nlp.entities.places import is_known_place
from nlp.entities.roles import EntityView
from nlp.entities.spans import NAME_PARTICLES
from nlp.entities.wire import is_caps
from nlp.scan import model_ents


#: verbs whose subject is a person ("Kowalski said", "Rutte insisted")  -- Levin (1993), classes 37.7 and 29.5
SPEECH_VERBS = frozenset({"say", "tell", "insist", "add", "argue", "warn", "claim", "deny", "admit",
                          "explain", "note", "believe", "think", "hope", "wonder", "muse", "recall",
                          "suggest", "acknowledge", "complain", "reply", "ask", "urge", "want"})
#: verbs whose object is a person ("advised Kowalski")
ADVICE_VERBS = frozenset({"advise", "urge", "tell", "ask", "warn", "persuade"})
#: dependency labels of a subject, active or passive
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
#: dependency labels of a direct object
_OBJ_DEPS = frozenset({"dobj", "obj"})


def speaks(span: Span) -> bool:
    """The name is the subject of a speech verb or the object of advice.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Lopes", "said", "so"], heads=[1, 1, 1],
    ...           deps=["nsubj", "ROOT", "advmod"], lemmas=["Lopes", "say", "so"])
    >>> speaks(doc[0:1]), speaks(doc[2:3])
    (True, False)
    """
    root = span.root
    head = root.head
    if root.dep_ in SUBJ_DEPS and head.lemma_ in SPEECH_VERBS:
        return True
    return root.dep_ in _OBJ_DEPS and head.lemma_ in ADVICE_VERBS


#: the label the role finder sees for each type
_VIEW_LABELS = {"person": "PERSON", "country": "GPE", "place": "GPE", "organization": "ORG", "outlet": "ORG"}


def entity_view(doc: Doc, cands: list[Candidate]) -> EntityView:
    """Entities as corrected so far, plus the model's dates and numbers.

    >>> import spacy
    >>> doc = spacy.blank("en")("Ana Lopes said")
    >>> entity_view(doc, [Candidate(0, 2, "GPE", "Ana Lopes", 0, "person", "person:ana-lopes")]).label_at(1)
    'PERSON'
    """
    spans = [(c.start, c.end, "NORP" if c.label == "NORP" and c.type == "country" else _VIEW_LABELS[c.type])
             for c in cands if not c.dropped and c.type]
    spans += [e for e in model_ents(doc) if e[2] not in LABELS]
    return EntityView(spans)


def looks_like_name(doc: Doc, c: Candidate) -> bool:
    """Two to five capitalised proper nouns (and "de", "van" ...) that no other source knows.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Ana", "de", "Lopes"], pos=["PROPN", "ADP", "PROPN"])
    >>> full, one = Candidate(0, 3, "ORG", "Ana de Lopes", 0), Candidate(2, 3, "ORG", "Lopes", 2)
    >>> looks_like_name(doc, full), looks_like_name(doc, one)
    (True, False)
    """
    toks = [t for t in doc[c.start:c.end] if t.lower_ not in NAME_PARTICLES]
    return c.end - c.start >= 2 and 1 <= len(toks) <= 5 and all(t.pos_ == "PROPN" and t.is_title for t in toks) \
        and not lexicons.has_org_head(c.text) and not is_known_place(c.text)


#: prepositions whose object is where something happens or goes ("in Prague", "flew to Cairo", "from Ankara")
PLACE_PREPS = frozenset({"in", "to", "into", "from", "at", "near", "outside", "around", "toward", "towards",
                         "via", "across", "through", "inside", "within", "throughout"})
#: nouns in whose apposition a capital is the city ("the capital Dushanbe", "the city of Grozny")
CITY_NOUNS = frozenset({"capital", "city", "town", "port"})
#: words before "of X" that place something by X ("north of Paris", "20 km west of Algiers", "the outskirts of X")
_BEARINGS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                       "north-east", "north-west", "south-east", "south-west", "outskirts", "suburbs"})
#: words after "Name-" that make the name a place ("Tripoli-based", "Dublin-born")
_PLACE_SUFFIXES = frozenset({"based", "born", "bound"})
#: verbs whose object is where the doer goes ("visit Bonn"): a capital there is the city
_GOING_VERBS = frozenset({"visit", "reach", "enter", "tour", "leave"})


def as_location(doc: Doc, c: Candidate) -> bool:
    """The name is used for where something is or goes, not for who acts.

    "in Prague", "flew to Cairo", "the capital Dushanbe", "Tripoli-based":
    a location; "Ottawa said", "Moscow's decision": the government.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["met", "in", "Prague"], heads=[0, 0, 1],
    ...           deps=["ROOT", "prep", "pobj"])
    >>> as_location(doc, Candidate(2, 3, "GPE", "Prague", 2))
    True
    """
    root = doc[c.start:c.end].root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in PLACE_PREPS:
        return True
    if root.dep_ == "dobj" and head.lemma_ in _GOING_VERBS:
        return True                                          # "would visit Bonn", "reached Kabul"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in CITY_NOUNS:
        return True                                          # "the city of Grozny"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _BEARINGS:
        return True                                          # "an airport north of Paris", "the outskirts of Kabul"
    if root.dep_ == "appos" and head.lower_ in CITY_NOUNS or c.start > 0 and doc[c.start - 1].lower_ in CITY_NOUNS:
        return True                                          # "the capital Dushanbe", "capital Tripoli"
    return c.end + 1 < len(doc) and doc[c.end].text == "-" and doc[c.end + 1].lower_ in _PLACE_SUFFIXES


def token_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Tokens covering characters ``start:end``, or None.

    >>> import spacy
    >>> doc = spacy.blank("en")("LIMA, Peru (Reuters)")
    >>> token_span(doc, 6, 10), token_span(doc, 2, 4)
    ((2, 3), (0, 1))
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def read_case(text: str) -> str:
    """A name written in capitals in the case prose writes it ("LA CORUNA" -> "La Coruna").

    >>> read_case("LA CORUNA"), read_case("Bucharest"), read_case("AL-MARSA")
    ('La Coruna', 'Bucharest', 'Al-Marsa')
    """
    if not is_caps(text) and not (text.isupper() and len(text) > 3):
        return text
    return "-".join(" ".join(w[:1].upper() + w[1:].lower() for w in part.split(" ")) for part in text.split("-"))


def breaks_line(doc: Doc, i: int) -> bool:
    """Token ``i`` ends a line (a line break in its trailing space or the space token after it).

    >>> import spacy
    >>> doc = spacy.blank("en")("Stoke 4\\nLeeds 3")
    >>> breaks_line(doc, 1), breaks_line(doc, 0)
    (True, False)
    """
    if i < 0:
        return False
    return "\n" in doc[i].whitespace_ or i + 1 < len(doc) and doc[i + 1].is_space and "\n" in doc[i + 1].text
