"""Resolving under-specified calendar references against the publication date (DCT).

News mostly reports the recent past, so an expression without a year is put
in the year that makes it closest to the DCT, nudged by the tense of the verb
that governs it: a past-tense "in October" is the last October, a future one
the next.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional


@dataclass
class Ctx:
    """What a resolver knows besides the expression itself."""
    dct: dt.datetime
    tense: Optional[str] = None  # past | present | future | None
    anchor: Optional[dt.date] = None  # day a bare clock time belongs to
    previous: Optional[str] = None  # value of the previous DATE timex (for "the same month ...")

    @property
    def day(self) -> dt.date:
        return self.dct.date()


# How much a candidate that contradicts the tense is penalised, in days.
_DAY_PENALTY = 75
_MONTH_PENALTY = 400  # a past-tense bare month is (almost) never a coming one


_NEWS_PAST = 30  # no tense to go by: news mostly reports what has happened


def _penalty(delta_days: float, tense: Optional[str], weight: float) -> float:
    """delta_days = candidate - DCT; a past tense penalises the future and vice versa."""
    if tense == "past" and delta_days > 0:
        return weight
    if tense is None and delta_days > 0:
        return _NEWS_PAST
    if tense == "future" and delta_days < 0:
        return weight
    return 0.0


def year_for_day(month: int, day: int, ctx: Ctx) -> int:
    """Year of a "Month Day" expression: nearest to the DCT, tense breaking ties."""
    best, best_cost = ctx.dct.year, float("inf")
    for year in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        delta = (cand - ctx.day).days
        cost = abs(delta) + _penalty(delta, ctx.tense, _DAY_PENALTY)
        if cost < best_cost:
            best, best_cost = year, cost
    return best


def closest(candidates: list[dt.date], ctx: Ctx) -> dt.date:
    """The candidate day nearest to the DCT, tense breaking ties (as `year_for_day`)."""
    def cost(d: dt.date) -> float:
        delta = (d - ctx.day).days
        return abs(delta) + _penalty(delta, ctx.tense, _DAY_PENALTY)
    return min(candidates, key=cost)


def year_for_month(month: int, ctx: Ctx) -> int:
    """Year of a bare month; the DCT's own month counts as both past and future."""
    best, best_cost = ctx.dct.year, float("inf")
    for year in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
        months = (year - ctx.dct.year) * 12 + month - ctx.dct.month
        delta = months * 30.4
        cost = abs(delta) + _penalty(delta, ctx.tense, _MONTH_PENALTY)
        if cost < best_cost:
            best, best_cost = year, cost
    return best


def year_for_period(first_month: int, last_month: int, ctx: Ctx) -> int:
    """Year of a quarter/half/season named without a year ("the third quarter")."""
    year = ctx.dct.year
    if ctx.tense == "past" and first_month > ctx.dct.month:
        return year - 1
    if ctx.tense == "future" and last_month < ctx.dct.month:
        return year + 1
    return year


def weekday_date(weekday: int, ctx: Ctx, rel: Optional[str]) -> dt.date:
    """Date of a weekday name. The DCT's own weekday is the DCT itself unless
    "last"/"next" says otherwise; otherwise the past occurrence within a week,
    or the coming one when the verb is in the future or the text says "next"."""
    today = ctx.day
    back = (today.weekday() - weekday) % 7
    ahead = (weekday - today.weekday()) % 7
    if rel in ("last", "past", "previous"):
        return today - dt.timedelta(days=back or 7)
    if rel in ("next", "coming", "following"):
        return today + dt.timedelta(days=ahead or 7)
    if back == 0:
        return today
    if ctx.tense == "future":
        return today + dt.timedelta(days=ahead)
    return today - dt.timedelta(days=back)
