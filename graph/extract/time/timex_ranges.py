"""Ranges between two dates: "between 2012 and 2014", "from March to June", "1955-2011".

A range is a TIMEX3 DURATION whose begin and end are the two dates' (as MEANTIME annotates it: "from 2009 to
2011" is P2Y, with "2009" and "2011" as dates of their own), so an event it dates covers the whole stretch, not
its last year. `range_value` gives the event's value in ISO 8601 interval notation ("2012/2014").
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from graph.extract.model import Timex
from graph.extract.time.timex_calendar import interval

# opener before the first date, connector between the two
_OPENERS = {"between": ("and",), "from": ("to", "until", "till", "through", "thru")}
_DASH = re.compile(r"\s?[-–—]\s?")
_YEAR = re.compile(r"(?<![\w$£€#-])(1[6-9]\d\d|20\d\d)\s?[-–—]\s?(1[6-9]\d\d|20\d\d|\d\d)(?![\w%-]|[.,]\d)")
_PRECISION = (("Y", 4), ("M", 7), ("D", 10))


def _precision(value: str) -> Optional[tuple[str, int]]:
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "D", 10
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "M", 7
    if re.fullmatch(r"\d{4}", value):
        return "Y", 4
    return None


def _length(a: str, b: str, unit: str) -> Optional[int]:
    if unit == "Y":
        n = int(b[:4]) - int(a[:4])
    elif unit == "M":
        n = (int(b[:4]) * 12 + int(b[5:7])) - (int(a[:4]) * 12 + int(a[5:7]))
    else:
        n = (date.fromisoformat(b) - date.fromisoformat(a)).days
    return n if n > 0 else None


def _range(text: str, start: int, a: Timex, b: Timex) -> Optional[Timex]:
    pa, pb = _precision(a.value), _precision(b.value)
    if pa is None or pa != pb or not a.begin or not b.end_value:
        return None
    n = _length(a.value, b.value, pa[0])
    if n is None:
        return None
    return Timex(start, b.end, text[start:b.end], "DURATION", f"P{n}{pa[0]}", a.begin, b.end_value)


def find_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """Range timexes over consecutive dates joined as a range (the dates stay timexes of their own); a
    year range written with a dash ("1955-2011") also gets its second year."""
    out: list[Timex] = []
    dates = [t for t in timexes if t.type == "DATE"]
    for a, b in zip(dates, dates[1:]):
        between = text[a.end:b.start].strip().lower()
        m = re.search(r"(\w+)\s+$", text[max(0, a.start - 12):a.start])
        opener = m.group(1).lower() if m else ""
        if opener in _OPENERS and between in _OPENERS[opener]:
            rng = _range(text, a.start - len(m.group(0)), a, b)
            if rng is not None:
                out.append(rng)
    for m in _YEAR.finditer(text):
        first = next((t for t in timexes if t.start == m.start(1) and t.value == m[1]), None)
        if first is None:
            continue
        y2 = m[2] if len(m[2]) == 4 else m[1][:2] + m[2]
        second = next((t for t in timexes if t.start == m.start(2)), None)
        if second is None:  # "2011" after "1955-" was taken for a number
            second = Timex(m.start(2), m.end(2), m[2], "DATE", y2, *interval(y2))
            if len(m[2]) == 4:
                out.append(second)
        if second.value == y2 and (rng := _range(text, m.start(), first, second)) is not None:
            out.append(rng)
    return out


def range_value(tx: Timex) -> Optional[str]:
    """'2012/2014' for the range 'between 2012 and 2014' (the precision of its value's unit)."""
    m = re.fullmatch(r"P\d+([YMD])", tx.value or "")
    if tx.type != "DURATION" or not m or not tx.begin or not tx.end_value:
        return None
    size = dict(_PRECISION)[m[1]]
    return f"{tx.begin[:size]}/{tx.end_value[:size]}"
