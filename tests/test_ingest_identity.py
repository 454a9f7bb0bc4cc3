"""One actor, one IRI in the store: articles ingested in two runs (the second with forked workers) meet the actors
the store already knows. Made-up stories; the real CLI and a real on-disk store."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from conftest import run_tkg

from graph.ids import ENTITIES_GRAPH, article_iri
from graph.sources import read_path

PREFIXES = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX schema: <https://schema.org/>
PREFIX tkg: <https://w3id.org/timeline-kg/ontology#>
"""

FIRST = [
    {"id": "b1", "title": "Kessler results", "published": "2024-05-02", "url": "https://example.org/b1",
     "text": "The Kessler Mining Group (KMG) said on Thursday its profit doubled. Chief executive Ilse Varga said "
             "copper prices helped. Talvi Motor Company bought a stake in the group."},
]
SECOND = [
    {"id": "b2", "title": "KMG strike", "published": "2024-05-06", "url": "https://example.org/b2",
     "text": "Workers at KMG walked out on Monday. Varga told reporters the company would not give in."},
    {"id": "b3", "title": "Talvi stake", "published": "2024-05-07", "url": "https://example.org/b3",
     "text": "Talvi Motors Co. raised its stake in Kessler Mining Group on Tuesday, Ilse Varga said."},
]


def write(path, articles):
    path.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("identity")
    data = tmp / "data"
    run_tkg("ingest", str(write(tmp / "first.jsonl", FIRST)), "--data", str(data), check=True)
    run_tkg("ingest", str(write(tmp / "second.jsonl", SECOND)), "--data", str(data), "--jobs", "2", check=True)
    return ox.Store(str(data)), tmp


def actors_in(st, key: str) -> set[str]:
    q = PREFIXES + f"SELECT DISTINCT ?a WHERE {{ GRAPH <{article_iri(key)}> {{ ?s tkg:mentions ?a }} " \
                   f"GRAPH <{ENTITIES_GRAPH}> {{ ?a a sem:Actor }} }}"
    return {r["a"].value for r in st.query(q)}


def actor_named(st, name: str) -> set[str]:
    q = PREFIXES + f'SELECT DISTINCT ?a WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?a rdfs:label|skos:altLabel ?n }} ' \
                   f'FILTER(STR(?n) = "{name}") }}'
    return {r["a"].value for r in st.query(q)}


def key_of(tmp, name: str) -> str:
    return next(a.key for a in read_path(tmp / name) if not isinstance(a, Exception))


def test_later_articles_take_the_stored_actors_iris(store):
    st, tmp = store
    b1 = actors_in(st, key_of(tmp, "first.jsonl"))
    kmg, talvi, varga = actor_named(st, "Kessler Mining Group"), actor_named(st, "Talvi Motor Company"), \
        actor_named(st, "Ilse Varga")
    assert len(kmg) == len(talvi) == len(varga) == 1, (kmg, talvi, varga)
    assert kmg | talvi | varga <= b1
    assert actor_named(st, "KMG") == kmg
    assert actor_named(st, "Talvi Motors Co.") == talvi  # an alias of the one company, not a second one
    second = {a.key for a in read_path(tmp / "second.jsonl") if not isinstance(a, Exception)}
    later = set().union(*(actors_in(st, k) for k in second))
    assert kmg | talvi | varga <= later


def test_one_label_per_actor_and_types_kept(store):
    st, _ = store
    q = PREFIXES + f"""SELECT ?a (COUNT(DISTINCT ?l) AS ?n) WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?a a sem:Actor ;
        rdfs:label ?l }} }} GROUP BY ?a HAVING (COUNT(DISTINCT ?l) > 1)"""
    assert not list(st.query(q))
    varga = next(iter(actor_named(st, "Ilse Varga")))
    classes = {r["c"].value for r in st.query(
        PREFIXES + f"SELECT ?c WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ <{varga}> a ?c }} }}")}
    assert "https://schema.org/Person" in classes and "https://schema.org/Organization" not in classes


def test_reingest_keeps_the_same_iris(store, tmp_path):
    import shutil

    st, tmp = store
    before = sorted(str(q) for q in st)
    data = tmp_path / "data"
    shutil.copytree(tmp / "data", data)
    for name in ("second.jsonl", "first.jsonl"):  # the other order, against what the store knows
        run_tkg("ingest", str(tmp / name), "--data", str(data), check=True)
    after = sorted(str(q) for q in ox.Store(str(data)))
    assert after == before
