"""Wire datelines: "KHARTOUM, May 12, 2024 (AFP) - ", "BAMAKO (Reuters) — ", "Kidal, Mali (AP) -- ".

A dateline says where (and when) a story was filed. Its place is a location and its date a time
expression, but it is no part of the lead sentence: the parser would make "KHARTOUM, May 12, 2024
(AFP" the subject of "shelled". The dateline is its own sentence (``mark_sentence``, run before the
parser) and its tokens are never event triggers, arguments or antecedents (``dateline_tokens``).

Recognised at the start of one of the first paragraphs: a place in capitals ("GAZA STRIP") or in
title case ("Ouagadougou", "Goma"), optionally followed by a region/country ("Kidal, Mali",
"GOMA, Democratic Republic of Congo") and a date ("May 12, 2024", "Jan 25", "Feb. 3"), then an agency
in parentheses ("(AFP)", "(Reuters)", "(AP)") and a dash (-, --, –, —). A title-case place needs the
agency; a place in capitals may go without it when a date follows ("NEW YORK, May 3 —").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

from graph.extract.text.doc_text import doc_text

_L = r"[^\W\d_]"  # a letter, any script
_CAP_WORD = r"[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE'’.\-]*[A-Z\u00C0-\u00DE.]|[A-Z]"  # KHARTOUM, N'DJAMENA, U.S.
_CAP_PLACE = rf"(?:{_CAP_WORD})(?:[ \-](?:{_CAP_WORD}))" + "{0,3}"
_TITLE_WORD = rf"(?:[A-Z\u00C0-\u00DE]{_L}*(?:['’\-]{_L}+)*)"
_CONNECT = r"(?:of|the|and|de|du|des|la|le|el|al|d'|ez|es)"
_TITLE_PLACE = rf"{_TITLE_WORD}(?:[ \-](?:{_CONNECT}[ \-])*{_TITLE_WORD})" + "{0,4}"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = rf"{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
_AGENCY = r"\((?:[A-Z][\w.&'’\-]*)(?:\s[A-Z][\w.&'’\-]*){0,3}\)"
_DASH = r"(?:--|-|–|—|―)"

_DATELINE = re.compile(
    rf"(?P<place>{_CAP_PLACE}|{_TITLE_PLACE})"
    rf"(?P<region>(?:,[ \t]+(?!{_MONTH}\s+\d)(?:{_TITLE_PLACE}|{_CAP_PLACE}))" + "{0,2})"
    rf"(?:,?[ \t]+(?P<date>{_DATE}))?"
    rf"(?:[ \t]*(?P<agency>{_AGENCY}))?"
    rf"(?:[ \t]+|(?<=\))[ \t]*){_DASH}[ \t]*(?=\s*\S)"
)
# how far into the text a dateline may start (a headline, a byline and a blank line before it)
SEARCH_CHARS = 600


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int  # end of the dash and the spaces after it: where the lead sentence starts
    place: tuple[int, int]
    region: Optional[tuple[int, int]]  # "Mali" in "Kidal, Mali" (may name several, comma-separated)
    date: Optional[tuple[int, int]]
    agency: Optional[tuple[int, int]]


def find_dateline(text: str) -> Optional[Dateline]:
    """The dateline at the start of one of the text's first paragraphs (or lines), if any."""
    pos = 0
    limit = min(len(text), SEARCH_CHARS)
    while pos < limit:
        # skip blank space to the start of the next paragraph
        while pos < len(text) and text[pos].isspace():
            pos += 1
        m = _DATELINE.match(text, pos)
        if m is not None:
            d = _accept(m)
            if d is not None:
                return d
        nl = text.find("\n", pos)
        if nl < 0:
            break
        pos = nl + 1
    return None


def _accept(m: re.Match) -> Optional[Dateline]:
    place = m.group("place")
    caps = place.upper() == place and sum(ch.isalpha() for ch in place) >= 3
    if m.group("agency") is None and not (caps and m.group("date")):
        return None  # "Mali - a country in crisis", "UPDATE - ": without an agency, only "CITY, May 3 -"
    region = (m.start("region") + 1, m.end("region")) if m.group("region") else None
    if region is not None:
        s = region[0]
        while s < region[1] and m.string[s].isspace():
            s += 1
        region = (s, region[1])
    return Dateline(
        m.start(), m.end(), (m.start("place"), m.end("place")), region,
        (m.start("date"), m.end("date")) if m.group("date") else None,
        (m.start("agency"), m.end("agency")) if m.group("agency") else None,
    )


def doc_dateline(doc: Doc) -> Optional[Dateline]:
    """find_dateline on the doc's text, computed once per doc."""
    key = "tkg_dateline"
    if key not in doc.user_data:
        doc.user_data[key] = find_dateline(doc_text(doc))
    return doc.user_data[key]


def dateline_tokens(doc: Doc) -> frozenset[int]:
    """Indices of the tokens of the doc's dateline (the dash included)."""
    d = doc_dateline(doc)
    if d is None:
        return frozenset()
    return frozenset(t.i for t in doc if d.start <= t.idx < d.end)


def mark_sentence(doc: Doc) -> None:
    """Make the dateline its own sentence (before the parser): the lead sentence starts after the dash."""
    d = doc_dateline(doc)
    if d is None:
        return
    first = last = None
    for t in doc:
        if t.idx >= d.end and not t.is_space:
            last = t
            break
        if d.start <= t.idx < d.end and first is None:
            first = t
    if first is None or last is None:
        return
    first.is_sent_start = True
    for i in range(first.i + 1, last.i):
        doc[i].is_sent_start = False
    last.is_sent_start = True


# Wire credits, not story: "By Dawit Endeshaw" (a byline line), "(Reporting by X; Editing by Y)" (Reuters),
# "Associated Press writer X contributed to this report." (AP), and the "___" rule AP sets before it.
_CREDITS = re.compile(
    r"^[ \t]*(?:"
    r"By(?:[ \t]+(?:[A-Z][\w.'’\-]*|and|&|,))+"
    r"|\((?:Reporting|Writing|Additional reporting|Editing|Compiled|Produced)\b[^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)"
    r"|(?:The[ \t]+)?Associated[ \t]+Press[ \t]+(?:writers?|reporters?|journalists?|correspondents?)\b[^\n]*"
    r"contributed[^\n]*"
    r"|_{3,}"
    r")[ \t]*$", re.MULTILINE)


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the text's wire credit lines (bylines, reporting and editing credits)."""
    return [m.span() for m in _CREDITS.finditer(text)]


def credit_tokens(doc: Doc) -> frozenset[int]:
    """Indices of the tokens of the doc's credit lines: no event, argument, place or time comes from them."""
    spans = credit_spans(doc_text(doc))
    if not spans:
        return frozenset()
    return frozenset(t.i for t in doc if any(s <= t.idx < e for s, e in spans))
