"""newsgraph: read news articles and draw who is who and who did what to whom.

The application layer, above ``nlp/`` (text to records) and ``graph/``
(records to views): the command line (:mod:`newsgraph.cli`), the Python API
(:mod:`newsgraph.api`), the merge of documents (:mod:`newsgraph.merge`) and
a person's corrections (:mod:`newsgraph.corrections`). Neither lower
package imports this one.

>>> from newsgraph import build
>>> sorted(build(["Peru met Chile."]).nodes)
['country:CL', 'country:PE']
"""
from nlp import __version__

__all__ = ["build", "graph_of", "__version__"]


def __getattr__(name: str) -> object:
    """``build`` and ``graph_of`` of :mod:`newsgraph.api`, imported when first asked for.

    Importing them here at once would load spaCy and networkx for every
    ``newsgraph --help``; the command line imports what it needs late.
    """
    if name in ("build", "graph_of"):
        from newsgraph import api

        return getattr(api, name)
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
