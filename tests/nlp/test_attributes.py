"""The array attribute ruler and lemmatizer: the same token attributes as spaCy's own, rule for rule."""
from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from nlp.run.attributes import ArrayAttributeRuler, use_array_components
from nlp.run.lemmas import mend_silent_e
from nlp.run.model import default_model_name

pytestmark = pytest.mark.model

ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]

#: texts where the ruler's exceptions fire: contractions, two-token rules, spaces, expletives, pronouns
TEXTS = (
    "I'm gonna go, y'all. Let's see: ain't nobody got time, we gotta run.  Then c'mon!",
    "There is a cat; there are dogs. It's here, isn't it? You did it and I'd do it too.\n\n  He said  that "
    "she'd been being silly.",
    "Whether or not they would, those who can't won't.  Something, anyone, anything, nothing! Me, myself "
    "and I; them, themselves. Do you have it? I do. She has had it, but well, once there...",
    "Ms Ana Lopes, the Peruvian Foreign Minister, told Reuters in Lima that Chile had attacked the town.",
    "", " ", "\n\n", "a",
)


@pytest.fixture(scope="module")
def stock():
    # spaCy's own components, with the same silent-"e" mending after the lemmatizer (tests/nlp/test_lemmas.py)
    return mend_silent_e(spacy.load(default_model_name()))


def _same(a, b) -> bool:
    return (numpy.array_equal(a.to_array(ATTRS), b.to_array(ATTRS))
            and [str(t.morph) for t in a] == [str(t.morph) for t in b]
            and [t.lemma_ for t in a] == [t.lemma_ for t in b])


def test_newsgraph_loads_the_array_ruler_and_lemmatizer(nlp):
    from nlp.run.attributes import ArrayEnglishLemmatizer

    assert isinstance(nlp.get_pipe("attribute_ruler"), ArrayAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), ArrayEnglishLemmatizer)


def test_lemmas_of_repeated_words_in_different_roles(nlp, stock):
    # the same word as a noun and as a verb, singular and plural: one lemma per (word, POS, morphology)
    text = "The attacks went on. Rebels attacks towns and police attack rebels; the attack failed, attacking nothing."
    a, b = stock(text), nlp(text)
    assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    assert {t.lemma_ for t in b if t.lower_.startswith("attack")} == {"attack"}


def test_same_attributes_as_spacy_on_exceptions_and_edge_texts(nlp, stock):
    for text in TEXTS:
        assert _same(stock(text), nlp(text)), text


def test_the_exceptions_do_fire(nlp):
    doc = nlp("I'm gonna go, y'all.  There is a cat.")
    got = {t.text: (t.lemma_, t.pos_, t.dep_) for t in doc}
    assert got["gon"][0] == "go" and got["na"][0] == "to"       # two-token rules, index 0 and 1
    assert got["y'"][0] == "you"
    assert got[" "][1:] == ("SPACE", "dep")                      # the space rules: TAG/POS/MORPH and DEP
    assert got["is"][1] == "VERB"                                # "there is": the second token of the match


def test_same_attributes_as_spacy_on_the_seed_and_heldout_articles(nlp, stock, seed_dir):
    from pathlib import Path

    texts = [p.read_text(encoding="utf-8") for p in sorted(seed_dir.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8")
              for p in sorted((Path(__file__).parent.parent / "data" / "heldout").glob("*.txt"))]
    assert len(texts) >= 7
    for a, b in zip(stock.pipe(texts), nlp.pipe(texts)):
        assert _same(a, b)


def test_rules_it_cannot_run_go_to_spacy_and_added_rules_count(stock):
    nlp = use_array_components(spacy.load(default_model_name()))
    ruler = nlp.get_pipe("attribute_ruler")
    text = "Ms Lopes met the minister in Lima."
    ruler.add([[{"LOWER": "lopes"}, {"LOWER": "met"}]], {"LEMMA": "MEET"}, index=-1)   # negative index
    doc = nlp(text)
    assert doc[2].lemma_ == "MEET" and ruler._program not in (None, False)
    ruler.add([[{"LOWER": "the"}, {"LOWER": "minister", "OP": "?"}]], {"LEMMA": "THE"})  # an operator
    doc = nlp(text)
    assert ruler._program is None                                # spaCy's own code runs the rules
    assert doc[3].lemma_ == "THE" and doc[2].lemma_ == "MEET"
    ruler.clear()
    plain = nlp(text)
    assert ruler._program is not None and plain[2].lemma_ != "MEET"


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_a_batch_of_documents_gets_what_each_would_alone(nlp, stock, batch_size):
    # a batch is ruled as one array: a two-token rule must not match across two documents
    # ("... gon" | "na ..."), and empty documents sit between the others
    texts = ["We are gon", "na win.", *TEXTS, "There", "is a cat.", "y'", "all know.", "", "I'm gonna go."]
    for a, b in zip(stock.pipe(texts, batch_size=batch_size), nlp.pipe(texts, batch_size=batch_size),
                    strict=True):
        assert _same(a, b), a.text
    lone = [nlp(t) for t in texts]
    for a, b in zip(lone, nlp.pipe(texts, batch_size=batch_size), strict=True):
        assert _same(a, b), a.text
