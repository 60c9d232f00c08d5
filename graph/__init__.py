"""newsgraph's graph side: records in, networkx graph and its views out.

This package never imports spaCy: it sees only the plain records of
:mod:`nlp.records`.
"""
from graph.build import build_graph
from graph.pyvis_view import to_pyvis

__all__ = ["build_graph", "to_pyvis"]
