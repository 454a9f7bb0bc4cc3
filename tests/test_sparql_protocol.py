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


# ---------------------------------------------------------------- Protocol edge cases
Q_P = "SELECT ?o WHERE { ?s <http://ex/p> ?o }"
DIRECT = {"Content-Type": "application/sparql-query"}
UPDATE = {**AUTH, "Content-Type": "application/sparql-update"}


def _update(c, text: str, params=None, form: bool = False):
    if form:
        return c.post("/update", params=params, data={"update": text}, headers=AUTH)
    return c.post("/update", params=params, content=text.encode(), headers=UPDATE)


def _in_graph(c, iri: str) -> list[str]:
    """The objects of <http://ex/q> in graph `iri` (the update tests write that predicate only)."""
    return _values(c.get("/sparql", params={"query": f"SELECT ?o WHERE {{ GRAPH <{iri}> {{ ?s <http://ex/q> ?o }} }}"}))


def test_named_graph_uri_alone_leaves_an_empty_default_graph(strict, client):
    c = strict.client
    g1 = "http://ex/g1"
    for r in (c.get("/sparql", params={"query": Q_P, "named-graph-uri": g1}),
              c.post("/sparql", data={"query": Q_P, "named-graph-uri": g1}),
              c.post("/sparql", params={"named-graph-uri": g1}, data={"query": Q_P}),
              c.post("/sparql", params={"named-graph-uri": g1}, content=Q_P, headers=DIRECT)):
        assert _values(r) == [], r.request.url
    assert _values(c.get("/sparql", params={"query": Q_P})) == ["default"]
    # the union server's default graph is the union only when the request names no dataset
    ev = "ASK { ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> }"
    assert client.get("/sparql", params={"query": ev}).json()["boolean"] is True
    assert client.get("/sparql", params={"query": ev, "named-graph-uri": "http://ex/none"}).json()["boolean"] is False
    assert client.post("/sparql", params={"named-graph-uri": "http://ex/none"}, content=ev,
                       headers=DIRECT).json()["boolean"] is False


def test_dataset_parameters_in_every_kind_of_request(strict):
    c = strict.client
    g1, g2 = "http://ex/g1", "http://ex/g2"
    both = "SELECT ?o WHERE { { ?s <http://ex/p> ?o } UNION { GRAPH ?g { ?s <http://ex/p> ?o } } }"
    # a form POST reads the URL's parameters as well as the body's
    assert _values(c.post("/sparql", params={"default-graph-uri": g2}, data={"query": Q_P})) == ["g2"]
    assert _values(c.post("/sparql", params={"default-graph-uri": g1}, data={"query": Q_P, "default-graph-uri": g2})) == ["g1", "g2"]
    # default and named graphs together, in each kind of request
    for r in (c.get("/sparql", params={"query": both, "default-graph-uri": g1, "named-graph-uri": g2}),
              c.post("/sparql", data={"query": both, "default-graph-uri": g1, "named-graph-uri": g2}),
              c.post("/sparql", params={"default-graph-uri": g1, "named-graph-uri": g2}, content=both, headers=DIRECT)):
        assert _values(r) == ["g1", "g2"], r.request.url
    # the protocol's dataset replaces the query's FROM
    from_g1 = "SELECT ?o FROM <http://ex/g1> WHERE { ?s <http://ex/p> ?o }"
    assert _values(c.get("/sparql", params={"query": from_g1, "default-graph-uri": g2})) == ["g2"]
    assert _values(c.post("/sparql", params={"named-graph-uri": g2}, content=from_g1, headers=DIRECT)) == []
    # graph IRIs must be absolute, wherever they are given
    for r in (c.get("/sparql", params={"query": Q_P, "default-graph-uri": "g1"}),
              c.post("/sparql", data={"query": Q_P, "named-graph-uri": ""}),
              c.post("/sparql", params={"default-graph-uri": "not an iri"}, content=Q_P, headers=DIRECT)):
        assert r.status_code == 400 and r.json()["error"] == "bad request", r.text


def test_a_text_given_twice_is_refused(strict):
    c = strict.client
    ask = "ASK {}"
    for r in (c.get("/sparql", params=[("query", ask), ("query", ask)]),
              c.post("/sparql", data={"query": [ask, ask]}),
              c.post("/sparql", params={"query": ask}, data={"query": ask}),
              c.post("/sparql", params={"query": ask}, content=ask, headers=DIRECT),
              c.post("/update", data={"update": ["CLEAR NAMED", "CLEAR DEFAULT"]}, headers=AUTH),
              c.post("/update", params={"update": "CLEAR NAMED"}, data={"update": "CLEAR DEFAULT"}, headers=AUTH),
              c.post("/update", params={"update": "CLEAR NAMED"}, content=b"CLEAR DEFAULT", headers=UPDATE)):
        assert r.status_code == 400, (r.request.url, r.text)
        assert "2 " in r.json()["detail"], r.text
    assert _values(c.get("/sparql", params={"query": Q_P})) == ["default"]  # nothing was cleared
    assert c.get("/sparql", params={"query": ask}).status_code == 200


def test_relative_iris_resolve_against_the_endpoint(strict):
    c = strict.client
    rel = "SELECT ?x WHERE { BIND(<thing> AS ?x) }"
    for r in (c.get("/sparql", params={"query": rel}), c.post("/sparql", content=rel, headers=DIRECT)):
        assert r.status_code == 200, r.text
        assert r.json()["results"]["bindings"][0]["x"]["value"] == strict.url + "/thing"
    r = c.get("/sparql", params={"query": "BASE <sub/> SELECT ?x WHERE { BIND(<x> AS ?x) }"})
    assert r.json()["results"]["bindings"][0]["x"]["value"] == strict.url + "/sub/x"
    g = "http://ex/base-test"
    assert _update(c, f"INSERT DATA {{ GRAPH <{g}> {{ <http://ex/s> <http://ex/q> <test> }} }}").status_code == 204
    assert _in_graph(c, g) == [strict.url + "/test"]
    assert _update(c, f"DROP GRAPH <{g}>", form=True).status_code == 204


def test_using_graph_uri_parameters_set_the_dataset_of_where(strict):
    c = strict.client
    copy = "INSERT { GRAPH <%s> { ?s <http://ex/q> ?o } } WHERE { %s }"
    plain, in_named = "?s <http://ex/p> ?o", "GRAPH ?g { ?s <http://ex/p> ?o }"
    cases = [  # (where, params, as a form?, what lands in the graph)
        (plain, {}, False, ["default"]),
        (plain, {"using-graph-uri": "http://ex/g1"}, False, ["g1"]),
        (plain, {"using-graph-uri": ["http://ex/g1", "http://ex/g2"]}, True, ["g1", "g2"]),
        (plain, {"using-named-graph-uri": "http://ex/g2"}, False, []),  # the default graph is then empty
        (in_named, {"using-named-graph-uri": "http://ex/g2"}, True, ["g2"]),
        (in_named, {"using-graph-uri": "http://ex/g1"}, False, []),  # and no named graph
    ]
    for i, (where, params, form, expected) in enumerate(cases):
        out = f"http://ex/using-{i}"
        text = copy % (out, where)
        r = (c.post("/update", data={"update": text, **params}, headers=AUTH) if form else _update(c, text, params))
        assert r.status_code == 204, (i, r.text)
        assert _in_graph(c, out) == expected, i
    # parameters in the URL of a form POST count too; DELETE WHERE (no USING in its grammar) as well
    r = c.post("/update", params={"using-named-graph-uri": "http://ex/using-1"},
               data={"update": "DELETE WHERE { GRAPH ?g { ?s <http://ex/q> ?o } }"}, headers=AUTH)
    assert r.status_code == 204, r.text
    assert _in_graph(c, "http://ex/using-1") == [] and _in_graph(c, "http://ex/using-2") == ["g1", "g2"]
    for i in range(len(cases)):
        assert _update(c, f"DROP SILENT GRAPH <http://ex/using-{i}>").status_code == 204


def test_using_graph_uri_with_using_or_with_in_the_update_is_a_conflict(strict):
    c = strict.client
    out = "http://ex/conflict"
    for text, params in (
            (f"WITH <http://ex/g1> INSERT {{ GRAPH <{out}> {{ ?s <http://ex/q> ?o }} }} WHERE {{ ?s <http://ex/p> ?o }}",
             {"using-named-graph-uri": "http://ex/g2"}),
            (f"INSERT {{ GRAPH <{out}> {{ ?s <http://ex/q> ?o }} }} USING <http://ex/g1> WHERE {{ ?s <http://ex/p> ?o }}",
             {"using-graph-uri": "http://ex/g2"}),
            ("INSERT DATA { <http://ex/a> <http://ex/q> 1 } ; "
             "DELETE { ?s ?p ?o } USING NAMED <http://ex/g1> WHERE { GRAPH ?g { ?s ?p ?o } }",
             {"using-graph-uri": "http://ex/g2"})):
        for r in (_update(c, text, params), c.post("/update", data={"update": text, **params}, headers=AUTH)):
            assert r.status_code == 400 and r.json()["error"] == "dataset conflict", r.text
    assert _in_graph(c, out) == []
    assert _values(c.get("/sparql", params={"query": Q_P})) == ["default"]
    r = _update(c, "CLEAR SILENT GRAPH <http://ex/none>", {"using-graph-uri": "relative"})
    assert r.status_code == 400 and "absolute IRI" in r.json()["detail"]


def test_load_silent_does_nothing_and_load_is_refused(strict):
    c = strict.client
    g = "http://ex/loaded"
    for text in ("LOAD SILENT <http://127.0.0.1:1/doc.ttl>", f"load silent <http://127.0.0.1:1/doc> into graph <{g}>",
                 "PREFIX d: <http://127.0.0.1:1/> LOAD SILENT d:doc INTO GRAPH d:g"):
        assert _update(c, text).status_code == 204, text
    assert c.get("/store", params={"graph": g}, headers=AUTH).status_code == 404
    # in a sequence, the other operations run
    r = _update(c, f"LOAD SILENT <http://127.0.0.1:1/doc> ; INSERT DATA {{ GRAPH <{g}> {{ <http://ex/s> <http://ex/q> 'after' }} }}",
                form=True)
    assert r.status_code == 204 and _in_graph(c, g) == ["after"]
    for text in ("LOAD <http://127.0.0.1:1/doc>", f"LOAD SILENT <http://127.0.0.1:1/doc> ; LOAD <http://127.0.0.1:1/doc> INTO GRAPH <{g}>"):
        r = _update(c, text)
        assert r.status_code == 400 and r.json()["error"] == "forbidden operation", r.text
        assert "LOAD SILENT" in r.json()["detail"]
    assert _update(c, f"DROP GRAPH <{g}>").status_code == 204


def test_a_body_that_is_not_utf8_is_refused(strict):
    c = strict.client
    r = c.post("/sparql", content="ASK {}".encode("utf-16"), headers={"Content-Type": "application/sparql-query; charset=UTF-16"})
    assert r.status_code == 415 and "UTF-8" in r.json()["detail"]
    r = c.post("/update", content="CLEAR NAMED".encode("utf-16"), headers={**UPDATE, "Content-Type": "application/sparql-update; charset=utf-16"})
    assert r.status_code == 415
    r = c.post("/update", content="CLEAR NAMED".encode("utf-16"), headers=UPDATE)
    assert r.status_code == 400 and "UTF-8" in r.json()["detail"]
    assert c.post("/sparql", content=b"ASK {}", headers={"Content-Type": 'application/sparql-query; charset="utf-8"'}).status_code == 200
