"""Finished JSON answers of read endpoints, kept per store revision.

A timeline page costs several SPARQL queries (tens of milliseconds on a 1M-triple store, more
under load) but the answer only changes when the store does. So answers are kept, keyed by the
store's revision and the request's normalized parameters, in a bounded LRU: a write bumps the
revision and every older answer simply stops being asked for. Concurrent misses on one key run
the query once (the others await it). The revision-derived ETag lets clients revalidate (304).

`FastAnswers` serves a repeat of an answered request (same path, same query string, same
revision) before FastAPI routes and validates it: on a 2-core machine under 50 clients, that
work was most of a cached answer's cost. Anything it does not know goes through FastAPI.
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
        self.raw: OrderedDict[tuple[int, str, bytes], tuple[str, bytes]] = OrderedDict()  # (revision, path, query string)

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

    async def answer(self, request: Request, key: Hashable, compute: Callable[[], Awaitable[bytes]],
                     revision: Optional[int] = None, media_type: str = "application/json") -> Response:
        """The cached answer for `key`, or `compute()`'s (run once however many ask at the same time).
        With the store `revision` the key was made at, `FastAnswers` may serve this request's repeats
        (as application/json: give no revision for answers of another media type)."""
        hit = self.get(key)
        if hit is None:
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
        if revision is not None and key in self.entries:  # only what the LRU kept (not the oversized)
            self.raw[(revision, request.url.path, request.scope.get("query_string", b""))] = hit
            while len(self.raw) > self.max_entries:
                self.raw.popitem(last=False)
        etag, body = hit
        headers = {"ETag": etag, "Cache-Control": "no-cache"}  # clients may keep it, but must revalidate
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=headers)
        return Response(body, media_type=media_type, headers=headers)


class FastAnswers:
    """ASGI middleware: a GET already answered at this store revision gets the same bytes at once."""

    def __init__(self, app, cache: ResponseCache, revision: Callable[[], int]) -> None:
        self.app, self.cache, self.revision = app, cache, revision

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not self.cache.raw:
            return await self.app(scope, receive, send)
        hit = self.cache.raw.get((self.revision(), scope["path"], scope.get("query_string", b"")))
        if hit is None:
            return await self.app(scope, receive, send)
        etag, body = hit
        headers = [(b"etag", etag.encode()), (b"cache-control", b"no-cache")]
        inm = next((v for k, v in scope["headers"] if k == b"if-none-match"), b"")
        if etag.encode() in inm:
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        headers += [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def cache_of(request: Request) -> ResponseCache:
    """The app's cache (api.app.create_app makes it, with the FastAnswers middleware in front)."""
    return request.app.state.response_cache
