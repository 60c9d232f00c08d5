"""Derive ``nlp/data/public_bodies.tsv`` from the PETRARCH2 / Phoenix International actors dictionary.

    python tools/make_public_bodies.py ../shared/vendor/petrarch2 > nlp/data/public_bodies.tsv

Phoenix.International.actors.txt files every international actor under a
code: intergovernmental bodies under IGO ("EUROPEAN_COMMISSION_ [IGOEUREEC]",
"+SECURITY_COUNCIL" of the UN block), companies under MNC, charities under
NGO. Each spelling of a block coded IGO and nothing else -- an institution,
not a person who served it (a person's codes carry the dates of the term) -- gives one row: the
spelling in lower case. Phoenix.MilNonState.actors.txt lists political and
armed movements ("HAMAS_", "AFRICAN_NATIONAL_CONGRESS_(SOUTH_AFRICA)_"): each
spelling of an undated block gives a row too. Their officers hold a public or
political office ("Security Council President", "Hamas official"); a
company's or a union's do not ("Air France chairman").
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_officials  # noqa: E402

#: a code with its date range, if any ("IGOEUREEC 650701-651231"): a dated block is a person's term
make_officials._CODE = re.compile(r"\[([A-Z]{3}[A-Z]*[^\]]*)\]")


def _undated(codes: list[str]) -> bool:
    return bool(codes) and not any(ch.isdigit() for c in codes for ch in c)


def main(folder: str) -> None:
    names: set[str] = set()
    text = (Path(folder) / "Phoenix.International.actors.txt").read_text(encoding="utf-8", errors="replace")
    for spellings, codes in make_officials.blocks(text):
        if _undated(codes) and all(c.startswith("IGO") for c in codes):   # not a company, a charity, a term
            names.update(s.lower() for s in spellings if s)
    text = (Path(folder) / "Phoenix.MilNonState.actors.txt").read_text(encoding="utf-8", errors="replace")
    for spellings, codes in make_officials.blocks(text):
        if _undated(codes):                   # political and armed movements ("HAMAS_", "AFRICAN_NATIONAL_CONGRESS")
            names.update(s.lower() for s in spellings if s)
    print("# Intergovernmental bodies (every spelling of an undated block coded IGO in the PETRARCH2 Phoenix")
    print("# International actors dictionary) and political and armed movements (every undated block of its")
    print("# MilNonState actors dictionary); openeventdata/petrarch2, commit 676801cd, MIT licence,")
    print("# Copyright (c) 2014-2015 Open Event Data Alliance; by tools/make_public_bodies.py; do not edit by hand.")
    for n in sorted(names):
        print(n)


if __name__ == "__main__":
    main(sys.argv[1])
