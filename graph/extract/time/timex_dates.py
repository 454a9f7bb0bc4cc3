"""Resolvers of calendar dates and periods named by their words: "2023-11-14", "7/8/07", "May 5, 2023",
"October", "the last week of March", "2020", "the 1990s", "the third quarter", "the first half of 2024",
"last summer" (see the table in ``timex_rules``)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from graph.extract.time import timex_lexicon as L
from graph.extract.time.timex_anchor import Ctx, year_for_day, year_for_month, year_for_period
from graph.extract.time.timex_calendar import add_months, month_value, week_value
from graph.extract.time.timex_values import (
    Result,
    day_number,
    month_number,
    relative_year,
    safe_day,
    two_digit_year,
)

# ---------------------------------------------------------------- absolute dates

def iso(m: re.Match, ctx: Ctx) -> Optional[Result]:
    v = safe_day(int(m["y"]), int(m["m"]), int(m["d"]))
    return ("DATE", v) if v else None


def numeric(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """7/8/07 - month first (US usage in English news) unless that is impossible."""
    a, b = int(m["a"]), int(m["b"])
    y = int(m["y"]) if len(m["y"]) == 4 else two_digit_year(m["y"], ctx)
    mo, d = (a, b) if a <= 12 else (b, a)
    v = safe_day(y, mo, d)
    return ("DATE", v) if v else None


def full_date(m: re.Match, ctx: Ctx) -> Optional[Result]:
    v = safe_day(int(m["y"]), month_number(m["mon"]), day_number(m["d"]))
    return ("DATE", v) if v else None


def month_day(m: re.Match, ctx: Ctx) -> Optional[Result]:
    mo, d = month_number(m["mon"]), day_number(m["d"])
    v = safe_day(year_for_day(mo, d, ctx), mo, d)
    return ("DATE", v) if v else None


def month_year(m: re.Match, ctx: Ctx) -> Optional[Result]:
    year = int(m["y"]) if m["y"] else relative_year(m["rel"], ctx)
    return "DATE", month_value(year, month_number(m["mon"]))


def bare_month(m: re.Match, ctx: Ctx) -> Optional[Result]:
    mo = month_number(m["mon"])
    rel = (m["rel"] or "").lower()
    if rel == "last":
        year = ctx.dct.year if mo < ctx.dct.month else ctx.dct.year - 1
    elif rel == "next":
        year = ctx.dct.year if mo > ctx.dct.month else ctx.dct.year + 1
    elif rel == "this":
        year = ctx.dct.year
    else:
        year = year_for_month(mo, ctx)
    return "DATE", month_value(year, mo)


def week_of_month(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'the last week of March' = the ISO week of the month's last Sunday (last full week)."""
    mo = month_number(m["mon"])
    year = int(m["y"]) if m["y"] else year_for_month(mo, ctx)
    first = dt.date(year, mo, 1)
    if m["ord"].lower() in ("last", "final"):
        y2, m2 = add_months(year, mo, 1)
        last = dt.date(y2, m2, 1) - dt.timedelta(days=1)
        return "DATE", week_value(last - dt.timedelta(days=(last.weekday() + 1) % 7))
    k = L.ORDINALS[m["ord"].lower()]
    monday = first + dt.timedelta(days=(7 - first.weekday()) % 7)
    return "DATE", week_value(monday + dt.timedelta(weeks=k - 1))


def year(m: re.Match, ctx: Ctx) -> Optional[Result]:
    return "DATE", m["y"]


def decade(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'the 1990s' -> 199; "the '70s" -> 197 (the century closest before the DCT)."""
    if m["full"]:
        return "DATE", m["full"][:3]
    dec = int(m["two"][0])
    century = 19 if dec * 10 > ctx.dct.year % 100 else 20
    return "DATE", f"{century}{dec}"


# ---------------------------------------------------------------- periods

def quarter(m: re.Match, ctx: Ctx) -> Optional[Result]:
    q = L.ORDINALS.get((m["ord"] or "").lower()) or int(m["q"] or 0)
    if not q:
        return None
    if m["y"] or m["py"]:
        year = int(m["y"] or m["py"])
    elif m["rel"] or m["prel"]:
        year = relative_year((m["rel"] or m["prel"] + " year").split()[-2], ctx)
    elif m["ord"] and m["ord"].lower() == "last":
        return None  # bare "the last quarter" = the previous quarter: see relative
    else:
        year = year_for_period(3 * q - 2, 3 * q, ctx)
    return "DATE", f"{year}-Q{q}"


def century(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'the 11th century' -> 10 (TIMEX3 counts centuries by their hundreds)."""
    n = int(m["n"])
    return ("DATE", f"{n - 1:02d}") if 1 <= n <= 21 else None


def month_quarter(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'the December quarter', 'the July-September quarter': the quarter that ends (or holds) that month."""
    mo = month_number(m["mon"])
    return "DATE", f"{year_for_month(mo, ctx)}-Q{(mo - 1) // 3 + 1}"


def half(m: re.Match, ctx: Ctx) -> Optional[Result]:
    h = 1 if m["ord"].lower() == "first" else 2
    if m["y"]:
        year = int(m["y"])
    elif m["rel"]:
        year = relative_year(m["rel"], ctx)
    else:  # "the second half": of the year the tense points to
        year = year_for_period(6 * h - 5, 6 * h, ctx)
    return "DATE", f"{year}-H{h}"


_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _the_fall(m: re.Match) -> bool:
    """'in the fall', 'by the fall': the season; not 'the fall of the city', 'a fall in prices'."""
    before = m.string[max(0, m.start() - 12):m.start()].lower()
    after = m.string[m.end():m.end() + 4].lower()
    return bool(not m["rel"] and re.search(r"\b(?:in|during|by|until|since|before|after)\s+the\s+$", before)
                and not after.startswith(" of"))


def season(m: re.Match, ctx: Ctx) -> Optional[Result]:
    code = L.SEASONS[m["s"].lower()]
    rel = (m["rel"] or "").lower()
    if m["s"].lower() == "fall" and not (rel in ("this", "last", "next", "past", "coming") or m["y"] or _the_fall(m)):
        return None  # bare "fall" is nearly always the verb
    first = _SEASON_FIRST_MONTH[code]
    if m["y"]:
        year = int(m["y"])
    elif rel in ("last", "past", "previous"):
        year = ctx.dct.year - 1 if first + 2 >= ctx.dct.month else ctx.dct.year
    elif rel in ("next", "coming"):
        year = ctx.dct.year + 1 if first <= ctx.dct.month else ctx.dct.year
    elif rel == "this":
        year = ctx.dct.year
    else:
        year = year_for_period(first, first + 2, ctx)
    return "DATE", f"{year}-{code}"

