"""The verb and event-noun lexicon ``data/verbs.tsv``, modelled on CAMEO.

Each entry names the CAMEO root class (01-20) of a verb or event noun; the
QuadClass and the cooperation/conflict polarity follow from the root code, as
in GDELT and Phoenix: 01-02 neutral, 03-08 cooperation, 09-20 conflict.

Example
-------
>>> classify("arrest")
('conflict', 'arrest')
>>> classify("walk")
('neutral', '')
>>> lookup("encounter", "N").verb, lookup("encounter", "N").polarity
('meet', 'cooperation')
>>> lookup("meet").quad, has_flag("meet", "symmetric")
(1, True)
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: flags a lexicon row may carry (see the header of data/verbs.tsv)
FLAGS = frozenset({"speech", "symmetric", "support", "motion", "intent", "negative", "possessor"})


@dataclass(frozen=True, slots=True)
class VerbClass:
    """One lexicon row: a verb or event noun and the CAMEO class it links by."""

    word: str
    pos: str  # "V" verb, "N" event noun
    verb: str  # the lemma the edge carries
    cameo: str  # root code "01".."20"; "00" for light verbs
    category: str
    flags: frozenset[str]
    source: str = ""  # the lexicon file of the row ("" for a verb no lexicon knows)

    @property
    def quad(self) -> int:
        """QuadClass: 0 neutral, 1/2 verbal/material cooperation, 3/4 verbal/material conflict.

        >>> lookup("praise").quad, lookup("release").quad, lookup("criticize").quad, lookup("attack").quad
        (1, 2, 3, 4)
        """
        root = int(self.cameo)
        if root <= 2:
            return 0
        if root <= 5:
            return 1
        if root <= 8:
            return 2
        if root <= 13:
            return 3
        return 4

    @property
    def polarity(self) -> str:
        """``cooperation``, ``conflict`` or ``neutral`` from the QuadClass.

        >>> lookup("say").polarity
        'neutral'
        """
        return ("neutral", "cooperation", "cooperation", "conflict", "conflict")[self.quad]


#: the lexicon files, in order: the first to name a word wins
LEXICON_FILES = ("verbs.tsv", "cameo_verbs.tsv", "cameo_nouns.tsv")
#: the file of event nouns derived from the lexicon verbs (read with more care: :func:`derived`)
DERIVED_NOUNS = "cameo_nouns.tsv"
#: category of a verb no lexicon knows (it links, neutral, where its doer and target are entities)
OTHER = "other"


@lru_cache(maxsize=1)
def table() -> dict[tuple[str, str], VerbClass]:
    """{(word, pos): VerbClass} read once from ``data/verbs.tsv``, ``data/cameo_verbs.tsv``, ``data/cameo_nouns.tsv``.

    ``verbs.tsv`` is kept by hand (flags for speech, symmetry, light verbs,
    travel, intent); ``cameo_verbs.tsv`` is derived from the PETRARCH2 CAMEO
    verb dictionary by ``bench/build_lexicon.py`` and adds thousands of verbs
    and verb + object phrases ("grant asylum", "take control") with their
    CAMEO root class; ``cameo_nouns.tsv`` holds the event nouns of those verbs
    (their nominalisations in WordNet, "submission", "invasion"), derived by
    ``bench/build_nouns.py``, each with its verb's class.

    >>> ("visit", "N") in table() and ("visit", "V") in table()
    True
    >>> table()[("overrun", "V")].category, table()[("grant asylum", "V")].verb
    ('fight', 'grant')
    """
    out: dict[tuple[str, str], VerbClass] = {}
    for name in LEXICON_FILES:
        with resources.files("nlp.data").joinpath(name).open(encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or not line.strip():
                    continue
                word, pos, verb, cameo, category, flags = line.rstrip("\n").split("\t")
                marks = frozenset() if flags == "-" else frozenset(flags.split(","))
                unknown = marks - FLAGS
                if unknown:
                    raise ValueError(f"{name}: unknown flag {sorted(unknown)} on {word!r}")
                out.setdefault((word, pos), VerbClass(word, pos, verb, cameo, "" if category == "-" else category,
                                                      marks, name))
    return out


def derived(row: VerbClass) -> bool:
    """Whether an event-noun row comes from ``cameo_nouns.tsv`` (a verb's nominalisation), not the hand list.

    >>> derived(lookup("submission", "N")), derived(lookup("arrest", "N")), derived(lookup("arrest"))
    (True, False, False)
    >>> lookup("submission", "N").verb, lookup("invasion", "N").verb
    ('submit', 'invade')
    """
    return row.source == DERIVED_NOUNS


def takes_places(row: VerbClass) -> bool:
    """Whether a place can undergo the action: visits, and force used on ground ("seized the town of X").

    A place is where most things happen ("arrested X in Lima"), but what is
    attacked, shelled, overrun or deployed to is the place itself (CAMEO 15
    force posture, 18-20 assault, fight, mass violence); an arrest (17) is not.

    >>> takes_places(lookup("visit")), takes_places(lookup("overrun")), takes_places(lookup("arrest"))
    (True, True, False)
    """
    return row.category == "visit" or int(row.cameo) in (15, 18, 19, 20)


def unknown_verb(lemma: str) -> VerbClass:
    """The row a verb no lexicon knows links by: neutral, category ``other``.

    On the development articles, verbs outside the lexicons whose subject
    and object are both entities ("Carlos Ruiz portrays Tomas Vidal") were
    mostly real relations; linking them neutrally says who acted on whom
    without guessing cooperation or conflict.

    >>> row = unknown_verb("portray"); (row.verb, row.polarity, row.category)
    ('portray', 'neutral', 'other')
    """
    return VerbClass(lemma, "V", lemma, "00", OTHER, frozenset())


def lookup(word: str, pos: str = "V") -> VerbClass | None:
    """The lexicon row of a verb lemma (``pos="V"``) or event noun (``pos="N"``).

    >>> lookup("arrest", "N").flags
    frozenset({'possessor'})
    >>> lookup("walk") is None
    True
    """
    return table().get((word.lower(), pos))


def has_flag(word: str, flag: str, pos: str = "V") -> bool:
    """Whether the lexicon marks ``word`` with ``flag``.

    >>> has_flag("say", "speech"), has_flag("arrest", "speech")
    (True, False)
    """
    row = lookup(word, pos)
    return row is not None and flag in row.flags


def classify(lemma: str, pos: str = "V") -> tuple[str, str]:
    """(polarity, category) of a verb lemma or event noun; unknown words are neutral.

    >>> classify("threaten")
    ('conflict', 'threaten')
    """
    row = lookup(lemma, pos)
    return (row.polarity, row.category) if row else ("neutral", "")
