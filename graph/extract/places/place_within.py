"""The places a place mention lies in (its first-level region, then its country), from the gazetteer's
hierarchy: what the graph states as a ``schema:containedInPlace`` chain (town -> region -> country), so that a
filter on a country or a region finds the events placed inside it."""
from __future__ import annotations

from graph.extract.model import Location, PlaceRef
from graph.extract.places.gazetteer import Gazetteer, GeoPlace
from graph.ids import place_iri


def set_within(locations: list[Location], gaz: Gazetteer) -> None:
    """Fill each location's ``within`` (nearest first)."""
    seen: dict[tuple, list[PlaceRef]] = {}
    for loc in locations:
        key = (loc.geonames_id, loc.country)
        if key not in seen:
            seen[key] = _within(loc, gaz)
        loc.within = list(seen[key])


def _within(loc: Location, gaz: Gazetteer) -> list[PlaceRef]:
    place = gaz.place_by_id(loc.geonames_id) if loc.geonames_id else None
    if place is not None:
        parents = gaz.parents(place)
    else:  # a place without an id ("the Kidal region" the gazetteer lacks) still lies in its country
        country = gaz.countries.get(loc.country) if loc.country else None
        parents = [country] if country is not None else []
    return [_ref(p) for p in parents]


def _ref(p: GeoPlace) -> PlaceRef:
    return PlaceRef(place_iri(p.geonames_id, p.name), p.name, p.kind, p.geonames_id, p.lat, p.lon, p.country)
