"""SPARQL 1.1 Update at /update (bearer token).

POST `application/sparql-update` (parameters in the URL) or a form (`update=`, parameters in the
URL or the form); `using-graph-uri` / `using-named-graph-uri` set the dataset of the WHERE clauses
(api/update_rewrite.py); relative IRIs resolve against the endpoint's URL. SERVICE and LOAD are
refused (this server makes no outbound requests); `LOAD SILENT` succeeds and does nothing.
"""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from graph.store.embedded import Store

from ..auth import require_token
from ..deps import get_store
from ..errors import ApiError, responses
from ..protocol import FORM, base_iri, body_text, check_charset, graph_iris, media_type, one, parameters
from ..sparql_guard import forbidden
from ..update_rewrite import DatasetConflict, apply_using, neutralize_load_silent

router = APIRouter(tags=["sparql"])

_IRIS = {"type": "array", "items": {"type": "string"}}
_BODY = {"requestBody": {"required": True, "content": {
    "application/sparql-update": {"schema": {"type": "string"}},
    FORM: {"schema": {
        "type": "object", "required": ["update"],
        "properties": {"update": {"type": "string"}, "using-graph-uri": _IRIS, "using-named-graph-uri": _IRIS}}}}},
    "parameters": [{"name": n, "in": "query", "required": False, "schema": _IRIS,
                    "description": f"{w} of the update's WHERE clauses (as {u}); not with USING/WITH in the update"}
                   for n, w, u in (("using-graph-uri", "A default graph", "USING <g>"),
                                   ("using-named-graph-uri", "A named graph", "USING NAMED <g>"))]}


async def _request(request: Request) -> tuple[str, dict[str, list[str]]]:
    """(the update text, the parameters) of a direct or form POST."""
    ctype = media_type(request)
    if ctype == "application/sparql-update":
        check_charset(request)
        params = await parameters(request, with_body=False)
        text = one(params, "update", await body_text(request))
    elif ctype == FORM:
        params = await parameters(request, with_body=True)
        text = one(params, "update")
    else:
        raise ApiError(415, "unsupported media type",
                       f"POST an update as application/sparql-update or {FORM}, not {ctype or 'nothing'!r}")
    if "query" in params:
        raise ApiError(400, "bad request", "send queries to /sparql")
    if text is None:
        raise ApiError(400, "missing update", "the form needs an 'update' field")
    return text, params


def _prepare(text: str, params: dict[str, list[str]]) -> str:
    """The update to run: LOAD SILENT made a no-op, the protocol's dataset written in; 400 for
    LOAD, SERVICE and a dataset given twice."""
    text, _ = neutralize_load_silent(text)
    word: Optional[str] = forbidden(text, {"LOAD", "SERVICE"})
    if word == "LOAD":
        raise ApiError(400, "forbidden operation", "LOAD is refused: this server never fetches documents "
                       "(load data through /store; LOAD SILENT is accepted and does nothing)")
    if word:
        raise ApiError(400, "forbidden operation", f"{word} is refused: this server never makes outbound requests")
    try:
        return apply_using(text, graph_iris(params, "using-graph-uri"), graph_iris(params, "using-named-graph-uri"))
    except DatasetConflict as e:
        raise ApiError(400, "dataset conflict", str(e)) from None
    except ValueError as e:
        raise ApiError(400, "bad request", str(e)) from None


@router.post("/update", summary="SPARQL 1.1 Update (bearer token)", status_code=204,
             dependencies=[Depends(require_token)], openapi_extra=_BODY,
             responses={204: {"description": "Done"}, **responses(400, 401, 403, 413, 415)})
async def sparql_update(request: Request, store: Store = Depends(get_store)) -> Response:
    text, params = await _request(request)
    settings = request.app.state.settings
    if not text.strip():
        raise ApiError(400, "missing update", "the update is empty")
    if len(text) > settings.max_body:
        raise ApiError(413, "update too large", f"the limit is {settings.max_body} characters")
    text = _prepare(text, params)
    try:
        await run_in_threadpool(store.update, text, base_iri(request))
    except SyntaxError as e:
        raise ApiError(400, "malformed update", str(e)) from None
    except ValueError as e:
        raise ApiError(400, "bad request", str(e)) from None
    return Response(status_code=204)
