"""Time expressions of everyday news that the grammar missed or valued wrong (stories of our own)."""
from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.nlp import load_nlp
from graph.extract.time.timex import find_timexes


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def values(nlp, text: str, dct: str) -> dict[str, str]:
    return {t.text: t.value for t in find_timexes(nlp(text), dt.datetime.fromisoformat(dct))}


@pytest.mark.parametrize("text,expected", [
    # a count stays a length of time with a word between it and its unit
    ("The ferry strike has now lasted six consecutive days.", {"now": "PRESENT_REF", "six consecutive days": "P6D"}),
    ("The mayor wants two more years to finish the tunnel.", {"two more years": "P2Y"}),
    # vague days and hours, as TimeML writes them (PXD, PTXH), but not "the days"/"the hours" as nouns
    ("Volunteers have searched the dunes for days.", {"days": "PXD"}),
    ("The jury will deliver its verdict in the coming days.", {"the coming days": "PXD"}),
    ("In the first hours of the flood the dykes held.", {"the first hours": "PTXH"}),
    ("Those were the days. The hours at the mill are long.", {}),
    # a clock time said in words
    ("The convoy will leave at 4 in the morning.", {"4 in the morning": "2019-06-05T04:00"}),
    ("The polls close at 8 in the evening and the count starts at 11 at night.",
     {"8 in the evening": "2019-06-05T20:00", "11 at night": "2019-06-05T23:00"}),
    ("The bells rang at 9 o'clock.", {"9 o'clock": "2019-06-05T09:00"}),
])
def test_spans_news_grammar_missed(nlp, text, expected):
    assert values(nlp, text, "2019-06-05") == expected


@pytest.mark.parametrize("text,dct,expected", [
    # a future tense points ahead even when the day is months away (DCT in March)
    ("The referendum will be held on Nov. 6.", "2019-03-14", {"Nov. 6": "2019-11-06"}),
    ("The referendum is set for Nov. 6.", "2019-03-14", {"Nov. 6": "2019-11-06"}),
    # ... while a "would" of reported speech may still look back a little
    ("She said the ballots would be counted on March 10.", "2019-03-14", {"March 10": "2019-03-10"}),
    # the body's present tense is a schedule (a Thursday story)
    ("Voters go to the polls on Sunday.", "2019-03-14", {"Sunday": "2019-03-17"}),
    ("The offer expires at midnight on Tuesday.", "2019-03-14", {"midnight on Tuesday": "2019-03-19T00:00"}),
    ("The new tax year starts Oct. 1.", "2019-03-14", {"Oct. 1": "2019-10-01"}),
    ("The book fair runs through Saturday.", "2019-03-14", {"Saturday": "2019-03-16"}),
    ("The book fair ran through Saturday.", "2019-03-14", {"Saturday": "2019-03-09"}),
    # ... but a headline's present reports the past, and "Sunday's vote" has its own time
    ("Ferry sinks off Crete Monday\nThe ferry sank on Monday.", "2019-03-14",
     {"Monday": "2019-03-11"}),
    ("Sunday's vote is seen as a test for the mayor.", "2019-03-14", {"Sunday": "2019-03-10"}),
    # a wire story's first paragraph is no headline: its present tense is a schedule too
    ("ATHENS (AP) _ The ferry union says its members strike on Monday, closing every port.\n\nTalks failed.",
     "2019-03-14", {"Monday": "2019-03-18"}),
    # "since the weekend" looks back
    ("The border has been shut since the weekend.", "2019-03-14", {"the weekend": "2019-W10-WE"}),
])
def test_direction_from_tense(nlp, text, dct, expected):
    got = values(nlp, text, dct)
    assert {k: got.get(k) for k in expected} == expected


def test_clock_time_not_anchored_to_a_day_in_someone_elses_quote(nlp):
    text = ('The minister was gloomy. "The unions will strike tomorrow," she said. '
            'By midday the bourse had lost 3 percent.')
    got = values(nlp, text, "2019-06-05")
    assert got["tomorrow"] == "2019-06-06" and got["midday"] == "2019-06-05T12:00"
    text = "The unions struck on Monday. By midday the bourse had lost 3 percent."
    assert values(nlp, text, "2019-06-05")["midday"] == "2019-06-03T12:00"


@pytest.mark.parametrize("text,expected", [
    # "the quarter" is the quarter the story named, else the last one reported (past) or the current one
    ("The brewer sold 40 million crates during the quarter.", {"the quarter": "2019-Q2"}),
    ("The brewer reported its third-quarter results. Sales in the quarter fell 4 percent.",
     {"third-quarter": "2019-Q3", "the quarter": "2019-Q3"}),
    ("The brewer expects sales to recover in the quarter.", {"the quarter": "2019-Q3"}),
    ("Profit rose 12 percent in the second fiscal quarter.", {"the second fiscal quarter": "2019-Q2"}),
    ("Margins were thinner than in the year-earlier period.", {"the year-earlier period": "2018-Q2"}),
    ("Margins improved in the latest period.", {"the latest period": "2019-Q2"}),
    ("They play in the quarter-finals.", {}),
])
def test_quarters_in_results_news(nlp, text, expected):
    assert values(nlp, text, "2019-08-06") == expected


@pytest.mark.parametrize("text,expected", [
    ("The council will vote on the plan in the fall.", {"fall": "2019-FA"}),
    ("Shares slumped after the fall of the government.", {}),
    ("The dam will be finished by the end of the decade.", {"the end of the decade": "201"}),
    # counted from the date before; a time standing beside a date is that date
    ("The bridge reopened on April 2. Engineers had inspected it the previous day.",
     {"April 2": "2019-04-02", "the previous day": "2019-04-01"}),
    ("The suspect was seen on Monday, the day before the fire.", {"Monday": "2019-06-03", "the day before": "2019-06-03"}),
    ("The liner docks on July 9, four days later than planned.",
     {"July 9": "2019-07-09", "four days later than planned": "2019-07-09"}),
    ("The rocket flew two weeks later than expected.", {"two weeks later than expected": "P2W"}),
    # "1962, a year later ..." is no rate like "15 a year": a length of time (TimeML's measure phrase)
    ("The mill opened in 1962, a year later than the dam.", {"1962": "1962", "a year": "P1Y"}),
])
def test_anaphora_and_seasons(nlp, text, expected):
    assert values(nlp, text, "2019-06-05") == expected


@pytest.mark.parametrize("text,expected", [
    # a named day is no weekday of the story; the movable feasts are dated from Easter
    ("The crash was the worst since Black Monday in 1987.", {"1987": "1987"}),
    ("The bishop will preach on Palm Sunday.", {"Palm Sunday": "2019-04-14"}),
    ("Prices fell in the five trading days. Refunds take ten business days.",
     {"the five trading days": "P5D", "ten business days": "P10D"}),
])
def test_named_days_and_working_days(nlp, text, expected):
    assert values(nlp, text, "2019-03-20") == expected


def test_sets_of_named_days_and_seasons(nlp):
    text = ("The fish market opens every Friday. The regatta is held each summer. "
            "The ferry sails every other week. The library is shut on Mondays. The band Sundays split up.")
    assert values(nlp, text, "2019-03-20") == {"every Friday": "XXXX-WXX-5", "each summer": "XXXX-SU",
                                               "every other week": "P2W", "Mondays": "XXXX-WXX-1"}


@pytest.mark.parametrize("text,expected", [
    # the weekday belongs to the reporting verb, not to the future clause the parser hung it on (a Thursday)
    ("The brewery said Monday it will close its Leeds plant.", {"Monday": "2019-03-18"}),
    ("The coach told reporters Tuesday he will step down.", {"Tuesday": "2019-03-19"}),
    # ... unless "that" opens the clause first
    ("The brewery said that on Monday it will close its Leeds plant.", {"Monday": "2019-03-25"}),
])
def test_weekday_of_the_reporting_verb(nlp, text, expected):
    assert values(nlp, text, "2019-03-21") == expected


@pytest.mark.parametrize("text,expected", [
    # schedules: "due", "set" after a copula, and the body's present tense, look ahead (a March story)
    ("Municipal elections are due in September.", {"September": "2019-09"}),
    ("The lease ends on December 31.", {"December 31": "2019-12-31"}),
    ("The airport reported record traffic in the first half of the year.", {"the first half of the year": "2019-H1"}),
])
def test_schedules_look_ahead(nlp, text, expected):
    assert values(nlp, text, "2019-03-21") == expected


@pytest.mark.parametrize("text,expected", [
    # the base of a comparison is the reported period one year back, not the year before publication
    ("Exports rose 5 percent in September from a year earlier.", {"September": "2019-09", "a year earlier": "2018-09"}),
    ("The bakery chain earned $4 million in the third quarter. Revenue rose 8 percent from a year ago.",
     {"the third quarter": "2019-Q3", "a year ago": "2018-Q3"}),
    # ... and a second comparison in the story does not become the new period
    ("Sales rose 3 percent in May from the same month last year, and were up 2 percent from a year ago.",
     {"May": "2019-05", "the same month last year": "2018-05", "a year ago": "2018-05"}),
    # no comparison, no period: a year before publication
    ("The bakery chain was founded a year ago.", {"a year ago": "2018"}),
])
def test_comparison_base_is_the_reported_period(nlp, text, expected):
    assert values(nlp, text, "2019-10-24") == expected


@pytest.mark.parametrize("text,expected", [
    # "that night", "the same day", "the following morning": the day the story named last
    ("The storm reached the coast on May 30. The river burst its banks that night and two people drowned the same day.",
     {"May 30": "2014-05-30", "that night": "2014-05-30TNI", "the same day": "2014-05-30"}),
    ("On May 30 the storm reached the coast. Rescuers found the boat the following morning.",
     {"May 30": "2014-05-30", "the following morning": "2014-05-31TMO"}),
    # no day named before: nothing to count from; "that day one" is no time
    ("That day will come, she said.", {}),
    ("On May 30 it filed for bankruptcy, and said that day one motions were granted.", {"May 30": "2014-05-30"}),
])
def test_that_day(nlp, text, expected):
    assert values(nlp, text, "2014-06-10") == expected


def test_british_and_military_clock_times(nlp):
    text = ("The lorry bomb went off at about 5.30 p.m. local time (1530 GMT). "
            "A second blast came just after 11.45pm. Turnout was 5.30 percent higher.")
    assert values(nlp, text, "2019-06-05") == {"5.30 p.m. local time": "2019-06-05T17:30", "1530 GMT": "2019-06-05T15:30Z",
                                               "11.45pm": "2019-06-05T23:45"}


def test_todays_event_is_the_day_todays_company_the_era(nlp):
    text = "Flags flew at half-mast after today's Taliban attack near Kabul. It is a proud time at today's Fiat."
    got = [(t.text, t.value) for t in find_timexes(nlp(text), dt.datetime(2019, 6, 5))]
    assert got == [("today", "2019-06-05"), ("today", "PRESENT_REF")]


def test_quarter_named_by_its_months(nlp):
    text = "Toyota's profit in the July-September quarter rose 8 percent."
    assert values(nlp, text, "2019-11-06") == {"the July-September quarter": "2019-Q3"}


@pytest.mark.parametrize("text,expected", [
    # an irregular past the small model tags as a present (VBP) is still a past: the weekday is the last one
    ("Militia fighters retook the river port on Wednesday, a local chief said.", {"Wednesday": "2022-10-19"}),
    ("Gunmen overran the police post on Tuesday and fled with weapons.", {"Tuesday": "2022-10-18"}),
    # a present of the body stays a schedule
    ("The ferries resume service on Sunday.", {"Sunday": "2022-10-23"}),
])
def test_a_past_form_tagged_present_keeps_its_past(nlp, text, expected):
    assert values(nlp, text, "2022-10-21") == expected


@pytest.mark.parametrize("text,expected", [
    # "hit", "cut", "set" are past or present by their spelling alone: the clause they hang on decides
    ("Three pupils died when floodwaters hit their school on Thursday, officials said.", {"Thursday": "2023-05-11"}),
    ("At least 12 villagers were killed when shells hit a bus station on Saturday, the local council said.",
     {"Saturday": "2023-05-13"}),
    # a future governing clause still points ahead
    ("Bread prices will rise when the new levies hit bakeries on Thursday.", {"Thursday": "2023-05-18"}),
])
def test_a_verb_whose_past_is_its_present_takes_the_tense_of_its_clause(nlp, text, expected):
    assert values(nlp, text, "2023-05-15") == expected  # a Monday


def test_a_wire_lead_on_the_first_line_is_read_not_taken_for_a_title(tmp_path):
    from graph.extract import extract
    from graph.sources import read_path

    story = ("HARARE, May 15 (Reuters) - Striking nurses returned to work at three state hospitals after two weeks of "
             "talks with the health ministry, their union said on Monday.\n"
             "The union said the ministry had agreed to pay overdue allowances.\n")
    p = tmp_path / "lead.txt"
    p.write_text(story)
    [art] = list(read_path(p, dt.datetime(2023, 5, 15, tzinfo=dt.timezone.utc)))
    found = {t.text: t.value for t in extract(art).timexes}
    assert found.get("two weeks") == "P2W" and found.get("Monday") == "2023-05-15", found
    assert art.title.startswith("HARARE, May 15 (Reuters) - Striking nurses")


def test_only_a_time_clause_takes_a_future_from_its_main_clause(nlp):
    # the tagger's past for a conjunct of a modal clause stands (a parse as the small model gives it for a wire
    # story: "had ruled that the boy must be returned ... and set Friday as the deadline"); a "when" clause under
    # a future is future whatever its tag
    from spacy.tokens import Doc

    from graph.extract.time.timex_tense import shared_tense

    words = ["They", "must", "return", "the", "boy", "and", "set", "Friday", "as", "the", "deadline"]
    doc = Doc(nlp.vocab, words=words, heads=[2, 2, 2, 4, 2, 2, 2, 6, 6, 10, 8],
              deps=["nsubj", "aux", "ROOT", "det", "dobj", "cc", "conj", "dobj", "prep", "det", "pobj"],
              tags=["PRP", "MD", "VB", "DT", "NN", "CC", "VBD", "NNP", "IN", "DT", "NN"],
              pos=["PRON", "AUX", "VERB", "DET", "NOUN", "CCONJ", "VERB", "PROPN", "ADP", "DET", "NOUN"])
    assert shared_tense(doc[6]) == "past"
    words = ["Prices", "will", "rise", "when", "levies", "hit"]
    doc = Doc(nlp.vocab, words=words, heads=[2, 2, 2, 5, 5, 2], deps=["nsubj", "aux", "ROOT", "advmod", "nsubj", "advcl"],
              tags=["NNS", "MD", "VB", "WRB", "NNS", "VBD"], pos=["NOUN", "AUX", "VERB", "ADV", "NOUN", "VERB"])
    assert shared_tense(doc[5]) == "future"
