"""Ingest through the real CLI into a real on-disk store."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
from conftest import SEED, SEEDS, article_graphs, run_tkg

from graph.rdf.validate import validate

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def quad_count(data: Path) -> int:
    proc = run_tkg("query", COUNT, "--format", "csv", "--data", str(data), check=True)
    return int(proc.stdout.splitlines()[1])


def test_summary_line(tmp_path):
    proc = run_tkg("ingest", str(SEEDS), "--data", str(tmp_path / "d"), check=True)
    line = proc.stdout.strip().splitlines()[-1]
    assert line.startswith("1 articles,") and "events" in line and "actors" in line
    assert "places" in line and "triples in" in line and line.endswith(" s")


def test_reingest_is_idempotent_and_survives_restart(store_copy):
    before = quad_count(store_copy)  # a new process reads what another wrote
    assert before > 500
    run_tkg("ingest", str(SEED), "--data", str(store_copy), check=True)
    assert quad_count(store_copy) == before


def test_every_article_graph_validates_against_the_shapes(seed_store, tmp_path):
    data = tmp_path / "copy"
    shutil.copytree(seed_store, data)
    graphs = article_graphs(ox.Store(str(data)))
    assert len(graphs) == 1
    for graph in graphs.values():
        ok, report = validate(graph)
        assert ok, report
        assert len(graph) > 500


def test_actor_and_place_descriptions_are_stated_once(seed_store, tmp_path):
    """Equal triples in several graphs are not merged by the union default graph: a place's
    label must be in the entities graph only, or every join on it multiplies."""
    data = tmp_path / "copy"
    shutil.copytree(seed_store, data)
    store = ox.Store(str(data))
    rows = list(store.query(
        "SELECT ?g WHERE { GRAPH ?g { <https://w3id.org/timeline-kg/id/place/2455290> ?p ?o } }"))
    assert rows and {r["g"].value for r in rows} == {"https://w3id.org/timeline-kg/id/graph/entities"}


def test_shapes_catch_a_broken_event():
    from rdflib import Graph, Literal, Namespace, URIRef
    from rdflib.namespace import RDF

    sem = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    g = Graph()
    g.add((URIRef("https://w3id.org/timeline-kg/id/event/x/0"), RDF.type, sem.Event))
    g.add((URIRef("https://w3id.org/timeline-kg/id/event/x/0"), sem.hasEarliestBeginTimeStamp, Literal("not a date")))
    ok, report = validate(g)
    assert not ok and "wasDerivedFrom" in report


def test_bad_input_exit_2_and_good_articles_still_ingested(tmp_path):
    good = tmp_path / "in" / "good.jsonl"
    good.parent.mkdir()
    good.write_text(json.dumps({"url": "https://example.org/1", "title": "Army enters Gao",
                                "published": "2023-11-14T10:00:00Z",
                                "text": "Mali's army entered Gao on Friday. The rebels fled."}) + "\n")
    (tmp_path / "in" / "broken.json").write_text('{"title": "x", "published": ')
    (tmp_path / "in" / "nodate.json").write_text('{"title": "x", "text": "The army left."}')
    data = tmp_path / "d"
    proc = run_tkg("ingest", str(tmp_path / "in"), str(tmp_path / "missing.txt"), "--data", str(data))
    assert proc.returncode == 2
    err = proc.stderr
    assert "broken.json" in err and "nodate.json: no publication date" in err
    assert "missing.txt: no such file" in err
    assert "Traceback" not in err
    assert proc.stdout.strip().startswith("1 articles,")
    store = ox.Store(str(data))
    assert len(article_graphs(store)) == 1  # the good one whole, nothing of the bad ones


def test_query_bad_sparql_is_a_clear_error(seed_store, tmp_path):
    data = tmp_path / "c"
    shutil.copytree(seed_store, data)
    proc = run_tkg("query", "SELEKT nothing", "--data", str(data))
    assert proc.returncode == 2 and "malformed query" in proc.stderr and "Traceback" not in proc.stderr


def test_every_eval_article_is_ingested(tmp_path):
    """Real news (MEANTIME, ../shared/eval): no article lost to the shapes or to odd URLs."""
    from conftest import SHARED

    data = SHARED / "eval" / "meantime-dev.jsonl"
    proc = run_tkg("ingest", str(data), "--data", str(tmp_path / "d"), "--jobs", "1")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1].startswith("60 articles"), proc.stdout


def test_store_holds_exactly_what_the_workers_stated(tmp_path, monkeypatch):
    """Ingest sends each entity description once per run (and flushes as it goes): the store still
    holds every article's own triples in its graph and every description in the entities graph (as the
    run's actor identity rewrote them)."""
    from conftest import SHARED

    import graph.ingest.run as gi
    from graph.ids import ENTITIES_GRAPH, article_iri
    from graph.ingest.dedupe import encode, signature
    from graph.ingest.identity import Identity
    from graph.ingest.record import GENERATED
    from graph.ingest.workers import Job, process, slim
    from graph.sources import read_paths
    from graph.store.embedded import Store

    src = tmp_path / "in.jsonl"
    rows = (SHARED / "eval" / "meantime-dev.jsonl").read_text(encoding="utf-8").splitlines()[:9]
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    paths = [SEED, src]
    monkeypatch.setattr(gi, "FLUSH_BYTES", 50_000)  # flush every chunk or so
    store = Store(tmp_path / "d")
    summary = gi.ingest(store, paths, batch_size=3, dedupe=False)
    assert summary.articles == 10 and not summary.errors

    articles = [gi.limit(a, gi.MAX_EXTRACT_CHARS) for a in read_paths(paths)]
    dones = process([Job(slim(a), encode(signature(a.text))) for a in articles])
    identity = Identity()  # what the run did before committing: one IRI per actor across the articles, in order
    for d in dones:
        identity.resolve(d)

    def parse(nt: str) -> set:  # through a store too: Oxigraph writes dateTimes in canonical form
        mem = ox.Store()
        mem.load(nt, format=ox.RdfFormat.N_TRIPLES)
        return {q.triple for q in mem}

    def graph(iri: str) -> set:  # an article's record times are checked below; the entities graph has none
        got = {q.triple for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(iri))}
        if iri == ENTITIES_GRAPH:
            assert not {t for t in got if t.predicate.value == GENERATED}
        return got

    generated = "http://www.w3.org/ns/prov#generatedAtTime"  # record times: stamped by the ingesting process
    shared = set()
    for d in dones:
        stored = graph(article_iri(d.key))
        stamps = {t for t in stored if t.predicate.value == generated}
        # the store adds the page row of each shown event (graph/store/page_rows.py): what a page shows of it
        rows = {t for t in stored if t.predicate.value == "https://w3id.org/timeline-kg/ontology#row"}
        assert stored - stamps - rows == parse(d.nt)
        stated = parse(d.nt)
        assert {t.subject for t in rows} == {t.subject for t in stated if t.predicate.value.endswith("#shownSlot")}
        typed = {t.subject.value for t in stated if t.predicate.value.endswith("#type") and t.object.value in (
            "http://semanticweb.cs.vu.nl/2009/11/sem/Event", "https://w3id.org/timeline-kg/ontology#StateFact")}
        assert {t.subject.value for t in stamps} == typed | {article_iri(d.key)}
        assert len({t.object.value for t in stamps}) == 1  # one record time for all an article says
        shared |= parse(d.shared_nt)
    assert graph(ENTITIES_GRAPH) == shared and len(shared) > 100
    assert store.graph_count() == 10


def test_the_ingesting_process_does_not_import_spacy():
    """The ingesting process reads, deduplicates and writes; spaCy (0.7 s of CPU to import) is the workers'
    business. Actor names (graph.ingest.identity) and the write path must not pull it in through annotations."""
    code = "import sys, graph.ingest.run, graph.cli; print(sorted(m for m in ('spacy', 'thinc') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", out
