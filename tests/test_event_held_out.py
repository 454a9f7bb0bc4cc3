"""Issue #16 on news nobody tuned for: stories written for these tests (not from any eval set), one per defect.

- a patient-support verb ("suffered a defeat", "sustained injuries") is no act of its own: one event, the noun's,
  whose target is the verb's subject (event_merge.py);
- "agreed to a truce": the truce's label names who agreed (events.py, i_action verbs);
- "I" inside a quotation is its speaker, for the label and the participant's actor (event_quote.py);
- a title-cased headline is parsed in sentence case, so its verb is a verb (text/headline_case.py);
- common conflict verbs and nouns the dev sets lack get a CAMEO type of the right root (cameo.py, WordNet).
"""
from __future__ import annotations

import pytest

from graph.extract import extract
from graph.extract.text.headline_case import sentence_case
from graph.sources.articles import make_article


def events(text: str, title: str = "Story"):
    return extract(make_article(title, "2024-06-03", text, "test")).events


def by_text(evs, word: str):
    return [e for e in evs if e.text == word]


def test_patient_support_verb_is_one_event_with_its_subject_as_target():
    evs = events("The militia suffered a crushing defeat near the river on Sunday. Two guards sustained "
                 "injuries when the convoy was hit.")
    assert not by_text(evs, "suffered") and not by_text(evs, "sustained")
    defeat = by_text(evs, "defeat")[0]
    assert [a.text for a in defeat.args if a.role == "target"] == ["The militia"]
    assert [a.text for a in by_text(evs, "injuries")[0].args if a.role == "target"] == ["Two guards"]


def test_agreed_to_a_noun_names_who_agreed():
    evs = events("Both factions agreed to a truce on Friday after a week of clashes.")
    truce = by_text(evs, "truce")[0]
    assert "Both factions" in truce.label and "no participant" not in truce.label


def test_first_person_in_a_quote_is_the_speaker():
    evs = events("“I will not step down,” the mayor of Springfield told reporters on Monday. A trader said: "
                 "“They beat me and burned my shop.”")
    step = by_text(evs, "step down")[0]
    assert step.label.startswith("the mayor of Springfield"), step.label
    beat = by_text(evs, "beat")[0]
    assert "a trader" in beat.label.lower(), beat.label


def test_quoted_i_takes_the_speakers_actor():
    evs = events("Governor Maria Alvarez visited the flooded town on Monday. “I promise that we will rebuild "
                 "every school,” Alvarez said.")
    said = [e for e in by_text(evs, "said")][0]
    speaker = next(a for a in said.args if a.role == "agent")
    promise = by_text(evs, "promise")[0]
    first = next(a for a in promise.args if a.text == "I")
    assert speaker.canonical and first.canonical == speaker.canonical


HEADLINE = "Militias Torch Village Near Lake Chad As Fighting Spreads"


def test_title_case_headline_is_parsed_in_sentence_case():
    title = "Protesters Storm Parliament Over Fuel Prices"
    body = "Hundreds of protesters stormed the parliament in the capital on Tuesday over a rise in fuel prices."
    storm = by_text(events(f"{title}\n\n{body}", title), "Storm")
    assert storm and storm[0].type[:2] in {"14", "19"}, storm  # the verb, typed as the body's "stormed"


def test_sentence_case_keeps_names_and_offsets():
    body = "\n\nMilitias torched a village near Lake Chad on Tuesday. The UN said fighting spread."
    cased = sentence_case(HEADLINE + body)
    assert cased is not None and len(cased) == len(HEADLINE + body)
    assert cased.startswith("Militias torch village near Lake Chad as fighting spreads")
    assert sentence_case("Militias torch village near Lake Chad" + body) is None  # sentence case already
    assert sentence_case("A short Title\n\nbody.") is None


@pytest.mark.parametrize("sentence, trigger, root", [
    ("Riot police stormed the compound before dawn.", "stormed", "19"),
    ("The opposition boycotted the vote in protest.", "boycotted", "14"),
    ("Looters ransacked the market overnight.", "ransacked", "17"),
    ("Soldiers razed the houses of suspected militants.", "razed", "17"),
    ("The army mortared rebel positions outside the town.", "mortared", "19"),
    ("The deportation of the activists drew criticism.", "deportation", "17"),
])
def test_conflict_verbs_outside_dev_are_typed(sentence: str, trigger: str, root: str):
    ev = by_text(events(sentence), trigger)
    assert ev and ev[0].type[:2] == root, [(e.text, e.type) for e in ev]


def test_possessive_my_in_a_quote_is_the_speaker():
    evs = events("“My arrest was illegal,” the activist Omar Said told the court on Monday.")
    arrest = by_text(evs, "arrest")[0]
    assert arrest.label == "arrest Omar Said", arrest.label


@pytest.mark.parametrize("sentence, trigger, label, code", [
    ("Gunmen opened fire on worshippers at a mosque.", "opened", "Gunmen open fire on worshippers", "193"),
    ("The militants set fire to a school.", "set", "The militants set fire to a school", "1712"),
    ("Police opened fire.", "opened", "Police open fire", "193"),
])
def test_verb_object_idioms_are_one_typed_act(sentence: str, trigger: str, label: str, code: str):
    evs = events(sentence)
    ev = by_text(evs, trigger)[0]
    assert (ev.label, ev.type) == (label, code)
    assert not by_text(evs, "fire")  # the idiom's object is no event of its own
    assert not any(a.text == "fire" for a in ev.args)


@pytest.mark.parametrize("sentence, trigger, root", [
    ("The storming of the embassy shocked diplomats.", "storming", "19"),
    ("The torching of homes continued overnight.", "torching", "17"),
])
def test_conflict_nominals_outside_dev_are_typed(sentence: str, trigger: str, root: str):
    ev = by_text(events(sentence), trigger)
    assert ev and ev[0].type[:2] == root, [(e.text, e.type) for e in ev]


def test_a_riot_is_a_violent_protest():
    riot = by_text(events("A prison riot erupted overnight in the capital."), "riot")
    assert riot and riot[0].type == "145"  # CAMEO 145 protest violently, riot (not 140, any protest)


def test_receive_is_patient_support_only_for_violence():
    evs = events("The shipyard received orders for six frigates. Two guards received gunshot wounds in the raid.")
    assert by_text(evs, "received")[0].label.startswith("The shipyard receive")  # a recipient: its own event
    assert len(by_text(evs, "received")) == 1  # "received gunshot wounds": the wounds' event only


def test_a_quote_that_ends_its_sentence_is_not_spoken_by_the_next_one():
    evs = events("The senator praised the pilots, saying, “I admire their courage.” The newspaper quoted an aide.")
    admire = by_text(evs, "admire")[0]
    assert "newspaper" not in admire.label.lower(), admire.label
