"""Exports of the graph view: GraphML and dynamic GEXF for Gephi, node-link JSON, a CSV edge list."""
from __future__ import annotations

import io

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from graph.export.formats import FORMATS
from graph.store.embedded import Store
from graph.view import view as views

from ..deps import get_store
from .graph import Window, window

router = APIRouter(tags=["export"])

SUMMARIES = {
    "graphml": "The graph as GraphML (Gephi, graphology, networkx): named keys, unique edge ids",
    "gexf": "The graph as dynamic GEXF 1.3: spells from the events' dates, so Gephi's timeline plays it",
    "json": "The graph as node-link JSON (D3, graphology; networkx node_link_graph)",
    "csv": "The graph's edges as CSV, endpoint labels included",
}


def _route(fmt: str) -> None:
    spec = FORMATS[fmt]

    def export(w: Window = Depends(window),
               events: bool = Query(False, description="Events as nodes (actor -> event -> actor, event -> place)."),
               co_mentions: bool = Query(False, description="Add co-mention edges weighted by sentences."),
               store: Store = Depends(get_store)) -> Response:
        kinds = views.KINDS if events else views.DEFAULT_KINDS
        g = views.get(store, w.start, w.end, kinds, co_mentions).multi
        buf = io.BytesIO()
        spec.write(g, buf)
        return Response(buf.getvalue(), media_type=spec.media_type,
                        headers={"Content-Disposition": f'attachment; filename="timeline-kg.{spec.suffix}"'})

    export.__name__ = f"export_{fmt}"
    router.add_api_route(f"/export/{fmt}", export, methods=["GET"], summary=SUMMARIES[fmt], response_class=Response,
                         responses={200: {"content": {spec.media_type: {}}}})


for _fmt in FORMATS:
    _route(_fmt)
