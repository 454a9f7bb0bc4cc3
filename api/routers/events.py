"""One event with its provenance: the sentence it was read from and the article."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from graph.store import lookup
from graph.store.embedded import Store

from ..deps import get_store
from ..errors import ApiError
from .timeline import ActorRef, PlaceRef

router = APIRouter(tags=["events"])


class SentenceRef(BaseModel):
    id: str
    text: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


class ArticleRef(BaseModel):
    id: str
    title: Optional[str] = None
    url: Optional[str] = None
    issued: Optional[str] = None
    publisher: Optional[str] = None


class Provenance(BaseModel):
    derived_from: Optional[SentenceRef] = None
    article: Optional[ArticleRef] = None


class Event(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    id: str
    label: Optional[str] = None
    trigger: Optional[str] = None
    type: Optional[str] = None
    type_label: Optional[str] = None
    date: Optional[str] = None
    timex: Optional[str] = None
    begin: Optional[str] = None
    end: Optional[str] = None
    time_source: Optional[str] = None
    modality: Optional[str] = None
    class_: Optional[str] = Field(None, alias="class", description="TimeML event class: occurrence, state, "
                                  "reporting, perception, aspectual, i_action, i_state.")
    confidence: Optional[float] = None
    fatalities: int = Field(0, description="Dead the article states for the event (ACLED's fatalities); 0: none stated.")
    actors: list[ActorRef]
    place: Optional[PlaceRef] = None
    provenance: Provenance


@router.get("/events/{id:path}", response_model=Event, summary="One event, with the sentence and article it came from")
def get_event(id: str, store: Store = Depends(get_store)) -> Event:
    found = lookup.event(store, lookup.full_id("event", id))
    if found is None:
        raise ApiError(404, "not found", f"no event with id {id!r}")
    return Event(**found)
