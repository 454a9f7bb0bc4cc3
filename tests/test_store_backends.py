"""One store test-suite, three backends: the embedded Oxigraph store, Oxigraph's server
(`oxigraph serve --union-default-graph`) and Virtuoso open source (`virtuoso-t`), both real
servers on 127.0.0.1 started here (tests/store_servers.py), one per session.

Virtuoso must be installed (`.ci/run` installs it): without it these tests fail, unless
TKG_SKIP_VIRTUOSO=1 says a developer chose to skip them.
"""
from __future__ import annotations

import csv
import io
import os
import uuid

import pyoxigraph as ox
import pytest
from conftest import SEEDS, run_tkg
from store_servers import OxigraphServer, VirtuosoServer

from graph.ids import BASE, ENTITIES_GRAPH
from graph.store.backend import open_store
from graph.store.embedded import Store
from graph.store.location import parse_location
from graph.store.remote import RemoteStore, query_form

BACKENDS = ["embedded", "oxigraph", "virtuoso"]
EX = "http://example.org/tkg-test/"
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    srv = OxigraphServer(tmp_path_factory.mktemp("oxigraph-server"))
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    try:
        srv = VirtuosoServer(tmp_path_factory.mktemp("virtuoso-server"))
    except RuntimeError as e:
        if os.environ.get("TKG_SKIP_VIRTUOSO") == "1":
            pytest.skip(f"TKG_SKIP_VIRTUOSO=1: {e}")
        pytest.fail(f"{e}", pytrace=False)
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def embedded_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("embedded") / "data"


@pytest.fixture(params=BACKENDS)
def location(request) -> str:
    """The `--store` / open_store location of each backend (the embedded one: a directory)."""
    if request.param == "embedded":
        return str(request.getfixturevalue("embedded_dir"))
    return request.getfixturevalue(f"{request.param}_server").url


@pytest.fixture
def store(location):
    s = open_store(location)
    yield s
    s.close()


def article(tag: str) -> str:
    """A fresh article graph IRI (tests share each server and tell their graphs apart by IRI)."""
    return f"{BASE}article/test-{tag}-{uuid.uuid4().hex[:12]}"


def nt(*triples: tuple[str, str, str]) -> str:
    return "".join(f"{s} {p} {o} .\n" for s, p, o in triples)


def rows(result) -> list[dict]:
    return [{v.value: (r[v.value].value if r[v.value] is not None else None) for v in result.variables} for r in result]


# --- the store API ---


def test_open_store_picks_the_backend(location, store):
    assert isinstance(store, RemoteStore if location.startswith("sparql+") else Store)
    assert store.remote is location.startswith("sparql+")
    assert store.location  # what caches key on


def test_put_articles_replaces_an_article_and_shares_descriptions(store):
    a, actor = article("replace"), f"<{EX}actor-{uuid.uuid4().hex[:8]}>"
    label = f"<{EX}label>"
    store.put_articles([(a, nt((f"<{a}>", label, '"first"'), (f"<{a}>", f"<{EX}mentions>", actor)),
                         nt((actor, label, '"Malian Armed Forces"')))])
    store.put_articles([(a, nt((f"<{a}>", label, '"second"@en'), (f"<{a}>", f"<{EX}mentions>", actor)),
                         nt((actor, label, '"Malian Armed Forces"')))])
    own = {(t.predicate.value, str(t.object)) for t in store.graph_triples(a)}
    assert own == {(EX + "label", '"second"@en'), (EX + "mentions", actor)}  # replaced, not added to
    shared = rows(store.ox_query(f"SELECT ?l WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ {actor} <{EX}label> ?l }} }}"))
    assert shared == [{"l": "Malian Armed Forces"}]  # stated once, in the entities graph


def test_a_malformed_batch_changes_nothing(store):
    a, b = article("batch-a"), article("batch-b")
    store.put_articles([(a, nt((f"<{a}>", f"<{EX}p>", '"kept"')), "")])
    rev = store.revision
    with pytest.raises(Exception):
        store.put_articles([(a, nt((f"<{a}>", f"<{EX}p>", '"replaced"')), ""),
                            (b, f"<{b}> <{EX}p> \"unterminated .\n", "")])
    assert [str(t.object) for t in store.graph_triples(a)] == ['"kept"']
    assert not store.graph_exists(b) and store.revision == rev


def test_a_request_failing_half_way_is_rolled_back(request, location, store):
    """A write request that fails at run time (not at parse time) leaves nothing behind."""
    if "virtuoso" in request.node.callspec.id:
        request.applymarker(pytest.mark.xfail(strict=True, reason=(
            "Virtuoso 7.2 keeps the operations of a request that run before a failing one (measured; "
            "README, 'Using an existing SPARQL server')")))
    a, existing = article("halfway"), article("exists")
    store.update(f"CREATE GRAPH <{existing}>")
    store.put_articles([(a, nt((f"<{a}>", f"<{EX}p>", '"kept"')), "")])
    with pytest.raises(Exception):
        store.update(f"DROP SILENT GRAPH <{a}> ; INSERT DATA {{ GRAPH <{a}> {{ <{a}> <{EX}p> \"half\" }} }} ; "
                     f"CREATE GRAPH <{existing}>")
    assert [str(t.object) for t in store.graph_triples(a)] == ['"kept"']


def test_the_default_graph_is_the_union_of_the_graphs(store):
    s = f"<{EX}union-{uuid.uuid4().hex[:8]}>"
    a, b = article("union-a"), article("union-b")
    store.put_articles([(a, nt((s, f"<{EX}p>", '"from a"')), ""), (b, nt((s, f"<{EX}p>", '"from b"')), "")])
    got = rows(store.ox_query(f"SELECT ?o WHERE {{ {s} <{EX}p> ?o }} ORDER BY ?o"))
    assert got == [{"o": "from a"}, {"o": "from b"}]
    graphs = rows(store.ox_query(f"SELECT ?g WHERE {{ GRAPH ?g {{ {s} ?p ?o }} }} ORDER BY STR(?g)"))
    assert [g["g"] for g in graphs] == sorted([a, b])
    one = store.ox_query(f"SELECT ?o WHERE {{ {s} <{EX}p> ?o }}", union=False, default_graph=[ox.NamedNode(a)])
    assert rows(one) == [{"o": "from a"}]  # default-graph-uri (remote) / default_graph (embedded)


def test_counts_leave_out_the_entities_graph(store):
    graphs, triples = store.graph_count(), store.triple_count()
    a, b = article("count-a"), article("count-b")
    ent = f"<{EX}entity-{uuid.uuid4().hex[:8]}>"
    store.put_articles([(a, nt((f"<{a}>", f"<{EX}p>", '"1"'), (f"<{a}>", f"<{EX}q>", '"2"')), nt((ent, f"<{EX}p>", '"e"'))),
                        (b, nt((f"<{b}>", f"<{EX}p>", '"3"')), "")])
    assert store.graph_count() == graphs + 2
    assert store.triple_count() == triples + 4  # 3 in the articles, 1 in the entities graph
    store.drop_graph(a)
    assert store.graph_count() == graphs + 1


def test_every_write_bumps_the_revision(store):
    g = article("rev")
    seen = [store.revision]
    store.put_articles([(g, nt((f"<{g}>", f"<{EX}p>", '"x"')), "")])
    seen.append(store.revision)
    store.update(f"INSERT DATA {{ GRAPH <{g}> {{ <{g}> <{EX}p> \"y\" }} }}")
    seen.append(store.revision)
    store.write_triples(g, [ox.Triple(ox.NamedNode(g), ox.NamedNode(EX + "p"), ox.Literal("z"))], True)
    seen.append(store.revision)
    store.drop_graph(g)
    seen.append(store.revision)
    assert all(a < b for a, b in zip(seen, seen[1:])), seen


def test_revision_is_shared_by_every_client_of_a_server(location, store):
    if not location.startswith("sparql+"):
        pytest.skip("one process at a time opens the embedded store")
    other = open_store(location)
    try:
        before = other.revision
        g = article("shared-rev")
        store.put_articles([(g, nt((f"<{g}>", f"<{EX}p>", '"x"')), "")])
        assert other.revision > before
    finally:
        other.close()


def test_graph_store_methods(store):
    g = article("gsp")
    s, p = ox.NamedNode(g), ox.NamedNode(EX + "p")
    assert not store.graph_exists(g)
    store.write_triples(g, [ox.Triple(s, p, ox.Literal("one")), ox.Triple(s, p, ox.Literal("two", language="en"))], True)
    assert store.graph_exists(g)
    store.write_triples(g, [ox.Triple(s, p, ox.Literal("3", datatype=ox.NamedNode(XSD + "integer")))], False)
    assert {str(t.object) for t in store.graph_triples(g)} == {'"one"', '"two"@en', f'"3"^^<{XSD}integer>'}
    store.write_triples(g, [ox.Triple(s, p, ox.Literal("only"))], True)
    assert [str(t.object) for t in store.graph_triples(g)] == ['"only"']
    store.drop_graph(g)
    assert not store.graph_exists(g) and store.graph_triples(g) == []


def test_results_are_pyoxigraph_objects_with_terms_intact(store):
    g = article("terms")
    s = f"<{g}#s>"
    store.put_articles([(g, nt((s, f"<{EX}label>", '"Ménaka – “Kidal” ☃"@fr'),
                               (s, f"<{EX}day>", f'"2023-11-14"^^<{XSD}date>'),
                               (s, f"<{EX}begin>", f'"2023-11-14T00:00:00"^^<{XSD}dateTime>'),
                               (s, f"<{EX}month>", f'"2023-11"^^<{XSD}gYearMonth>'),
                               (s, f"<{EX}conf>", f'"0.85"^^<{XSD}decimal>'),
                               (s, f"<{EX}text>", '"two\\nlines \\"quoted\\""')), "")])
    sel = store.ox_query(f"SELECT ?p ?o WHERE {{ {s} ?p ?o }}")
    assert isinstance(sel, ox.QuerySolutions) and [v.value for v in sel.variables] == ["p", "o"]
    got = {r["p"].value.rsplit("/", 1)[1]: r["o"] for r in sel}
    assert got["label"] == ox.Literal("Ménaka – “Kidal” ☃", language="fr")
    assert got["day"] == ox.Literal("2023-11-14", datatype=ox.NamedNode(XSD + "date"))
    assert got["begin"] == ox.Literal("2023-11-14T00:00:00", datatype=ox.NamedNode(XSD + "dateTime"))
    assert got["month"] == ox.Literal("2023-11", datatype=ox.NamedNode(XSD + "gYearMonth"))
    assert float(got["conf"].value) == 0.85 and got["text"].value == 'two\nlines "quoted"'
    assert isinstance(store.ox_query(f"ASK {{ {s} ?p ?o }}"), ox.QueryBoolean)
    assert bool(store.ox_query(f"ASK {{ {s} ?p ?o }}")) and not bool(store.ox_query(f"ASK {{ {s} <{EX}none> ?o }}"))
    con = store.ox_query(f"PREFIX ex: <{EX}>\n# a comment\nCONSTRUCT {{ {s} ex:label ?o }} WHERE {{ {s} ex:label ?o }}")
    assert isinstance(con, ox.QueryTriples) and [str(t.object) for t in con] == ['"Ménaka – “Kidal” ☃"@fr']
    res = store.query(f"SELECT ?o WHERE {{ {s} <{EX}day> ?o }}")  # rdflib's Result
    assert [str(r[0]) for r in res] == ["2023-11-14"]


def test_malformed_queries_and_updates_raise_syntax_error(store):
    with pytest.raises(SyntaxError):
        store.ox_query("SELEKT * WHERE { ?s ?p ?o }")
    with pytest.raises(SyntaxError):
        store.update("INSERT DATTA { <http://example.org/a> <http://example.org/b> 1 }")


def test_large_article_in_one_request(store):
    """More triples than Virtuoso compiles in one INSERT DATA (~5,000): chunked, still one request."""
    g = article("large")
    lines = nt(*[(f"<{g}#s{i}>", f"<{EX}p>", f'"value {i}"') for i in range(6000)])
    rev = store.revision
    store.put_articles([(g, lines, "")])
    assert len(store.graph_triples(g)) == 6000
    if store.remote:
        assert store.revision == rev + 1  # one request, one bump
    store.drop_graph(g)


# --- the command line and the service through each backend ---

KIDAL = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?date ?event WHERE { ?e sem:hasPlace/rdfs:label "Kidal" ; sem:hasTimeStamp ?date ; rdfs:label ?event . }"""


def _cli_location(location: str, tmp_path) -> list[str]:
    return ["--store", location] if location.startswith("sparql+") else ["--data", str(tmp_path / "data")]


@pytest.fixture(scope="session")
def embedded_kidal(seed_store) -> list[tuple[str, str]]:
    s = Store(seed_store)
    try:
        return sorted((r["date"].value, r["event"].value) for r in s.ox_query(KIDAL))
    finally:
        s.close()


def test_tkg_ingest_and_query_through_each_backend(location, tmp_path, embedded_kidal):
    where = _cli_location(location, tmp_path)
    remote = location.startswith("sparql+")
    for _ in range(2 if remote else 1):  # twice on a server: replaced, not duplicated
        done = run_tkg("ingest", str(SEEDS), *where, check=True)
        assert "1 articles" in done.stdout, done.stdout
    out = run_tkg("query", KIDAL, "--format", "csv", *where, check=True).stdout
    got = sorted(tuple(r) for r in list(csv.reader(io.StringIO(out)))[1:])
    assert ("2023-10-31", "MINUSMA leave its camp") in got
    assert got == embedded_kidal


# The windowed place filter once went through `sem:hasPlace/schema:containedInPlace*` joined with the window's
# days; Virtuoso 7.2 answered that wrongly (1 of the 14 Kidal events) once the earlier tests of this file had
# written into it (reproduced 3 times in a row in session 6). The places inside a place are now listed by a
# query of their own (graph.store.places_within.within): the Virtuoso case below guards it.
@pytest.mark.parametrize("vendor", ["oxigraph", "virtuoso"])
def test_tkg_serve_over_a_remote_store(request, vendor, client, tmp_path):
    """/sparql, the REST timeline and an export through `tkg serve --store`, as over the directory."""
    from sparql_server import ServeProcess

    url = request.getfixturevalue(f"{vendor}_server").url
    s = open_store(url)
    seeded = bool(s.ox_query(KIDAL.replace("SELECT ?date ?event WHERE", "ASK")))
    s.close()
    if not seeded:  # the ingest test above has usually done it
        run_tkg("ingest", str(SEEDS), "--store", url, check=True)
    srv = ServeProcess(tmp_path / "unused", env={"TKG_QUERY_TIMEOUT": "20"}, args=("--store", url))
    try:
        r = srv.client.get("/sparql", params={"query": KIDAL}, headers={"Accept": "text/csv"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert ["2023-10-31", "MINUSMA leave its camp"] in list(csv.reader(io.StringIO(r.text)))
        ttl = srv.client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> } LIMIT 3"},
                             headers={"Accept": "text/turtle"})
        assert ttl.status_code == 200 and ttl.headers["content-type"].startswith("text/turtle")
        assert srv.client.get("/sparql", params={"query": "SELEKT *"}).json()["error"] == "malformed query"
        params = {"place": "Kidal", "from": "2023-10-01", "limit": 50}
        remote = srv.client.get("/api/v1/timeline", params=params).json()["events"]
        local = client.get("/api/v1/timeline", params=params).json()["events"]  # the embedded server
        assert remote and sorted(remote, key=lambda e: e["id"]) == sorted(local, key=lambda e: e["id"])
        g = srv.client.get("/api/v1/export/graphml")
        assert g.status_code == 200 and g.text.startswith("<?xml") and "<graphml" in g.text
        assert not srv.worker_pids()  # no query workers: the SPARQL server does the work
    finally:
        srv.stop()


# --- the location URL ---


def test_location_urls():
    ox_ = parse_location("sparql+http://127.0.0.1:7878/query")
    assert (ox_.query, ox_.update, ox_.user) == ("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update", None)
    fu = parse_location("sparql+https://kg.example.org/ds/query?timeout=5")
    assert (fu.query, fu.update, fu.timeout) == ("https://kg.example.org/ds/query", "https://kg.example.org/ds/update", 5.0)
    gdb = parse_location("sparql+http://admin:s3cr%40t@localhost:7200/repositories/news")
    assert gdb.update == "http://localhost:7200/repositories/news/statements"
    assert (gdb.user, gdb.password, gdb.auth, gdb.query) == ("admin", "s3cr@t", "basic", "http://localhost:7200/repositories/news")
    vi = parse_location("sparql+http://localhost:8890/sparql?user=dba&password=dba&auth=digest")
    assert (vi.update, vi.auth) == ("http://localhost:8890/sparql-auth", "digest")
    assert parse_location("sparql+http://h/sparql").update == "http://h/sparql"
    assert parse_location("sparql+http://h/q?update=http://other/u").update == "http://other/u"
    with pytest.raises(Exception, match="unknown option"):
        parse_location("sparql+http://h/q?updte=/u")
    assert query_form("PREFIX owl: <http://www.w3.org/2002/07/owl#>\n# SELECT\nBASE <http://x/> construct {}") == "CONSTRUCT"


def test_an_unreachable_server_is_one_clear_error(tmp_path):
    from conftest import free_port

    url = f"sparql+http://127.0.0.1:{free_port()}/query"
    r = run_tkg("query", "ASK {}", "--store", url)
    assert r.returncode == 2 and "cannot open store http://127.0.0.1" in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_time_index_counts_stay_exact_on_every_backend(store):
    """The month totals (graph/store/index_writes.py) through writes, replacements, GSP drops and
    updates, the same SPARQL on the embedded store, Oxigraph's server and Virtuoso."""
    from datetime import date

    from graph.ids import DAY, ONTOLOGY
    from graph.store import time_index

    year = 1800 + uuid.uuid4().int % 99  # a year no other test writes
    sem = "<http://semanticweb.cs.vu.nl/2009/11/sem/hasEarliestBeginTimeStamp>"

    def graph(iri: str, days: list[str]) -> str:
        lines = [(f"<{iri}>", f"<{ONTOLOGY}issuedDay>", f"<{DAY}{days[0]}>")]
        for i, d in enumerate(days):
            e = f"<{iri}/e{i}>"
            lines += [(e, sem, f'"{d}T00:00:00"^^<{XSD}dateTime>'), (e, f"<{ONTOLOGY}beginDay>", f"<{DAY}{d}>")]
        return nt(*lines)

    def months() -> dict:
        return dict(time_index.histogram(store, date(year, 1, 1), date(year, 12, 31)))

    a, b = article("ti-a"), article("ti-b")
    store.put_articles([(a, graph(a, [f"{year}-03-01", f"{year}-03-02", f"{year}-04-09"]), ""),
                        (b, graph(b, [f"{year}-03-05"]), "")])
    assert months() == {f"{year}-03": 3, f"{year}-04": 1}
    store.put_articles([(a, graph(a, [f"{year}-05-01"]), "")])  # replaced: its old events counted out
    assert months() == {f"{year}-03": 1, f"{year}-05": 1}
    assert time_index.count(store, date(year, 3, 1), date(year, 3, 4)) == 0  # a partial month: days counted
    assert time_index.count(store, date(year, 3, 5), date(year, 5, 31), kind="articles") == 2
    store.drop_graph(b)
    assert months() == {f"{year}-05": 1}
    store.update(f"DROP SILENT GRAPH <{a}>")  # an update of unknown extent: counted from the links
    assert time_index.state(store).stale and months() == {}
    c = article("ti-c")
    store.put_articles([(c, graph(c, [f"{year}-07-07"]), "")])  # the next write recounts
    assert not time_index.state(store).stale and months() == {f"{year}-07": 1}


def test_happening_index_lookups_and_migration_on_every_backend(store):
    """The happening index (graph/store/happening_index.py) through each backend: the lookup by node, the dates
    read before describing, and the migration's SPARQL (MD5, STRAFTER, IRI) giving the links graph.rdf writes."""
    from graph.ids import ONTOLOGY
    from graph.rdf.happening_keys import PREDICATE, nodes
    from graph.store import happening_index

    sem, cameo = "http://semanticweb.cs.vu.nl/2009/11/sem/", "https://w3id.org/timeline-kg/cameo/"
    g = article("hkey")
    e, actor, place = f"{g}/e0", f"{BASE}actor/caf%C3%A9-owners", f"{BASE}place/64435"
    begin, end = "1851-03-04T00:00:00", "1851-03-04T23:59:59"
    keys = nodes([cameo + "190"], [actor, place], [begin])
    store.put_articles([(g, nt((f"<{e}>", f"<{sem}eventType>", f"<{cameo}190>"),
                               (f"<{e}>", f"<{sem}hasEarliestBeginTimeStamp>", f'"{begin}"^^<{XSD}dateTime>'),
                               (f"<{e}>", f"<{sem}hasLatestEndTimeStamp>", f'"{end}"^^<{XSD}dateTime>'),
                               (f"<{e}>", f"<{ONTOLOGY}agent>", f"<{actor}>"), (f"<{e}>", f"<{sem}hasPlace>", f"<{place}>"),
                               *((f"<{e}>", f"<{PREDICATE}>", f"<{n}>") for n in keys)), "")])
    assert happening_index.events_at(store, keys) == {e} and len(keys) == 2
    assert happening_index.events_at(store, [k.replace("1851-03-04", "1851-03-05") for k in keys]) == set()
    assert happening_index.spans(store, [e]) == {e: ([begin], [end])}
    links = f"SELECT ?n WHERE {{ GRAPH <{g}> {{ <{e}> <{PREDICATE}> ?n }} }}"
    store.maintain(f"DELETE WHERE {{ GRAPH <{g}> {{ <{e}> <{PREDICATE}> ?n }} }}")
    assert not list(store.ox_query(links))
    store.maintain(happening_index.LINK % {"graphs": f"<{g}>"})
    assert sorted(r["n"].value for r in store.ox_query(links)) == sorted(keys)
