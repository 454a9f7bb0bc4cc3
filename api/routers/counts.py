"""GET /api/v1/timeline/counts: events and articles per day, month or year, from the kept counts."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from graph.store import time_index
from graph.store.embedded import Store

from ..deps import get_store
from .graph import Window, window

router = APIRouter(tags=["timeline"])


class Period(BaseModel):
    period: str
    events: int
    articles: int


class Counts(BaseModel):
    by: str
    events: int
    articles: int
    periods: list[Period]
    indexed: bool


@router.get("/timeline/counts", response_model=Counts, summary="Events and articles per day, month or year",
            description="Events by the day they begin, articles by the day they appeared, in the window. Read "
                        "from the counts the store keeps per day (the time index), not counted per request; "
                        "`indexed` is false for a store written before the index (`tkg migrate` adds it), "
                        "whose figures are counted over every date.")
async def get_counts(w: Window = Depends(window), by: Literal["day", "month", "year"] = Query("month"),
                     store: Store = Depends(get_store)) -> Counts:
    def compute() -> Counts:
        events = dict(time_index.histogram(store, w.start, w.end, by, "events"))
        articles = dict(time_index.histogram(store, w.start, w.end, by, "articles"))
        periods = [Period(period=p, events=events.get(p, 0), articles=articles.get(p, 0))
                   for p in sorted(events.keys() | articles.keys())]
        return Counts(by=by, events=sum(events.values()), articles=sum(articles.values()), periods=periods,
                      indexed=time_index.state(store).indexed)

    return await run_in_threadpool(compute)
