"""A month or a day named without a year in a story told about a past year, and ranges of such dates.

News puts "in March" and "on Dec. 5" in the year closest to the publication date (DCT). A story that has
moved into an earlier year ("The plant opened in 2009. In March, a fire destroyed a hall") keeps that year
for the months that follow: TimeML values an under-specified date against its reference time, which in a
past narrative is the date last given, not the DCT. The reading is taken only where the DCT's would be
implausible news: the date last given is two or more years before the DCT, it was given in the sentence
just before, the verb is in the past, and the DCT's reading lies more than two months back (so "Jobs
founded Apple in 1976. He died on Oct. 5" in an Oct. 6 story stays the day before).

A range ("from March to May 2012", "between March and June") gives its dates one calendar: the first takes
the year written on the second, and a bare second month comes after the first.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from graph.extract.time.timex_calendar import interval

_RECENT = dt.timedelta(days=62)  # a DCT reading this close is the news itself
_DAY_OR_MONTH = re.compile(r"(\d{4})-(\d\d)(-\d\d)?")
_RANGE_GAP = re.compile(r"\s*(?:to|and|until|till|through|thru|-|–|—)\s*", re.I)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.I)


def narrative_value(value: str, previous: Optional[str], dct: dt.datetime, tense: Optional[str]) -> Optional[str]:
    """`value` ("2013-03", "2012-12-05": the DCT's reading) moved into the year of `previous`, or None."""
    own = _DAY_OR_MONTH.fullmatch(value or "")
    prev = re.match(r"(\d{4})(?:-(\d\d))?", previous or "")
    if tense != "past" or not own or not prev:
        return None
    year = int(prev[1])
    if year > dct.year - 2:
        return None
    _, end = interval(value)
    if end is None or dt.date.fromisoformat(end[:10]) > dct.date() - _RECENT:
        return None
    month = int(own[2])
    if prev[2] and month < int(prev[2]):
        year += 1  # "in November 2009 ... In March": the story moves on, to the next March
    return f"{year:04d}-{own[2]}{own[3] or ''}"


def range_partner(text: str, first_end: int, second_start: int) -> bool:
    """The two dates are the ends of one range ("March to May 2012", "between March and June")."""
    return bool(_RANGE_GAP.fullmatch(text[first_end:second_start]))


def range_values(first: str, second: str, first_bare: bool, second_bare: bool, opened: bool,
                 past: bool, dct: dt.datetime) -> tuple[str, str]:
    """One calendar for the two ends of a range: the first takes the second's written year ("March to May
    2012" -> 2012-03); a bare second month follows the first ("between November and March"). `opened`: a
    "from"/"between" stands before the first (without it, "March and May 2012" may be two dates)."""
    a, b = _DAY_OR_MONTH.fullmatch(first), _DAY_OR_MONTH.fullmatch(second)
    if not a or not b:
        return first, second
    if first_bare and not second_bare:
        year = int(b[1]) - (1 if int(a[2]) > int(b[2]) else 0)
        return f"{year:04d}-{a[2]}{a[3] or ''}", second
    if opened and first_bare and second_bare and not a[3] and not b[3]:
        year = int(a[1]) + (1 if int(b[2]) < int(a[2]) else 0)
        if past and dt.date(year, int(b[2]), 1) > dct.date():
            return f"{int(a[1]) - 1:04d}-{a[2]}", f"{year - 1:04d}-{b[2]}"  # a range told in the past is over
        return first, f"{year:04d}-{b[2]}"
    return first, second


def opens_range(text: str, start: int) -> bool:
    return bool(_RANGE_OPEN.search(text[max(0, start - 12):start]))
