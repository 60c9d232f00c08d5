"""The relation step: who did what to whom, who said what, who is named with whom.

``nlp.extract.RELATION_PASSES`` lists the passes in order. The clause reader
(:mod:`nlp.relations.clauses`) finds the doer, verb and target of every
clause over the actors of :mod:`nlp.relations.actors` (entities, agent nouns,
pronouns); :mod:`nlp.relations.links` makes co-occurrence and verb links,
:mod:`nlp.relations.eventnouns` event-noun links, :mod:`nlp.relations.quotes`
speech links and the quote records (who said what). :mod:`nlp.relations.verbs` reads the verb lexicon.
"""
