"""Read queries for single resources and lists: actors, places, events (SPARQL + row shaping).

What the REST resources `actors`, `places` and `events` answer with; the graph
analytics run on the view instead (graph.view, graph.view.analytics).
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any, Optional

from graph.ids import BASE, id_of, valid_iri
from graph.store import time_index
from graph.store.embedded import Store
from graph.store.free_text import text_filter
from graph.store.queries import PREFIXES, _quote, actor_filter, type_filter, window_filter

KIND_PREFIX = {"actor": "actor/", "place": "place/", "event": "event/"}


def valid_id(ref: str) -> bool:
    """An id we can put in a query as an IRI (anything else cannot name a node of ours)."""
    return valid_iri(BASE + ref)


@lru_cache(maxsize=1)
def cameo_labels() -> dict[str, str]:
    from graph.extract.events.cameo import labels  # parses a Turtle file: once per process
    return labels()


def full_id(kind: str, ref: str) -> str:
    """`minusma` or `actor/minusma` -> `actor/minusma` (ids are accepted with or without their kind)."""
    ref = ref.strip().strip("/")
    if ref.startswith(BASE):
        ref = id_of(ref)
    prefix = KIND_PREFIX[kind]
    return ref if ref.startswith(prefix) else prefix + ref


def exists(store: Store, ref: str) -> bool:
    """Whether any article says anything about the resource with this id."""
    if not valid_id(ref):
        return False
    return bool(store.ox_query(f"ASK {{ <{BASE}{ref}> ?p ?o }}"))


def _v(row: Any, name: str) -> Optional[str]:
    t = row[name]
    return None if t is None else t.value


def _f(row: Any, name: str) -> Optional[float]:
    t = row[name]
    return None if t is None else float(t.value)


ACTORS = PREFIXES + """
SELECT ?a (MIN(?l) AS ?label) (COUNT(DISTINCT ?e) AS ?events) (MIN(?b) AS ?first) (MAX(?b) AS ?last) WHERE {
  ?a a sem:Actor ; rdfs:label ?l .
  %(q)s
  %(events)s
} GROUP BY ?a %(having)s ORDER BY DESC(?events) ?a LIMIT %(limit)d OFFSET %(offset)d
"""


# candidates for a name written another way (graph.store.name_match): names holding one of the query's probes
NAME_PROBES = PREFIXES + """
SELECT DISTINCT ?a ?name WHERE {
  ?a a sem:Actor ; rdfs:label|skos:altLabel ?name .
  FILTER (%s)
} LIMIT 5000
"""


def actors(store: Store, q: Optional[str] = None, start: Optional[date] = None, end: Optional[date] = None,
           limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Actors, most events first; `q` matches a label or alias (a part of one, else the whole name written
    another way: graph.store.name_match); a window keeps actors active in it."""
    match = ("?a rdfs:label|skos:altLabel ?name . "
             f"FILTER (CONTAINS(LCASE(STR(?name)), LCASE({_quote(q)})))") if q else ""
    rows = _actor_rows(store, match, start, end, limit, offset)
    if q and not rows and offset == 0:
        found = _written_otherwise(store, q)
        if found:
            rows = _actor_rows(store, "VALUES ?a { %s }" % " ".join(f"<{a}>" for a in found), start, end, limit, 0)
    return rows


def _written_otherwise(store: Store, q: str) -> list[str]:
    """Actors with a label or alias that is `q` written another way ("Daimler Chrysler", "Fritz Henderson")."""
    from graph.store import name_match

    probes = name_match.probes(q)
    if not probes:
        return []
    cond = " || ".join(f"CONTAINS(LCASE(STR(?name)), {_quote(p)})" for p in probes)
    pairs = ((r["a"].value, r["name"].value) for r in store.ox_query(NAME_PROBES % cond))
    return name_match.matching(q, pairs)


def _actor_rows(store: Store, match: str, start: Optional[date], end: Optional[date],
                limit: int, offset: int) -> list[dict[str, Any]]:
    windowed = bool(start or end)
    rows = store.ox_query(ACTORS % {"q": match, "events": _events(store, "?a", "sem:hasActor", start, end),
                                    "having": "HAVING (COUNT(?e) > 0)" if windowed else "",
                                    "limit": limit, "offset": offset})
    return [{"id": id_of(r["a"].value), "label": _v(r, "label"), "events": int(r["events"].value),
             "first_seen": (_v(r, "first") or "")[:10] or None, "last_seen": (_v(r, "last") or "")[:10] or None}
            for r in rows]


def _events(store: Store, node: str, path: str, start: Optional[date], end: Optional[date]) -> str:
    """The pattern giving each `node` its events `?e` (begin `?b`) in [start, end]. With a window and a
    time index, a sub-select that starts from the window's days (the store evaluates it once, then
    joins it to the nodes); otherwise an OPTIONAL with the FILTER on every event's date."""
    days = time_index.window_days(store, start, end)
    if days is None:
        return f"OPTIONAL {{ ?e {path} {node} ; sem:hasEarliestBeginTimeStamp ?b . {window_filter('?b', start, end)} }}"
    return (f"{{ SELECT {node} ?e ?b WHERE {{ {time_index.link_clause('?e', days)} "
            f"?e {path} {node} ; sem:hasEarliestBeginTimeStamp ?b . {window_filter('?b', start, end)} }} }}")


ACTOR = PREFIXES + """
SELECT ?label ?alias ?class WHERE {
  { <%(a)s> rdfs:label ?label } UNION { <%(a)s> skos:altLabel ?alias } UNION { <%(a)s> a ?class }
}"""

ACTOR_COUNTS = PREFIXES + """
SELECT ?role (COUNT(DISTINCT ?e) AS ?n) (MIN(?b) AS ?first) (MAX(?b) AS ?last) WHERE {
  { ?e tkg:agent <%(a)s> . BIND("agent" AS ?role) } UNION { ?e tkg:target <%(a)s> . BIND("target" AS ?role) }
  UNION { ?s tkg:mentions <%(a)s> ; dcterms:isPartOf ?e . BIND("articles" AS ?role) }
  OPTIONAL { ?e sem:hasEarliestBeginTimeStamp ?b }
} GROUP BY ?role"""


def actor(store: Store, ref: str) -> Optional[dict[str, Any]]:
    """One actor: labels, aliases, types, first/last seen and counts; None if unknown."""
    if not valid_id(ref):
        return None
    iri = BASE + ref
    labels, aliases, types = set(), set(), set()
    for r in store.ox_query(ACTOR % {"a": iri}):
        for name, bucket in (("label", labels), ("alias", aliases), ("class", types)):
            if r[name] is not None:
                bucket.add(r[name].value)
    if "http://semanticweb.cs.vu.nl/2009/11/sem/Actor" not in types:
        return None
    counts = {"agent": 0, "target": 0, "articles": 0}
    first = last = None
    for r in store.ox_query(ACTOR_COUNTS % {"a": iri}):
        counts[r["role"].value] = int(r["n"].value)
        if r["role"].value != "articles" and r["first"] is not None:
            first = min(filter(None, (first, r["first"].value[:10])))
            last = max(filter(None, (last, r["last"].value[:10])))
    label = min(labels) if labels else ref
    return {"id": ref, "label": label, "aliases": sorted((labels | aliases) - {label}),
            "types": sorted(t.rsplit("/", 1)[-1].rsplit("#", 1)[-1] for t in types),
            "first_seen": first, "last_seen": last,
            "counts": {"events": counts["agent"] + counts["target"], "as_agent": counts["agent"],
                       "as_target": counts["target"], "articles": counts["articles"]}}


PLACES = PREFIXES + """
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
SELECT ?p (MIN(?l) AS ?label) (SAMPLE(?la) AS ?lat) (SAMPLE(?lo) AS ?lon) (SAMPLE(?cc) AS ?country)
       (COUNT(DISTINCT ?e) AS ?events) (MIN(?b) AS ?first) (MAX(?b) AS ?last) WHERE {
  ?p a sem:Place ; rdfs:label ?l .
  OPTIONAL { ?p schema:latitude ?la ; schema:longitude ?lo }
  OPTIONAL { ?p tkg:countryCode ?cc }
  %(only)s
  %(events)s
} GROUP BY ?p %(having)s ORDER BY DESC(?events) ?p LIMIT %(limit)d OFFSET %(offset)d
"""


def places(store: Store, start: Optional[date] = None, end: Optional[date] = None,
           limit: int = 1000, offset: int = 0, only: Optional[str] = None,
           actor: Optional[str] = None, event_type: Optional[str] = None,
           text: Optional[str] = None) -> list[dict[str, Any]]:
    """Places with coordinates and event counts, most events first; a window, an actor (id or name), a
    CAMEO type or free text (as the timeline's `q`) keeps the places of the events it keeps, counting only those."""
    keep = [actor_filter(store, actor)] if actor else []
    keep += [type_filter(event_type, store)] if event_type else []
    keep += [text_filter(store, text)] if text and text.strip() else []
    if keep:
        # with an actor or a type, the events are chosen by a subquery of their own (Oxigraph evaluates it once;
        # joined to every place instead, a type took 15 s on 1M quads): few events, few places
        pattern = f"?e sem:hasPlace ?p ; sem:hasEarliestBeginTimeStamp ?b . {window_filter('?b', start, end)}"
        events = f"{{ SELECT ?e ?p ?b WHERE {{ {' '.join(keep)} {pattern} }} }}"
    else:
        events = _events(store, "?p", "sem:hasPlace", start, end)  # a window through the time index
    rows = store.ox_query(PLACES % {"events": events,
                                    "having": "HAVING (COUNT(?e) > 0)" if start or end or keep else "",
                                    "only": f"VALUES ?p {{ <{BASE}{only}> }}" if only else "",
                                    "limit": limit, "offset": offset})
    return [{"id": id_of(r["p"].value), "label": _v(r, "label"), "lat": _f(r, "lat"), "lon": _f(r, "lon"),
             "country": _v(r, "country"), "events": int(r["events"].value),
             "first_seen": (_v(r, "first") or "")[:10] or None, "last_seen": (_v(r, "last") or "")[:10] or None}
            for r in rows]


def place(store: Store, ref: str) -> Optional[dict[str, Any]]:
    """One place (as a `places` row); None if unknown."""
    rows = places(store, limit=1, only=ref) if valid_id(ref) else []
    return rows[0] if rows else None


def feature(p: dict[str, Any]) -> dict[str, Any]:
    """A place row as a GeoJSON Feature ([lon, lat] order; no coordinates -> null geometry)."""
    return {"type": "Feature", "id": p["id"],
            "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]} if p["lat"] is not None else None,
            "properties": {k: v for k, v in p.items() if k not in ("lat", "lon")}}


def geojson(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Places as a GeoJSON FeatureCollection ([lon, lat] order; no coordinates -> null geometry)."""
    return {"type": "FeatureCollection", "features": [feature(p) for p in rows]}


EVENT = PREFIXES + """
SELECT * WHERE {
  BIND(<%(e)s> AS ?e)
  ?e a sem:Event .
  OPTIONAL { ?e rdfs:label ?label } OPTIONAL { ?e tkg:trigger ?trigger } OPTIONAL { ?e sem:eventType ?type }
  OPTIONAL { ?e sem:hasTimeStamp ?stamp } OPTIONAL { ?e tkg:timex ?timex } OPTIONAL { ?e tkg:timeSource ?source }
  OPTIONAL { ?e sem:hasEarliestBeginTimeStamp ?begin } OPTIONAL { ?e sem:hasLatestEndTimeStamp ?end }
  OPTIONAL { ?e tkg:modality ?modality } OPTIONAL { ?e tkg:confidence ?confidence } OPTIONAL { ?e tkg:fatalities ?dead }
  OPTIONAL { ?e tkg:eventClass ?class }
  OPTIONAL { ?e prov:wasDerivedFrom ?sentence .
    OPTIONAL { ?sentence tkg:text ?stext } OPTIONAL { ?sentence tkg:start ?sstart ; tkg:end ?send }
    OPTIONAL { ?sentence dcterms:isPartOf ?article .
      OPTIONAL { ?article dcterms:title ?title } OPTIONAL { ?article schema:url ?url }
      OPTIONAL { ?article dcterms:issued ?issued } OPTIONAL { ?article dcterms:publisher ?publisher } } }
  OPTIONAL { ?e sem:hasPlace ?place . OPTIONAL { ?place rdfs:label ?placeLabel }
    OPTIONAL { ?place schema:latitude ?lat ; schema:longitude ?lon } }
} LIMIT 1"""

EVENT_ACTORS = PREFIXES + """
SELECT ?role ?actor (MIN(?l) AS ?label) WHERE {
  { <%(e)s> tkg:agent ?actor . BIND("agent" AS ?role) } UNION { <%(e)s> tkg:target ?actor . BIND("target" AS ?role) }
  UNION { <%(e)s> sem:hasActor ?actor . FILTER NOT EXISTS { <%(e)s> tkg:agent|tkg:target ?actor } BIND("participant" AS ?role) }
  OPTIONAL { ?actor rdfs:label ?l }
} GROUP BY ?role ?actor ORDER BY ?role ?actor"""


def event(store: Store, ref: str) -> Optional[dict[str, Any]]:
    """One event with its actors, place, time and provenance (sentence, article); None if unknown."""
    if not valid_id(ref):
        return None
    iri = BASE + ref
    rows = list(store.ox_query(EVENT % {"e": iri}))
    if not rows:
        return None
    r = rows[0]
    code = _v(r, "type").rsplit("/", 1)[-1] if r["type"] is not None else None
    actors = [{"id": id_of(a["actor"].value), "label": _v(a, "label") or id_of(a["actor"].value),
               "role": a["role"].value} for a in store.ox_query(EVENT_ACTORS % {"e": iri})]
    place = None if r["place"] is None else {
        "id": id_of(r["place"].value), "label": _v(r, "placeLabel"), "lat": _f(r, "lat"), "lon": _f(r, "lon")}
    return {
        "id": ref, "label": _v(r, "label"), "trigger": _v(r, "trigger"), "type": code,
        "type_label": cameo_labels().get(code) if code else None, "date": _v(r, "stamp") or (_v(r, "begin") or "")[:10] or None,
        "timex": _v(r, "timex"), "begin": _v(r, "begin"), "end": _v(r, "end"), "time_source": _v(r, "source"),
        "modality": _v(r, "modality"), "class": _v(r, "class"), "confidence": _f(r, "confidence"),
        "fatalities": int(_v(r, "dead") or 0),
        "actors": actors, "place": place,
        "provenance": _provenance(r),
    }


def _provenance(r: Any) -> dict[str, Any]:
    sentence = None if r["sentence"] is None else {
        "id": id_of(r["sentence"].value), "text": _v(r, "stext"),
        "start": int(r["sstart"].value) if r["sstart"] is not None else None,
        "end": int(r["send"].value) if r["send"] is not None else None}
    article = None if r["article"] is None else {
        "id": id_of(r["article"].value), "title": _v(r, "title"), "url": _v(r, "url"),
        "issued": _v(r, "issued"), "publisher": _v(r, "publisher")}
    return {"derived_from": sentence, "article": article}
