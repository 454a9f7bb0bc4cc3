"""The times a states query takes: a valid-time period (`at`) and a record-time instant (`known_at`).

    >>> period("2023-11")
    ('2023-11-01T00:00:00', '2023-11-30T23:59:59')
    >>> known("2023-11-14")
    datetime.datetime(2023, 11, 14, 23, 59, 59, 999999, tzinfo=datetime.timezone.utc)
"""
from __future__ import annotations

import calendar
import re
from datetime import datetime, timezone
from typing import Optional

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PeriodError(ValueError):
    """A date a query cannot use; says which parameter and what it accepts."""

    def __init__(self, field: str, value: str) -> None:
        super().__init__(f"{field}: {value!r} is not a date (YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 date-time)")
        self.field = field


def _parts(text: str, field: str) -> tuple[int, Optional[int], Optional[int]]:
    m = _DATE.match(text.strip())
    if not m:
        raise PeriodError(field, text)
    y, mo, d = int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None
    try:
        datetime(y, mo or 1, d or 1)
    except ValueError:
        raise PeriodError(field, text) from None
    return y, mo, d


def _datetime(text: str, field: str) -> datetime:
    try:
        dt = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise PeriodError(field, text) from None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def period(text: str, field: str = "at") -> tuple[str, str]:
    """The first and last second of a day, month or year (or one instant), as xsd:dateTime lexical forms
    without a zone, the form fact bounds are stored in."""
    if "T" in text:
        dt = _datetime(text, field).astimezone(timezone.utc).replace(tzinfo=None)
        s = dt.isoformat(timespec="seconds")
        return s, s
    y, mo, d = _parts(text, field)
    first = datetime(y, mo or 1, d or 1)
    last = datetime(y, mo or 12, d or calendar.monthrange(y, mo or 12)[1], 23, 59, 59)
    return first.isoformat(), last.isoformat()


def now_period() -> tuple[str, str]:
    s = datetime.now(timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds")
    return s, s


def known(text: str, field: str = "known_at") -> datetime:
    """The instant a record-time filter keeps what was recorded by: a date's last moment, or the instant given."""
    if "T" in text:
        return _datetime(text, field)
    y, mo, d = _parts(text, field)
    last = datetime(y, mo or 12, d or calendar.monthrange(y, mo or 12)[1], 23, 59, 59, 999999)
    return last.replace(tzinfo=timezone.utc)


def recorded_time(lexical: Optional[str]) -> Optional[datetime]:
    """A stored record time (xsd:dateTime, UTC) as an aware datetime."""
    if not lexical:
        return None
    dt = datetime.fromisoformat(lexical.replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
