"""A generated news archive for ``make bench``: new people, organisations and places as it grows.

An archive is not one article copied: every week brings people nobody wrote
about before, while a few keep coming back. Each generated article draws its
people, companies and towns from Faker (person, company and city names of a
dozen locales), mostly new ones and sometimes one seen before (a long-tailed
choice, so a few recur often and most once), and writes them into news
sentences: roles, speech, meetings, quotes, a short name after the full one.
The same seed gives the same sequence, so a smaller corpus is the start of a
larger one. Long documents (reports, transcripts) name hundreds of people in
one text.

Example
-------
>>> docs = articles(2_000)
>>> sum(d["words"] for d in docs) >= 2_000, docs[0]["id"]
(True, 'news-000000')
>>> articles(2_000)[1]["text"] == docs[1]["text"]
True
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from functools import lru_cache

#: Faker locales whose names the archive mixes (Western, Slavic, Turkish, Indonesian, Vietnamese order)
LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR", "pl_PL", "nl_NL", "sv_SE",
           "tr_TR", "id_ID", "vi_VN")
#: countries a story may name (their names are known to every part of newsgraph)
COUNTRIES = ("France", "Germany", "Brazil", "Japan", "Kenya", "Canada", "India", "Poland", "Turkey", "Chile",
             "Indonesia", "Vietnam", "Spain", "Italy", "Sweden", "Nigeria", "Mexico", "Egypt", "Australia", "Peru")
#: locales whose Faker city names do not follow the seed (they differ from one process to the next)
_UNSEEDED_CITIES = frozenset({"it_IT"})
ROLES = ("Finance Minister", "Foreign Minister", "Trade Minister", "Interior Minister", "President",
         "Prime Minister", "Health Minister", "central bank governor")
JOBS = ("chief executive", "chairman", "spokeswoman", "spokesman", "chief financial officer", "founder", "director")
VERBS = ("met", "criticised", "praised", "accused", "thanked", "visited", "sued", "warned", "called", "supported")
TOPICS = ("the budget", "the new port", "wage talks", "the drought", "a rail contract", "fuel prices",
          "the merger", "the election", "tariffs on steel", "a water dispute", "the pension reform", "exports")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: sentences of one story; {p}, {q}: people (full name), {pl}, {ql}: their family names, {o}: a company,
#: {c}: a city, {n}, {m}: countries, {r}: a role, {j}: a job, {v}: a verb, {t}: a topic, {d}: a day, {k}: a number
SENTENCES = (
    "{r} {p} of {n} {v} {q} in {c} on {d}, officials said.",
    "{pl} told reporters in {c} that {t} would be settled by the end of the year.",
    '"We will not accept this," {pl} said, adding that {n} had been patient.',
    "{q}, the {j} of {o}, said the company would invest {k} million dollars in {c}.",
    "Shares of {o} rose {k} percent after {ql} announced a deal with {n}.",
    "{o} said in a statement that it had signed a contract with the government of {m}.",
    "{pl} and {ql} spoke by telephone on {d} about {t}, according to a person familiar with the call.",
    "Police in {c} arrested {k} people after protests over {t}.",
    "The talks in {c} are expected to continue next week, {pl} said.",
    "Analysts said {t} could cost {n} as much as {k} billion dollars over five years.",
    "{n} and {m} agreed to work together on {t}, {ql} said after the meeting.",
    "Critics of {pl} say the plan does little for farmers outside {c}.",
    '"It is a good day for {c}," {ql} told the local newspaper.',
    "{p}, who has led {o} since {y}, did not respond to a request for comment.",
    "The {j} of {o}, {q}, is due to visit {m} later this month.",
    "Trading in {c} was quiet on {d} as investors waited for news on {t}.",
    "{pl} has denied any wrongdoing.",
    "The decision by {o} surprised many in {c}, where the company employs {k} workers.",
    "Officials in {n} declined to comment on the report.",
    "The government is expected to publish its plans for {t} in the coming weeks.",
    "Prices of rice, wheat and cooking oil have risen sharply since the start of the year.",
    "Opposition lawmakers called for an inquiry into how the contract was awarded.",
    "{q} said {pl} had been informed of the decision in advance.",
    "The central bank kept interest rates unchanged at {k} percent.",
)


@lru_cache(maxsize=1)
def _pools(seed: int) -> tuple[list[str], list[str], list[str], list[str]]:
    """First names, family names, companies and cities drawn once from Faker, per locale."""
    from faker import Faker

    first, family, companies, cities = set(), set(), set(), set()
    for i, locale in enumerate(LOCALES):
        fake = Faker(locale)
        fake.seed_instance(seed + i)
        for _ in range(400):
            first.add(fake.first_name())
            family.add(fake.last_name())
        for _ in range(300):
            companies.add(fake.company())
            if locale not in _UNSEEDED_CITIES:
                cities.add(fake.city())
    clean = lambda names: sorted(n for n in names if n.replace("-", " ").replace("'", "").replace(" ", "").isalpha())
    return clean(first), clean(family), clean(companies), clean(cities)


class _Cast:
    """Who an archive writes about: new names keep coming, a few old ones recur."""

    def __init__(self, rng: random.Random, pool: list[str] | None, make=None) -> None:
        self.rng, self.pool, self.make = rng, pool, make
        self.seen: list[str] = []
        self.used: set[str] = set()

    def draw(self, new_share: float = 0.7) -> str:
        if self.seen and self.rng.random() > new_share:
            # long-tailed: the most written-about come back most often
            return self.seen[min(len(self.seen) - 1, int(self.rng.paretovariate(1.2)) - 1)]
        for _ in range(50):
            name = self.make() if self.make else self.rng.choice(self.pool)
            if name not in self.used:
                break
        self.used.add(name)
        self.seen.insert(self.rng.randrange(min(len(self.seen), 20) + 1), name)
        return name


def _distinct(cast: _Cast, n: int) -> list[str]:
    """``n`` different names of a cast (fewer if it keeps giving the same)."""
    names: list[str] = []
    for _ in range(4 * n):
        name = cast.draw()
        if name not in names:
            names.append(name)
        if len(names) == n:
            break
    return names if len(names) > 1 else names + [cast.draw(new_share=1.0)]


def _family(name: str) -> str:
    return name.split()[-1]


def _story(rng: random.Random, people: _Cast, orgs: _Cast, cities: _Cast, sentences: int) -> str:
    """One story's paragraphs: its cast named in full once, then by family name."""
    cast = _distinct(people, rng.randint(2, 5))
    firms = _distinct(orgs, rng.randint(1, 3))
    towns = _distinct(cities, rng.randint(1, 3))
    named: set[str] = set()
    paragraphs, paragraph = [], []
    for i in range(sentences):
        p, q = rng.sample(cast, 2)
        slots = {"p": p, "q": q, "pl": _family(p) if p in named else p, "ql": _family(q) if q in named else q,
                 "o": rng.choice(firms), "c": rng.choice(towns), "n": rng.choice(COUNTRIES),
                 "m": rng.choice(COUNTRIES), "r": rng.choice(ROLES), "j": rng.choice(JOBS), "v": rng.choice(VERBS),
                 "t": rng.choice(TOPICS), "d": rng.choice(DAYS), "k": rng.randint(2, 90), "y": rng.randint(1990, 2024)}
        template = SENTENCES[0] if i == 0 else rng.choice(SENTENCES)
        text = template.format(**slots)
        named.update(x for x in (p, q) if x in text)
        paragraph.append(text)
        if len(paragraph) >= rng.randint(1, 3):
            paragraphs.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        paragraphs.append(" ".join(paragraph))
    return "\n\n".join(paragraphs)


def _archive(seed: int, long_words: int = 0) -> Iterator[dict]:
    """Articles one after another, for ever; with ``long_words``, documents of about that many words."""
    rng = random.Random(seed)
    first, family, companies, cities = _pools(seed)
    people = _Cast(rng, None, lambda: f"{rng.choice(first)} {rng.choice(family)}")
    orgs = _Cast(rng, companies)
    towns = _Cast(rng, cities)
    i = 0
    while True:
        if long_words:
            parts, words = [], 0
            while words < long_words:             # a report: section after section, each with its own cast
                part = _story(rng, people, orgs, towns, rng.randint(15, 30))
                parts.append(part)
                words += len(part.split())
            text, kind = "\n\n".join(parts), "report"
        else:
            text, kind = _story(rng, people, orgs, towns, rng.randint(20, 50)), "news"
        yield {"id": f"{kind}-{i:06d}", "title": f"{kind.title()} {i}", "date": f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
               "source": "bench archive", "text": text, "words": len(text.split())}
        i += 1


def articles(words: int, seed: int = 14) -> list[dict]:
    """News stories of a few hundred words each, totalling at least ``words`` words."""
    return _take(_archive(seed), words)


def long_documents(words: int, each: int = 20_000, seed: int = 41) -> list[dict]:
    """Documents of about ``each`` words (reports naming hundreds of people), totalling at least ``words``."""
    return _take(_archive(seed, long_words=each), words)


def _take(stream: Iterator[dict], words: int) -> list[dict]:
    docs, total = [], 0
    while total < words:
        d = next(stream)
        docs.append(d)
        total += d["words"]
    return docs
