"""Time expressions (TIMEX3) in news text, normalised against the publication date.

Public API:
    find_timexes(doc, dct) -> list[Timex]   all time expressions of a spaCy Doc
    normalize(text, dct, tense=None)        (type, value, begin, end_value) or None
    interval(value)                          TIMEX3 value -> (begin, end) ISO datetimes

The grammar lives in `timex_rules` (the rule table), `timex_dates`, `timex_deictic` and
`timex_durations` (the rules' resolvers), `timex_values` (numbers, durations, month and day names),
`timex_lexicon` (words), `timex_anchor` (year/weekday choice), `timex_tense` (verb tense),
`timex_spans` (detection in a Doc) and `timex_calendar` (intervals).
Conventions follow TimeML/TIMEX3 as annotated in MEANTIME: "today" is the DCT,
a weekday equal to the DCT's is the DCT itself, "now" is PRESENT_REF, vague
durations are PXY/PXD, modifiers such as "early" do not change the value.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from dateutil.relativedelta import relativedelta

from graph.extract.model import Timex
from graph.extract.text.doc_text import doc_text
from graph.extract.time.timex_anchor import Ctx
from graph.extract.time.timex_calendar import interval
from graph.extract.time.timex_ranges import find_ranges
from graph.extract.time.timex_rules import RULES
from graph.extract.time.timex_spans import candidates, reresolve, select
from graph.extract.time.timex_tense import tense_of

__all__ = ["find_timexes", "normalize", "interval"]

Normalized = tuple[str, str, Optional[str], Optional[str]]

# Prepositions that introduce a time expression but are not part of it (MEANTIME spans).
_LEADING_PREP = re.compile(
    r"^(?:on|in|at|since|by|until|till|from|during|for|before|after|around|through|"
    r"between|of|to|throughout|within|as of)\s+", re.I)
_DURATION_RE = re.compile(r"P(?:T)?(\d+(?:\.\d+)?)(Y|M|W|D|H|S)")
_UNIT_DELTA = {"Y": "years", "W": "weeks", "D": "days", "H": "hours", "S": "seconds"}


def _iso_day(d: dt.datetime, end: bool = False) -> str:
    t = dt.time(23, 59, 59) if end else dt.time()
    return dt.datetime.combine(d.date(), t).isoformat()


def _duration_delta(value: str) -> Optional[relativedelta]:
    m = _DURATION_RE.fullmatch(value)
    if not m or "." in m[1]:
        return None
    n, unit = int(m[1]), m[2]
    if unit == "M":
        return relativedelta(minutes=n) if value.startswith("PT") else relativedelta(months=n)
    return relativedelta(**{_UNIT_DELTA[unit]: n})


def _bounds(text: str, ttype: str, value: str, dct: dt.datetime) -> tuple[Optional[str], Optional[str]]:
    """Interval for querying. Calendar values map directly; PRESENT_REF is the DCT's day,
    PAST_REF/FUTURE_REF are open on one side; "the past three years" ends at the DCT."""
    if value == "PRESENT_REF":
        return _iso_day(dct), _iso_day(dct, end=True)
    if value == "PAST_REF":
        return None, _iso_day(dct, end=True)
    if value == "FUTURE_REF":
        return _iso_day(dct), None
    if ttype == "DURATION":
        delta = _duration_delta(value)
        low = text.lower()
        if delta is not None and re.search(r"\b(past|last|previous)\b", low):
            return (dct - delta).replace(microsecond=0).isoformat(), _iso_day(dct, end=True)
        if delta is not None and re.search(r"\b(next|coming|following)\b", low):
            return _iso_day(dct), (dct + delta).replace(microsecond=0).isoformat()
        return None, None
    if ttype == "SET":
        return None, None
    return interval(value)


def normalize(text: str, dct: dt.datetime, tense: Optional[str] = None) -> Optional[Normalized]:
    """Value one time expression given on its own (leading prepositions are ignored)."""
    flat = re.sub(r"\s+", " ", text.strip()).strip(" ,;:")
    while (stripped := _LEADING_PREP.sub("", flat)) != flat:
        flat = stripped
    ctx = Ctx(dct=dct, tense=tense)
    for rule in RULES:
        m = rule.regex.fullmatch(flat)
        if m and (res := rule.resolve(m, ctx)):
            return (res[0], res[1], *_bounds(flat, res[0], res[1], dct))
    return None


def find_timexes(doc, dct: dt.datetime) -> list[Timex]:
    """All time expressions of `doc` (character offsets into doc.text), valued against `dct`."""
    kept = select(candidates(doc, dct, tense_of))
    reresolve(doc, kept, dct, tense_of)
    out, whole = [], doc_text(doc)
    for c in kept:
        ttype, value = c.result
        text = whole[c.start:c.end]
        out.append(Timex(c.start, c.end, text, ttype, value, *_bounds(text, ttype, value, dct)))
    out += find_ranges(whole, out)  # "between 2012 and 2014": a range over its two dates
    return sorted(out, key=lambda t: (t.start, -t.end))
