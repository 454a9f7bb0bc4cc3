"""Exports of the graph view: GraphML for Gephi."""
from __future__ import annotations

import io
from datetime import date
from typing import Optional

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from graph.export import write_graphml
from graph.store import Store
from graph.view import build

from ..deps import get_store
from ..errors import ApiError

router = APIRouter(tags=["export"])


@router.get("/export/graphml", summary="The actor/place graph as GraphML (Gephi, graphology, networkx)",
            response_class=Response, responses={200: {"content": {"application/graphml+xml": {}}}})
def export_graphml(start: Optional[date] = Query(None, alias="from"), end: Optional[date] = Query(None, alias="to"),
                   store: Store = Depends(get_store)) -> Response:
    if start and end and start > end:
        raise ApiError(422, "invalid request", [{"field": "from", "message": "'from' is after 'to'"}])
    buf = io.BytesIO()
    write_graphml(build(store, start, end), buf)
    return Response(buf.getvalue(), media_type="application/graphml+xml",
                    headers={"Content-Disposition": 'attachment; filename="timeline-kg.graphml"'})
