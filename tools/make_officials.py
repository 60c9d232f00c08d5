"""Derive ``nlp/data/officials.tsv`` from the PETRARCH2 / Phoenix actor dictionaries.

    python tools/make_officials.py ../shared/vendor/petrarch2 > nlp/data/officials.tsv

Phoenix.Countries.actors.txt (from CountryInfo) and Phoenix.International.actors.txt
list people who hold or held public office -- heads of state and government,
ministers, officials of international bodies -- each as a block of name lines
(the first the main name, ``+`` lines its spellings: "MUAMMAR_GADDAFI_",
"+MUAMMAR_QADHAFI_") followed by code lines ("[LBYGOV 19690901-20110823]").
Every person block whose codes name a government, elite, military, legislative
or judicial role (GOV, ELI, MIL, LEG, JUD) or an intergovernmental body (IGO)
gives one row per spelling of two words or more: ``spelling<TAB>main name``.
A spelling that starts with a title ("PRESIDENT_BORIS_YELTSIN") or names two
blocks is left out.
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")
_CODE = re.compile(r"\[([A-Z]{3}[A-Z]*)[^\]]*\]")
_ROLES = ("GOV", "ELI", "MIL", "LEG", "JUD")
#: first words of a spelling that are a title, not a name
_TITLES = {"PRESIDENT", "PRIME", "MINISTER", "SECRETARY-GENERAL", "SECRETARY", "KING", "QUEEN", "PRINCE", "GENERAL",
           "GEN.", "COLONEL", "CHAIRMAN", "AYATOLLAH", "HOJATOLISLAM", "SHEIKH", "SHEIK", "EMIR", "SULTAN", "DR.",
           "FORMER", "UNITED", "MOSCOW", "MR.", "MRS.", "MS.", "SIR", "LORD", "PRES.", "PM", "FOREIGN", "DEFENSE",
           "DEFENCE", "ADMIRAL", "MARSHAL", "CAPTAIN", "MAJOR", "LT.", "SEN.", "SENATOR", "GOVERNOR", "AMBASSADOR"}


def _name(raw: str) -> str:
    """ "+MUAMMAR_QADHAFI_  # comment" -> "Muammar Qadhafi" (words in title case)."""
    raw = raw.split("#", 1)[0].strip().lstrip("+")
    raw = _CODE.sub("", raw).strip()
    words = [w for w in re.split(r"[_\s]+", raw) if w]
    return " ".join(words)


def blocks(text: str):
    """(names, codes) of every actor block of a dictionary.

    A line without ``+`` starts an actor, ``+`` lines add spellings to it, and
    code lines (indented, or on the name line itself) give its codes; actors
    listed one after another with no codes between them share the codes that
    follow ("BORIS_YELTSIN_", "BORIS_N._YELTSIN", ... then "[RUSGOV ...]").
    """
    done: list[tuple[list[str], list[str]]] = []
    pending: list[tuple[list[str], list[str]]] = []     # actors still waiting for codes
    coded_last = False
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0].isspace() or line.lstrip().startswith("["):
            found = _CODE.findall(line)
            for block in pending:
                block[1].extend(found)
            coded_last = True
            continue
        name = _name(line)
        inline = _CODE.findall(line.split("#", 1)[0])
        if line.startswith("+") and pending and not coded_last:
            if name:
                pending[-1][0].append(name)
            pending[-1][1].extend(inline)
            continue
        if coded_last or inline and pending and pending[-1][1]:
            done.extend(pending)
            pending = []
        coded_last = False
        block = ([name] if name else [], list(inline))
        pending.append(block)
        if inline:
            done.extend(pending)
            pending = []
    done.extend(pending)
    for names, codes in done:
        if names and codes:
            yield names, codes


def main(folder: str) -> int:
    owners: dict[str, set[str]] = defaultdict(set)
    for f in FILES:
        text = (Path(folder) / f).read_text(encoding="utf-8", errors="replace")
        for names, codes in blocks(text):
            if not any(c[3:6] in _ROLES or c.startswith("IGO") or c.endswith("ELI") for c in codes):
                continue
            main_name = names[0]
            for n in names:
                words = n.split()
                if len(words) < 2 or words[0].upper() in _TITLES or not all(re.match(r"^[A-Z][A-Z.'\-]*$", w) for w in words):
                    continue
                owners[n.upper()].add(main_name.upper())
    print("# People who hold or held public office, one spelling a line: spelling<TAB>main name (upper case).")
    print("# Source: PETRARCH2 / Phoenix actor dictionaries (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt),")
    print("# openeventdata/petrarch2 commit 676801cd9cb2924bbbad09f86d15c9323e7097bf, MIT licence, Copyright (c) 2014")
    print("# Open Event Data Alliance; derived with tools/make_officials.py (blocks coded GOV, ELI, MIL, LEG, JUD or IGO).")
    for spelling in sorted(owners):
        if len(owners[spelling]) == 1:
            print(f"{spelling}\t{next(iter(owners[spelling]))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
