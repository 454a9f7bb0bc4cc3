"""The networkx view: model attributes, windows, kinds, co-mentions, the cache, analytics."""
from __future__ import annotations

from datetime import date

import networkx as nx
import pytest
from synthetic import STORY, actor_id, article, make_store, place_id, release, write_story

from graph.store.embedded import Store
from graph.view import analytics, view


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = make_store(tmp_path_factory.mktemp("view") / "data")
    yield s
    release(s)


def test_nodes_and_edges_follow_the_model(store):
    g = view.build(store)
    fama, csp, kidal, ber = actor_id("fama"), actor_id("csp"), place_id("kidal"), place_id("ber")
    assert g.nodes[fama]["label"] == "Malian Armed Forces" and g.nodes[fama]["kind"] == "actor"
    assert g.nodes[kidal]["kind"] == "place" and abs(g.nodes[kidal]["lat"] - 18.44) < 0.01
    assert "lat" not in g.nodes[ber]
    assert (g.nodes[fama]["first_seen"], g.nodes[fama]["last_seen"]) == ("2023-09-01", "2023-11-14")
    attacks = g.get_edge_data(fama, csp)  # parallel edges: one per event, none merged
    assert len(attacks) == 3 and all(d["kind"] == "event" and d["event_type"] == "190" for d in attacks.values())
    d = attacks["event/a1/0"]
    assert (d["date"], d["end"], d["article"], d["sentence"]) == ("2023-10-01", "2023-10-31", "article/a1", "sentence/a1/0")
    assert g.get_edge_data(csp, kidal) and all(d["kind"] == "located" for d in g.get_edge_data(csp, kidal).values())
    wagner = actor_id("wagner")
    assert g.has_edge(wagner, csp) and g.has_edge(wagner, actor_id("jnim"))  # one event, two targets
    events = sum(len(evs) for _, evs in STORY.values())
    assert len({d["event"] for *_, d in g.edges(data=True)}) == events


def test_window_keeps_events_begun_inside_it(store):
    g = view.build(store, date(2023, 10, 1), date(2023, 10, 31))
    assert g.number_of_edges() > 0
    assert all("2023-10-01" <= d["date"] <= "2023-10-31" for *_, d in g.edges(data=True))
    assert actor_id("vdp") not in g and all("2023-10" in d["first_seen"] for _, d in g.nodes(data=True))


def test_events_as_nodes_and_co_mentions(store):
    g = view.build(store, kinds=("actor", "place", "event"))
    ev = g.nodes["event/a2/2"]
    assert ev["kind"] == "event" and ev["label"] == "drone strikes on Kidal"
    assert g.has_edge(actor_id("wagner"), "event/a2/2") and g.has_edge("event/a2/2", actor_id("jnim"))
    assert g.has_edge("event/a2/2", place_id("kidal"))
    co = view.build(store, co_mentions=True)
    weights = {(u, v): d["weight"] for u, v, d in co.edges(data=True) if d["kind"] == "co_mention"}
    assert weights[tuple(sorted((actor_id("csp"), actor_id("fama"))))] == 4  # sentences naming both
    with pytest.raises(ValueError):
        view.build(store, kinds=("actor", "planet"))


def test_collapsed_graph_weights_count_events(store):
    v = view.get(store)
    assert v.digraph[actor_id("fama")][actor_id("csp")]["weight"] == 3
    assert v.graph[actor_id("fama")][actor_id("csp")]["weight"] == 4  # both directions
    assert v.digraph.number_of_nodes() == v.multi.number_of_nodes()


def test_cache_per_revision_and_window(tmp_path):
    s = make_store(tmp_path / "d", only=["a1"])
    try:
        rev = s.revision
        first = view.get(s)
        builds = view.CACHE.builds
        assert view.get(s) is first and view.CACHE.builds == builds  # nothing changed: no rebuild
        assert view.get(s, date(2023, 10, 1)) is not first  # another window, another view
        s.put_graph(*article("a2", *STORY["a2"]))
        assert s.revision == rev + 1
        second = view.get(s)
        assert second is not first and second.multi.number_of_edges() > first.multi.number_of_edges()
    finally:
        release(s)
    reopened = Store(tmp_path / "d")
    assert reopened.revision == rev + 1  # persisted: another process sees the writer's revision
    release(reopened)


def test_snapshot_is_the_story_so_far(store):
    g = view.snapshot(store, date(2023, 10, 15)).multi
    assert g.number_of_edges() > 0 and all(d["date"] <= "2023-10-15" for *_, d in g.edges(data=True))
    assert actor_id("wagner") not in g


def test_analytics_are_deterministic_and_labelled(store):
    v = view.get(store)
    expected = {"degree": nx.degree_centrality(v.digraph), "pagerank": nx.pagerank(v.digraph),
                "betweenness": nx.betweenness_centrality(v.graph)}
    for measure in analytics.MEASURES:
        ranked = analytics.centrality(v, measure).page(v, 1000)
        assert len(ranked) == len(v.multi) and all(r["label"] for r in ranked)
        assert [r["score"] for r in ranked] == sorted((r["score"] for r in ranked), reverse=True)
        assert all(abs(r["score"] - expected[measure][r["id"]]) < 1e-6 for r in ranked)  # networkx's numbers
        assert all(r["events"] == v.digraph.degree(r["id"], weight="weight") for r in ranked)
    fresh = view.View(view.build(store), store.revision)
    assert analytics.communities(fresh) == analytics.communities(v)
    groups = [{m["id"] for m in c["members"]} for c in analytics.communities(v)]
    assert set().union(*groups) == set(v.multi) and sum(map(len, groups)) == len(v.multi)
    burkina = next(gr for gr in groups if actor_id("vdp") in gr)
    assert actor_id("isgs") in burkina and actor_id("fama") not in burkina


def test_paths_and_neighbourhoods(store):
    v = view.get(store)
    hops = analytics.path(v, actor_id("minusma"), actor_id("csp"))
    assert hops and hops[0]["source"]["id"] == actor_id("minusma") and hops[-1]["target"]["id"] == actor_id("csp")
    assert all(h["edges"] and all(e["event"] for e in h["edges"]) for h in hops)
    assert analytics.path(v, actor_id("vdp"), actor_id("fama")) is None
    hood = analytics.neighbors(v, actor_id("csp"), 1)
    ids = {n["id"]: n["distance"] for n in hood["nodes"]}
    assert ids[actor_id("csp")] == 0 and ids[actor_id("fama")] == 1 and actor_id("vdp") not in ids
    assert all(e["source"] in ids and e["target"] in ids for e in hood["edges"])


def test_write_story_is_idempotent(tmp_path):
    s = make_store(tmp_path / "d")
    try:
        before = view.build(s)
        write_story(s)  # re-ingesting the same articles replaces their graphs
        after = view.build(s)
        assert (after.number_of_nodes(), after.number_of_edges()) == (before.number_of_nodes(), before.number_of_edges())
    finally:
        release(s)
