"""Records -> networkx ``MultiDiGraph`` with every attribute of the contract.

Example
-------
>>> from nlp.records import Entity, Mention, Relation, Evidence
>>> a = Entity("country:FR", "France", "country", mentions=(Mention("d", 0, 6, "France", "country"),))
>>> b = Entity("country:DE", "Germany", "country", mentions=(Mention("d", 11, 18, "Germany", "country"),))
>>> r = Relation("country:FR", "country:DE", "action", "meet", "cooperation", "meet",
...              (Evidence("d", "France met Germany.", 0, 19),))
>>> G = build_graph([a, b], [r])
>>> G.nodes["country:FR"]["count"], G.number_of_edges()
(1, 1)
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import Any

import networkx as nx

from nlp.records import Entity, Quote, Relation


def _edge_key(r: Relation) -> tuple:
    src, tgt = (r.source, r.target)
    if r.symmetric and src > tgt:
        src, tgt = tgt, src
    return (src, tgt, r.kind, r.verb, r.negated, r.modality)


def _dates(docs: Iterable[str], meta: Mapping[str, Mapping[str, str]]) -> list[str]:
    """Sorted distinct dates of the documents that have one."""
    return sorted({meta[d]["date"] for d in docs if meta.get(d, {}).get("date")})


def quote_dicts(quotes: Iterable[Quote], nodes: Iterable[str]) -> list[dict[str, Any]]:
    """The contract's quote records: ``speaker`` and ``to`` node ids or None, ``names`` node ids.

    A key that is no node of the graph (an entity dropped after extraction)
    is no speaker, no addressee and no name.

    >>> q = Quote("d", 0, 11, "We will win", "person:ana-bell", "say", "direct", "", ("country:PE", "x"))
    >>> quote_dicts([q], {"person:ana-bell", "country:PE"})[0]
    {'doc': 'd', 'start': 0, 'end': 11, 'text': 'We will win', 'speaker': 'person:ana-bell', 'cue': 'say', 'kind': 'direct', 'to': None, 'names': ['country:PE']}
    """
    nodes = set(nodes)
    out = []
    for q in sorted(quotes, key=lambda q: (q.doc, q.start, q.end)):
        out.append({"doc": q.doc, "start": q.start, "end": q.end, "text": q.text,
                    "speaker": q.speaker if q.speaker in nodes else None, "cue": q.cue, "kind": q.kind,
                    "to": q.to if q.to in nodes else None,
                    "names": [k for k in dict.fromkeys(q.names) if k in nodes],
                    **({"confidence": q.confidence} if q.confidence is not None and q.speaker in nodes else {})})
    return out


def build_graph(entities: Iterable[Entity], relations: Iterable[Relation], *,
                documents_meta: Mapping[str, Mapping[str, str]] | None = None,
                quotes: Iterable[Quote] = (), **graph_attrs: Any) -> nx.MultiDiGraph:
    """A MultiDiGraph: one node per entity, one edge per distinct relation.

    Relations with the same ends, kind, verb, negation and modality are one
    edge whose ``weight`` counts its evidence sentences.

    ``documents_meta`` maps a document id to its ``title``, ``date``, ``url``
    and ``source`` (``Extraction.meta``): it is kept whole as the graph
    attribute ``documents_meta``, and every node and edge gets ``dates``, the
    sorted distinct dates of the documents it comes from (empty when they
    have none), for filtering by time.

    ``quotes`` become the graph attribute ``quotes`` (:func:`quote_dicts`,
    in document order) and each speaker node's own ``quotes``.

    >>> from nlp.records import Entity, Mention
    >>> e = Entity("country:PE", "Peru", "country", mentions=(Mention("d1", 0, 4, "Peru", "country"),))
    >>> G = build_graph([e], [], documents_meta={"d1": {"date": "2024-05-01", "title": "Lima"}})
    >>> G.nodes["country:PE"]["dates"], G.graph["documents_meta"]["d1"]["title"]
    (['2024-05-01'], 'Lima')
    """
    meta = {d: dict(m) for d, m in (documents_meta or {}).items() if m}
    G = nx.MultiDiGraph()
    G.graph.update({"built": datetime.now(timezone.utc).isoformat(timespec="seconds"), **graph_attrs})
    if meta:
        G.graph["documents_meta"] = meta
    for e in entities:
        G.add_node(
            e.key, label=e.label, type=e.type, aliases=list(e.aliases), roles=list(e.roles),
            mentions=[[m.doc, m.start, m.end] for m in e.mentions], count=len(e.mentions),
            docs=list(e.docs), affiliation=e.affiliation, dates=_dates(e.docs, meta),
        )
    merged: dict[tuple, dict[str, Any]] = {}
    for r in relations:
        if r.source not in G or r.target not in G:
            continue
        k = _edge_key(r)
        edge = merged.get(k)
        if edge is None:
            edge = merged[k] = {
                "source": k[0], "target": k[1], "kind": r.kind, "verb": r.verb,
                "polarity": r.polarity, "category": r.category, "negated": r.negated,
                "modality": r.modality, "agent": r.agent, "symmetric": r.symmetric,
                "reported": True, "reported_by": [],
                "evidence": [], "_seen": set(),
            }
        if r.confidence is not None:  # an edge is as sure as the surest reading behind it
            edge["confidence"] = max(edge.get("confidence", 0.0), r.confidence)
        # reported only while every sentence behind the edge tells it as someone's words
        edge["reported"] = edge["reported"] and r.reported
        if r.reported_by and r.reported_by not in edge["reported_by"]:
            edge["reported_by"].append(r.reported_by)
        for ev in r.evidence:
            sig = (ev.doc, ev.start, ev.end, ev.quote)
            if sig not in edge["_seen"]:
                edge["_seen"].add(sig)
                edge["evidence"].append({"doc": ev.doc, "sentence": ev.sentence, "start": ev.start,
                                         "end": ev.end, **({"quote": ev.quote} if ev.quote else {})})
    for k in sorted(merged, key=str):
        edge = merged.pop(k)  # networkx copies the attributes: each dict is freed once it is in the graph
        edge.pop("_seen")
        src, tgt = edge.pop("source"), edge.pop("target")
        edge["weight"] = len(edge["evidence"])
        edge["docs"] = list(dict.fromkeys(ev["doc"] for ev in edge["evidence"]))
        edge["dates"] = _dates(edge["docs"], meta)
        G.add_edge(src, tgt, key=":".join(x for x in (edge["kind"], edge["verb"], "not" if edge["negated"] else "", edge["modality"]) if x), **edge)
    G.graph["quotes"] = quote_dicts(quotes, G.nodes)
    for q in G.graph["quotes"]:
        if q["speaker"] is not None:
            G.nodes[q["speaker"]].setdefault("quotes", []).append(q)
    return G
