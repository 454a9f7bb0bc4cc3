"""Actor mentions and rule-based coreference on small made-up news sentences."""
from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from graph.articles import make_article
from graph.extract import extract
from graph.iris import actor_iri
from graph.rdf import TKG, article_graph


def run(text: str, date: str = "2024-03-05"):
    art = make_article("Test", date, text, "test")
    return art, extract(art)


def by_text(ex, text):
    return [e for e in ex.entities if e.text == text]


def test_acronym_alias_and_initials():
    _, ex = run("General Motors said on Monday it would close a plant. GM shares fell. "
                "The National Transport Safety Board (NTSB) opened an inquiry. The NTSB said little.")
    gm = by_text(ex, "GM")
    assert gm and gm[0].canonical == actor_iri("General Motors")
    ntsb = {e.canonical for e in by_text(ex, "NTSB")}
    assert len(ntsb) == 1 and None not in ntsb


def test_company_and_pronouns_resolve_to_the_last_organization():
    _, ex = run("Boeing reported a loss on Wednesday. The company said it would cut 2,000 jobs.")
    boeing = actor_iri("Boeing")
    assert by_text(ex, "The company")[0].canonical == boeing
    assert by_text(ex, "it")[0].canonical == boeing


def test_person_surname_and_he():
    _, ex = run("President Emmanuel Macron visited Dakar on Friday. Macron met students. He left on Saturday.")
    macron = actor_iri("Emmanuel Macron")
    assert by_text(ex, "Macron")[0].canonical == macron
    he = by_text(ex, "He")
    assert he and he[0].canonical == macron and he[0].type == "PERSON"


def test_state_bodies_keyed_by_country():
    _, ex = run("Niger's army said it had killed ten militants near Tillaberi. "
                "The Nigerien army had been attacked twice this month. The government in Niamey welcomed the news.")
    army = actor_iri("Nigerien Armed Forces")
    assert by_text(ex, "Niger's army")[0].canonical == army
    assert by_text(ex, "The Nigerien army")[0].canonical == army
    gov = by_text(ex, "The government")[0]
    assert gov.canonical == actor_iri("Government of Niger") and gov.type == "GPE" and gov.kind == "state"


def test_kinds_reach_the_graph_as_classes():
    art, ex = run("The UN mission, MINUSCA, said rebels attacked its base. The rebels withdrew.")
    g = article_graph(art, ex)
    minusca = [e for e in ex.entities if e.text == "MINUSCA"][0]
    assert minusca.kind == "igo"
    node = URIRef(minusca.canonical)
    assert (node, RDF.type, TKG.InternationalOrganization) in g
    assert len(list(g.objects(node, RDFS.label))) == 1
    alts = {str(o) for o in g.objects(node, SKOS.altLabel)}
    assert "it" not in alts and "its" not in alts
