"""Small readers the time resolvers share: numbers in words, TIMEX3 durations, month and day names, years
named relative to the publication date (DCT)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from graph.extract.time import timex_lexicon as L
from graph.extract.time.timex_anchor import Ctx
from graph.extract.time.timex_calendar import day_value

Result = tuple[str, str]  # (TIMEX3 type, TIMEX3 value)


def word_number(text: str) -> Optional[float]:
    """'two and a half' -> 2.5, 'twenty-five' -> 25, '18' -> 18; None for vague quantities."""
    t = text.lower().strip()
    if any(t == v for v in L.VAGUE_NUMBERS):
        return None
    half = 0.5 if t.endswith(" and a half") else 0.0
    t = t.removesuffix(" and a half")
    if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        return float(t.replace(",", ".")) + half
    if t in L.SMALL_NUMBERS:
        return L.SMALL_NUMBERS[t] + half
    parts = re.split(r"[-\s]+", t)
    if all(p in L.SMALL_NUMBERS for p in parts):
        return sum(L.SMALL_NUMBERS[p] for p in parts) + half
    return None


def _fmt_number(n: Optional[float]) -> str:
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: Optional[float], unit: str) -> str:
    """TIMEX3 duration: 30 minutes -> PT30M, 2 weeks -> P2W, a fortnight -> P2W."""
    unit = unit.lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    letter, is_time, mult = L.UNITS[unit]
    if letter == "Q":  # quarters are counted in months
        letter, mult = "M", 3
    if n is not None:
        n = n * mult
    return ("PT" if is_time else "P") + _fmt_number(n) + letter


def month_number(name: str) -> int:
    return L.MONTHS[name.lower().rstrip(".")]


def day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def safe_day(y: int, m: int, d: int) -> Optional[str]:
    try:
        return day_value(dt.date(y, m, d))
    except ValueError:
        return None


def relative_year(rel: Optional[str], ctx: Ctx) -> int:
    """Year named by 'this/last/next year' (the DCT's year when rel is None)."""
    rel = (rel or "this").lower()
    if rel in ("last", "previous", "past", "the previous"):
        return ctx.dct.year - 1
    if rel in ("next", "coming", "following"):
        return ctx.dct.year + 1
    return ctx.dct.year


def two_digit_year(yy: str, ctx: Ctx) -> int:
    y = int(yy)
    return 2000 + y if 2000 + y <= ctx.dct.year + 10 else 1900 + y
