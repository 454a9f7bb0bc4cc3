"""State-fact edges for the view: who controlled a place, held an office, was present or in power on a day.

`add_states(g, store, at, known_at)` adds to a view one edge holder -> object per state that held on
`at` (None: now), as recorded by `known_at` (None: everything recorded): the answer of
graph.store.states.states, the query `GET /api/v1/states` runs, so the view, the exports and REST
always agree. Holders and objects not yet in the view become nodes (label and kind from the state);
`state_graph` gives the state edges alone, for a caller that merges them itself.

A state edge has `kind` "state", `label` its relation in words ("controls", "present in",
"holds office (head)", "in power"), `relation` (the API name: controls, presentIn, holdsOffice,
inPower), `role` (offices), `from`/`until` (TIMEX3 values; absent: an open start, still holding),
`date`/`end` (the days those bound: the first day of `from`, the last of `until`; what GEXF spells
and snapshot sorting use), `confidence`, `recorded` (when it was first recorded, UTC), `fact` (the IRI of
its first source fact; the edge key is that fact's id), `sources` (how many articles' statements).

>>> from graph.store import Store   # doctest: +SKIP
>>> add_states(build(Store(), end=date(2023, 11, 20)), Store(), "2023-11-20")   # doctest: +SKIP
"""
from __future__ import annotations

from typing import Any, Optional

import networkx as nx

from graph.ids import BASE
from graph.store import states as state_queries
from graph.store.state_periods import PeriodError, period

STATE = "state"  # the edge kind
LABELS = {"controls": "controls", "presentIn": "present in", "holdsOffice": "holds office", "inPower": "in power"}


def state_graph(store: Any, at: Optional[str] = None, known_at: Optional[str] = None) -> nx.MultiDiGraph:
    """The state edges of `at` as known at `known_at` alone, with their holders and objects as nodes.
    Raises graph.store.queries.QueryError (naming `at` or `known_at`) for a date it cannot read."""
    g = nx.MultiDiGraph()
    for s in state_queries.states(store, at=at, known_at=known_at):
        holder, obj = s["holder"], s["object"]
        for ref in (holder, obj):
            g.add_node(ref["id"], label=ref.get("label") or ref["id"], kind=_kind(ref["id"]))
        key, attrs = edge(s)
        g.add_edge(holder["id"], obj["id"], key=key, **attrs)
    return g


def add_states(g: nx.MultiDiGraph, store: Any, at: Optional[str] = None, known_at: Optional[str] = None) -> int:
    """Add the state edges of `at` as known at `known_at` to the view `g` (in place); the number added.
    A node the view already has keeps its own attributes."""
    states = state_graph(store, at, known_at)
    g.add_nodes_from((n, d) for n, d in states.nodes(data=True) if n not in g)
    g.add_edges_from(states.edges(keys=True, data=True))
    return states.number_of_edges()


def edge(state: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The key and attributes of one state (a row of graph.store.states.states) as a view edge."""
    first = state["sources"][0]["fact"] if state["sources"] else None
    relation, role = state["relation"], state.get("role")
    label = LABELS.get(relation, relation) + (f" ({role})" if role else "")
    attrs = {"kind": STATE, "label": label, "relation": relation, "role": role,
             "from": state["from"], "until": state["until"],
             "date": _day(state["from"], end=False), "end": _day(state["until"], end=True),
             "confidence": state["confidence"], "recorded": state["recorded"],
             "fact": BASE + first if first else None, "sources": len(state["sources"])}
    key = first or f"state:{state['holder']['id']}|{relation}|{state['object']['id']}|{role or ''}"
    return key, {k: v for k, v in attrs.items() if v is not None}  # absent, not null: exports skip no values


def _day(value: Optional[str], end: bool) -> Optional[str]:
    """The first (or last) day a TIMEX3 value covers (YYYY, YYYY-MM, YYYY-MM-DD); None if open or coarser."""
    if not value:
        return None
    try:
        first, last = period(value[:10])
    except PeriodError:  # a week, a season, a decade: no day to put on a timeline
        return None
    return (last if end else first)[:10]


def _kind(node: str) -> str:
    return "place" if node.startswith("place/") else "actor"
