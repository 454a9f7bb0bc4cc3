"""An acronym one article uses bare, spelt out only by a later one (made-up stories, real CLI, real store): the
actor the early article made from "TVL" joins "Tarvel Logistics" once an article writes "Tarvel Logistics (TVL)",
though another article in between had made "Tarvel Logistics" on its own; the merge is an analyst-style
correction by "tkg ingest" and later bare mentions take the joined actor."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from conftest import run_tkg

from graph.extract import extract
from graph.extract.actors.resolve import ActorIndex, resolve_extraction
from graph.ids import CORRECTIONS_GRAPH, ENTITIES_GRAPH, article_iri
from graph.sources import read_path
from graph.sources.articles import make_article

STORIES = [
    ("Tarvel shares slide", "2024-05-06", "Shares of TVL fell 4 percent on Monday after TVL warned of weak demand."),
    ("Tarvel hiring", "2024-05-07", "Tarvel Logistics said on Tuesday it would hire 200 drivers."),
    ("Tarvel depot", "2024-05-08", "Tarvel Logistics (TVL) opened a new depot in Leeds on Wednesday, the company said."),
    ("Tarvel chief", "2024-05-09", "TVL said on Thursday that its chief executive would retire."),
]


def _actor_of(ex, text: str) -> set[str]:
    return {e.canonical for e in ex.entities if e.text == text and e.canonical and "/actor/" in e.canonical}


def test_the_index_joins_the_bare_acronym_to_the_later_expansion():
    idx = ActorIndex()
    exs = []
    for title, day, text in STORIES:
        ex = extract(make_article(title, day, text, "test"))
        resolve_extraction(idx, ex)
        exs.append(ex)
    early, tarvel, late = _actor_of(exs[0], "TVL"), _actor_of(exs[1], "Tarvel Logistics"), _actor_of(exs[3], "TVL")
    assert len(early) == len(tarvel) == 1 and early != tarvel  # written before anything tied them
    assert late == tarvel, (late, tarvel)
    assert idx.take_merges() == [(next(iter(early)), next(iter(tarvel)))]
    assert idx.take_merges() == []


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("acronym_order")
    src = tmp / "stories.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"t{i}", "title": t, "published": d, "url": f"https://example.org/t{i}",
                                         "text": x}) for i, (t, d, x) in enumerate(STORIES)) + "\n", encoding="utf-8")
    run_tkg("ingest", str(src), "--data", str(tmp / "data"), check=True)
    keys = [a.key for a in read_path(src) if not isinstance(a, Exception)]
    return ox.Store(str(tmp / "data")), keys


def _mentioned(st, key: str) -> set[str]:
    q = f"""SELECT DISTINCT ?a WHERE {{ GRAPH <{article_iri(key)}> {{ ?s <https://w3id.org/timeline-kg/ontology#mentions> ?a }}
        GRAPH <{ENTITIES_GRAPH}> {{ ?a a <http://semanticweb.cs.vu.nl/2009/11/sem/Actor> }} }}"""
    return {r["a"].value for r in st.query(q)}


def test_the_store_holds_one_actor_whatever_the_order(store):
    st, keys = store
    named = {r["a"].value for r in st.query(
        f"""SELECT DISTINCT ?a WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?a <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#altLabel> ?n }}
            FILTER(STR(?n) IN ("TVL", "Tarvel Logistics")) }}""")}
    assert len(named) == 1, named
    for k in keys:
        assert named <= _mentioned(st, k), k
    made_by = {r["by"].value for r in st.query(
        f"SELECT ?by WHERE {{ GRAPH <{CORRECTIONS_GRAPH}> {{ ?c <http://purl.org/dc/terms/creator> ?by }} }}")}
    assert made_by == {"tkg ingest"}
