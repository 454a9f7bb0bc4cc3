"""Analysts' corrections (`tkg fix`, /api/v1/corrections): the real store, the real CLI, a real server.

A story of our own (rebels attack Gao) is added to the seed and the Sahel articles; an analyst merges two
actors, splits an alias off an actor and moves Gao to Gao, Burkina Faso; the corrections must hold in the
graph, after the articles are ingested again, and for an article ingested later.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, SEEDS, run_tkg
from sparql_server import AUTH, TOKEN, ServeProcess
from test_ontology import declared

from graph.ids import BASE, CORRECTIONS_GRAPH, ONTOLOGY
from graph.store import lookup
from graph.store.embedded import Store

SAHEL = ROOT / "docs" / "data" / "sahel-articles.jsonl"
GAO_BF = 2360626  # Gao, Burkina Faso (the gazetteer picks Gao, Mali for our story)
STORY = {"title": "Rebels attack army post in Gao", "date": "2023-11-20T08:00:00Z", "source": "Test Wire",
         "url": "https://example.org/test-wire/gao-post",
         "text": "Malian rebels attacked an army post in Gao on Sunday, killing four soldiers, officials said. "
                 "The Malian Armed Forces said they had repelled the assault."}
LATER = {"title": "Rebels shell Gao airport", "date": "2023-11-23T08:00:00Z", "source": "Test Wire",
         "url": "https://example.org/test-wire/gao-airport",
         "text": "Malian rebels shelled the airport in Gao on Wednesday, a local official said."}


def jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def actor_events(data: Path, actor: str) -> set[str]:
    s = Store(data)
    try:
        q = f"SELECT DISTINCT ?e WHERE {{ ?e <http://semanticweb.cs.vu.nl/2009/11/sem/hasActor> <{BASE}{actor}> }}"
        return {r["e"].value[len(BASE):] for r in s.ox_query(q)}
    finally:
        s.close()


def describe(data: Path, kind: str, ref: str):
    s = Store(data)
    try:
        if kind == "actor":
            return lookup.actor(s, ref)
        return {p["id"]: p for p in lookup.places(s)}.get(ref)
    finally:
        s.close()


@pytest.fixture(scope="module")
def fixed(sahel_store, tmp_path_factory):
    """The Sahel store and our story, with three corrections made by `tkg fix`."""
    root = tmp_path_factory.mktemp("fixes")
    data = root / "data"
    shutil.copytree(sahel_store, data)
    story = jsonl(root / "story.jsonl", STORY)
    run_tkg("ingest", str(story), "--data", str(data), check=True)
    assert describe(data, "place", "place/2457163") is not None  # Gao, Mali, as extracted
    gone = actor_events(data, "actor/malian-rebels")
    assert gone, "the story must give Malian rebels events"
    run_tkg("fix", "merge", "tuareg-rebels", "actor/malian-rebels", "--by", "ana", "--data", str(data), check=True)
    run_tkg("fix", "split", "malian-armed-forces", "Mali’s army", "--data", str(data), check=True)
    run_tkg("fix", "place", "Gao", str(GAO_BF), "--by", "ana", "--data", str(data), check=True)
    return {"root": root, "data": data, "story": story, "gone": gone}


def check_corrections(data: Path, gone: set[str]) -> None:
    assert describe(data, "actor", "actor/malian-rebels") is None
    kept = describe(data, "actor", "actor/tuareg-rebels")
    assert "Malian rebels" in kept["aliases"]
    assert gone <= actor_events(data, "actor/tuareg-rebels")
    army = describe(data, "actor", "actor/malis-army")
    assert army is not None and army["counts"]["events"] >= 1 and "State" in army["types"]
    assert "Mali’s army" not in describe(data, "actor", "actor/malian-armed-forces")["aliases"]
    assert describe(data, "place", "place/2457163") is None
    gao = describe(data, "place", f"place/{GAO_BF}")
    assert gao["country"] == "BF" and abs(gao["lat"] - 11.64967) < 1e-4 and gao["events"] >= 1


def test_corrections_apply_and_survive_reingest(fixed):
    data = fixed["data"]
    check_corrections(data, fixed["gone"])
    run_tkg("ingest", str(SEEDS), str(SAHEL), str(fixed["story"]), "--data", str(data), check=True)
    check_corrections(data, fixed["gone"])
    # an article ingested after the corrections: its Malian rebels and its Gao are corrected too
    later = jsonl(fixed["root"] / "later.jsonl", LATER)
    run_tkg("ingest", str(later), "--data", str(data), check=True)
    assert describe(data, "actor", "actor/malian-rebels") is None
    assert describe(data, "place", "place/2457163") is None
    s = Store(data)
    try:
        rows = list(s.ox_query(f"""PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
            SELECT ?a ?p WHERE {{ GRAPH ?g {{ ?g <http://purl.org/dc/terms/title> "{LATER['title']}" . ?e a sem:Event ;
            sem:hasActor ?a ; sem:hasPlace ?p }} }}"""))
    finally:
        s.close()
    assert rows and {(r["a"].value, r["p"].value) for r in rows} == {(BASE + "actor/tuareg-rebels", f"{BASE}place/{GAO_BF}")}


def test_list_and_bad_input(fixed):
    data = str(fixed["data"])
    listed = [json.loads(line) for line in run_tkg("fix", "list", "--json", "--data", data, check=True).stdout.splitlines()]
    assert [d["action"] for d in listed] == ["merge", "split", "place"]
    assert listed[0]["by"] == "ana" and listed[1]["by"] == "cli" and listed[2]["geonames_id"] == GAO_BF
    for args, words in [(("merge", "tuareg-rebels", "no-such-actor"), "no actor 'no-such-actor'"),
                        (("split", "tuareg-rebels", "not an alias"), "has no alias 'not an alias'"),
                        (("place", f"place/{GAO_BF}", "99999999"), "GeoNames id 99999999 is not in the gazetteer"),
                        (("place", "Bamako", "twelve"), "'twelve' is not a GeoNames id"),
                        (("place", "Atlantis", str(GAO_BF)), "no place named 'Atlantis'"),
                        (("undo", "correction/nothing"), "no correction")]:
        proc = run_tkg("fix", *args, "--data", data)
        assert proc.returncode == 2, (args, proc.stderr)
        assert words in proc.stderr and "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1


def test_undo_puts_the_actor_back(sahel_store, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(sahel_store, data)
    before = actor_events(data, "actor/malian-rebels")
    out = run_tkg("fix", "merge", "tuareg-rebels", "malian-rebels", "--data", str(data), check=True).stdout
    assert describe(data, "actor", "actor/malian-rebels") is None
    run_tkg("fix", "undo", out.split(":")[0], "--by", "bo", "--data", str(data), check=True)
    assert describe(data, "actor", "actor/malian-rebels")["label"] == "Malian rebels"
    assert actor_events(data, "actor/malian-rebels") == before
    assert "Malian rebels" not in describe(data, "actor", "actor/tuareg-rebels")["aliases"]
    listed = run_tkg("fix", "list", "--all", "--json", "--data", str(data), check=True).stdout
    assert json.loads(listed)["undone"] and run_tkg("fix", "list", "--data", str(data), check=True).stdout == ""
    s = Store(data)
    try:  # every tkg: term of the corrections graph is declared in the ontology
        used = {r["p"].value for r in s.ox_query(f"SELECT DISTINCT ?p WHERE {{ GRAPH <{CORRECTIONS_GRAPH}> {{ ?s ?p ?o }} }}")}
        used |= {r["o"].value for r in s.ox_query(f"SELECT DISTINCT ?o WHERE {{ GRAPH <{CORRECTIONS_GRAPH}> {{ ?s a ?o }} }}")}
    finally:
        s.close()
    ours = {t for t in used if t.startswith(ONTOLOGY)}
    assert len(ours) >= 8 and ours <= declared(), ours - declared()


def test_rest(fixed, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(fixed["data"], data)
    srv = ServeProcess(data, env={"TKG_TOKEN": TOKEN})
    try:
        c = srv.client
        timeline = c.get("/api/v1/actors/tuareg-rebels/timeline", params={"limit": 1000}).json()
        assert fixed["gone"] <= {e["id"] for e in timeline["events"]}
        assert c.get("/api/v1/actors/malian-rebels").status_code == 404
        features = {f["id"]: f for f in c.get("/api/v1/places").json()["features"]}
        assert features[f"place/{GAO_BF}"]["geometry"]["coordinates"] == pytest.approx([-2.17777, 11.64967])
        assert "place/2457163" not in features
        listed = c.get("/api/v1/corrections").json()["corrections"]
        assert [d["action"] for d in listed] == ["merge", "split", "place"]
        body = {"action": "merge", "keep": "malian-armed-forces", "gone": "malis-army", "by": "cy"}
        assert c.post("/api/v1/corrections", json=body).status_code == 401
        assert c.post("/api/v1/corrections", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
        bad = c.post("/api/v1/corrections", json={**body, "gone": "nobody"}, headers=AUTH)
        assert bad.status_code == 404 and "no actor 'nobody'" in bad.json()["detail"]
        assert c.post("/api/v1/corrections", json={"action": "place", "target": "Bamako"},
                      headers=AUTH).status_code == 400
        made = c.post("/api/v1/corrections", json=body, headers=AUTH)
        assert made.status_code == 201 and made.json()["by"] == "cy"
        assert c.get("/api/v1/actors/malis-army").status_code == 404
        undone = c.delete(f"/api/v1/corrections/{made.json()['id']}", headers=AUTH)
        assert undone.status_code == 200
        assert c.get("/api/v1/actors/malis-army").status_code == 200
    finally:
        srv.stop()
    closed = ServeProcess(data)  # no TKG_TOKEN: writes are off
    try:
        r = httpx.post(closed.url + "/api/v1/corrections", json=body, headers=AUTH)
        assert r.status_code == 403 and r.json()["error"]
    finally:
        closed.stop()


def test_an_event_without_a_place_gets_one(sahel_store, tmp_path):
    """`tkg fix place EVENT ID` on an event the extractor left without a place sets it (it used to do nothing),
    in the event's own article graph, and undo takes it away again."""
    data = tmp_path / "data"
    shutil.copytree(sahel_store, data)
    has_place = "<http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace>"
    s = Store(data)
    try:
        row = next(iter(s.ox_query(f"SELECT ?e ?g WHERE {{ GRAPH ?g {{ ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> "
                                   f"FILTER NOT EXISTS {{ ?e {has_place} ?p }} }} }} LIMIT 1")))
    finally:
        s.close()
    event, graph = row["e"].value, row["g"].value
    out = run_tkg("fix", "place", event[len(BASE):], str(GAO_BF), "--data", str(data), check=True).stdout
    s = Store(data)
    try:
        placed = {(r["g"].value, r["p"].value) for r in s.ox_query(f"SELECT ?g ?p WHERE {{ GRAPH ?g {{ <{event}> {has_place} ?p }} }}")}
    finally:
        s.close()
    assert placed == {(graph, f"{BASE}place/{GAO_BF}")}
    assert describe(data, "place", f"place/{GAO_BF}")["country"] == "BF"
    run_tkg("fix", "undo", out.split(":")[0], "--data", str(data), check=True)
    s = Store(data)
    try:
        assert not list(s.ox_query(f"SELECT ?p WHERE {{ <{event}> {has_place} ?p }}"))
    finally:
        s.close()
