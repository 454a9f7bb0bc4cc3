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
    assert t["set off"] == "183"  # setting off a car bomb is a bombing (the phrasal verb is the trigger)
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


def test_codebook_verbs_of_accusation_repression_appeal_and_investigation():
    ex = run("The governor blamed the militia for the ambush. Security forces suppressed the revolt in the "
             "north. Relatives begged the kidnappers to free the teachers. Detectives were searching for two "
             "suspects. The soldiers said they hit four gunmen. The storm hit the coast.")
    t = {e.text + ("" if e.text != "hit" else ":" + e.label): e.type for e in ex.events}
    assert t["blamed"] == "112" and t["suppressed"] == "175" and t["begged"] == "020"
    assert t["searching"] == "090"
    hits = {e.label: e.type for e in ex.events if e.text == "hit"}
    assert sorted(hits.values()) == ["", "190"], hits  # soldiers hitting gunmen fight; a storm does not


def test_lives_claimed_are_killings_and_people_mutilated_are_assaulted():
    ex = run("Two car bombs claimed eleven lives in the capital. Dozens of passers-by were mutilated.")
    t = types(ex)
    assert t["claimed"] == "1823"
    assert t["mutilated"] == "182"


def test_protest_verbs_need_people_and_codebook_sanctions_and_coercion():
    ex = run("Thousands demonstrated outside parliament. The new figures demonstrate that exports grew. Bank "
             "shares rallied on Tuesday. The bloc suspended aid to the junta. Police dispersed the crowd and "
             "deported forty migrants. The minister opposed the plan.")
    t = types(ex)
    assert t["demonstrated"] == "141" and not t["demonstrate"] and not t["rallied"]
    assert t["suspended"] == "160" and t["dispersed"] == "175" and t["deported"] == "174"
    assert t["opposed"] == "120"


def test_an_attempt_takes_the_code_of_the_act_attempted_and_appeals_inherit_their_speaker():
    ex = run("Guards foiled an assassination attempt on the governor. The rebels felt strong enough to demand "
             "a ceasefire. The union answered by urging workers to stay home.")
    t = types(ex)
    assert t["attempt"] == "186"
    assert t["demand"] == "100"  # the rebels demand: the subject of "felt", through "strong enough to"
    assert t["urging"] == "020"  # the union urges: through "answered by urging"


def test_entering_a_country_is_travel_unless_armed_men_enter():
    ex = run("The student entered the United States in 2010. Malian troops entered Kidal on Monday.")
    entered = {e.label: e.type for e in ex.events if e.text == "entered"}
    assert sorted(entered.values()) == ["", "192"], entered


def test_phoning_someone_is_consulting_and_a_light_verb_gives_its_noun_a_speaker():
    ex = run("The defence lawyers called Maria Ostrova, the landlord. The premier urged rebels to disarm. "
             "The governor gave an interview to local radio.")
    t = types(ex)
    assert t["called"] == "040" and t["urged"] == "020"
    assert t["interview"] == "010"  # the governor speaks: "gave" lends its subject to the interview


def test_a_violent_act_named_as_a_modifier_happened_but_a_weapon_kind_is_no_event():
    ex = run("Police questioned the bombing suspect. An attack helicopter flew over the shooting scene.")
    t = types(ex)
    assert t["bombing"] == "183" and t["shooting"][:2] == "19"
    assert "attack" not in t


def test_people_said_to_be_dead_died_but_a_dead_battery_did_not():
    ex = run("A car bomb exploded near the court. Nine people were dead and a guard was shot dead. The "
             "radio's battery was dead.")
    dead = [(e.type, {a.text for a in e.args}) for e in ex.events if e.text == "dead"]
    assert ("1823", {"Nine people"}) in dead and ("1823", {"a guard"}) in dead
    assert len(dead) == 2


def test_coercion_restrictions_and_event_kinds_that_are_topics():
    ex = extract(make_article("Test", "2024-03-05", (
        "Militia leaders are forcing villagers to hand over grain and pressuring traders to pay a levy. The governor "
        "imposed a curfew and curbed the local radio. Ali Musa, an expert in urban warfare, said the ambush was an "
        "assassination attempt."), "test"))
    types = {e.text: e.type for e in ex.events}
    assert types["pressuring"] == "130" and types["curbed"] == "172" and types["curfew"] == "172"
    assert "warfare" not in types  # a field of expertise, not a happening
    assert "assassination" not in types and types["attempt"] == "186"  # one event: the attempt, coded by its act


def test_an_accident_is_no_attack():
    ex = extract(make_article("Test", "2024-03-05", "Four fighters died when a mortar round went off accidentally. "
                              "Two guards were killed in an accidental blast at the depot.", "test"))
    types = {e.text: e.type for e in ex.events}
    assert types["went off"] == "" and types["blast"] == "" and types["killed"] == ""
