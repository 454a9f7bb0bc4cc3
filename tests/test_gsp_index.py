"""An article graph written through the Graph Store Protocol is indexed as `tkg ingest` indexes it
(graph/store/article_upload.py): day links, day slots, shown slots, page rows, happening and band keys,
month counts. On a real `tkg serve` over a copy of the ingested seed, and on `oxigraph serve` (remote path)."""
from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest
from sparql_server import AUTH, TOKEN, ServeProcess

from graph.ids import INDEX_GRAPH, ONTOLOGY, is_article_graph
from graph.store.article_upload import DERIVED
from graph.store.embedded import Store

SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
BEGIN = SEM + "hasEarliestBeginTimeStamp"
NT = {"Accept": "application/n-triples"}


def triples(body: bytes) -> set:
    return {q.triple for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)}


def nt(ts) -> bytes:
    return "".join(f"{t} .\n" for t in ts).encode()


def biggest_article(data) -> str:
    store = Store(data)
    try:
        sizes = {g.value: sum(1 for _ in store.ox.quads_for_pattern(None, ox.NamedNode(BEGIN), None, g))
                 for g in store.ox.named_graphs() if is_article_graph(g.value)}
    finally:
        store.close()
    return max(sizes, key=sizes.get)


def short(iri: str) -> str:
    """An event's id as the API gives it (the IRI's tail; the same for an id given whole)."""
    return iri.rsplit("/id/", 1)[-1]


def window(ts: set) -> tuple[str, str]:
    days = sorted(t.object.value[:10] for t in ts if t.predicate.value == BEGIN)
    return days[0], days[-1]


def seen(c, first: str, last: str) -> dict:
    """What the page shows of the window: the default timeline, every event, the kept counts."""
    out = {}
    for name, extra in (("shown", {}), ("all", {"all": "true"})):
        r = c.get("/api/v1/timeline", params={"from": first, "to": last, "limit": 1000, **extra})
        assert r.status_code == 200, r.text
        body = r.json()
        out[name] = (body["events"], body.get("window_events"))
    r = c.get("/api/v1/timeline/counts", params={"from": first, "to": last, "by": "month"})
    assert r.status_code == 200, r.text
    out["counts"] = r.json()
    return out


def kept_equal_recount(c) -> None:
    """The month totals the time-index graph keeps are those its day links give (no stale count)."""
    def rows(q: str) -> dict:
        r = c.get("/sparql", params={"query": q}, headers={"Accept": "application/sparql-results+json"})
        assert r.status_code == 200, r.text
        return {(b["m"]["value"][-7:], b["p"]["value"]): int(b["n"]["value"]) for b in r.json()["results"]["bindings"]}

    kept = rows(f"SELECT ?m ?p ?n WHERE {{ GRAPH <{INDEX_GRAPH}> {{ ?t <{ONTOLOGY}month> ?m ; ?p ?n "
                f"FILTER (?p IN (<{ONTOLOGY}eventCount>, <{ONTOLOGY}articleCount>)) }} }}")
    links = rows(f"SELECT ?m ?p (COUNT(*) AS ?n) WHERE {{ VALUES (?l ?p) {{ (<{ONTOLOGY}beginDay> <{ONTOLOGY}eventCount>) "
                 f"(<{ONTOLOGY}issuedDay> <{ONTOLOGY}articleCount>) }} GRAPH ?g {{ ?s ?l ?d }} "
                 f'BIND (SUBSTR(STRAFTER(STR(?d), "/id/day/"), 1, 7) AS ?m) }} GROUP BY ?m ?p')
    assert {k: n for k, n in kept.items() if n} == links


@pytest.fixture
def served(sahel_store, tmp_path):
    data = tmp_path / "data"  # the seed and four articles of our own: the others stay while one is rewritten
    shutil.copytree(sahel_store, data)
    iri = biggest_article(data)
    store = Store(data)
    try:
        assert store.graph_count() > 1
    finally:
        store.close()
    srv = ServeProcess(data, env={"TKG_TOKEN": TOKEN})
    yield srv, iri
    srv.stop()


def test_an_article_graph_put_back_through_the_gsp_is_indexed_as_ingest_left_it(served):
    srv, iri = served
    c = srv.client
    ingested = triples(c.get("/store", params={"graph": iri}, headers={**AUTH, **NT}).content)
    index = triples(c.get("/store", params={"graph": INDEX_GRAPH}, headers={**AUTH, **NT}).content)
    first, last = window(ingested)
    before = seen(c, first, last)
    events = {t.subject.value for t in ingested if t.predicate.value == BEGIN}
    assert before["shown"][0] and any(t.predicate.value in DERIVED for t in ingested)

    # DELETE: the graph's links go with it, the counts follow, its events leave the timeline
    assert c.delete("/store", params={"graph": iri}, headers=AUTH).status_code == 204
    kept_equal_recount(c)
    gone = seen(c, first, last)
    assert not {short(e["id"]) for e in gone["all"][0]} & {short(e) for e in events}
    assert gone["counts"] != before["counts"]

    # PUT of the graph without any derived link (what another tool would write): ingest's quads again
    plain = {t for t in ingested if t.predicate.value not in DERIVED}
    r = c.put("/store", params={"graph": iri}, content=nt(plain), headers={**AUTH, "Content-Type": "application/n-triples"})
    assert r.status_code == 201, r.text
    assert triples(c.get("/store", params={"graph": iri}, headers={**AUTH, **NT}).content) == ingested
    assert triples(c.get("/store", params={"graph": INDEX_GRAPH}, headers={**AUTH, **NT}).content) == index
    assert seen(c, first, last) == before

    # POST in two halves into no graph: the second merge re-derives over the union
    assert c.delete("/store", params={"graph": iri}, headers=AUTH).status_code == 204
    half = sorted(plain, key=str)
    for part, code in ((half[::2], 201), (half[1::2], 204)):
        r = c.post("/store", params={"graph": iri}, content=nt(part), headers={**AUTH, "Content-Type": "application/n-triples"})
        assert r.status_code == code, r.text
    assert triples(c.get("/store", params={"graph": iri}, headers={**AUTH, **NT}).content) == ingested
    assert triples(c.get("/store", params={"graph": INDEX_GRAPH}, headers={**AUTH, **NT}).content) == index
    assert seen(c, first, last) == before


def test_a_graph_put_with_an_edited_date_is_indexed_by_its_new_date(served):
    """The exported graph (its links included) with one event's begin moved a year on: the stale links it
    carries are replaced, the event is in the new window and the counts follow."""
    srv, iri = served
    c = srv.client
    ingested = triples(c.get("/store", params={"graph": iri}, headers={**AUTH, **NT}).content)
    shown = {short(e["id"]) for e in seen(c, *window(ingested))["shown"][0]}
    moved = next(t for t in sorted(ingested, key=str) if t.predicate.value == BEGIN
                 and short(t.subject.value) in shown)
    new_begin = str(int(moved.object.value[:4]) + 1) + moved.object.value[4:]
    edited = (ingested - {moved}) | {ox.Triple(moved.subject, moved.predicate, ox.Literal(new_begin, datatype=moved.object.datatype))}
    r = c.put("/store", params={"graph": iri}, content=nt(edited), headers={**AUTH, "Content-Type": "application/n-triples"})
    assert r.status_code == 204, r.text
    stored = triples(c.get("/store", params={"graph": iri}, headers={**AUTH, **NT}).content)
    days = {t.object.value for t in stored if t.subject == moved.subject and t.predicate.value == ONTOLOGY + "beginDay"}
    assert days == {f"https://w3id.org/timeline-kg/id/day/{new_begin[:10]}"}
    kept_equal_recount(c)
    page = seen(c, new_begin[:10], new_begin[:10])["shown"][0]
    assert short(moved.subject.value) in {short(e["id"]) for e in page}


def test_a_graph_that_is_no_article_is_stored_as_given(served):
    srv, _ = served
    c = srv.client
    g, e = "http://example.org/g", "http://example.org/e1"
    body = (f"<{e}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SEM}Event> .\n"
            f'<{e}> <{BEGIN}> "2030-01-02T00:00:00"^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n')
    r = c.put("/store", params={"graph": g}, content=body, headers={**AUTH, "Content-Type": "application/n-triples"})
    assert r.status_code == 201, r.text
    assert triples(c.get("/store", params={"graph": g}, headers={**AUTH, **NT}).content) == triples(body.encode())


def test_the_remote_store_indexes_an_uploaded_article_graph_as_its_ingest_path(tmp_path, seed_store):
    """RemoteStore (oxigraph serve): write_triples of an article graph stripped of its links leaves what
    put_articles (the ingest path) of the full graph left."""
    from store_servers import OxigraphServer

    from graph.store.remote import RemoteStore

    iri = biggest_article(seed_store)
    store = Store(seed_store)
    try:
        full = store.graph_triples(iri)
    finally:
        store.close()
    srv = OxigraphServer(tmp_path / "srv")
    try:
        remote = RemoteStore(srv.url)
        remote.put_articles([(iri, nt(full).decode(), "")])
        graph, index = set(remote.graph_triples(iri)), set(remote.graph_triples(INDEX_GRAPH))
        remote.drop_graph(iri)
        assert not remote.graph_exists(iri)
        remote.write_triples(iri, [t for t in full if t.predicate.value not in DERIVED], True)
        assert set(remote.graph_triples(iri)) == graph == set(full)
        assert set(remote.graph_triples(INDEX_GRAPH)) == index
        remote.close()
    finally:
        srv.stop()


def test_an_article_put_into_a_new_store_is_on_its_timeline(sahel_store, tmp_path):
    """`tkg serve --create`, then PUT of an exported article graph without its links: the store states the
    index marker as a first ingest does, so the timeline reads it through the index, with the kept counts."""
    from graph.store import time_index

    iri = biggest_article(sahel_store)
    store = Store(sahel_store)
    try:
        full = set(store.graph_triples(iri))
    finally:
        store.close()
    data = tmp_path / "new"
    srv = ServeProcess(data, env={"TKG_TOKEN": TOKEN}, args=("--create",))
    try:
        c = srv.client
        plain = {t for t in full if t.predicate.value not in DERIVED}
        r = c.put("/store", params={"graph": iri}, content=nt(plain), headers={**AUTH, "Content-Type": "application/n-triples"})
        assert r.status_code == 201, r.text
        assert triples(c.get("/store", params={"graph": iri}, headers={**AUTH, **NT}).content) == full
        kept_equal_recount(c)
        page = seen(c, *window(full))
        events = {short(t.subject.value) for t in full if t.predicate.value == ONTOLOGY + "shownSlot"}
        assert {short(e["id"]) for e in page["shown"][0]} == events and page["shown"][1] == len(
            [t for t in full if t.predicate.value == ONTOLOGY + "beginDay"])
    finally:
        srv.stop()
    store = Store(data)
    try:
        st = time_index.state(store)
        assert st.rows and not st.stale
    finally:
        store.close()
