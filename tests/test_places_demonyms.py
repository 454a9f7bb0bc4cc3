"""A people's adjective or noun ("Somali", "the Sudanese") names whose, not where (made-up stories): it is a place
mention of its own kind (``demonym``), so no event is placed in the country by it, while the country still gives
the actor's ("Somali forces": Somali Armed Forces) and an office's ("Somali President ...": Somalia's)."""
from __future__ import annotations

from unseen_text import event, run

SOMALIA, SUDAN = 51537, 366755

STORY = """Refugees cross into Chad

N'DJAMENA, March 12, 2024 (Reuters) - Thousands of Sudanese fled across the border on Monday, aid workers said. \
Somali forces attacked an al-Shabaab camp on Tuesday, and the Somalis captured two fighters. Somali President \
Hassan Sheikh Mohamud praised the troops."""


def test_demonyms_are_mentions_of_their_own_kind():
    ex = run(STORY, "2024-03-12")
    kinds = {(l.text, l.geonames_id, l.mention) for l in ex.locations}
    assert ("Sudanese", SUDAN, "demonym") in kinds
    assert ("Somali", SOMALIA, "demonym") in kinds
    assert ("Chad", 2434508, "demonym") not in kinds  # a country's name stays a name


def test_no_event_is_placed_in_a_country_by_its_people_word():
    ex = run(STORY, "2024-03-12")
    for trigger in ("fled", "captured", "attacked"):
        ev = event(ex, trigger)
        assert ev.place is None or ev.place.geonames_id not in (SOMALIA, SUDAN), (trigger, ev.place)


def test_the_people_word_still_gives_the_actor_and_the_office_their_country():
    ex = run(STORY, "2024-03-12")
    forces = [e for e in ex.entities if e.text == "Somali forces"]
    assert forces and forces[0].label == "Somali Armed Forces"
    offices = [f for f in ex.facts if f.relation == "holdsOffice" and f.object.endswith(f"/place/{SOMALIA}")]
    assert offices, ex.facts


REGIONS = """Clashes near the border

QAMISHLI, March 12, 2024 (Reuters) - Kurdish forces clashed with Syrian troops near the border on Monday, and \
Tigrayan forces said they had withdrawn from two towns in Ethiopia."""


def test_a_people_without_a_state_has_forces_of_its_own_not_a_state_army():
    """'Kurdish forces', 'Tigrayan forces': a people's or a region's fighters, not the army of the country the
    sentence names (nor of the region's country); 'Syrian troops' stay Syria's."""
    ex = run(REGIONS, "2024-03-12")
    label = {e.text: (e.label, e.type) for e in ex.entities if e.mention == "nominal"}
    assert label["Kurdish forces"] == ("Kurdish forces", "ARMED_GROUP"), label
    assert label["Tigrayan forces"] == ("Tigrayan forces", "ARMED_GROUP"), label
    assert label["Syrian troops"][0] == "Syrian Armed Forces"


FRONT = """Village falls in the east

KYIV, March 12, 2024 (Reuters) - Russian forces captured a village near Donetsk, the defence ministry in Moscow \
said on Tuesday. Ukrainian troops withdrew to Kurakhove."""


def test_a_people_word_does_not_pick_which_town_a_name_is():
    """Donetsk (Ukraine, 900,000 people) and Donetsk (Russia, 50,000): 'Russian forces' in the sentence says whose
    forces, not that the sentence is about Russia's towns; the Donetsk near the story's other town is meant."""
    ex = run(FRONT, "2024-03-12")
    assert {l.country for l in ex.locations if l.text == "Donetsk"} == {"UA"}
