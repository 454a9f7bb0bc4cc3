"""CAMEO types of protests and of British spellings (issue #16, item 3), on a story of our own
(tests/data/stories/protest_arrests.txt, election_vote.txt): what people WordNet files as protesters do is a protest
(event_protest.py); "criticised" is typed as "criticized" is (cameo.american)."""
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
