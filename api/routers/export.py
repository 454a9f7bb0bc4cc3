"""Exports of the graph view, one route a format of graph/export/formats.py: `/export/{format}`.

GraphML and dynamic GEXF for Gephi, graphology JSON, networkx node-link JSON, and CSV with the
nodes and the edges (`?table=nodes|edges` for one of them alone). `at=D` exports the graph as it stood
on D (events begun by then) with the state edges that held then (graph/view/states.py).
"""
from __future__ import annotations

import io
from typing import Annotated, Callable, Literal, Optional

import networkx as nx
from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from graph.export.csv_table import write_csv
from graph.export.formats import FORMATS, Format
from graph.store import dates
from graph.store.embedded import Store
from graph.view import view as views

from ..deps import get_store
from ..errors import ApiError
from .graph import (
    KnownAt,
    StateEdges,
    StatesSwitch,
    Window,
    date_query,
    events_window,
    invalid,
    state_edges,
    with_states,
)

router = APIRouter(tags=["export"])


Events = Annotated[bool, Query(description="Events as nodes (actor -> event -> actor, event -> place).")]
CoMentions = Annotated[bool, Query(description="Add co-mention edges weighted by sentences.")]
Table = Annotated[Literal["all", "nodes", "edges"], Query(
    description="`all`: nodes then edges, a `row` column saying which; `nodes` or `edges`: that table alone.")]


class Export(Window):
    states: StateEdges = StateEdges()


def export_window(w: Window = Depends(events_window),
                  at: Optional[str] = date_query("at", "The graph as it stood on this day (events begun by then: "
                                                       "the window's end, so not with `to`) and the states that "
                                                       "held then; a year or month means its last day."),
                  states: Optional[bool] = StatesSwitch, known_at: Optional[str] = KnownAt) -> Export:
    day = None
    if at:
        try:
            day = dates.parse_day(at, end=True, field="at")
        except dates.DateError as e:
            raise invalid(e) from None
        if w.end is not None:
            raise ApiError(422, "invalid request", [{"field": "at", "message": "give `at` or `to`, not both: "
                                                     "`at` is the day the graph stood, the window's end"}])
        if w.start is not None and w.start > day:
            raise ApiError(422, "invalid request", [{"field": "from", "message": f"'from' is after 'at' ({at})"}])
    return Export(start=w.start, end=day or w.end, all_events=w.all_events, states=state_edges(states, day, known_at))


def _graph(w: Export, events: bool, co_mentions: bool, store: Store) -> nx.MultiDiGraph:
    kinds = views.KINDS if events else views.DEFAULT_KINDS
    return with_states(store, views.get(store, w.start, w.end, kinds, co_mentions, w.all_events), w.states)


def _file(spec: Format, write: Callable[[io.BytesIO], None], suffix: str) -> Response:
    buf = io.BytesIO()
    write(buf)
    return Response(buf.getvalue(), media_type=spec.media_type,
                    headers={"Content-Disposition": f'attachment; filename="timeline-kg.{suffix}"'})


def _route(fmt: str) -> None:
    spec = FORMATS[fmt]

    def export(w: Export = Depends(export_window), events: Events = False, co_mentions: CoMentions = False,
               store: Store = Depends(get_store)) -> Response:
        g = _graph(w, events, co_mentions, store)
        return _file(spec, lambda buf: spec.write(g, buf), spec.suffix)

    export.__name__ = f"export_{fmt.replace('-', '_')}"
    _add(fmt, export)


def _add(fmt: str, endpoint: Callable[..., Response]) -> None:
    spec = FORMATS[fmt]
    router.add_api_route(f"/export/{fmt}", endpoint, methods=["GET"], summary=spec.summary.rstrip("."),
                         response_class=Response, responses={200: {"content": {spec.media_type: {}}}})


def export_csv(w: Export = Depends(export_window), events: Events = False, co_mentions: CoMentions = False,
               store: Store = Depends(get_store), table: Table = "all") -> Response:
    g = _graph(w, events, co_mentions, store)
    suffix = "csv" if table == "all" else f"{table}.csv"
    return _file(FORMATS["csv"], lambda buf: write_csv(g, buf, table), suffix)


for _fmt in FORMATS:
    if _fmt == "csv":
        _add(_fmt, export_csv)
    else:
        _route(_fmt)
