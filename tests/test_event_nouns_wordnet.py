"""Event nouns WordNet files as acts, events or processes (issue #16, SemEval-2015 TimeLine): a noun whose first
sense is an act, event or process and that is a verb too or derived from one is an event nominal whatever its
ending ("award", "stop", "support"), from the WordNet table (wordnet_build.py's `act` tag), not from a word list.
Stories of our own."""
from __future__ import annotations

from graph.extract import extract
from graph.extract.events import wordnet_lexicon as wn
from graph.extract.events.events_lexicon import is_event_noun
from graph.sources.articles import make_article


def triggers(text: str) -> set[str]:
    ex = extract(make_article("Story", "2024-05-14", f"Story\n\n{text}", "test"))
    return {e.text for e in ex.events}


def test_the_table_tags_acts_derived_from_verbs():
    for word in ("award", "stop", "support", "departure"):
        assert wn.noun(word).tag == "act", word
    for word in ("role", "profit", "airline", "engine"):  # not an act, or no verb: no tag
        assert wn.noun(word).tag != "act", word
        assert not is_event_noun(word), word


def test_an_act_noun_is_an_event_trigger():
    got = triggers("Lumen Freight challenged the award in court on Monday. The ship's first stop in Oslo was "
                   "cancelled.")
    assert {"award", "stop"} <= got, got
