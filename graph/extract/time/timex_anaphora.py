"""Times read against the date the story last gave: "One year later", "two weeks earlier", "the following
year", "the next day" (see the table in ``timex_rules``).

"later"/"earlier" and "following" count from the last date mentioned before them (TimeML's anchor), or from
the publication date when the story has given none ("sales were 4% higher than a year earlier"). The value
keeps the coarser of the two precisions: "One year later" after "in 1976" is 1977, "two days later" after "on
May 3, 2011" is 2011-05-05, "a month later" after "in 1990" is 1990 (the text does not say which month).
"that night", "the same day", "the following morning" need a day named before; "the quarter" is the quarter
named before, else the last one reported; a comparison base ("up from 14% a year ago") is the quarter or month
just reported on, a year back.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from dateutil.relativedelta import relativedelta

from graph.extract.time import timex_lexicon as L
from graph.extract.time.timex_anchor import Ctx
from graph.extract.time.timex_calendar import day_value, month_value, week_value
from graph.extract.time.timex_values import Result, duration_value, word_number

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


def anchor_as_fine_as(unit: str, ctx: Ctx) -> bool:
    """The date the story last gave (or the publication date) names at least a `unit` (a day or a week for "week")."""
    return _ORDER.index(_anchor(ctx)[1]) <= _ORDER.index(unit)


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


def _last_day(start: dt.date, precision: str) -> dt.date:
    """The last day of the anchor that begins on `start`."""
    if precision == "week":
        return start + dt.timedelta(days=6)
    if precision == "month":
        return start + relativedelta(months=1, days=-1)
    if precision == "year":
        return dt.date(start.year, 12, 31)
    return start


def shift(n: int, unit: str, ctx: Ctx) -> Result:
    """The date n units (negative: before) from the last date mentioned, at the coarser precision. Counted back
    from a coarser anchor, from its last day: "the week before" a June is in June, not in May."""
    unit = unit.lower().rstrip("s")
    start, precision, suffix = _anchor(ctx)
    amount = n * (10 if unit == "decade" else 1)
    if amount < 0 and _ORDER.index(precision) > _ORDER.index(unit):
        start = _last_day(start, precision)
    moved = start + relativedelta(**{_STEP[unit]: amount})
    coarser = max(precision, unit, key=_ORDER.index)
    return "DATE", _value(moved, coarser, suffix if unit in ("year", "decade") else "")


# "sales fell 5% from a year earlier", "higher than a year earlier": the base of a comparison of figures, which
# news counts from the publication date (the period being reported), not from the last date of the story
_COMPARED = re.compile(r"\b(?:from|than|over|with|to|versus|vs\.?)\s+(?:\S*\d\S*\s+(?:[a-z]+\s+)?)?$", re.I)


def is_comparison(m: re.Match) -> bool:
    """The expression is the base of a comparison of figures ("rose 8% from a year earlier", "than the previous
    year")."""
    return bool(_COMPARED.search(m.string[max(0, m.start() - 40):m.start()]))


def later(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'One year later', 'two weeks earlier', 'a month or so later'; 'two days before,' with nothing after it."""
    n = word_number(m["n"])
    if n is None or n != int(n) or m["u"].lower().rstrip("s") not in _STEP:
        return None  # "years later": how many the text does not say
    if m["than"]:  # "a year later than planned": a delay, unless it stands beside the date (see timex_spans)
        return "DURATION", duration_value(n, m["u"])
    sign = 1 if m["dir"].lower() in ("later", "after") else -1  # "Two weeks before, a storm had hit"
    if is_comparison(m):
        ctx = Ctx(dct=ctx.dct, tense=ctx.tense)
    return shift(sign * int(n), m["u"], ctx)


def following(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'the following year', 'the next day': one unit after the last date mentioned."""
    return shift(1, m["u"], ctx)


def the_quarter(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'during the quarter', 'in the fiscal quarter': the quarter the story last named; else, in the past
    tense, the last quarter completed before the publication date (the one a results report covers), and
    otherwise the current one."""
    if re.fullmatch(r"\d{4}-Q[1-4]", ctx.previous or ""):
        return "DATE", ctx.previous
    year, month = ctx.day.year, ctx.day.month
    q = (month - 1) // 3 + 1
    if ctx.tense == "past":
        year, q = (year - 1, 4) if q == 1 else (year, q - 1)
    return "DATE", f"{year}-Q{q}"


_REPORT_PERIOD = re.compile(r"(\d{4})(-(?:Q[1-4]|H[12]|\d\d))")


def is_report_period(value: str) -> bool:
    """A quarter, half or month: the periods results and statistics are reported for."""
    return bool(_REPORT_PERIOD.fullmatch(value))


def compared_base(m: re.Match, period: str) -> Optional[Result]:
    """'net income rose to $5 million from $3 million a year earlier/ago', after the story named the third
    quarter (or February): the same period N years before, not the year before the publication date."""
    n = word_number(m["n"]) if m["n"] else None
    if n is None or n != int(n) or not m["u"].lower().startswith("year") or m["dir"].lower() not in ("ago", "earlier"):
        return None
    if not _COMPARED.search(m.string[max(0, m.start() - 40):m.start()]):
        return None
    p = _REPORT_PERIOD.fullmatch(period)
    return ("DATE", f"{int(p[1]) - int(n)}{p[2]}") if p else None


def whole_year(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'for the full year', 'the entire year': the year of the quarter, half or month just reported on ("the fourth
    quarter of 2005 and ... for the entire year"; `timex_spans` passes it as ctx.previous), else the publication
    year."""
    prev = re.match(r"\d{4}", ctx.previous or "")
    return "DATE", prev.group() if prev else str(ctx.day.year)


def in_the_unit(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'later in the day' (the day the sentence is at: ctx.anchor, else the publication day), 'earlier in the week',
    'for the month' (the publication date's), 'ended the year' (the year of the period just reported on, as
    `whole_year`)."""
    unit = m["u"].lower()
    if unit == "day":
        return "DATE", day_value(ctx.anchor or ctx.day)
    if unit == "week":
        return "DATE", week_value(ctx.day)
    if unit == "month":
        return "DATE", month_value(ctx.day.year, ctx.day.month)
    return whole_year(m, ctx)


def _that_unit(unit: str, prev: str) -> Optional[Result]:
    """'that year', 'the same month', 'that week': the date the story last gave, at that unit (nothing when it
    gave none that precise)."""
    if unit == "year" and (m := re.match(r"\d{4}(?![\dX])", prev)):
        return "DATE", m.group()
    if unit == "month" and (m := re.match(r"\d{4}-\d\d(?![\dW])", prev)):
        return "DATE", m.group()
    if unit == "week" and (m := re.match(r"\d{4}-W\d\d", prev)):
        return "DATE", m.group()
    if unit == "week" and (m := re.match(r"(\d{4})-(\d\d)-(\d\d)", prev)):
        return "DATE", week_value(dt.date(int(m[1]), int(m[2]), int(m[3])))
    return None


def that_day(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'that night', 'the same day', 'the following morning': the day the story last named (the next one for
    "following"/"next"), with the part of the day; nothing when the story named no day. 'that year', 'the same
    month', 'that week': the year, month or week of the date last given."""
    if m["unit"]:
        return None if m["rel"].lower() in ("the following", "the next") else _that_unit(m["unit"].lower(), ctx.previous or "")
    prev = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", ctx.previous or "")
    if not prev:
        return None
    day = dt.date(int(prev[1]), int(prev[2]), int(prev[3]))
    if m["rel"].lower() in ("the following", "the next"):
        if not m["part"]:
            return None  # "the following day" has its own rule
        day += dt.timedelta(days=1)
    if m["part"]:
        return "TIME", day_value(day) + "T" + L.DAY_PARTS[m["part"].lower()]
    return "DATE", day_value(day)
