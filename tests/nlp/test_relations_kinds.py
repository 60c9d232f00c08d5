"""Names that only say what kind of thing a verb acts on, and names that start a clause of their own, on
sentences parsed by hand (the parses the small model gives such sentences), with names of our own."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from nlp.mentions import MentionIndex
from nlp.records import Entity
from nlp.relations.actors import Actors
from nlp.relations.clauses import Clauses
from nlp.relations.links import _content_clauses


def _clauses(words, heads, deps, pos, names, tags=None):
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    index = MentionIndex()
    for start, end, key, _ in names:
        index.add(start, end, key)
    return doc, Clauses(Actors(doc, index, [Entity(key, key, kind) for _, _, key, kind in names]))


def test_a_possessed_things_name_compound_is_its_kind_not_its_owner():
    # "Ruiz defended his Velaro League title": the title is his; the league only awards it
    words = ["Ruiz", "defended", "his", "Velaro", "League", "title"]
    doc, cl = _clauses(words, [1, 1, 5, 4, 5, 1], ["nsubj", "ROOT", "poss", "compound", "compound", "dobj"],
                       ["PROPN", "VERB", "PRON", "PROPN", "PROPN", "NOUN"],
                       [(0, 1, "person:ruiz", "person"), (3, 5, "org:velaro-league", "organization")])
    assert "org:velaro-league" not in [a.key for a in cl.owners(doc[5])]
    # without a possessor the name compounded with a thing still says whose it is ("condemned Velaro League rules")
    words = ["Ruiz", "condemned", "Velaro", "League", "rules"]
    doc, cl = _clauses(words, [1, 1, 3, 4, 1], ["nsubj", "ROOT", "compound", "compound", "dobj"],
                       ["PROPN", "VERB", "PROPN", "PROPN", "NOUN"],
                       [(0, 1, "person:ruiz", "person"), (2, 4, "org:velaro-league", "organization")])
    assert [a.key for a in cl.owners(doc[4])] == ["org:velaro-league"]


def test_a_name_under_a_possessive_before_a_common_noun_is_no_party():
    # "Dahl retained her ABX bantamweight title", parsed with the name as the object
    words = ["Dahl", "retained", "her", "ABX", "bantamweight", "title"]
    doc, cl = _clauses(words, [1, 1, 3, 1, 5, 1], ["nsubj", "ROOT", "poss", "dobj", "compound", "dobj"],
                       ["PROPN", "VERB", "PRON", "PROPN", "VERB", "NOUN"],
                       [(0, 1, "person:dahl", "person"), (3, 4, "org:abx", "organization")],
                       tags=["NNP", "VBD", "PRP$", "NNP", "VBD", "NN"])
    assert "org:abx" not in [a.key for a in cl.patients(doc[1])]
    # "founded her Velaro Mission aid group": a body's own kind, the name is the body
    words = ["Dahl", "founded", "her", "Velaro", "Mission", "aid", "group"]
    doc, cl = _clauses(words, [1, 1, 4, 4, 1, 6, 1], ["nsubj", "ROOT", "poss", "compound", "dobj", "compound", "dobj"],
                       ["PROPN", "VERB", "PRON", "PROPN", "PROPN", "NOUN", "NOUN"],
                       [(0, 1, "person:dahl", "person"), (3, 5, "org:velaro-mission", "organization")])
    assert "org:velaro-mission" in [a.key for a in cl.patients(doc[1])]


def test_a_noun_conjoined_to_a_verb_starts_a_clause_of_its_own():
    # "Berg threw a shutout and Lind's single broke a tie", parsed with "single" the first verb's conjunct
    words = ["Berg", "threw", "shutout", "and", "Lind", "'s", "single", "broke", "tie"]
    doc, cl = _clauses(words, [1, 1, 1, 1, 6, 4, 1, 1, 7],
                       ["nsubj", "ROOT", "dobj", "cc", "poss", "case", "conj", "conj", "dobj"],
                       ["PROPN", "VERB", "NOUN", "CCONJ", "PROPN", "PART", "PROPN", "VERB", "NOUN"],
                       [(0, 1, "person:berg", "person"), (4, 5, "person:lind", "person")])
    assert cl.clause_entities(doc[1], material=True) == []


def test_a_reported_clause_past_a_line_break_is_the_next_lines_sentence():
    # "Ruiz said it ended.\nPeru attacked Chile", run together by the parser
    words = ["Ruiz", "said", "it", "ended", ".", "\n", "Peru", "attacked", "Chile"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 1, 1, 4, 7, 1, 7],
              deps=["nsubj", "ROOT", "nsubj", "ccomp", "punct", "dep", "nsubj", "ccomp", "dobj"],
              pos=["PROPN", "VERB", "PRON", "VERB", "PUNCT", "SPACE", "PROPN", "VERB", "PROPN"])
    assert [t.text for t in _content_clauses(doc[1])] == ["ended"]
