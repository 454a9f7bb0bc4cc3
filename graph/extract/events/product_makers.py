"""A product's maker takes part in the product's events (issue #16, SemEval-2015 TimeLine: an entity's timeline).

"The first Corvel C90 was delivered to Nordair", "the plane made its first flight": the events a named product (an
aircraft or vehicle model, actors/products.py) takes part in are its maker's too, as the maker builds, delivers
and flies it; the maker's timeline lists them. The maker is the manufacturer the product's family name starts with
("Boeing 787" -> Boeing): the article's organisation of that name when it names one (its actor, whatever its full
name: "The Boeing Company"), else the actor that name gives. The maker joins as a participant the event shares
(`Event.shared_actors`, as a mention told again shares its antecedent's), not as an argument of its sentence.
"""
from __future__ import annotations

from dataclasses import replace

from graph.extract.actors.products import MANUFACTURERS
from graph.extract.model import Entity, Event
from graph.ids import actor_iri


def _makers(entities: list[Entity]) -> dict[str, str]:
    """Product actor IRI -> its maker's actor IRI."""
    orgs: dict[str, str] = {}  # a name's first word -> the article's organisation of that name
    for e in entities:
        if e.kind == "organization" and e.canonical and e.label:
            orgs.setdefault(e.label.split()[0], e.canonical)
    out: dict[str, str] = {}
    for e in entities:
        if e.kind != "product" or not e.canonical or not e.label:
            continue
        maker = e.label.split()[0]
        if maker in MANUFACTURERS and " " in e.label:
            out[e.canonical] = orgs.get(maker) or actor_iri(maker)
    return out


def with_makers(events: list[Event], entities: list[Entity]) -> list[Event]:
    """The events with the makers of the products they involve as shared participants."""
    makers = _makers(entities)
    if not makers:
        return events
    out = []
    for ev in events:
        mine = {a.canonical for a in ev.args if a.canonical} | set(ev.shared_actors)
        extra = [makers[c] for c in sorted(mine) if c in makers and makers[c] not in mine]
        out.append(replace(ev, shared_actors=list(dict.fromkeys(ev.shared_actors + extra))) if extra else ev)
    return out
