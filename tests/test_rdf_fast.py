"""The ingest path states an article's triples without rdflib (graph.rdf.triples.article_triples) and checks
them without pyshacl when it can (graph.rdf.fastshacl.check_triples): the same graph as rdflib's
`article_graph`, and nothing the shapes refuse is ever written."""
from __future__ import annotations

import dataclasses
import json
import sys
from datetime import datetime, timezone

import pyoxigraph as ox
import pytest
from conftest import ROOT, SEEDS, SHARED
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rns
from rdflib.compare import to_isomorphic

from graph.extract import extract_many
from graph.extract.model import Argument, Entity, Event, EventPlace, EventTime, Extraction, Location, Sentence
from graph.ids import BASE, article_iri
from graph.ingest.workers import Job, finish, process
from graph.rdf.rdflib_graph import article_graph
from graph.rdf.triples import TKG, article_triples, ntriples, split_shared
from graph.sources import read_paths
from graph.sources.articles import Article

sys.path.insert(0, str(ROOT / "bench"))
from ingest import make_corpus  # noqa: E402  (the bench's synthetic articles)


def reference(article: Article, ex: Extraction, signature: str | None = None, copy_of: str | None = None):
    """rdflib's graph of the article, as ingest built it before the fast path (graph/ingest/workers.py)."""
    if copy_of is not None:
        ex = Extraction(id=article_iri(article.key), published=article.published.isoformat())
    g = article_graph(article, ex)
    me = URIRef(article_iri(article.key))
    if signature:
        g.add((me, TKG.minhash, Literal(signature, datatype=rns.XSD.base64Binary)))
    if copy_of is not None:
        g.add((me, TKG.sameStoryAs, URIRef(article_iri(copy_of))))
    return g


def oxi(nt: str) -> set:
    return set(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES))


def assert_same(article, ex, **kw):
    if kw.get("copy_of") is not None:  # a wire copy states no sentences or events (graph/ingest/workers.py)
        ex = Extraction(id=article_iri(article.key), published=article.published.isoformat())
    g = reference(article, ex, **kw)
    own_ref, shared_ref = split_shared(g)
    triples = article_triples(article, ex, **kw)
    own, shared = ntriples(triples)
    assert len(triples) == len(set(triples)) == len(g)
    # what the store parses: the same triples in the article's graph and in the entities graph
    assert oxi(own) == oxi(own_ref.serialize(format="nt")), article.origin
    assert oxi(shared) == oxi(shared_ref.serialize(format="nt")), article.origin
    # and what rdflib reads back is the same graph
    assert to_isomorphic(Graph().parse(data=own + shared, format="nt")) == to_isomorphic(g), article.origin


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("c") / "synthetic.jsonl"
    make_corpus(8, corpus, seed=3)
    paths = [SEEDS, corpus]
    eval_file = SHARED / "eval" / "meantime-dev.jsonl"
    if eval_file.exists():
        small = tmp_path_factory.mktemp("e") / "eval.jsonl"
        small.write_text("\n".join(eval_file.read_text(encoding="utf-8").splitlines()[:12]) + "\n")
        paths.append(small)
    articles = [a for a in read_paths(paths) if isinstance(a, Article)]
    assert len(articles) >= 9
    return list(extract_many(articles))


def test_fast_triples_are_article_graph(extracted):
    for article, ex in extracted:
        assert_same(article, ex, signature="AAECAw==")
    article, ex = extracted[-1]
    assert_same(article, ex, signature="AAECAw==", copy_of=extracted[0][0].key)  # a wire copy


ODD = 'He said "no" \\ then\r\nleft; tab\there, accents éà, emoji 🙂, a % sign'


def odd_article() -> tuple[Article, Extraction]:
    """Hand-made: escapes, duplicate places under other names (`Graph.set`: the last one wins),
    an actor under several mentions, events with and without time, place and type."""
    a = Article(title=ODD, published=datetime(2023, 11, 14, 10, 30, tzinfo=timezone.utc), text=ODD + "\n\nMore.",
                url="https://example.org/a b?q=\"x\"&r=100%", source='Le "Monde"')
    sents = [Sentence(0, len(ODD), ODD, 0), Sentence(len(ODD) + 2, len(ODD) + 7, "More.", 1)]
    kidal = dict(geonames_id=2455290, lat=18.44345, lon=1.40921, country="ML",
                 canonical=f"{BASE}place/2455290")
    locs = [Location(3, 8, "Kidal", name="Kidal", **kidal), Location(20, 25, "kidal", name="Kidal town", **kidal),
            Location(30, 35, "Nowhere", canonical=f"{BASE}place/nowhere"),
            Location(40, 45, "Tiny", lat=-0.25, lon=-0.0, geonames_id=1, canonical=f"{BASE}place/1")]
    fama = f"{BASE}actor/fama"
    ents = [Entity(0, 2, "He", canonical=fama, label="FAMa", kind="armed_group", mention="pronoun"),
            Entity(50, 60, "the  Malian\narmy", canonical=fama, label="FAMa", type="ARMED_GROUP", mention="nominal"),
            Entity(61, 65, "FAMa", canonical=fama, label="Malian Armed Forces"),
            Entity(70, 75, "Guterres", type="PERSON", canonical=f"{BASE}actor/guterres"),
            Entity(80, 85, "Kidal", type="GPE", canonical=kidal["canonical"])]
    evs = [Event(3, 7, "said", type="010", sentence=0, modality="reported", confidence=0.8499999,
                 args=[Argument(0, 2, "He", role="agent", canonical=fama),
                       Argument(50, 55, "Guterres", role="target", canonical=f"{BASE}actor/guterres"),
                       Argument(60, 62, "x", role="other", canonical=fama)],
                 time=EventTime("2023-11-10", "2023-11-10T00:00:00", "2023-11-10T23:59:59", "timex"),
                 place=EventPlace("Kidal", canonical=kidal["canonical"]), label='FAMa said "no"'),
           Event(9, 13, "left", type="", sentence=1, confidence=1.0,
                 time=EventTime("2023-11", "2023-11-01T00:00:00", None, "sentence")),
           Event(9, 13, "left", sentence=1, confidence=0.0, time=EventTime("PAST_REF", None, None, "timex")),
           Event(9, 13, "went", sentence=1, time=EventTime("2023", "2023-01-01T00:00:00", "2023-12-31T23:59:59",
                                                          "timex")),
           Event(9, 13, "gone", sentence=1)]
    return a, Extraction(id=article_iri(a.key), published=a.published.isoformat(), sentences=sents,
                         locations=locs, entities=ents, events=evs)


def test_fast_triples_handle_escapes_and_set_semantics():
    article, ex = odd_article()
    assert_same(article, ex, signature="AAECAw==")
    nt = "".join(ntriples(article_triples(article, ex)))
    assert '"Kidal town"' in nt and '"Kidal"' not in nt  # the last name stated wins, as with Graph.set
    done = finish(Job(article, "AAECAw=="), ex)
    assert done.error is None and oxi(done.nt) == oxi(ntriples(article_triples(article, ex, "AAECAw=="))[0])


def test_invalid_iri_is_refused_like_rdflib_refuses_it():
    article, ex = odd_article()
    ex.events[0].args[0].canonical = f"{BASE}actor/not valid"
    with pytest.raises(Exception):
        reference(article, ex).serialize(format="nt")
    done = finish(Job(article), ex)
    assert done.error and "does not look like a valid URI" in done.error and not done.nt


BROKEN = {
    "confidence above 1": lambda ex: setattr(ex.events[0], "confidence", 1.5),
    "event from a sentence that is not there": lambda ex: setattr(ex.events[0], "sentence", 7),
    "latitude 91": lambda ex: setattr(ex.locations[1], "lat", 91.0),
    "lower-case country code": lambda ex: setattr(ex.locations[1], "country", "ml"),
    "unknown modality": lambda ex: setattr(ex.events[1], "modality", "rumoured"),
    "time source": lambda ex: setattr(ex.events[0].time, "source", "guess"),
    "ill-formed begin": lambda ex: setattr(ex.events[0].time, "begin", "2023-11-31T00:00:00"),
    "place without a label": lambda ex: (setattr(ex.locations[2], "name", None), setattr(ex.locations[2], "text", None)),
}


@pytest.mark.parametrize("full", [False, True], ids=["fast", "full-pyshacl"])
def test_a_graph_that_fails_the_shapes_is_never_written(full):
    article, ex = odd_article()
    good = finish(Job(article, "AAECAw=="), ex, full_shacl=full)
    assert good.error is None and good.nt and good.shared_nt
    for name, breaks in BROKEN.items():
        article, ex = odd_article()
        breaks(ex)
        done = finish(Job(article, "AAECAw=="), ex, full_shacl=full)
        assert done.error and done.error.startswith(("graph fails the SHACL shapes", "extraction failed")), name
        assert not done.nt and not done.shared_nt, name
        if name != "place without a label":  # rdflib cannot even state a None label
            assert done.error.startswith("graph fails the SHACL shapes"), (name, done.error)


def test_process_returns_only_strings_and_counts():
    article, _ = odd_article()
    (done,) = process([Job(dataclasses.replace(article, text="The army entered Kidal on Tuesday."), "AAECAw==")])
    assert done.error is None
    for f in dataclasses.fields(done):
        v = getattr(done, f.name)
        assert v is None or isinstance(v, (str, int)) or (isinstance(v, list) and all(isinstance(x, str) for x in v)), f
    json.dumps(dataclasses.asdict(done))


def test_a_coordinate_a_float_prints_with_an_exponent_is_written_positionally():
    """repr(1e-05) is '1e-05': the WKT point and the decimals must say 0.00001, or the shapes refuse the article."""
    article, ex = odd_article()
    ex.locations[3].lat = 1e-05
    done = finish(Job(article, "AAECAw=="), ex)
    assert done.error is None, done.error
    written = done.nt + done.shared_nt
    assert "e-05" not in written and 'POINT(' in written and " 0.00001)" in written
    assert '"0.00001"^^<http://www.w3.org/2001/XMLSchema#decimal>' in written
    old_path = reference(article, ex).serialize(format="nt")
    assert "e-05" not in old_path and " 0.00001)" in old_path


def test_nquads_put_each_triple_in_its_graph_however_the_lines_end():
    from graph.ids import ENTITIES_GRAPH
    from graph.store.embedded import _nquads

    own = '<http://x/a> <http://x/p> "ends with .\\n" .\n<http://x/a> <http://x/q> <http://x/b> .\n'
    shared = "<http://x/b> <http://x/l> \"B\" .  \n\n<http://x/b> <http://x/m> \"C\" ."  # blank line, no final newline
    got = _nquads([("http://x/g", own, shared)]).splitlines()
    assert got == ['<http://x/a> <http://x/p> "ends with .\\n" <http://x/g> .',
                   "<http://x/a> <http://x/q> <http://x/b> <http://x/g> .",
                   f'<http://x/b> <http://x/l> "B" <{ENTITIES_GRAPH}> .',
                   f'<http://x/b> <http://x/m> "C" <{ENTITIES_GRAPH}> .']
