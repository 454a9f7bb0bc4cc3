"""Places in conflict wire stories (made-up texts): a compass word that is part of a state's name ("West Darfur"),
"the city" / "the town" standing for the town the story named, and a state's forces belonging to the story's
country, not to another country the same sentence accuses or quotes."""
from __future__ import annotations

from unseen_text import run

WEST_DARFUR, NORTH_DARFUR, MAIDUGURI = 408658, 408666, 2331447

STORY = """Aid convoys reach Darfur camps

GENEINA, Sudan, March 12, 2024 (AP) - Aid convoys reached two camps in West Darfur on Tuesday after weeks of \
delays, while fighting continued in North Darfur, aid agencies said."""


def test_compass_word_of_a_state_name_is_part_of_the_place():
    ex = run(STORY, "2024-03-12")
    places = {l.text: l.geonames_id for l in ex.locations}
    assert places.get("West Darfur") == WEST_DARFUR
    assert places.get("North Darfur") == NORTH_DARFUR
    assert "Darfur" not in places or places["Darfur"] not in (WEST_DARFUR, NORTH_DARFUR)
    # the entity mention covers the whole name too
    assert any(e.text == "West Darfur" and e.type in ("GPE", "LOC") for e in ex.entities)


TOWN = """Gunmen attack Maiduguri

MAIDUGURI, Nigeria, March 12, 2024 (Reuters) - Gunmen attacked a market in Maiduguri on Sunday, police said. \
Hundreds of residents fled the city as the fighting spread, and a curfew was declared in the town on Monday."""


def test_the_city_is_the_town_the_story_named():
    ex = run(TOWN, "2024-03-12")
    nominal = {l.text: l.geonames_id for l in ex.locations if l.mention == "nominal"}
    assert nominal.get("the city") == MAIDUGURI
    assert nominal.get("the town") == MAIDUGURI


def test_a_town_no_story_named_is_no_place():
    ex = run("Flooding hit a town near the coast on Sunday. The town had no power, officials said.", "2024-03-12")
    assert not [l for l in ex.locations if l.text.lower() == "the town"]


ARMY = """Somalia says troops repel attack

MOGADISHU, March 12, 2024 (Reuters) - Somali troops repelled an attack on a base in central Somalia on Monday, \
officials said. The army's spokesman accused Ethiopia of moving soldiers across the border, a claim Kenya's \
foreign ministry did not comment on."""


def test_the_army_is_the_story_country_not_the_one_it_accuses():
    ex = run(ARMY, "2024-03-12")
    army = [e for e in ex.entities if e.text == "The army"]
    assert army and army[0].label and "Somali" in army[0].label, [(e.text, e.label) for e in army]


LIST = """Rockets hit southern towns

JERUSALEM, March 12, 2024 (Reuters) - Militants fired rockets at Sderot and Ashkelon on Monday, the Israeli \
army said."""


def test_a_list_of_towns_the_ner_joined_into_one_name_is_each_town():
    ex = run(LIST, "2024-03-12")
    assert {l.text: l.geonames_id for l in ex.locations if l.mention == "name"}.keys() >= {"Sderot", "Ashkelon"}
    places = {e.text for e in ex.entities if e.type == "GPE"}
    assert {"Sderot", "Ashkelon"} <= places and "Sderot and Ashkelon" not in places, places


PORT = """Ship attacked in the Red Sea

SANAA, March 12, 2024 (Reuters) - Houthi fighters in Yemen fired a missile at a tanker off Hodeidah on Monday, a \
shipping agency said."""


def test_a_big_town_under_a_transliteration_the_ner_called_an_org():
    """'off Hodeidah' (GeoNames: Al Ḩudaydah), tagged ORG: a loose one-word spelling is taken for a big town of the
    story's country in place position when it is no English word."""
    ex = run(PORT, "2024-03-12")
    assert {l.geonames_id for l in ex.locations if l.text == "Hodeidah"} == {79415}
