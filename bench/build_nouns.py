"""Derive ``nlp/data/cameo_nouns.tsv``: the event nouns of the lexicon verbs (their nominalisations).

    python bench/build_nouns.py [WORDNET_DICT_DIR]

``WORDNET_DICT_DIR`` defaults to ``/usr/share/wordnet`` (Debian's
``wordnet-base``, Princeton WordNet 3.0). The derived file is committed:
newsgraph reads it at run time and needs neither WordNet nor this script.

What is taken, and why:

- **verbs**: the one-word verbs of ``verbs.tsv`` and ``cameo_verbs.tsv``
  (the first file to name a verb wins, as in :mod:`nlp.relations.verbs`),
  less light, travel, intent and negating verbs (their nouns carry no act of
  their own: "plan", "trip") and the statements of CAMEO root 01 ("report",
  "statement", "comment" say nothing of whom they act on). Verbs of speech of
  other roots stay ("denunciation", "plea").
- **nominalisations**: WordNet's *derivationally related form* links (``+``)
  from a sense of the verb to a one-word noun whose sense is an act, an event
  or a communication (lexicographer files ``noun.act``, ``noun.event``,
  ``noun.communication``): ``submit`` -> ``submission``, ``arrest`` ->
  ``arrest``, ``invade`` -> ``invasion``. Agent nouns (``noun.person``:
  "attacker") and things (``noun.artifact``) are left out.
- **the parser's lemma**: a noun is kept only when spaCy's English lemmatizer
  knows it as a noun lemma (its ``lemma_index``), so the event-noun reader,
  which looks nouns up by their lemma, finds it.
- **the noun's usual sense**: WordNet lists a noun's senses most frequent
  first; the first must be an act, event or communication, or something
  given, undergone or done over time (``noun.possession``, ``noun.process``,
  ``noun.state``: "donation", "suppression", "exile"), and for a noun spelt as
  its verb an act, event or communication itself ("raid", not "ring"). So
  "association" (first an organisation) and "disappointment" (a feeling, whose
  possessor is no doer) are left out.
- **one verb per noun**: where several lexicon verbs derive one noun, the verb
  sharing the longest beginning with it wins (``apology`` -> ``apologize``).
- **stoplist**: :data:`SKIP` drops nouns that are mostly not an act of one
  actor on another in news copy ("issue", "return", "holding").

Each row keeps its verb's CAMEO root class and category (so its QuadClass and
polarity) and its ``symmetric`` flag; ``verbs.tsv``'s own event nouns win.
"""
from __future__ import annotations

import sys
from os.path import commonprefix
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "nlp" / "data"
OUT = DATA / "cameo_nouns.tsv"
DEFAULT_WORDNET = Path("/usr/share/wordnet")

#: WordNet noun lexicographer files of acts and events (lex_filenum in data.noun)
NOUN_FILES = {"04": "act", "10": "communication", "11": "event"}
#: files the noun's first (most frequent) sense may be in: acts and events, and what is given,
#: done over time or suffered ("donation", "suppression", "exile"); not groups ("association"),
#: things ("bomb"), feelings ("disappointment": who feels it is no doer) or thoughts ("acceptance")
FIRST_SENSE_FILES = frozenset(NOUN_FILES) | {"21", "22", "26"}
#: verb flags whose nouns carry no act of their own
SKIP_FLAGS = frozenset({"support", "motion", "intent", "negative"})
#: CAMEO roots whose nouns are left out: 00 light verbs, 01 public statements
SKIP_ROOTS = frozenset({"00", "01"})
#: nouns mostly not an act of one actor on another in news copy
SKIP = frozenset({
    "issue", "return", "holding", "passing", "going", "addition", "drop", "hold", "note", "residence",
    "travel", "crime", "sentence", "trial", "research", "regulating", "detailing", "issuing", "cutting",
    "reference", "expression", "interaction", "gathering", "launch", "dig", "extract", "yield",
    "blast", "slam",  # explosions and doors as often as words
    # bodies and documents more than acts ("the administration", "the constitution")
    "administration", "establishment", "constitution", "legislation", "regulation", "bill", "order", "management",
    # too general, or of sport as much as of politics ("a pass to", "a kick against")
    "death", "study", "studying", "hearing", "meaning", "approach", "pass", "passage", "sign", "signal", "notice",
    "cable", "break", "hit", "hitting", "kick", "kicking", "pull", "pulling", "push", "pushing", "blow", "fire",
    "firing", "training", "determiner", "intensifier", "express", "expose", "insert", "fault", "mining", "dealing",
    "dealings", "giving", "decision", "serve", "task", "scan", "hint", "sweep", "snatch", "mock", "invite", "meet",
})


def read_first_senses(wordnet: Path) -> dict[str, str]:
    """{noun: lexicographer file of its first, most frequent, sense} from WordNet's noun index."""
    files = {}
    with (wordnet / "data.noun").open(encoding="latin-1") as fh:
        for line in fh:
            if not line.startswith(" "):
                f = line.split(maxsplit=2)
                files[f[0]] = f[1]
    out = {}
    with (wordnet / "index.noun").open(encoding="latin-1") as fh:
        for line in fh:
            if not line.startswith(" "):
                f = line.split()
                out[f[0]] = files[f[6 + int(f[3])]]
    return out


def read_derivations(wordnet: Path) -> dict[str, dict[str, str]]:
    """{verb: {noun: lexicographer file name}} from WordNet's verb-to-noun derivation links.

    Only one-word nouns of :data:`NOUN_FILES`; a link from one word of a synset
    (its source number) joins that word alone, a link numbered 0 the whole synset.
    """
    nouns: dict[str, tuple[str, list[str]]] = {}
    with (wordnet / "data.noun").open(encoding="latin-1") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            f = line.split()
            count = int(f[3], 16)
            nouns[f[0]] = (f[1], [f[4 + 2 * i].lower() for i in range(count)])
    out: dict[str, dict[str, str]] = {}
    with (wordnet / "data.verb").open(encoding="latin-1") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            f = line.split()
            count = int(f[3], 16)
            words = [f[4 + 2 * i].lower() for i in range(count)]
            k = 4 + 2 * count
            pointers = int(f[k])
            k += 1
            for _ in range(pointers):
                symbol, offset, pos, st = f[k:k + 4]
                k += 4
                if symbol != "+" or pos != "n" or nouns[offset][0] not in NOUN_FILES:
                    continue
                lexfile, nwords = nouns[offset]
                src, tgt = int(st[:2], 16), int(st[2:], 16)
                for si, verb in enumerate(words):
                    if src and si + 1 != src:
                        continue
                    for ti, noun in enumerate(nwords):
                        if (not tgt or ti + 1 == tgt) and noun.isalpha():
                            out.setdefault(verb, {}).setdefault(noun, NOUN_FILES[lexfile])
    return out


def read_verbs() -> dict[str, tuple[str, str, str, frozenset[str]]]:
    """{one-word verb: (edge verb, cameo root, category, flags)}, verbs.tsv first."""
    verbs: dict[str, tuple[str, str, str, frozenset[str]]] = {}
    for name in ("verbs.tsv", "cameo_verbs.tsv"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            word, pos, verb, cameo, category, flags = line.split("\t")
            if pos == "V" and " " not in word:
                verbs.setdefault(word, (verb, cameo, category, frozenset() if flags == "-" else frozenset(flags.split(","))))
    return verbs


def hand_nouns() -> set[str]:
    """The event nouns ``verbs.tsv`` names itself (they win)."""
    out = set()
    for line in (DATA / "verbs.tsv").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#") and line.strip() and line.split("\t")[1] == "N":
            out.add(line.split("\t")[0])
    return out


def parser_nouns() -> frozenset[str]:
    """The noun lemmas spaCy's English lemmatizer knows (its ``lemma_index``)."""
    sys.path.insert(0, str(ROOT))
    from nlp.run.model import load_model

    table = load_model().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(table["noun"])


def nominalisations(derivations: dict[str, dict[str, str]], verbs: dict, known: frozenset[str] | set[str],
                    skip: set[str] | frozenset[str] = frozenset(),
                    first: dict[str, str] | None = None) -> dict[str, tuple[str, str, str, str]]:
    """{noun: (verb, cameo, category, flags)} for the lexicon verbs' event nouns.

    With ``first`` (:func:`read_first_senses`), a noun is kept only when its
    most frequent sense is in :data:`FIRST_SENSE_FILES`, and a noun spelt as
    its verb ("ring", "press", "raid") only when that sense is an act, event
    or communication itself.

    >>> derivations = {"submit": {"submission": "act"}, "say": {"saying": "communication"},
    ...                "apologise": {"apology": "act"}, "apologize": {"apology": "act"}}
    >>> verbs = {"submit": ("submit", "08", "yield", frozenset()), "say": ("say", "01", "statement", frozenset({"speech"})),
    ...          "apologise": ("apologise", "05", "cooperate", frozenset()),
    ...          "apologize": ("apologize", "05", "cooperate", frozenset({"symmetric"}))}
    >>> sorted(nominalisations(derivations, verbs, {"submission", "saying", "apology"}).items())
    [('apology', ('apologize', '05', 'cooperate', 'symmetric')), ('submission', ('submit', '08', 'yield', '-'))]
    """
    found: dict[str, list[tuple[str, str, str, str, str]]] = {}
    for word, (verb, cameo, category, flags) in verbs.items():
        if cameo in SKIP_ROOTS or flags & SKIP_FLAGS:
            continue
        for noun in derivations.get(word, {}):
            if first is not None and first.get(noun) not in (NOUN_FILES if noun == word else FIRST_SENSE_FILES):
                continue
            if noun in known and noun not in skip and noun not in SKIP:
                mark = "symmetric" if "symmetric" in flags else "-"
                found.setdefault(noun, []).append((word, verb, cameo, category, mark))
    out = {}
    for noun, rows in found.items():
        word, verb, cameo, category, mark = max(rows, key=lambda r: (len(commonprefix([noun, r[0]])), r[0]))
        out[noun] = (verb, cameo, category, mark)
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    wordnet = Path(argv[0]) if argv else DEFAULT_WORDNET
    rows = nominalisations(read_derivations(wordnet), read_verbs(), parser_nouns(), hand_nouns(),
                           read_first_senses(wordnet))
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# Event nouns of the lexicon verbs (verbs.tsv, cameo_verbs.tsv): their nominalisations by the\n"
                 "# derivationally related forms of Princeton WordNet 3.0 (WordNet licence), acts, events and\n"
                 "# communications only, kept where spaCy's lemmatizer knows the noun; each with its verb's\n"
                 "# CAMEO root class. Derived by bench/build_nouns.py; do not edit by hand. Read after\n"
                 "# verbs.tsv and cameo_verbs.tsv, whose rows win. Columns as nlp/data/verbs.tsv.\n")
        for noun, (verb, cameo, category, mark) in sorted(rows.items()):
            fh.write("\t".join((noun, "N", verb, cameo, category, mark)) + "\n")
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
