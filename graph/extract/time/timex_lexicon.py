"""Word tables and regular-expression fragments shared by the timex rules.

Everything here is data: names of months, weekdays, seasons, units and number
words, plus the regex fragments built from them. Patterns are written for
lower-cased text with single spaces (see `timex_rules.canon`).
"""
from __future__ import annotations

import calendar
import re

MONTHS: dict[str, int] = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {d.lower(): i for i, d in enumerate(calendar.day_name)}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

# TIMEX3 parts of day; "night"/"tonight" -> NI.
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

# unit word -> (TIMEX3 duration letter, is time-of-day unit, multiplier); decades are counted in years, as
# TimeBank does ("two decades" = P20Y, "decades" = PXY)
UNITS: dict[str, tuple[str, bool, float]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1),
    "year": ("Y", False, 1), "decade": ("Y", False, 10), "century": ("CE", False, 1),
}

SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2,
    "a dozen": 12, "dozen": 12, "half a": 0.5, "a half": 0.5,
}
# Vague quantities: the TIMEX3 value uses X for the number ("PXY").
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "numerous", "countless")

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
            "3rd": 3, "4th": 4, "final": 4, "last": 4}


def _alt(words) -> str:
    """Regex alternation, longest first so that 'sept' wins over 'sep'."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# Full names never take the dot (so "in March." ends before it); abbreviations may.
MONTH = (rf"(?:{_alt(m for m in MONTHS if len(m) > 4 or m in ('may', 'june', 'july'))}"
         rf"|(?:{_alt(m for m in MONTHS if len(m) <= 4 and m not in ('may', 'june', 'july'))})\.?)")
WEEKDAY = rf"(?:{_alt(WEEKDAYS)})"
SEASON = rf"(?:{_alt(SEASONS)})"
DAYPART = r"(?:morning|afternoon|evening|night)"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_WORDNUM = _alt(k for k in SMALL_NUMBERS if " " not in k and k not in ("a", "an"))
# "two and a half", "twenty-five", "2.5", "a couple of", "several"
NUMBER = (rf"(?:\d+(?:[.,]\d+)?|(?:{_WORDNUM})(?:[-\s](?:{_WORDNUM}))?(?: and a half)?"
          rf"|a couple of|a dozen|a few|half an?|an?(?: half)?|{_alt(VAGUE_NUMBERS)})")
UNIT = rf"(?:{_alt(UNITS)})"
UNITS_PL = rf"(?:{_alt(UNITS)}|centuries)s?"
# approximators kept inside the span ("almost two and a half years")
APPROX = (r"(?:(?:almost|nearly|about|around|approximately|roughly|some|over|more than|"
          r"less than|at least|up to|just over|just under|under|barely|only|just) )")
# words between a count and its unit that keep it a length of time ("five consecutive days", "two more years")
COUNT_ADJ = (r"(?:consecutive|straight|successive|full|whole|more|additional|extra|further|long"
             r"|trading|business|working|school)")
MOD = r"(?:(?:early|mid|late|mid-|the end of|the beginning of|the start of|the middle of) ?)"
REL = r"(?:this|last|next|past|coming|previous|current|following|same)"
