"""Resolvers of durations ("two weeks", "years") and sets ("annually", "every month")
(see the table in ``timex_rules``)."""
from __future__ import annotations

import re
from typing import Optional

from graph.extract.time import timex_lexicon as L
from graph.extract.time.timex_anchor import Ctx
from graph.extract.time.timex_values import Result, duration_value, month_number, word_number

# ---------------------------------------------------------------- durations / sets

def duration(m: re.Match, ctx: Ctx) -> Optional[Result]:
    return "DURATION", duration_value(word_number(m["n"]), m["u"])


def vague_duration(m: re.Match, ctx: Ctx) -> Optional[Result]:
    return "DURATION", duration_value(None, m["u"])


_SET_WORDS = {"annually": "P1Y", "yearly": "P1Y", "daily": "P1D", "nightly": "P1D",
              "weekly": "P1W", "monthly": "P1M", "hourly": "PT1H", "quarterly": "P3M",
              "biweekly": "P2W", "annual": "P1Y"}


def set_word(m: re.Match, ctx: Ctx) -> Optional[Result]:
    word = m["w"].lower()
    # MEANTIME tags the adjective "annual" (profit, loss) as a one-year duration.
    return ("DURATION" if word == "annual" else "SET"), _SET_WORDS[word]


def every(m: re.Match, ctx: Ctx) -> Optional[Result]:
    n = 2 if (m["n"] or "").lower() == "other" else word_number(m["n"]) if m["n"] else 1
    return "SET", duration_value(n, m["u"])


def every_named(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'every Monday', 'on Mondays' -> XXXX-WXX-1, 'each summer' -> XXXX-SU, 'every March' -> XXXX-03 (TimeML's
    SETs)."""
    if m["wd"] or m["wds"]:  # "every Monday", "on Mondays"
        part = "T" + L.DAY_PARTS[m["part"].lower()] if m["part"] else ""
        return "SET", f"XXXX-WXX-{L.WEEKDAYS[(m['wd'] or m['wds']).lower()] + 1}{part}"
    if m["s"]:
        return "SET", "XXXX-" + L.SEASONS[m["s"].lower()]
    return "SET", f"XXXX-{month_number(m['mon']):02d}"


def unit_long(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'a day-long meeting', 'the year-long war': one unit."""
    return "DURATION", duration_value(1, m["u"])
