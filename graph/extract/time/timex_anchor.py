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
    headline: bool = False  # on the title line, where the present tense reports the past ("GM cuts jobs Monday")

    @property
    def day(self) -> dt.date:
        return self.dct.date()


# How much a candidate that contradicts the tense is penalised, in days. A future tense ("will be held on
# Nov. 6", "is set for Nov. 6") practically never points back more than a few weeks (a "would" in reported
# speech may), while a past tense often reports a plan ("was scheduled for May 3"): so the future weighs more.
_DAY_PENALTY = 75
_DAY_PENALTY_FUTURE = 250
_MONTH_PENALTY = 400  # a past-tense bare month is (almost) never a coming one
_PRESENT_MONTH_LEAN = 30  # the body's present tense with a month half a year away: the coming one


_NEWS_PAST = 30  # no tense to go by: news mostly reports what has happened


def _penalty(delta_days: float, tense: Optional[str], weight: float, future_weight: Optional[float] = None) -> float:
    """delta_days = candidate - DCT; a past tense penalises the future by `weight` and a future tense the past
    by `future_weight` (default: the same). A past tense reports a plan only a little ahead ("was scheduled for May
    3"): the further ahead, the less likely ("had been on leave since January 17", in October, is the last one)."""
    if tense == "past" and delta_days > 0:
        return weight + 2 * delta_days
    if tense is None and delta_days > 0:
        return _NEWS_PAST
    if tense == "future" and delta_days < 0:
        return weight if future_weight is None else future_weight
    return 0.0


def _day_cost(delta: int, ctx: Ctx) -> float:
    """How unlikely a day `delta` days from the DCT is. The body's present tense leans ahead, as a schedule
    ("the budget year begins Oct. 1", "the law takes effect on Jan. 1"); a headline's reports the past."""
    if ctx.tense == "present" and not ctx.headline and delta < 0:
        return abs(delta) + _DAY_PENALTY_FUTURE
    return abs(delta) + _penalty(delta, ctx.tense, _DAY_PENALTY, _DAY_PENALTY_FUTURE)


def year_for_day(month: int, day: int, ctx: Ctx) -> int:
    """Year of a "Month Day" expression: nearest to the DCT, tense breaking ties."""
    best, best_cost = ctx.dct.year, float("inf")
    for year in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        cost = _day_cost((cand - ctx.day).days, ctx)
        if cost < best_cost:
            best, best_cost = year, cost
    return best


def closest(candidates: list[dt.date], ctx: Ctx) -> dt.date:
    """The candidate day nearest to the DCT, tense breaking ties (as `year_for_day`)."""
    return min(candidates, key=lambda d: _day_cost((d - ctx.day).days, ctx))


def year_for_month(month: int, ctx: Ctx) -> int:
    """Year of a bare month; the DCT's own month counts as both past and future."""
    best, best_cost = ctx.dct.year, float("inf")
    for year in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
        months = (year - ctx.dct.year) * 12 + month - ctx.dct.month
        delta = months * 30.4
        cost = abs(delta) + _penalty(delta, ctx.tense, _MONTH_PENALTY)
        if ctx.tense == "present" and not ctx.headline and delta < 0:
            cost += _PRESENT_MONTH_LEAN
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
    if ctx.tense in ("present", None) and 1 <= first_month <= last_month <= 12:
        # a present tense (a headline's "fourth-quarter profit rises") or none: the period nearest the DCT, so a
        # January story's fourth quarter is the one just ended, not the one nine months ahead
        return min((year - 1, year), key=lambda y: _months_away(y, first_month, last_month, ctx))
    return year


def _months_away(year: int, first_month: int, last_month: int, ctx: Ctx) -> int:
    """Whole months between the DCT's month and the period (0 when the DCT's month is in it)."""
    now = ctx.dct.year * 12 + ctx.dct.month
    first, last = year * 12 + first_month, year * 12 + last_month
    return max(first - now, now - last, 0)


def weekday_date(weekday: int, ctx: Ctx, rel: Optional[str]) -> dt.date:
    """Date of a weekday name. The DCT's own weekday is the DCT itself unless
    "last"/"next" says otherwise; otherwise the past occurrence within a week,
    or the coming one when the verb is in the future or (outside the headline) the present, or the text
    says "next"."""
    today = ctx.day
    back = (today.weekday() - weekday) % 7
    ahead = (weekday - today.weekday()) % 7
    if rel in ("last", "past", "previous"):
        return today - dt.timedelta(days=back or 7)
    if rel in ("next", "coming", "following"):
        return today + dt.timedelta(days=ahead or 7)
    if back == 0:
        return today
    if ctx.tense == "future" or ctx.tense == "present" and not ctx.headline:
        # the body's present tense with a weekday is a schedule ("voters go to the polls on Sunday",
        # "the deadline expires at midnight on Tuesday"); past events take the past tense there
        return today + dt.timedelta(days=ahead)
    return today - dt.timedelta(days=back)
