"""Resolvers of times read against the publication date (DCT) or the time last mentioned: "today", "on
Friday", "this morning", "next month", "over the weekend", "two weeks ago", "the year before", "6:40 p.m.",
"now", "recently", "soon" (see the table in ``timex_rules``)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from graph.extract.time import timex_anaphora as anaphora
from graph.extract.time import timex_lexicon as L
from graph.extract.time.timex_anchor import Ctx, weekday_date
from graph.extract.time.timex_calendar import add_months, add_years_safe, day_value, month_value, week_value
from graph.extract.time.timex_values import Result, duration_value, word_number

# ---------------------------------------------------------------- deictic

def _day_word(word: str, ctx: Ctx) -> dt.date:
    offset = {"yesterday": -1, "tomorrow": 1}.get(word.lower(), 0)
    return ctx.day + dt.timedelta(days=offset)


def today(m: re.Match, ctx: Ctx) -> Optional[Result]:
    word = m["w"].lower()
    if word == "tonight":
        return "TIME", day_value(ctx.day) + "TNI"
    return "DATE", day_value(_day_word(word, ctx))


def two_days_off(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'the day after tomorrow' and 'the day before yesterday': two days from the DCT."""
    step = 2 if m["w"].lower() == "tomorrow" else -2
    return "DATE", day_value(ctx.day + dt.timedelta(days=step))


def weekday(m: re.Match, ctx: Ctx) -> Optional[Result]:
    if ctx.tense == "present" and re.match(r"['’]s\b", m.string[m.end():m.end() + 3]):
        ctx = Ctx(dct=ctx.dct)  # "Sunday's vote is seen as a test": the noun's own time, not the verb's
    d = weekday_date(L.WEEKDAYS[m["wd"].lower()], ctx, (m["rel"] or "").lower() or None)
    if m["part"]:
        return "TIME", day_value(d) + "T" + L.DAY_PARTS[m["part"].lower()]
    return "DATE", day_value(d)


def day_part(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'this morning', 'last night', 'yesterday afternoon', bare 'morning' (anchored)."""
    lead = (m["lead"] or "").lower()
    part = L.DAY_PARTS[m["part"].lower()]
    if not lead and part == "NI":
        return None  # bare "night" is rarely a time reference
    if lead in ("yesterday", "tomorrow"):
        day = _day_word(lead, ctx)
    elif lead == "last":
        day = ctx.day - dt.timedelta(days=1) if part == "NI" else ctx.day
    elif lead == "this":
        day = ctx.day
    else:
        day = ctx.anchor or ctx.day
    return "TIME", day_value(day) + "T" + part


def relative(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """this/last/next week|weekend|month|year|quarter (+ 'later', 'the end of' ...)."""
    rel, unit = m["rel"].lower(), m["u"].lower()
    step = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0,
            "next": 1, "coming": 1, "following": 1}.get(rel)
    if step is None:
        return None
    if rel == "past" and unit != "weekend":  # "the past year" is a stretch of time
        return "DURATION", duration_value(1, unit)
    day = ctx.day
    if unit in ("week", "weekend"):
        v = week_value(day + dt.timedelta(weeks=step))
        return "DATE", v + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return "DATE", month_value(*add_months(day.year, day.month, step))
    if unit == "year":
        return "DATE", str(day.year + step)
    if unit == "quarter":
        y, mo = add_months(day.year, day.month, 3 * step)
        return "DATE", f"{y}-Q{(mo - 1) // 3 + 1}"
    if unit == "decade":
        return "DATE", str(day.year // 10 + step)  # "the last decade" = the 1990s in a 2000s story
    return None


def the_next(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'the next year': in a past narrative ("lost money in 2009 but returned to profit the next year") the unit
    after the date the story last gave, as "the following year"; otherwise the one after the publication date, as
    "next year"."""
    unit = m["u"].lower()
    if ctx.tense == "past":
        return anaphora.shift(1, unit, ctx)
    day = ctx.day
    if unit == "week":
        return "DATE", week_value(day + dt.timedelta(weeks=1))
    if unit == "month":
        return "DATE", month_value(*add_months(day.year, day.month, 1))
    return "DATE", str(day.year + 1)


def part_of_unit(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'the end of the month', 'by year-end': a part of the publication date's month, year, week or quarter (TimeML
    keeps the unit as the value and the part as a modifier)."""
    unit = "year" if m["ye"] else m["u"].lower()
    day = ctx.day
    if unit == "month":
        return "DATE", month_value(day.year, day.month)
    if unit == "week":
        return "DATE", week_value(day)
    if unit == "quarter":
        return "DATE", f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if unit == "decade":
        return "DATE", str(day.year // 10)
    return "DATE", str(day.year)


def latest_quarter(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'the latest quarter': the last quarter completed before the publication date (what a report covers)."""
    y, mo = add_months(ctx.day.year, ctx.day.month, -3)
    return "DATE", f"{y}-Q{(mo - 1) // 3 + 1}"


def the_weekend(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'over/during/at/on the weekend': the weekend the verb's tense points to, before the publication date for
    the past ("stormed the prisons over the weekend" in a Monday story -> the Saturday and Sunday just gone), the
    coming one for the future; a story published on the weekend means that weekend. Without the preposition
    "the weekend" is too often generic ("the weekend shift") to date."""
    if not re.search(r"\b(?:over|during|at|on|through|throughout|since|for)\s+$", m.string[max(0, m.start() - 12):m.start()],
                     re.I):
        return None
    day = ctx.day
    if day.weekday() >= 5:
        sat = day - dt.timedelta(days=day.weekday() - 5)
    elif ctx.tense == "future":
        sat = day + dt.timedelta(days=5 - day.weekday())
    else:
        sat = day - dt.timedelta(days=day.weekday() + 2)
    return "DATE", week_value(sat) + "-WE"


def ago(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'two weeks ago' -> the week two weeks before the DCT; 'years ago' -> PAST_REF."""
    n = word_number(m["n"]) if m["n"] else None
    unit = m["u"].lower().rstrip("s")
    sign = 1 if m["dir"].lower() in ("from now", "hence") else -1
    if n is None or n != int(n):
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    k = int(n) * sign
    day = ctx.day
    if unit == "day":
        return "DATE", day_value(day + dt.timedelta(days=k))
    if unit == "week":
        return "DATE", week_value(day + dt.timedelta(weeks=k))
    if unit == "month":
        return "DATE", month_value(*add_months(day.year, day.month, k))
    if unit == "year":
        return "DATE", str(add_years_safe(day, k).year)
    if unit == "decade":
        return "DATE", str((day.year + 10 * k) // 10)
    return None


def same_period(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'the same month a year ago' = the previously mentioned period, one year earlier."""
    prev = ctx.previous or ""
    if re.fullmatch(r"\d{4}(-(\d\d|Q\d|H\d|W\d\d|SP|SU|FA|WI))?", prev):
        return "DATE", str(int(prev[:4]) - 1) + prev[4:]
    if re.search(r"(?:quarter|period)$", m.group().lower()):
        # "the year-earlier quarter/period" with no quarter named: the one before the latest report's
        latest = latest_quarter(m, ctx)[1]
        return "DATE", str(int(latest[:4]) - 1) + latest[4:]
    return "DATE", str(ctx.dct.year - 1)  # no antecedent: read "a year ago" against the DCT


# a noun phrase or a clause after "the week before": "before" is a preposition there ("before the election",
# "before he died", "prior to ...")
_OBJECT_AFTER = re.compile(r" (?:to |the |an? |his |her |their |its |our |my |this |that |these |those |he |she |they "
                           r"|it |we |I |[A-Z][a-z]|\w+ing\b)")


def relative_word(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'the year before', 'the previous month', 'the week before': the unit before the date the story last gave
    (anaphoric, also in a comparison: "$118 billion last year, $19 billion less than the year previous"), else
    before the publication date. "the week before the election" is counted from an event, not a date: no value
    (unless it stands beside a date, see timex_spans)."""
    if _OBJECT_AFTER.match(m.string, m.end()):
        return None
    unit = m["u"].lower()
    if unit != "year" and not anaphora.anchor_as_fine_as(unit, ctx):
        # "fell 17% compared to 2008, an increase from the previous month": a year is no month to count back
        # from; the month before is the publication date's
        ctx = Ctx(dct=ctx.dct, tense=ctx.tense)
    return anaphora.shift(-1, unit, ctx)


# ---------------------------------------------------------------- clock times

def clock(m: re.Match, ctx: Ctx) -> Optional[Result]:
    oclock = "clock" in m.group().lower()
    if m["h"] and not (m["mi"] or m["ap"] or m["dp"] or m["night"] or oclock):
        return None  # a bare number is no clock time
    if m["sep"] == "." and not m["ap"]:
        return None  # "5.30" is a number; "5.30 p.m." (British) a time
    if m["hh"]:  # "1530 UTC"
        h, mi = int(m["hh"]), int(m["mm"])
    else:
        h = int(m["h"]) if m["h"] else {"noon": 12, "midday": 12, "midnight": 0}[m["word"].lower()]
        mi = int(m["mi"] or 0)
    ap = (m["ap"] or "").lower().replace(".", "").replace(" ", "")
    if not ap and (m["dp"] or m["night"]):  # "4 in the morning", "8 in the evening", "11 at night"
        late = m["dp"] and m["dp"].lower() != "morning" or m["night"] and h >= 6
        ap = "pm" if late else "am"
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    if h > 23 or mi > 59:
        return None
    day = ctx.anchor or ctx.day
    if m["dayword"]:
        day = _day_word(m["dayword"], ctx)
    elif m["wd"] or m["wd0"]:
        day = weekday_date(L.WEEKDAYS[(m["wd"] or m["wd0"]).lower()], ctx, None)
    tz = (m["tz"] or "").lower()
    if tz not in ("utc", "gmt", "z"):
        return "TIME", f"{day_value(day)}T{h:02d}:{mi:02d}"
    when = dt.datetime.combine(day, dt.time(h, mi))
    if m["off"]:  # "6:40 p.m. (GMT +8)": local time -> UTC
        off = int(m["off"].replace("−", "-").replace(" ", ""))
        sign = -1 if off < 0 else 1
        when -= dt.timedelta(hours=off, minutes=sign * int(m["offm"] or 0))
    return "TIME", when.strftime("%Y-%m-%dT%H:%M") + "Z"


# ---------------------------------------------------------------- vague references

_REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "ongoing": "PRESENT_REF", "at present": "PRESENT_REF",
    "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "the present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF",
    "lately": "PAST_REF", "formerly": "PAST_REF", "once": None,
    "soon": "FUTURE_REF", "very soon": "FUTURE_REF", "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the long term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "long-term": "FUTURE_REF", "short-term": "FUTURE_REF",
    "the long run": "FUTURE_REF", "shortly": "FUTURE_REF", "in the coming days": "FUTURE_REF",
}


def ref(m: re.Match, ctx: Ctx) -> Optional[Result]:
    key = re.sub(r"\s+", " ", m["w"].lower())
    if key.startswith("more "):
        key = key[5:]
    v = _REFS.get(key)
    return ("DATE", v) if v else None
