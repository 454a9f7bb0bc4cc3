"""Events in a place or anywhere inside it.

Every place in the graph states the places it lies in, nearest first, as a ``schema:containedInPlace`` chain
(Kabul -> Kābul Province -> Afghanistan; see graph.rdf.triples), so "the events in Afghanistan" are the events
whose place is Afghanistan or lies inside it, at any depth:

    ?e sem:hasPlace/schema:containedInPlace* <https://w3id.org/timeline-kg/id/place/1149361> .

(a SPARQL 1.1 property path: ``*`` is zero or more steps, so the place itself counts). The REST ``place=``
filter uses it; README ("Places inside places") shows it as a query of its own.
"""
from __future__ import annotations

from typing import Any

# the property path from an event to its place and every place that contains it (prefixes sem:, schema:)
PLACE_PATH = "sem:hasPlace/schema:containedInPlace*"


def within_pattern(event: str, place: str) -> str:
    """The SPARQL triple pattern "the place of ``event`` is ``place`` or lies inside it"; ``event`` is a
    variable ("?e"), ``place`` a variable or an IRI written ``<...>``."""
    return f"{event} {PLACE_PATH} {place} ."


def within(store: Any, places: list[str]) -> list[str]:
    """The places given and every place that lies inside one of them (at any depth), sorted: what a window's
    events are checked against, one `sem:hasPlace` each, instead of the path (see graph.store.queries)."""
    branches = " UNION ".join(f"{{ ?in <https://schema.org/containedInPlace>* <{p}> }}" for p in places)
    found = {r["in"].value for r in store.ox_query(f"SELECT DISTINCT ?in WHERE {{ {branches} }}")}
    return sorted(found | set(places))
