"""How the graph looks and reads, written once: node and edge styles, the
legend, tooltips and the relation phrase.

Every view draws from here: the page (:mod:`graph.html`, whose
``templates/graph.js`` receives each edge's phrase in its data), the pyvis
network (:mod:`graph.pyvis_view`), the notebook tables
(:mod:`graph.notebook`) and the GEXF ``viz`` attributes
(:mod:`graph.export`). A colour, a shape or the wording of a relation
changes here and nowhere else.

Everything returned is plain text or plain data; article text in it is
*not* escaped: a view that puts it into HTML escapes it (or, as the page
does, puts it on screen as text).

Example
-------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("o:police", label="Canadian police", type="organization", count=2)
>>> G.add_node("p:lopes", label="Ana Lopes", type="person", count=5)
>>> G.add_edge("o:police", "p:lopes", kind="action", verb="arrest", polarity="conflict", weight=1)
0
>>> edge_phrase(G, "o:police", "p:lopes", G.edges["o:police", "p:lopes", 0])
'Canadian police — arrest → Ana Lopes'
>>> node_look(G.nodes["p:lopes"])["shape"], edge_look(G.edges["o:police", "p:lopes", 0])["color"]
('dot', '#d62728')
"""
from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import networkx as nx

from graph.confidence import confidence_of, confidence_text
from nlp.relations.verbs import has_flag

# node type -> (colour, vis-network shape, legend symbol)
TYPE_STYLE: dict[str, tuple[str, str, str]] = {
    "official": ("#d62728", "star", "\u2605"),
    "person": ("#ff7f0e", "dot", "\u25cf"),
    "country": ("#1f77b4", "square", "\u25a0"),
    "outlet": ("#2ca02c", "diamond", "\u25c6"),
    "organization": ("#9467bd", "triangle", "\u25b2"),
    "place": ("#8c564b", "triangleDown", "\u25bc"),
}
OTHER_TYPE_STYLE = ("#999999", "dot", "\u25cf")
#: node type -> GEXF ``viz:shape``. GEXF knows four shapes (disc, square, triangle, diamond) for six
#: types, so two share within a family: an official is a diamond apart from a person's disc, an
#: organisation a triangle apart from a place's square; an outlet (an organisation) and a country
#: (a place) share their family's shape and differ by colour, as every type does
GEXF_TYPE_SHAPE: dict[str, str] = {"official": "diamond", "person": "disc", "country": "square",
                                   "outlet": "triangle", "organization": "triangle", "place": "square"}
POLARITY_COLOR: dict[str, str] = {"cooperation": "#2ca02c", "conflict": "#d62728", "neutral": "#5b6f8a"}
COOCCURRENCE_COLOR = "#b8b8b8"
# edge kind -> (vis-network dashes, CSS border style for the legend, meaning)
KIND_STYLE: dict[str, tuple[Any, str, str]] = {
    "action": (False, "solid", "did something to"),
    "quote": ([2, 4], "dotted", "spoke to / quoted"),
    "cooccurrence": ([6, 6], "dashed", "named together in a sentence or paragraph"),
}
#: an edge kind outside ``KIND_STYLE``: a plain line
OTHER_KIND_STYLE: tuple[Any, str, str] = (False, "solid", "other relation")
#: palette for colouring by community (largest first); smaller communities are grey
COMMUNITY_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
                    "#17becf", "#bcbd22", "#393b79", "#ad494a", "#637939")
#: how much of an evidence sentence a tooltip shows, and how many sentences
TOOLTIP_SENTENCE_CHARS = 240
TOOLTIP_SENTENCES = 2


def node_size(count: int) -> float:
    """Node radius in pixels, growing with the log of the mention count.

    >>> node_size(1) < node_size(10) < node_size(100) <= 50
    True
    """
    return round(min(8.0 + 5.0 * math.log1p(max(count, 0)), 50.0), 2)


def edge_width(kind: str, weight: int) -> float:
    """Line width: grows with the log of the weight; co-occurrence stays thin.

    >>> edge_width("action", 1), edge_width("action", 8) > edge_width("action", 2)
    (1.5, True)
    >>> edge_width("cooccurrence", 50) <= 2.5
    True
    """
    grow = math.log(max(weight, 1))
    if kind == "cooccurrence":
        return round(min(0.6 + 0.4 * grow, 2.5), 2)
    return round(min(1.5 + 1.5 * grow, 10.0), 2)


def node_look(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """A node's ``color``, vis-network ``shape`` and ``size``, by its type and mention count.

    >>> node_look({"type": "country", "count": 0})
    {'color': '#1f77b4', 'shape': 'square', 'size': 8.0}
    >>> node_look({"type": "planet"})["color"] == OTHER_TYPE_STYLE[0]
    True
    """
    colour, shape, _ = TYPE_STYLE.get(str(attrs.get("type", "") or ""), OTHER_TYPE_STYLE)
    return {"color": colour, "shape": shape, "size": node_size(int(attrs.get("count", 0) or 0))}


def gexf_shape(attrs: Mapping[str, Any]) -> str:
    """A node's GEXF shape, by its type (:data:`GEXF_TYPE_SHAPE`).

    >>> gexf_shape({"type": "official"}), gexf_shape({"type": "person"}), gexf_shape({"type": "?"})
    ('diamond', 'disc', 'disc')
    """
    return GEXF_TYPE_SHAPE.get(str(attrs.get("type", "") or ""), "disc")


def edge_look(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """An edge's ``color`` (by polarity; co-occurrence grey), ``opacity``,
    ``width`` (by kind and weight), vis-network ``dashes``, CSS ``line``
    style and whether it is drawn ``directed`` (with an arrow: not
    co-occurrence, not a symmetric relation such as "meet").

    >>> look = edge_look({"kind": "quote", "polarity": "cooperation", "weight": 1})
    >>> look["color"], look["dashes"], look["line"], look["directed"]
    ('#2ca02c', [2, 4], 'dotted', True)
    >>> edge_look({"kind": "cooccurrence", "weight": 3})["directed"]
    False
    """
    kind = str(attrs.get("kind", "") or "")
    cooc = kind == "cooccurrence"
    colour = COOCCURRENCE_COLOR if cooc else POLARITY_COLOR.get(str(attrs.get("polarity", "")), POLARITY_COLOR["neutral"])
    dashes, line, _ = KIND_STYLE.get(kind, OTHER_KIND_STYLE)
    return {"color": colour, "opacity": 0.55 if cooc else 0.95,
            "width": edge_width(kind, int(attrs.get("weight", 1) or 1)), "dashes": dashes, "line": line,
            "directed": not cooc and not attrs.get("symmetric")}


def legend(types: Iterable[str] = (), kinds: Iterable[str] = ()) -> dict[str, Any]:
    """The page's legend: colour and symbol of every node type, line and
    meaning of every edge kind, polarity colours and the community palette;
    ``types`` and ``kinds`` outside the styles above get the plain look.

    >>> sorted(legend(["planet"])["types"]["planet"].items())
    [('color', '#999999'), ('symbol', '●')]
    >>> legend(kinds=["cooccurrence"])["kinds"]["cooccurrence"]["line"]
    'dashed'
    """
    out = {
        "types": {t: {"color": c, "symbol": s} for t, (c, _, s) in TYPE_STYLE.items()},
        "kinds": {k: {"line": css, "meaning": m} for k, (_, css, m) in KIND_STYLE.items()},
        "polarities": POLARITY_COLOR,
        "communities": list(COMMUNITY_COLORS),
    }
    for t in types:
        out["types"].setdefault(t, {"color": OTHER_TYPE_STYLE[0], "symbol": OTHER_TYPE_STYLE[2]})
    for k in kinds:
        out["kinds"].setdefault(k, {"line": OTHER_KIND_STYLE[1], "meaning": OTHER_KIND_STYLE[2]})
    return out


def node_label(G: nx.MultiDiGraph, n: Hashable) -> str:
    """The name a reader sees for node ``n``: its ``label``, else its id.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(); G.add_node("a", label="Oslo"); G.add_node("b")
    >>> node_label(G, "a"), node_label(G, "b")
    ('Oslo', 'b')
    """
    return str(G.nodes[n].get("label", n))


def relation_phrase(source: str, target: str, attrs: Mapping[str, Any]) -> str:
    """An edge written as a sentence: ``"A — verb → B"``. It always starts
    with ``source`` and ends with ``target`` (the page relies on it to make
    the two names clickable).

    >>> relation_phrase("Olaf Scholz", "Emmanuel Macron", {"kind": "action", "verb": "invite"})
    'Olaf Scholz — invite → Emmanuel Macron'
    >>> relation_phrase("Lima", "Quito", {"kind": "action", "verb": "sanction", "modality": "could", "negated": True})
    'Lima — could not sanction → Quito'
    >>> relation_phrase("Rome", "Paris", {"kind": "cooccurrence", "verb": ""})
    'Rome — named with — Paris'

    A statement about someone ("Lima said Quito must pay": an ``action`` of a
    verb of speech) says "about", so that it does not read as words said to them:

    >>> relation_phrase("Lima", "Quito", {"kind": "action", "verb": "say", "category": "statement"})
    'Lima — say about → Quito'
    """
    if attrs.get("kind") == "cooccurrence" or not attrs.get("verb"):
        return f"{source} — named with — {target}"
    about = attrs.get("kind") == "action" and attrs.get("category") == "statement" and has_flag(str(attrs["verb"]), "speech")
    verb = " ".join(x for x in (str(attrs.get("modality") or ""), "not" if attrs.get("negated") else "",
                                str(attrs["verb"]), "about" if about else "") if x)
    arrow = "—" if attrs.get("symmetric") else "→"
    return f"{source} — {verb} {arrow} {target}"


def edge_phrase(G: nx.MultiDiGraph, u: Hashable, v: Hashable, attrs: Mapping[str, Any]) -> str:
    """:func:`relation_phrase` of the edge ``u`` -> ``v`` with attributes
    ``attrs``, between the two nodes' labels: the words every view shows.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(); G.add_node("a", label="Oslo"); G.add_node("b", label="Bergen")
    >>> edge_phrase(G, "a", "b", {"kind": "action", "verb": "meet", "symmetric": True})
    'Oslo — meet — Bergen'
    """
    return relation_phrase(node_label(G, u), node_label(G, v), attrs)


def node_tooltip(G: nx.MultiDiGraph, n: Hashable) -> str:
    """Plain-text tooltip of node ``n``: name and type, roles, other names,
    mentions and documents. The page's ``graph.js`` writes the same lines
    (``nodeTitle``) for the entities it draws.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(); G.add_node("a", label="Ana", type="person", count=2, docs=["d"], roles=["mayor"])
    >>> print(node_tooltip(G, "a"))
    Ana (person)
    roles: mayor
    2 mention(s) in 1 document(s)
    click for relations and evidence
    """
    attrs = G.nodes[n]
    lines = [f"{node_label(G, n)} ({attrs.get('type', '') or ''})"]
    if attrs.get("roles"):
        lines.append("roles: " + "; ".join(map(str, list(attrs["roles"])[:5])))
    if attrs.get("aliases"):
        lines.append("also: " + "; ".join(map(str, list(attrs["aliases"])[:8])))
    lines.append(f"{int(attrs.get('count', 0) or 0)} mention(s) in {len(attrs.get('docs') or [])} document(s)")
    lines.append("click for relations and evidence")
    return "\n".join(lines)


def edge_tooltip(G: nx.MultiDiGraph, u: Hashable, v: Hashable, attrs: Mapping[str, Any]) -> str:
    """Plain-text tooltip of an edge: its phrase, kind, polarity, weight and,
    for a claim that has one, its confidence (:mod:`graph.confidence`), then
    the first evidence sentences (whitespace folded, cut at
    ``TOOLTIP_SENTENCE_CHARS``). The page's ``graph.js`` writes the same
    lines (``edgeTitle``) from the phrase it receives.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(); G.add_node("a", label="Oslo"); G.add_node("b", label="Bergen")
    >>> print(edge_tooltip(G, "a", "b", {"kind": "action", "verb": "call", "polarity": "neutral", "weight": 2,
    ...                                  "confidence": 0.72,
    ...                                  "evidence": [{"doc": "d1", "sentence": "Oslo  called\\nBergen."}]}))
    Oslo — call → Bergen  [action, neutral, ×2, confidence 0.72]
    [d1] Oslo called Bergen.
    """
    polarity = str(attrs.get("polarity", "") or "")
    sure = confidence_text(confidence_of(attrs)) if attrs.get("kind") != "cooccurrence" else ""
    head = (f"{edge_phrase(G, u, v, attrs)}  [{attrs.get('kind', '') or ''}{', ' + polarity if polarity else ''}, "
            f"×{int(attrs.get('weight', 1) or 1)}{', ' + sure if sure else ''}]")
    ev = [f"[{e.get('doc', '')}] {' '.join(str(e.get('sentence', '') or '').split())[:TOOLTIP_SENTENCE_CHARS]}"
          for e in list(attrs.get("evidence") or [])[:TOOLTIP_SENTENCES]]
    return "\n".join([head, *ev])
