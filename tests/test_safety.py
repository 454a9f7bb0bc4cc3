"""Safety of the query service over real HTTP: tokens, no outbound requests, killable timeouts,
limits, CORS. Each server here is a real `tkg serve` subprocess with its own settings."""
from __future__ import annotations

import concurrent.futures as cf
import os
import shutil
import socket
import threading
import time

import httpx
import pytest
from sparql_server import AUTH, TOKEN, ServeProcess

# a cross product big enough to run for minutes on the seed store
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
# every graph but the time index's bookkeeping (an update of unknown extent marks its counts stale there)
COUNT = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
         "FILTER (?g != <https://w3id.org/timeline-kg/id/graph/time-index>) }")


def _count(c: httpx.Client, query: str = COUNT) -> int:
    r = c.get("/sparql", params={"query": query})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def guarded(tmp_path_factory, seed_store):
    """The seed served with a token, a 3 s query timeout, 2 workers, small limits and CORS for one origin."""
    data = tmp_path_factory.mktemp("guarded") / "data"
    shutil.copytree(seed_store, data)
    srv = ServeProcess(data, env={"TKG_TOKEN": TOKEN, "TKG_QUERY_TIMEOUT": "3", "TKG_QUERY_WORKERS": "2",
                                  "TKG_MAX_QUERIES": "3", "TKG_MAX_QUERY_LENGTH": "5000", "TKG_QUERY_MEMORY": "300",
                                  "TKG_MAX_BODY": "200000", "TKG_MAX_RESULT_BYTES": "20000",
                                  "TKG_CORS_ORIGINS": "https://yasgui.example"})
    yield srv
    srv.stop()


def test_writes_off_without_a_configured_token(client):
    r = client.post("/update", data={"update": "DROP ALL"}, headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403 and r.json()["error"] == "writes disabled"
    assert client.get("/store?default").status_code == 403
    assert client.delete("/store", params={"graph": "http://ex/g"}).status_code == 403


def test_missing_or_wrong_token_is_401_and_nothing_changes(guarded):
    c = guarded.client
    before = _count(c)
    tries = [
        lambda h: c.post("/update", data={"update": "DROP ALL"}, headers=h),
        lambda h: c.post("/update", content=b"CLEAR ALL", headers={**h, "Content-Type": "application/sparql-update"}),
        lambda h: c.put("/store?default", content=b"<http://a> <http://b> <http://c> .", headers={**h, "Content-Type": "text/turtle"}),
        lambda h: c.post("/store", params={"graph": "http://ex/x"}, content=b"<http://a> <http://b> <http://c> .",
                         headers={**h, "Content-Type": "text/turtle"}),
        lambda h: c.delete("/store", params={"graph": "http://ex/x"}, headers=h),
        lambda h: c.get("/store?default", headers=h),
    ]
    for bad in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": f"Basic {TOKEN}"},
                {"Authorization": f"Bearer {TOKEN}x"}):
        for attempt in tries:
            r = attempt(bad)
            assert r.status_code == 401, (bad, r.text)
            assert r.json()["error"] == "unauthorized" and "Bearer" in r.headers["www-authenticate"]
    assert _count(c) == before


def test_update_and_graph_store_round_trip_seen_by_queries(guarded):
    c = guarded.client
    before = _count(c)
    r = c.post("/update", data={"update": "INSERT DATA { GRAPH <http://ex/u> { <http://ex/a> <http://ex/p> 1 } }"}, headers=AUTH)
    assert r.status_code == 204
    assert _count(c) == before + 1  # a new checkpoint: the workers see the write
    assert c.post("/update", data={"update": "INSERT DATA { oops"}, headers=AUTH).status_code == 400
    # Graph Store: PUT, GET, POST (merge), HEAD, DELETE
    ttl = "@prefix ex: <http://ex/> . ex:s ex:p ex:o1 ."
    assert c.put("/store", params={"graph": "http://ex/g"}, content=ttl, headers={**AUTH, "Content-Type": "text/turtle"}).status_code == 201
    assert c.put("/store", params={"graph": "http://ex/g"}, content=ttl, headers={**AUTH, "Content-Type": "text/turtle"}).status_code == 204
    assert c.post("/store", params={"graph": "http://ex/g"}, content="<http://ex/s> <http://ex/p> <http://ex/o2> .",
                  headers={**AUTH, "Content-Type": "application/n-triples"}).status_code == 204
    r = c.get("/store", params={"graph": "http://ex/g"}, headers={**AUTH, "Accept": "application/n-triples"})
    assert r.status_code == 200 and sorted(r.text.split("\n"))[1:] == [
        "<http://ex/s> <http://ex/p> <http://ex/o1> .", "<http://ex/s> <http://ex/p> <http://ex/o2> ."]
    assert c.head("/store", params={"graph": "http://ex/g"}, headers=AUTH).status_code == 200
    assert _count(c) == before + 3
    assert c.put("/store", params={"graph": "http://ex/g"}, content="not turtle <", headers={**AUTH, "Content-Type": "text/turtle"}).status_code == 400
    assert c.put("/store", params={"graph": "http://ex/g"}, content=ttl, headers={**AUTH, "Content-Type": "image/png"}).status_code == 415
    assert c.delete("/store", params={"graph": "http://ex/g"}, headers=AUTH).status_code == 204
    assert c.delete("/store", params={"graph": "http://ex/g"}, headers=AUTH).status_code == 404
    assert c.get("/store", params={"graph": "http://ex/g"}, headers=AUTH).status_code == 404
    assert c.get("/store", headers=AUTH).status_code == 400
    r = c.post("/store", content=ttl, headers={**AUTH, "Content-Type": "text/turtle"})  # a new graph
    assert r.status_code == 201 and c.get(r.headers["location"].replace(guarded.url, ""), headers=AUTH).status_code in (400, 404, 200)
    assert c.delete("/store", params={"graph": r.headers["location"]}, headers=AUTH).status_code == 204
    assert c.post("/update", data={"update": "DROP GRAPH <http://ex/u>"}, headers=AUTH).status_code == 204
    assert _count(c) == before


class Listener:
    """A TCP socket on 127.0.0.1 that records every connection it receives."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits: list[bytes] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            conn.settimeout(1)
            try:
                self.hits.append(conn.recv(4096) or b"(connected)")
            except OSError:
                self.hits.append(b"(connected)")
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        self.sock.close()


def test_service_and_load_are_refused_and_nothing_leaves_the_server(guarded):
    c = guarded.client
    ear = Listener()
    target = f"http://127.0.0.1:{ear.port}/sparql"
    try:
        queries = [
            f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
            f"select * where {{ service silent <{target}> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ ?s ?p ?o . SERVICE <{target}> {{ ?s ?p ?x }} }} LIMIT 1",
            f"PREFIX ex: <http://ex/> SELECT * WHERE {{ ?s ex:a\\' ?o . SERVICE <{target}> {{ ?s ?p ?o }} FILTER('x') }}",
            f"SELECT * WHERE {{ BIND(<{target}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
        ]
        for q in queries:
            for r in (c.get("/sparql", params={"query": q}), c.post("/sparql", data={"query": q})):
                assert r.status_code == 400, (q, r.text)
                assert r.json()["error"] == "forbidden operation"
        updates = [f"LOAD <{target}>", f"LOAD SILENT <{target}> ; LOAD <{target}>",
                   f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}"]
        for u in updates:
            r = c.post("/update", data={"update": u}, headers=AUTH)
            assert r.status_code == 400 and r.json()["error"] == "forbidden operation", (u, r.text)
        # LOAD SILENT succeeds without fetching anything (a load that fails silently)
        r = c.post("/update", data={"update": f"LOAD SILENT <{target}> INTO GRAPH <http://ex/g>"}, headers=AUTH)
        assert r.status_code == 204, r.text
        # a harmless query that merely mentions the word is answered
        ok = c.get("/sparql", params={"query": 'SELECT ?service WHERE { BIND("secret service" AS ?service) }'})
        assert ok.status_code == 200
        time.sleep(0.5)
    finally:
        ear.close()
    assert ear.hits == []


def test_timeout_stops_the_work_and_others_are_served(guarded):
    c = guarded.client
    workers_before = guarded.worker_pids()
    assert len(workers_before) == 2
    with cf.ThreadPoolExecutor(1) as ex:
        slow = ex.submit(lambda: httpx.get(guarded.url + "/sparql", params={"query": SLOW}, timeout=60))
        # meanwhile the REST API and other queries are answered
        time.sleep(0.5)
        assert c.get("/api/v1/timeline", params={"limit": 5}).status_code == 200
        assert c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True
        r = slow.result()
    assert r.status_code == 503
    assert r.json()["error"] == "query timeout" and "stopped" in r.json()["detail"]
    # the worker that ran it was killed (the work stopped) and replaced
    deadline = time.time() + 30
    while time.time() < deadline and len(guarded.worker_pids()) < 2:
        time.sleep(0.1)
    after = guarded.worker_pids()
    assert len(after) == 2 and len(workers_before - after) == 1
    for pid in workers_before - after:
        assert not os.path.exists(f"/proc/{pid}") or "zombie" in open(f"/proc/{pid}/status").read().lower()
    assert c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200


def test_too_many_concurrent_queries_is_503_not_a_crash(guarded):
    # 2 workers, at most 3 queries in flight: of 6 slow queries at once, some are turned away at once
    with cf.ThreadPoolExecutor(6) as ex:
        futures = [ex.submit(lambda: httpx.get(guarded.url + "/sparql", params={"query": SLOW}, timeout=60)) for _ in range(6)]
        results = [f.result() for f in futures]
    statuses = sorted(r.status_code for r in results)
    assert set(statuses) == {503}
    errors = {r.json()["error"] for r in results}
    assert "too many queries" in errors and "query timeout" in errors
    busy = [r for r in results if r.json()["error"] == "too many queries"]
    assert busy and all(r.headers.get("retry-after") for r in busy)
    deadline = time.time() + 30
    while time.time() < deadline and len(guarded.worker_pids()) < 2:
        time.sleep(0.1)
    assert guarded.client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200


def test_size_limits_answer_4xx(guarded):
    c = guarded.client
    long_query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 6000
    r = c.post("/sparql", data={"query": long_query})
    assert r.status_code == 413 and r.json()["error"] == "query too long"
    r = c.get("/sparql", params={"query": long_query})
    assert r.status_code == 414 and r.json()["error"] == "query too long"
    big = b"<http://a> <http://b> \"" + b"x" * 300000 + b"\" ."
    r = c.put("/store", params={"graph": "http://ex/big"}, content=big, headers={**AUTH, "Content-Type": "text/turtle"})
    assert r.status_code == 413 and r.json()["error"] == "request too large"

    def chunks():
        for _ in range(30):
            yield b"#" + b"y" * 9999 + b"\n"

    r = c.post("/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"})  # chunked, no length
    assert r.status_code == 413
    r = c.get("/sparql", params={"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"})
    assert r.status_code == 413 and r.json()["error"] == "result too large"
    assert c.get("/sparql", params={"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 10"}).status_code == 200


def test_cors_only_when_configured(guarded, client):
    pre = {"Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
           "Access-Control-Request-Headers": "content-type"}
    r = guarded.client.options("/sparql", headers=pre)
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "https://yasgui.example"
    r = guarded.client.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    r = client.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://yasgui.example"})
    assert "access-control-allow-origin" not in r.headers  # off by default


def test_timeline_answers_revalidate_and_follow_writes(guarded):
    """Timeline answers are cached per store revision: same ETag while nothing changes, 304 on
    If-None-Match, and a write through /update is seen at once (new body, new ETag)."""
    c = guarded.client
    params = {"from": "2023-10-01", "limit": 1}
    first = c.get("/api/v1/timeline", params=params)
    assert first.status_code == 200 and first.headers["etag"]
    event = first.json()["events"][0]
    again = c.get("/api/v1/timeline", params=params)
    assert again.headers["etag"] == first.headers["etag"] and again.content == first.content
    assert c.get("/api/v1/timeline", params=params,
                 headers={"If-None-Match": first.headers["etag"]}).status_code == 304

    iri = "https://w3id.org/timeline-kg/id/" + event["id"]
    relabel = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    DELETE { GRAPH ?g { <%s> rdfs:label ?l } } INSERT { GRAPH ?g { <%s> rdfs:label %s } }
    WHERE { GRAPH ?g { <%s> rdfs:label ?l } }"""
    r = c.post("/update", data={"update": relabel % (iri, iri, '"relabelled"', iri)}, headers=AUTH)
    assert r.status_code == 204, r.text
    try:
        after = c.get("/api/v1/timeline", params=params, headers={"If-None-Match": first.headers["etag"]})
        assert after.status_code == 200 and after.headers["etag"] != first.headers["etag"]
        assert after.json()["events"][0]["label"] == "relabelled"
    finally:
        label = '"' + event["label"].replace('"', '\\"') + '"'
        assert c.post("/update", data={"update": relabel % (iri, iri, label, iri)}, headers=AUTH).status_code == 204
    assert c.get("/api/v1/timeline", params=params).json()["events"][0]["label"] == event["label"]


def test_places_answers_are_geojson_revalidate_and_follow_writes(guarded):
    """/places is cached per store revision too (the page's map asks it on every window)."""
    c = guarded.client
    first = c.get("/api/v1/places", params={"limit": 500})
    assert first.status_code == 200 and first.headers["content-type"] == "application/geo+json"
    assert c.get("/api/v1/places", params={"limit": 500},
                 headers={"If-None-Match": first.headers["etag"]}).status_code == 304
    place = next(f for f in first.json()["features"] if f["properties"]["label"] == "Kidal")
    iri = "https://w3id.org/timeline-kg/id/" + place["id"]
    relabel = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    DELETE { GRAPH ?g { <%s> rdfs:label ?l } } INSERT { GRAPH ?g { <%s> rdfs:label %s } }
    WHERE { GRAPH ?g { <%s> rdfs:label ?l } }"""
    assert c.post("/update", data={"update": relabel % (iri, iri, '"Kidal (relabelled)"', iri)},
                  headers=AUTH).status_code == 204
    try:
        after = c.get("/api/v1/places", params={"limit": 500}, headers={"If-None-Match": first.headers["etag"]})
        assert after.status_code == 200 and after.headers["content-type"] == "application/geo+json"
        labels = {f["id"]: f["properties"]["label"] for f in after.json()["features"]}
        assert labels[place["id"]] == "Kidal (relabelled)"
    finally:
        assert c.post("/update", data={"update": relabel % (iri, iri, '"Kidal"', iri)}, headers=AUTH).status_code == 204


def test_a_query_that_needs_too_much_memory_is_stopped_not_the_machine(guarded):
    """ORDER BY over a cross product must hold every row: past TKG_QUERY_MEMORY (300 MB here) the
    worker's allocation fails, the client gets 503 saying so, and the service goes on."""
    c = guarded.client
    hungry = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
    r = c.get("/sparql", params={"query": hungry})
    assert r.status_code == 503, r.text[:300]
    assert r.json()["error"] == "query out of memory" and "TKG_QUERY_MEMORY" in r.json()["detail"]
    assert _count(c) > 0  # a replacement worker answers the next query
