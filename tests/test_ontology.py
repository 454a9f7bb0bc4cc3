"""Every term we mint in the tkg: namespace is declared in ontologies/tkg.ttl, and the shapes parse."""
from __future__ import annotations

import shutil

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import OWL, RDF

from graph.ids import ONTOLOGY
from graph.resources import ontology_file


def declared() -> set[str]:
    g = Graph().parse(ontology_file("tkg.ttl"))
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {str(s) for k in kinds for s in g.subjects(RDF.type, k)}


def test_every_tkg_term_in_an_ingested_store_is_declared(seed_store, tmp_path):
    data = tmp_path / "d"
    shutil.copytree(seed_store, data)
    store = ox.Store(str(data))
    used = set()
    for q in store.quads_for_pattern(None, None, None):
        used.add(q.predicate.value)
        if q.predicate.value == str(RDF.type):
            used.add(q.object.value)
    ours = {t for t in used if t.startswith(ONTOLOGY)}
    assert ours, "the seed store uses no tkg: term?"
    assert ours <= declared(), ours - declared()


def test_terms_the_code_can_mint_are_declared():
    from graph.rdf import triples as rdf

    minted = {str(getattr(rdf.TKG, n)) for n in ("Sentence", "ArmedGroup", "State", "InternationalOrganization",
                                                 "agent", "target", "trigger", "modality", "confidence", "timex",
                                                 "timeSource", "text", "start", "end", "mentions", "countryCode")}
    minted.add(str(rdf.TKG["index"]))
    assert minted <= declared(), minted - declared()


def test_happening_terms_are_declared():
    from graph.store.happenings import LINK_CLASS, SAME, TKG

    minted = {SAME, LINK_CLASS} | {TKG + n for n in ("mention", "representative", "score", "evidence")}
    assert minted <= declared(), minted - declared()


def test_shapes_and_cameo_parse():
    for name in ("shapes.ttl", "cameo.ttl", "tkg.ttl"):
        assert len(Graph().parse(ontology_file(name))) > 10
