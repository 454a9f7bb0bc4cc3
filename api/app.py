"""FastAPI app factory. Opens nothing heavy at start: views are built on demand."""
from __future__ import annotations

from fastapi import FastAPI

from graph import __version__
from graph.store import Store

from . import errors
from .routers import export, sparql, timeline


def create_app(store: Store) -> FastAPI:
    app = FastAPI(
        title="timeline-kg",
        version=__version__,
        description="A temporal knowledge graph of news: SPARQL 1.1, a REST graph API and Gephi exports.",
    )
    app.state.store = store
    errors.install(app)
    app.include_router(sparql.router)
    app.include_router(timeline.router, prefix="/api/v1")
    app.include_router(export.router, prefix="/api/v1")
    return app
