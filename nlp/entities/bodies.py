"""Public bodies and private ones: whose officer holds a public office.

"Foreign Ministry spokesman", "Security Council President" and "ANC Deputy
President" are officials; "Air France chairman", "CFDT spokesman" and
"National Farmers Union president" are not: a chairman, a spokesman or a
president is an officer of any body, and the office is public only when the
body is. A body is public when

- the field's actor dictionaries list it as intergovernmental or as a
  political or armed movement (``data/public_bodies.tsv``, derived from the
  Phoenix International and MilNonState actors by
  ``tools/make_public_bodies.py``: "European Commission", "NATO", "the EU",
  "Hamas");
- or its head word -- the last word, or the word before "of" / "for"
  ("Ministry of Defence") -- is an agent noun the CAMEO / Phoenix agents
  dictionaries file under a state code (government, military, judiciary,
  legislature, police, intelligence: ``data/agents.tsv``,
  ``data/cameo_agents.tsv``: "ministry", "army", "congress"), or one of the
  organisation heads of ``data/org_heads.txt`` that name a state institution
  or a party (:data:`STATE_HEADS`);
- or it is a seat of government or a country (``countries.lookup``).

Example
-------
>>> is_public_body("Foreign Ministry"), is_public_body("Security Council"), is_public_body("EU")
(True, True, True)
>>> is_public_body("Air France"), is_public_body("National Farmers Union"), is_public_body("Acme Corp")
(False, False, False)
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from nlp import lexicons
from nlp.entities import countries

#: CAMEO agent codes of the state: government, military, judiciary, legislature, police, intelligence, parties
STATE_CODES = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "SPY", "PTY"})
#: heads in ``data/org_heads.txt`` of a state institution or a party (the rest -- company, union,
#: association, club, church, foundation, bank -- are bodies of any kind)
STATE_HEADS = frozenset({"ministry", "parliament", "party", "council", "commission", "court", "tribunal", "senate",
                         "congress", "assembly", "government", "cabinet", "army", "navy", "military", "police",
                         "secretariat", "pentagon", "commons", "knesset", "duma", "bundestag", "department"})
_LINKS = frozenset({"of", "for"})


def _rows(name: str) -> list[list[str]]:
    with resources.files("nlp.data").joinpath(name).open(encoding="utf-8") as fh:
        return [ln.rstrip("\n").split("\t") for ln in fh if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def _state_nouns() -> frozenset[str]:
    out: dict[str, str] = {}
    for name in ("agents.tsv", "cameo_agents.tsv"):
        for row in _rows(name):
            out.setdefault(row[0].lower(), row[1])
    return frozenset(noun for noun, code in out.items() if code[:3] in STATE_CODES) | STATE_HEADS


@lru_cache(maxsize=1)
def _intergovernmental() -> frozenset[str]:
    return frozenset(lexicons.fold(row[0]) for row in _rows("public_bodies.tsv"))


def head_word(name: str) -> str:
    """The word that says what kind of body ``name`` is.

    >>> head_word("Ministry of Defence"), head_word("Welsh National Farmers' Union")
    ('ministry', 'union')
    """
    words = name.lower().replace("\u2019", "'").split()
    for i, w in enumerate(words):
        if w in _LINKS and i:
            return words[i - 1]
    return words[-1] if words else ""


def is_public_body(name: str) -> bool:
    """True when an officer of the body ``name`` holds a public office (see the module's docstring)."""
    if not name.strip():
        return False
    if lexicons.fold(name) in _intergovernmental() or countries.lookup(name):
        return True
    return head_word(name) in _state_nouns()


#: titles every kind of body gives its officers: public only when the body is ("Air France chairman")
OFFICER_TITLES = frozenset({"chairman", "chairwoman", "chairperson", "president", "vice-president", "spokesman",
                            "spokeswoman", "spokesperson", "leader", "chief", "secretary", "deputy", "director",
                            "head", "official", "executive", "representative", "negotiator"})


def is_officer_title(role: str) -> bool:
    """True when the role's head word is a title any body has ("deputy chairman", "chief spokesman").

    >>> is_officer_title("chief spokesman"), is_officer_title("Farm Commissioner")
    (True, False)
    """
    words = role.lower().split()
    return bool(words) and words[-1] in OFFICER_TITLES
