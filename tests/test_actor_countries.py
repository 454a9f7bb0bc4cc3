"""The country an actor belongs to (made-up stories): a state's body has its own, a non-state group the one a
modifier of a mention of it names ("Ethiopia's regional Fano militia", "Chechen fighters": Chechnya's country), and
an actor the text ties to no country has none, whatever country the story is set in; stated as tkg:countryCode."""
from __future__ import annotations

from rdflib import Literal, URIRef

from graph.extract import extract
from graph.rdf.rdflib_graph import article_graph
from graph.rdf.triples import TKG
from graph.sources.articles import make_article

STORY = """ADDIS ABABA, May 2, 2024 (Reuters) - Ethiopia's regional Fano militia ambushed a convoy of the Ethiopian \
army near Gondar on Thursday, while Chechen fighters joined the battle for Kharkiv. Doctors Without Borders said it \
treated 40 wounded."""


def _run():
    art = make_article("Test", "2024-05-02", STORY, "test")
    return art, extract(art)


def _country_of(ex) -> dict[str, object]:
    return {e.label: e.country for e in ex.entities if e.canonical and "/actor/" in e.canonical}


def test_a_group_has_the_country_a_modifier_names():
    _, ex = _run()
    got = _country_of(ex)
    fano = next(label for label in got if label and "Fano" in label)
    assert got[fano] == "ET", got
    chechen = next(label for label in got if label and label.startswith("Chechen"))
    assert got[chechen] == "RU", got


def test_a_states_army_has_its_country_and_an_untied_actor_none():
    _, ex = _run()
    got = _country_of(ex)
    assert got.get("Ethiopian Armed Forces") == "ET", got
    assert got.get("Doctors Without Borders") is None, got  # set in Ethiopia, but no country's


def test_the_country_is_stated_in_the_graph():
    art, ex = _run()
    g = article_graph(art, ex)
    fano = next(e for e in ex.entities if e.label and "Fano" in e.label)
    assert (URIRef(fano.canonical), TKG.countryCode, Literal("ET")) in g
