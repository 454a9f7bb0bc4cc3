"""What the SPARQL 1.1 Protocol's query and update requests share: the body's media type and
charset, the parameters (URL and form body together) and the base IRI.

As Oxigraph's server does, a form POST reads its parameters from the URL *and* the body, so
`POST /sparql?default-graph-uri=…` with `query=…` in the body names a dataset; the text itself
(`query` / `update`) may be given once only, wherever it is.
"""
from __future__ import annotations

from typing import Optional
from urllib.parse import parse_qsl

from fastapi import Request

from graph.ids import valid_iri

from .errors import ApiError

FORM = "application/x-www-form-urlencoded"


def media_type(request: Request) -> str:
    """The request body's media type, lower-cased, without parameters ('' if none)."""
    return (request.headers.get("content-type") or "").split(";")[0].strip().lower()


def check_charset(request: Request) -> None:
    """A SPARQL body is UTF-8 (Protocol §2.1.3, §2.2.2): refuse a body that says otherwise."""
    for param in (request.headers.get("content-type") or "").split(";")[1:]:
        name, _, value = param.partition("=")
        charset = value.strip().strip('"').lower()
        if name.strip().lower() == "charset" and charset not in ("utf-8", "utf8"):
            raise ApiError(415, "unsupported media type", f"the body must be UTF-8, not {charset or 'nothing'!r}")


async def body_text(request: Request) -> str:
    """The request body as text; 400 if it is not UTF-8."""
    try:
        return (await request.body()).decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "bad request", "the request body is not UTF-8") from None


async def parameters(request: Request, with_body: bool) -> dict[str, list[str]]:
    """The URL's parameters, and the form body's too when `with_body` (a form POST)."""
    params: dict[str, list[str]] = {}
    pairs = list(request.query_params.multi_items())
    if with_body:
        try:
            pairs += parse_qsl(await body_text(request), keep_blank_values=True, errors="strict")
        except UnicodeDecodeError:
            raise ApiError(400, "bad request", "the form is not UTF-8 once percent-decoded") from None
    for key, value in pairs:
        params.setdefault(key, []).append(value)
    return params


def one(params: dict[str, list[str]], name: str, text: Optional[str] = None) -> Optional[str]:
    """The single `name` parameter (or `text`, the body of a direct POST); 400 if given twice."""
    values = ([text] if text is not None else []) + params.get(name, [])
    if len(values) > 1:
        raise ApiError(400, "bad request", f"the request gives {len(values)} {name} texts (URL, form or body): send one")
    return values[0] if values else None


def graph_iris(params: dict[str, list[str]], name: str) -> list[str]:
    """The absolute IRIs given as `name` (default-graph-uri, using-graph-uri, ...); 400 if one is not."""
    iris = params.get(name, [])
    for iri in iris:
        if not valid_iri(iri):
            raise ApiError(400, "bad request", f"{name} needs an absolute IRI, not {iri!r}")
    return iris


def base_iri(request: Request) -> Optional[str]:
    """The endpoint's URL without its query, the base for relative IRIs in a query or update
    (as Oxigraph's server; the Protocol lets the service choose). None if it is not an IRI."""
    url = str(request.url.replace(query="", fragment=""))
    return url if valid_iri(url) else None
