"""Near-duplicate candidates from the store, a few months at a time (not the whole store at start).

Wire copies of a story run within days of each other. So a run does not load the signatures of
every article already in the store (9 s per 100k articles, paid by every `tkg ingest`, however
small): before matching an article, it loads the articles of its publication month and the months
either side (`MONTHS_AROUND`), each month once per run, through the time index (`tkg:issuedDay`
links of the days of those months that hold articles, from the kept counts). A small ingest
into a large archive then reads what a small archive holds for those months.

The rule this makes: an article is matched against the store's articles published in its month
or the month before or after (at least 28 days either side), and against every article of the
run. A store without the time index (written before it, not migrated) is loaded whole, as before.
"""
from __future__ import annotations

import calendar
import logging
import time
from datetime import date, datetime
from typing import Optional

from graph.ingest.dedupe import StoryIndex
from graph.store import time_index

log = logging.getLogger(__name__)

MONTHS_AROUND = 1
MONTH_QUERY = """PREFIX tkg: <https://w3id.org/timeline-kg/ontology#>
SELECT ?a ?sig ?c WHERE { %s ?a tkg:minhash ?sig . OPTIONAL { ?a tkg:sameStoryAs ?c } }"""


def months_around(day: date, n: int = MONTHS_AROUND) -> list[tuple[int, int]]:
    """(year, month) of `day`'s month and the `n` months before and after it."""
    k = day.year * 12 + day.month - 1
    return [divmod(m, 12) for m in range(k - n, k + n + 1)]


class WindowedLoader:
    """Fills a StoryIndex from the store lazily, month by month, as articles of those months come in."""

    def __init__(self, store: object, index: StoryIndex, months: int = MONTHS_AROUND) -> None:
        self.store, self.index, self.months = store, index, months
        self.loaded: set[tuple[int, int]] = set()
        self.articles = 0  # signatures read from the store
        self.seconds = 0.0

    def ensure(self, published: datetime) -> int:
        """Load the months around `published` not loaded yet; returns the signatures read now."""
        n = 0
        for y, m0 in months_around(published.date(), self.months):
            if (y, m0) in self.loaded:
                continue
            self.loaded.add((y, m0))
            n += self.load_month(y, m0 + 1)
        return n

    def load_month(self, year: int, month: int) -> int:
        t = time.perf_counter()
        first, last = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        days = time_index.window_days(self.store, first, last, kind="articles")
        if not days:
            return 0
        rows = ((r["a"].value, r["sig"].value, r["c"].value if r["c"] is not None else None)
                for r in self.store.ox_query(  # type: ignore[attr-defined]
                    MONTH_QUERY % time_index.link_clause("?a", days, "issuedDay")))
        n = self.index.load(rows)
        self.articles += n
        self.seconds += time.perf_counter() - t
        log.debug("near-duplicate index: %d articles of %04d-%02d from the store", n, year, month)
        return n


def loader(store: object, index: StoryIndex) -> Optional[WindowedLoader]:
    """A windowed loader for `store`, or None after loading the whole store into `index` (no time index)."""
    if time_index.state(store).indexed:
        return WindowedLoader(store, index)
    t = time.perf_counter()
    n = index.load_store(store)
    if n:  # an empty store has no index yet either: nothing to say
        log.info("near-duplicate index: %d articles from the store in %.2f s (no time index: run `tkg migrate` "
                 "to load only the months around each article)", n, time.perf_counter() - t)
    return None
