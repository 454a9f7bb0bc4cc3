"""SPARQL 1.1 Protocol query endpoint (read-only) at /sparql.

GET `?query=`, POST form-encoded, POST `application/sparql-query`; `default-graph-uri` and
`named-graph-uri` (api/protocol.py reads them); relative IRIs resolve against the endpoint's URL;
results negotiated from Accept (q-values) or `format=`. Queries run in the killable worker pool
(api/query_pool.py) on the newest checkpoint of the store.
"""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ..errors import ApiError, responses
from ..negotiate import GRAPH_MEDIA, RESULT_MEDIA, pick
from ..protocol import FORM, base_iri, body_text, check_charset, graph_iris, media_type, one, parameters
from ..sparql_guard import forbidden, query_form

router = APIRouter(tags=["sparql"])

_ERRORS = responses(400, 406, 413, 414, 415, 503)
_OK = {200: {"description": "Query results (SELECT, ASK) or an RDF graph (CONSTRUCT, DESCRIBE)",
             "content": {m: {"schema": {"type": "string"}} for m in {**RESULT_MEDIA, **GRAPH_MEDIA}}}}
_POST_BODY = {"requestBody": {"required": True, "content": {
    "application/sparql-query": {"schema": {"type": "string"}},
    FORM: {"schema": {
        "type": "object", "required": ["query"],
        "properties": {"query": {"type": "string"},
                       "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                       "named-graph-uri": {"type": "array", "items": {"type": "string"}}}}}}}}
_FORMAT_HELP = ("Result format when Accept cannot be set: json, xml, csv, tsv (results); turtle, nt, jsonld, "
                "rdfxml, nquads (graphs); or a media type. Wins over Accept.")



def _media_type(media: str) -> str:
    return media + "; charset=utf-8" if media.startswith("text/") else media


async def run_query(request: Request, query: str, params: dict[str, list[str]], fmt: Optional[str],
                    too_long_status: int = 413) -> Response:
    settings = request.app.state.settings
    if len(query) > settings.max_query_length:
        raise ApiError(too_long_status, "query too long",
                       f"the query has {len(query)} characters; the limit is {settings.max_query_length}")
    if not query.strip():
        raise ApiError(400, "missing query", "send a SPARQL query in 'query' (GET or form) or as the body")
    form = query_form(query)
    if form == "UPDATE":
        raise ApiError(400, "forbidden operation", "this endpoint is read-only: send updates to /update")
    if forbidden(query, {"SERVICE"}):
        raise ApiError(400, "forbidden operation",
                       "federated queries (SERVICE) are refused: this server never makes outbound requests")
    accept = request.headers.get("accept")
    results_media = pick(accept, fmt, RESULT_MEDIA)
    graph_media = pick(accept, fmt, GRAPH_MEDIA, graph=True)
    wanted = results_media if form in ("SELECT", "ASK") else graph_media if form in ("CONSTRUCT", "DESCRIBE") else None
    if wanted is None and (form is not None or (results_media is None and graph_media is None)):
        offered = list(RESULT_MEDIA) if form in ("SELECT", "ASK") else list(GRAPH_MEDIA)
        asked = f"format={fmt!r}" if fmt else f"Accept: {accept!r}"
        raise ApiError(406, "not acceptable", f"cannot answer {asked}; available: {', '.join(offered)}")
    default_graphs, named_graphs = graph_iris(params, "default-graph-uri"), graph_iris(params, "named-graph-uri")
    # a protocol dataset replaces the query's FROM / FROM NAMED and the server's default graph: only
    # the graphs listed, so named-graph-uri alone leaves an empty default graph (Protocol §2.1.4)
    dataset = bool(default_graphs or named_graphs)
    job = {"query": query, "union": settings.union_default and not dataset, "base_iri": base_iri(request),
           "default_graphs": default_graphs if dataset else None, "named_graphs": named_graphs if dataset else None,
           "results_media": results_media, "graph_media": graph_media, "max_bytes": settings.max_result_bytes}
    reply = await request.app.state.query_pool.run(job)
    if reply[0] == "error":
        _, status, error, detail = reply
        raise ApiError(status, error, detail)
    _, media, body = reply
    return Response(body, media_type=_media_type(media), headers={"Vary": "Accept"})


def _read_only(params: dict[str, list[str]]) -> None:
    if "update" in params:
        raise ApiError(400, "forbidden operation", "this endpoint is read-only: POST updates to /update")


@router.get("/sparql", summary="SPARQL 1.1 query (GET)", responses={**_OK, **_ERRORS})
async def sparql_get(request: Request,
                     query: Optional[str] = Query(None, description="The SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE)."),
                     default_graph_uri: list[str] = Query([], alias="default-graph-uri"),
                     named_graph_uri: list[str] = Query([], alias="named-graph-uri"),
                     format: Optional[str] = Query(None, description=_FORMAT_HELP)) -> Response:
    # the declared parameters document the endpoint; the handler reads them all from the URL, where
    # a repeated `query` is an error rather than the last one winning
    params = await parameters(request, with_body=False)
    _read_only(params)
    text = one(params, "query")
    if text is None:
        raise ApiError(400, "missing query", "send a SPARQL query in the 'query' parameter")
    return await run_query(request, text, params, format, too_long_status=414)


@router.post("/sparql", summary="SPARQL 1.1 query (POST form or application/sparql-query)",
             responses={**_OK, **_ERRORS}, openapi_extra=_POST_BODY)
async def sparql_post(request: Request, format: Optional[str] = Query(None, description=_FORMAT_HELP)) -> Response:
    ctype = media_type(request)
    if ctype == "application/sparql-query":
        check_charset(request)
        params = await parameters(request, with_body=False)
        _read_only(params)
        return await run_query(request, one(params, "query", await body_text(request)) or "", params, format)
    if ctype == FORM:
        params = await parameters(request, with_body=True)
        _read_only(params)
        query = one(params, "query")
        if query is None:
            raise ApiError(400, "missing query", "the form has no 'query' field")
        return await run_query(request, query, params, format)
    raise ApiError(415, "unsupported media type",
                   f"POST a query as application/sparql-query or {FORM}, not {ctype or 'nothing'!r}")
