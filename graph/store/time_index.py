"""The time index, read side: which days a window covers, and the kept counts per day.

Every event links to the day it begins (`?e tkg:beginDay <…/id/day/2008-03-15>`, the first ten
characters of its `sem:hasEarliestBeginTimeStamp`) and every article to the day it was issued
(`tkg:issuedDay`), in the article's own graph. A window is then a VALUES over its days joined
with that link (an index lookup per day on any SPARQL store: Oxigraph, Virtuoso, ...) before the
exact FILTER on the few candidates, instead of a FILTER over every event's date (a full scan:
no SPARQL store we use range-scans literals). The graph `INDEX_GRAPH` keeps, per day, how many
events begin and articles appear on it (graph/store/index_writes.py keeps them exact on every
write), so the API shows counts without counting, an open window knows its days, and a timeline
page knows which days hold it (offset 5,000 reads the days around the 5,000th event only).

A store written before the index has no `tkg:timeIndexVersion` in that graph: windows then fall
back to the FILTER over every event (correct, slow) until `tkg migrate` adds the links.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from graph.ids import DAY, INDEX_GRAPH, MONTH, ONTOLOGY

VERSION = 1
_I = f"<{INDEX_GRAPH}>"
_T = f"<{ONTOLOGY}"
_COUNTERS = f"VALUES ?p {{ {_T}eventCount> {_T}articleCount> }}"
_LINKS = f"VALUES ?p {{ {_T}beginDay> {_T}issuedDay> }}"

FLAGS = f"SELECT ?p ?o WHERE {{ GRAPH {_I} {{ {_I} ?p ?o }} }}"
# A month's (a day's) count is the sum of its records: the total, and any delta a write left unfolded.
KEPT_MONTHS = f"SELECT ?k ?p (SUM(?n) AS ?sum) WHERE {{ GRAPH {_I} {{ ?x {_T}month> ?k ; ?p ?n }} {_COUNTERS} }} GROUP BY ?k ?p"
KEPT_DAYS = f"SELECT ?k ?p (SUM(?n) AS ?sum) WHERE {{ %s GRAPH {_I} {{ ?x {_T}day> ?k ; ?p ?n }} {_COUNTERS} }} GROUP BY ?k ?p"
# The same, counted from the links themselves (while an update has left the kept counts stale).
COUNTED_MONTHS = (f"SELECT ?p (IRI(CONCAT(\"{MONTH}\", ?mk)) AS ?k) (COUNT(*) AS ?sum) "
                  f"WHERE {{ GRAPH ?g {{ ?s ?p ?d }} {_LINKS} }} GROUP BY ?p (SUBSTR(STR(?d), {len(DAY) + 1}, 7) AS ?mk)")
COUNTED_DAYS = f"SELECT ?k ?p (COUNT(*) AS ?sum) WHERE {{ %s GRAPH ?g {{ ?s ?p ?k }} {_LINKS} }} GROUP BY ?k ?p"
_KIND = {f"{ONTOLOGY}eventCount": "events", f"{ONTOLOGY}beginDay": "events",
         f"{ONTOLOGY}articleCount": "articles", f"{ONTOLOGY}issuedDay": "articles"}


@dataclass
class IndexState:
    """What the time-index graph says at one store revision: flags and counts per month, counts per
    day read for a month when a window needs it (so reading the state costs ~100 rows a year)."""
    indexed: bool = False  # every event and article links to its day (a new store, or migrated)
    stale: bool = False  # an update of unknown extent ran since: counts are counted from the links
    months: dict[str, dict[str, int]] = field(default_factory=lambda: {"events": {}, "articles": {}})
    days: dict[str, dict[str, int]] = field(default_factory=lambda: {"events": {}, "articles": {}})
    months_read: set[str] = field(default_factory=set)  # months whose days are in `days`


def day_key(d: date) -> str:
    return d.isoformat()


def _read(store: object, query: str, into: dict[str, dict[str, int]], prefix: str) -> None:
    for r in store.ox_query(query):  # type: ignore[attr-defined]
        k = r["k"].value
        if k.startswith(prefix) and r["sum"] is not None:
            into[_KIND[r["p"].value]][k[len(prefix):]] = int(r["sum"].value)


def state(store: object) -> IndexState:
    """The index state of `store`, read once per store revision (kept on the store object)."""
    revision = store.revision  # type: ignore[attr-defined]
    cached = getattr(store, "_time_index_state", None)
    if cached is not None and cached[0] == revision:
        return cached[1]
    st = IndexState()
    for r in store.ox_query(FLAGS):  # type: ignore[attr-defined]
        p = r["p"].value
        if p == f"{ONTOLOGY}timeIndexVersion":
            st.indexed = int(r["o"].value) >= VERSION
        elif p == f"{ONTOLOGY}countsStale":
            st.stale = r["o"].value in ("true", "1")
    if st.indexed:
        _read(store, COUNTED_MONTHS if st.stale else KEPT_MONTHS, st.months, MONTH)
    store._time_index_state = (revision, st)  # type: ignore[attr-defined]
    return st


def _month_days(m: str) -> list[str]:
    y, mo = int(m[:4]), int(m[5:7])
    return [f"{m}-{d:02d}" for d in range(1, calendar.monthrange(y, mo)[1] + 1)]


def day_counts(store: object, st: IndexState, months: list[str], kind: str = "events") -> dict[str, int]:
    """Counts of the days of `months` (read from the store the first time a month is asked for)."""
    todo = [m for m in months if m not in st.months_read]
    if todo:
        days = values("?k", [d for m in todo for d in _month_days(m)])
        _read(store, (COUNTED_DAYS if st.stale else KEPT_DAYS) % days, st.days, DAY)
        st.months_read.update(todo)
    return {d: n for m in months for d in _month_days(m) if (n := st.days[kind].get(d, 0))}


def _months(st: IndexState, lo: str, hi: str, kind: str) -> list[str]:
    """Months with a count that overlap the days [lo, hi], in order."""
    return sorted(m for m, n in st.months[kind].items() if n and m + "-01" <= hi and m + "-31" >= lo)


def _whole(m: str, lo: str, hi: str) -> bool:
    return lo <= m + "-01" and _month_days(m)[-1] <= hi


def _bounds(start: Optional[date], end: Optional[date]) -> tuple[str, str]:
    return (day_key(start) if start else "", day_key(end) if end else "\uffff")


def window_days(store: object, start: Optional[date], end: Optional[date], kind: str = "events") -> Optional[list[str]]:
    """The days of [start, end] (either open) holding events (or articles), in order; None when there
    is no window or the store has no time index (then callers filter every event's date)."""
    if start is None and end is None:
        return None
    st = state(store)
    if not st.indexed:
        return None
    lo, hi = _bounds(start, end)
    return sorted(d for d in day_counts(store, st, _months(st, lo, hi, kind), kind) if lo <= d <= hi)


def page_days(store: object, start: Optional[date], end: Optional[date], limit: int, offset: int,
              filtered: bool) -> tuple[Optional[list[str]], int]:
    """(the days a timeline page must read, the offset within them).

    Unfiltered, the kept counts say which days hold events offset..offset+limit-1 of the window
    (window or not): whole months are skipped by their totals, then the days of the month that
    holds the page are read; only those days are queried, whatever the store's size. With other
    filters (actor, place, type) every day of the window is a candidate. (None, offset): no index to use.
    """
    st = state(store)
    if not st.indexed or (filtered and start is None and end is None):
        return None, offset
    if filtered:
        return window_days(store, start, end), offset
    lo, hi = _bounds(start, end)
    skipped, taken, picked = 0, 0, []
    for m in _months(st, lo, hi, "events"):
        if not picked and _whole(m, lo, hi) and skipped + st.months["events"][m] <= offset:
            skipped += st.months["events"][m]
            continue
        for d, n in sorted(day_counts(store, st, [m]).items()):
            if not (lo <= d <= hi):
                continue
            if not picked and skipped + n <= offset:
                skipped += n
                continue
            picked.append(d)
            taken += n
            if skipped + taken >= offset + limit:
                return picked, offset - skipped
    return picked, offset - skipped


def values(var: str, days: list[str]) -> str:
    """`VALUES ?var { <day> ... }` for the days given."""
    return f"VALUES {var} {{ {' '.join(f'<{DAY}{d}>' for d in days)} }}"


def link_clause(subject: str, days: list[str], prop: str = "beginDay", var: str = "?_day") -> str:
    """The pattern that reaches `subject` through its day link: the days first, so a store joins from them."""
    return f"{values(var, days)}\n  {subject} <{ONTOLOGY}{prop}> {var} ."


def count(store: object, start: Optional[date] = None, end: Optional[date] = None, kind: str = "events") -> Optional[int]:
    """Events (or articles) whose day is in [start, end] from the kept counts; None without an index."""
    st = state(store)
    if not st.indexed:
        return None
    lo, hi = _bounds(start, end)
    months = _months(st, lo, hi, kind)
    edges = [m for m in months if not _whole(m, lo, hi)]
    inside = sum(st.months[kind][m] for m in months if _whole(m, lo, hi))
    return inside + sum(n for d, n in day_counts(store, st, edges, kind).items() if lo <= d <= hi)


# Without an index (a store not migrated yet): the same figures, counted from every date (slow).
SCANNED = ("SELECT (SUBSTR(STR(?b), 1, 10) AS ?d) (COUNT(*) AS ?n) WHERE { "
           "{ ?x <http://semanticweb.cs.vu.nl/2009/11/sem/hasEarliestBeginTimeStamp> ?b BIND (\"events\" AS ?k) } UNION "
           "{ ?x a <https://schema.org/NewsArticle> ; <http://purl.org/dc/terms/issued> ?b BIND (\"articles\" AS ?k) } "
           "FILTER (?k = \"%s\") } GROUP BY (SUBSTR(STR(?b), 1, 10))")


def histogram(store: object, start: Optional[date] = None, end: Optional[date] = None,
              by: str = "month", kind: str = "events") -> list[tuple[str, int]]:
    """(period, count) in order, for the periods of `by` (day, month or year) with a count: the kept
    counts (per month, or per day where a period needs days), or (a store without the index) a count
    over every date."""
    st = state(store)
    width = {"day": 10, "month": 7, "year": 4}[by]
    lo, hi = _bounds(start, end)
    if st.indexed:
        months = _months(st, lo, hi, kind)
        dayly = [m for m in months if by == "day" or not _whole(m, lo, hi)]
        counts = {m: st.months[kind][m] for m in months if m not in dayly}
        counts.update(day_counts(store, st, dayly, kind))
    else:
        counts = {r["d"].value: int(r["n"].value) for r in store.ox_query(SCANNED % kind)}  # type: ignore[attr-defined]
    out: dict[str, int] = {}
    for d, n in counts.items():
        if n and (len(d) == 7 or lo <= d <= hi):
            out[d[:width]] = out.get(d[:width], 0) + n
    return sorted(out.items())
