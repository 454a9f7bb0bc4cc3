"""One article's state facts: the rules' findings, merged.

Every rule states what one sentence says (a begin, an end, a time it held). Within an article,
statements of the same fact (holder, relation, object, office) with the same bounds are one fact
with all their sentences and events; a begin and a later end of the same fact ("seized the town in
2012 ... withdrew in 2014") are one interval. Closing a fact by the next holder's begin is not done
here: it is a question asked across articles, with record times (graph/store/states.py).
"""
from __future__ import annotations

from datetime import datetime
from typing import Iterable, Optional

from spacy.tokens import Doc

from graph.extract.facts.control import ControlRules
from graph.extract.facts.control_states import ControlStates
from graph.extract.facts.fact_context import FactContext
from graph.extract.facts.offices import OfficeRules
from graph.extract.facts.power import PowerRules
from graph.extract.model import Entity, Event, EventTime, Location, StateFact, Timex


def find_facts(doc: Doc, timexes: list[Timex], entities: list[Entity], locations: list[Location],
               events: list[Event], dct: datetime) -> list[StateFact]:
    """State facts (control, presence, office, power) an article states, with their validity and sources."""
    ctx = FactContext(doc, dct, timexes, entities, locations, events)
    found: list[StateFact] = []
    for rules in (ControlRules(ctx), ControlStates(ctx), PowerRules(ctx), OfficeRules(ctx)):
        found += rules.facts()
    return merge(f for f in found if _consistent(f))


def _begin(t: Optional[EventTime]) -> str:
    return (t.begin or "") if t is not None else ""


def _consistent(f: StateFact) -> bool:
    """A fact that ends before it begins says nothing (a misread time)."""
    return not (f.start and f.end and f.end.begin and f.start.begin and f.end.begin < f.start.begin)


def _key(f: StateFact) -> tuple:
    return f.relation, f.holder, f.object, f.role


def _bounds(f: StateFact) -> tuple:
    return (f.start.value if f.start else None, f.end.value if f.end else None, f.ended_by)


def _absorb(into: StateFact, f: StateFact) -> None:
    into.sentences = sorted(set(into.sentences) | set(f.sentences))
    into.events = sorted(set(into.events) | set(f.events))
    into.confidence = max(into.confidence, f.confidence)
    if f.held_at is not None and (into.held_at is None or _begin(f.held_at) > _begin(into.held_at)):
        into.held_at = f.held_at  # the latest time the article says it held


def merge(facts: Iterable[StateFact]) -> list[StateFact]:
    groups: dict[tuple, list[StateFact]] = {}
    for f in facts:
        same = next((g for g in groups.setdefault(_key(f), []) if _bounds(g) == _bounds(f)), None)
        if same is None:
            groups[_key(f)].append(f)
        else:
            _absorb(same, f)
    out: list[StateFact] = []
    for group in groups.values():
        out += _join_intervals(group)
    return sorted(out, key=lambda f: (min(f.sentences or [0]), f.relation, f.holder, f.object, _begin(f.start)))


def _join_intervals(group: list[StateFact]) -> list[StateFact]:
    """A begin-only and a later end-only statement of one fact are one interval (the latest begin before it)."""
    begins = sorted((f for f in group if f.start and not f.end), key=lambda f: _begin(f.start))
    used: set[int] = set()
    for f in group:
        if not (f.end and not f.start):
            continue
        before = [b for b in begins if id(b) not in used and _begin(b.start) < _begin(f.end)]
        if before:
            b = before[-1]
            used.add(id(b))
            b.end = f.end
            _absorb(b, f)
            used.add(id(f))
    return [f for f in group if id(f) not in used or (f.start and f.end)]
