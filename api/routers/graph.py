"""The graph API over the cached networkx view: neighbours, paths, centrality, communities, snapshots.

Every request names its time window (`from`, `to`); the view for a window is built once
per store revision (graph.view.view.get) and the analytics results are memoised on it.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Literal, Optional

import networkx as nx
from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from graph.ids import id_of
from graph.store import dates, lookup
from graph.store.embedded import Store
from graph.store.queries import QueryError
from graph.store.state_periods import PeriodError, known
from graph.view import analytics
from graph.view import view as views
from graph.view.states import state_graph

from ..deps import get_store
from ..errors import ApiError

router = APIRouter(tags=["graph"])


# --- shared by the graph, actors, places and export routers ---

class Window(BaseModel):
    start: Optional[date] = None
    end: Optional[date] = None
    all_events: bool = False  # every event, not only occurrences and typed events


# Dates are strings parsed by graph.store.dates (one parser for every date filter): the pattern
# documents them in OpenAPI, while the parser's own messages say what is wrong.
_DATE_SCHEMA = {"pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}


def date_query(alias: str, description: str) -> Any:
    return Query(None, alias=alias, description=f"{description} YYYY, YYYY-MM or YYYY-MM-DD.",
                 json_schema_extra=_DATE_SCHEMA)


def invalid(e: dates.DateError) -> ApiError:
    return ApiError(422, "invalid request", [{"field": e.field, "message": str(e)}])


def window(start: Optional[str] = date_query("from", "Earliest day, inclusive: a year or month means its first day."),
           end: Optional[str] = date_query("to", "Latest day, inclusive: a year or month means its last day.")) -> Window:
    try:
        first, last = dates.window(start, end)
    except dates.DateError as e:
        raise invalid(e) from None
    return Window(start=first, end=last)


AllEvents = Query(False, alias="all", description="Every event: also reporting, state, perception, aspectual and "
                                                  "intensional events without a CAMEO type, and intended events "
                                                  "(default: occurrences and events with a CAMEO type, not intended).")


def events_window(w: Window = Depends(window), all_events: bool = AllEvents) -> Window:
    """The window of a route that shows events, with the `all` switch."""
    return Window(start=w.start, end=w.end, all_events=all_events)


def get_view(store: Store, w: Window) -> views.View:
    """The cached view, its adjacency matrix built with it: centrality on a cached view stays fast."""
    v = views.get(store, w.start, w.end, all_events=w.all_events)
    analytics.adjacency(v)
    return v


def page(items: list, limit: int, offset: int) -> tuple[list, Optional[int]]:
    """A slice and the offset of the next one (None at the end)."""
    return items[offset:offset + limit], offset + limit if len(items) > offset + limit else None


def node_id(store: Store, view: views.View, ref: str, field: str, w: Window) -> str:
    """The view's node for `ref` (an id, with or without its kind, or an IRI). 404 `not found` if no
    actor or place has that id, 404 `not in graph` if it has no event in the window."""
    ref = id_of(ref.strip().strip("/"))
    kinds = [k for k in ("actor", "place") if ref.startswith(f"{k}/")]
    candidates = [ref] if kinds else [lookup.full_id(k, ref) for k in ("actor", "place")]
    for c in candidates:
        if c in view.multi:
            return c
    known = [c for c in candidates if lookup.exists(store, c)]
    if not known:
        raise ApiError(404, "not found", f"{field}: no actor or place has the id {ref!r}")
    if w.start or w.end:
        span = f"between {w.start or 'the beginning'} and {w.end or 'now'}"
        raise ApiError(404, "not in graph", f"{field}: {known[0]} takes part in no event {span}")
    raise ApiError(404, "not in graph", f"{field}: {known[0]} takes part in no event (it is only mentioned)")


class StateEdges(BaseModel):
    """Whether to add state edges (graph/view/states.py), of which day, as known at what time."""
    on: bool = False
    at: Optional[str] = None  # a day (YYYY-MM-DD); None: now
    known_at: Optional[str] = None


StatesSwitch = Query(None, alias="states", description="Add state edges holder -> object (controls, present in, "
                                                       "holds office, in power) that held on `at`, as "
                                                       "`/api/v1/states` answers them. Default: on when `at` is given.")
KnownAt = Query(None, description="State edges as known at this day or ISO date-time (what had been recorded by "
                                  "then; events are not filtered by it).")


def state_edges(on: Optional[bool], at: Optional[date], known_at: Optional[str]) -> StateEdges:
    """The state-edge switch: on if asked, else on exactly when a day is given; `known_at` checked (422)."""
    if known_at:
        try:
            known(known_at)
        except PeriodError as e:
            raise ApiError(422, "invalid request", [{"field": e.field, "message": str(e)}]) from None
    return StateEdges(on=at is not None if on is None else on, at=at.isoformat() if at else None, known_at=known_at)


def states_of(store: Store, v: views.View, s: StateEdges) -> nx.MultiDiGraph:
    """The state edges `s` asks for alone (graph/view/states.py), memoised on the view."""
    try:  # `at` None is now: today's date in the key, so a view cached overnight asks again
        return v.memo(("states", s.at or date.today(), s.known_at), lambda: state_graph(store, s.at, s.known_at))
    except QueryError as e:
        raise ApiError(422, "invalid request", [{"field": e.field, "message": str(e)}]) from None


def with_states(store: Store, v: views.View, s: StateEdges) -> nx.MultiDiGraph:
    """The view's graph with the state edges `s` asks for: a copy (the cached view stays as the other
    routes use it), memoised on the view."""
    if not s.on:
        return v.multi
    states = states_of(store, v, s)

    def compute() -> nx.MultiDiGraph:
        g = v.multi.copy()
        g.add_nodes_from((n, d) for n, d in states.nodes(data=True) if n not in g)
        g.add_edges_from(states.edges(keys=True, data=True))
        return g

    return v.memo(("with-states", s.at or date.today(), s.known_at), compute)


Limit = Query(50, ge=1, le=10000, description="Page size.")
Offset = Query(0, ge=0, le=10**9, description="Items to skip (the previous page's next_offset).")


# --- response models ---

class Node(BaseModel):
    id: str
    label: str
    kind: str


class Edge(BaseModel):
    id: str
    source: str
    target: str
    kind: str
    event: Optional[str] = None
    label: Optional[str] = None
    event_type: Optional[str] = None
    date: Optional[str] = None
    weight: int = 1


class NeighborNode(Node):
    distance: int


class Neighborhood(BaseModel):
    node: Node
    depth: int
    nodes: list[NeighborNode]
    edges: list[Edge]
    limit: int
    offset: int
    next_offset: Optional[int] = None


class Hop(BaseModel):
    source: Node
    target: Node
    edges: list[Edge]


class Path(BaseModel):
    source: Node
    target: Node
    length: int
    hops: list[Hop]


class Ranked(Node):
    score: float
    events: int


class Centrality(BaseModel):
    measure: str
    nodes: list[Ranked]
    total: int
    limit: int
    offset: int
    next_offset: Optional[int] = None


class Community(BaseModel):
    id: int
    size: int
    members: list[Node]


class Communities(BaseModel):
    communities: list[Community]
    total: int
    limit: int
    offset: int
    next_offset: Optional[int] = None


class SnapshotNode(Node):
    first_seen: Optional[str] = None
    last_seen: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None


class SnapshotEdge(Edge):
    """An edge of the snapshot: an event's, or a state's (kind `state`) with its interval and fact."""
    model_config = ConfigDict(populate_by_name=True)
    relation: Optional[str] = Field(None, description="States: controls, presentIn, holdsOffice or inPower.")
    role: Optional[str] = Field(None, description="States: the office, for holdsOffice.")
    from_: Optional[str] = Field(None, alias="from", description="States: when it began (TIMEX3); null: open.")
    until: Optional[str] = Field(None, description="States: when it ended (TIMEX3); null: it still held.")
    confidence: Optional[float] = None
    recorded: Optional[str] = Field(None, description="States: when it was first recorded (UTC).")
    fact: Optional[str] = Field(None, description="States: the IRI of its (first) source fact, tkg:StateFact.")
    sources: Optional[int] = Field(None, description="States: how many articles state it.")


class Snapshot(BaseModel):
    at: date
    known_at: Optional[str] = None
    node_count: int
    edge_count: int
    nodes: list[SnapshotNode]
    edges: list[SnapshotEdge]
    limit: int
    offset: int
    next_offset: Optional[int] = None


# --- routes ---

@router.get("/graph/neighbors/{id:path}", response_model=Neighborhood,
            summary="Nodes within `depth` hops of an actor or place, and the events between them")
def neighbors(id: str, depth: int = Query(1, ge=1, le=3, description="Hops, either direction."),
              w: Window = Depends(events_window), limit: int = Limit, offset: int = Offset,
              store: Store = Depends(get_store)) -> Neighborhood:
    v = get_view(store, w)
    n = node_id(store, v, id, "id", w)
    hood = v.memo(("neighbors", n, depth), lambda: analytics.neighbors(v, n, depth))
    nodes, more_nodes = page(hood["nodes"], limit, offset)
    edges, more_edges = page(hood["edges"], limit, offset)
    return Neighborhood(node=analytics.node_info(v, n), depth=depth, nodes=nodes, edges=edges, limit=limit,
                        offset=offset, next_offset=more_nodes or more_edges)


@router.get("/graph/path", response_model=Path,
            summary="A shortest path between two nodes, with the events on each hop",
            responses={404: {"description": "Unknown node, or no path in the time window"}})
def shortest_path(source: str = Query(..., min_length=1, description="Actor or place id."),
                  target: str = Query(..., min_length=1, description="Actor or place id."),
                  w: Window = Depends(events_window), store: Store = Depends(get_store)) -> Path:
    v = get_view(store, w)
    s, t = node_id(store, v, source, "source", w), node_id(store, v, target, "target", w)
    hops = analytics.path(v, s, t)
    if hops is None:
        raise ApiError(404, "no path", f"{s} and {t} are not connected in this time window")
    return Path(source=analytics.node_info(v, s), target=analytics.node_info(v, t), length=len(hops), hops=hops)


@router.get("/graph/centrality", response_model=Centrality, summary="Nodes ranked by a centrality measure")
def centrality(measure: Literal["degree", "betweenness", "pagerank"] = Query("degree"),
               w: Window = Depends(events_window), limit: int = Query(20, ge=1, le=10000), offset: int = Offset,
               store: Store = Depends(get_store)) -> Centrality:
    v = get_view(store, w)
    ranked = analytics.centrality(v, measure)
    total = len(ranked.ids)
    return Centrality(measure=measure, nodes=ranked.page(v, limit, offset), total=total, limit=limit, offset=offset,
                      next_offset=offset + limit if total > offset + limit else None)


@router.get("/graph/communities", response_model=Communities,
            summary="Louvain communities (seeded, so the same store gives the same answer), largest first")
def communities(resolution: float = Query(1.0, gt=0, le=10, description="Louvain resolution: >1 smaller groups."),
                w: Window = Depends(events_window), limit: int = Limit, offset: int = Offset,
                store: Store = Depends(get_store)) -> Communities:
    found = analytics.communities(get_view(store, w), resolution)
    items, nxt = page(found, limit, offset)
    return Communities(communities=items, total=len(found), limit=limit, offset=offset, next_offset=nxt)


@router.get("/graph/snapshot", response_model=Snapshot,
            summary="The graph as it stood on a day: every event begun by then, and the states that held then "
                    "(who controlled, held office, was present or in power), nodes and edges paged")
def snapshot(at: str = Query(..., description="The day: YYYY, YYYY-MM or YYYY-MM-DD (a year or month means its "
                                               "last day).", json_schema_extra=_DATE_SCHEMA),
             states: Optional[bool] = StatesSwitch, known_at: Optional[str] = KnownAt,
             limit: int = Query(500, ge=1, le=10000), offset: int = Offset,
             store: Store = Depends(get_store)) -> Snapshot:
    try:
        day = dates.parse_day(at, end=True, field="at")
    except dates.DateError as e:
        raise invalid(e) from None
    s = state_edges(states, day, known_at)
    v = views.snapshot(store, day)
    g = v.multi
    sg = states_of(store, v, s) if s.on else nx.MultiDiGraph()  # merged here: no copy of a big view

    def edge_list() -> list[dict[str, Any]]:
        both = (e for h in (g, sg) for e in h.edges(keys=True, data=True))
        return sorted((analytics.edge_info(*e) for e in both), key=lambda e: (e["date"] or "", e["id"]))

    all_nodes = v.memo(("node-list", s.on, s.known_at), lambda: sorted(set(g) | set(sg)))
    all_edges = v.memo(("edge-list", s.on, s.known_at), edge_list)
    nodes, more_nodes = page(all_nodes, limit, offset)
    edges, more_edges = page(all_edges, limit, offset)
    return Snapshot(at=day, known_at=s.known_at if s.on else None, node_count=len(all_nodes),
                    edge_count=len(all_edges),
                    nodes=[{"id": n, **(g.nodes[n] if n in g else sg.nodes[n])} for n in nodes], edges=edges,
                    limit=limit, offset=offset, next_offset=more_nodes or more_edges)
