"""FastAPI app factory. Opens nothing heavy at start: views are built on demand.

The query worker pool (api/query_pool.py) starts with the app (lifespan) and stops with it; so do
the page's first requests (api/landing.py), answered in the background to fill the response cache.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Optional

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from graph import __version__
from graph.settings import Settings
from graph.store.embedded import Store

from . import docs, errors, landing
from .limits import BodyLimit
from .query_pool import QueryPool, RemoteQueryPool
from .response_cache import FastAnswers, ResponseCache
from .routers import (
    actors,
    corrections,
    counts,
    event_table,
    events,
    export,
    graph,
    gsp,
    page,
    places,
    sparql,
    timeline,
    update,
)
from .routers import states as state_routes


def create_app(store: Store, settings: Optional[Settings] = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if getattr(store, "remote", False):  # a SPARQL server does the work (graph/store/remote.py)
            pool = RemoteQueryPool(store, timeout=settings.query_timeout, max_inflight=settings.max_queries)
        else:
            pool = QueryPool(store, workers=settings.query_workers, timeout=settings.query_timeout,
                             max_inflight=settings.max_queries,
                             memory_mb=settings.query_memory_mb)
        await pool.start()
        app.state.query_pool = pool
        warming = landing.start(app)
        try:
            yield
        finally:
            warming.cancel()
            await pool.close()

    app = FastAPI(
        title="timeline-kg",
        version=__version__,
        description="A temporal knowledge graph of news: SPARQL 1.1, a REST graph API and Gephi exports.",
        lifespan=lifespan,
        docs_url=None, redoc_url=None,  # api/docs.py serves both pages with their scripts (no CDN)
    )
    app.state.store = store
    app.state.settings = settings
    errors.install(app)
    errors.document(app)
    docs.install(app)
    app.include_router(sparql.router)
    app.include_router(update.router)
    app.include_router(gsp.router)
    app.include_router(counts.router, prefix="/api/v1")
    app.include_router(timeline.router, prefix="/api/v1")
    app.include_router(export.router, prefix="/api/v1")
    app.include_router(event_table.router, prefix="/api/v1")
    app.include_router(graph.router, prefix="/api/v1")
    app.include_router(actors.router, prefix="/api/v1")
    app.include_router(places.router, prefix="/api/v1")
    app.include_router(events.router, prefix="/api/v1")
    app.include_router(state_routes.router, prefix="/api/v1")
    app.include_router(corrections.router, prefix="/api/v1")
    app.include_router(page.router)  # the analysts' page at / and its bundle under /static/
    app.state.response_cache = ResponseCache()
    if not store.remote:  # the embedded store's revision is a file read; a remote one costs a query
        app.add_middleware(FastAnswers, cache=app.state.response_cache, revision=lambda: store.revision)
    app.add_middleware(BodyLimit, max_body=settings.max_body)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_credentials=False,
                           allow_methods=["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS"],
                           allow_headers=["Authorization", "Content-Type", "Accept"], max_age=600)
    return app
