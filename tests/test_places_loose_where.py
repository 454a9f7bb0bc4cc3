"""A loose spelling resolves only where the article's places lie (made-up stories): a town the gazetteer lacks
("Tawila", Darfur) is not a namesake-by-skeleton in the country of a bystander the story names as an actor
(Tula, Russia); a transliteration of a town in the story's own country is still found ("Al-Fashir": El Fasher)."""
from __future__ import annotations

from graph.extract import extract
from graph.sources.articles import make_article

BYSTANDER = """Paramilitary fighters overran Tawila on Sunday, displaced families said, days after they shelled \
camps in North Darfur. The army accused Russia of arming the fighters."""
OWN = """Paramilitary fighters shelled Al-Fashir on Sunday, displaced families said, days after they attacked \
camps in North Darfur. The army accused Russia of arming the fighters."""


def _places(text: str) -> dict[str, tuple[object, object]]:
    ex = extract(make_article("Test", "2025-05-04", text, "test"))
    return {l.text: (l.geonames_id, l.country) for l in ex.locations}


def test_a_loose_spelling_does_not_jump_to_a_bystanders_country():
    got = _places(BYSTANDER)
    assert got.get("Russia", (None, None))[1] == "RU", got  # Russia is named, so it is in the article's context
    assert got.get("Tawila", (None, None))[1] != "RU", got


def test_a_loose_spelling_in_the_stories_country_is_kept():
    got = _places(OWN)
    assert got.get("Al-Fashir", (None, None))[1] == "SD", got
