"""Calendar arithmetic for TIMEX3 values: building values and turning them into intervals."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

Interval = tuple[Optional[str], Optional[str]]

_DAY_PART_HOURS = {"MO": (6, 12), "AF": (12, 18), "EV": (18, 22), "NI": (20, 24), "DT": (8, 18)}
# Meteorological seasons (northern hemisphere): (first month, last month); winter spills over.
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def day_value(d: dt.date) -> str:
    return d.strftime("%Y-%m-%d")


def week_value(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def add_years_safe(d: dt.date, n: int) -> dt.date:
    """d shifted by n years; 29 February falls back to the 28th."""
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


def _span(b: dt.datetime, e: dt.datetime) -> Interval:
    """Closed interval [b, e - 1s] in ISO form."""
    return b.isoformat(), (e - dt.timedelta(seconds=1)).isoformat()


def _month_span(y: int, m1: int, m2: int) -> Interval:
    y2, m2n = add_months(y, m2, 1)
    return _span(dt.datetime(y, m1, 1), dt.datetime(y2, m2n, 1))


def _iso_week_start(y: int, w: int) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisocalendar(y, w, 1), dt.time())


def interval(value: str) -> Interval:
    """TIMEX3 value -> (begin, end) ISO datetimes; (None, None) when it is no calendar interval.

    Durations, sets and PRESENT_REF-like values have no interval of their own.
    """
    v = (value or "").strip().upper()
    try:
        return _interval(v)
    except ValueError:  # impossible dates such as 2023-02-30
        return None, None


def _interval(v: str) -> Interval:
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?Z?", v):
        y, mo, d, h, mi = (int(x) for x in m.groups()[:5])
        b = dt.datetime(y, mo, d, h, mi, int(m[6] or 0))
        return _span(b, b + dt.timedelta(minutes=1))
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)T(MO|AF|EV|NI|DT)", v):
        day = dt.datetime(int(m[1]), int(m[2]), int(m[3]))
        h1, h2 = _DAY_PART_HOURS[m[4]]
        return _span(day + dt.timedelta(hours=h1), day + dt.timedelta(hours=h2))
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v):
        b = dt.datetime(int(m[1]), int(m[2]), int(m[3]))
        return _span(b, b + dt.timedelta(days=1))
    if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", v):
        b = _iso_week_start(int(m[1]), int(m[2]))
        if m[3]:
            b += dt.timedelta(days=5)
            return _span(b, b + dt.timedelta(days=2))
        return _span(b, b + dt.timedelta(days=7))
    if m := re.fullmatch(r"(\d{4})-(\d\d)", v):
        return _month_span(int(m[1]), int(m[2]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
        q = int(m[2])
        return _month_span(int(m[1]), 3 * q - 2, 3 * q)
    if m := re.fullmatch(r"(\d{4})-H([12])", v):
        h = int(m[2])
        return _month_span(int(m[1]), 6 * h - 5, 6 * h)
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
        m1, m2 = _SEASON_MONTHS[m[2]]
        return _month_span(int(m[1]), m1, m2)
    if m := re.fullmatch(r"(\d{4})", v):
        return _span(dt.datetime(int(m[1]), 1, 1), dt.datetime(int(m[1]) + 1, 1, 1))
    if m := re.fullmatch(r"(\d{3})", v):  # decade: 199 = 1990s
        y = int(m[1]) * 10
        return _span(dt.datetime(y, 1, 1), dt.datetime(y + 10, 1, 1))
    if m := re.fullmatch(r"(\d{2})", v):  # century: 19 = 1900s
        y = int(m[1]) * 100
        return _span(dt.datetime(max(y, 1), 1, 1), dt.datetime(y + 100, 1, 1))
    return None, None


def value_to_date(value: str) -> Optional[dt.date]:
    """First day covered by a day-or-finer value (used to anchor clock times)."""
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value or "")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
