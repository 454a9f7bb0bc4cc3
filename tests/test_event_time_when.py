"""A "when" clause after a date takes that date (graph/extract/events/event_time.py `_when_date`, `_run_on`)."""
from __future__ import annotations

from test_event_time import event, run, when

# a recent day first, so that a past verb without a date of its own would take it from the discourse
OPENED = "On Tuesday, the governor opened a new bridge. "


def test_a_when_clause_after_a_date_takes_that_date_however_it_is_parsed():
    # "since October 2008" hangs on "a service", and the parser makes the "when" clause an adverbial of "held"
    ex = run(OPENED + "The church had until this year scarcely held a service in the town since October 2008, when "
             "its priests were expelled after a sermon by then-bishop Karl Weiss led to riots with the police.",
             "2021-06-10")
    assert when(event(ex, "opened")) == ("2021-06-08", "timex")
    assert when(event(ex, "expelled")) == ("2008-10", "timex")
    assert when(event(ex, "led")) == ("2008-10", "timex")  # coordinated with "held" by the parser
    assert when(event(ex, "riots")) == ("2008-10", "timex")


def test_a_verb_the_parser_hung_on_a_noun_goes_with_that_noun_clause():
    # "a raid by the army led to clashes": the parser makes "led" a reduced relative of "raid"
    ex = run(OPENED + "The militia had until now barely kept a grip on the valley since June 2011, when its fighters "
             "were driven off after a raid by the army led to clashes with villagers.", "2021-06-10")
    assert when(event(ex, "raid")) == ("2011-06", "timex")
    assert when(event(ex, "led")) == ("2011-06", "timex")
    assert when(event(ex, "clashes")) == ("2011-06", "timex")


def test_a_when_clause_on_a_date_after_the_verb():
    ex = run("The minister resigned in October 2017, when the coalition collapsed.", "2022-02-01")
    assert when(event(ex, "resigned")) == ("2017-10", "timex")
    assert when(event(ex, "collapsed")) == ("2017-10", "timex")


def test_a_when_clause_away_from_the_date_does_not_take_it():
    ex = run("On Monday, the union called a strike. The company had paid its drivers since 2015 and stopped "
             "when the contract ended.", "2024-03-07")
    assert event(ex, "ended").time.value != "2015"


def test_where_after_a_date_is_about_the_place():
    ex = run("On Monday, the mayor opened a new library. She moved to Porto in 2010, where she later founded a "
             "bakery.", "2024-03-07")
    assert event(ex, "founded").time.value != "2010"


def test_a_when_clause_on_a_month_shares_its_month():
    ex = run("On Monday, the envoy left the capital. He had arrived in March, when the talks began.", "2024-06-05")
    assert when(event(ex, "arrived")) == ("2024-03", "timex")
    assert when(event(ex, "began")) == ("2024-03", "timex")


def test_a_verb_joined_by_a_comma_or_and_is_no_run_on():
    # coordinated verbs keep the time of the first one, not of the phrase before them
    ex = run("Police stopped the convoy in 2019 at a checkpoint near Arlo, searched the trucks and seized the "
             "rifles.", "2024-06-05")
    assert when(event(ex, "searched")) == ("2019", "timex")
    assert when(event(ex, "seized")) == ("2019", "timex")


def test_a_clause_the_parser_left_without_subject_is_not_dated_by_its_own_verb():
    # "as" read as a preposition leaves "recalls" without subject or conjunction under "picked": still a clause of
    # its own, a state, not the day of the choice
    ex = run("Friday was picked as its date recalls the founding of the club.", "2021-06-10")
    assert when(event(ex, "picked")) == ("2021-06-04", "timex")
    assert event(ex, "recalls").time.source == "article"


def test_a_capital_when_after_a_caption_opens_a_sentence():
    ex = run("Boats in the old harbour in the 1970s When the navy left the port, the town lost its trade.",
             "2021-06-10")
    assert event(ex, "left").time.value != "197"
