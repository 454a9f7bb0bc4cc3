"""A region's people and a place's bodies (made-up stories): "Chechen fighters" name Chechnya's people (a demonym
mention of the region, and fighters of their own, not the army of the country the sentence names), "Gaza health
officials" are officials of a place (Gaza, though the name is also a person's); "Western diplomats" stay no
place."""
from __future__ import annotations

from graph.extract import extract
from graph.extract.places.gazetteer_cache import default_gazetteer
from graph.sources.articles import make_article

STORY = """ISTANBUL, July 9, 2024 (AP) - Chechen fighters fought beside Ukrainian units near Kupiansk, while Gaza \
health officials said an airstrike killed 12 people. Western diplomats urged calm."""


def _ex():
    return extract(make_article("Test", "2024-07-09", STORY, "test"))


def test_a_regions_people_word_is_a_demonym_mention_of_the_region():
    ex = _ex()
    chechnya = default_gazetteer().lookup("Chechnya")
    got = {(l.text, l.geonames_id, l.mention) for l in ex.locations}
    assert ("Chechen", chechnya.geonames_id, "demonym") in got, got
    assert "Western" not in {l.text for l in ex.locations}


def test_a_regions_fighters_are_a_group_of_their_own():
    ex = _ex()
    labels = {e.text: e.label for e in ex.entities if e.mention == "nominal"}
    assert labels["Chechen fighters"].startswith("Chechen"), labels  # not the fighters of Ukraine or Turkey


def test_officials_of_a_place_name_the_place():
    ex = _ex()
    gaza = [l for l in ex.locations if l.text == "Gaza"]
    assert gaza and gaza[0].country == "PS", [(l.text, l.country) for l in ex.locations]
