"""CAMEO types and roles on conflict news (issue #16, item 3), on stories of our own (tests/data/stories:
protest_arrests, election_vote, market_bombing): what people WordNet files as protesters do is a protest
(event_protest.py); "criticised" is typed as "criticized" is (cameo.american); "the injured", "the dead" are the
injury and the death, with their victims; a speaker the parse hung on the quote speaks (event_speaker.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
from unseen_text import run

from graph.extract.events.cameo import american, code_for
from graph.extract.events.event_protest import protester

STORIES = Path(__file__).parent / "data" / "stories"


def types(ex, trigger: str) -> list[str]:
    return [e.type for e in ex.events if e.text == trigger]


@pytest.fixture(scope="module")
def protest():
    return run((STORIES / "protest_arrests.txt").read_text(encoding="utf-8"), "2025-04-16")


def test_protesters_marching_demonstrate(protest):
    assert types(protest, "marched") == ["141"]  # "thousands of protesters marched on parliament"


def test_protesters_blocking_a_road_obstruct_passage(protest):
    assert types(protest, "blocked") == ["144"]  # "The protesters, who blocked the main avenue"


def test_protesters_fighting_riot(protest):
    assert types(protest, "clash") == ["145"]  # "protesters clash with riot officers": not military force (190)
    assert types(protest, "threw") == ["145"]  # "threw bottles and fireworks at the police"


def test_the_police_acting_on_protesters_keep_their_codes(protest):
    assert types(protest, "arrested") == ["173"] and types(protest, "beat") == ["182"]


def test_protester_nouns_come_from_wordnet():
    from spacy.tokens import Doc

    from graph.extract.nlp import load_nlp
    doc: Doc = load_nlp()("Thousands of demonstrators and a few dissidents met the dockworkers.")
    assert protester(doc[0]) and protester(doc[6]) and not protester(doc[9])


def test_british_spellings_are_typed():
    assert american("criticise") == "criticize" and american("mobilisation") == "mobilization"
    assert american("rise") == "rise" and code_for("criticised".removesuffix("d")) == "111"
    election = run((STORIES / "election_vote.txt").read_text(encoding="utf-8"), "2025-01-08")
    assert types(election, "criticised") == ["111"]  # "Observers ... criticised the poll"


@pytest.fixture(scope="module")
def bombing():
    return run((STORIES / "market_bombing.txt").read_text(encoding="utf-8"), "2025-03-09")


def test_the_injured_and_the_dead_are_their_injury_and_death(bombing):
    # "14 of the injured", "Among the wounded were three children": the injury (182) and its victims
    injured = [e for e in bombing.events if e.text in {"injured", "wounded"}]
    assert [(e.type, e.label) for e in injured[:2]] == [("182", "14 injured"), ("182", "three children wounded")]
    assert [(e.type, e.label) for e in bombing.events if e.text == "dead"] == [("1823", "Two dead")]


def test_the_injured_of_an_accident_are_not_assaulted(bombing):
    # "Two women died in a road crash ..., and the injured were taken to hospital": no violence in that sentence
    last = [e for e in bombing.events if e.text == "injured"][-1]
    assert (last.type, last.label) == ("", "people injured")
    assert [e.label for e in bombing.events if e.text == "taken"] == ["the injured taken"]


def test_a_speaker_the_parse_hung_on_the_quote_is_the_agent(bombing):
    # "... were traders, a police officer, Abdi Hassan, said.": the parser hangs the speaker on "traders"
    said = [e for e in bombing.events if e.text == "said"][1]
    assert (said.type, said.label) == ("010", "Abdi Hassan say")
