"""Relations carried by nouns, with an open list (issue 21, item 2): the event nouns of the lexicon verbs
(their nominalisations, ``data/cameo_nouns.tsv``), their doer and target slots. Sentences of our own."""
from __future__ import annotations

import pytest

from nlp.extract import extract
from nlp.records import Document
from nlp.relations.verbs import derived, lookup

pytestmark = pytest.mark.model


def _actions(nlp, text: str) -> set[tuple[str, str, str]]:
    return {(r.source, r.verb, r.target) for r in extract(nlp(text), Document("d", text)).relations
            if r.kind == "action"}


def test_derived_nouns_keep_their_verbs_class_and_the_hand_list_wins():
    sub, inv = lookup("submission", "N"), lookup("invasion", "N")
    assert (sub.verb, sub.cameo, sub.polarity) == ("submit", lookup("submit").cameo, lookup("submit").polarity)
    assert derived(sub) and not derived(inv) and inv.verb == "invade"
    # statements and light verbs give no event noun of their own
    assert lookup("statement", "N") is None and lookup("report", "N") is None


@pytest.mark.parametrize("text, expected", [
    # a "by" phrase names the doer, "to" the target
    ("The Velaro Truth Commission received submissions by the Arcadia Workers Union to the Velaro Truth Commission.",
     ("org:arcadia-workers-union", "submit", "org:velaro-truth-commission")),
    # the possessor does it to the "of" object
    ("Marten Koll's endorsement of Pieter Vance surprised the party.",
     ("person:marten-koll", "endorse", "person:pieter-vance")),
    # an adjective is the doer when it is the only candidate
    ("The Peruvian invasion of Bolivia began at dawn.", ("country:PE", "invade", "country:BO")),
])
def test_event_nouns_of_the_verbs_link_doer_and_target(nlp, text, expected):
    assert expected in _actions(nlp, text)


def test_a_dispute_between_two_links_them_both_ways(nlp):
    text = "The dispute between Kessel Motors and Arcadia Steel deepened on Monday."
    rels = {(r.source, r.target) for r in extract(nlp(text), Document("d", text)).relations if r.kind == "action"}
    assert ("org:kessel-motors", "org:arcadia-steel") in rels or ("org:arcadia-steel", "org:kessel-motors") in rels


def test_a_possessor_with_a_mere_to_object_undergoes_it(nlp):
    # "Vance's extradition to Norway by Sweden": Sweden does it, Vance undergoes it
    rels = _actions(nlp, "Pieter Vance's extradition to Norway by Sweden was approved on Friday.")
    assert ("country:SE", "extradite", "person:pieter-vance") in rels
    assert not any(s == "person:pieter-vance" for s, _, _ in rels)

