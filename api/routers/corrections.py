"""Analysts' corrections (graph/store/corrections.py): list them; make or undo one (bearer token)."""
from __future__ import annotations

from typing import Literal, Optional

from fastapi import APIRouter, Depends, Query
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from graph.store import corrections as fixes
from graph.store.embedded import Store

from ..auth import require_token
from ..deps import get_store
from ..errors import ApiError, responses

router = APIRouter(tags=["corrections"])


class CorrectionIn(BaseModel):
    action: Literal["merge", "split", "place"]
    keep: Optional[str] = Field(None, description="merge: the actor that stays (id or IRI)")
    gone: Optional[str] = Field(None, description="merge: the actor merged into it")
    actor: Optional[str] = Field(None, description="split: the actor")
    alias: Optional[str] = Field(None, description="split: the alias that becomes an actor of its own")
    target: Optional[str] = Field(None, description="place: a place id, a place name or an event id")
    geonames_id: Optional[int] = Field(None, description="place: the GeoNames id to set")
    by: Optional[str] = Field(None, description="who makes it (default: api)")


class CorrectionOut(BaseModel):
    id: str
    action: str
    by: str
    at: str
    what: str
    replaces: list[str]
    replacement: str
    alias: Optional[str] = None
    name: Optional[str] = None
    geonames_id: Optional[int] = None
    undone: Optional[str] = None


class Corrections(BaseModel):
    corrections: list[CorrectionOut]


_NEEDS = {"merge": ("keep", "gone"), "split": ("actor", "alias"), "place": ("target", "geonames_id")}


@router.get("/corrections", response_model=Corrections, summary="Analysts' corrections, oldest first")
def list_corrections(all_: bool = Query(False, alias="all", description="Also those undone."),
                     store: Store = Depends(get_store)) -> Corrections:
    return Corrections(corrections=[CorrectionOut(**fixes.as_dict(c)) for c in fixes.corrections(store, undone=all_)])


def _make(store: Store, body: CorrectionIn) -> fixes.Correction:
    by = body.by or "api"
    if body.action == "merge":
        return fixes.merge(store, body.keep or "", body.gone or "", by)
    if body.action == "split":
        return fixes.split(store, body.actor or "", body.alias or "", by)
    return fixes.place(store, body.target or "", body.geonames_id or 0, by)


@router.post("/corrections", response_model=CorrectionOut, status_code=201, dependencies=[Depends(require_token)],
             summary="Make a correction (bearer token): merge two actors, split an alias off, set a place",
             responses=responses(400, 401, 403, 404))
async def make_correction(body: CorrectionIn, store: Store = Depends(get_store)) -> CorrectionOut:
    missing = [f for f in _NEEDS[body.action] if getattr(body, f) in (None, "")]
    if missing:
        raise ApiError(400, "bad correction", f"{body.action} needs {' and '.join(missing)}")
    try:
        c = await run_in_threadpool(_make, store, body)
    except fixes.CorrectionError as e:
        raise ApiError(e.status, "bad correction" if e.status == 400 else "not found", str(e)) from None
    return CorrectionOut(**fixes.as_dict(c))


@router.delete("/corrections/{id:path}", response_model=CorrectionOut, dependencies=[Depends(require_token)],
               summary="Undo a correction (bearer token)", responses=responses(401, 403, 404))
async def undo_correction(id: str, by: Optional[str] = Query(None, description="who undoes it (default: api)"),
                          store: Store = Depends(get_store)) -> CorrectionOut:
    try:
        c = await run_in_threadpool(fixes.undo, store, id, by or "api")
    except fixes.CorrectionError as e:
        raise ApiError(e.status, "not found", str(e)) from None
    return CorrectionOut(**fixes.as_dict(c))
