"""What one analyst's correction does to a set of quads: a pure function, no store.

The same rewrite runs on the quads of the existing graph that a correction touches (graph/store/corrections.py
gathers them and writes the difference) and on every later article before it is written (`fix_batch`), so an
article ingested, or ingested again, after the correction says what the correction says.

- merge: every quad naming the gone actor names the kept one; the gone actor's labels become aliases of the
  kept one, its types go (the kept actor has its own).
- split: the sentences that use the alias mention a new actor labelled with it; an event or fact derived from
  such a sentence moves its role to the new actor when the alias is the actor's name nearest to its trigger
  (the graph keeps no mention offsets: the sentence text is the evidence).
- place: a place (by IRI or by name) or one event's place becomes the GeoNames place, described from the
  gazetteer; the old place's description goes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

import pyoxigraph as ox

from graph.ids import BASE, ENTITIES_GRAPH, ONTOLOGY

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
MENTIONS = ox.NamedNode(ONTOLOGY + "mentions")
TEXT = ox.NamedNode(ONTOLOGY + "text")
TRIGGER = ox.NamedNode(ONTOLOGY + "trigger")
DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
HAS_PLACE = ox.NamedNode("http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace")
ENTITIES = ox.NamedNode(ENTITIES_GRAPH)
_SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
_GEO = "http://www.opengis.net/ont/geosparql#"
_SCHEMA = "https://schema.org/"
_XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True)
class GeoTarget:
    """The GeoNames place a place correction points at, as the gazetteer gave it when it was made."""
    geonames_id: int
    label: str
    lat: float
    lon: float
    country: Optional[str]


@dataclass
class Correction:
    """One analyst's correction. `old`: the IRIs it replaces (the gone actor; the split actor; the places or
    the event); `new`: the IRI that replaces them (kept actor, new actor, GeoNames place)."""
    iri: str
    action: str  # merge | split | place
    old: tuple[str, ...]
    new: str
    by: str = "cli"
    at: str = ""
    alias: Optional[str] = None  # split: the alias split off
    name: Optional[str] = None  # place: the place name it was given by (every place so labelled, also later ones)
    scope: str = "place"  # place: "place" (the places in `old`) or "event" (the place of the events in `old`)
    geo: Optional[GeoTarget] = None
    names: tuple[str, ...] = field(default=())  # split: the actor's other names (read from the store when loaded)
    types: tuple[str, ...] = field(default=())  # split: the actor's classes, which the new actor takes (idem)
    undone: Optional[str] = None  # when it was undone (undone corrections are listed, never applied)

    def markers(self) -> tuple[str, ...]:
        """Strings an article's N-Triples must contain for this correction to change it (a cheap first test)."""
        if self.action == "place" and self.name:
            return (*(f"<{o}>" for o in self.old), f'"{self.name.lower()}"')
        return tuple(f"<{o}>" for o in self.old)

    def describe(self) -> str:
        short = [o[len(BASE):] if o.startswith(BASE) else o for o in (*self.old, self.new)]
        if self.action == "merge":
            return f"merge {short[0]} into {short[-1]}"
        if self.action == "split":
            return f"split alias {self.alias!r} off {short[0]} as {short[-1]}"
        what = f"places named {self.name!r}" if self.name else " ".join(short[:-1])
        return f"set {what} to GeoNames {self.geo.geonames_id if self.geo else '?'} ({short[-1]})"


def rewrite(c: Correction, quads: Iterable[ox.Quad]) -> set[ox.Quad]:
    """The quads as they are once the correction `c` holds."""
    quads = set(quads)
    if c.action == "merge":
        return _merge(c, quads)
    if c.action == "split":
        return _split(c, quads)
    return _place(c, quads)


def _merge(c: Correction, quads: set[ox.Quad]) -> set[ox.Quad]:
    gone, keep = {ox.NamedNode(o) for o in c.old}, ox.NamedNode(c.new)
    out = set()
    for q in quads:
        s, p, o, g = q.subject, q.predicate, q.object, q.graph_name
        if s in gone:
            if p == RDF_TYPE and g == ENTITIES:
                continue
            s, p = keep, (ALT if p == LABEL and g == ENTITIES else p)
        if o in gone:
            o = keep
        out.add(ox.Quad(s, p, o, g))
    return out


def occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Where `name` stands in `text` as whole words, any case."""
    if not name.strip():
        return []
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in name.split()) + r"(?!\w)"
    return [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]


def _spans(text: str, alias: str, names: Iterable[str]) -> tuple[list, list]:
    """(where the alias stands, where another name of the actor stands outside the alias)."""
    mine = occurrences(text, alias)
    others = [sp for n in names if n.lower() != alias.lower() for sp in occurrences(text, n)
              if not any(a <= sp[0] < b or a < sp[1] <= b for a, b in mine)]
    return mine, others


def _nearest_is_alias(text: str, trigger: Optional[str], mine: list, others: list) -> bool:
    if not mine:
        return False
    if not others:
        return True
    at = text.lower().find((trigger or "").lower()) if trigger else -1
    if at < 0:
        return False  # no way to tell which name the event is about: it stays
    dist = lambda spans: min(min(abs(at - a), abs(at - b)) for a, b in spans)  # noqa: E731
    return dist(mine) < dist(others)


def _split(c: Correction, quads: set[ox.Quad]) -> set[ox.Quad]:
    actor, new = ox.NamedNode(c.old[0]), ox.NamedNode(c.new)
    alias = c.alias or ""
    texts = {q.subject: q.object.value for q in quads if q.predicate == TEXT}
    triggers = {q.subject: q.object.value for q in quads if q.predicate == TRIGGER}
    source = {q.subject: q.object for q in quads if q.predicate == DERIVED}
    types = {q.object for q in quads if q.subject == actor and q.predicate == RDF_TYPE} | \
        {ox.NamedNode(t) for t in c.types}
    out, described = set(), False
    for q in quads:
        s, p, o, g = q.subject, q.predicate, q.object, q.graph_name
        if s == actor and p == ALT and g == ENTITIES and o.value.lower() == alias.lower():
            out.add(ox.Quad(new, LABEL, ox.Literal(o.value), g))
            described = True
            continue
        if o == actor and g != ENTITIES:
            text = texts.get(s if p == MENTIONS else source.get(s))
            if text is not None:
                mine, others = _spans(text, alias, c.names)
                if p == MENTIONS and mine:
                    out.add(ox.Quad(s, p, new, g))
                    described = True
                    if not others:
                        continue
                elif p != MENTIONS and _nearest_is_alias(text, triggers.get(s), mine, others):
                    out.add(ox.Quad(s, p, new, g))
                    described = True
                    continue
        out.add(q)
    if described:
        out |= {ox.Quad(new, RDF_TYPE, t, ENTITIES) for t in types}
        out.add(ox.Quad(new, LABEL, ox.Literal(alias), ENTITIES))
    return out


def place_description(iri: str, geo: GeoTarget) -> set[ox.Quad]:
    """The GeoNames place as extraction describes a place (graph/rdf/triples.py, _place_triples)."""
    from graph.rdf.triples import coord  # the same positional notation the shapes accept

    p, geom = ox.NamedNode(iri), ox.NamedNode(iri + "/geometry")
    lat, lon = coord(geo.lat), coord(geo.lon)
    t = [(p, RDF_TYPE, ox.NamedNode(_SEM + "Place")), (p, RDF_TYPE, ox.NamedNode(_GEO + "Feature")),
         (p, LABEL, ox.Literal(geo.label)),
         (p, ox.NamedNode(_SCHEMA + "sameAs"), ox.NamedNode(f"https://sws.geonames.org/{geo.geonames_id}/")),
         (p, ox.NamedNode(_GEO + "hasGeometry"), geom),
         (geom, ox.NamedNode(_GEO + "asWKT"), ox.Literal(f"POINT({lon} {lat})", datatype=ox.NamedNode(_GEO + "wktLiteral"))),
         (p, ox.NamedNode(_SCHEMA + "latitude"), ox.Literal(lat, datatype=ox.NamedNode(_XSD + "decimal"))),
         (p, ox.NamedNode(_SCHEMA + "longitude"), ox.Literal(lon, datatype=ox.NamedNode(_XSD + "decimal")))]
    if geo.country:
        t.append((p, ox.NamedNode(ONTOLOGY + "countryCode"), ox.Literal(geo.country)))
    return {ox.Quad(s, p_, o, ENTITIES) for s, p_, o in t}


def named_places(quads: Iterable[ox.Quad], name: str) -> set[ox.NamedNode]:
    """The places the quads label `name` (any case)."""
    want = name.lower()
    return {q.subject for q in quads if q.predicate == LABEL and q.subject.value.startswith(BASE + "place/")
            and q.object.value.lower() == want}


def _place(c: Correction, quads: set[ox.Quad]) -> set[ox.Quad]:
    assert c.geo is not None
    new = ox.NamedNode(c.new)
    if c.scope == "event":
        events = {ox.NamedNode(o) for o in c.old}
        out = {q for q in quads if not (q.subject in events and q.predicate == HAS_PLACE)}
        moved = {ox.Quad(q.subject, HAS_PLACE, new, q.graph_name) for q in quads
                 if q.subject in events and q.predicate == HAS_PLACE}
        # an event the extractor left without a place gets one too, in the graph that describes it
        placed = {q.subject for q in moved}
        moved |= {ox.Quad(q.subject, HAS_PLACE, new, q.graph_name) for q in quads
                  if q.subject in events and q.subject not in placed and q.predicate == RDF_TYPE}
        return out | moved | (place_description(c.new, c.geo) if moved else set())
    old = {ox.NamedNode(o) for o in c.old} | (named_places(quads, c.name) if c.name else set())
    geoms = {ox.NamedNode(o.value + "/geometry") for o in old}
    out, touched = set(), False
    for q in quads:
        if q.subject in old or q.subject in geoms:
            touched = True
            continue  # the old place's description: the gazetteer's replaces it
        if q.object in old:
            touched = True
            q = ox.Quad(q.subject, q.predicate, new, q.graph_name)
        out.add(q)
    return out | (place_description(c.new, c.geo) if touched else set())
