"""The page's first requests, answered once at start-up so that the first visitor finds them ready.

The places list counts every place's events (about half a second on a 1M-quad store, more on a
busy machine). The page asks exactly these URLs when it opens (web/src/state.js PAGE, web/src/map.js
PAGE; tests/test_page.py checks they agree): the timeline's page when the store holds few events
(on a big one it asks /timeline/counts, read from the kept counts, and no page), so they are requested here through the app itself once it has started: the response cache
(api/response_cache.py) then holds them, and a visitor arriving meanwhile waits for the same
computation instead of starting another. A write makes a new revision and the next visitor pays.
Then what the first filtered page without a window reads before its events: every month's total, the
days of the sparse months that hold events and the store's event types (kept per store revision).
"""
from __future__ import annotations

import asyncio
import logging

import httpx
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

from graph.store import queries, time_index

LANDING = ("/api/v1/timeline?limit=100&offset=0&compact=true", "/api/v1/places?limit=500")
log = logging.getLogger(__name__)


async def warm(app: FastAPI) -> None:
    """Ask the app for the page's first requests, one after the other (the timeline first)."""
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://landing", timeout=None) as client:
            for url in LANDING:
                r = await client.get(url)
                if r.status_code != 200:
                    log.warning("landing request %s answered %s", url, r.status_code)
        # what a filter's first page without a window reads before its events (graph/store/filter_share.py)
        store = app.state.store
        await run_in_threadpool(lambda: (time_index.warm(store), queries.type_iris(store, "01")))
    except asyncio.CancelledError:
        raise
    except Exception as e:  # a cache that stays cold is no reason to stop the server
        log.warning("landing requests failed: %s", e)


def start(app: FastAPI) -> asyncio.Task:
    return asyncio.get_running_loop().create_task(warm(app))
