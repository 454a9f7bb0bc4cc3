"""SPARQL 1.1 Protocol query endpoint (read-only) at /sparql."""
from __future__ import annotations

import re
from typing import Optional
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from graph.store import Store

from ..deps import get_store
from ..errors import ApiError
from ..negotiate import choose

router = APIRouter(tags=["sparql"])

RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}
SHORT_NAMES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
               "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
               "ttl": "text/turtle", "nt": "application/n-triples", "ntriples": "application/n-triples",
               "jsonld": "application/ld+json", "rdfxml": "application/rdf+xml", "nquads": "application/n-quads"}
_STRINGS_AND_COMMENTS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>|#[^\n]*')
_FORBIDDEN = re.compile(r"\b(SERVICE|LOAD|INSERT|DELETE|CLEAR|DROP|CREATE|COPY|MOVE|ADD)\b", re.I)


def _check_read_only(query: str) -> None:
    """Refuse federation and updates: no request ever leaves the server from here."""
    code = _STRINGS_AND_COMMENTS.sub(" ", query)
    m = _FORBIDDEN.search(code)
    if m:
        word = m.group(1).upper()
        what = "federated queries (SERVICE)" if word == "SERVICE" else f"updates ({word})"
        raise ApiError(400, "forbidden operation", f"this endpoint is read-only: {what} are refused")


def _execute(store: Store, query: str, default_graphs: list[str], named_graphs: list[str]):
    kwargs: dict = {}
    if default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    if named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    try:
        return store.ox_query(query, union=not default_graphs, **kwargs)
    except SyntaxError as e:
        raise ApiError(400, "malformed query", str(e)) from None
    except ValueError as e:
        raise ApiError(400, "bad request", str(e)) from None


def _respond(result, accept: Optional[str], fmt: Optional[str]) -> Response:
    graph = isinstance(result, ox.QueryTriples)
    table = GRAPH_FORMATS if graph else RESULT_FORMATS
    offered = list(table)
    if fmt:
        media = SHORT_NAMES.get(fmt.lower(), fmt.lower())
        if media not in table:
            raise ApiError(406, "not acceptable", f"format {fmt!r} is not available; use one of {', '.join(offered)}")
    else:
        media = choose(accept, offered)
        if media is None:
            raise ApiError(406, "not acceptable", f"cannot answer with {accept!r}; available: {', '.join(offered)}")
    body = result.serialize(format=table[media])
    return Response(body, media_type=media + ("; charset=utf-8" if media.startswith("text/") else ""))


async def _query_from_request(request: Request) -> tuple[str, list[str], list[str]]:
    ctype = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    params = request.query_params
    if ctype == "application/sparql-query":
        raw = await request.body()
        return raw.decode("utf-8", "replace"), params.getlist("default-graph-uri"), params.getlist("named-graph-uri")
    if ctype == "application/x-www-form-urlencoded":
        form = parse_qs((await request.body()).decode("utf-8", "replace"))
        if "update" in form:
            raise ApiError(400, "forbidden operation", "this endpoint is read-only: send updates to /update")
        if not form.get("query"):
            raise ApiError(400, "missing query", "the form has no 'query' field")
        return form["query"][0], form.get("default-graph-uri", []), form.get("named-graph-uri", [])
    raise ApiError(415, "unsupported media type",
                   f"POST a query as application/sparql-query or application/x-www-form-urlencoded, not {ctype or 'nothing'!r}")


async def _run(request: Request, store: Store, query: str, dg: list[str], ng: list[str],
               fmt: Optional[str]) -> Response:
    _check_read_only(query)
    result = await run_in_threadpool(_execute, store, query, dg, ng)
    return await run_in_threadpool(_respond, result, request.headers.get("accept"), fmt)


@router.get("/sparql", summary="SPARQL 1.1 query (GET)")
async def sparql_get(request: Request,
                     query: str = Query(..., description="The SPARQL query."),
                     default_graph_uri: list[str] = Query([], alias="default-graph-uri"),
                     named_graph_uri: list[str] = Query([], alias="named-graph-uri"),
                     format: Optional[str] = Query(None, description="Result format when Accept cannot be set: json, xml, csv, tsv, turtle, nt, jsonld, rdfxml, nquads."),
                     store: Store = Depends(get_store)) -> Response:
    return await _run(request, store, query, default_graph_uri, named_graph_uri, format)


@router.post("/sparql", summary="SPARQL 1.1 query (POST form or application/sparql-query)")
async def sparql_post(request: Request, format: Optional[str] = Query(None),
                      store: Store = Depends(get_store)) -> Response:
    query, dg, ng = await _query_from_request(request)
    return await _run(request, store, query, dg, ng, format)
