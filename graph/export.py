"""Exports a reader's other tools open: node-link JSON, GraphML, GEXF, CSV.

Every file is written atomically. GraphML and GEXF hold only scalar
attributes, so lists (aliases, mentions, evidence) are stored there as JSON
strings; :func:`read_graphml` and :func:`read_gexf` turn them back. A claim's
``confidence`` (and the graph's ``confidence_threshold``) is always written
as a float, or left out when there is none, so that one attribute has one
type; ``edges.csv`` and ``quotes.csv`` have a ``confidence`` column.

Example
-------
>>> import networkx as nx
>>> G = nx.MultiDiGraph(); G.add_node("country:FR", label="France", aliases=["French"])
>>> node_link(G)["nodes"][0]["aliases"]
['French']
"""
from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from graph.atomic import atomic_write, atomic_write_all
from graph.confidence import confidence_of

LIST_ATTRS = ("aliases", "roles", "mentions", "docs", "evidence", "dates", "quotes")
#: attributes that are a number in [0, 1], written as floats: GraphML and GEXF declare one type
#: per attribute, and a confidence of ``1`` beside ``0.5`` would otherwise be two (GEXF then
#: cannot read ``0.5`` back as the integer it declared)
FLOAT_ATTRS = ("confidence", "confidence_threshold")
#: first characters that make a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a
#: formula or a command (OWASP "CSV Injection"), with their full-width forms
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _plain(value: Any) -> Any:
    """NumPy scalars and tuples to JSON-ready Python values."""
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        return value.item()
    if isinstance(value, tuple):
        return list(value)
    return value


def node_link(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The contract's JSON: ``nx.node_link_data(G, edges="links")``."""
    data = nx.node_link_data(G, edges="links")
    data["graph"] = {k: _plain(v) for k, v in data.get("graph", {}).items()}
    return data


class _Items:
    """A JSON array written one item at a time, never held as a list."""

    def __init__(self, items: Callable[[], Iterable[Any]]) -> None:
        self.items = items


class _Pairs(dict):
    """A JSON object written one pair at a time, at any depth (its values may be ``_Items``)."""


def _lazy_node_link(G: nx.MultiDiGraph) -> dict[str, Any]:
    """:func:`node_link` with its nodes and links made one at a time as they are written."""
    shell = G.__class__()
    shell.graph = G.graph
    data = node_link(shell)                     # every key but the nodes' and links', as node_link makes them
    # the graph's own lists and tables (quotes, documents_meta) grow with the corpus: written an item at a time
    data["graph"] = _Pairs({k: _Items(lambda v=v: v) if isinstance(v, list) else _Pairs(v) if isinstance(v, dict)
                            else v for k, v in data["graph"].items()})
    data["nodes"] = _Items(lambda: ({**G.nodes[n], "id": n} for n in G))
    if G.is_multigraph():
        data["links"] = _Items(lambda: ({**d, "source": u, "target": v, "key": k}
                                        for u, v, k, d in G.edges(keys=True, data=True)))
    else:
        data["links"] = _Items(lambda: ({**d, "source": u, "target": v} for u, v, d in G.edges(data=True)))
    return data


_encode_str = json.encoder.encode_basestring     # the C encoder of a string, as json.dump(ensure_ascii=False)


def _json_float(x: float) -> str:
    """A float as the json module writes it (NaN and infinities included)."""
    if x != x:
        return "NaN"
    if x in (float("inf"), float("-inf")):
        return "Infinity" if x > 0 else "-Infinity"
    return float.__repr__(x)


def _json_key(key: Any) -> str:
    """A dict key as the json module writes it: a string, or a number, boolean or null as a string."""
    if isinstance(key, str):
        return _encode_str(key)
    if key is True or key is False or key is None:
        return _encode_str({True: "true", False: "false", None: "null"}[key])
    if isinstance(key, float):
        return _encode_str(_json_float(key))
    if isinstance(key, int):
        return _encode_str(int.__repr__(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def _indented(value: Any, pad: str) -> str:
    r"""``json.dumps(value, indent=1, ensure_ascii=False, default=_plain)`` at the depth of ``pad``
    (a newline and its spaces), made by joining strings: the json module's own indenting
    encoder is a chain of Python generators, several times slower.

    >>> _indented({"a": [1, 2.5, None], "b": {}}, "\n")
    '{\n "a": [\n  1,\n  2.5,\n  null\n ],\n "b": {}\n}'
    """
    if isinstance(value, str):
        return _encode_str(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _json_float(value)
    inner = pad + " "
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[" + inner + ("," + inner).join([_indented(v, inner) for v in value]) + pad + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{" + inner + ("," + inner).join([_json_key(k) + ": " + _indented(v, inner)
                                                 for k, v in value.items()]) + pad + "}"
    plain = _plain(value)
    if plain is value:
        raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")
    return _indented(plain, pad)


def _json_text(value: Any, level: int = 0) -> Iterator[str]:
    r"""The text ``json.dump(value, indent=1, ensure_ascii=False)`` writes, piece by piece.

    The top-level object and its arrays are written an item at a time, each
    item encoded alone at its depth.

    >>> "".join(_json_text({"a": _Items(lambda: iter([{"b": [1]}])), "c": {}}))
    '{\n "a": [\n  {\n   "b": [\n    1\n   ]\n  }\n ],\n "c": {}\n}'
    """
    pad = "\n" + " " * (level + 1)
    if isinstance(value, (_Items, _Pairs)) or level == 0 and isinstance(value, dict):
        opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
        first = True
        for item in value.items():              # a dict's pairs, or the array's items
            yield (opening if first else ",") + pad
            first = False
            if isinstance(value, dict):
                yield _json_key(item[0]) + ": "
                yield from _json_text(item[1], level + 1)
            else:
                yield from _json_text(item, level + 1)
        yield opening + closing if first else "\n" + " " * level + closing
        return
    yield _indented(value, "\n" + " " * level)


def write_json(G: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """Write the contract's node-link JSON atomically (a previous file stays whole on failure).

    The text is the one ``json.dump(node_link(G), indent=1)`` gives, written a
    node and a link at a time: neither the whole text nor a copy of every
    node and link is held in memory.

    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph(); G.add_node("country:PE", label="Peru")
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.json"; write_json(G, p)
    >>> list(read_json(p).nodes)
    ['country:PE']
    """
    data = _lazy_node_link(G)
    with atomic_write(path) as fh:
        for piece in _json_text(data):
            fh.write(piece)


def read_json(path: str | os.PathLike) -> nx.MultiDiGraph:
    """The graph of a file written by :func:`write_json` (see its example)."""
    with open(path, encoding="utf-8") as fh:
        return nx.node_link_graph(json.load(fh), edges="links", multigraph=True, directed=True)


#: characters XML 1.0 cannot hold, even escaped: C0 controls but tab, line feed and carriage
#: return; lone surrogates; U+FFFE and U+FFFF (https://www.w3.org/TR/xml/#charsets)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: Any) -> Any:
    """A string XML 1.0 can hold: each character it cannot becomes U+FFFD (other values as they are).

    A name or sentence with a control character would otherwise make a
    GraphML or GEXF file that no XML reader (Gephi, networkx) opens.

    >>> xml_safe("Ana\x07 Bell\ufffe"), xml_safe(3)
    ('Ana\ufffd Bell\ufffd', 3)
    """
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _scalars(attrs: dict[str, Any]) -> dict[str, Any]:
    """Attributes for GraphML and GEXF: :func:`_scalar` values, ``FLOAT_ATTRS`` as floats, none
    that is ``None`` (or, for a confidence, not a number).

    >>> _scalars({"confidence": 1, "weight": 2, "aliases": ["A"], "to": None})
    {'confidence': 1.0, 'weight': 2, 'aliases': '["A"]'}
    """
    out = {}
    for k, v in attrs.items():
        if k in FLOAT_ATTRS:
            v = confidence_of({"confidence": v})
        if v is not None:
            out[k] = _scalar(v)
    return out


def _scalar(value: Any) -> Any:
    """An attribute value for GraphML and GEXF: lists as JSON strings, every string XML-safe."""
    if isinstance(value, (list, dict, tuple)):
        value = json.dumps(value, ensure_ascii=False)
    return xml_safe(_plain(value))


def _scalarised(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    H = nx.MultiDiGraph()
    H.graph.update(_scalars(G.graph))
    for n, attrs in G.nodes(data=True):
        H.add_node(xml_safe(n), **_scalars(attrs))
    for u, v, k, attrs in G.edges(keys=True, data=True):
        H.add_edge(xml_safe(u), xml_safe(v), key=xml_safe(k), **_scalars(attrs))
    return H


def _unscalarised(H: nx.MultiDiGraph) -> nx.MultiDiGraph:
    if isinstance(H.graph.get("quotes"), str):
        H.graph["quotes"] = json.loads(H.graph["quotes"])
    for _, attrs in H.nodes(data=True):
        for k in LIST_ATTRS:
            if isinstance(attrs.get(k), str):
                attrs[k] = json.loads(attrs[k])
    for *_, attrs in H.edges(keys=True, data=True):
        for k in LIST_ATTRS:
            if isinstance(attrs.get(k), str):
                attrs[k] = json.loads(attrs[k])
    return H


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """Write GraphML atomically, lists as JSON strings.

    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph(); G.add_node("country:PE", label="Peru", aliases=["Peruvian"])
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"; write_graphml(G, p)
    >>> read_graphml(p).nodes["country:PE"]["aliases"]
    ['Peruvian']
    """
    with atomic_write(path, "wb") as fh:
        nx.write_graphml(_scalarised(G), fh)


def read_graphml(path: str | os.PathLike) -> nx.MultiDiGraph:
    """The graph of a file written by :func:`write_graphml`, lists restored."""
    H = nx.read_graphml(path, force_multigraph=True)
    return _unscalarised(nx.MultiDiGraph(H))


def _rgb(hex_colour: str, alpha: float = 1.0) -> dict[str, Any]:
    """``#d62728`` as GEXF's ``{r, g, b, a}``.

    >>> _rgb("#1f77b4")
    {'r': 31, 'g': 119, 'b': 180, 'a': 1.0}
    """
    h = hex_colour.lstrip("#")
    return {"r": int(h[0:2], 16), "g": int(h[2:4], 16), "b": int(h[4:6], 16), "a": alpha}


#: edge dashes as GEXF viz shapes
GEXF_LINES = {"solid": "solid", "dotted": "dotted", "dashed": "dashed"}


def add_viz(G: nx.MultiDiGraph, H: nx.MultiDiGraph) -> None:
    """Give ``H`` (a copy of ``G``, ids made XML-safe) GEXF ``viz`` attributes: the page's colour,
    size and position for every node, its colour, width and line for every
    edge, so Gephi opens the graph as the page draws it.

    >>> G = nx.MultiDiGraph(); G.add_node("country:PE", label="Peru", type="country", count=3)
    >>> H = G.copy(); add_viz(G, H); H.nodes["country:PE"]["viz"]["color"]["b"]
    180
    """
    from graph.html import page_positions
    from graph.style import edge_look, gexf_shape, node_look

    pos = page_positions(G)
    for n, a in G.nodes(data=True):
        look = node_look(a)
        x, y = pos.get(n, (0.0, 0.0))
        # Gephi's y axis points up, the page's down
        H.nodes[xml_safe(n)]["viz"] = {"color": _rgb(look["color"]), "size": look["size"],
                             "position": {"x": x, "y": -y, "z": 0.0}, "shape": gexf_shape(a)}
    for u, v, k, a in G.edges(keys=True, data=True):
        look = edge_look(a)
        H.edges[xml_safe(u), xml_safe(v), xml_safe(k)]["viz"] = {"color": _rgb(look["color"]), "thickness": look["width"],
                                   "shape": GEXF_LINES.get(look["line"], "solid")}


def write_gexf(G: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """Write GEXF atomically, lists as JSON strings, with the page's colours,
    sizes and positions as GEXF ``viz`` attributes (:func:`add_viz`).

    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph(); G.add_node("country:PE", label="Peru", aliases=["Peruvian"])
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"; write_gexf(G, p)
    >>> read_gexf(p).nodes["country:PE"]["aliases"]
    ['Peruvian']
    """
    H = _scalarised(G)
    add_viz(G, H)
    with atomic_write(path, "wb") as fh:
        nx.write_gexf(H, fh)


def read_gexf(path: str | os.PathLike) -> nx.MultiDiGraph:
    """The graph of a file written by :func:`write_gexf`, lists restored."""
    H = nx.read_gexf(path)
    H = nx.MultiDiGraph(H)
    for _, attrs in H.nodes(data=True):
        attrs.pop("id", None)
    for *_, attrs in H.edges(keys=True, data=True):
        attrs.pop("id", None)
    return _unscalarised(H)


def csv_cell(value: Any) -> str:
    """A CSV cell that spreadsheets will not run as a formula.

    A cell whose first character (after any leading spaces, which some
    spreadsheets skip) starts a formula gets a leading apostrophe, which
    spreadsheets show as text; numbers are left as they are.

    >>> csv_cell("=1+1"), csv_cell("  @SUM(A1)"), csv_cell(-3), csv_cell("Ana Bell")
    ("'=1+1", "'  @SUM(A1)", '-3', 'Ana Bell')
    """
    if isinstance(value, (list, dict, tuple)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    s = "" if value is None else str(value)
    return "'" + s if s.lstrip(" ").startswith(_FORMULA_START) else s


def _cell_value(record: dict[str, Any], column: str) -> Any:
    """A record's value for a CSV column: a confidence as a float (or nothing), others as they are."""
    return confidence_of(record) if column == "confidence" else record.get(column)


NODE_COLUMNS = ("id", "label", "type", "count", "aliases", "roles", "docs", "affiliation")
EDGE_COLUMNS = ("source", "target", "kind", "verb", "polarity", "category", "weight", "negated",
                "modality", "agent", "docs", "evidence", "reported", "reported_by", "symmetric", "dates",
                "confidence")
QUOTE_COLUMNS = ("doc", "start", "end", "speaker", "cue", "kind", "to", "names", "text", "confidence")


def write_csv(G: nx.MultiDiGraph, folder: str | os.PathLike) -> tuple[Path, Path]:
    """``nodes.csv``, ``edges.csv`` and ``quotes.csv`` for pandas, spreadsheets and Neo4j import.

    ``quotes.csv`` has one row per quote of ``G.graph["quotes"]`` (who said
    what: doc, offsets, speaker, cue, kind, addressee, names, the words, its
    confidence). ``confidence`` (in edges.csv too) is a number in [0, 1], empty
    where there is none (a co-occurrence, a quote without a speaker, an older
    graph); every row is written, whatever its confidence.
    All files are written in full before any replaces an older one, so a
    failed write (full disk, interrupt) never leaves new nodes beside old
    edges. Cells that would start a spreadsheet formula are neutralised
    (:func:`csv_cell`). The paths of ``nodes.csv`` and ``edges.csv`` are
    returned.

    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph(); G.add_node("person:x", label="=cmd()", type="person")
    >>> nodes, edges = write_csv(G, pathlib.Path(tempfile.mkdtemp()))
    >>> nodes.read_text(encoding="utf-8").splitlines()[1]
    "person:x,'=cmd(),person,,,,,"
    """
    folder = Path(folder)
    nodes, edges, quotes = folder / "nodes.csv", folder / "edges.csv", folder / "quotes.csv"
    with atomic_write_all([nodes, edges, quotes], newline="") as (nfh, efh, qfh):
        w = csv.writer(nfh)
        w.writerow(NODE_COLUMNS)
        for n, a in G.nodes(data=True):
            w.writerow([csv_cell(n), *(csv_cell(a.get(c)) for c in NODE_COLUMNS[1:])])
        w = csv.writer(efh)
        w.writerow(EDGE_COLUMNS)
        for u, v, a in G.edges(data=True):
            w.writerow([csv_cell(u), csv_cell(v), *(csv_cell(_cell_value(a, c)) for c in EDGE_COLUMNS[2:])])
        w = csv.writer(qfh)
        w.writerow(QUOTE_COLUMNS)
        for q in G.graph.get("quotes") or []:
            w.writerow([csv_cell(_cell_value(q, c)) for c in QUOTE_COLUMNS])
    return nodes, edges
