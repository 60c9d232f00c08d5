"""Quote records survive the cache's JSON, the cross-document merge and the graph."""
from __future__ import annotations

import json

from graph.build import build_graph
from newsgraph.merge import merge_with_quotes
from nlp.records import Entity, Extraction, Mention, Quote
from nlp.run.cache import ExtractionCache

QUOTE = Quote("b", 0, 24, "Norway will sign the deal", "person:solberg", "tell", "direct", "outlet:oslo-times",
              ("country:NO",))


def _person(doc: str, key: str, label: str) -> Entity:
    return Entity(key, label, "official", mentions=(Mention(doc, 30, 30 + len(label), label, "official"),))


def test_quotes_cache_round_trip_keeps_every_field(tmp_path):
    from nlp.records import Document

    ex = Extraction("b", quotes=(QUOTE,), words=5)
    assert Extraction.from_dict(json.loads(json.dumps(ex.to_dict()))) == ex
    doc = Document("b", "Norway will sign the deal, Solberg told the Oslo Times.")
    with ExtractionCache(tmp_path / "c.sqlite", model="m-1", extractor="1") as cache:
        cache.put_many([(doc, ex)])
        assert cache.get_many([doc])[0].quotes == (QUOTE,)


def test_quotes_merge_remaps_speaker_addressee_and_names_as_the_entities():
    a = Extraction("a", (_person("a", "person:ingrid-solberg", "Ingrid Solberg"),
                         Entity("outlet:the-oslo-times", "The Oslo Times", "outlet", aliases=("Oslo Times",))))
    b = Extraction("b", (_person("b", "person:solberg", "Solberg"),
                         Entity("outlet:oslo-times", "Oslo Times", "outlet"),
                         Entity("country:NO", "Norway", "country")), quotes=(QUOTE,))
    entities, _, quotes = merge_with_quotes([a, b])
    assert {e.key for e in entities} == {"person:ingrid-solberg", "outlet:the-oslo-times", "country:NO"}
    (q,) = quotes
    assert (q.speaker, q.to, q.names) == ("person:ingrid-solberg", "outlet:the-oslo-times", ("country:NO",))


def test_quotes_in_the_graph_and_on_the_speaker_node():
    solberg = _person("b", "person:solberg", "Solberg")
    norway = Entity("country:NO", "Norway", "country", mentions=(Mention("b", 0, 6, "Norway", "country"),))
    unsaid = Quote("b", 40, 50, "rain again", "", "say", "indirect")
    G = build_graph([solberg, norway], [], quotes=[QUOTE, unsaid])
    assert [q["text"] for q in G.graph["quotes"]] == ["Norway will sign the deal", "rain again"]
    first = G.graph["quotes"][0]
    # the outlet is no node of this graph: no addressee
    assert (first["speaker"], first["to"], first["names"], first["kind"]) == ("person:solberg", None, ["country:NO"], "direct")
    assert G.graph["quotes"][1]["speaker"] is None
    assert [q["text"] for q in G.nodes["person:solberg"]["quotes"]] == ["Norway will sign the deal"]
    assert "quotes" not in G.nodes["country:NO"]
