"""Finished JSON answers of read endpoints, kept per store revision.

A timeline page costs several SPARQL queries (tens of milliseconds on a 1M-triple store, more
under load) but the answer only changes when the store does. So answers are kept, keyed by the
store's revision and the request's normalized parameters, in a bounded LRU: a write bumps the
revision and every older answer simply stops being asked for. Concurrent misses on one key run
the query once (the others await it). The revision-derived ETag lets clients revalidate (304).
"""
from __future__ import annotations

import asyncio
import hashlib
from collections import OrderedDict
from typing import Awaitable, Callable, Hashable, Optional

from fastapi import Request
from fastapi.responses import Response


class ResponseCache:
    """An LRU of (ETag, JSON bytes), bounded by entry count and total bytes."""

    def __init__(self, max_entries: int = 512, max_bytes: int = 64 * 2**20) -> None:
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self.entries: OrderedDict[Hashable, tuple[str, bytes]] = OrderedDict()
        self.bytes = 0
        self.pending: dict[Hashable, asyncio.Future] = {}
        self.hits = self.misses = 0

    def get(self, key: Hashable) -> Optional[tuple[str, bytes]]:
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
        return hit

    def put(self, key: Hashable, body: bytes) -> tuple[str, bytes]:
        etag = '"' + hashlib.blake2b(repr(key).encode() + body, digest_size=12).hexdigest() + '"'
        if len(body) <= self.max_bytes // 8:  # one huge answer must not flush the rest
            self.entries[key] = (etag, body)
            self.bytes += len(body)
            while len(self.entries) > self.max_entries or self.bytes > self.max_bytes:
                _, (_, old) = self.entries.popitem(last=False)
                self.bytes -= len(old)
        return etag, body

    async def answer(self, request: Request, key: Hashable, compute: Callable[[], Awaitable[bytes]]) -> Response:
        """The cached answer for `key`, or `compute()`'s (run once however many ask at the same time)."""
        hit = self.get(key)
        if hit is not None:
            self.hits += 1
        else:
            self.misses += 1
            waiting = self.pending.get(key)
            if waiting is not None:
                hit = await asyncio.shield(waiting)
            else:
                future = asyncio.get_running_loop().create_future()
                self.pending[key] = future
                try:
                    hit = self.put(key, await compute())
                    future.set_result(hit)
                except BaseException as e:
                    future.set_exception(e)
                    future.exception()  # retrieved: no "never retrieved" warning when nobody waits
                    raise
                finally:
                    del self.pending[key]
        etag, body = hit
        headers = {"ETag": etag, "Cache-Control": "no-cache"}  # clients may keep it, but must revalidate
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=headers)
        return Response(body, media_type="application/json", headers=headers)


def cache_of(request: Request) -> ResponseCache:
    """The app's cache (made on first use, so apps built without the lifespan have one too)."""
    state = request.app.state
    if not hasattr(state, "response_cache"):
        state.response_cache = ResponseCache()
    return state.response_cache
