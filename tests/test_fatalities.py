"""Numbers of dead stated for an event (graph/extract/events/fatalities.py), on sentences written for this test:
each case is a sentence, the trigger that should carry the number, and the number; every other event of the
sentence must carry 0, so a sum over events counts the dead once."""
from __future__ import annotations

import pytest

from graph.extract import extract
from graph.extract.events.fatalities import parse_number
from graph.sources.articles import make_article

CASES = [
    # (sentence, trigger that carries the dead, number)
    ("Gunmen raided a market in northern Burkina Faso on Sunday, killing at least 12 people.", "raided", 12),
    ("A roadside bomb left eight policemen dead near the border town.", "left", 8),
    ("Twelve people were killed when soldiers opened fire on the crowd.", "killed", 12),
    ("Two soldiers and three civilians died in the ambush near Tessalit.", "ambush", 5),  # the happening
    ("Three herders died near the well.", "died", 3),
    ("The death toll from the clashes rose to 35 on Monday, officials said.", "clashes", 35),
    ("The assault claimed the lives of twenty-five villagers.", "assault", 25),
    ("Police shot dead five protesters outside the parliament.", "shot", 5),
    ("Nine miners were stabbed to death at the gold site.", "stabbed", 9),
    ("An attack that killed 14 soldiers was claimed by the group.", "attack", 14),
    ("The explosion caused 7 deaths and dozens of injuries.", "explosion", 7),
    ("A dozen soldiers were killed in the raid on the camp.", "raid", 12),
    ("A drone strike hit a convoy near Kidal, killing nine fighters.", "strike", 9),
    ("The massacre of 40 villagers shocked the region.", "massacre", 40),
    ("At least 1,200 people have lost their lives since the war began.", "lost", 1200),
    ("Clashes between herders and farmers left 31 dead in Plateau state.", "Clashes", 31),
    ("Witnesses said militiamen executed two hundred prisoners.", "executed", 200),
]

NONE_STATED = [
    "The fighting left many soldiers dead.",  # no number: ACLED's vague 'many' is not a stated count
    "Dozens of people were killed in the shelling.",
    "No one was killed in the blast.",
    "The militia threatened to kill 30 hostages if its demands were not met.",  # hypothetical
    "Rebels killed or wounded 20 soldiers.",  # the dead are not told from the wounded
    "Bandits killed 300 cattle in the raid.",  # animals are no fatalities
    "The army killed the commander in 2021.",  # a year is no count
    "Twelve soldiers were wounded in the attack.",
]


def events(text: str):
    return extract(make_article("Test", "2024-03-05", text, "test")).events


@pytest.mark.parametrize("text,trigger,dead", CASES, ids=[c[1] + str(c[2]) for c in CASES])
def test_the_dead_go_to_one_event(text, trigger, dead):
    evs = events(text)
    got = {e.text: e.fatalities for e in evs}
    assert got.get(trigger) == dead, got
    assert sum(got.values()) == dead, got  # no other event of the sentence counts them again


@pytest.mark.parametrize("text", NONE_STATED)
def test_no_number_stated_is_zero(text):
    assert [e.fatalities for e in events(text)] == [0] * len(events(text))


def test_numbers_in_words_and_digits():
    assert parse_number("twenty-five") == 25 and parse_number("1,200") == 1200
    assert parse_number("two hundred and five") == 205 and parse_number("1.5 million") == 1_500_000
    assert parse_number("dozens") is None and parse_number("a few") is None


def test_wounded_told_apart_and_a_named_victim_is_one():
    got = {e.text: e.fatalities for e in events("Insurgents ambushed a supply convoy, killing 10 soldiers and "
                                                 "wounding 15.")}
    assert got["ambushed"] == 10 and sum(got.values()) == 10
    got = {e.text: e.fatalities for e in events("Six people were killed and 20 injured in the bombing.")}
    # the small model hangs "in the bombing" on "injured": the killing keeps its dead, counted once
    assert got["killed"] + got["bombing"] == 6 and sum(got.values()) == 6
    got = {e.text: e.fatalities for e in events("Gunmen shot dead John Okafor, a local councillor, in Kano.")}
    assert got["shot"] == 1
