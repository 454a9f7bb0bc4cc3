"""The REST graph API over a real server: the synthetic story, and the seed for id round trips."""
from __future__ import annotations

import csv
import io
import json

import httpx
import networkx as nx
import pytest
from sparql_server import ServeProcess as Server
from synthetic import actor_id, make_store, place_id, release

API = "/api/v1"


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    data = tmp_path_factory.mktemp("story") / "data"
    release(make_store(data))
    srv = Server(data)
    with httpx.Client(base_url=srv.url + API, timeout=60) as c:
        yield c
    srv.stop()


def field_of(r: httpx.Response) -> str:
    assert r.status_code == 422, r.text
    return r.json()["detail"][0]["field"]


def test_neighbors(story):
    r = story.get(f"/graph/neighbors/{actor_id('csp')}")
    assert r.status_code == 200
    body = r.json()
    near = {n["id"]: n["distance"] for n in body["nodes"]}
    assert body["node"]["label"] == "Permanent Strategic Framework" and near[actor_id("fama")] == 1
    assert place_id("kidal") in near and actor_id("vdp") not in near
    far = {n["id"] for n in story.get(f"/graph/neighbors/{actor_id('csp')}", params={"depth": 2}).json()["nodes"]}
    assert set(near) < far and actor_id("minusma") in far
    assert story.get("/graph/neighbors/csp").json()["node"]["id"] == actor_id("csp")  # kind may be left out
    paged = story.get(f"/graph/neighbors/{actor_id('csp')}", params={"limit": 2}).json()
    assert len(paged["nodes"]) == 2 and paged["next_offset"] == 2


def test_neighbors_errors(story):
    r = story.get("/graph/neighbors/actor/nobody")
    assert r.status_code == 404 and r.json()["error"] == "not found" and "actor/nobody" in r.json()["detail"]
    out_of_window = story.get(f"/graph/neighbors/{actor_id('vdp')}", params={"to": "2023-10-31"})
    assert out_of_window.status_code == 404 and out_of_window.json()["error"] == "not in graph"
    assert field_of(story.get(f"/graph/neighbors/{actor_id('csp')}", params={"depth": 9})) == "depth"
    assert field_of(story.get(f"/graph/neighbors/{actor_id('csp')}", params={"from": "October"})) == "from"
    assert field_of(story.get(f"/graph/neighbors/{actor_id('csp')}", params={"from": "2023-11-01", "to": "2023-10-01"})) == "from"


def test_path_with_events_on_each_hop(story):
    r = story.get("/graph/path", params={"source": actor_id("minusma"), "target": actor_id("csp")})
    assert r.status_code == 200
    body = r.json()
    assert body["length"] == len(body["hops"]) >= 2
    assert body["hops"][0]["source"]["id"] == actor_id("minusma") and body["hops"][-1]["target"]["id"] == actor_id("csp")
    for hop in body["hops"]:
        assert hop["edges"]
        for e in hop["edges"]:
            ev = story.get(f"/events/{e['event']}")  # every event on the way resolves, with provenance
            assert ev.status_code == 200 and ev.json()["provenance"]["derived_from"]["text"]
    none = story.get("/graph/path", params={"source": actor_id("vdp"), "target": actor_id("fama")})
    assert none.status_code == 404 and none.json()["error"] == "no path"
    assert story.get("/graph/path", params={"source": "actor/nobody", "target": actor_id("fama")}).status_code == 404
    assert field_of(story.get("/graph/path", params={"source": actor_id("vdp")})) == "target"


def test_centrality_in_northern_mali_in_october(story):
    everyone = story.get("/graph/snapshot", params={"at": "2100-01-01", "limit": 1}).json()["node_count"]
    for measure in ("degree", "betweenness", "pagerank"):
        r = story.get("/graph/centrality", params={"measure": measure, "limit": 100})
        assert r.status_code == 200
        body = r.json()
        scores = [n["score"] for n in body["nodes"]]
        assert body["total"] == everyone == len(scores) and scores == sorted(scores, reverse=True)
    october = story.get("/graph/centrality", params={"measure": "degree", "from": "2023-10-01", "to": "2023-10-31"}).json()
    ids = [n["id"] for n in october["nodes"]]
    assert ids[0] in {actor_id("fama"), actor_id("csp")} and actor_id("wagner") not in ids
    assert field_of(story.get("/graph/centrality", params={"measure": "fame"})) == "measure"
    assert field_of(story.get("/graph/centrality", params={"limit": 0})) == "limit"


def test_communities_deterministic(story):
    first = story.get("/graph/communities").json()
    assert first == story.get("/graph/communities").json()
    groups = [{m["id"] for m in c["members"]} for c in first["communities"]]
    assert first["total"] == len(groups) >= 2
    assert next(g for g in groups if actor_id("vdp") in g).isdisjoint({actor_id("fama"), actor_id("csp")})


def test_snapshot_as_it_stood(story):
    body = story.get("/graph/snapshot", params={"at": "2023-10-15"}).json()
    assert body["edge_count"] == len(body["edges"]) > 0
    assert all(e["date"] <= "2023-10-15" for e in body["edges"])
    assert {n["id"] for n in body["nodes"]} >= {actor_id("fama"), actor_id("csp")}
    assert actor_id("wagner") not in {n["id"] for n in body["nodes"]}
    assert field_of(story.get("/graph/snapshot", params={"at": "2023-13-01"})) == "at"
    assert field_of(story.get("/graph/snapshot")) == "at"


def test_actors(story):
    page = story.get("/actors", params={"limit": 2}).json()
    assert len(page["actors"]) == 2 and page["next_offset"] == 2
    assert story.get("/actors", params={"q": "csp"}).json()["actors"][0]["id"] == actor_id("csp")  # by alias
    csp = story.get(f"/actors/{actor_id('csp')}").json()
    assert csp["label"] == "Permanent Strategic Framework" and "CSP" in csp["aliases"]
    assert csp["first_seen"] == "2023-10-01" and csp["last_seen"] == "2023-11-14"
    assert csp["counts"]["as_target"] >= 3 and csp["counts"]["events"] == csp["counts"]["as_agent"] + csp["counts"]["as_target"]
    tl = story.get(f"/actors/{actor_id('csp')}/timeline").json()["events"]
    assert tl and [e["begin"] for e in tl] == sorted(e["begin"] for e in tl)
    assert all(any(a["id"] == actor_id("csp") for a in e["actors"]) for e in tl)
    assert story.get("/actors/actor/nobody").status_code == 404
    assert story.get("/actors/actor/nobody/timeline").status_code == 404
    for a in story.get("/actors", params={"limit": 100}).json()["actors"]:  # every listed id resolves
        assert story.get(f"/actors/{a['id']}").status_code == 200


def test_places_geojson(story):
    r = story.get("/places")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection"
    by_id = {f["id"]: f for f in fc["features"]}
    lon, lat = by_id[place_id("kidal")]["geometry"]["coordinates"]
    assert abs(lat - 18.44) < 0.01 and abs(lon - 1.41) < 0.01
    assert by_id[place_id("ber")]["geometry"] is None
    assert story.get(f"/places/{place_id('kidal')}").json()["properties"]["label"] == "Kidal"
    assert story.get("/places/place/atlantis").status_code == 404
    november = {f["id"] for f in story.get("/places", params={"from": "2023-11-15"}).json()["features"]}
    assert november == {place_id("djibo")}


def test_event_provenance(story):
    r = story.get("/events/event/a2/2")
    assert r.status_code == 200
    ev = r.json()
    assert ev["label"] == "drone strikes on Kidal" and ev["place"]["id"] == place_id("kidal")
    assert {a["role"] for a in ev["actors"]} == {"agent", "target"} and len(ev["actors"]) == 3
    prov = ev["provenance"]
    assert prov["derived_from"]["text"] == "drone strikes on Kidal." and prov["article"]["title"] == "Synthetic a2"
    assert story.get("/events/event/a9/9").status_code == 404
    assert story.get("/events/event/a1/x>y").status_code == 404  # not an IRI we could have minted


def test_http_exports_agree_with_the_view(story):
    snap = story.get("/graph/snapshot", params={"at": "2100-01-01", "limit": 1}).json()
    counts = (snap["node_count"], snap["edge_count"])
    g = nx.read_graphml(io.BytesIO(story.get("/export/graphml").content), force_multigraph=True)
    assert (g.number_of_nodes(), g.number_of_edges()) == counts
    r = story.get("/export/gexf")
    assert r.headers["content-type"].startswith("application/gexf+xml") and b'mode="dynamic"' in r.content
    data = story.get("/export/json").json()  # graphology's serialization
    assert (len(data["nodes"]), len(data["edges"])) == counts
    links = story.get("/export/node-link").json()
    assert (len(links["nodes"]), len(links["links"])) == counts
    rows = list(csv.DictReader(io.StringIO(story.get("/export/csv").text)))
    assert [sum(r["row"] == kind for r in rows) for kind in ("node", "edge")] == list(counts)
    edges = list(csv.DictReader(io.StringIO(story.get("/export/csv", params={"table": "edges"}).text)))
    assert len(edges) == counts[1]
    with_events = json.loads(story.get("/export/json", params={"events": "true"}).content)
    assert any(n["attributes"]["kind"] == "event" for n in with_events["nodes"])
    assert field_of(story.get("/export/gexf", params={"from": "2023-11-01", "to": "2023-10-01"})) == "from"


def test_openapi_documents_the_graph_api(story):
    paths = httpx.get(str(story.base_url).replace(API, "") + "openapi.json").json()["paths"]
    for p in ("/graph/neighbors/{id}", "/graph/path", "/graph/centrality", "/graph/communities", "/graph/snapshot",
              "/actors", "/actors/{id}", "/actors/{id}/timeline", "/places", "/events/{id}",
              "/export/graphml", "/export/gexf", "/export/json", "/export/node-link", "/export/csv"):
        assert API + p in paths, p


def test_seed_ids_resolve(client):
    for a in client.get(API + "/actors", params={"limit": 1000}).json()["actors"]:
        assert client.get(f"{API}/actors/{a['id']}").status_code == 200
    for f in client.get(API + "/places").json()["features"]:
        assert client.get(f"{API}/places/{f['id']}").status_code == 200
    for e in client.get(API + "/timeline", params={"limit": 20, "all": "true"}).json()["events"]:
        assert client.get(f"{API}/events/{e['id']}").json()["id"] == e["id"]
    ranked = client.get(API + "/graph/centrality", params={"measure": "pagerank"}).json()["nodes"]
    for n in ranked[:5]:
        assert client.get(f"{API}/graph/neighbors/{n['id']}").status_code == 200
