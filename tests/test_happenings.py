"""One event per happening: the real `tkg ingest`, the real store, the real server.

A story of our own: three outlets report the same JNIM attack on an army post in Menaka (different wording, same
actor, place and day), ingested in two runs; a fourth article, from one of those outlets, reports another JNIM
attack in Menaka three weeks later. The timeline shows the first attack once, with a source in each article, and
the second apart; ingesting everything again changes nothing; splitting a mention out shows it apart again, and a
later ingest does not merge it back.
"""
from __future__ import annotations

import json
import shutil
from datetime import datetime

import pyoxigraph as ox
import pytest
from conftest import run_tkg

from graph.ids import HAPPENINGS_GRAPH, ONTOLOGY

STORY = [  # (file, outlet, published, title, text): written for this test
    ("h1.json", "Sahel Wire", "2024-03-12T10:00:00Z", "Militants attack army post near Menaka",
     "JNIM attacked a Malian army post in Menaka on Monday, security sources said."),
    ("h2.json", "Niger Valley Post", "2024-03-12T18:30:00Z", "Army camp in Menaka hit by jihadists",
     "JNIM stormed an army camp in the town of Menaka on Monday, the Malian army said in a statement."),
    ("h3.json", "Bamako Herald", "2024-03-13T08:00:00Z", "Menaka post attacked",
     "On Monday, JNIM attacked the Malian army in Menaka, local officials told reporters."),
    ("h4.json", "Sahel Wire", "2024-04-03T09:00:00Z", "New attack near Menaka",
     "JNIM attacked a Malian army convoy in Menaka on Tuesday, officials said."),
]
MENAKA = "place/2453514"
TOKEN = "happening-test-token"


def _links(data) -> set[str]:
    store = ox.Store.read_only(str(data))
    try:
        return {f"{q.subject} {q.predicate} {q.object}"
                for q in store.quads_for_pattern(None, None, None, ox.NamedNode(HAPPENINGS_GRAPH))}
    finally:
        del store


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("happening")
    files = []
    for name, outlet, published, title, text in STORY:
        path = root / name
        path.write_text(json.dumps({"url": f"https://{outlet.replace(' ', '').lower()}.example/{name[:-5]}",
                                    "source": outlet, "published": published, "title": title, "text": text}))
        files.append(str(path))
    data = root / "data"
    first = run_tkg("ingest", *files[:2], "--data", str(data), check=True)
    second = run_tkg("ingest", *files[2:], "--data", str(data), check=True)
    links = _links(data)
    again = run_tkg("ingest", *files, "--data", str(data), check=True)
    return {"data": data, "files": files, "runs": [first, second, again], "links": links}


@pytest.fixture(scope="module")
def served(story, tmp_path_factory):
    from sparql_server import ServeProcess

    data = tmp_path_factory.mktemp("happening-served") / "data"
    shutil.copytree(story["data"], data)
    srv = ServeProcess(data, env={"TKG_TOKEN": TOKEN})
    yield srv.client
    srv.stop()


def attacks(client, path="/api/v1/timeline", **params) -> list[dict]:
    r = client.get(path, params={"type": "19", **params})
    assert r.status_code == 200, r.text
    return [e for e in r.json()["events"] if (e["place"] or {}).get("id") == MENAKA]


def test_three_reports_of_one_attack_are_one_timeline_entry(served):
    march = attacks(served, **{"from": "2024-03-01", "to": "2024-03-31"})
    assert len(march) == 1, [e["label"] for e in march]
    sources = march[0]["sources"]
    assert {s["article"]["publisher"] for s in sources} == {"Sahel Wire", "Niger Valley Post", "Bamako Herald"}
    assert sources[0]["event"] == march[0]["id"]  # the event's own sentence first
    assert all(s["sentence"]["text"] and "JNIM" in s["sentence"]["text"] for s in sources)


def test_another_attack_by_the_same_actor_stays_apart(served):
    every = attacks(served)
    assert sorted(e["date"] for e in every) == ["2024-03-11", "2024-04-02"]
    april = next(e for e in every if e["date"] == "2024-04-02")
    assert [s["article"]["title"] for s in april["sources"]] == ["New attack near Menaka"]


def test_actor_timeline_and_exports_count_the_happening_once(served):
    jnim = attacks(served, path="/api/v1/actors/actor/jnim/timeline")
    assert sorted(e["date"] for e in jnim) == ["2024-03-11", "2024-04-02"]
    r = served.get("/api/v1/export/events", params={"format": "json", "style": "tkg", "type": "19"})
    assert r.status_code == 200, r.text
    rows = r.json()["data"]
    assert sorted(e["event_date"] for e in rows if "2453514" in json.dumps(e)) == ["2024-03-11", "2024-04-02"]


def test_merged_reports_are_on_the_deletions_list(served):
    """A local copy of the event table (acledR-style) drops the reports merged into a happening."""
    march = attacks(served, **{"from": "2024-03-01", "to": "2024-03-31"})[0]
    merged = {s["event"] for s in march["sources"]} - {march["id"]}
    r = served.get("/api/v1/export/events/deletions", params={"format": "json"})
    assert r.status_code == 200, r.text
    body = r.json()
    rows = body["data"] if isinstance(body, dict) else body
    gone = {str(row.get("event_id_cnty") or row.get("id")) for row in rows}
    assert len(merged) == 2 and all(any(m.endswith(g) or g.endswith(m) for g in gone) for m in merged), (merged, gone)


def test_links_are_recorded_with_evidence_and_reingest_changes_nothing(story):
    links = story["links"]
    assert sum("sameHappeningAs" in t for t in links) == 2
    assert any("#evidence>" in t and "same place" in t for t in links)
    assert any("#score>" in t for t in links) and any("generatedAtTime" in t for t in links)
    assert _links(story["data"]) == links


def test_the_happenings_graph_passes_the_shapes(story):
    from rdflib import RDF, Graph, URIRef

    from graph.rdf.validate import validate
    from graph.store.happenings import LINK_CLASS

    g = Graph().parse(data="\n".join(t + " ." for t in story["links"]), format="nt")
    ok, report = validate(g)
    assert ok, report
    g.add((URIRef("https://w3id.org/timeline-kg/id/happening-link/broken"), RDF.type, URIRef(LINK_CLASS)))
    assert not validate(g)[0]  # no mention, representative, score or record time


def test_split_is_recorded_and_survives_reingest(story, tmp_path):
    from graph.store import queries
    from graph.store.embedded import Store
    from graph.store.happenings import split

    data = tmp_path / "data"
    shutil.copytree(story["data"], data)
    store = Store(data)
    try:
        merged = [e for e in queries.timeline(store, event_type="19") if len(e["sources"]) == 3][0]
        mention = merged["sources"][-1]["event"]
        undone = split(store, f"https://w3id.org/timeline-kg/id/{mention}", when=datetime(2024, 5, 1))
        assert undone == [{"mention": mention, "representative": merged["id"]}]
        march = [e for e in queries.timeline(store, event_type="19") if e["date"] == "2024-03-11"]
        assert sorted(len(e["sources"]) for e in march) == [1, 2]
    finally:
        store.close()
    run_tkg("ingest", *story["files"], "--data", str(data), check=True)
    store = Store(data)
    try:
        march = [e for e in queries.timeline(store, event_type="19") if e["date"] == "2024-03-11"]
        assert sorted(len(e["sources"]) for e in march) == [1, 2]
        gone = store.ox_query(f"SELECT ?l WHERE {{ GRAPH <{HAPPENINGS_GRAPH}> {{ ?l <http://www.w3.org/ns/prov#"
                              "invalidatedAtTime> ?t } }")
        assert len(list(gone)) == 1
    finally:
        store.close()


def test_score_rules():
    from graph.ingest.happenings import Ev, score

    def ev(iri, day, place="p", agents=("jnim",), code="190", by_article=False):
        b = datetime.fromisoformat(f"{day}T00:00:00")
        return Ev(iri, "a" + iri, code, b, b.replace(hour=23, minute=59), by_article, "", set(agents), set(), place)

    assert score(ev("1", "2024-03-11"), ev("2", "2024-03-11"))[0] >= 0.8
    assert score(ev("1", "2024-03-11"), ev("2", "2024-03-12"))[0] == 0  # another day
    assert score(ev("1", "2024-03-11"), ev("2", "2024-03-11", place="q"))[0] == 0  # another place
    assert score(ev("1", "2024-03-11"), ev("2", "2024-03-11", agents=("isgs",)))[0] == 0  # other agents
    assert score(ev("1", "2024-03-11"), ev("2", "2024-03-11", code="042"))[0] == 0  # a visit is no attack
    assert score(ev("1", "2024-03-11"), ev("2", "2024-03-13", by_article=True))[0] > 0  # dated by its article
    assert score(ev("1", "2024-03-11", place=None), ev("2", "2024-03-13", place=None, by_article=True))[0] == 0


def test_rest_shows_and_splits_a_merge(served):
    """Last in the module: it changes the served store."""
    merged = attacks(served, **{"from": "2024-03-01", "to": "2024-03-31"})[0]
    mention = merged["sources"][1]["event"]
    one = served.get(f"/api/v1/events/{mention}").json()
    assert one["same_happening_as"] == merged["id"] and len(one["sources"]) == 3
    assert served.delete(f"/api/v1/events/{mention}/happening").status_code == 401
    r = served.delete(f"/api/v1/events/{mention}/happening", headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    assert r.json() == {"split": [{"mention": mention, "representative": merged["id"]}]}
    march = attacks(served, **{"from": "2024-03-01", "to": "2024-03-31"})
    assert sorted(len(e["sources"]) for e in march) == [1, 2]
    assert served.get(f"/api/v1/events/{mention}").json()["same_happening_as"] is None
    again = served.delete(f"/api/v1/events/{mention}/happening", headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.status_code == 404 and again.json()["error"] == "not found"


def test_windows_through_the_time_index_hide_the_mentions_as_a_scan_does(story, tmp_path):
    """Timeline windows (alone, by actor, by place, by type) and the event table reach their events through the
    day links and answer what the FILTER over every date answers: one event per happening. Writing the happening
    links and splitting one leave the kept counts exact (no recount), and the count covers every event."""
    from datetime import date

    from graph.store import event_rows, queries, time_index
    from graph.store.embedded import Store
    from graph.store.happenings import split

    data = tmp_path / "data"
    shutil.copytree(story["data"], data)
    store = Store(data)

    def both(fn):  # (through the index, by the scan a store without the index falls back to)
        store._time_index_state = None
        through = fn()
        store._time_index_state = (store.revision, time_index.IndexState(indexed=False))
        scanned = fn()
        store._time_index_state = None  # read afresh: indexed again
        return through, scanned

    try:
        assert time_index.state(store).indexed and not time_index.state(store).stale
        mentions = {r["m"].value.rsplit("/id/", 1)[1] for r in store.ox_query(
            f"SELECT ?m WHERE {{ GRAPH <{HAPPENINGS_GRAPH}> {{ ?m <{ONTOLOGY}sameHappeningAs> ?r }} }}")}
        assert len(mentions) == 2
        march = (date(2024, 3, 1), date(2024, 3, 31))
        for kw in ({}, {"actor": "actor/jnim"}, {"place": MENAKA}, {"event_type": "19"}, {"all_events": True}):
            got, scanned = both(lambda kw=kw: sorted(e["id"] for e in queries.timeline(store, *march, limit=500, **kw)))
            assert got == scanned and got and not set(got) & mentions, kw
        flt = event_rows.EventFilter(start=march[0], end=march[1], actor="jnim")
        got, scanned = both(lambda: [r["id"] for r in event_rows.rows(store, flt)])
        assert got == scanned and got and not set(got) & mentions
        every = store.ox_query("SELECT (COUNT(*) AS ?n) WHERE { ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> }")
        assert time_index.count(store) == int(next(iter(every))["n"].value)
        split(store, f"{queries.BASE}{sorted(mentions)[0]}", when=datetime(2024, 5, 1))
        assert not time_index.state(store).stale
        got, scanned = both(lambda: sorted(e["id"] for e in queries.timeline(store, *march, limit=500, event_type="19")))
        assert got == scanned and sorted(mentions)[0] in got
    finally:
        store.close()
