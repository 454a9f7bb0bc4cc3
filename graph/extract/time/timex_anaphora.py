"""Times read against the date the story last gave: "One year later", "two weeks earlier", "the following
year", "the next day" (see the table in ``timex_rules``).

"later"/"earlier" and "following" count from the last date mentioned before them (TimeML's anchor), or from
the publication date when the story has given none ("sales were 4% higher than a year earlier"). The value
keeps the coarser of the two precisions: "One year later" after "in 1976" is 1977, "two days later" after "on
May 3, 2011" is 2011-05-05, "a month later" after "in 1990" is 1990 (the text does not say which month).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from dateutil.relativedelta import relativedelta

from graph.extract.time.timex_anchor import Ctx
from graph.extract.time.timex_calendar import day_value, month_value, week_value
from graph.extract.time.timex_values import Result, word_number

_ORDER = ("day", "week", "month", "year", "decade")
_STEP = {"day": "days", "week": "weeks", "month": "months", "year": "years", "decade": "years"}


def _anchor(ctx: Ctx) -> tuple[dt.date, str, str]:
    """(first day, precision, suffix such as '-Q3') of the last date mentioned, else of the publication day."""
    prev = ctx.previous or ""
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", prev):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])), "day", ""
        except ValueError:
            pass
    if m := re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", prev):
        try:
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1), "week", ""
        except ValueError:
            pass
    if m := re.fullmatch(r"(\d{4})-(\d\d)", prev):
        return dt.date(int(m[1]), int(m[2]), 1), "month", ""
    if m := re.fullmatch(r"(\d{4})(-(?:Q[1-4]|H[12]|SP|SU|FA|WI))?", prev):
        return dt.date(int(m[1]), 1, 1), "year", m[2] or ""
    return ctx.day, "day", ""


def _value(d: dt.date, precision: str, suffix: str) -> str:
    if precision == "day":
        return day_value(d)
    if precision == "week":
        return week_value(d)
    if precision == "month":
        return month_value(d.year, d.month)
    if precision == "decade":
        return str(d.year // 10)
    return f"{d.year}{suffix}"


def shift(n: int, unit: str, ctx: Ctx) -> Result:
    """The date n units (negative: before) from the last date mentioned, at the coarser precision."""
    unit = unit.lower().rstrip("s")
    start, precision, suffix = _anchor(ctx)
    amount = n * (10 if unit == "decade" else 1)
    moved = start + relativedelta(**{_STEP[unit]: amount})
    coarser = max(precision, unit, key=_ORDER.index)
    return "DATE", _value(moved, coarser, suffix if unit in ("year", "decade") else "")


# "sales fell 5% from a year earlier", "higher than a year earlier": the base of a comparison of figures, which
# news counts from the publication date (the period being reported), not from the last date of the story
_COMPARED = re.compile(r"\b(?:from|than|over|with|to|versus|vs\.?)\s+(?:\S*\d\S*\s+(?:[a-z]+\s+)?)?$", re.I)


def later(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'One year later', 'two weeks earlier', 'a month or so later'."""
    n = word_number(m["n"])
    if n is None or n != int(n) or m["u"].lower().rstrip("s") not in _STEP:
        return None  # "years later": how many the text does not say
    sign = 1 if m["dir"].lower() == "later" else -1
    if _COMPARED.search(m.string[max(0, m.start() - 40):m.start()]):
        ctx = Ctx(dct=ctx.dct, tense=ctx.tense)
    return shift(sign * int(n), m["u"], ctx)


def following(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'the following year', 'the next day': one unit after the last date mentioned."""
    return shift(1, m["u"], ctx)
