"""The happening index (graph/rdf/happening_keys.py, graph/store/happening_index.py) on a real store.

Linking a new event to the happening it repeats looks its candidates up by (CAMEO root, actor or place, day):
checked here that the lookup reads the events that share those with it and no others, however many unrelated
events the day holds; that `tkg migrate` gives a store written before the index the same links graph.rdf writes;
and that an event written before an analyst merged its actor into another is still found under the new actor.
Events of our own, written as N-Triples the way graph.rdf states them.
"""
from __future__ import annotations

from datetime import datetime

SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
TKG = "https://w3id.org/timeline-kg/ontology#"
DT = "http://www.w3.org/2001/XMLSchema#dateTime"
B = "https://w3id.org/timeline-kg/id/"
CAMEO = "https://w3id.org/timeline-kg/cameo/"
ENTITIES = B + "graph/entities"
DAY = "2019-07-04"


def _event(e: str, code: str, agents: list[str], places: list[str], begin: str) -> list[str]:
    from graph.rdf.happening_keys import PREDICATE, nodes

    keys = [f"{B}actor/{a}" for a in agents] + [f"{B}place/{p}" for p in places]
    return ([f"<{e}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SEM}Event> .",
             f"<{e}> <{SEM}eventType> <{CAMEO}{code}> .",
             f'<{e}> <{SEM}hasEarliestBeginTimeStamp> "{begin}"^^<{DT}> .',
             f'<{e}> <{SEM}hasLatestEndTimeStamp> "{begin[:10]}T23:59:59"^^<{DT}> .',
             f'<{e}> <http://www.w3.org/ns/prov#generatedAtTime> "2026-01-01T00:00:00Z"^^<{DT}> .',
             f"<{e}> <{TKG}beginDay> <{B}day/{begin[:10]}> ."]
            + [f"<{e}> <{TKG}agent> <{B}actor/{a}> ." for a in agents]
            + [f"<{e}> <{SEM}hasPlace> <{B}place/{p}> ." for p in places]
            + [f"<{e}> <{PREDICATE}> <{n}> ." for n in nodes([CAMEO + code], keys, [begin])])


def _article(name: str, events: list[tuple[str, list[str], list[str], str]]) -> tuple[str, str, str]:
    iri = f"{B}article/{name}"
    lines = [f"<{iri}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/NewsArticle> ."]
    for i, (code, agents, places, begin) in enumerate(events):
        lines += _event(f"{B}event/{name}/{i}", code, agents, places, begin)
    return iri, "\n".join(lines) + "\n", ""


def _probe(agent: str, code: str = "190", day: str = DAY):
    from graph.ingest.happenings import Ev

    begin = datetime.fromisoformat(f"{day}T00:00:00")
    return Ev(f"{B}event/new/0", f"{B}event/new", code, begin, begin.replace(hour=23, minute=59, second=59),
              False, "2026-06-01T00:00:00Z", {f"{B}actor/{agent}"}, set(), None)


def _day_size(store, day: str = DAY) -> int:
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?e <{TKG}beginDay> <{B}day/{day}> }}"
    return int(next(iter(store.ox_query(q)))["n"].value)


def test_the_lookup_reads_what_can_match_however_full_the_day(tmp_path):
    from graph.ingest.happenings import key_nodes
    from graph.store.embedded import Store
    from graph.store.happening_index import events_at, indexed

    store = Store(tmp_path / "s")
    try:
        related = _article("related", [("190", ["rebels"], [], f"{DAY}T00:00:00"),  # same root, actor and day
                                       ("193", ["rebels"], ["2453514"], f"{DAY}T00:00:00"),
                                       ("190", ["rebels"], [], "2019-06-20T00:00:00")])  # 14 days before
        store.put_articles([related])
        assert indexed(store)  # a new store has the index from its first write
        ev = _probe("rebels")
        want = {f"{B}event/related/{i}" for i in range(3)}
        found = []
        for batch in range(3):  # the day fills with events a match cannot be: other actors, or other roots
            noise = [_article(f"noise{batch}-{j}", [("190", [f"actor{batch}-{j}-{k}"], ["2460596"], f"{DAY}T00:00:00")
                                                    for k in range(40)] +
                              [("042", ["rebels"], [], f"{DAY}T00:00:00") for _ in range(40)]) for j in range(3)]
            store.put_articles(noise)
            found.append(events_at(store, sorted(key_nodes([ev], {}))))
        assert _day_size(store) == 2 + 3 * 3 * 80
        assert found == [want, want, want]  # 242, 482 then 722 events that day: the same 3 read each time
        far = _probe("rebels", day="2019-09-01")  # two months later: nothing to read
        assert events_at(store, sorted(key_nodes([far], {}))) == set()
    finally:
        store.close()


def test_migrate_states_the_links_graph_rdf_writes(tmp_path):
    from graph.rdf.happening_keys import PREDICATE
    from graph.store.embedded import Store
    from graph.store.happening_index import indexed
    from graph.store.migrate import migrate

    store = Store(tmp_path / "s")
    try:
        store.put_articles([_article("a", [("190", ["al-shabaab", "caf%C3%A9-owners"], ["64435"], f"{DAY}T00:00:00"),
                                           ("0831", [], ["64435"], "2019-07-05T14:30:00.5"),
                                           ("042", ["x"], [], "2019-07-06T00:00:00+02:00")]),
                            _article("b", [("193", ["al-shabaab"], [], f"{DAY}T00:00:00")])])
        links = f"SELECT ?e ?n WHERE {{ ?e <{PREDICATE}> ?n }}"
        written = {(r["e"].value, r["n"].value) for r in store.ox_query(links)}
        assert len(written) == 3 + 1 + 1 + 1
        # a store written before the index: no links, no marker
        store.maintain(f"DELETE WHERE {{ GRAPH ?g {{ ?e <{PREDICATE}> ?n }} }} ;\n"
                       f"DELETE WHERE {{ GRAPH ?g {{ ?i <{TKG}happeningKeyVersion> ?v }} }}")
        assert not indexed(store) and not list(store.ox_query(links))
        migrate(store)
        assert indexed(store)
        assert {(r["e"].value, r["n"].value) for r in store.ox_query(links)} == written
    finally:
        store.close()


def test_an_event_written_before_its_actor_was_merged_is_found_under_the_new_actor(tmp_path):
    from graph.ingest.happenings import key_nodes
    from graph.store.corrections import merge
    from graph.store.embedded import Store
    from graph.store.happening_index import aliases, events_at

    store = Store(tmp_path / "s")
    try:
        entities = "".join(f"<{B}actor/{a}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SEM}Actor> .\n"
                           f'<{B}actor/{a}> <http://www.w3.org/2000/01/rdf-schema#label> "{a}" .\n'
                           for a in ("jnim", "gsim"))
        store.put_articles([(ENTITIES, entities, ""), _article("old", [("190", ["gsim"], [], f"{DAY}T00:00:00")])])
        merge(store, "jnim", "gsim")  # the old event's agent is now jnim; its key link still names gsim
        agent = f"SELECT ?a WHERE {{ <{B}event/old/0> <{TKG}agent> ?a }}"
        assert [r["a"].value for r in store.ox_query(agent)] == [f"{B}actor/jnim"]
        ev = _probe("jnim")
        assert events_at(store, key_nodes([ev], {})) == set()  # by the key alone: missed
        assert aliases(store)[f"{B}actor/jnim"] == {f"{B}actor/jnim", f"{B}actor/gsim"}
        assert events_at(store, key_nodes([ev], aliases(store))) == {f"{B}event/old/0"}
    finally:
        store.close()


def test_an_event_dated_by_its_article_is_looked_up_by_its_place_only():
    import dataclasses

    from graph.ingest.happenings import key_nodes
    from graph.rdf.happening_keys import node

    ev = dataclasses.replace(_probe("army"), dated_by_article=True)  # "the army said": a match needs its place
    assert key_nodes([ev], {}) == set()
    placed = dataclasses.replace(ev, place=f"{B}place/2453514")
    assert {n.rsplit("/", 2)[-2] for n in key_nodes([placed], {})} == {node("19", f"{B}place/2453514", DAY).split("/")[-2]}
    dated = dataclasses.replace(placed, dated_by_article=False)  # a date of its own: its actors too
    assert len({n.rsplit("/", 2)[-2] for n in key_nodes([dated], {})}) == 2


def test_a_graph_written_without_its_links_gets_them_from_the_store(tmp_path):
    """A graph built by other code (or a template ingested before the index) states no happening keys: the
    store's write adds them, so the marker a new store states holds for it too."""
    from graph.rdf.happening_keys import PREDICATE
    from graph.store.embedded import Store

    iri, full, _ = _article("a", [("190", ["al-shabaab"], ["64435"], f"{DAY}T00:00:00"), ("042", [], [], f"{DAY}T00:00:00")])
    bare = "".join(line + "\n" for line in full.splitlines() if PREDICATE not in line)
    assert bare != full
    store = Store(tmp_path / "s")
    try:
        store.put_articles([(iri, bare, "")])
        links = f"SELECT ?e ?n WHERE {{ ?e <{PREDICATE}> ?n }}"
        got = {(r["e"].value, r["n"].value) for r in store.ox_query(links)}
        want = {(line.split()[0][1:-1], line.split()[2][1:-1]) for line in full.splitlines() if PREDICATE in line}
        assert got == want and len(want) == 2
    finally:
        store.close()
