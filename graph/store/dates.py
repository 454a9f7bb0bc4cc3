"""The dates every time filter takes (REST `from`/`to`/`at`, `tkg export --from/--to`, notebooks):
`YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A year or a month stands for its whole span: as a start, its
first day; as an end, its last day (`to=2023` keeps all of 2023).

>>> parse_day("2023-11", end=True)
datetime.date(2023, 11, 30)
>>> window("2024", "2024")
(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta, timezone
from typing import Optional

FORMATS = "YYYY, YYYY-MM or YYYY-MM-DD"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateError(ValueError):
    """A date a filter cannot take; `field` names the parameter (`from`, `to`, `at`)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def parse_day(text: str, end: bool = False, field: str = "date") -> date:
    """The first day `text` covers (its last if `end`); DateError for anything else."""
    m = _DATE.match(text.strip())
    if not m:
        raise DateError(field, f"{text!r} is not a date: use {FORMATS}")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, int(month))[1] if 1 <= int(month) <= 12 else 0
            return date(year, int(month), last if end else 1)
        return date(year, int(month), int(day))
    except ValueError:
        raise DateError(field, f"{text!r} is not a day of the calendar (use {FORMATS})") from None


def window(start: Optional[str], end: Optional[str]) -> tuple[Optional[date], Optional[date]]:
    """`from` and `to` as the days they bound, inclusive; DateError if either is bad or from > to."""
    first = parse_day(start, field="from") if start else None
    last = parse_day(end, end=True, field="to") if end else None
    if first and last and first > last:
        raise DateError("from", f"'from' ({start}) is after 'to' ({end})")
    return first, last


def xsd_utc(t: datetime) -> str:
    """`t` (naive: UTC) as the xsd:dateTime lexical form record times use (UTC, microseconds, `Z`), so
    SPARQL compares a filter's instant with them (a dateTime with a zone and one without may not compare)."""
    t = t.astimezone(timezone.utc) if t.tzinfo else t
    return t.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def next_second(t: datetime) -> datetime:
    """The first instant of the second after `t`'s: what "recorded after T" means when record times are shown
    as whole seconds (ACLED's `timestamp`), so a row stamped in T's own second is not "after" it."""
    return t.replace(microsecond=0) + timedelta(seconds=1)
