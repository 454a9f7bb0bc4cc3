"""The rule table: one regex + one resolver per kind of time expression.

The same table serves detection (`finditer` over the text) and normalisation
(`fullmatch` over a single expression), so a span we find is a span we can value.
Patterns are matched case-insensitively on text whose whitespace runs are spaces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

from graph.extract.time import timex_anaphora as anaphora
from graph.extract.time import timex_dates as dates
from graph.extract.time import timex_deictic as deictic
from graph.extract.time import timex_durations as durations
from graph.extract.time import timex_holidays as holidays
from graph.extract.time import timex_lexicon as L
from graph.extract.time.timex_anchor import Ctx
from graph.extract.time.timex_values import Result

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


# ---------------------------------------------------------------- the table

M, WD, Y, D, N = L.MONTH, L.WEEKDAY, L.YEAR, L.DAY, L.NUMBER
_REL_YEAR = r"(?:the )?(?P<rel>this|last|next|previous|current|coming|following) year"
# A closing parenthesis belongs to the zone only if the zone opened one.
_TZ = (r"(?: ?(?P<par>\()?(?P<tz>utc|gmt|z|est|edt|cst|cdt|pst|pdt|cet|cest|bst)"
       r"(?: ?(?P<off>[+-−] ?\d{1,2})(?::?(?P<offm>\d\d))?)?(?(par)\))"
       # a zone named in words or by its US wire abbreviation: the clock stays local ("10 a.m. Pacific time")
       r"|(?P<zone> (?:et|pt|ct|mt|local time|(?:(?:pacific|eastern|central|mountain|atlantic)(?: (?:standard|daylight))?"
       r"|british summer|greenwich mean|moscow|japan|india|beijing) time)))")

RULES: list[Rule] = [
    Rule("iso", _compile(rf"(?P<y>{Y})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"), dates.iso),
    Rule("numeric", _compile(r"(?P<a>[01]?\d|[0-3]\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d\d)"), dates.numeric),
    Rule("full_date", _compile(
        rf"(?:{WD},? )?(?:(?P<mon>{M}) (?P<d>{D})|(?:the )?(?P<d_>{D}) (?:of )?(?P<mon_>{M})),? (?P<y>{Y})"
    ), lambda m, c: dates.full_date(_Swap(m), c)),
    Rule("month_day", _compile(
        rf"(?:{WD},? )?(?:(?P<mon>{M}) (?P<d>{D})|(?:the )?(?P<d_>{D}) (?:of )?(?P<mon_>{M}))"
    ), lambda m, c: dates.month_day(_Swap(m), c)),
    Rule("month_year", _compile(
        rf"{L.MOD}?(?P<mon>{M}),? (?:of )?(?:(?P<y>{Y})|(?:the )?(?P<rel>this|last|next|previous) year)"
    ), dates.month_year),
    Rule("week_of_month", _compile(
        rf"the (?P<ord>first|second|third|fourth|last|final) week of (?P<mon>{M})(?:,? (?P<y>{Y}))?"),
        dates.week_of_month),
    Rule("bare_month", _compile(rf"{L.MOD}?(?:(?P<rel>this|last|next|past) )?(?P<mon>{M})"), dates.bare_month),
    Rule("year", _compile(rf"{L.MOD}?(?:the (?:fiscal )?year |fiscal |fy ?)?(?P<y>{Y})"), dates.year),
    # a year before 1600 only after a preposition ("since 1415"), checked in timex_spans
    Rule("old_year", _compile(r"(?P<y>1[0-5]\d\d)"), dates.year),
    Rule("decade", _compile(
        rf"(?:the )?{L.MOD}?(?:(?P<full>(?:1[6-9]|20)\d0)|['’]?(?P<two>\d0))['’]?s"), dates.decade),
    Rule("quarter", _compile(
        rf"(?:(?:(?P<py>{Y})|(?P<prel>this|last|next) year)['’]s )?"
        r"(?:the )?(?:fiscal )?(?:(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[-\s](?:fiscal )?quarter"
        r"|q(?P<q>[1-4]))"
        rf"(?:,? (?:of )?(?:(?:fiscal )?(?P<y>{Y})|(?P<rel>(?:the )?(?:this|last|next|previous|current) year)))?"
    ), dates.quarter),
    Rule("half", _compile(
        rf"the (?P<ord>first|second) half(?: of (?:(?:fiscal )?(?P<y>{Y})|{_REL_YEAR}|the (?:fiscal )?year)|(?! of))"),
         dates.half),
    Rule("latest_quarter", _compile(r"the (?:latest|most recent) (?:quarter|fiscal quarter|reporting period|period)"),
         deictic.latest_quarter),
    Rule("the_quarter", _compile(r"the (?:fiscal )?quarter(?![-‑])"), anaphora.the_quarter),
    Rule("part_of_unit", _compile(
        r"(?:the (?:end|beginning|start|middle|rest|remainder) of the (?P<u>month|year|week|quarter|decade)"
        r"|(?P<ye>year[- ]end|end[- ]of[- ]year))"), deictic.part_of_unit),
    Rule("season", _compile(
        rf"(?:(?P<the>the )?(?P<rel>this|last|next|past|coming|early|late|mid-?) ?)?"
        rf"(?P<s>{L.SEASON})(?:,? (?:of )?(?P<y>{Y}))?"), dates.season),
    Rule("holiday", _compile(rf"(?P<h>{holidays.PATTERN})(?:,? (?P<y>{Y}))?"), holidays.holiday),
    Rule("century", _compile(r"(?:the )?(?P<n>\d{1,2})(?:st|nd|rd|th)[- ]century"), dates.century),
    Rule("unit_long", _compile(r"(?P<u>day|week|month|year|decade)-long"), durations.unit_long),
    # "in the year ended March 31": the twelve months up to that day, as "the six months ended Oct. 1"
    Rule("unit_ended", _compile(rf"the (?:fiscal |financial )?(?P<u>year|month|week)(?= (?:ended|ending|to) (?:{M}|\d))"),
         durations.unit_long),
    Rule("two_days_off", _compile(r"the day (?:after (?P<w>tomorrow)|before (?P<w_>yesterday))"),
         lambda m, c: deictic.two_days_off(_Swap(m), c)),
    Rule("today", _compile(r"(?:(?:earlier|later|early|late) )?(?P<w>today|yesterday|tomorrow|tonight)"),
         deictic.today),
    Rule("weekday", _compile(
        rf"(?:(?P<rel>last|next|this|past|coming|previous|following) )?(?P<wd>{WD})"
        rf"(?: (?P<part>{L.DAYPART}))?"), deictic.weekday),
    Rule("day_part", _compile(
        rf"(?:(?:early|late|later|earlier) )?(?:(?P<lead>this|yesterday|tomorrow|last) )?"
        rf"(?P<part>{L.DAYPART})"), deictic.day_part),
    Rule("later", _compile(rf"{L.APPROX}?(?P<n>{N}) (?P<u>{L.UNITS_PL})(?: or so)? "
                           r"(?P<dir>later|earlier|before(?=[,;.]|$)|after(?=[,;.]|$))"
                           r"(?P<than> than (?:(?:originally|first|initially|previously) )?"
                           r"(?:planned|expected|scheduled|anticipated|forecast|announced))?(?! than)"),
         anaphora.later),
    Rule("following", _compile(r"the (?:following (?P<u>day|week|month|year)|next (?P<u_>day))"),
         lambda m, c: anaphora.following(_Swap(m), c)),
    # "returned to profit the next year": in a past narrative, the year after the one the story gave
    Rule("the_next", _compile(r"the next (?P<u>week|month|year)"), deictic.the_next),
    Rule("whole_year", _compile(r"the (?:full|entire|whole)(?: fiscal| calendar)? year"), anaphora.whole_year),
    # "later in the day", "ended the day down 3%", "for the week": the unit the story is at (see timex_spans)
    Rule("in_the_unit", _compile(r"(?:(?P<dir>earlier|later|early|late) in )?the (?P<u>day|week|month|year)"
                                 r"(?! (?:before|after|earlier|previous|prior|of|that|when|ago|later|ended|ending|to)\b)"
                                 r"(?!['’-])"), anaphora.in_the_unit),
    # "Later that month", "late that night": a modifier does not change the value
    Rule("that_day", _compile(rf"(?:(?:earlier|later|early|late) )?"
                              rf"(?:(?P<rel>that|the same|the following|the next) (?:(?P<part>{L.DAYPART})|day"
                              rf"|(?P<unit>week|month|year)))(?! (?:one|two|\d))"),
         anaphora.that_day),

    Rule("year_previous", _compile(r"the (?:(?P<u>year|month|week|day) (?:before|previous|prior|earlier)"
                                   r"|(?:previous|prior|preceding) (?P<u_>year|month|week|day))"),
         lambda m, c: deictic.relative_word(_Swap(m), c)),
    Rule("relative", _compile(
        r"(?:(?:later|earlier|early|late|the end of|the beginning of|the start of|the middle of"
        r"|the rest of|the remainder of|the first half of|the second half of|the spring of"
        r"|the summer of|the fall of|the autumn of|the winter of) )?"
        r"(?:the )?(?P<rel>this|last|next|past|coming|previous|current|following)"
        r" (?P<u>week|weekend|month|year|quarter|decade)"), deictic.relative),
    Rule("the_weekend", _compile(r"the weekend"), deictic.the_weekend),
    Rule("ago", _compile(rf"(?:(?P<n>{N}) )?(?P<u>{L.UNITS_PL})(?: or so)? (?P<dir>ago|from now|hence)"), deictic.ago),
    Rule("same_period", _compile(
        r"the (?:same (?:month|week|period|quarter|time|day|year)(?: a year (?:ago|earlier)| last year"
        r"| of last year| the previous year| the year before)|year[- ](?:ago|earlier) (?:month|week|period|quarter))"),
         deictic.same_period),
    Rule("month_quarter", _compile(rf"the (?:{M} ?[-–] ?)?(?P<mon>{M}) quarter"), dates.month_quarter),
    Rule("duration", _compile(
        rf"(?:the )?(?:(?:past|last|next|coming|previous|first|final|following|remaining) )?"
        rf"{L.APPROX}?(?P<n>{N})[-\s](?:{L.COUNT_ADJ} )?(?P<u>{L.UNITS_PL})(?:[-\s]long)?"), durations.duration),
    Rule("vague_duration", _compile(
        r"(?:over )?(?:the )?(?:(?P<mod>past|last|next|coming|recent|previous|first|final) )?"
        r"(?P<u>years|months|weeks|decades|centuries|days|hours)(?:-long)?"), durations.vague_duration),
    Rule("set_word", _compile(r"(?P<w>annually|yearly|daily|nightly|weekly|monthly|hourly|quarterly"
                              r"|biweekly|annual)"), durations.set_word),
    Rule("every", _compile(rf"(?:every|each|per|a) (?:(?P<n>{N}|other) )?(?P<u>{L.UNIT}|{L.UNITS_PL})"), durations.every),
    Rule("every_named", _compile(
        rf"(?:(?:every|each) (?:(?P<wd>{WD})(?: (?P<part>{L.DAYPART}))?|(?P<s>{L.SEASON})|(?P<mon>{M}))"
        rf"|(?P<wds>{WD})s)"),
        durations.every_named),
    Rule("clock", _compile(
        rf"(?:(?P<wd0>{WD}),? )?(?:(?P<h>[0-2]?\d)(?:(?P<sep>[:.])(?P<mi>[0-5]\d))?"
        rf"(?: ?(?P<ap>a\.m\.|p\.m\.|a\.m|p\.m|am|pm)| o['’]clock)?"
        rf"(?: (?:in the (?P<dp>morning|afternoon|evening)|(?P<night>at night)))?|(?P<word>noon|midday|midnight)"
        r"|(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?= ?\(?(?:utc|gmt)\b))"
        rf"{_TZ}?(?:,? (?:(?:on )?(?P<wd>{WD})|(?P<dayword>today|yesterday|tomorrow)))?"), deictic.clock),
    Rule("ref", _compile(
        r"(?P<w>right now|now|currently|current|ongoing|at present|presently|nowadays|these days"
        r"|the present|at the moment|recently|recent|the past|lately|formerly|very soon|soon"
        r"|the future|the near future|the long term|the short term|long-term|short-term"
        r"|the long run)"), deictic.ref),
]


class _Swap:
    """View of a date match that hides which word order ("May 5" / "5 May") was used."""

    def __init__(self, m: re.Match):
        self._m = m

    def __getitem__(self, key: str):
        return self._m[key] or self._m.groupdict().get(key + "_")

    def __getattr__(self, name: str):  # .string, .start(), .group() of the match itself
        return getattr(self._m, name)


RULE_BY_NAME = {r.name: r for r in RULES}
