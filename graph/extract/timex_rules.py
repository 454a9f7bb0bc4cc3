"""The rule table: one regex + one resolver per kind of time expression.

The same table serves detection (`finditer` over the text) and normalisation
(`fullmatch` over a single expression), so a span we find is a span we can value.
Patterns are matched case-insensitively on text whose whitespace runs are spaces.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Optional

from graph.extract import timex_lexicon as L
from graph.extract.timex_anchor import (Ctx, weekday_date, year_for_day, year_for_month,
                                        year_for_period)
from graph.extract.timex_calendar import (add_months, add_years_safe, day_value, month_value,
                                          week_value)

Result = tuple[str, str]  # (TIMEX3 type, TIMEX3 value)
Resolver = Callable[[re.Match, Ctx], Optional[Result]]


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern
    resolve: Resolver


def _compile(pattern: str) -> re.Pattern:
    # Spaces in patterns stand for any whitespace run; word boundaries on both sides.
    body = pattern.replace(" ?", r"\s*").replace(" ", r"\s+")
    return re.compile(rf"(?<![\w$£€@#]){body}(?![\w]|%|[.,]\d)", re.I)


def _word_number(text: str) -> Optional[float]:
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


def _duration(n: Optional[float], unit: str) -> str:
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


def _month(name: str) -> int:
    return L.MONTHS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _safe_day(y: int, m: int, d: int) -> Optional[str]:
    try:
        return day_value(dt.date(y, m, d))
    except ValueError:
        return None


def _rel_year(rel: Optional[str], ctx: Ctx) -> int:
    """Year named by 'this/last/next year' (the DCT's year when rel is None)."""
    rel = (rel or "this").lower()
    if rel in ("last", "previous", "past", "the previous"):
        return ctx.dct.year - 1
    if rel in ("next", "coming", "following"):
        return ctx.dct.year + 1
    return ctx.dct.year


def _two_digit_year(yy: str, ctx: Ctx) -> int:
    y = int(yy)
    return 2000 + y if 2000 + y <= ctx.dct.year + 10 else 1900 + y


# ---------------------------------------------------------------- absolute dates

def _iso(m: re.Match, ctx: Ctx) -> Optional[Result]:
    v = _safe_day(int(m["y"]), int(m["m"]), int(m["d"]))
    return ("DATE", v) if v else None


def _numeric(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """7/8/07 - month first (US usage in English news) unless that is impossible."""
    a, b = int(m["a"]), int(m["b"])
    y = int(m["y"]) if len(m["y"]) == 4 else _two_digit_year(m["y"], ctx)
    mo, d = (a, b) if a <= 12 else (b, a)
    v = _safe_day(y, mo, d)
    return ("DATE", v) if v else None


def _full_date(m: re.Match, ctx: Ctx) -> Optional[Result]:
    v = _safe_day(int(m["y"]), _month(m["mon"]), _day(m["d"]))
    return ("DATE", v) if v else None


def _month_day(m: re.Match, ctx: Ctx) -> Optional[Result]:
    mo, d = _month(m["mon"]), _day(m["d"])
    v = _safe_day(year_for_day(mo, d, ctx), mo, d)
    return ("DATE", v) if v else None


def _month_year(m: re.Match, ctx: Ctx) -> Optional[Result]:
    year = int(m["y"]) if m["y"] else _rel_year(m["rel"], ctx)
    return "DATE", month_value(year, _month(m["mon"]))


def _bare_month(m: re.Match, ctx: Ctx) -> Optional[Result]:
    mo = _month(m["mon"])
    rel = (m["rel"] or "").lower()
    if rel == "last":
        year = ctx.dct.year if mo < ctx.dct.month else ctx.dct.year - 1
    elif rel == "next":
        year = ctx.dct.year if mo > ctx.dct.month else ctx.dct.year + 1
    elif rel == "this":
        year = ctx.dct.year
    else:
        year = year_for_month(mo, ctx)
    return "DATE", month_value(year, mo)


def _week_of_month(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'the last week of March' = the ISO week of the month's last Sunday (last full week)."""
    mo = _month(m["mon"])
    year = int(m["y"]) if m["y"] else year_for_month(mo, ctx)
    first = dt.date(year, mo, 1)
    if m["ord"].lower() in ("last", "final"):
        y2, m2 = add_months(year, mo, 1)
        last = dt.date(y2, m2, 1) - dt.timedelta(days=1)
        return "DATE", week_value(last - dt.timedelta(days=(last.weekday() + 1) % 7))
    k = L.ORDINALS[m["ord"].lower()]
    monday = first + dt.timedelta(days=(7 - first.weekday()) % 7)
    return "DATE", week_value(monday + dt.timedelta(weeks=k - 1))


def _year(m: re.Match, ctx: Ctx) -> Optional[Result]:
    return "DATE", m["y"]


def _decade(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'the 1990s' -> 199; "the '70s" -> 197 (the century closest before the DCT)."""
    if m["full"]:
        return "DATE", m["full"][:3]
    dec = int(m["two"][0])
    century = 19 if dec * 10 > ctx.dct.year % 100 else 20
    return "DATE", f"{century}{dec}"


# ---------------------------------------------------------------- periods

def _quarter(m: re.Match, ctx: Ctx) -> Optional[Result]:
    q = L.ORDINALS.get((m["ord"] or "").lower()) or int(m["q"] or 0)
    if not q:
        return None
    if m["y"]:
        year = int(m["y"])
    elif m["rel"]:
        year = _rel_year(m["rel"].split()[-2], ctx)
    elif m["ord"] and m["ord"].lower() == "last":
        return None  # bare "the last quarter" = the previous quarter: see _relative
    else:
        year = year_for_period(3 * q - 2, 3 * q, ctx)
    return "DATE", f"{year}-Q{q}"


def _half(m: re.Match, ctx: Ctx) -> Optional[Result]:
    h = 1 if m["ord"].lower() == "first" else 2
    year = int(m["y"]) if m["y"] else _rel_year(m["rel"], ctx) if m["rel"] else ctx.dct.year
    return "DATE", f"{year}-H{h}"


_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season(m: re.Match, ctx: Ctx) -> Optional[Result]:
    code = L.SEASONS[m["s"].lower()]
    rel = (m["rel"] or "").lower()
    if code == "FA" and not (rel in ("this", "last", "next", "past", "coming") or m["y"]):
        return None  # bare "fall" is nearly always the verb
    first = _SEASON_FIRST_MONTH[code]
    if m["y"]:
        year = int(m["y"])
    elif rel in ("last", "past", "previous"):
        year = ctx.dct.year - 1 if first + 2 >= ctx.dct.month else ctx.dct.year
    elif rel in ("next", "coming"):
        year = ctx.dct.year + 1 if first <= ctx.dct.month else ctx.dct.year
    elif rel == "this":
        year = ctx.dct.year
    else:
        year = year_for_period(first, first + 2, ctx)
    return "DATE", f"{year}-{code}"


# ---------------------------------------------------------------- deictic

def _day_word(word: str, ctx: Ctx) -> dt.date:
    offset = {"yesterday": -1, "tomorrow": 1}.get(word.lower(), 0)
    return ctx.day + dt.timedelta(days=offset)


def _today(m: re.Match, ctx: Ctx) -> Optional[Result]:
    word = m["w"].lower()
    if word == "tonight":
        return "TIME", day_value(ctx.day) + "TNI"
    return "DATE", day_value(_day_word(word, ctx))


def _weekday(m: re.Match, ctx: Ctx) -> Optional[Result]:
    d = weekday_date(L.WEEKDAYS[m["wd"].lower()], ctx, (m["rel"] or "").lower() or None)
    if m["part"]:
        return "TIME", day_value(d) + "T" + L.DAY_PARTS[m["part"].lower()]
    return "DATE", day_value(d)


def _day_part(m: re.Match, ctx: Ctx) -> Optional[Result]:
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


def _relative(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """this/last/next week|weekend|month|year|quarter (+ 'later', 'the end of' ...)."""
    rel, unit = m["rel"].lower(), m["u"].lower()
    step = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0,
            "next": 1, "coming": 1, "following": 1}.get(rel)
    if step is None:
        return None
    if rel == "past" and unit != "weekend":  # "the past year" is a stretch of time
        return "DURATION", _duration(1, unit)
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
        return ("DATE", str(day.year // 10)) if step == 0 else ("DURATION", "P1DE")
    return None


def _the_weekend(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'over/during/at/on the weekend': the weekend the verb's tense points to, before the publication date for
    the past ("stormed the prisons over the weekend" in a Monday story -> the Saturday and Sunday just gone), the
    coming one for the future; a story published on the weekend means that weekend. Without the preposition
    "the weekend" is too often generic ("the weekend shift") to date."""
    if not re.search(r"\b(?:over|during|at|on|through|throughout)\s+$", m.string[max(0, m.start() - 12):m.start()],
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


def _ago(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'two weeks ago' -> the week two weeks before the DCT; 'years ago' -> PAST_REF."""
    n = _word_number(m["n"]) if m["n"] else None
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


def _same_period(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'the same month a year ago' = the previously mentioned period, one year earlier."""
    prev = ctx.previous or ""
    if re.fullmatch(r"\d{4}(-(\d\d|Q\d|H\d|W\d\d|SP|SU|FA|WI))?", prev):
        return "DATE", str(int(prev[:4]) - 1) + prev[4:]
    return "DATE", str(ctx.dct.year - 1)  # no antecedent: read "a year ago" against the DCT


# ---------------------------------------------------------------- durations / sets

def _duration_rule(m: re.Match, ctx: Ctx) -> Optional[Result]:
    return "DURATION", _duration(_word_number(m["n"]), m["u"])


def _vague_duration(m: re.Match, ctx: Ctx) -> Optional[Result]:
    return "DURATION", _duration(None, m["u"])


_SET_WORDS = {"annually": "P1Y", "yearly": "P1Y", "daily": "P1D", "nightly": "P1D",
              "weekly": "P1W", "monthly": "P1M", "hourly": "PT1H", "quarterly": "P3M",
              "biweekly": "P2W", "annual": "P1Y"}


def _set_word(m: re.Match, ctx: Ctx) -> Optional[Result]:
    word = m["w"].lower()
    # MEANTIME tags the adjective "annual" (profit, loss) as a one-year duration.
    return ("DURATION" if word == "annual" else "SET"), _SET_WORDS[word]


def _every(m: re.Match, ctx: Ctx) -> Optional[Result]:
    n = _word_number(m["n"]) if m["n"] else 1
    return "SET", _duration(n, m["u"])


# ---------------------------------------------------------------- clock times

def _clock(m: re.Match, ctx: Ctx) -> Optional[Result]:
    if m["h"] and not (m["mi"] or m["ap"]):
        return None  # a bare number is no clock time
    h = int(m["h"]) if m["h"] else {"noon": 12, "midday": 12, "midnight": 0}[m["word"].lower()]
    mi = int(m["mi"] or 0)
    ap = (m["ap"] or "").lower().replace(".", "").replace(" ", "")
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


def _ref(m: re.Match, ctx: Ctx) -> Optional[Result]:
    key = re.sub(r"\s+", " ", m["w"].lower())
    if key.startswith("more "):
        key = key[5:]
    v = _REFS.get(key)
    return ("DATE", v) if v else None


# ---------------------------------------------------------------- the table

M, WD, Y, D, N = L.MONTH, L.WEEKDAY, L.YEAR, L.DAY, L.NUMBER
_REL_YEAR = r"(?:the )?(?P<rel>this|last|next|previous|current|coming|following) year"
# A closing parenthesis belongs to the zone only if the zone opened one.
_TZ = (r"(?: ?(?P<par>\()?(?P<tz>utc|gmt|z|est|edt|cst|cdt|pst|pdt|cet|cest|bst)"
       r"(?: ?(?P<off>[+-−] ?\d{1,2})(?::?(?P<offm>\d\d))?)?(?(par)\)))")

RULES: list[Rule] = [
    Rule("iso", _compile(rf"(?P<y>{Y})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"), _iso),
    Rule("numeric", _compile(r"(?P<a>[01]?\d|[0-3]\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d\d)"), _numeric),
    Rule("full_date", _compile(
        rf"(?:{WD},? )?(?:(?P<mon>{M}) (?P<d>{D})|(?:the )?(?P<d_>{D}) (?:of )?(?P<mon_>{M})),? (?P<y>{Y})"
    ), lambda m, c: _full_date(_Swap(m), c)),
    Rule("month_day", _compile(
        rf"(?:{WD},? )?(?:(?P<mon>{M}) (?P<d>{D})|(?:the )?(?P<d_>{D}) (?:of )?(?P<mon_>{M}))"
    ), lambda m, c: _month_day(_Swap(m), c)),
    Rule("month_year", _compile(
        rf"{L.MOD}?(?P<mon>{M}),? (?:of )?(?:(?P<y>{Y})|(?:the )?(?P<rel>this|last|next|previous) year)"
    ), _month_year),
    Rule("week_of_month", _compile(
        rf"the (?P<ord>first|second|third|fourth|last|final) week of (?P<mon>{M})(?:,? (?P<y>{Y}))?"),
        _week_of_month),
    Rule("bare_month", _compile(rf"{L.MOD}?(?:(?P<rel>this|last|next|past) )?(?P<mon>{M})"), _bare_month),
    Rule("year", _compile(rf"{L.MOD}?(?:the (?:fiscal )?year |fiscal |fy ?)?(?P<y>{Y})"), _year),
    Rule("decade", _compile(
        rf"(?:the )?{L.MOD}?(?:(?P<full>(?:1[6-9]|20)\d0)|['’]?(?P<two>\d0))['’]?s"), _decade),
    Rule("quarter", _compile(
        r"(?:the )?(?:(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[-\s]quarter"
        r"|q(?P<q>[1-4]))"
        rf"(?:,? (?:of )?(?:(?:fiscal )?(?P<y>{Y})|(?P<rel>(?:the )?(?:this|last|next|previous|current) year)))?"
    ), _quarter),
    Rule("half", _compile(
        rf"the (?P<ord>first|second) half of (?:(?P<y>{Y})|{_REL_YEAR})"), _half),
    Rule("season", _compile(
        rf"(?:(?P<the>the )?(?P<rel>this|last|next|past|coming|early|late|mid-?) ?)?"
        rf"(?P<s>{L.SEASON})(?:,? (?:of )?(?P<y>{Y}))?"), _season),
    Rule("today", _compile(r"(?:(?:earlier|later|early|late) )?(?P<w>today|yesterday|tomorrow|tonight)"),
         _today),
    Rule("weekday", _compile(
        rf"(?:(?P<rel>last|next|this|past|coming|previous|following) )?(?P<wd>{WD})"
        rf"(?: (?P<part>{L.DAYPART}))?"), _weekday),
    Rule("day_part", _compile(
        rf"(?:(?:early|late|later|earlier) )?(?:(?P<lead>this|yesterday|tomorrow|last) )?"
        rf"(?P<part>{L.DAYPART})"), _day_part),
    Rule("relative", _compile(
        r"(?:(?:later|earlier|early|late|the end of|the beginning of|the start of|the middle of"
        r"|the rest of|the remainder of|the first half of|the second half of|the spring of"
        r"|the summer of|the fall of|the autumn of|the winter of) )?"
        r"(?:the )?(?P<rel>this|last|next|past|coming|previous|current|following)"
        r" (?P<u>week|weekend|month|year|quarter|decade)"), _relative),
    Rule("the_weekend", _compile(r"the weekend"), _the_weekend),
    Rule("year_previous", _compile(r"the (?:(?P<u>year|month|week) (?:before|previous|prior|earlier)"
                                   r"|(?:previous|prior|preceding) (?P<u_>year|month|week))"),
         lambda m, c: _relative_word(_Swap(m), c)),
    Rule("ago", _compile(rf"(?:(?P<n>{N}) )?(?P<u>{L.UNITS_PL}) (?P<dir>ago|from now|hence)"), _ago),
    Rule("same_period", _compile(
        r"the same (?:month|week|period|quarter|time|day|year)(?: a year (?:ago|earlier)| last year"
        r"| of last year| the previous year| the year before)"), _same_period),
    Rule("duration", _compile(
        rf"(?:the )?(?:(?:past|last|next|coming|previous|first|final|following|remaining) )?"
        rf"{L.APPROX}?(?P<n>{N})[-\s](?P<u>{L.UNITS_PL})(?:[-\s]long)?"), _duration_rule),
    Rule("vague_duration", _compile(
        r"(?:over )?(?:the )?(?:(?:past|last|next|coming|recent|previous) )?"
        r"(?P<u>years|months|weeks|decades|centuries)"), _vague_duration),
    Rule("set_word", _compile(r"(?P<w>annually|yearly|daily|nightly|weekly|monthly|hourly|quarterly"
                              r"|biweekly|annual)"), _set_word),
    Rule("every", _compile(rf"(?:every|each|per|a) (?:(?P<n>{N}) )?(?P<u>{L.UNIT}|{L.UNITS_PL})"), _every),
    Rule("clock", _compile(
        rf"(?:(?P<wd0>{WD}),? )?(?:(?P<h>[0-2]?\d)(?::(?P<mi>[0-5]\d))?"
        rf"(?: ?(?P<ap>a\.m\.|p\.m\.|a\.m|p\.m|am|pm))?|(?P<word>noon|midday|midnight))"
        rf"{_TZ}?(?:,? (?:(?:on )?(?P<wd>{WD})|(?P<dayword>today|yesterday|tomorrow)))?"), _clock),
    Rule("ref", _compile(
        r"(?P<w>right now|now|currently|current|ongoing|at present|presently|nowadays|these days"
        r"|the present|at the moment|recently|recent|the past|lately|formerly|very soon|soon"
        r"|the future|the near future|the long term|the short term|long-term|short-term"
        r"|the long run)"), _ref),
]


def _relative_word(m: re.Match, ctx: Ctx) -> Optional[Result]:
    """'the year before' / 'the previous year': the year before the one just mentioned
    (anaphoric), else the year before the DCT."""
    unit = m["u"].lower()
    day = ctx.day
    if unit == "year":
        prev = ctx.previous or ""
        year = int(prev[:4]) if re.match(r"\d{4}", prev) else day.year
        return "DATE", str(year - 1)
    if unit == "month":
        return "DATE", month_value(*add_months(day.year, day.month, -1))
    return "DATE", week_value(day - dt.timedelta(weeks=1))


class _Swap:
    """View of a date match that hides which word order ("May 5" / "5 May") was used."""

    def __init__(self, m: re.Match):
        self._m = m

    def __getitem__(self, key: str):
        return self._m[key] or self._m.groupdict().get(key + "_")


RULE_BY_NAME = {r.name: r for r in RULES}
