"""SPARQL 1.1 Update at /update (bearer token). LOAD and SERVICE are refused."""
from __future__ import annotations

from typing import Optional
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from graph.store.embedded import Store

from ..auth import require_token
from ..deps import get_store
from ..errors import ApiError, responses
from ..sparql_guard import forbidden

router = APIRouter(tags=["sparql"])

_BODY = {"requestBody": {"required": True, "content": {
    "application/sparql-update": {"schema": {"type": "string"}},
    "application/x-www-form-urlencoded": {"schema": {
        "type": "object", "required": ["update"], "properties": {"update": {"type": "string"}}}}}}}


async def _update_text(request: Request) -> str:
    ctype = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    raw = await request.body()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "bad request", "the request body is not UTF-8") from None
    if ctype == "application/sparql-update":
        using = [k for k in ("using-graph-uri", "using-named-graph-uri") if k in request.query_params]
    elif ctype == "application/x-www-form-urlencoded":
        form = parse_qs(text, keep_blank_values=True)
        if "query" in form:
            raise ApiError(400, "bad request", "send queries to /sparql")
        if len(form.get("update", [])) != 1:
            raise ApiError(400, "missing update", "the form needs exactly one 'update' field")
        using = [k for k in ("using-graph-uri", "using-named-graph-uri") if k in form or k in request.query_params]
        text = form["update"][0]
    else:
        raise ApiError(415, "unsupported media type",
                       f"POST an update as application/sparql-update or application/x-www-form-urlencoded, not {ctype or 'nothing'!r}")
    if using:
        raise ApiError(400, "not supported", f"{', '.join(using)} is not supported: use USING / WITH in the update")
    return text


@router.post("/update", summary="SPARQL 1.1 Update (bearer token)", status_code=204,
             dependencies=[Depends(require_token)], openapi_extra=_BODY,
             responses={204: {"description": "Done"}, **responses(400, 401, 403, 413, 415)})
async def sparql_update(request: Request, store: Store = Depends(get_store)) -> Response:
    text = await _update_text(request)
    settings = request.app.state.settings
    if not text.strip():
        raise ApiError(400, "missing update", "the update is empty")
    word: Optional[str] = forbidden(text, {"LOAD", "SERVICE"})
    if word:
        raise ApiError(400, "forbidden operation",
                       f"{word} is refused: this server never makes outbound requests (load data through /store)")
    if len(text) > settings.max_body:
        raise ApiError(413, "update too large", f"the limit is {settings.max_body} characters")
    try:
        await run_in_threadpool(store.update, text)
    except SyntaxError as e:
        raise ApiError(400, "malformed update", str(e)) from None
    except ValueError as e:
        raise ApiError(400, "bad request", str(e)) from None
    return Response(status_code=204)
