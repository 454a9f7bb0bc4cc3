"""Time expressions read against the story or the direction the text points to (stories of our own)."""
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


@pytest.mark.parametrize("text,dct,expected", [
    # counted from the last date of the story, at the coarser precision
    ("The bakery opened in 1962. Three years later it moved to the harbour.", "2020-05-04",
     {"1962": "1962", "Three years later": "1965"}),
    ("The strike began on March 3, 2019. Two days later the mine closed.", "2020-05-04",
     {"March 3, 2019": "2019-03-03", "Two days later": "2019-03-05"}),
    ("She joined the board in May 2004, and the following year she became its chair.", "2020-05-04",
     {"May 2004": "2004-05", "the following year": "2005"}),
    ("The bridge was closed in 2011 and reopened the next day.", "2020-05-04",
     {"2011": "2011", "the next day": "2011"}),
    # a comparison of figures counts from the publication date
    ("In 2015 the firm was founded. Profit rose 8% from a year earlier.", "2020-05-04",
     {"2015": "2015", "a year earlier": "2019"}),
    ("Nothing had been heard of him a month or so ago.", "2020-05-04", {"a month or so ago": "2020-04"}),
])
def test_later_earlier_following(nlp, text, dct, expected):
    assert values(nlp, text, dct) == expected


@pytest.mark.parametrize("text,dct,expected", [
    # a Tuesday story: "this weekend" is the coming one, in the same ISO week
    ("The festival takes place this weekend.", "2023-11-14", {"this weekend": "2023-W46-WE"}),
    # a Thursday story: "until/by Friday" is the coming Friday unless the clause is past
    ("The curfew stays in force until Friday, officials said.", "2023-11-16", {"Friday": "2023-11-17"}),
    ("The ministry wants the roads cleared by Friday.", "2023-11-16", {"Friday": "2023-11-17"}),
    ("The talks lasted until Friday.", "2023-11-16", {"Friday": "2023-11-10"}),
    ("The envoy could arrive as early as Monday.", "2023-11-16", {"Monday": "2023-11-20"}),
    # "since" looks back, even when the month is still to come this year
    ("The firm has been courting investors since December.", "2023-06-09", {"December": "2022-12"}),
    # no tense to go by: a bare date leans to the past
    ("Police have searched for the driver since shortly after the Oct. 23 crash.", "2021-05-06",
     {"Oct. 23": "2020-10-23"}),
    ("Stocks closed near the record high set on Aug. 6.", "2022-02-06", {"Aug. 6": "2021-08-06"}),
    # a decade stays a decade
    ("In the late 1980's the band split up.", "2023-11-14", {"the late 1980's": "198"}),
])
def test_direction_and_precision(nlp, text, dct, expected):
    assert values(nlp, text, dct) == expected


def test_year_ranges(nlp):
    found = find_timexes(nlp("Jane Doe 1931-2019. The plant will be rebuilt from 2025 to 2027."),
                         dt.datetime(2024, 3, 5))
    got = [(t.text, t.type, t.value) for t in found]
    assert got == [("1931-2019", "DURATION", "P88Y"), ("1931", "DATE", "1931"), ("2019", "DATE", "2019"),
                   ("from 2025 to 2027", "DURATION", "P2Y"), ("2025", "DATE", "2025"), ("2027", "DATE", "2027")]


@pytest.mark.parametrize("text", [
    "The 41-year-old driver, who was 41 years old at the time, said he was in his early 30s when he started.",
    "Their 8-month-old daughter was asleep.",
    "The group, a consortium called Atlas 1990, makes turbines.",
    "He told ABC's \"This Week With Jane Roe\" that the plan had failed.",
    "She hopes she one day returns to the village.",
    "He spoke on the channel's morning news show.",
])
def test_ages_names_and_titles_are_no_times(nlp, text):
    assert values(nlp, text, "2023-11-14") == {}


def test_lengths_and_dates_that_look_alike_stay(nlp):
    got = values(nlp, "The strike lasted one day. This week, talks resumed. In his statement, Atlas said 1990 "
                      "was a good year.", "2023-11-14")
    assert got == {"one day": "P1D", "This week": "2023-W46", "1990": "1990"}


@pytest.mark.parametrize("text,dct,expected", [
    ("The ferry sank on Thanksgiving Day.", "2021-02-10", {"Thanksgiving Day": "2020-11-26"}),
    ("Shops will close early on Christmas Eve.", "2022-11-30", {"Christmas Eve": "2022-12-24"}),
    ("Easter 2016 was cold. They bought a christmas tree.", "2022-11-30", {"Easter 2016": "2016-03-27"}),
    ("The chapel dates from the 12th century.", "2022-11-30", {"the 12th century": "11"}),
    ("After a week-long strike and a decades-long feud, the mill shut.", "2022-11-30",
     {"week-long": "P1W", "decades-long": "PXY"}),
    ("Unemployment hit its highest level in almost three decades.", "2022-11-30", {"almost three decades": "P30Y"}),
    ("Wages lost ground to inflation over the last decade.", "2022-11-30", {"the last decade": "201"}),
    ("The merger could close in next year's second quarter.", "2022-11-30",
     {"next year's second quarter": "2023-Q2"}),
    ("Profit in the third quarter doubled from the year-ago quarter.", "2022-11-30",
     {"the third quarter": "2022-Q3", "the year-ago quarter": "2021-Q3"}),
    ("Analysts expect higher sales in the March quarter.", "2022-11-30", {"the March quarter": "2023-Q1"}),
])
def test_named_days_centuries_and_periods(nlp, text, dct, expected):
    assert values(nlp, text, dct) == expected


@pytest.mark.parametrize("text,dct,expected", [
    ("The plan will be finished by the end of the month.", "2009-10-23", {"the end of the month": "2009-10"}),
    ("The deal is expected to close by year-end.", "2009-10-23", {"year-end": "2009"}),
    ("The company expects to return to profit in the second half.", "2009-03-23", {"the second half": "2009-H2"}),
    ("The firm had a one-time charge in the latest quarter.", "2009-10-23", {"the latest quarter": "2009-Q3"}),
])
def test_parts_of_the_current_period(nlp, text, dct, expected):
    assert values(nlp, text, dct) == expected
