"""Finding time expressions in a parsed document.

Every rule of `timex_rules` is run over the text; candidates are filtered by
their context (capitalisation, quantities that look like years, ...), valued,
and the longest non-overlapping ones kept. Values then get a second pass in
document order so that clock times and parts of day land on the day the
sentence talks about, and "the same month a year ago" finds its month.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from spacy.attrs import IDX

from graph.extract.text.doc_text import doc_text
from graph.extract.time import timex_anaphora as anaphora
from graph.extract.time import timex_lexicon as L
from graph.extract.time import timex_narrative as narrative
from graph.extract.time.timex_anchor import Ctx
from graph.extract.time.timex_calendar import value_to_date
from graph.extract.time.timex_context import is_age, is_generic, is_name
from graph.extract.time.timex_factors import factors
from graph.extract.time.timex_rules import RULES, Result, Rule

_NAME_RE = re.compile(rf"\b(?:{L.MONTH}|{L.WEEKDAY})(?!\w)", re.I)
# Words after which a bare "May"/"March" is the month, not the verb or the event.
_MONTH_CUES = {"in", "since", "by", "until", "till", "of", "early", "late", "mid", "last",
               "next", "this", "during", "from", "before", "after", "through", "to", "and",
               "or", "between", "on", "end", "its", "their", "for", "-"}
_VAGUE_CUES = {"for", "over", "in", "within", "after", "recent", "past", "coming", "many",
               "few", "several", "the", "of", "some", "two", "three"}
# words after a bare "days"/"hours" that make it a length of time ("hours after the blast", "days before the vote")
_VAGUE_AFTER = {"ago", "later", "earlier", "after", "before"}
_ANCHORED_RULES = {"clock", "day_part", "in_the_unit"}
# verbs and prepositions before a bare "the day/week/month/year" that make it the unit a figure is counted over
# ("ended the day down", "for the week", "throughout the day"); elsewhere, "during the day" included, the phrase is
# too often generic ("the day the wall fell", "schools open during the day") to date
_UNIT_CUES = {"for", "ended", "closed", "finished", "ending", "throughout", "end", "close", "finish"}
_ANAPHORIC_RULES = {"same_period", "year_previous", "later", "following", "the_quarter", "that_day", "the_next",
                    "whole_year"}
_SHIFTING_RULES = {"year_previous", "later", "following"}  # counted from the date before them
# valued only in the second pass, from the day named before ("that night"), or kept for it ("on Monday, the day
# before the fire": the date it stands beside)
_LATE_RULES = {"that_day", "year_previous"}
# Aspectual adverbs/adjectives ("currently under development", "its current models",
# "the formerly state-owned company") qualify a state rather than locate an event; MEANTIME
# mostly leaves them unannotated, so we only value them when asked (normalize).
_UNANCHORED_REFS = {"currently", "current", "formerly", "presently"}
# before a year written before 1600, which is otherwise a number ("since 1415", "in 1066")
_OLD_YEAR_CUES = {"in", "since", "until", "till", "by", "from", "before", "after", "of", "around", "circa", "c."}


@dataclass
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match
    result: Optional[Result] = None


def _prev_word(text: str, i: int) -> str:
    m = re.search(r"([\w$€£-]+)[^\w$€£-]*$", text[max(0, i - 30):i])
    return m.group(1).lower() if m else ""


def _next_word(text: str, i: int) -> str:
    m = re.match(r"\W*?([\w-]+)", text[i:i + 30])
    return m.group(1).lower() if m else ""


# a count and up to three lower-case words before "a day"/"an hour": "1,200 cars a day", "$5 an hour"
_COUNT_BEFORE = re.compile(r"(?:\d[\d.,]*|\b(?:once|twice|thrice|times))(?:\s+[a-z][\w-]*){1,3}\s+$")


def _rate_before(text: str, i: int, prev: str) -> bool:
    """What precedes position i makes "a <unit>" a rate (a TIMEX3 SET): a count right before it ("15 a year",
    "twice a week", "three a day") or a counted thing ("1,200 cars a day")."""
    if re.fullmatch(r"[\d.,]+|once|twice|times|thrice", prev) or prev in L.SMALL_NUMBERS:
        return True
    return bool(_COUNT_BEFORE.search(text, max(0, i - 40), i))


def _after_comma(text: str, i: int) -> bool:
    """Punctuation right before position i: what precedes belongs to another phrase."""
    return bool(re.search(r"[,;:.]\s*$", text[max(0, i - 3):i]))


_NUMBER_AROUND = re.compile(r"\s*(?:[-–]\s*\d|%|percent\b|per cent\b)", re.I)


def _names_capitalised(text: str, m: re.Match) -> bool:
    """Month and weekday names are proper nouns in edited news text."""
    return all(n.group()[0].isupper() for n in _NAME_RE.finditer(m.group()))


def _year_is_quantity(text: str, m: re.Match, doc) -> bool:
    """'2000 workers', '$2020', 'No. 1999' are numbers, not years."""
    before = text[max(0, m.start() - 4):m.start()]
    if re.search(r"[$€£#]\s*$|no\.\s*$|-$", before, re.I):
        return True
    tok = _token_after(doc, m.end())
    return bool(tok is not None and tok.tag_ == "NNS" and tok.text.islower()
                and tok.lower_ not in ("sales", "results", "earnings", "elections"))


def _token_after(doc, char: int):
    """The first token starting at or after `char` (token offsets rise through a doc: a bisection over them, not a
    walk that makes a Token object of every token before it)."""
    i = bisect.bisect_left(doc.to_array(IDX).tolist(), char)
    return doc[i] if i < len(doc) else None


def _context_ok(c: Candidate, text: str, doc) -> bool:
    m, name = c.match, c.rule.name
    if not _names_capitalised(text, m):
        return False
    prev, nxt = _prev_word(text, m.start()), _next_word(text, m.end())
    first = m.group().split()[0].lower()
    if name == "bare_month" and m.group().lower() in ("may", "march") and prev not in _MONTH_CUES:
        return False
    if name in ("year", "old_year") and m.group().isdigit() and _year_is_quantity(text, m, doc):
        return False
    if name == "in_the_unit" and not m["dir"] and prev not in _UNIT_CUES:
        return False
    if name == "old_year" and (prev not in _OLD_YEAR_CUES or _NUMBER_AROUND.search(text, m.end(), m.end() + 8)):
        return False
    if is_age(text, m, name, prev) or is_name(text, m, name, doc) or is_generic(text, m, name, prev, doc):
        return False
    if name == "every" and first in ("a", "an"):
        if _after_comma(text, m.start()):
            return False  # "in 1962, a year later": no "15 a year" across a comma
        return _rate_before(text, m.start(), prev)
    if name == "duration" and first in ("a", "an"):
        if _rate_before(text, m.start(), prev) and not _after_comma(text, m.start()):
            return False  # "15 a year", "1,200 cars a day" are frequencies (rule "every"); not "on March 14, a day after"
        if m["u"].lower().startswith("second"):
            return False  # "a second plant"
        if m["u"].lower().endswith("s") or m.group().lower().endswith("long"):
            return False  # "a decades-long feud", "a day-long meeting": the unit's own rules
    if name == "vague_duration" and m["u"].lower() in ("days", "hours") and not m["mod"]:
        # "for days", "within hours"; "the days" alone is too often a noun ("those were the days")
        return prev in _VAGUE_CUES - {"the"} and first != "the" or nxt in _VAGUE_AFTER
    if name == "vague_duration" and first not in ("over", "the", "recent", "past", "last", "next"):
        return prev in _VAGUE_CUES or nxt in _VAGUE_AFTER | {"of", "in"} or \
            m.group().lower().endswith("-long")
    if name == "duration" and first in ("a", "an") and m["u"].lower() == "quarter":
        return False  # "about a quarter of its dealers" is a fraction
    if name == "every_named" and m["wds"] and prev not in ("on", "most", "some", "all", "many", "other", "and", "or"):
        return False  # "on Mondays" recurs; "the band Sundays" is a name
    if name == "ref" and m["w"].lower() in _UNANCHORED_REFS:
        return False
    if name == "ref":
        if text[m.end():m.end() + 1] == "-":
            return False  # "the now-cancelled deal"
        if m.group().lower() == "soon" and prev == "as":
            return False
    return True


def _detection_text(text: str) -> str:
    """Same length as `text`, whitespace flattened so patterns can use plain spaces."""
    return re.sub(r"\s", " ", text)


def _tense_ctx(doc, c: Candidate, dct, tense_of) -> Ctx:
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is not None and span[0].sent.end < span.end:
        # the parser ended a sentence inside the expression ("at 10 a.m. | Pacific time on Wednesday"): the
        # expression belongs to the clause it starts in
        span = doc[span.start:span[0].sent.end]
    text = doc_text(doc)
    return Ctx(dct=dct, tense=tense_of(span) if span is not None else None, headline=_in_title(text, c.start))


def _in_title(text: str, char: int) -> bool:
    """On the title line of an article whose title is its first line: short, without a closing full stop (a
    wire story's first paragraph is no title)."""
    end = text.find("\n")
    return 0 <= char < end <= 150 and not text[:end].rstrip().endswith(".")


def _lowercase_twin(regex: re.Pattern) -> Optional[re.Pattern]:
    """The rule's pattern, case-sensitive, for lowercased text; None if it names an upper-case letter.

    Python's re tries a case-insensitive pattern that opens with a lookbehind at every position, with
    case folding at each step: on lowercased text the same pattern without re.I finds the same spans
    in ~60% of the time (2.2 -> 1.4 ms an article for all rules)."""
    if not regex.flags & re.IGNORECASE or re.search(r"[A-Z]", re.sub(r"\\.|\(\?P[<=]", "", regex.pattern)):
        return None
    return re.compile(regex.pattern, regex.flags & ~re.IGNORECASE)


_TWINS = {id(rule): _lowercase_twin(rule.regex) for rule in RULES}
# literals one of which each twin's every match contains (timex_factors): a rule whose literals the text lacks
# finds nothing, without the scan (~37 scans an article)
_FACTORS = {i: factors(twin) if twin is not None else None for i, twin in _TWINS.items()}


def _matches(rule: Rule, flat: str, lower: Optional[str]) -> list[re.Match]:
    """rule.regex.finditer(flat), found on the lowercased text when it can be (each match then taken
    again from the original pattern at the same place, so groups keep their case)."""
    twin = _TWINS.get(id(rule))
    if twin is None or lower is None:
        return list(rule.regex.finditer(flat))
    needed = _FACTORS.get(id(rule))
    if needed and not any(f in lower for f in needed):
        return []
    out = []
    for fast in twin.finditer(lower):
        m = rule.regex.match(flat, fast.start())
        if m is None or m.end() != fast.end():  # never seen; if it happens, the plain scan decides
            return list(rule.regex.finditer(flat))
        out.append(m)
    return out


def candidates(doc, dct, tense_of) -> list[Candidate]:
    """All rule matches that pass their context checks and get a value."""
    text = doc_text(doc)
    flat = _detection_text(text)
    lower = flat.lower()
    lower = lower if len(lower) == len(flat) else None  # "İ" lowercases to two characters
    out: list[Candidate] = []
    for rule in RULES:
        for m in _matches(rule, flat, lower):
            c = Candidate(m.start(), m.end(), rule, m)
            if not _context_ok(c, text, doc):
                continue
            c.result = rule.resolve(m, _tense_ctx(doc, c, dct, tense_of))
            if c.result is not None or rule.name in _LATE_RULES:
                out.append(c)
    return out


def select(cands: list[Candidate]) -> list[Candidate]:
    """Longest first, earlier rule on ties; no two kept spans overlap."""
    order = {id(r): i for i, r in enumerate(RULES)}
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), order[id(c.rule)], c.start))
    kept: list[Candidate] = []
    for c in ranked:
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _sentence_of(doc, char: int) -> Optional[tuple[int, int]]:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return None
    s = span[0].sent
    return s.start_char, s.end_char


_QUOTE = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


def _quotes(text: str) -> list[tuple[int, int]]:
    return [(q.start(), q.end()) for q in _QUOTE.finditer(text)]


def _quote_of(quotes: list[tuple[int, int]], char: int) -> Optional[tuple[int, int]]:
    return next((q for q in quotes if q[0] <= char < q[1]), None)


def _day_anchor(doc, c: Candidate, kept: list[Candidate], quotes: list[tuple[int, int]]):
    """The day a clock time / part of day belongs to: the nearest day-level date in the
    same sentence, else the last one before it in the document. A date inside a quotation
    that the time is not in counts only in its own sentence: quoted speech keeps the time of the
    speaker ("I dread looking at Wall Street tomorrow," he said; ... at midday the index fell)."""
    sent = _sentence_of(doc, c.start)
    days = [(k, value_to_date(k.result[1])) for k in kept if k is not c and k.result]
    days = [(k, d) for k, d in days if d is not None and k.rule.name not in _ANCHORED_RULES]
    if sent:
        same = [(abs(k.start - c.start), d) for k, d in days if sent[0] <= k.start < sent[1]]
        if same:
            return min(same)[1]
    own = _quote_of(quotes, c.start)
    before = [d for k, d in days if k.end <= c.start and _quote_of(quotes, k.start) in (None, own)]
    return before[-1] if before else None


def _era_today(doc, c: Candidate) -> bool:
    """"today's GM", "today's Russia": the present era, not the publication day."""
    if not re.search(r"today['’]s$", doc_text(doc)[c.start:c.end + 2], re.I):
        return False
    tok = _token_after(doc, c.end + 2)
    # "today's GM" (the name is the head), not "today's Taliban attack" (the name modifies the event)
    return tok is not None and tok.pos_ == "PROPN" and tok.dep_ != "compound"


def reresolve(doc, kept: list[Candidate], dct, tense_of) -> None:
    """Second pass: anchor clock times, give "the same month a year ago" its antecedent."""
    previous: Optional[str] = None
    text = doc_text(doc)
    quotes = _quotes(text)
    last: Optional[Candidate] = None
    period: Optional[tuple[str, int]] = None  # last quarter/half/month named, and its sentence
    starts = [s.start_char for s in doc.sents]
    prev_sent, prev_start = -1, 0  # sentence and offset of the date `previous`
    told = False  # `previous` was put in the year of the story's narrative
    for c in kept:
        sent = bisect.bisect_right(starts, c.start)
        base, moved = None, None
        if c.rule.name in ("later", "ago") and period and sent - period[1] <= 2:
            base = anaphora.compared_base(c.match, period[0])
        if base:
            c.result = base
        elif c.rule.name in _SHIFTING_RULES and _apposed(text, last, c):
            c.result = last.result  # "on Monday, the day before the attack": the same day, named twice
        elif c.rule.name in _ANCHORED_RULES or c.rule.name in _ANAPHORIC_RULES:
            ctx = _tense_ctx(doc, c, dct, tense_of)
            ctx.anchor = _day_anchor(doc, c, kept, quotes)
            ctx.previous = previous
            if c.rule.name in ("whole_year", "in_the_unit"):  # "for the full year": of the period just reported on
                ctx.previous = period[0] if period and sent - period[1] <= 2 else None
            c.result = c.rule.resolve(c.match, ctx) or c.result
        elif c.rule.name == "today" and _era_today(doc, c):
            c.result = ("DATE", "PRESENT_REF")
        elif _bare(c) and c.result and (prev_sent == sent - 1 or told and prev_sent == sent) \
                and not _spans_to_now(text, prev_start) and not _SINCE.search(text[max(0, c.start - 8):c.start]):
            # a date of the sentence before, or one this sentence already told in the story's year ("In May,
            # they struck; by August, they had won"); not a year of this sentence's relative clause ("Jones, who
            # joined in 1998, was named chief in March"); not a span to the present ("has escalated since August")
            tense = _tense_ctx(doc, c, dct, tense_of).tense
            if moved := narrative.narrative_value(c.result[1], previous, dct, tense):
                c.result = (c.result[0], moved)  # "The plant opened in 2009. In March, a fire ..."
        _one_calendar(doc, last, c, dct, tense_of)
        if c.result and c.result[0] == "DATE" and re.match(r"\d{4}", c.result[1]):
            previous, prev_sent, prev_start = c.result[1], sent, c.start
            told = moved is not None
            if anaphora.is_report_period(previous) and c.rule.name not in _ANAPHORIC_RULES | {"ago"} and not base:
                period = (previous, sent)  # the period reported on, not an earlier one it is compared with
        last = c
    kept[:] = [c for c in kept if c.result is not None]


_SINCE = re.compile(r"\b(?:since|until|till)\s+$", re.I)
_OPEN_SPAN = re.compile(r"\b(?:since|until|till|by|before|after|through)\s+(?:the\s+)?$", re.I)


def _spans_to_now(text: str, start: int) -> bool:
    """The date opens or closes a span ("since 1990", "until 2020"): it is no time the story is told at."""
    return bool(_OPEN_SPAN.search(text[max(0, start - 16):start]))


def _bare(c: Candidate) -> bool:
    """A month or a day of a month named without a year ("in March", "on Dec. 5", not "last March")."""
    if c.rule.name == "month_day":
        return True
    return c.rule.name == "bare_month" and not c.match["rel"]


def _one_calendar(doc, a: Optional[Candidate], b: Candidate, dct, tense_of) -> None:
    """The two ends of a range share a calendar ("from March to May 2012": March 2012)."""
    if a is None or not a.result or not b.result or a.rule.name not in ("bare_month", "month_day", "month_year",
                                                                          "full_date"):
        return
    text = doc_text(doc)
    if not narrative.range_partner(text, a.end, b.start) or b.rule.name not in ("bare_month", "month_day",
                                                                                 "month_year", "full_date"):
        return
    past = _tense_ctx(doc, b, dct, tense_of).tense == "past"
    first, second = narrative.range_values(a.result[1], b.result[1], _bare(a), _bare(b),
                                           narrative.opens_range(text, a.start), past, dct)
    a.result, b.result = (a.result[0], first), (b.result[0], second)


def _apposed(text: str, a: Optional[Candidate], b: Candidate) -> bool:
    """b stands in apposition to the date a ("March 3, two days later"; "2008, the year before")."""
    return bool(a is not None and a.result and a.result[0] == "DATE" and re.match(r"\d{4}", a.result[1])
                and re.fullmatch(r"\s*,\s*", text[a.end:b.start]))
