"""The analysts' page at `/`: one HTML file and its bundle, built from web/ by esbuild (npm run build).

The bundle is committed under api/static/ so that `pip install .` needs no Node; every script,
style and map shape the page uses is served from here, so it works with no network at all.
"""
from __future__ import annotations

import mimetypes
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from ..errors import ApiError

STATIC = Path(__file__).resolve().parent.parent / "static"
router = APIRouter(include_in_schema=False)

# The bundle's names are fixed (no content hashes, so the build is reproducible): browsers must
# revalidate, and the ETag FileResponse sends makes that a 304.
_HEADERS = {"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}


def _file(name: str) -> FileResponse:
    path = (STATIC / name).resolve()
    if STATIC not in path.parents or not path.is_file():
        raise ApiError(404, "not found", f"no static file {name!r}")
    media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return FileResponse(path, media_type=media, headers=_HEADERS)


@router.api_route("/", methods=["GET", "HEAD"])
def index() -> FileResponse:
    """The page; `?tab=sparql&query=...` is read by the page itself."""
    return _file("index.html")


@router.api_route("/static/{name:path}", methods=["GET", "HEAD"])
def static(name: str) -> FileResponse:
    return _file(name)
