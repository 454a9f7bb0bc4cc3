"""GET /api/v1/states: who controlled a place, held an office, was in power or present, on a day, as known then."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from graph.store import states as state_queries
from graph.store.embedded import Store
from graph.store.queries import QueryError

from ..deps import get_store
from ..errors import ApiError
from ..response_cache import cache_of

router = APIRouter(tags=["states"])


class NodeRef(BaseModel):
    id: str
    label: Optional[str] = None


class SentenceRef(BaseModel):
    id: str
    text: str


class ArticleRef(BaseModel):
    id: str
    title: Optional[str] = None


# `from` is a Python keyword: the models name it `from_` and read and write it as "from"
From = Field(None, alias="from", description="When it began: a TIMEX3 value at its precision; null: an open start.")


class Source(BaseModel):
    """One article's statement of the state: its fact node, sentences and events, its own bounds."""
    model_config = ConfigDict(populate_by_name=True)
    fact: str
    article: ArticleRef
    sentences: list[SentenceRef]
    events: list[str]
    from_: Optional[str] = From
    until: Optional[str] = None
    held_at: Optional[str] = Field(None, description="A time the text says it held.")
    recorded: Optional[str] = Field(None, description="When ingest recorded it (UTC).")
    confidence: float


class ClosedBy(BaseModel):
    """The later fact of another holder that ended this one, and when that was recorded."""
    model_config = ConfigDict(populate_by_name=True)
    holder: NodeRef
    fact: str
    from_: Optional[str] = From
    recorded: Optional[str] = None


class State(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    holder: NodeRef
    relation: str = Field(description="controls, presentIn, holdsOffice or inPower.")
    object: NodeRef
    role: Optional[str] = Field(None, description="The office, for holdsOffice.")
    from_: Optional[str] = From
    until: Optional[str] = Field(None, description="When it ended (text or closed_by); null: it still holds.")
    closed_by: Optional[ClosedBy] = None
    recorded: Optional[str] = Field(None, description="When it was first recorded (UTC).")
    confidence: float
    sources: list[Source]


class States(BaseModel):
    states: list[State]


@router.get("/states", summary="State facts (control, presence, office, power) that held at a time, as known at a time",
            description="Without `at`, the states that hold now. A state ends where the text says, or where a "
                        "later-recorded fact names another holder of the same place, office or country from a later "
                        "date (`closed_by`, with the record time of that change). `known_at` answers from what had "
                        "been ingested by then. Dates: YYYY, YYYY-MM or YYYY-MM-DD (`known_at` also an ISO date-time). "
                        "Keys `from` and `until` are TIMEX3 values at their precision.",
            response_model=States)
async def get_states(
    request: Request,
    place: Optional[str] = Query(None, description="Place id (place/2455290) or part of a name."),
    actor: Optional[str] = Query(None, description="Holder: actor id (actor/minusma) or part of a name."),
    relation: Optional[str] = Query(None, description="controls, presentIn, holdsOffice or inPower."),
    at: Optional[str] = Query(None, description="A day, month or year the state held (YYYY[-MM[-DD]]); default now."),
    known_at: Optional[str] = Query(None, description="Answer from what was recorded by this day or instant."),
    store: Store = Depends(get_store),
) -> Response:
    def compute() -> bytes:
        try:
            rows = state_queries.states(store, place, actor, relation, at, known_at)
        except QueryError as e:
            raise ApiError(422, "invalid request", [{"field": e.field, "message": str(e)}]) from None
        return States(states=[State.model_validate(r) for r in rows]).model_dump_json(by_alias=True).encode()

    revision = await run_in_threadpool(lambda: store.revision) if store.remote else store.revision
    # without `at` the answer depends on today's date too: keyed by it, and not served by URL alone
    key = ("states", revision, place, actor, relation, at or _today(), known_at)
    return await cache_of(request).answer(request, key, lambda: run_in_threadpool(compute),
                                          revision=None if store.remote or not at else revision)


def _today() -> str:
    from datetime import date

    return date.today().isoformat()
