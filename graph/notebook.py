"""Show the graph inline in JupyterLab, classic Notebook and VS Code.

The page is put in an ``<iframe srcdoc=...>``: no server, no CDN, no file on
disk, and the notebook front end's own sanitizer never sees the graph's
scripts (which is why pyvis's ``notebook=True`` output is blank in VS Code).

Example
-------
>>> import networkx as nx
>>> G = nx.MultiDiGraph(); G.add_node("a", label="A", type="place", count=1)
>>> view = show(G)
>>> "<iframe" in view._repr_html_()
True
"""
from __future__ import annotations

import html

import networkx as nx

from graph.html import render_html


class GraphView:
    """What :func:`show` returns: displays itself inline; ``.html`` is the page."""

    def __init__(self, page: str, height: int = 650) -> None:
        self.html = page
        self.height = height

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
                f'style="width:100%;height:{self.height}px;border:1px solid #ddd" '
                f'sandbox="allow-scripts" title="newsgraph"></iframe>')

    def __str__(self) -> str:
        return self.html


def show(G: nx.MultiDiGraph, *, height: int = 650, title: str = "newsgraph") -> GraphView:
    """An inline view of ``G``; the last expression of a cell displays it."""
    return GraphView(render_html(G, title=title), height=height)
