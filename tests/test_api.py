"""The real HTTP server (uvicorn) on a free 127.0.0.1 port."""
from __future__ import annotations

import csv
import io

KIDAL_EVENTS = """
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?e ?label ?date WHERE {
  ?e a sem:Event ; rdfs:label ?label ; sem:hasPlace ?p ; sem:hasTimeStamp ?date .
  ?p rdfs:label "Kidal" .
}"""


def test_sparql_get_kidal_events_dated_14_november(client):
    r = client.get("/sparql", params={"query": KIDAL_EVENTS}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    rows = r.json()["results"]["bindings"]
    assert any(b["date"]["value"] == "2023-11-14" for b in rows), rows


def test_sparql_post_form_and_direct(client):
    r1 = client.post("/sparql", data={"query": KIDAL_EVENTS})
    r2 = client.post("/sparql", content=KIDAL_EVENTS, headers={"Content-Type": "application/sparql-query"})
    assert r1.status_code == r2.status_code == 200
    assert r1.json()["results"]["bindings"] == r2.json()["results"]["bindings"]


def test_sparql_csv_and_errors(client):
    r = client.get("/sparql", params={"query": KIDAL_EVENTS}, headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert next(csv.reader(io.StringIO(r.text))) == ["e", "label", "date"]
    bad = client.get("/sparql", params={"query": "SELEKT * WHERE {}"})
    assert bad.status_code == 400 and bad.json()["error"] == "malformed query"
    assert client.get("/sparql", params={"query": KIDAL_EVENTS}, headers={"Accept": "image/png"}).status_code == 406
    assert client.post("/sparql", content="x", headers={"Content-Type": "text/plain"}).status_code == 415
    upd = client.post("/sparql", data={"update": "DROP ALL"})
    assert upd.status_code == 400


def test_timeline_in_time_order_with_provenance(client):
    r = client.get("/api/v1/timeline", params={"limit": 500})
    assert r.status_code == 200
    events = r.json()["events"]
    assert len(events) >= 10
    begins = [e["begin"] for e in events]
    assert begins == sorted(begins)
    for e in events:
        assert e["sentence"]["text"] and e["article"]["title"].startswith("Mali junta")
    kidal = [e for e in events if e["place"] and e["place"]["label"] == "Kidal"]
    assert kidal and kidal[0]["place"]["lat"] is not None
    assert abs(kidal[0]["place"]["lat"] - 18.44) < 0.5 and abs(kidal[0]["place"]["lon"] - 1.41) < 0.5


def test_timeline_compact_leaves_out_provenance_only(client):
    """compact=true (the page's lists): the same events, in the same order, without sentence, article and
    sources; the default answer keeps them (REST clients); the OpenAPI documents the parameter."""
    full = client.get("/api/v1/timeline", params={"limit": 40, "actor": "MINUSMA"})
    lean = client.get("/api/v1/timeline", params={"limit": 40, "actor": "MINUSMA", "compact": "true"})
    assert full.status_code == lean.status_code == 200
    assert len(lean.content) < len(full.content) * 0.8
    drop = {"sentence", "article", "sources"}
    full_events, lean_events = full.json()["events"], lean.json()["events"]
    assert lean_events and all(drop <= set(e) for e in full_events)
    assert lean_events == [{k: v for k, v in e.items() if k not in drop} for e in full_events]
    assert lean.json()["next_offset"] == full.json()["next_offset"]
    params = client.get("/openapi.json").json()["paths"]["/api/v1/timeline"]["get"]["parameters"]
    assert "sources" in next(p for p in params if p["name"] == "compact")["description"]
    assert client.get("/api/v1/timeline", params={"compact": "maybe"}).status_code == 422


def test_timeline_filters(client):
    window = client.get("/api/v1/timeline", params={"from": "2023-10-01", "to": "2023-10-31", "limit": 500}).json()["events"]
    assert window and all("2023-10-01" <= e["begin"][:10] <= "2023-10-31" for e in window)
    at_kidal = client.get("/api/v1/timeline", params={"place": "Kidal", "limit": 500}).json()["events"]
    assert at_kidal and all("Kidal" in e["place"]["label"] for e in at_kidal)
    by_id = client.get("/api/v1/timeline", params={"place": "place/2455290", "limit": 500}).json()["events"]
    assert by_id and all(e["place"]["id"] == "place/2455290" for e in by_id)
    assert client.get("/api/v1/timeline", params={"type": "19>"}).status_code == 422
    assert client.get("/api/v1/timeline", params={"actor": "actor/x>"}).status_code == 422
    by_actor = client.get("/api/v1/timeline", params={"actor": "MINUSMA", "limit": 500}).json()["events"]
    assert by_actor and all(any("MINUSMA" in a["label"] for a in e["actors"]) for e in by_actor)
    bad = client.get("/api/v1/timeline", params={"from": "14/11/2023"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "from"


def test_openapi_docs(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert "/sparql" in paths and "/api/v1/timeline" in paths and "/api/v1/export/graphml" in paths
