"""The entity step: mentions, types and one node per real-world entity.

:mod:`nlp.entities.sieve` runs the ordered passes listed in
``nlp.entities.sieve.ENTITY_PASSES`` and clusters what they leave;
:mod:`nlp.entities.passes` holds the passes by job, and
:mod:`nlp.entities.candidates` the record they correct and the context they
read. The modules beside them each hold one kind of knowledge those passes
use (countries, outlets, names, roles, spans, abbreviations, places). :mod:`newsgraph.merge` merges the entities of
all documents into the graph's nodes.
"""
