"""Errors as `{"error": ..., "detail": ...}`, never a stack trace."""
from __future__ import annotations

import logging
from typing import Any, Optional

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)


class ApiError(HTTPException):
    def __init__(self, status: int, error: str, detail: object = "", headers: Optional[dict] = None) -> None:
        super().__init__(status_code=status, detail=detail, headers=headers)
        self.error = error


def _body(error: str, detail: object) -> dict:
    return {"error": error, "detail": detail}


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(_body(exc.error, exc.detail), status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(_body(str(exc.detail) if exc.status_code != 404 else "not found", str(exc.detail)),
                            status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [{"field": ".".join(str(p) for p in e["loc"][1:]) or str(e["loc"][0]), "message": e["msg"]} for e in exc.errors()]
        return JSONResponse(_body("invalid request", fields), status_code=422)

    @app.exception_handler(Exception)
    async def crash(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return JSONResponse(_body("internal error", type(exc).__name__), status_code=500)


class ErrorBody(BaseModel):
    """Every error the service answers: a short `error` and a `detail` saying what to do."""
    error: str
    detail: Any = None


_REASONS = {400: "Bad request (malformed query, bad parameter)", 401: "Missing or wrong bearer token",
            403: "Writes are disabled (no TKG_TOKEN configured)", 404: "Not found",
            406: "Not acceptable: no result format matches Accept / format=", 413: "Request or result too large",
            414: "Query too long", 415: "Unsupported request content type", 422: "Invalid parameter",
            503: "Query timed out or the server is saturated"}


def responses(*codes: int) -> dict:
    """OpenAPI `responses=` entries for these error codes, all with the ErrorBody schema."""
    return {c: {"model": ErrorBody, "description": _REASONS.get(c, "Error")} for c in codes}


def document(app: FastAPI) -> None:
    """Make the OpenAPI schema tell the truth about errors: every 422 (and the 404 of any path with an
    `{id}`) answers ErrorBody, not FastAPI's default `HTTPValidationError` shape."""
    from fastapi.openapi.utils import get_openapi

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["ErrorBody"] = ErrorBody.model_json_schema()
        body = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
        for path, ops in schema.get("paths", {}).items():
            for op in ops.values():
                if not isinstance(op, dict) or "responses" not in op:
                    continue
                r = op["responses"]
                if "422" in r or op.get("parameters") or "requestBody" in op:
                    r["422"] = {"description": _REASONS[422], "content": body}
                if "{" in path and "404" not in r:
                    r["404"] = {"description": _REASONS[404], "content": body}
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
