"""Pronoun antecedents by one deterministic rule, without a coreference model.

The rule, in order:

1. Only third-person pronouns resolve: he/him/his/she/her (a person or
   official), it/its (a country, organisation or outlet), they/them/their (two
   coordinated entities, "Lula and Milei", or one plural mention, "Canadians").
   "it" resolves only as a subject, not of "be" ("it is time to ..."), and
   only to an antecedent that was a subject: elsewhere it mostly stands for
   an event or for nothing.
2. Candidates are entity mentions that end before the pronoun, in its own
   sentence or the two before it. Adjectival mentions ("Canadian police") and
   compounds of a common noun ("the Lopez case") are modifiers, not antecedents.
3. A non-possessive pronoun never takes the subject of its own verb
   ("Lula invited him": him is not Lula).
4. In the pronoun's own sentence the nearest compatible candidate wins; for
   a subject pronoun, the nearest one in subject position, if any
   ("Lula did not criticize Milei, but he said ...": he is Lula). In an
   earlier sentence, the nearest sentence with candidates must offer exactly
   one entity, or exactly one in subject position; otherwise there is no
   confident antecedent and the pronoun stays unresolved. Of several
   subjects there, the one subject of the sentence's main verb wins
   ("Lula, whom Milei met, flew home. He ...": he is Lula).

"The 26-year-old" (a definite age description standing alone, wire style
for the person just named) resolves as "he" or "she" does
(:func:`is_age_description`).

Definite descriptions by form of state ("the kingdom", "the sultanate")
resolve the same way to the one such country named nearest before them
(:meth:`Pronouns.describe`).

Example
-------
>>> import spacy
>>> from spacy.tokens import Doc
>>> from nlp.mentions import MentionIndex
>>> words = ["Merkel", "said", "she", "met", "Macron", "."]
>>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 1, 3, 1],
...           deps=["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "punct"], sent_starts=[1, 0, 0, 0, 0, 0])
>>> index = MentionIndex(); index.add(0, 1, "person:merkel"); index.add(4, 5, "person:macron")
>>> Pronouns(doc, index, {"person:merkel": "person", "person:macron": "person"}).resolve(doc[2])
('person:merkel',)
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from spacy.tokens import Doc, Token

from nlp.mentions import MentionIndex
from nlp.scan import text_of

PERSON_TYPES = frozenset({"person", "official"})
GROUP_TYPES = frozenset({"country", "organization", "outlet"})
#: pronoun -> which antecedents it takes
PRONOUNS = {
    "he": "person", "him": "person", "his": "person", "himself": "person",
    "she": "person", "her": "person", "hers": "person", "herself": "person",
    "it": "group", "its": "group", "itself": "group",
    "they": "plural", "them": "plural", "their": "plural", "themselves": "plural",
}
#: words that say a named person is a woman or a man when they title the name or stand in apposition to it
#: ("Mrs Thatcher", "his sister Lisa", "spokeswoman Ana Ruiz")
FEMININE = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "madame", "mme", "mme.", "lady", "dame", "queen",
                      "princess", "duchess", "baroness", "empress", "sister", "mother", "wife", "widow", "daughter",
                      "niece", "aunt", "grandmother", "woman", "girl", "actress", "spokeswoman", "chairwoman",
                      "businesswoman", "congresswoman", "nun"})
MASCULINE = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "duke", "baron", "emperor", "brother", "father",
                       "husband", "widower", "son", "nephew", "uncle", "grandfather", "man", "boy", "spokesman",
                       "businessman", "congressman", "pope", "monk"})
#: the gender a pronoun of a person says
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
_OBJ_DEPS = frozenset({"dobj", "dative", "obj", "iobj", "pobj"})
_MODIFIER_DEPS = frozenset({"amod"})
_PLURAL_TAGS = frozenset({"NNPS", "NNS"})
#: forms of state a definite noun can call a country by ("the kingdom" after "Riyadh")
STATE_FORMS = frozenset({"kingdom", "emirate", "sultanate", "principality", "duchy"})
#: sentences before the pronoun's own that may hold its antecedent
WINDOW = 2
#: sentences wholly inside a quotation that a pronoun's antecedent may lie beyond
MAX_QUOTED = 4


@dataclass(frozen=True, slots=True)
class _Mention:
    end: int  # token index just past the mention
    keys: tuple[str, ...]
    kind: str  # "person", "group" or "plural"
    subject: bool
    verb: int  # token index of the verb the mention is an argument of, or -1
    subjects_only: bool = False  # an antecedent of subject pronouns only ("PLO officials said they ...")


class Pronouns:
    """Resolve third-person pronouns of one parsed document to entity keys."""

    def __init__(self, doc: Doc, index: MentionIndex, types: dict[str, str]) -> None:
        self.doc = doc
        self.sent_starts = [s.start for s in doc.sents]
        self.roots = [s.root.i for s in doc.sents]
        self.by_sent: dict[int, list[_Mention]] = {}
        spans = sorted(index.spans)
        #: person key -> "f" or "m" where the story's words say which (see :func:`_gender_words`)
        said: dict[str, set[str]] = {}
        for start, end, key in spans:
            if types.get(key, "") in PERSON_TYPES:
                said.setdefault(key, set()).update(_gender_words(doc, start, end))
        self.gender = {k: next(iter(g)) for k, g in said.items() if len(g) == 1}
        for start, end, key in spans:
            head = _head(doc, start, end)
            if head.dep_ in _MODIFIER_DEPS or (head.dep_ == "compound" and head.head.pos_ == "NOUN"):
                continue  # "Canadian police", "the Lopez case": modifiers, not antecedents
            typ = types.get(key, "")
            kinds = []
            if typ in PERSON_TYPES:
                kinds.append("person")
            elif typ in GROUP_TYPES:
                kinds.append("plural" if head.tag_ in _PLURAL_TAGS else "group")
            # a name parsed as the root of its sentence is what the sentence is about
            subject = (head.dep_ in _SUBJ_DEPS or (head.dep_ == "conj" and head.head.dep_ in _SUBJ_DEPS)
                       or (head.dep_ == "ROOT" and head.pos_ == "PROPN"))
            verb = head.head.i if head.dep_ in _SUBJ_DEPS | _OBJ_DEPS else -1
            sent = self._sent_of(start)
            for kind in kinds:
                self.by_sent.setdefault(sent, []).append(_Mention(end, (key,), kind, subject, verb))
            # two coordinated entities are one plural antecedent: "Lula and Milei"
            for child in head.children:
                if child.dep_ == "conj" and (other := index.key_of(child.i)) and other != key:
                    self.by_sent.setdefault(sent, []).append(
                        _Mention(child.i + 1, (key, other), "plural", subject, verb))
        for mentions in self.by_sent.values():
            mentions.sort(key=lambda m: m.end)
        self.quoted = _quoted_sentences(doc)

    def add_reference(self, head: Token, key: str, typ: str, *, subjects_only: bool = False) -> None:
        """A noun phrase that takes up an entity without naming it ("the commission" for the Truth and
        Reconciliation Commission) is an antecedent as its name would be ("The commission was set up last
        year. It is chaired by ..."); with ``subjects_only``, only of a subject pronoun ("PLO officials
        said they ...", but not the "their" of "Iranian police burst in while he was entertaining six
        writers and their wives")."""
        if typ in PERSON_TYPES:
            kind = "person"
        elif typ in GROUP_TYPES:
            kind = "plural" if head.tag_ in _PLURAL_TAGS else "group"
        else:
            return
        subject = head.dep_ in _SUBJ_DEPS or (head.dep_ == "conj" and head.head.dep_ in _SUBJ_DEPS)
        verb = head.head.i if head.dep_ in _SUBJ_DEPS | _OBJ_DEPS else -1
        mentions = self.by_sent.setdefault(self._sent_of(head.i), [])
        mentions.append(_Mention(head.i + 1, (key,), kind, subject, verb, subjects_only))
        mentions.sort(key=lambda m: m.end)

    def subjects_between(self, start: int, end: int, kind: str) -> set[str]:
        """Keys of ``kind`` ("person", "group", "plural") named as subjects between two tokens."""
        out: set[str] = set()
        for s in range(self._sent_of(start), self._sent_of(max(end, start)) + 1):
            for m in self.by_sent.get(s, ()):
                if m.kind == kind and m.subject and start <= m.end - 1 < end:
                    out.update(m.keys)
        return out

    def describe(self, tok: Token) -> tuple[str, ...]:
        """The one country a definite "the kingdom", "the sultanate" stands for; ``()`` when unsure.

        The nearest sentence (its own, or up to two before) naming a country
        of that form must name exactly one.
        """
        form = tok.lemma_.lower()
        if form not in STATE_FORMS or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return ()
        sent = self._sent_of(tok.i)
        for s in range(sent, max(sent - WINDOW - 1, -1), -1):
            fits = {m.keys for m in self.by_sent.get(s, ()) if (s < sent or m.end <= tok.i)
                    and len(m.keys) == 1 and is_state_form(m.keys[0], form)}
            if fits:
                return next(iter(fits)) if len(fits) == 1 else ()
        return ()

    def _sent_of(self, token_i: int) -> int:
        return bisect_right(self.sent_starts, token_i) - 1

    def resolve(self, tok: Token, *, skip: tuple[int, int] = (0, 0), kind: str | None = None) -> tuple[str, ...]:
        """Entity keys the pronoun ``tok`` stands for; ``()`` when not confident.

        Mentions inside the token range ``skip`` are not candidates (the quote
        a "he said" follows names others than its speaker). ``kind`` treats
        another word as a pronoun of that kind ("the 26-year-old": a person).
        """
        kind = kind or PRONOUNS.get(tok.lower_)
        if kind is None:
            return ()
        if tok.lower_ in ("it", "itself") and (tok.dep_ not in _SUBJ_DEPS or (tok.head.lemma_ == "be" and not _ready(tok.head))):
            return ()  # object "it" and "it is ..." mostly stand for events or nothing; "it is prepared to" acts
        bound = self._bound_possessive(tok, kind)
        if bound is not None:
            return bound
        subject_only = tok.lower_ == "it"
        own_verb = tok.head.i if tok.dep_ in _OBJ_DEPS and tok.dep_ != "pobj" else -1
        # "Pope John Paul II and David Levy sent her get-well messages": a singular possessive on the object
        # is neither of two coordinated subjects
        pair = self._coordinated_subject(tok)
        skip_lo, skip_hi = (pair.left_edge.i, pair.right_edge.i + 1) if pair is not None else (0, 0)
        sent = self._sent_of(tok.i)
        for s in self._window(sent):
            cands = [m for m in self.by_sent.get(s, ()) if m.kind == kind and self._agrees(tok, m.keys)
                     and (s < sent or m.end <= tok.i) and not skip_lo < m.end <= skip_hi
                     and not (own_verb >= 0 and m.subject and m.verb == own_verb)
                     and (m.subject or not subject_only)
                     and not (m.subjects_only and tok.dep_ not in _SUBJ_DEPS)
                     and not skip[0] < m.end <= skip[1]]
            if not cands:
                continue
            said = _PRONOUN_GENDER.get(tok.lower_)
            marked = [m for m in cands if said == "f" and all(self.gender.get(k) == "f" for k in m.keys)]
            if marked:
                # "Mamatuyev joked that his sister Lisa was a rebel, and she ...": she is Lisa (a man's gender
                # goes mostly unsaid in a wire story, so an unmarked name is no evidence against "he")
                cands = marked
            if s == sent:
                # a subject pronoun continues the subject before it ("X did not criticize Y, but he said")
                subjects_before = [m for m in cands if m.subject] if tok.dep_ in _SUBJ_DEPS else []
                return (subjects_before or cands)[-1].keys
            distinct = {m.keys for m in cands}
            if len(distinct) == 1:
                return cands[-1].keys
            subjects = {m.keys for m in cands if m.subject}
            if len(subjects) > 1:
                # "Lopes, whom Ruiz ordered ..., struck a deal. He ...": the main clause's subject
                root = self.roots[s]
                subjects = {m.keys for m in cands if m.subject and m.verb == root}
            return next(iter(subjects)) if len(subjects) == 1 else ()
        return ()

    def _agrees(self, tok: Token, keys: tuple[str, ...]) -> bool:
        """A "she" is no person the story calls a man, a "he" no woman ("his sister Lisa ... she")."""
        said = _PRONOUN_GENDER.get(tok.lower_)
        return said is None or all(self.gender.get(k, said) == said for k in keys)

    def _window(self, sent: int) -> list[int]:
        """The pronoun's sentence and the ``WINDOW`` before it, newest first; a sentence wholly inside a
        quotation does not count ("Currin said this was not the best way. "A person can be forced ...
        At the moment this is not the case." He cited Coetzee": he is still Currin), up to
        ``MAX_QUOTED`` of them."""
        out, plain, quoted = [sent], 0, 0
        for s in range(sent - 1, -1, -1):
            if plain >= WINDOW:
                break
            if s in self.quoted and sent not in self.quoted:
                quoted += 1
                if quoted > MAX_QUOTED:
                    break
            else:
                plain += 1
            out.append(s)
        return out

    @staticmethod
    def _coordinated_subject(tok: Token) -> Token | None:
        """The subject of the verb whose object a singular possessive ("her", "his") qualifies, when that
        subject is two coordinated phrases; None else."""
        noun = tok.head
        if tok.dep_ != "poss" or tok.lower_ not in _PRONOUN_GENDER or noun.dep_ != "dobj":
            return None
        subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        return subj if subj is not None and any(c.dep_ == "conj" for c in subj.children) else None

    def _bound_possessive(self, tok: Token, kind: str) -> tuple[str, ...] | None:
        """"It will make its plans void", "Ruiz praised his rival": a possessive on the direct object
        is its verb's subject's when that subject is of its kind (a pronoun resolved, or a name); None else."""
        noun = tok.head
        if tok.dep_ != "poss" or noun.dep_ != "dobj" or noun.head.i == noun.i:
            return None
        subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subj is None or self._coordinated_subject(tok) is not None:
            return None
        if PRONOUNS.get(subj.lower_) == kind:
            bound = self.resolve(subj)
            return bound if self._agrees(tok, bound) else None
        own = [m for m in self.by_sent.get(self._sent_of(subj.i), ()) if m.kind == kind and m.subject
               and m.verb == noun.head.i]
        # "Pope John Paul II sent her get-well messages": "her" is no man's
        return own[-1].keys if own and self._agrees(tok, own[-1].keys) else None


#: adjectives of readiness: "it is prepared / ready / willing to ..." has an actor for its "it"
READY_ADJECTIVES = frozenset({"prepared", "ready", "willing", "determined", "eager", "keen", "reluctant",
                              "unwilling", "unable", "able", "obliged", "committed"})


def _ready(be: Token) -> bool:
    """"it is prepared to grant ...": a copula whose adjective of readiness governs an infinitive."""
    return any(c.dep_ == "acomp" and c.lower_ in READY_ADJECTIVES and any(x.dep_ == "xcomp" for x in c.children)
               for c in be.children)


@lru_cache(maxsize=1024)
def is_state_form(key: str, form: str) -> bool:
    """Whether the country ``key`` is officially a ``form`` (ISO 3166 names, via pycountry).

    >>> is_state_form("country:SA", "kingdom"), is_state_form("country:OM", "sultanate"), is_state_form("country:TR", "kingdom")
    (True, True, False)
    """
    if not key.startswith("country:"):
        return False
    country = pycountry.countries.get(alpha_2=key.split(":", 1)[1])
    if country is None:
        return False
    names = f"{getattr(country, 'official_name', '')} {country.name}".lower()
    return form in names


def _gender_words(doc: Doc, start: int, end: int) -> set[str]:
    """"f" and/or "m" for what titles a person's mention or stands beside it: a word of the name before its
    head or just before the name ("Mother Teresa", "Mrs Thatcher"; not the "King" of "Billie Jean King"), a compound or apposition of its head ("spokeswoman Ana
    Ruiz", "Lisa, his sister"), or the noun the name is in apposition to ("his sister Lisa")."""
    head = _head(doc, start, end)
    words = [*doc[start:end], *head.children]
    if start > 0:
        words.append(doc[start - 1])
    if head.dep_ in ("appos", "compound"):
        words.append(head.head)
    out = set()
    for w in words:
        if start <= w.i < head.i or w.i == start - 1 or (w.dep_ in ("appos", "compound") and not start <= w.i < end) \
                or (w.i == head.head.i and not start <= w.i < end):
            low = w.lower_
            if low in FEMININE:
                out.add("f")
            elif low in MASCULINE:
                out.add("m")
    return out


def _quoted_sentences(doc: Doc) -> frozenset[int]:
    """Positions (in ``doc.sents`` order) of the sentences whose words all lie inside quotation marks."""
    from nlp.relations.quotes.stretches import quote_stretches  # the quote package reads clauses, hence actors

    stretches = quote_stretches(text_of(doc))
    if not stretches:
        return frozenset()
    out = set()
    for n, sent in enumerate(doc.sents):
        words = [t for t in sent if not t.is_space and not t.is_punct]
        if words and any(s <= words[0].idx and words[-1].idx + len(words[-1]) <= e for s, e, _ in stretches):
            out.add(n)
    return frozenset(out)


def _head(doc: Doc, start: int, end: int) -> Token:
    """The token of ``doc[start:end]`` whose head lies outside it."""
    for tok in doc[start:end]:
        if not (start <= tok.head.i < end) or tok.head.i == tok.i:
            return tok
    return doc[end - 1]


def is_age_description(tok: Token) -> bool:
    """ "The 24-year-old, who joined ...": ``tok`` heads a definite age description with no noun after it.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["The", "24", "-", "year", "-", "old", "left", "."]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[5, 3, 3, 5, 5, 6, 6, 6],
    ...           deps=["det", "nummod", "punct", "npadvmod", "punct", "nsubj", "ROOT", "punct"])
    >>> is_age_description(doc[5]), is_age_description(doc[6])
    (True, False)
    """
    if tok.lower_ != "old" or tok.dep_ in ("amod", "acomp"):
        return False
    kids = list(tok.children)
    return any(c.dep_ == "det" and c.lower_ == "the" for c in kids) \
        and any(c.lower_ in ("year", "years") and any(n.dep_ == "nummod" for n in c.children) for c in kids)
