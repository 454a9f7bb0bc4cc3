"""Actors: a list, one actor (aliases, first/last seen, counts) and its timeline."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from graph.store import lookup, queries
from graph.store.embedded import Store

from ..deps import get_store
from ..errors import ApiError
from .graph import Limit, Offset, Window, window
from .timeline import Timeline

router = APIRouter(tags=["actors"])


class ActorRow(BaseModel):
    id: str
    label: Optional[str]
    events: int
    first_seen: Optional[str] = None
    last_seen: Optional[str] = None


class Actors(BaseModel):
    actors: list[ActorRow]
    limit: int
    offset: int
    next_offset: Optional[int] = None


class Counts(BaseModel):
    events: int
    as_agent: int
    as_target: int
    articles: int


class Actor(BaseModel):
    id: str
    label: str
    aliases: list[str]
    types: list[str]
    first_seen: Optional[str] = None
    last_seen: Optional[str] = None
    counts: Counts


def actor_or_404(store: Store, ref: str) -> dict:
    found = lookup.actor(store, lookup.full_id("actor", ref))
    if found is None:
        raise ApiError(404, "not found", f"no actor with id {ref!r}")
    return found


@router.get("/actors", response_model=Actors, summary="Actors, most events first")
def list_actors(q: Optional[str] = Query(None, description="Part of a name or alias."),
                w: Window = Depends(window), limit: int = Limit, offset: int = Offset,
                store: Store = Depends(get_store)) -> Actors:
    rows = lookup.actors(store, q, w.start, w.end, limit + 1, offset)
    return Actors(actors=rows[:limit], limit=limit, offset=offset,
                  next_offset=offset + limit if len(rows) > limit else None)


# One actor's story: what it says and is matters as much as what it does, and the actor filter already keeps
# the list short, so reporting and states are shown; what did not happen, what only may or is meant to, and
# the wanting or the phase of another event are not (the SemEval-2015 TimeLine gold, entity timelines, lists
# neither "could cut" nor "plans to" nor "plans"; it lists "will cut"). queries.STORY_EVENTS says which.
EntityAll = Query(None, alias="all", description="Unset (the default): the actor's story, every event it takes "
                  "part in that happened or is stated to come, not negated, possible or intended events "
                  "(modality negated, hypothetical) nor intentions and phases (class i_state, aspectual); "
                  "all=true: every event; all=false: occurrences and events with a CAMEO type, as /timeline.")


# Declared before /actors/{id:path}: a path parameter would swallow the /timeline suffix.
@router.get("/actors/{id:path}/timeline", response_model=Timeline, summary="An actor's events in time order")
def actor_timeline(id: str, w: Window = Depends(window), all_events: Optional[bool] = EntityAll,
                   limit: int = Query(50, ge=1, le=1000), offset: int = Offset,
                   store: Store = Depends(get_store)) -> Timeline:
    ref = actor_or_404(store, id)["id"]
    rows = queries.timeline(store, w.start, w.end, actor=ref, limit=limit + 1, offset=offset,
                            all_events=bool(all_events), story=all_events is None)
    return Timeline(events=rows[:limit], limit=limit, offset=offset,
                    next_offset=offset + limit if len(rows) > limit else None)


@router.get("/actors/{id:path}", response_model=Actor, summary="One actor: aliases, first/last seen, counts")
def get_actor(id: str, store: Store = Depends(get_store)) -> Actor:
    return Actor(**actor_or_404(store, id))
