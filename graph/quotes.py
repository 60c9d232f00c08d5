"""Who said what, for reading: cue phrases and the page's quote records.

The graph keeps its quotes in ``G.graph["quotes"]`` (the contract's
records: doc, start, end, text, speaker, cue, kind, to, names). This module
turns a record into what a reader sees: "said", "told Reuters",
"according to", and for the page the names inside the words with their
offsets, so the panel can mark them without parsing anything.

Example
-------
>>> cue_phrase("tell", "Reuters"), cue_phrase("say"), cue_phrase("according to")
('told Reuters', 'said', 'according to')
"""
from __future__ import annotations

from typing import Any

import networkx as nx

from graph.confidence import confidence_of

#: past tenses English does not form with -ed
_IRREGULAR = {"say": "said", "tell": "told", "write": "wrote", "speak": "spoke", "tweet": "tweeted",
              "retell": "retold", "testify": "testified", "reply": "replied", "deny": "denied",
              "admit": "admitted", "clarify": "clarified", "notify": "notified", "call": "called"}
#: quotes carried into the HTML page; the exports keep them all
MAX_QUOTES_IN_PAGE = 5000


def cue_phrase(cue: str, to: str = "") -> str:
    """The cue as a reader says it: a speech verb's past tense, with its addressee.

    >>> cue_phrase("warn"), cue_phrase("insist"), cue_phrase("note"), cue_phrase("", "")
    ('warned', 'insisted', 'noted', '')
    """
    cue = str(cue or "").strip()
    if not cue or " " in cue:
        verb = cue
    elif cue in _IRREGULAR:
        verb = _IRREGULAR[cue]
    elif cue.endswith("e"):
        verb = cue + "d"
    elif cue.endswith("y") and len(cue) > 2 and cue[-2] not in "aeiou":
        verb = cue[:-1] + "ied"
    else:
        verb = cue + "ed"
    return " ".join(x for x in (verb, str(to or "")) if x)


def _label(G: nx.MultiDiGraph, key: Any) -> str:
    return str(G.nodes[key].get("label", key)) if key is not None and key in G else ""


def name_ranges(G: nx.MultiDiGraph, q: dict[str, Any]) -> list[list[Any]]:
    """``[start, end, node id]`` of each name inside a quote's words, offsets into its text.

    >>> G = nx.MultiDiGraph(); G.add_node("country:PE", label="Peru", mentions=[["d", 10, 14]])
    >>> name_ranges(G, {"doc": "d", "start": 4, "end": 20, "text": "we love Peru a lot", "names": ["country:PE"]})
    [[6, 10, 'country:PE']]
    """
    out = []
    start, end, text = int(q.get("start", 0)), int(q.get("end", 0)), str(q.get("text", ""))
    for key in q.get("names") or []:
        if key not in G:
            continue
        for m in G.nodes[key].get("mentions") or []:
            if len(m) == 3 and m[0] == q.get("doc") and start <= m[1] and m[2] <= end:
                a, b = m[1] - start, m[2] - start
                if 0 <= a < b <= len(text):
                    out.append([a, b, key])
    return sorted(out, key=lambda r: (r[0], -r[1]))


def page_quotes(G: nx.MultiDiGraph, limit: int = MAX_QUOTES_IN_PAGE) -> list[dict[str, Any]]:
    """The quotes the page shows: attributed to a node drawn, with their cue phrase, names and
    ``confidence`` (``None`` when the record has none; the page hides one below its threshold).

    >>> G = nx.MultiDiGraph(); G.add_node("person:ana", label="Ana"); G.add_node("outlet:x", label="X News")
    >>> G.graph["quotes"] = [{"doc": "d", "start": 1, "end": 8, "text": "We win.", "speaker": "person:ana",
    ...                       "cue": "tell", "kind": "direct", "to": "outlet:x", "names": []}]
    >>> page_quotes(G)[0]["said"]
    'told X News'
    """
    out = []
    for q in G.graph.get("quotes") or []:
        if len(out) >= limit:
            break
        speaker = q.get("speaker")
        if speaker is None or speaker not in G:
            continue
        out.append({"doc": q.get("doc"), "start": q.get("start"), "end": q.get("end"),
                    "text": str(q.get("text", "")), "speaker": speaker, "kind": q.get("kind", ""),
                    "said": cue_phrase(q.get("cue", ""), _label(G, q.get("to"))),
                    "to": q.get("to") if q.get("to") in G else None,
                    "names": name_ranges(G, q), "confidence": confidence_of(q)})
    return out
