"""SPARQL 1.1 Protocol at /sparql over real HTTP: forms, formats, negotiation, errors, datasets,
and third-party clients (SPARQLWrapper, rdflib's SPARQLStore)."""
from __future__ import annotations

import csv
import io

import pytest
from rdflib import Graph
from sparql_server import AUTH, TOKEN, ServeProcess

EVENTS = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
SELECT ?e WHERE { ?e a sem:Event } ORDER BY ?e LIMIT 5"""
CONSTRUCT = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
CONSTRUCT { ?e a sem:Event } WHERE { ?e a sem:Event } LIMIT 5"""
ASK = "ASK { ?s ?p ?o }"


def test_three_ways_to_send_a_query_agree(client):
    r1 = client.get("/sparql", params={"query": EVENTS})
    r2 = client.post("/sparql", data={"query": EVENTS})
    r3 = client.post("/sparql", content=EVENTS.encode(), headers={"Content-Type": "application/sparql-query; charset=utf-8"})
    assert r1.status_code == r2.status_code == r3.status_code == 200
    assert r1.headers["content-type"] == "application/sparql-results+json"  # the default
    assert r1.json() == r2.json() == r3.json()
    assert len(r1.json()["results"]["bindings"]) == 5


@pytest.mark.parametrize("accept,ctype", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/json", "application/json"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("text/*;q=0.9, */*;q=0.1", "text/csv"),
    ("*/*", "application/sparql-results+json"),
])
def test_select_result_formats_by_accept(client, accept, ctype):
    r = client.get("/sparql", params={"query": EVENTS}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == ctype
    if ctype == "text/csv":
        rows = list(csv.reader(io.StringIO(r.text)))
        assert rows[0] == ["e"] and len(rows) == 6
    if ctype == "text/tab-separated-values":
        assert r.text.splitlines()[0] == "?e" and len(r.text.splitlines()) == 6
    if "xml" in ctype:
        assert "<sparql" in r.text


@pytest.mark.parametrize("accept,ctype,rdflib_format", [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
    ("application/n-quads", "application/n-quads", "nquads"),
    ("application/rdf+xml;q=0.2, text/turtle;q=0.8", "text/turtle", "turtle"),
])
def test_construct_graph_formats(client, accept, ctype, rdflib_format):
    r = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == ctype
    g = Graph().parse(data=r.content, format=rdflib_format)
    assert len(g) == 5


def test_format_parameter_is_a_fallback_that_wins(client):
    r = client.get("/sparql", params={"query": EVENTS, "format": "tsv"}, headers={"Accept": "application/sparql-results+xml"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/tab-separated-values")
    r = client.get("/sparql", params={"query": CONSTRUCT, "format": "nt"})
    assert r.headers["content-type"] == "application/n-triples"
    r = client.get("/sparql", params={"query": CONSTRUCT, "format": "json"})
    assert r.headers["content-type"] == "application/ld+json"
    assert client.get("/sparql", params={"query": EVENTS, "format": "png"}).status_code == 406


def test_ask(client):
    r = client.get("/sparql", params={"query": ASK})
    assert r.status_code == 200 and r.json() == {"head": {}, "boolean": True}
    r = client.get("/sparql", params={"query": ASK}, headers={"Accept": "application/sparql-results+xml"})
    assert "<boolean>true</boolean>" in r.text


def test_errors_are_json_with_the_right_status(client):
    cases = [
        (client.get("/sparql", params={"query": "SELEKT * WHERE {}"}), 400, "malformed query"),
        (client.get("/sparql"), 400, "missing query"),
        (client.get("/sparql", params={"query": EVENTS}, headers={"Accept": "image/png"}), 406, "not acceptable"),
        (client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "text/csv"}), 406, "not acceptable"),
        (client.get("/sparql", params={"query": EVENTS}, headers={"Accept": "text/turtle"}), 406, "not acceptable"),
        (client.post("/sparql", content=b"x", headers={"Content-Type": "text/plain"}), 415, "unsupported media type"),
        (client.post("/sparql", content=b"x"), 415, "unsupported media type"),
        (client.post("/sparql", data={"update": "DROP ALL"}), 400, "forbidden operation"),
        (client.post("/sparql", data={"query": "DROP ALL"}), 400, "forbidden operation"),
        (client.post("/sparql", content=b"INSERT DATA { <a:a> <a:b> <a:c> }",
                     headers={"Content-Type": "application/sparql-query"}), 400, "forbidden operation"),
        (client.get("/sparql", params={"query": EVENTS, "default-graph-uri": "not an iri"}), 400, "bad request"),
    ]
    for r, status, error in cases:
        assert r.status_code == status, (r.request.url, r.text)
        body = r.json()
        assert body["error"] == error and body["detail"], body
        assert "Traceback" not in r.text
    # the parser's own message reaches the client
    assert "error at" in client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"}).json()["detail"]


@pytest.fixture(scope="module")
def strict(tmp_path_factory):
    """An empty store served with a strict default graph, loaded through the Graph Store Protocol."""
    data = tmp_path_factory.mktemp("strict") / "data"
    srv = ServeProcess(data, env={"TKG_TOKEN": TOKEN}, args=("--strict-default-graph", "--create"))
    c = srv.client
    assert c.put("/store?default", content="<http://ex/d> <http://ex/p> 'default' .",
                 headers={**AUTH, "Content-Type": "text/turtle"}).status_code in (201, 204)
    for g in ("g1", "g2"):
        r = c.put("/store", params={"graph": f"http://ex/{g}"}, content=f"<http://ex/{g}s> <http://ex/p> '{g}' .",
                  headers={**AUTH, "Content-Type": "text/turtle"})
        assert r.status_code == 201
    yield srv
    srv.stop()


def _values(r) -> list[str]:
    assert r.status_code == 200, r.text
    return sorted(b["o"]["value"] for b in r.json()["results"]["bindings"])


def test_default_graph_union_or_strict(strict, client):
    q = "SELECT ?o WHERE { ?s <http://ex/p> ?o }"
    assert _values(strict.client.get("/sparql", params={"query": q})) == ["default"]
    # the demo server (union default graph) sees triples in article graphs without GRAPH
    r = client.get("/sparql", params={"query": "ASK { ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> }"})
    assert r.json()["boolean"] is True


def test_protocol_dataset_parameters(strict):
    c = strict.client
    q = "SELECT ?o WHERE { ?s <http://ex/p> ?o }"
    assert _values(c.get("/sparql", params={"query": q, "default-graph-uri": ["http://ex/g1", "http://ex/g2"]})) == ["g1", "g2"]
    qg = "SELECT ?o WHERE { GRAPH ?g { ?s <http://ex/p> ?o } }"
    assert _values(c.get("/sparql", params={"query": qg})) == ["g1", "g2"]
    assert _values(c.get("/sparql", params={"query": qg, "named-graph-uri": "http://ex/g2"})) == ["g2"]
    assert _values(c.post("/sparql", data={"query": qg, "named-graph-uri": "http://ex/g1"})) == ["g1"]
    assert _values(c.post("/sparql?default-graph-uri=http://ex/g2", content=q,
                          headers={"Content-Type": "application/sparql-query"})) == ["g2"]
    # FROM in the query, no protocol parameters
    assert _values(c.get("/sparql", params={"query": "SELECT ?o FROM <http://ex/g1> WHERE { ?s <http://ex/p> ?o }"})) == ["g1"]


def test_sparqlwrapper_client(server):
    from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

    sw = SPARQLWrapper(server.url + "/sparql")
    sw.setQuery(EVENTS)
    for fmt in (JSON, XML, CSV):
        sw.setReturnFormat(fmt)
        res = sw.query()
        assert res.response.status == 200
        converted = res.convert()
        if fmt == JSON:
            assert len(converted["results"]["bindings"]) == 5
    sw.setMethod("POST")
    sw.setReturnFormat(JSON)
    assert len(sw.query().convert()["results"]["bindings"]) == 5
    sw.setQuery(CONSTRUCT)
    sw.setReturnFormat(TURTLE)
    g = Graph().parse(data=sw.query().convert(), format="turtle")
    assert len(g) == 5


def test_rdflib_sparqlstore_client(server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(server.url + "/sparql", returnFormat="json")
    g = Graph(store=store)
    rows = list(g.query(EVENTS))
    assert len(rows) == 5
    xml = Graph(store=SPARQLStore(server.url + "/sparql"))  # its default: XML results, RDF/XML graphs
    assert len(list(xml.query(EVENTS))) == 5
    assert len(xml.query(CONSTRUCT).graph) == 5
    assert xml.query(ASK).askAnswer is True
