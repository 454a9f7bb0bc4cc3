"""Event labels read as clauses: subject, predicate (with its particle), object; never a pronoun, a quote mark,
a relative pronoun or a word that only looks like an event noun."""
from __future__ import annotations

import pytest

from graph.extract import extract
from graph.sources.articles import make_article


@pytest.fixture(scope="module")
def story():
    text = ("Smugglers ramped up crossings at the northern border in April. “We will never go back,” a farmer told "
            "me. “Enough,” said the mayor of Tirana. Customs officers seized a truck, which the smugglers had "
            "abandoned near the bastion of the old fort. He said nothing more.")
    return extract(make_article("Border", "2024-05-14", text, "test"))


def labels(ex, trigger: str) -> list[str]:
    return [e.label for e in ex.events if e.text == trigger]


def test_particle_verbs_keep_their_particle(story):
    assert labels(story, "ramped up")[0].startswith("Smugglers ramp up")  # the trigger holds its particle too


def test_no_pronoun_or_quote_mark_in_labels(story):
    assert labels(story, "told") == ["a farmer tell"]  # not "a farmer tell me"
    said = labels(story, "said")
    assert said[0] == "the mayor of Tirana say" and not any(q in said[0] for q in "“”\"'’")
    assert said[1] == "say nothing"  # "He" resolves to nobody: the subject is left out
    for e in story.events:
        assert not set(e.label.lower().split()) & {"he", "me", "i", "which", "who"}, e.label


def test_relative_pronoun_stands_for_its_noun(story):
    assert labels(story, "abandoned") == ["smugglers abandon a truck"] or labels(story, "abandoned") == [
        "the smugglers abandon a truck"]


def test_thing_nouns_with_event_suffixes_are_no_events(story):
    assert not labels(story, "bastion")


def test_a_passive_without_a_doer_reads_as_a_passive():
    ex = extract(make_article("Border", "2024-05-14", "Nine villagers were abducted near the border on Sunday. "
                              "Police said two suspects had been arrested by soldiers.", "test"))
    assert labels(ex, "abducted") == ["Nine villagers abducted"]  # not "abduct Nine villagers"
    assert labels(ex, "arrested") == ["soldiers arrest two suspects"]
