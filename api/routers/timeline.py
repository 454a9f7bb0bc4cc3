"""GET /api/v1/timeline: events in time order."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from graph.store import queries, time_index
from graph.store.embedded import Store

from ..deps import get_store
from ..errors import ApiError, responses
from ..response_cache import cache_of
from .graph import Window, window

router = APIRouter(tags=["timeline"])

TEXT_DOC = ("Free text: events whose label, trigger word, or a label of one of their actors or of their place "
            "contains it (case ignored; typographic apostrophes match straight ones). Matched in the store, "
            "over the window and the other filters' events, not only over one page.")

COMPACT_DOC = ("true: each event without `sentence`, `article` and `sources` (a quarter to a third of the "
               "answer's size and one query less), for lists that show events and ask `/events/{id}` for one "
               "event's provenance. Default false: the full answer.")
# what compact=true leaves out of every event
LEAN = {"events": {"__all__": {"sentence", "article", "sources"}}}


class ActorRef(BaseModel):
    id: str
    label: str
    role: str


class PlaceRef(BaseModel):
    id: str
    label: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None


class SentenceRef(BaseModel):
    id: str
    text: str


class ArticleRef(BaseModel):
    id: str
    title: Optional[str] = None


class SourceArticle(BaseModel):
    id: str
    title: Optional[str] = None
    publisher: Optional[str] = None


class SourceSentence(BaseModel):
    id: str
    text: Optional[str] = None


class Source(BaseModel):
    event: str = Field(description="The event this article's sentence gave (the listed event itself, or a mention of "
                                   "the same happening merged into it).")
    article: Optional[SourceArticle] = None
    sentence: SourceSentence


class TimelineEvent(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    id: str
    label: Optional[str]
    date: str
    timex: Optional[str] = None
    begin: Optional[str] = None
    end: Optional[str] = None
    time_source: Optional[str] = None
    type: Optional[str] = None
    type_label: Optional[str] = None
    trigger: Optional[str] = None
    modality: Optional[str] = None
    class_: Optional[str] = Field(None, alias="class", description="TimeML event class: occurrence, state, "
                                  "reporting, perception, aspectual, i_action, i_state, intention.")
    confidence: float
    fatalities: int = Field(0, description="Dead the article states for the event (ACLED's fatalities); 0: none stated.")
    actors: list[ActorRef]
    place: Optional[PlaceRef] = None
    sentence: SentenceRef
    article: ArticleRef
    sources: list[Source] = Field(default_factory=list, description="Every article and sentence that reports this "
                                  "happening: the event's own first, then the events of other articles merged into it.")


class Timeline(BaseModel):
    events: list[TimelineEvent]
    limit: int
    offset: int
    next_offset: Optional[int] = None
    window_events: Optional[int] = Field(None, description="Every event that begins in the window, from the counts "
                                         "the store keeps per month: also the mentions merged into a happening and "
                                         "the classes the default hides, so the pages list at most this many; null "
                                         "with an actor, place, type or text filter (not kept).")


@router.get("/timeline", response_model=Timeline, summary="Events in time order", responses=responses(404),
            description="Answers carry an ETag that changes when the store does; send it back in "
                        "`If-None-Match` to get 304 Not Modified. `actor` and `place` take an id or a whole "
                        "name (404 if nothing has it); `/actors?q=` finds actors by part of a name. `q` is free "
                        "text over the events' labels, trigger words and their actors' and place's labels.")
async def get_timeline(
    request: Request,
    w: Window = Depends(window),
    actor: Optional[str] = Query(None, description="Actor id (actor/minusma or minusma), or an exact label or alias "
                                                   "(case and apostrophes ignored)."),
    place: Optional[str] = Query(None, description="Place id (place/2453866 or 2453866), or an exact label."),
    type: Optional[str] = Query(None, description="CAMEO code or prefix (19, 192)."),
    q: Optional[str] = Query(None, max_length=queries.TEXT_MAX, description=TEXT_DOC),
    all_events: bool = Query(False, alias="all", description="Every event: also reporting, state, perception, "
                             "aspectual and intensional events without a CAMEO type, and intended events (default: "
                             "occurrences and events with a CAMEO type, not intended)."),
    limit: int = Query(50, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=10**9),
    compact: bool = Query(False, description=COMPACT_DOC),
    store: Store = Depends(get_store),
) -> Response:
    start, end = w.start, w.end
    text = queries.normal_name(q) if q else None  # as matched: "Kidal " and "kidal" share a cache entry

    def compute() -> bytes:
        try:
            rows = queries.timeline(store, start, end, actor, place, type, limit + 1, offset, all_events, text=text,
                                    with_sources=not compact)
        except queries.UnknownRef as e:
            raise ApiError(404, "not found", str(e)) from None
        except queries.QueryError as e:
            raise ApiError(422, "invalid request", [{"field": e.field, "message": str(e)}]) from None
        more = len(rows) > limit
        total = None if (actor or place or type or text) else time_index.count(store, start, end)
        page = Timeline(events=rows[:limit], limit=limit, offset=offset,
                        next_offset=offset + limit if more else None, window_events=total)
        return page.model_dump_json(by_alias=True, exclude=LEAN if compact else None).encode()

    revision = await run_in_threadpool(lambda: store.revision) if store.remote else store.revision  # remote: a query
    key = ("timeline", revision, start, end, actor, place, type, text, limit, offset, all_events, compact)
    return await cache_of(request).answer(request, key, lambda: run_in_threadpool(compute),
                                          revision=None if store.remote else revision)
