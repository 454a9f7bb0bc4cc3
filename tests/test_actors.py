"""Actor mentions and rule-based coreference on small made-up news sentences."""
from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from graph.extract import extract
from graph.ids import actor_iri
from graph.rdf.rdflib_graph import article_graph
from graph.rdf.triples import TKG
from graph.sources.articles import make_article


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


def test_products_are_entities_and_actors_by_model_family():
    # issue #16: a model takes part in events ("the A380 made its first flight") and has a timeline, so it is an
    # actor, one per model family (it was an entity without an actor before)
    _, ex = run("Qantas ordered twelve Airbus A380s and eight Boeing 787 Dreamliners on Monday. "
                "The 777-200LR remains in service. Boeing's 747 is older.")
    prods = {e.text: e for e in ex.entities if e.type == "PRODUCT"}
    assert "Airbus A380s" in prods and prods["Airbus A380s"].canonical == actor_iri("Airbus A380")
    assert prods["Airbus A380s"].label == "Airbus A380"
    assert any("787 Dreamliners" in t and e.canonical == actor_iri("Boeing 787") for t, e in prods.items())
    assert any("777-200LR" in t and e.canonical == actor_iri("Boeing 777") for t, e in prods.items())
    # a manufacturer glued to the model is part of the product; a possessive one stays an actor
    assert not any(e.text == "Airbus" and e.type == "ORG" for e in ex.entities)
    assert any(e.text == "Boeing" and e.type == "ORG" for e in ex.entities)
    assert any(e.text.endswith("747") and e.type == "PRODUCT" for e in ex.entities)


def test_described_names_and_acronyms_are_extents_of_the_actor():
    _, ex = run("US automaker General Motors (GM) said on Monday it would cut jobs. "
                "Australian Prime Minister John Howard welcomed the news. Meeting at 16:00 UTC was brief.")
    gm = actor_iri("General Motors")
    ext = {e.text: e for e in ex.entities if e.mention == "extent"}
    assert "US automaker General Motors" in ext and ext["US automaker General Motors"].canonical == gm
    assert "General Motors (GM)" in ext
    assert by_text(ex, "General Motors")[0].mention == "name"
    assert "Australian Prime Minister John Howard" in ext
    assert not by_text(ex, "UTC")


def test_company_with_region_and_legal_suffix_is_one_name():
    _, ex = run("The federal government would be providing Ford Australia with a loan. "
                "Chrysler LLC said it wants to eliminate dealers.")
    assert by_text(ex, "Ford Australia") and not by_text(ex, "Australia")
    assert by_text(ex, "Chrysler LLC") and not by_text(ex, "LLC")


# ---------------------------------------------------------------- found auditing the seed and two unseen stories
def test_state_of_emergency_and_infrastructure_are_no_actors():
    _, ex = run("Haiti's government declared a 72-hour state of emergency on Sunday. \"There is no state,\" a "
             "resident said. On Friday, AFP said rebels had the telephone network cut off.")
    govs = [e for e in ex.entities if e.canonical and e.canonical.endswith("/government-of-haiti")]
    assert [e.text for e in govs] == ["Haiti's government"]  # not "a 72-hour state", not "no state"
    assert not [e for e in ex.entities if "network" in e.text and e.canonical]  # not Agence France-Presse


def test_country_missing_from_the_table_is_named_not_coded():
    _, ex = run("Haiti's government declared a curfew on Sunday.")
    assert {e.label for e in ex.entities if e.text == "Haiti's government"} == {"Government of Haiti"}


def test_government_named_by_its_leader_is_not_the_articles_country():
    _, ex = run("Gangs stormed two prisons in Port-au-Prince, Haiti, on Sunday. The Biden administration has pledged "
             "$200 million to support a police mission.")
    assert not [e for e in ex.entities if "administration" in e.text and e.canonical]
    assert not [l for l in ex.locations if "administration" in l.text]


def test_a_company_with_a_plural_looking_name_takes_it():
    _, ex = run("Carver Motors announced on Tuesday that it had lost $2 billion, and its shares fell.")
    carver = actor_iri("Carver Motors")
    assert by_text(ex, "it")[0].canonical == carver and by_text(ex, "its")[0].canonical == carver
