"""Derive ``nlp/data/cameo_verbs.tsv`` and ``nlp/data/cameo_agents.tsv`` from the PETRARCH2 dictionaries.

    python bench/build_lexicon.py [PETRARCH2_DIR]

``PETRARCH2_DIR`` defaults to ``shared/vendor/petrarch2`` beside the clone
(the dictionaries of openeventdata/petrarch2, MIT licence; see its
SOURCE.md). The derived files are committed: newsgraph reads them at run time
and never needs the dictionaries themselves.

What is taken, and why:

- **verbs** (``CAMEO.2.0.txt``): every verb of a synonym block with its own
  code, else the block's code (``--- NAME [code] ---``); a block with the null
  code ``---`` gives its verbs no class of their own (they may still link
  through a verb + object pattern). Multi-word verbs whose first word is the
  verb (``+HAND_OVER``) become ``hand over``: the clause reader looks them up
  with the verb's particle or preposition.
- **verb + object patterns** (``- * CONTROL + [code]``, ``- * &ASYLUM [code]``):
  a bare noun, or a synonym set's one-word members, as the direct object of
  the verb the pattern's comment names (else of every verb of the block):
  ``take control``, ``grant asylum``. A prepositional phrase after the
  object is dropped (``- * CONTROL (OF VILLAGES)`` gives ``seize control``);
  patterns with a subject, a phrase in braces or a particle before the
  object are left out: they need a pattern matcher, not a lexicon row.
- **agents** (``Phoenix.agents.txt``): one-word agent nouns of the codes that
  stand for a state acting (government, military, police, judiciary,
  legislature, intelligence): the clause reader reads "Iranian troops" as
  Iran. Rebels, dissidents, opposition and parties are left out: "Chinese
  dissidents" do not act for China.

The CAMEO code's first two digits are the root class (01-20), from which
:mod:`nlp.relations.verbs` derives QuadClass and polarity; ``category`` is
the root class's name.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SRC = ROOT.parent / "shared" / "vendor" / "petrarch2"
OUT_VERBS = ROOT / "nlp" / "data" / "cameo_verbs.tsv"
OUT_AGENTS = ROOT / "nlp" / "data" / "cameo_agents.tsv"

#: CAMEO root classes (Event and Actor Codebook) by their short name
ROOT_NAMES = {
    "01": "statement", "02": "appeal", "03": "intend", "04": "consult", "05": "cooperate",
    "06": "cooperate", "07": "aid", "08": "yield", "09": "investigate", "10": "demand",
    "11": "disapprove", "12": "reject", "13": "threaten", "14": "protest", "15": "force posture",
    "16": "reduce relations", "17": "coerce", "18": "assault", "19": "fight", "20": "mass violence",
}
#: agent codes that stand for their country acting (rebels, dissidents and parties act against or apart from it)
AGENT_CODES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
_CODE = re.compile(r"\[([^\]]*)\]")
_BLOCK = re.compile(r"^---\s+(.*?)\s+\[([^\]]*)\]\s+---")


def root_of(code: str) -> str:
    """The root class of a CAMEO code field, or "" for the null code.

    >>> root_of("173"), root_of("042:043"), root_of(":173"), root_of("---"), root_of("0356")
    ('17', '04', '17', '', '03')
    """
    parts = [p for p in code.strip().split(":") if p.strip()]
    for p in parts:
        p = p.strip()
        if p[:2].isdigit() and 1 <= int(p[:2]) <= 20:
            return p[:2]
    return ""


def _strip(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """{&LABEL: [one-word members, lower case]} from the synset section.

    >>> read_synsets(["&ASYLUM", "+ASYLUM", "+SAFE_HOUSE", "+REFUGE_"])
    {'&ASYLUM': ['asylum', 'refuge']}
    """
    out: dict[str, list[str]] = {}
    label = ""
    for raw in lines:
        line = _strip(raw).strip()
        if line.startswith("&"):
            label = line.split()[0]
            out.setdefault(label, [])
        elif line.startswith("+") and label:
            word = line[1:].split()[0].rstrip("_").lower()
            if word and "_" not in word:
                out[label].append(word)
        elif line.startswith("---"):
            label = ""
    return {k: v for k, v in out.items() if v}


def singular(noun: str) -> str:
    """The lemma a parser gives a regular plural noun ("sanctions" -> "sanction").

    >>> singular("sanctions"), singular("militias"), singular("talks"), singular("authorities"), singular("press")
    ('sanction', 'militia', 'talk', 'authority', 'press')
    """
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith(("ss", "us", "is")) and len(noun) > 3:
        return noun[:-1]
    return noun


def _verb_word(token: str) -> str:
    """A verb line's verb as the lemma the parser gives: ``+HAND_OVER`` -> ``hand over``; "" when the verb is not first.

    >>> _verb_word("+HAND_OVER"), _verb_word("ACCUSE"), _verb_word("WIRE_+TAP")
    ('hand over', 'accuse', '')
    """
    if "_" in token and not token.startswith("+"):
        return ""
    words = token.lstrip("+").lower().split("_")
    return " ".join(w for w in words if w)


def read_verbs(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """({verb: root}, {"verb object": root}) from the verb dictionary.

    >>> sample = '''&ASYLUM
    ... +ASYLUM
    ... ####### VERB PATTERNS #######
    ... ---  GRANT   [---]  ---
    ... GRANT
    ... AWARD [070]
    ... - * &ASYLUM   [0233]  # GRANT
    ... - * CONTROL   [---]
    ... - * LAND (IN {THE NORTH}) +  [192]  # GRANT
    ... - * AID   [070]  # AWARD
    ... ---  ACCUSE   [112]  ---
    ... +CHARGE_WITH {+CHARGED_WITH}
    ... ACCUSE
    ... '''
    >>> verbs, objects = read_verbs(sample)
    >>> sorted(verbs.items()), sorted(objects.items())
    ([('accuse', '11'), ('award', '07'), ('charge with', '11')], [('grant asylum', '02'), ('grant land', '19')])
    """
    lines = text.splitlines()
    start = next((i for i, ln in enumerate(lines) if "VERB PATTERNS" in ln), 0)
    synsets = read_synsets(lines[:start])
    verbs: dict[str, Counter] = {}
    objects: dict[str, Counter] = {}
    block_code, block_verbs = "", []
    for raw in lines[start + 1:]:
        line = _strip(raw)
        if not line.strip():
            continue
        m = _BLOCK.match(line.strip())
        if m:
            block_code, block_verbs = root_of(m.group(2)), []
            continue
        if line.startswith("-"):
            named = _verb_word(raw.split("#", 1)[1].strip().split()[0]) if "#" in raw and raw.split("#", 1)[1].strip() else ""
            body = line[1:].strip()
            code = _CODE.search(body)
            if not code or not body.startswith("*"):
                continue
            root = root_of(code.group(1))
            # the object before any prepositional phrase, its target markers ("+", "$") dropped
            obj = body[1:body.index("[")] if "[" in body else ""
            obj = " ".join(w for w in obj.split("(", 1)[0].split() if w not in ("+", "$", "%", "^"))
            if not root or not obj or " " in obj or "{" in obj or "^" in obj:
                continue
            nouns = synsets.get(obj, []) if obj.startswith("&") else [obj.lower().rstrip("_")]
            # the verb the pattern was found with (its comment), else every verb of the block
            named = named.split()[0] if named else ""
            owners = [named] if named in block_verbs else block_verbs
            for verb in owners:
                for noun in nouns:
                    if noun.isalpha():
                        objects.setdefault(f"{verb} {singular(noun)}", Counter())[root] += 1
            continue
        token = line.split()[0]
        if token.startswith(("&", "{")):
            continue
        word = _verb_word(token)
        if not word or not all(w.replace("-", "").isalpha() for w in word.split()):
            continue
        own = _CODE.search(line)
        root = root_of(own.group(1)) if own else block_code
        block_verbs.append(word.split()[0] if " " in word else word)
        if root:
            verbs.setdefault(word, Counter())[root] += 1
    pick = lambda c: c.most_common(1)[0][0]
    verbs_ = {w: pick(c) for w, c in verbs.items()}
    # a pattern that gives the verb's own class adds nothing
    return (verbs_, {w: pick(c) for w, c in objects.items()
                     if w not in verbs_ and pick(c) != verbs_.get(w.split()[0])})


def read_agents(text: str) -> dict[str, str]:
    """{one-word agent noun: code} for the codes in :data:`AGENT_CODES`.

    >>> read_agents("POLICE {} [~COP]\\nSOLDIER [~MIL]\\nFARMER [~AGR]\\nRIOT_POLICE {} [~COP]")
    {'police': 'COP', 'soldier': 'MIL', 'soldiers': 'MIL'}
    """
    out: dict[str, str] = {}
    for raw in text.splitlines():
        line = _strip(raw).strip()
        m = re.match(r"^([A-Z][A-Z-]*)_?\s*(\{[^}]*\})?\s*\[~?([A-Z]{3})", line)
        if not m or m.group(3) not in AGENT_CODES:
            continue
        word = m.group(1).lower()
        out.setdefault(word, m.group(3))
        if m.group(2) is None and not word.endswith("s"):
            plural = word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"
            out.setdefault(plural, m.group(3))  # the dictionary's regular plurals are generated, as PETRARCH does
    return out


HEADER = ("# Derived from the PETRARCH2 {name} (openeventdata/petrarch2, commit 676801cd, MIT licence,\n"
          "# Copyright (c) 2014-2015 Open Event Data Alliance) by bench/build_lexicon.py; do not edit by hand.\n")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    src = Path(argv[0]) if argv else DEFAULT_SRC
    verbs, objects = read_verbs((src / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace"))
    rows = [(w, "V", w.split()[0], r, ROOT_NAMES[r], "-") for w, r in sorted({**verbs, **objects}.items())]
    with OUT_VERBS.open("w", encoding="utf-8") as fh:
        fh.write(HEADER.format(name="CAMEO verb dictionary CAMEO.2.0.txt"))
        fh.write("# Columns as nlp/data/verbs.tsv: word, pos, verb, cameo root, category, flags. Read after\n"
                 "# verbs.tsv, whose rows win. A two-word word is a verb and its particle, preposition or object.\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    agents = read_agents((src / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace"))
    with OUT_AGENTS.open("w", encoding="utf-8") as fh:
        fh.write(HEADER.format(name="Phoenix agents dictionary Phoenix.agents.txt"))
        fh.write("# One-word agent nouns of state and group codes; read after agents.tsv, whose rows win.\n")
        for word, code in sorted(agents.items()):
            fh.write(f"{word}\t{code}\n")
    print(f"{OUT_VERBS.relative_to(ROOT)}: {len(rows)} rows; {OUT_AGENTS.relative_to(ROOT)}: {len(agents)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
