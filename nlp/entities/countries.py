"""Countries from maintained data: names, short forms, demonyms and capitals.

Names, codes and official names come from pycountry (ISO 3166-1, and ISO
3166-3 for states that no longer exist: "Zaire", "Yugoslavia"); alternative
spellings, demonyms and capitals from countryinfo; a few common English short
forms neither package has ("America", "Britain") from
``data/country_short_forms.tsv`` and demonyms countryinfo lacks ("Saudi",
"Argentine") from ``data/demonyms.tsv``; both files say where they come from.

Example
-------
>>> lookup("Peruvians").code, lookup("Lima").via
('PE', 'capital')
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry


@dataclass(frozen=True, slots=True)
class CountryHit:
    code: str      # ISO 3166-1 alpha-2
    name: str      # display name ("United States")
    via: str       # "name", "demonym" or "capital" (a capital or seat of government)


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Fold a surface form for lookup: accents, case, dots, "the", possessive.

    >>> normalize("the U.S.'s")
    'us'
    """
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("\u2018", "'").strip()
    s = re.sub(r"'s?$", "", s)
    s = s.lower().replace(".", "")
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"\s+", " ", s).strip()


def _display_name(country) -> str:
    return getattr(country, "common_name", None) or country.name


def _plural(demonym: str) -> list[str]:
    if demonym.endswith(("chman", "shman", "woman")):
        return [demonym[:-3] + "men"]                # "Frenchmen", "Irishwomen"; "Germans" are no "Germen"
    if demonym.endswith(("ese", "ss", "ch", "sh")):
        return [demonym]
    return [demonym + "s"]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, CountryHit], dict[str, str]]:
    """Build {normalized surface form: hit} and {code: display name} once."""
    import countryinfo

    names: dict[str, str] = {}
    table: dict[str, CountryHit] = {}

    def add(form: str, code: str, via: str, override: bool = False) -> None:
        key = normalize(form)
        if not key or key in table and (table[key].via == "name" or not override):
            return
        table[key] = CountryHit(code, names[code], via)

    for c in pycountry.countries:
        names[c.alpha_2] = _display_name(c)
    # countryinfo's own English names are the everyday ones ("United States",
    # "South Korea", "Russia"): prefer them for the label.
    infos = []
    for ci in countryinfo.all_countries():
        try:
            info = ci.info()
        except Exception:  # a record without ISO data: nothing to key it on
            continue
        code = (info.get("ISO") or {}).get("alpha2")
        if code and code in names:
            infos.append((code, info))
    # several records share a code (GB: England, Wales, ...) and several
    # countries a demonym ("Chinese"): the most populous one wins.
    infos.sort(key=lambda ci: ci[1].get("population") or 0)
    for code, info in infos:
        names[code] = info.get("name") or names[code]
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if getattr(c, attr, None):
                add(getattr(c, attr), c.alpha_2, "name")
    # states that no longer exist but fill the archives ("Zaire", "Yugoslavia", "USSR"), where their
    # code is not reused by a state of today (Byelorussian SSR's BY is Belarus's)
    for h in pycountry.historic_countries:
        code = getattr(h, "alpha_2", "")
        if code and code not in names:
            names[code] = h.name.split(",")[0].strip()
    for code, info in infos:
        add(info["name"], code, "name")
        for alt in info.get("altSpellings") or []:
            # two- and three-letter codes ("CA", "IN", "CHN") are ordinary
            # words or noise in running text; only the well-known ones stay
            if len(alt) <= 3 and alt not in ("US", "USA", "UK"):
                continue
            if not alt.isascii():
                continue
            add(alt, code, "name")
    for h in pycountry.historic_countries:                 # after every state of today: "France" is not FX
        code = getattr(h, "alpha_2", "")
        if code in names and names[code] == h.name.split(",")[0].strip():
            add(names[code], code, "name")
    for code, info in infos:
        dem = info.get("demonym")
        if dem:
            for form in [dem, *_plural(dem)]:
                add(form, code, "demonym", override=True)
    for code, info in infos:
        caps = info.get("capital") or []
        for cap in [caps] if isinstance(caps, str) else caps:
            add(cap, code, "capital")
            short = re.sub(r",?\s+D\.?C\.?$", "", cap)
            if short != cap:
                add(short, code, "capital")
    for name, via in (("country_short_forms.tsv", "name"), ("demonyms.tsv", "demonym"),
                      ("seats_of_government.tsv", "capital")):
        with resources.files("nlp.data").joinpath(name).open(encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or not line.strip():
                    continue
                code, form = line.rstrip("\n").split("\t")
                if code not in names:
                    continue
                for variant in [form, *_plural(form)] if via == "demonym" else [form]:
                    add(variant, code, via)
    return table, names


def lookup(text: str) -> CountryHit | None:
    """The country a surface form names, if any (name, demonym or capital).

    >>> lookup("Chinese").code
    'CN'
    >>> lookup("Vancouver") is None
    True
    """
    return _tables()[0].get(normalize(text))


@lru_cache(maxsize=1)
def _constituent_countries() -> dict[str, str]:
    names: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        if sub.type == "Country":                    # England, Scotland, Wales; Aruba, Curacao, Sint Maarten
            names[normalize(re.sub(r"\s*\[.*\]$", "", sub.name))] = sub.code
    return names


def constituent_country(text: str) -> str | None:
    """The ISO 3166-2 code of a country inside a sovereign state (England, Scotland, Wales), or None.

    Such a country fields national sides: in a sports story it is a country, no club.

    >>> constituent_country("Scotland"), constituent_country("WALES"), constituent_country("Kent")
    ('GB-SCT', 'GB-WLS', None)
    """
    return _constituent_countries().get(normalize(text))


def country_name(code: str) -> str:
    """Display name of an ISO alpha-2 code.

    >>> country_name("US"), country_name("GB-ENG")
    ('United States', 'England')
    """
    if "-" in code:
        sub = pycountry.subdivisions.get(code=code)
        return re.sub(r"\s*\[.*\]$", "", sub.name) if sub else code
    return _tables()[1].get(code, code)
