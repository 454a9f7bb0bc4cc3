"""One event with its provenance: the sentence it was read from and the article."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from graph.ids import BASE, id_of
from graph.store import happenings, lookup
from graph.store.embedded import Store

from ..auth import require_token
from ..deps import get_store
from ..errors import ApiError, responses
from .timeline import ActorRef, PlaceRef, Source

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
                                  "reporting, perception, aspectual, i_action, i_state, intention.")
    confidence: Optional[float] = None
    fatalities: int = Field(0, description="Dead the article states for the event (ACLED's fatalities); 0: none stated.")
    actors: list[ActorRef]
    place: Optional[PlaceRef] = None
    provenance: Provenance
    sources: list[Source] = Field(default_factory=list, description="Every article and sentence that reports this "
                                  "happening: the event's own first, then the events of other articles merged into it.")
    same_happening_as: Optional[str] = Field(None, description="When this event was merged into another article's "
                                             "event for the same happening: that event's id (timelines list it).")


class Unlinked(BaseModel):
    mention: str
    representative: str


class Split(BaseModel):
    split: list[Unlinked]


@router.get("/events/{id:path}", response_model=Event, summary="One event, with the sentence and article it came from")
def get_event(id: str, store: Store = Depends(get_store)) -> Event:
    found = lookup.event(store, lookup.full_id("event", id))
    if found is None:
        raise ApiError(404, "not found", f"no event with id {id!r}")
    iri = BASE + lookup.full_id("event", id)
    links = happenings.live_links(store, iri)
    rep = next((r for _, m, r in links if m == iri), None)
    return Event(**found, sources=happenings.sources(store, [rep or iri]).get(rep or iri, []),
                 same_happening_as=id_of(rep) if rep else None)


@router.delete("/events/{id:path}/happening", response_model=Split, dependencies=[Depends(require_token)],
               summary="Split an event from the happening it was merged into (bearer token)",
               responses=responses(401, 403, 404),
               description="An analyst correction: the event is not the happening it was merged into. A merged "
                           "event leaves it; for the event that represents a happening, every event merged into "
                           "it leaves. The links are removed and stamped `prov:invalidatedAtTime`; ingest never "
                           "merges those pairs again. 404 when the event is in no happening.")
def split_event(id: str, store: Store = Depends(get_store)) -> Split:
    ref = lookup.full_id("event", id)
    if not lookup.valid_id(ref):
        raise ApiError(404, "not found", f"no event with id {id!r}")
    undone = happenings.split(store, BASE + ref)
    if not undone:
        raise ApiError(404, "not found", f"event {id!r} is merged with no other event")
    return Split(split=undone)
