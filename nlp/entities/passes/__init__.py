"""The entity passes, one module per job; :data:`nlp.entities.sieve.ENTITY_PASSES` puts them in order.

- :mod:`~nlp.entities.passes.kinds`: what kind of thing a name is (country, outlet, organisation, person, place);
- :mod:`~nlp.entities.passes.wirecopy`: headline, byline, dateline, tables and capital lines;
- :mod:`~nlp.entities.passes.people`: who is a person, which names are one person, their roles;
- :mod:`~nlp.entities.passes.sports`: players and teams of sports stories;
- :mod:`~nlp.entities.passes.organisations`: abbreviations, companies, acronyms, short and cued names;
- :mod:`~nlp.entities.passes.references`: nouns standing for an entity named before them ("the paper").

Each pass is a function named after its pass, ``run(cx)`` on an
:class:`~nlp.entities.candidates.EntityContext`; a module holds its passes in
list order, with the private helpers beside the pass that uses them.
:mod:`~nlp.entities.passes.clues` holds what several passes read around a name.
"""
