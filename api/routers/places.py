"""Places as GeoJSON: a FeatureCollection clients drop on a map, and single Features."""
from __future__ import annotations

import json
from typing import Any, Optional

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from graph.store import lookup, queries
from graph.store.embedded import Store

from ..deps import get_store
from ..errors import ApiError, responses
from ..response_cache import cache_of
from .graph import Offset, Window, window
from .timeline import TEXT_DOC

router = APIRouter(tags=["places"])

GEOJSON = "application/geo+json"
_EXAMPLE: dict[str, Any] = {"type": "FeatureCollection", "features": [{
    "type": "Feature", "id": "place/2455290", "geometry": {"type": "Point", "coordinates": [1.40921, 18.44345]},
    "properties": {"id": "place/2455290", "label": "Kidal", "country": "ML", "events": 20,
                   "first_seen": "2020-01-01", "last_seen": "2023-11-14"}}],
    "limit": 1000, "offset": 0, "next_offset": None}


@router.get("/places", summary="Places as a GeoJSON FeatureCollection ([lon, lat]), most events first",
            response_class=JSONResponse, responses={200: {"content": {GEOJSON: {"example": _EXAMPLE}}},
                                                    **responses(404)},
            description="`from`/`to`, `actor`, `type` and `q` keep the places of the events they keep (as "
                        "`/timeline` filters them) and count only those events.")
async def list_places(request: Request, w: Window = Depends(window),
                      actor: Optional[str] = Query(None, description="Actor id or exact label or alias, as "
                                                                     "`/timeline` takes it (404 if nothing has it)."),
                      type: Optional[str] = Query(None, description="CAMEO code or prefix (19, 192)."),
                      q: Optional[str] = Query(None, max_length=queries.TEXT_MAX, description=TEXT_DOC),
                      limit: int = Query(1000, ge=1, le=10000),
                      offset: int = Offset, store: Store = Depends(get_store)) -> Response:
    text = queries.normal_name(q) if q else None

    def compute() -> bytes:
        try:
            rows = lookup.places(store, w.start, w.end, limit + 1, offset, actor=actor, event_type=type, text=text)
        except queries.UnknownRef as e:
            raise ApiError(404, "not found", str(e)) from None
        except queries.QueryError as e:
            raise ApiError(422, "invalid request", [{"field": e.field, "message": str(e)}]) from None
        body = lookup.geojson(rows[:limit])
        # paging as GeoJSON foreign members: map clients ignore them
        body.update(limit=limit, offset=offset, next_offset=offset + limit if len(rows) > limit else None)
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()

    # counting every place's events takes ~0.5 s on 1M quads: answers are kept per store revision, as the timeline's
    revision = await run_in_threadpool(lambda: store.revision) if store.remote else store.revision  # remote: a query
    key = ("places", revision, w.start, w.end, actor, type, text, limit, offset)
    return await cache_of(request).answer(request, key, lambda: run_in_threadpool(compute), media_type=GEOJSON)


@router.get("/places/{id:path}", summary="One place as a GeoJSON Feature",
            response_class=JSONResponse, responses={200: {"content": {GEOJSON: {}}}})
def get_place(id: str, store: Store = Depends(get_store)) -> JSONResponse:
    found: Optional[dict] = lookup.place(store, lookup.full_id("place", id))
    if found is None:
        raise ApiError(404, "not found", f"no place with id {id!r}")
    return JSONResponse(lookup.feature(found), media_type=GEOJSON)
