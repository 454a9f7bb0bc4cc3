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

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from graph.ids import DAY, INDEX_GRAPH, ONTOLOGY

VERSION = 1
_I = f"<{INDEX_GRAPH}>"
_T = f"<{ONTOLOGY}"

FLAGS = f"SELECT ?p ?o WHERE {{ GRAPH {_I} {{ {_I} ?p ?o }} }}"
# A day's count is the sum of its records: the total, and any delta a write left unfolded.
KEPT = (f"SELECT ?d ?p (SUM(?n) AS ?sum) WHERE {{ GRAPH {_I} {{ ?x {_T}day> ?d ; ?p ?n }} "
        f"VALUES ?p {{ {_T}eventCount> {_T}articleCount> }} }} GROUP BY ?d ?p")
# What the kept counts say, counted from the links themselves (while they are marked stale).
COUNTED = (f"SELECT ?d ?p (COUNT(*) AS ?sum) WHERE {{ GRAPH ?g {{ ?s ?p ?d }} "
           f"VALUES ?p {{ {_T}beginDay> {_T}issuedDay> }} }} GROUP BY ?d ?p")
_KIND = {f"{ONTOLOGY}eventCount": "events", f"{ONTOLOGY}beginDay": "events",
         f"{ONTOLOGY}articleCount": "articles", f"{ONTOLOGY}issuedDay": "articles"}


@dataclass
class IndexState:
    """What the time-index graph says at one store revision."""
    indexed: bool = False  # every event and article links to its day (a new store, or migrated)
    stale: bool = False  # an update of unknown extent ran since: the counts below were counted
    events: dict[str, int] = field(default_factory=dict)  # day (YYYY-MM-DD) -> events beginning on it
    articles: dict[str, int] = field(default_factory=dict)  # day -> articles issued on it

    def days(self, kind: str = "events") -> list[str]:
        """The days with at least one event (or article), in order."""
        counts = self.events if kind == "events" else self.articles
        return sorted(d for d, n in counts.items() if n > 0)


def day_key(d: date) -> str:
    return d.isoformat()


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
        for r in store.ox_query(COUNTED if st.stale else KEPT):  # type: ignore[attr-defined]
            d = r["d"].value
            if d.startswith(DAY) and r["sum"] is not None:
                getattr(st, _KIND[r["p"].value])[d[len(DAY):]] = int(r["sum"].value)
    store._time_index_state = (revision, st)  # type: ignore[attr-defined]
    return st


def window_days(store: object, start: Optional[date], end: Optional[date], kind: str = "events") -> Optional[list[str]]:
    """The days of [start, end] (either open) holding events (or articles), in order; None when there
    is no window or the store has no time index (then callers filter every event's date)."""
    if start is None and end is None:
        return None
    st = state(store)
    if not st.indexed:
        return None
    days = st.days(kind)
    lo = bisect_left(days, day_key(start)) if start else 0
    hi = bisect_right(days, day_key(end)) if end else len(days)
    return days[lo:hi]


def page_days(store: object, start: Optional[date], end: Optional[date], limit: int, offset: int,
              filtered: bool) -> tuple[Optional[list[str]], int]:
    """(the days a timeline page must read, the offset within them).

    Unfiltered, the kept counts say which days hold events offset..offset+limit-1 of the window
    (window or not): only those are read, whatever the store's size. With other filters (actor,
    place, type) every day of the window is a candidate. (None, offset): no index to use.
    """
    st = state(store)
    if not st.indexed or (filtered and start is None and end is None):
        return None, offset
    days = window_days(store, start, end) if (start or end) else st.days()
    assert days is not None
    if filtered:
        return days, offset
    skipped, i = 0, 0
    while i < len(days) and skipped + st.events[days[i]] <= offset:
        skipped += st.events[days[i]]
        i += 1
    taken, j = 0, i
    while j < len(days) and offset - skipped + limit > taken:
        taken += st.events[days[j]]
        j += 1
    return days[i:j], offset - skipped


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
    counts = st.events if kind == "events" else st.articles
    lo, hi = day_key(start) if start else "", day_key(end) if end else "\uffff"
    return sum(n for d, n in counts.items() if lo <= d <= hi)


# Without an index (a store not migrated yet): the same figures, counted from every date (slow).
SCANNED = ("SELECT (SUBSTR(STR(?b), 1, 10) AS ?d) (COUNT(*) AS ?n) WHERE { "
           "{ ?x <http://semanticweb.cs.vu.nl/2009/11/sem/hasEarliestBeginTimeStamp> ?b BIND (\"events\" AS ?k) } UNION "
           "{ ?x a <https://schema.org/NewsArticle> ; <http://purl.org/dc/terms/issued> ?b BIND (\"articles\" AS ?k) } "
           "FILTER (?k = \"%s\") } GROUP BY (SUBSTR(STR(?b), 1, 10))")


def histogram(store: object, start: Optional[date] = None, end: Optional[date] = None,
              by: str = "month", kind: str = "events") -> list[tuple[str, int]]:
    """(period, count) in order, for the periods of `by` (day, month or year) with a count: the kept
    counts, or (a store without the index) a count over every date."""
    st = state(store)
    width = {"day": 10, "month": 7, "year": 4}[by]
    if st.indexed:
        counts = st.events if kind == "events" else st.articles
    else:
        counts = {r["d"].value: int(r["n"].value) for r in store.ox_query(SCANNED % kind)}  # type: ignore[attr-defined]
    lo, hi = day_key(start) if start else "", day_key(end) if end else "\uffff"
    out: dict[str, int] = {}
    for d, n in counts.items():
        if lo <= d <= hi and n:
            out[d[:width]] = out.get(d[:width], 0) + n
    return sorted(out.items())
