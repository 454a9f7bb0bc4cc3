"""Regions that several provinces are named after (made-up stories): "North Kordofan", "South Kordofan" and "West
Kordofan" make Kordofan, a place of its country with a point derived from theirs (their mean, from the packaged
data: none placed by hand), found by its name; a name a country or a town already bears stays theirs."""
from __future__ import annotations

from graph.extract import extract
from graph.extract.places.gazetteer_cache import default_gazetteer
from graph.sources.articles import make_article

STORY = """KHARTOUM, Aug 4, 2024 (Reuters) - Fighting spread from Darfur into Kordofan this week, aid agencies said, \
while in Congo thousands fled clashes in Kivu. Floods also cut roads on Sulawesi."""


def _places(text: str) -> dict[str, object]:
    ex = extract(make_article("Test", "2024-08-04", text, "test"))
    return {loc.text: loc for loc in ex.locations}


def _mean_of(*names: str) -> tuple[float, float]:
    g = default_gazetteer()
    members = [g.lookup(n) for n in names]
    assert all(m is not None and m.kind == "admin1" for m in members), members
    return sum(m.lat for m in members) / len(members), sum(m.lon for m in members) / len(members)


def test_a_region_named_by_its_provinces_is_a_place_of_its_country():
    got = _places(STORY)
    for name, country in (("Darfur", "SD"), ("Kordofan", "SD"), ("Kivu", "CD")):
        assert name in got, list(got)
        assert got[name].country == country, (name, got[name])
        assert got[name].lat is not None, (name, got[name])
        assert [w.name for w in got[name].within] == [default_gazetteer().countries[country].name]


def test_its_point_is_its_provinces_mean():
    got = _places(STORY)
    lat, lon = _mean_of("North Kordofan", "South Kordofan", "West Kordofan")
    assert abs(got["Kordofan"].lat - lat) < 1e-3 and abs(got["Kordofan"].lon - lon) < 1e-3
    lat, lon = _mean_of("North Darfur", "South Darfur", "West Darfur", "East Darfur", "Central Darfur")
    assert abs(got["Darfur"].lat - lat) < 1e-3 and abs(got["Darfur"].lon - lon) < 1e-3


def test_a_name_a_country_bears_stays_the_countrys():
    """Iran's East and West Azerbaijan make no region "Azerbaijan": the name is the country's."""
    place = default_gazetteer().lookup("Azerbaijan")
    assert place.kind == "country" and place.country == "AZ"
