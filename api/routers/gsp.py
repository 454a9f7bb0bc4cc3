"""SPARQL 1.1 Graph Store HTTP Protocol at /store (bearer token): GET, HEAD, PUT, POST, DELETE
with `?default` or `?graph=IRI`. POST without either creates a new graph (201 + Location)."""
from __future__ import annotations

import uuid
from typing import Optional

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from graph.ids import valid_iri
from graph.store.embedded import Store

from ..auth import require_token
from ..deps import get_store
from ..errors import ApiError, responses
from ..negotiate import pick

router = APIRouter(tags=["graph store"], dependencies=[Depends(require_token)])

# what GET answers (media -> pyoxigraph format), canonical first
OUT = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
       "application/ld+json": ox.RdfFormat.JSON_LD, "application/rdf+xml": ox.RdfFormat.RDF_XML,
       "application/n-quads": ox.RdfFormat.N_QUADS, "text/plain": ox.RdfFormat.N_TRIPLES}
# what PUT / POST read
IN = {"text/turtle": ox.RdfFormat.TURTLE, "application/x-turtle": ox.RdfFormat.TURTLE,
      "application/turtle": ox.RdfFormat.TURTLE, "text/n3": ox.RdfFormat.N3,
      "application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
      "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/xml": ox.RdfFormat.RDF_XML,
      "application/ld+json": ox.RdfFormat.JSON_LD}
_OUT_NAMES = {m: m for m in OUT}

_GRAPH_DOC = "The graph's IRI (absolute)."
_DEFAULT_DOC = "Address the default graph (give it with no value: `?default`)."
_BODY = {"requestBody": {"required": True, "content": {m: {"schema": {"type": "string"}} for m in IN}}}
_GET_OK = {200: {"description": "The graph", "content": {m: {"schema": {"type": "string"}} for m in OUT}}}


def _target(request: Request, allow_none: bool = False) -> tuple[bool, Optional[str]]:
    """(given, graph IRI or None for the default graph)."""
    params = request.query_params
    has_default, graphs = "default" in params, params.getlist("graph")
    if has_default and graphs:
        raise ApiError(400, "bad request", "give either ?default or ?graph=IRI, not both")
    if len(graphs) > 1:
        raise ApiError(400, "bad request", "give one ?graph=IRI")
    if has_default:
        return True, None
    if graphs:
        iri = graphs[0]
        if not valid_iri(iri):
            raise ApiError(400, "bad request", f"?graph= needs an absolute IRI, not {iri!r}")
        return True, iri
    if allow_none:
        return False, None
    raise ApiError(400, "bad request", "say which graph: ?default or ?graph=IRI")


async def _parse_body(request: Request, base: str) -> list:
    ctype = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if ctype not in IN:
        raise ApiError(415, "unsupported media type", f"send RDF as one of {', '.join(IN)}, not {ctype or 'nothing'!r}")
    body = await request.body()

    def parse() -> list:
        return [q.triple for q in ox.parse(body, format=IN[ctype], base_iri=base)]

    try:
        return await run_in_threadpool(parse)
    except (SyntaxError, ValueError) as e:
        raise ApiError(400, "malformed RDF", str(e)) from None


def _check_exists(store: Store, iri: Optional[str]) -> None:
    if not store.graph_exists(iri):
        raise ApiError(404, "not found", f"no graph <{iri}> in the store")


async def _get(request: Request, store: Store, fmt: Optional[str], head: bool) -> Response:
    _, iri = _target(request)
    _check_exists(store, iri)
    chosen = pick(request.headers.get("accept"), fmt, _OUT_NAMES)
    if chosen is None:
        raise ApiError(406, "not acceptable", f"available: {', '.join(OUT)}")
    media = chosen[0]

    def dump() -> bytes:
        return ox.serialize(store.graph_triples(iri), format=OUT[media]) or b""

    body = await run_in_threadpool(dump)
    ctype = media + ("; charset=utf-8" if media.startswith("text/") else "")
    if head:
        return Response(status_code=200, media_type=ctype, headers={"Content-Length": str(len(body))})
    return Response(body, media_type=ctype, headers={"Vary": "Accept"})


@router.get("/store", summary="Graph Store: read a graph", responses={**_GET_OK, **responses(400, 401, 403, 404, 406)})
async def gsp_get(request: Request, default: Optional[str] = Query(None, description=_DEFAULT_DOC),
                  graph: Optional[str] = Query(None, description=_GRAPH_DOC),
                  format: Optional[str] = Query(None, description="turtle, nt, jsonld, rdfxml, nquads or a media type"),
                  store: Store = Depends(get_store)) -> Response:
    return await _get(request, store, format, head=False)


@router.head("/store", summary="Graph Store: does a graph exist", include_in_schema=False)
async def gsp_head(request: Request, format: Optional[str] = None, store: Store = Depends(get_store)) -> Response:
    return await _get(request, store, format, head=True)


@router.put("/store", summary="Graph Store: replace a graph", openapi_extra=_BODY, status_code=204,
            responses={201: {"description": "Created"}, 204: {"description": "Replaced"},
                       **responses(400, 401, 403, 413, 415)})
async def gsp_put(request: Request, default: Optional[str] = Query(None, description=_DEFAULT_DOC),
                  graph: Optional[str] = Query(None, description=_GRAPH_DOC),
                  store: Store = Depends(get_store)) -> Response:
    _, iri = _target(request)
    triples = await _parse_body(request, iri or str(request.url))
    existed = store.graph_exists(iri)
    await run_in_threadpool(store.write_triples, iri, triples, True)
    return Response(status_code=204 if existed else 201)


@router.post("/store", summary="Graph Store: add to a graph (or create one)", openapi_extra=_BODY, status_code=204,
             responses={201: {"description": "Created"}, 204: {"description": "Merged"},
                        **responses(400, 401, 403, 413, 415)})
async def gsp_post(request: Request, default: Optional[str] = Query(None, description=_DEFAULT_DOC),
                   graph: Optional[str] = Query(None, description=_GRAPH_DOC),
                   store: Store = Depends(get_store)) -> Response:
    given, iri = _target(request, allow_none=True)
    if not given:  # POST to the graph store itself: a new graph
        iri = str(request.url_for("gsp_get")) + "/" + uuid.uuid4().hex
    triples = await _parse_body(request, iri or str(request.url))
    existed = store.graph_exists(iri)
    await run_in_threadpool(store.write_triples, iri, triples, False)
    if not given:
        return Response(status_code=201, headers={"Location": iri or ""})
    return Response(status_code=204 if existed else 201)


@router.delete("/store", summary="Graph Store: delete a graph", status_code=204,
               responses={204: {"description": "Deleted"}, **responses(400, 401, 403, 404)})
async def gsp_delete(request: Request, default: Optional[str] = Query(None, description=_DEFAULT_DOC),
                     graph: Optional[str] = Query(None, description=_GRAPH_DOC),
                     store: Store = Depends(get_store)) -> Response:
    _, iri = _target(request)
    _check_exists(store, iri)
    await run_in_threadpool(store.drop_graph, iri)
    return Response(status_code=204)
