"""The event table over HTTP: `/export/events` (ACLED's columns or ours; CSV, JSON, Parquet), its deletions
feed `/export/events/deletions`, and `/events.geojson` (events as points for QGIS and Kepler.gl).

Filters are the timeline's (`from`, `to`, `actor`, `place`, `type`) plus `q` (words of the sentence or label),
`bbox` (west,south,east,north) and `since` (record time: Unix seconds or ISO date-time); graph.store.event_rows.
"""
from __future__ import annotations

import io
from typing import Annotated, Literal, Optional

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response

from graph.export import events_geojson, events_table
from graph.store import queries
from graph.store.embedded import Store
from graph.store.event_rows import EventFilter, rows

from ..deps import get_store
from ..errors import ApiError, responses
from .graph import Window, window

router = APIRouter(tags=["export"])

MEDIA = {"csv": "text/csv", "json": "application/json", "parquet": "application/vnd.apache.parquet"}


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(422, "invalid request", [{"field": field, "message": message}])


def event_filter(
    w: Window = Depends(window),
    actor: Optional[str] = Query(None, description="Actor id, or an exact label or alias."),
    place: Optional[str] = Query(None, description="Place id, or an exact label."),
    type: Optional[str] = Query(None, description="CAMEO code or prefix (19, 192)."),
    q: Optional[str] = Query(None, description="Words the event's sentence or label contains (case ignored)."),
    bbox: Optional[str] = Query(None, description="west,south,east,north in degrees: events placed inside."),
    since: Optional[str] = Query(None, description="Only events recorded after it: Unix seconds (ACLED's "
                                                   "timestamp) or an ISO date or date-time."),
) -> EventFilter:
    box = None
    if bbox:
        try:
            box = tuple(float(x) for x in bbox.split(","))
        except ValueError:
            raise _invalid("bbox", "four numbers: west,south,east,north (degrees)") from None
    try:
        moment = events_table.parse_since(since) if since else None
    except events_table.SinceError as e:
        raise _invalid("since", str(e)) from None
    return EventFilter(w.start, w.end, actor, place, type, q, box, moment)  # type: ignore[arg-type]


def _run(compute):
    try:
        return compute()
    except queries.UnknownRef as e:
        raise ApiError(404, "not found", str(e)) from None
    except queries.QueryError as e:
        raise _invalid(e.field, str(e)) from None


Style = Annotated[Literal["acled", "tkg"], Query(description="acled: ACLED's 31 columns in ACLED's order, events "
                                                              "ACLED would record; tkg: our columns, every event.")]
Format = Annotated[Literal["csv", "json", "parquet"], Query(description="csv, json ({count, data[, deletions]}) "
                                                                        "or parquet (when pyarrow is installed).")]


@router.get("/export/events", summary="The event table: ACLED's columns (or ours), as CSV, JSON or Parquet",
            response_class=Response, responses={**responses(404), 200: {"content": {m: {} for m in MEDIA.values()}}})
def export_events(flt: EventFilter = Depends(event_filter), format: Format = "csv", style: Style = "acled",
                  store: Store = Depends(get_store)) -> Response:
    columns, records = _run(lambda: events_table.table(store, flt, style))
    deleted = events_table.deletion_records(store, flt.since) if flt.since and format == "json" else None
    buf = io.BytesIO()
    try:
        events_table.write(columns, records, buf, format, deleted)
    except RuntimeError as e:  # Parquet without pyarrow
        raise ApiError(406, "not acceptable", str(e)) from None
    return Response(buf.getvalue(), media_type=MEDIA[format],
                    headers={"Content-Disposition": f'attachment; filename="events.{format}"'})


@router.get("/export/events/deletions", summary="Events re-ingest took away or merged into a happening (ACLED's deletions feed)",
            response_class=Response, responses={200: {"content": {"text/csv": {}, "application/json": {}}}})
def export_deletions(flt: EventFilter = Depends(event_filter), format: Literal["csv", "json"] = "csv",
                     store: Store = Depends(get_store)) -> Response:
    deleted = events_table.deletion_records(store, flt.since)
    if format == "json":
        return JSONResponse({"count": len(deleted), "data": deleted})
    buf = io.BytesIO()
    events_table.write(events_table.DELETION_COLUMNS, deleted, buf, "csv")
    return Response(buf.getvalue(), media_type="text/csv")


@router.get("/events.geojson", summary="Events as GeoJSON points (QGIS, Kepler.gl): date, type, label",
            tags=["events"], response_class=JSONResponse, responses={**responses(404),
                                                                   200: {"content": {"application/geo+json": {}}}})
def events_geojson_route(flt: EventFilter = Depends(event_filter), store: Store = Depends(get_store)) -> JSONResponse:
    found = _run(lambda: rows(store, flt))
    return JSONResponse(events_geojson.collection(found), media_type="application/geo+json")
