"""Events as table rows, with every filter the REST API and notebooks share: what `graph.open(...).events()`,
`tkg export events` and `/api/v1/export/events` read.

Filters (`EventFilter`) mean what the REST timeline's do: `start`/`end` bound the earliest begin (whole days),
`actor`/`place` take an id or a whole label or alias (queries.resolve), `type` a CAMEO code or prefix; besides,
`text` keeps events whose sentence or label contains it (case ignored), `bbox` those placed inside
(west, south, east, north) in degrees, and `since` those whose article was written (record time,
`prov:generatedAtTime`, graph/ingest/record.py) after that instant.

As in queries.py, the events are chosen first (one query over the patterns the filters need), then described by
small queries over VALUES, 200 at a time.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Iterable, Optional

from graph.ids import id_of
from graph.store import time_index
from graph.store.dates import next_second, xsd_utc
from graph.store.embedded import Store
from graph.store.happenings import HIDE_MENTIONS
from graph.store.queries import _CODE, PREFIXES, QueryError, _node_filter, _quote

CHUNK = 200

SELECT = PREFIXES + """
SELECT DISTINCT ?e ?begin WHERE {
  %s
  ?e sem:hasEarliestBeginTimeStamp ?begin .
  %s
}"""

DETAILS = PREFIXES + """
SELECT ?e ?label ?type ?stamp ?timex ?end ?source ?modality ?confidence ?trigger ?dead
       ?sentence ?stext ?sstart ?send ?article ?title ?url ?issued ?publisher ?recorded ?place WHERE {
  VALUES ?e { %s }
  ?e prov:wasDerivedFrom ?sentence .
  OPTIONAL { ?e rdfs:label ?label } OPTIONAL { ?e tkg:trigger ?trigger } OPTIONAL { ?e sem:eventType ?type }
  OPTIONAL { ?e sem:hasTimeStamp ?stamp } OPTIONAL { ?e tkg:timex ?timex } OPTIONAL { ?e tkg:timeSource ?source }
  OPTIONAL { ?e sem:hasLatestEndTimeStamp ?end } OPTIONAL { ?e tkg:modality ?modality }
  OPTIONAL { ?e tkg:confidence ?confidence } OPTIONAL { ?e tkg:fatalities ?dead } OPTIONAL { ?e sem:hasPlace ?place }
  OPTIONAL { ?sentence tkg:text ?stext } OPTIONAL { ?sentence tkg:start ?sstart ; tkg:end ?send }
  OPTIONAL { ?sentence dcterms:isPartOf ?article .
    OPTIONAL { ?article dcterms:title ?title } OPTIONAL { ?article schema:url ?url }
    OPTIONAL { ?article dcterms:issued ?issued } OPTIONAL { ?article dcterms:publisher ?publisher }
    OPTIONAL { ?article prov:generatedAtTime ?recorded } }
}"""

ACTORS = PREFIXES + """
SELECT ?e ?role ?actor (MIN(?l) AS ?label) (GROUP_CONCAT(DISTINCT STR(?c); separator=" ") AS ?classes) WHERE {
  VALUES ?e { %s }
  { ?e tkg:agent ?actor . BIND("agent" AS ?role) } UNION { ?e tkg:target ?actor . BIND("target" AS ?role) }
  UNION { ?e sem:hasActor ?actor . FILTER NOT EXISTS { ?e tkg:agent|tkg:target ?actor } BIND("participant" AS ?role) }
  OPTIONAL { ?actor rdfs:label ?l } OPTIONAL { ?actor a ?c }
} GROUP BY ?e ?role ?actor"""

# one row per statement, shaped in Python (see queries.PLACES for why not OPTIONALs)
PLACES = PREFIXES + """
SELECT ?place ?p ?o WHERE {
  VALUES ?place { %s }
  VALUES ?p { rdfs:label schema:latitude schema:longitude tkg:countryCode schema:sameAs schema:containedInPlace }
  ?place ?p ?o .
}"""

# Gone from the table: events a re-ingest took away (tombstones no event came back to), and events merged into
# a happening reported before (a live link: graph/ingest/happenings.py), as of the link's record time.
DELETIONS = PREFIXES + """
SELECT ?e (MAX(?t) AS ?at) WHERE {
  { ?e prov:invalidatedAtTime ?t . FILTER NOT EXISTS { ?e a sem:Event } }
  UNION
  { ?l a tkg:HappeningLink ; tkg:mention ?e ; prov:generatedAtTime ?t .
    FILTER NOT EXISTS { ?l prov:invalidatedAtTime ?split } }
  %s
} GROUP BY ?e"""

# actor classes -> kinds (graph/rdf/triples.py KIND_CLASSES)
KINDS = {"https://w3id.org/timeline-kg/ontology#State": "state",
         "https://w3id.org/timeline-kg/ontology#ArmedGroup": "armed_group",
         "https://w3id.org/timeline-kg/ontology#InternationalOrganization": "igo",
         "https://schema.org/Person": "person", "https://schema.org/Organization": "organization"}


@dataclass(frozen=True)
class EventFilter:
    """Which events: the same keywords for every table, graph and export (see the module docstring)."""
    start: Optional[date] = None
    end: Optional[date] = None
    actor: Optional[str] = None
    place: Optional[str] = None
    type: Optional[str] = None
    text: Optional[str] = None
    bbox: Optional[tuple[float, float, float, float]] = None
    since: Optional[datetime] = None


def _xsd(value: str) -> str:
    return f'"{value}"^^xsd:dateTime'


def patterns(store: Store, f: EventFilter) -> tuple[str, str]:
    """(graph patterns, FILTERs on ?begin) for `f`. UnknownRef / QueryError for a filter that names nothing."""
    pats, window = [], []
    days = time_index.window_days(store, f.start, f.end)  # None: no window, or a store without the time index
    if days is not None:  # the window's events through their day links, then the exact FILTER on those only
        pats.append(time_index.link_clause("?e", days))
    windowed = days is not None
    if f.start:
        window.append(f"FILTER (?begin >= {_xsd(f.start.isoformat() + 'T00:00:00')})")
    if f.end:
        window.append(f"FILTER (?begin <= {_xsd(f.end.isoformat() + 'T23:59:59')})")
    if f.actor:
        pats.append(_node_filter(store, "?a", "actor", f.actor, windowed))
    if f.place:
        # the place or any place inside it
        pats.append(_node_filter(store, "?p", "place", f.place, windowed))
    if f.type:
        code = f.type.strip().rsplit("/", 1)[-1]
        if not _CODE.match(code):
            raise QueryError("type", f"not a CAMEO code: {f.type!r}")
        pats.append(f'?e sem:eventType ?t0 . FILTER (STRSTARTS(STR(?t0), "https://w3id.org/timeline-kg/cameo/{code}"))')
    if f.text:
        q = _quote(f.text.lower())
        pats.append("?e prov:wasDerivedFrom ?ts . ?ts tkg:text ?tt . OPTIONAL { ?e rdfs:label ?tl } "
                    f"FILTER (CONTAINS(LCASE(?tt), {q}) || CONTAINS(LCASE(COALESCE(?tl, \"\")), {q}))")
    if f.bbox:
        w, s, e, n = check_bbox(f.bbox)
        pats.append("?e sem:hasPlace ?bp . ?bp schema:latitude ?blat ; schema:longitude ?blon . "
                    f"FILTER (?blon >= {w} && ?blon <= {e} && ?blat >= {s} && ?blat <= {n})")
    if f.since:
        pats.append("?e prov:wasDerivedFrom/dcterms:isPartOf ?art . ?art prov:generatedAtTime ?rec . "
                    f"FILTER (?rec >= {_xsd(xsd_utc(next_second(f.since)))})")
    pats.append("?e a sem:Event .")
    pats.append(HIDE_MENTIONS)  # one event per happening (graph/store/happenings.py)
    return "\n  ".join(pats), "\n  ".join(window)


def check_bbox(bbox: Iterable[float]) -> tuple[float, float, float, float]:
    """(west, south, east, north) as floats; QueryError if it is not a box on the globe."""
    try:
        w, s, e, n = (float(x) for x in bbox)
    except (TypeError, ValueError):
        raise QueryError("bbox", "bbox is four numbers: west,south,east,north (degrees)") from None
    if not (-180 <= w <= e <= 180 and -90 <= s <= n <= 90):
        raise QueryError("bbox", f"bbox {w},{s},{e},{n} is not west,south,east,north with west <= east, "
                                 "south <= north, inside -180..180 and -90..90")
    return w, s, e, n


def select(store: Store, f: EventFilter) -> list[tuple[str, str]]:
    """(IRI, earliest begin) of the events `f` keeps, by earliest begin then IRI."""
    pats, window = patterns(store, f)
    found = {(r["begin"].value, r["e"].value) for r in store.ox_query(SELECT % (pats, window))}
    return [(e, b) for b, e in sorted(found)]


def rows(store: Store, f: EventFilter = EventFilter(), limit: Optional[int] = None) -> list[dict[str, Any]]:
    """The events `f` keeps, in time order, each a dict: id, iri, label, trigger, type (CAMEO code), date (the
    time stamp at its precision), timex, end, begin, time_source, modality, confidence, fatalities, agents and
    targets and other participants (lists of {id, label, kind}), place ({id, label, lat, lon, country, geonames, within: the places
    it lies in, nearest first} or None), sentence ({id, text, start, end}), article ({id, title, url, issued,
    publisher, recorded})."""
    chosen = select(store, f)[:limit]
    out = []
    for i in range(0, len(chosen), CHUNK):
        out += _describe(store, dict(chosen[i:i + CHUNK]))
    return out


def _describe(store: Store, begins: dict[str, str]) -> list[dict[str, Any]]:
    iris = list(begins)
    values = " ".join(f"<{e}>" for e in iris)
    details: dict[str, Any] = {}
    for r in store.ox_query(DETAILS % values):
        details.setdefault(r["e"].value, r)
    actors: dict[str, dict[str, list]] = {}
    for r in store.ox_query(ACTORS % values):
        kinds = [KINDS[c] for c in (_v(r, "classes") or "").split() if c in KINDS]
        actors.setdefault(r["e"].value, {"agent": [], "target": [], "participant": []})[r["role"].value].append(
            {"id": id_of(r["actor"].value), "label": _v(r, "label") or id_of(r["actor"].value),
             "kind": kinds[0] if kinds else None})
    places = describe_places(store, {r["place"].value for r in details.values() if r["place"] is not None})
    return [{**_row(e, details[e], actors.get(e, {}), places), "begin": begins[e]} for e in iris if e in details]


def _v(r: Any, name: str) -> Optional[str]:
    t = r[name]
    return None if t is None else t.value


def _row(iri: str, r: Any, actors: dict[str, list], places: dict[str, dict]) -> dict[str, Any]:
    code = _v(r, "type").rsplit("/", 1)[-1] if r["type"] is not None else None
    return {
        "id": id_of(iri), "iri": iri, "label": _v(r, "label"), "trigger": _v(r, "trigger"), "type": code,
        "date": _v(r, "stamp"), "timex": _v(r, "timex"), "end": _v(r, "end"), "time_source": _v(r, "source"),
        "modality": _v(r, "modality"), "confidence": float(_v(r, "confidence") or 0),
        "fatalities": int(_v(r, "dead") or 0),
        "agents": sorted(actors.get("agent", []), key=lambda a: a["id"]),
        "targets": sorted(actors.get("target", []), key=lambda a: a["id"]),
        # other participants ("offered buyouts to workers"): an actor filter keeps their events too
        "participants": sorted(actors.get("participant", []), key=lambda a: a["id"]),
        "place": places.get(r["place"].value) if r["place"] is not None else None,
        "sentence": {"id": id_of(r["sentence"].value), "text": _v(r, "stext"),
                     "start": int(r["sstart"].value) if r["sstart"] is not None else None,
                     "end": int(r["send"].value) if r["send"] is not None else None},
        "article": None if r["article"] is None else {
            "id": id_of(r["article"].value), "title": _v(r, "title"), "url": _v(r, "url"),
            "issued": _v(r, "issued"), "publisher": _v(r, "publisher"), "recorded": _v(r, "recorded")},
    }


def describe_places(store: Store, iris: set[str], depth: int = 3) -> dict[str, dict[str, Any]]:
    """Places by IRI: id, label, lat, lon, country (ISO code), geonames (id), within (the places it lies in,
    nearest first, as schema:containedInPlace chains them, each described alike but for `within`)."""
    props: dict[str, dict[str, str]] = {}
    todo = set(iris)
    for _ in range(depth + 1):
        if not todo:
            break
        for r in store.ox_query(PLACES % " ".join(f"<{p}>" for p in sorted(todo))):
            d = props.setdefault(r["place"].value, {})
            name = r["p"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            d[name] = min(d.get(name, r["o"].value), r["o"].value)  # deterministic among copies
        todo = {d["containedInPlace"] for d in props.values() if "containedInPlace" in d} - props.keys()
    return {iri: {**_place(iri, props), "within": _chain(iri, props, depth)} for iri in iris}


def _place(iri: str, props: dict[str, dict[str, str]]) -> dict[str, Any]:
    d = props.get(iri, {})
    point = "latitude" in d and "longitude" in d
    same = d.get("sameAs", "")
    return {"id": id_of(iri), "label": d.get("label"), "lat": float(d["latitude"]) if point else None,
            "lon": float(d["longitude"]) if point else None, "country": d.get("countryCode"),
            "geonames": int(same.rstrip("/").rsplit("/", 1)[-1]) if "geonames.org/" in same else None}


def _chain(iri: str, props: dict[str, dict[str, str]], depth: int) -> list[dict[str, Any]]:
    out, seen = [], {iri}
    up = props.get(iri, {}).get("containedInPlace")
    while up and up not in seen and len(out) < depth:
        out.append(_place(up, props))
        seen.add(up)
        up = props.get(up, {}).get("containedInPlace")
    return out


def deletions(store: Store, since: Optional[datetime] = None) -> list[dict[str, str]]:
    """Events a re-ingest took away (tombstones no event has come back to) and events merged into a happening
    reported before (listed once under its first mention), after `since` if given: [{id, deleted}] by time."""
    cond = f"FILTER (?t >= {_xsd(xsd_utc(next_second(since)))})" if since else ""
    found = [(r["at"].value, id_of(r["e"].value)) for r in store.ox_query(DELETIONS % cond)]
    return [{"id": e, "deleted": t} for t, e in sorted(found)]
