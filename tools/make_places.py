"""Derive ``nlp/data/places.tsv`` from the PETRARCH2 / Phoenix country dictionary.

    python tools/make_places.py ../shared/vendor/petrarch2 > nlp/data/places.tsv

In Phoenix.Countries.actors.txt each country is a block: its name with its
bare ISO code ("CUBA_  [CUB]") and ``+`` lines for the other words that name
it in event coding -- demonyms, cities, regions, provinces ("+HAVANA_",
"+SANTIAGO_DE_CUBA_", "+CHECHNYA_", "+WEST_BANK_"). Those other words are
places of that country; each becomes a row ``place<TAB>ISO alpha-2``.
Demonyms and words that also name a country elsewhere are left for the
country tables (``nlp.entities.countries``) to decide at run time.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pycountry

_BLOCK = re.compile(r"^(?P<name>[A-Z][A-Z_.'\-]*)\s+\[(?P<code>[A-Z]{3})\]")


def main(folder: str) -> int:
    text = (Path(folder) / "Phoenix.Countries.actors.txt").read_text(encoding="utf-8", errors="replace")
    rows: dict[str, str] = {}
    code = None
    for line in text.splitlines():
        m = _BLOCK.match(line)
        if m:
            country = pycountry.countries.get(alpha_3=m.group("code"))
            code = country.alpha_2 if country else None
            continue
        if not line.startswith("+"):
            code = None                                # a person or an office: the country's variants are over
            continue
        if code is None:
            continue
        words = [w for w in re.split(r"[_\s]+", line[1:].split("#", 1)[0].strip()) if w]
        if not words or not all(re.match(r"^[A-Z][A-Z.'\-]*$", w) for w in words):
            continue
        name = " ".join(words)
        if rows.get(name, code) != code:
            rows[name] = ""                            # two countries' place: no one answer
        else:
            rows[name] = code
    print("# Places (cities, regions, provinces) of each country, one a line: place<TAB>ISO 3166-1 alpha-2 (upper case).")
    print("# Source: PETRARCH2 / Phoenix Phoenix.Countries.actors.txt, the + spellings of each country block,")
    print("# openeventdata/petrarch2 commit 676801cd9cb2924bbbad09f86d15c9323e7097bf, MIT licence, Copyright (c) 2014")
    print("# Open Event Data Alliance; derived with tools/make_places.py.")
    for name in sorted(rows):
        if rows[name]:
            print(f"{name}\t{rows[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
