"""The time index, read side: which days a window covers, the kept counts per month, paging.

Every event links to the day it begins (`?e tkg:beginDay <…/id/day/2008-03-15>`, the first ten
characters of its `sem:hasEarliestBeginTimeStamp`) and every article to the day it was issued
(`tkg:issuedDay`), in the article's own graph. A window is then a VALUES over its days joined
with that link (an index lookup per day on any SPARQL store: Oxigraph, Virtuoso, ...) before the
exact FILTER on the few candidates, instead of a FILTER over every event's date (a full scan:
no SPARQL store we use range-scans literals). The graph `INDEX_GRAPH` keeps, per month, how many
events begin and articles appear in it (graph/store/index_writes.py keeps them exact on every
write): the API shows counts without counting, empty months are skipped, and a timeline page
skips whole months by their totals, then reads days from the month that holds it, a few at a
time (as many as should hold the page, judging by the month's total), whatever the store's size.

A filter without a window (actor, place, type, text) reads the days from the earliest on
(`sparse_page`) when the filter keeps enough of the events for that to read fewer than ordering all
its matches would (graph/store/filter_share.py decides); months with fewer events than days are read
by the days that hold events (`held_days`, counted once per store revision).

A store written before the index has no `tkg:timeIndexVersion` in that graph: windows then fall
back to the FILTER over every event (correct, slow) until `tkg migrate` adds the links. From version 3
on, the events the default timeline shows also link to their slot by `tkg:shownSlot` (graph/rdf/shown.py),
which its pages read instead of testing every candidate (`shown_clause`); a version-2 store tests them.
"""
from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Optional

from graph.ids import DAY, INDEX_GRAPH, MONTH, ONTOLOGY, SLOTS

# 1: day links; 2: and day slots (`tkg:beginSlot`, graph.ids.slot_key), which pages read; 3: and the slots of
# the events the default timeline shows (`tkg:shownSlot`, graph/rdf/shown.py), which its pages read instead;
# 4: and each shown event's page row in one literal (`tkg:row`, graph/store/page_rows.py)
VERSION = 4
_I = f"<{INDEX_GRAPH}>"
_T = f"<{ONTOLOGY}"
_LINKS = f"VALUES ?p {{ {_T}beginDay> {_T}issuedDay> }}"
_PROP = {"events": "beginDay", "articles": "issuedDay"}

FLAGS = f"SELECT ?p ?o WHERE {{ GRAPH {_I} {{ {_I} ?p ?o }} }}"
KEPT = (f"SELECT ?k ?p (SUM(?n) AS ?sum) WHERE {{ GRAPH {_I} {{ ?x {_T}month> ?k ; ?p ?n }} "
        f"VALUES ?p {{ {_T}eventCount> {_T}articleCount> }} }} GROUP BY ?k ?p")
KEPT_SOME = KEPT.replace("WHERE { ", "WHERE { %s ", 1)
# The same, counted from the links themselves (while an update has left the kept counts stale).
COUNTED = (f"SELECT ?p (IRI(CONCAT(\"{MONTH}\", ?mk)) AS ?k) (COUNT(*) AS ?sum) "
           f"WHERE {{ GRAPH ?g {{ ?s ?p ?d }} {_LINKS} }} GROUP BY ?p (SUBSTR(STR(?d), {len(DAY) + 1}, 7) AS ?mk)")
# Links of some days, counted (the days of a window's partial months; a histogram by day).
DAYS_COUNTED = "SELECT ?d (COUNT(*) AS ?n) WHERE { %s GRAPH ?g { ?s <%s> ?d } } GROUP BY ?d"
_KIND = {f"{ONTOLOGY}eventCount": "events", f"{ONTOLOGY}beginDay": "events",
         f"{ONTOLOGY}articleCount": "articles", f"{ONTOLOGY}issuedDay": "articles"}


@dataclass
class IndexState:
    """What the time-index graph says at one store revision: flags, and the month totals read so far
    (those of a bounded window's months only, or all of them: ~12 rows a year of dates)."""
    indexed: bool = False  # every event and article links to its day (a new store, or migrated)
    slotted: bool = False  # and every event to its day's slot (version 2): pages read a day a slot at a time
    shown: bool = False  # and every event the default timeline shows to its shown slot (version 3: shown_clause)
    rows: bool = False  # and every shown event has its page row (version 4: graph/store/page_rows.py), none stale
    stale: bool = False  # an update of unknown extent ran since: the counts are counted from the links
    months: dict[str, dict[str, int]] = field(default_factory=lambda: {"events": {}, "articles": {}})
    read: set[str] = field(default_factory=set)  # months whose totals are in `months`
    read_all: bool = False
    held: dict[str, list[str]] = field(default_factory=dict)  # a sparse month's days with events (held_days)


def day_key(d: date) -> str:
    return d.isoformat()


def state(store: Any) -> IndexState:
    """The index state of `store`, read once per store revision (kept on the store object)."""
    revision = store.revision
    cached = getattr(store, "_time_index_state", None)
    if cached is not None and cached[0] == revision:
        return cached[1]
    st = IndexState()
    version, rows_stale = 0, False
    for r in store.ox_query(FLAGS):
        p = r["p"].value
        if p == f"{ONTOLOGY}timeIndexVersion":
            version = max(version, int(r["o"].value))
            st.indexed, st.slotted, st.shown, st.rows = version >= 1, version >= 2, version >= 3, version >= 4
        elif p == f"{ONTOLOGY}countsStale":
            st.stale = r["o"].value in ("true", "1")
        elif p == f"{ONTOLOGY}rowsStale":
            rows_stale = r["o"].value in ("true", "1")
    st.rows = st.rows and not rows_stale  # an update may have changed what a row holds: EVENT_DETAILS until migrated
    store._time_index_state = (revision, st)
    return st


def _read_totals(store: Any, st: IndexState, months: Optional[list[str]]) -> None:
    """Read the totals of `months` (None: of every month) into `st`."""
    if months is None or st.stale:
        query, st.read_all = (COUNTED if st.stale else KEPT), True
    else:
        query = KEPT_SOME % values("?k", months, MONTH)
        st.read.update(months)
    for r in store.ox_query(query):
        k = r["k"].value
        if k.startswith(MONTH) and r["sum"] is not None:
            st.months[_KIND[r["p"].value]][k[len(MONTH):]] = int(r["sum"].value)


def _month_days(m: str) -> list[str]:
    y, mo = int(m[:4]), int(m[5:7])
    return [f"{m}-{d:02d}" for d in range(1, calendar.monthrange(y, mo)[1] + 1)]


def _months(store: Any, st: IndexState, lo: str, hi: str, kind: str) -> list[str]:
    """Months with a count that overlap the days [lo, hi], in order (their totals read if need be:
    a bounded window's months only, so a one-month window reads one month's totals)."""
    if not st.read_all:
        wanted = _calendar_months(lo, hi) if lo and hi != "\uffff" else None
        if wanted is None or len(wanted) > 240:
            _read_totals(store, st, None)
        elif set(wanted) - st.read:
            _read_totals(store, st, [m for m in wanted if m not in st.read])
    return sorted(m for m, n in st.months[kind].items() if n > 0 and m + "-01" <= hi and m + "-31" >= lo)


def _calendar_months(lo: str, hi: str) -> list[str]:
    first, last = int(lo[:4]) * 12 + int(lo[5:7]) - 1, int(hi[:4]) * 12 + int(hi[5:7]) - 1
    return [f"{k // 12:04d}-{k % 12 + 1:02d}" for k in range(first, min(last, first + 241) + 1)]


def _whole(m: str, lo: str, hi: str) -> bool:
    return lo <= m + "-01" and _month_days(m)[-1] <= hi


def _bounds(start: Optional[date], end: Optional[date]) -> tuple[str, str]:
    return (day_key(start) if start else "", day_key(end) if end else "\uffff")


def _days(months: list[str], lo: str, hi: str) -> list[str]:
    return [d for m in months for d in _month_days(m) if lo <= d <= hi]


def window_days(store: Any, start: Optional[date], end: Optional[date], kind: str = "events") -> Optional[list[str]]:
    """The calendar days of [start, end] (either open) in months that hold events (or articles), in
    order; None when there is no window or the store has no time index (callers then filter every
    event's date). A day without events costs one empty index lookup."""
    if start is None and end is None:
        return None
    st = state(store)
    if not st.indexed:
        return None
    lo, hi = _bounds(start, end)
    return _days(_months(store, st, lo, hi, kind), lo, hi)


Rows = list[Any]
# How many more events a page's first read takes than the month's average says it needs: the default
# timeline leaves out ~22% of the events (reporting verbs, mentions of a happening: queries.event_filter,
# measured on the bench's store), and a second read costs a whole query more (1.25 missed page 21 of a
# 100k-density month one time in two, 0.38 against 0.21 s).
MARGIN = 1.5


# The share of a day's events the shown slots hold (graph/rdf/shown.py): 0.64 and 0.67 of March 2008's events in the
# bench's 1k and 100k stores. A page read through them sizes its first read by it: with MARGIN alone, a first read
# of one slot of a 100k-density day fell short about one time in two, and a second read cost 2.4 ms more.
SHOWN_SHARE = 0.65


def page(store: Any, start: Optional[date], end: Optional[date], limit: int, offset: int,
         run: Callable[[list[str], int], Rows], filtered: bool = False, share: float = 1.0) -> Optional[Rows]:
    """Rows offset..offset+limit-1 of the window (either end open) in time order, through the index;
    None without one. `run(units, n)` answers the first n rows of those units (`link_clause`: whole
    days, `2008-03-01`, and slots of a day, `2008-03-01/7`) in time order.

    Whole months before the page are skipped by their totals (not when `run` filters the events
    further: the totals count them all); then the window's days are read from the first month left,
    each as its 17 slots in order (graph.ids.SLOTS: midnight events by their tie-breaking MD5's first
    digit, then events with a time of day), as many slots as should hold the rows wanted (by the
    month's average per day, with a MARGIN), two or four times as many each time they did not: any run that gives n rows
    gives the first n of the window, since every event of those slots comes before every event of
    the slots after them. A page of a big day thus sorts a sixteenth of it. A filter that matches
    little reads the whole window in the end (4/3 of one read of it, at worst). A store without slots
    (version 1, not migrated) is read by whole days. `share`: the part of the units' events `run` reaches
    (SHOWN_SHARE through the shown slots), which the first read's size allows for.
    """
    st = state(store)
    if not st.indexed:
        return None
    lo, hi = _bounds(start, end)
    months = _months(store, st, lo, hi, "events")
    while not filtered and months and _whole(months[0], lo, hi) and st.months["events"][months[0]] <= offset:
        offset -= st.months["events"][months.pop(0)]
    days = _days(months, lo, hi)
    if not days:
        return []
    need = offset + limit
    per_day = st.months["events"][months[0]] / len(_month_days(months[0]))
    width = len(SLOTS) if st.slotted else 1  # units a day is read in
    per_unit = share * per_day / (width - 1 if st.slotted else 1)  # the midnight slots hold most of a day
    total = len(days) * width
    k = min(total, max(1, math.ceil(MARGIN * need / max(per_unit, 0.1 / width))))
    while True:
        rows = run(units(days, k, width), need)
        if len(rows) >= need or k >= total:
            return rows[offset:need]
        k = min(total, (2 if 2 * len(rows) >= need else 4) * k)  # short by less than half: twice as many


def sparse_page(store: Any, limit: int, offset: int, run: Callable[[list[str], int], Rows],
                share: float, budget: float) -> Optional[Rows]:
    """Rows offset..offset+limit-1 of the whole time line kept by a filter expected to keep `share` of all
    events (its matches over the kept total), read from the earliest days on: whole months as long as their
    totals say they hold fewer candidates than the page needs (MARGIN × rows wanted / share), then as many
    days of the next month as its average day says; then the days after those, twice or four times as many
    candidates in all, while the page is not full. Every read's days come after the last one's, and a read
    short of its `n` rows gave all its days hold, so the rows of the reads, one after the other, are the
    rows of the time line in order. The days of a month with fewer events than days are its days that hold
    events (`held_days`): this store's 1952-2003 hold 900 events over 4,500 days, each an index lookup.
    None without an index, or when the candidates read would be more than `budget` (the caller then orders
    every event the filter keeps: a filter that keeps few events, or a page far from the start). A type of
    a tenth of the events fills its first page of 50 from ~1,000-3,000 candidates instead of ordering every
    one of its 6,778 events (bench/page.py's store)."""
    st = state(store)
    if not st.indexed or share <= 0:
        return None
    need = offset + limit
    want = MARGIN * need / share
    if want > budget:
        return None
    totals = st.months["events"]
    months = _months(store, st, "", "\uffff", "events")
    held = held_days(store, st, months)
    rows: Rows = []
    done = 0  # days read so far
    while want <= budget:
        days, whole = _first_days(months, totals, held, want)
        if len(days) > done:
            rows += run(days[done:], need - len(rows))
            done = len(days)
        if len(rows) >= need or whole:
            return rows[offset:need]
        want *= 2 if 2 * len(rows) >= need else 4
    return None


def held_days(store: Any, st: IndexState, months: list[str]) -> dict[str, list[str]]:
    """The days that hold events of each of `months` that has fewer events than days (counted from
    the links once per store revision, kept in `st`); the other months are not in the answer."""
    sparse = [m for m in months if m not in st.held and st.months["events"].get(m, 0) < len(_month_days(m))]
    if sparse:
        found: dict[str, list[str]] = {m: [] for m in sparse}
        for d in sorted(counted(store, _days(sparse, "", "\uffff"))):
            found[d[:7]].append(d)
        st.held.update(found)  # whole lists at once: other threads read them meanwhile
    return st.held


def warm(store: Any) -> None:
    """Read every month's totals and the days of the sparse months that hold events (held_days), as the
    first filtered page without a window would (at start-up: ~0.1-0.2 s on bench/page.py's store)."""
    st = state(store)
    if st.indexed:
        held_days(store, st, _months(store, st, "", "\uffff", "events"))


def _first_days(months: list[str], totals: dict[str, int], held: dict[str, list[str]],
                want: float) -> tuple[list[str], bool]:
    """The earliest days (of `held`'s lists where a month has one) whose months' totals add up to `want`
    events (the last month's days by its average day), and whether they are every day of `months`."""
    days: list[str] = []
    read = 0
    for i, m in enumerate(months):
        of_month = held.get(m) or _month_days(m)
        if read + totals[m] < want:
            days += of_month
            read += totals[m]
            continue
        k = min(len(of_month), math.ceil((want - read) * len(of_month) / totals[m]))
        return days + of_month[:k], k == len(of_month) and i == len(months) - 1
    return days, True


def units(days: list[str], k: int, width: int) -> list[str]:
    """The first k units of `days` read `width` units a day: whole days, then the first slots of the
    last day (`2008-03-01/0` ...) when k ends inside it."""
    whole, part = divmod(k, width)
    return days[:whole] + [f"{days[whole]}/{s}" for s in SLOTS[:part]] if part else days[:whole]


def values(var: str, days: list[str], base: str = DAY) -> str:
    """`VALUES ?var { <day> ... }` for the days (or months, with base=MONTH) given."""
    return f"VALUES {var} {{ {' '.join(f'<{base}{d}>' for d in days)} }}"


def link_clause(subject: str, days: list[str], prop: str = "beginDay", var: str = "?_day") -> str:
    """The pattern that reaches `subject` through its day link: the days first, so a store joins from them.
    Slots of a day (`2008-03-01/7`, from `units`) go through `tkg:beginSlot`, in a branch of their own."""
    slots = [d for d in days if "/" in d]
    if not slots:
        return f"{values(var, days)}\n  {subject} <{ONTOLOGY}{prop}> {var} ."
    whole = [d for d in days if "/" not in d]
    part = f"{{ {values(var + 's', slots)} {subject} <{ONTOLOGY}beginSlot> {var}s . }}"
    if not whole:
        return part
    return f"{{ {values(var, whole)} {subject} <{ONTOLOGY}{prop}> {var} . }} UNION {part}"


# A whole day through its shown slots is 17 index lookups, through its day link one and then the filter's four or
# five per event: the slots pay from ~4 events a day on. Sparse months (the bench's 1952-2003: 900 events over
# 4,500 days) are read by the filter: through the slots, the first page without a window cost 0.26 s, not 0.04 s.
SHOWN_DAY_MIN = 4.0


def shown_clause(store: Any, subject: str, days: list[str], var: str = "?_shown") -> Optional[str]:
    """What link_clause reaches, kept to the events the default timeline shows (a store of version 3): their
    `tkg:shownSlot` links, a whole day as its 17 slots (graph.ids.SLOTS), a slot (`2008-03-01/7`) as itself.
    None when a whole day is of a month that averages fewer than SHOWN_DAY_MIN events a day (or whose total
    is not read): the caller then tests each event."""
    totals = state(store).months["events"]
    if any("/" not in d and totals.get(d[:7], 0) < SHOWN_DAY_MIN * len(_month_days(d[:7])) for d in days):
        return None
    slots = [u for d in days for u in ([d] if "/" in d else [f"{d}/{s}" for s in SLOTS])]
    return f"{values(var, slots)}\n  {subject} <{ONTOLOGY}shownSlot> {var} ."


def count(store: Any, start: Optional[date] = None, end: Optional[date] = None, kind: str = "events") -> Optional[int]:
    """Events (or articles) whose day is in [start, end]: kept totals for whole months, the links of
    the days of a partial month counted; None without an index."""
    st = state(store)
    if not st.indexed:
        return None
    lo, hi = _bounds(start, end)
    months = _months(store, st, lo, hi, kind)
    edges = [m for m in months if not _whole(m, lo, hi)]
    inside = sum(st.months[kind][m] for m in months if m not in edges)
    return inside + sum(counted(store, _days(edges, lo, hi), kind).values())


def counted(store: Any, days: list[str], kind: str = "events") -> dict[str, int]:
    """Events (or articles) of each of `days`, counted from the links (∝ what those days hold)."""
    if not days:
        return {}
    rows = store.ox_query(DAYS_COUNTED % (values("?d", days), ONTOLOGY + _PROP[kind]))
    return {r["d"].value[len(DAY):]: int(r["n"].value) for r in rows}


# Without an index (a store not migrated yet): the same figures, counted from every date (slow).
SCANNED = ("SELECT (SUBSTR(STR(?b), 1, 10) AS ?d) (COUNT(*) AS ?n) WHERE { "
           "{ ?x <http://semanticweb.cs.vu.nl/2009/11/sem/hasEarliestBeginTimeStamp> ?b BIND (\"events\" AS ?k) } UNION "
           "{ ?x a <https://schema.org/NewsArticle> ; <http://purl.org/dc/terms/issued> ?b BIND (\"articles\" AS ?k) } "
           "FILTER (?k = \"%s\") } GROUP BY (SUBSTR(STR(?b), 1, 10))")


def histogram(store: Any, start: Optional[date] = None, end: Optional[date] = None,
              by: str = "month", kind: str = "events") -> list[tuple[str, int]]:
    """(period, count) in order, for the periods of `by` (day, month or year) with a count: kept
    month totals (days counted from the links where a period needs days), or (a store without the
    index) a count over every date."""
    st = state(store)
    width = {"day": 10, "month": 7, "year": 4}[by]
    lo, hi = _bounds(start, end)
    if st.indexed:
        months = _months(store, st, lo, hi, kind)
        dayly = [m for m in months if by == "day" or not _whole(m, lo, hi)]
        counts = {m: st.months[kind][m] for m in months if m not in dayly}
        counts.update(counted(store, _days(dayly, lo, hi), kind))
    else:
        counts = {r["d"].value: int(r["n"].value) for r in store.ox_query(SCANNED % kind)}
    out: dict[str, int] = {}
    for d, n in counts.items():
        if n and (len(d) == 7 or lo <= d <= hi):
            out[d[:width]] = out.get(d[:width], 0) + n
    return sorted(out.items())
