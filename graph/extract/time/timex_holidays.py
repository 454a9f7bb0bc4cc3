"""Named days: "Christmas", "Thanksgiving Day", "New Year's Eve", "Easter", "Labor Day" (rule ``holiday``).

Fixed days and the movable feasts of the calendars English news mostly names (US federal days, Easter by
dateutil's computus); the year is the one that puts the day nearest the publication date, the tense breaking
ties, as for "December 25".
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Optional

from dateutil.easter import easter

from graph.extract.time.timex_anchor import Ctx, closest
from graph.extract.time.timex_calendar import day_value
from graph.extract.time.timex_values import Result


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """n-th (1-based; -1 = last) weekday (0 = Monday) of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _fixed(month: int, day: int) -> Callable[[int], dt.date]:
    return lambda y: dt.date(y, month, day)


_DAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": _fixed(12, 25), "christmas day": _fixed(12, 25), "christmas eve": _fixed(12, 24),
    "boxing day": _fixed(12, 26), "new year's day": _fixed(1, 1), "new year's eve": _fixed(12, 31),
    "valentine's day": _fixed(2, 14), "halloween": _fixed(10, 31), "independence day": _fixed(7, 4),
    "veterans day": _fixed(11, 11), "armistice day": _fixed(11, 11),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4), "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1), "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "martin luther king day": lambda y: _nth_weekday(y, 1, 0, 3),
    "easter": easter, "easter sunday": easter, "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "easter monday": lambda y: easter(y) + dt.timedelta(days=1),
    "palm sunday": lambda y: easter(y) - dt.timedelta(days=7),
    "ash wednesday": lambda y: easter(y) - dt.timedelta(days=46),
    "maundy thursday": lambda y: easter(y) - dt.timedelta(days=3),
    "holy thursday": lambda y: easter(y) - dt.timedelta(days=3),
    "holy saturday": lambda y: easter(y) - dt.timedelta(days=1),
    "pentecost": lambda y: easter(y) + dt.timedelta(days=49),
}
PATTERN = "|".join(sorted((re.escape(k).replace("'", "['’]").replace(r"\ ", " ") for k in _DAYS), key=len,
                          reverse=True))


def holiday(m: re.Match, ctx: Ctx) -> Optional[Result]:
    name = re.sub(r"\s+", " ", m["h"]).replace("’", "'")
    if not name[:1].isupper():
        return None  # "a christmas tree" is no date
    when = _DAYS[name.lower()]
    if m["y"]:
        return "DATE", day_value(when(int(m["y"])))
    return "DATE", day_value(closest([when(ctx.dct.year + k) for k in (-1, 0, 1)], ctx))
