"""Regions and towns the small model tags as peoples or organisations, on made-up stories: a region's people's word
("Dagestani"), "<name> state", a town in a list of places."""
from __future__ import annotations

from graph.extract import extract
from graph.extract.places.gazetteer_cache import default_gazetteer
from graph.sources.articles import make_article


def places(text: str) -> dict[str, object]:
    ex = extract(make_article("Test", "2024-03-05", text, "test"))
    return {loc.text: loc for loc in ex.locations}


def test_a_regions_people_word_is_the_region():
    got = places("A Dagestani court jailed two men on Friday.")
    dagestan = default_gazetteer().lookup("Dagestan")
    assert "Dagestani" in got and got["Dagestani"].geonames_id == dagestan.geonames_id


def test_a_name_followed_by_state_is_the_region():
    got = places("Flooding hit Tachira state on Sunday, officials said.")
    assert "Tachira" in got and got["Tachira"].geonames_id == default_gazetteer().lookup("Táchira").geonames_id


def test_a_town_in_a_list_of_places_is_a_place():
    got = places("The festival toured Lyon, Nice and Marseille before ending in Toulouse.")
    assert "Marseille" in got and got["Marseille"].country == "FR"


def test_english_adjectives_that_name_regions_stay_adjectives():
    got = places("The Jewish community and Western diplomats met in Berlin.")
    assert "Jewish" not in got and "Western" not in got
