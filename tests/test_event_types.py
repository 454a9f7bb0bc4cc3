"""CAMEO types of conflict-news triggers, on made-up stories: violence, injury, arrest, lawsuit, protest and
detonation are typed; fights need armed parties, occupation a place, material cooperation goods, a death violence."""
from __future__ import annotations

import pytest

from graph.extract import extract
from graph.sources.articles import make_article


def run(text: str):
    return extract(make_article("Test", "2024-05-14", text, "test"))


def types(ex) -> dict[str, str]:
    return {e.text: e.type for e in ex.events}


@pytest.fixture(scope="module")
def bombing():
    return run("Militants set off a car bomb outside a police station in the northern town, wounding eleven "
               "people. The blast left 25 hurt. Two officers died after a second device exploded nearby. "
               "Police later arrested three men and charged them with murder. Relatives of the victims sued "
               "the city for negligence, and hundreds protested outside the town hall.")


def test_detonation_injury_and_death_are_violence(bombing):
    t = types(bombing)
    assert t["set"] == "183"  # setting off a car bomb is a bombing
    assert t["wounding"][:2] == "18" and t["exploded"] == "183"
    assert t["left"][:2] == "18"  # left 25 hurt: wounded, not a military retreat
    assert t["died"][:2] in {"18", "19", "20"}  # a death next to an explosion


def test_arrest_charge_lawsuit_protest(bombing):
    t = types(bombing)
    assert t["arrested"] == "173" and t["charged"] == "173"
    assert t["sued"] == "115"  # CAMEO 115 bring lawsuit against
    assert t["protested"][:2] == "14"


def test_no_force_without_armed_parties_and_no_cooperation_in_figures():
    ex = run("The former senator, who has been fighting pancreatic cancer since May, died at home on Sunday. "
             "The casualty figures supplied by health officials were revised. Paramedics took eleven people "
             "to hospital. Rebel fighters took the town of Walikale.")
    t = types(ex)
    assert not t["fighting"] and not t["died"]  # no fight against a disease; a death by illness is no killing
    assert not t["supplied"]  # information, not goods
    took = {e.label: e.type for e in ex.events if e.text == "took"}
    assert sorted(took.values()) == ["", "192"], took  # a town taken is occupied; patients taken are not


def test_a_death_in_an_accident_is_no_killing():
    ex = run("Four people were killed in a car crash on the highway. Soldiers fought insurgents near the border.")
    t = types(ex)
    assert not t["killed"]
    assert t["fought"] == "190"


def test_agents_follow_syntax_and_apposition():
    ex = run("Gul Rahman, a member of the district council in Nangarhar, said the militants had fled. "
             "The government in Lima also asked Quito to extradite the suspects.")
    said = next(e for e in ex.events if e.text == "said")
    assert [a.text.split(",")[0] for a in said.args if a.role == "agent"] == ["Gul Rahman"]  # not the place
    asked = next(e for e in ex.events if e.text == "asked")
    agent = next(a for a in asked.args if a.role == "agent")
    assert agent.text == "The government" and "peru" in (agent.canonical or "")  # the government in Lima
    assert [a.text for a in asked.args if a.role == "target"] == ["Quito"]
