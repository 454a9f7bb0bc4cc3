"""How much of the store an actor, place or type filter keeps, from range counts of its nodes' links.

A filtered page without a window is either read through the time index from the earliest day on
(time_index.sparse_page: a filter that keeps a tenth of the events fills a page of 50 from ~800
candidates) or found by ordering every event the filter keeps (each needs its begin and its class
looked up, ~0.1 ms apiece on a loaded 2-core machine: 0.5-0.7 s for a type of 6,778 events). Which is
cheaper depends on how many events the filter keeps: counted here, one range read of the index per
node (`?e sem:eventType <type>` for each of the type's codes, `?e sem:hasActor <actor>`,
`?e sem:hasPlace <place>` for the place and each place inside it), a few ms.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable, Optional

from graph.store import time_index
from graph.store.sparql_text import PREFIXES

COUNT = PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { VALUES ?x { %s } ?e %s ?x }"


def kept(store: Any, prop: str, nodes: list[str]) -> int:
    """Events linked by `prop` (a prefixed name) to one of `nodes` (as stated: mentions merged into a
    happening are not followed, which only an estimate can afford)."""
    if not nodes:
        return 0
    (row,) = store.ox_query(COUNT % (" ".join(f"<{n}>" for n in nodes), prop))
    return int(row["n"].value)


# A candidate read through the day links costs about half what ordering one of the filter's events
# costs (a day's events are one range read of the index; each match needs its begin and class looked
# up): the days are read while they would hold fewer than this many times the filter's events.
INDEX_COST = 2.0


def counts(store: Any, actors: Optional[list[str]], places: Optional[list[str]],
           types: Optional[list[str]]) -> list[int]:
    """The events each filter given keeps (`places`: the place and every place inside it)."""
    asked = (("sem:hasActor", actors), ("sem:hasPlace", places), ("sem:eventType", types))
    return [kept(store, prop, nodes) for prop, nodes in asked if nodes is not None]


def first_days_page(store: Any, counts: list[int], run: Callable[[list[str], int], list[Any]], limit: int,
                    offset: int) -> Optional[list[Any]]:
    """The page of filters that keep `counts` events each, without a window, read through the time index
    from the earliest day on (time_index.sparse_page, `run` reading days) when that reads fewer events than
    ordering every event they keep would; None when it would not (the caller then orders them all)."""
    got = share(counts, time_index.count(store) or 0)
    if got.matches == 0:  # nothing to order: the direct query is as cheap
        return None
    return time_index.sparse_page(store, limit, offset, run, got.share, INDEX_COST * got.matches)


@dataclass
class Share:
    """`matches`: the events of the filter that keeps fewest (what ordering every match would read);
    `share`: the part of all `total` events every filter keeps, taken as independent."""
    matches: int
    share: float


def share(counts: list[int], total: int) -> Share:
    """The Share of filters that keep `counts` events each, of a store of `total` events."""
    if not counts or total <= 0:
        return Share(0, 0.0)
    return Share(min(counts), math.prod(min(1.0, c / total) for c in counts))
