"""Ingest at scale: the fast SHACL check agrees with pyshacl, --jobs N equals --jobs 1, bad input never spoils a batch."""
from __future__ import annotations

import copy
import json
from decimal import Decimal

import pyoxigraph as ox
import pytest
from conftest import SEED, article_graphs, run_tkg
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib import namespace as rns
from rdflib.namespace import RDF, RDFS

from graph.rdf.fastshacl import Checker, check, check_triples, supported
from graph.rdf.terms import from_rdflib
from graph.rdf.validate import shapes, validate

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
TKG = Namespace("https://w3id.org/timeline-kg/ontology#")
SCHEMA = Namespace("https://schema.org/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
DCT = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")


@pytest.fixture(scope="module")
def seed_graph(seed_store, tmp_path_factory) -> Graph:
    import shutil

    data = tmp_path_factory.mktemp("g") / "copy"
    shutil.copytree(seed_store, data)
    (g,) = article_graphs(ox.Store(str(data))).values()
    return g


def _first(g: Graph, cls) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


def _mutations(g: Graph):
    """Broken copies of a good graph, one constraint of the shapes each (and a few harmless changes)."""
    ev, art, place = _first(g, SEM.Event), _first(g, SCHEMA.NewsArticle), _first(g, SEM.Place)
    sent = _first(g, TKG.Sentence)

    def m(f):
        h = copy.deepcopy(g)
        f(h)
        return h
    yield "missing end", m(lambda h: h.remove((ev, SEM.hasLatestEndTimeStamp, None)))
    yield "two labels", m(lambda h: h.add((ev, RDFS.label, Literal("another"))))
    yield "label with language", m(lambda h: h.set((ev, RDFS.label, Literal("x", lang="en"))))
    yield "ill-typed begin", m(lambda h: h.set((ev, SEM.hasEarliestBeginTimeStamp, Literal("soon", datatype=rns.XSD.dateTime))))
    yield "begin as string", m(lambda h: h.set((ev, SEM.hasEarliestBeginTimeStamp, Literal("2023-11-14T00:00:00"))))
    yield "confidence > 1", m(lambda h: h.set((ev, TKG.confidence, Literal(Decimal("1.5")))))
    yield "confidence as float", m(lambda h: h.set((ev, TKG.confidence, Literal(0.5))))
    yield "bad modality", m(lambda h: h.set((ev, TKG.modality, Literal("rumoured"))))
    yield "time source typed", m(lambda h: h.set((ev, TKG.timeSource, Literal("timex", datatype=rns.XSD.token))))
    yield "derived from a non-sentence", m(lambda h: h.set((ev, PROV.wasDerivedFrom, art)))
    yield "agent not an actor", m(lambda h: h.add((ev, TKG.agent, URIRef("https://example.org/nobody"))))
    yield "stamp as gYear", m(lambda h: h.set((ev, SEM.hasTimeStamp, Literal("2023", datatype=rns.XSD.gYear))))
    yield "stamp as string", m(lambda h: h.set((ev, SEM.hasTimeStamp, Literal("2023"))))
    yield "no title", m(lambda h: h.remove((art, DCT.title, None)))
    yield "url as literal", m(lambda h: h.add((art, SCHEMA.url, Literal("https://x.org"))))
    yield "negative start", m(lambda h: h.set((sent, TKG.start, Literal(-1))))
    yield "start as decimal", m(lambda h: h.set((sent, TKG.start, Literal(Decimal("1.0")))))
    yield "latitude 91", m(lambda h: h.set((place, SCHEMA.latitude, Literal(Decimal("91")))))
    yield "bad country code", m(lambda h: h.set((place, TKG.countryCode, Literal("mli"))))
    yield "geonames not a geonames IRI", m(lambda h: h.add((place, SCHEMA.sameAs, URIRef("https://example.org/1"))))
    yield "bad WKT", m(lambda h: [h.set((geom, GEO.asWKT, Literal("POINT(x y)", datatype=GEO.wktLiteral)))
                                  for geom in list(h.objects(place, GEO.hasGeometry))[:1]])
    yield "extra unrelated triple", m(lambda h: h.add((art, URIRef("https://example.org/p"), Literal("x"))))
    yield "article typed by a subclass only", m(lambda h: h.add((URIRef("https://example.org/C"), RDFS.subClassOf, SEM.Event)))


def test_fast_check_agrees_with_pyshacl(seed_graph):
    assert supported(), "the project's shapes no longer compile to the fast checker: every graph runs pyshacl"
    checker = Checker(shapes())
    assert checker(seed_graph) is True and validate(seed_graph)[0]
    n_bad = 0
    for name, g in _mutations(seed_graph):
        reference, _ = validate(g)
        fast = checker(g)
        assert not (fast is True and not reference), f"{name}: fast check passed what pyshacl fails"
        assert check(g)[0] == reference, name
        # the plain triples ingest checks (graph.rdf.triples.article_triples), pyshacl reading the N-Triples
        triples = [(from_rdflib(s), str(p), from_rdflib(o)) for s, p, o in g]
        assert checker(triples) is fast, name
        assert check_triples(triples, g.serialize(format="nt"))[0] == reference, name
        n_bad += not reference
    assert n_bad >= 18


def test_jobs_pool_writes_what_one_process_writes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / SEED.name).write_bytes(SEED.read_bytes())
    text = SEED.read_text().split("\n", 2)[-1]
    with (src / "more.jsonl").open("w") as f:
        for i, para in enumerate(p for p in text.split("\n\n") if len(p.split()) > 20):
            f.write(json.dumps({"url": f"https://example.org/{i}", "title": f"Part {i}",
                                "published": "2023-11-14T10:00:00Z", "text": para}) + "\n")
    one, two = tmp_path / "one", tmp_path / "two"
    run_tkg("ingest", str(src), "--data", str(one), "--batch-size", "3", check=True)
    run_tkg("ingest", str(src), "--data", str(two), "--jobs", "2", "--batch-size", "3", check=True)
    a, b = ox.Store(str(one)), ox.Store(str(two))

    def quads(store) -> list[str]:  # record times (when each run committed) are the one difference allowed
        generated = "http://www.w3.org/ns/prov#generatedAtTime"
        return sorted(str(q) if q.predicate.value != generated else f"{q.subject} RECORDED {q.graph_name}"
                      for q in store)

    assert quads(a) == quads(b) and len(a) > 1000


BODY = "Mali's army entered the northern town of Kidal on Tuesday after rebels withdrew. " * 3


def test_bad_input_reported_counted_and_never_half_written(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    cases = {
        "empty.json": b"",
        "binary.bin": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "broken.xml": b"<?xml version='1.0'?><rss><channel><item><title>x</ti",
        "nav.html": b"<html><body><nav>Home</nav></body></html>",
        "future.json": json.dumps({"title": "T", "published": "2999-01-01", "text": BODY}).encode(),
        "baddate.json": json.dumps({"title": "T", "published": "the day after", "text": BODY}).encode(),
        "good.jsonl": (json.dumps({"url": "https://example.org/good", "title": "Army enters Kidal",
                                   "published": "2023-11-14T10:00:00Z", "text": BODY}) + "\n"
                       + '{"title": "half a record", "published": \n').encode(),
    }
    for name, content in cases.items():
        (src / name).write_bytes(content)
    # a 50 MB single document: cut by the reader, then for extraction, with warnings; never a crash
    with (src / "huge.json").open("w") as f:
        f.write(json.dumps({"url": "https://example.org/huge", "title": "Huge", "published": "2023-11-14",
                            "text": ("The army entered Kidal on Tuesday.\n\n" * 1_450_000)[:50_000_000]}))
    data = tmp_path / "d"
    proc = run_tkg("ingest", str(src), "--data", str(data), "--max-chars", "3000")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    err = proc.stderr
    for name, problem in [("empty.json", "empty file"), ("binary.bin", "binary file"), ("broken.xml", "broken feed XML"),
                          ("nav.html", "HTML page without an article"), ("future.json", "in the future"),
                          ("baddate.json", "unreadable publication date"), ("good.jsonl:2", "broken JSON")]:
        assert f"{name}: {problem}" in err or (name in err and problem in err), (name, err)
    assert "huge.json: text truncated" in err and "truncated for extraction" in err
    line = proc.stdout.strip().splitlines()[-1]
    assert line.startswith("2 articles,") and "; 7 skipped (" in line, line
    for reason in ("1 empty file", "1 binary file, not text", "1 HTML page without an article",
                   "1 publication date is in the future", "1 unreadable publication date", "1 broken JSON"):
        assert reason in line, (reason, line)
    assert "2 warnings" in line
    graphs = article_graphs(ox.Store(str(data)))
    assert len(graphs) == 2  # the good article and the (cut) huge one, each whole
    for g in graphs.values():
        ok, report = validate(g)
        assert ok, report
