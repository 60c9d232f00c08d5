"""The entity step: mentions, types and one node per real-world entity.

:mod:`nlp.entities.sieve` runs the ordered passes listed in
``nlp.entities.sieve.ENTITY_PASSES``; the modules beside it each hold one
kind of knowledge those passes use (countries, outlets, names, roles, spans,
abbreviations, places). :mod:`newsgraph.merge` merges the entities of
all documents into the graph's nodes.
"""
