"""Words that look like times but are not, read from their context (used by ``timex_spans``).

- ages: "the 37-year-old pilot", "37 years old", "a 6-month-old son", "in his 30s";
- names: "Orion 1980", "Euro 2016" (a year right after a proper noun), "ABC's "This Week With ..."" (a
  capitalised "This Week" inside a sentence is a title);
- "one day" as an adverb of an undetermined future ("he hopes one day to fly"), not a length of one day;
- a part of the day naming a kind of thing after a possessive ("state TV's morning talk show").
"""
from __future__ import annotations

import re

from graph.extract.time import timex_lexicon as L

_CALENDAR_NAMES = {*L.MONTHS, *L.WEEKDAYS, *L.SEASONS, "christmas", "easter", "thanksgiving", "ramadan", "eid",
                   "hanukkah", "diwali", "passover", "halloween", "new"}
_POSSESSIVES = {"his", "her", "their", "its", "my", "your", "our", "whose"}
# words after which "one day" is a length of time ("for one day", "within one day") or a date ("on one day")
_ONE_DAY_CUES = {"for", "in", "within", "after", "than", "over", "about", "only", "just", "by", "of", "to", "on",
                 "at", "during", "nearly", "almost", "around", "least", "every", "each", "per", "first", "last",
                 "the", "a", "and", "or", "another"}
_AGE = re.compile(r"\s?-?\s?(?:old\b)|\s+of\s+age\b", re.I)


def is_age(text: str, m: re.Match, rule: str, prev: str) -> bool:
    """ "37-year-old", "37 years old", "in his 30s", "aged 37 years"."""
    if rule in ("duration", "vague_duration") and (_AGE.match(text, m.end()) or prev == "aged"):
        return True
    return rule == "decade" and prev in _POSSESSIVES  # "in his (early) 30s": the match holds "early"


# named days that are no weekday of the story ("Black Monday" of 1987, "Super Tuesday" primaries)
_NAMED_DAY = re.compile(r"\b(?:Black|Cyber|Super|Bloody|Blue|Manic|Giving)\s+$")


def is_name(text: str, m: re.Match, rule: str, doc) -> bool:
    """A year after a proper noun ("Orion 1980"), a title inside a sentence ("This Week With David Brinkley"),
    a named day ("Black Monday")."""
    if rule == "season" and m.group()[:1].isupper() and _capitalised_neighbour(text, m):
        return True  # "the Spring Festival", "the Arab Spring", "Summer Olympics"
    if rule == "weekday" and not m["rel"]:
        return bool(_NAMED_DAY.search(text[max(0, m.start() - 8):m.start()]))
    if rule == "year" and m.group().isdigit():
        if re.match(r"\s?[-–—]\s?\d\d", text[m.end():m.end() + 4]):
            return False  # "Jane Doe 1931-2019": a lifespan, two dates
        tok = _token_before(doc, m.start())
        return bool(tok is not None and tok.tag_ == "NNP" and tok.text[:1].isupper() and not tok.is_sent_start
                    and tok.lower_.rstrip(".") not in _CALENDAR_NAMES)
    if rule == "relative" and m.group()[:1].isupper():
        before = text[max(0, m.start() - 3):m.start()]
        inside = bool(before.strip()) and not re.search(r"[.!?:;\"“”'‘’(\n]\s*$", before)
        return inside or bool(re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]))  # "This Week With David Brinkley"
    return False


# words that open a sentence or a title before a season ("In Spring 2014", "Last Summer")
_LEADS = {"in", "by", "this", "last", "next", "the", "since", "during", "until", "early", "late", "mid", "of", "each",
          "every", "that", "a", "for", "from", "after", "before", "through"}


def _capitalised_neighbour(text: str, m: re.Match) -> bool:
    """A capitalised word right before (inside the sentence) or right after the match: the match is part of a name."""
    before = re.search(r"([\w.]+)(\s+)$", text[max(0, m.start() - 25):m.start()])
    inside = before is not None and not before.group(1).endswith(".") and "\n" not in before.group(2)
    after = re.match(r" +([A-Z][a-z]+)", text[m.end():m.end() + 20])
    return bool(inside and before.group(1)[:1].isupper() and before.group(1).lower() not in _CALENDAR_NAMES | _LEADS
                or after and after.group(1).lower() not in _CALENDAR_NAMES)


def is_generic(text: str, m: re.Match, rule: str, prev: str, doc) -> bool:
    """ "one day" as "some day" (an adverb before its verb: "he hopes he one day follows"); "TV's morning talk
    show"."""
    if rule == "duration" and m.group().lower() in ("one day", "some day") and prev not in _ONE_DAY_CUES:
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        day = span[-1] if span is not None else None
        if day is not None and day.head.pos_ in {"VERB", "AUX"} and day.head.i > day.i:
            return True
    return rule == "day_part" and not m["lead"] and bool(re.search(r"\w['’]s\s+$", text[max(0, m.start() - 6):m.start()]))


def _token_before(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    return doc[span.start - 1]
