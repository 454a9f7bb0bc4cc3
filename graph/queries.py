"""Read queries over the store that the API and the CLI share (SPARQL text + row shaping)."""
from __future__ import annotations

from datetime import date
from typing import Any, Optional

from .iris import BASE, id_of
from .store import Store

PREFIXES = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX tkg: <https://w3id.org/timeline-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

TIMELINE = PREFIXES + """
SELECT ?e ?label ?type ?typeLabel ?stamp ?timex ?begin ?end ?source ?modality ?confidence ?trigger
       ?sentence ?stext ?article ?title ?place ?placeLabel ?lat ?lon WHERE {
  { SELECT DISTINCT ?e WHERE {
      ?e a sem:Event ; sem:hasEarliestBeginTimeStamp ?b0 .
      %(filters)s
    } }
  ?e rdfs:label ?label ; sem:hasEarliestBeginTimeStamp ?begin ; tkg:trigger ?trigger ;
     tkg:timeSource ?source ; tkg:modality ?modality ; tkg:confidence ?confidence ;
     prov:wasDerivedFrom ?sentence .
  ?sentence tkg:text ?stext ; dcterms:isPartOf ?article .
  ?article dcterms:title ?title .
  OPTIONAL { ?e sem:hasLatestEndTimeStamp ?end }
  OPTIONAL { ?e sem:hasTimeStamp ?stamp }
  OPTIONAL { ?e tkg:timex ?timex }
  OPTIONAL { ?e sem:eventType ?type }
  OPTIONAL { ?e sem:hasPlace ?place . ?place rdfs:label ?placeLabel .
             OPTIONAL { ?place schema:latitude ?lat ; schema:longitude ?lon } }
}
ORDER BY ?begin ?e
LIMIT %(limit)d OFFSET %(offset)d
"""

EVENT_ACTORS = PREFIXES + """
SELECT ?e ?role ?actor ?label WHERE {
  VALUES ?e { %s }
  { ?e tkg:agent ?actor . BIND("agent" AS ?role) } UNION { ?e tkg:target ?actor . BIND("target" AS ?role) }
  ?actor rdfs:label ?label .
}
"""


def _iri(ref: str) -> str:
    """Accept a full IRI or an API id (`place/2453866`)."""
    ref = ref.strip()
    if ref.startswith("http://") or ref.startswith("https://"):
        return ref
    return BASE + ref.lstrip("/")


def _quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _node_filter(var: str, prop: str, ref: str) -> str:
    """Match a node by id/IRI or, failing that, by a case-insensitive label or alias."""
    if "/" in ref and not ref.startswith("/") and " " not in ref:
        return f"?e {prop} <{_iri(ref)}> ."
    return (f"?e {prop} {var} . {var} rdfs:label|skos:altLabel ?{var[1:]}Name . "
            f"FILTER (CONTAINS(LCASE(STR(?{var[1:]}Name)), LCASE({_quote(ref)})))")


def timeline(store: Store, start: Optional[date] = None, end: Optional[date] = None,
             actor: Optional[str] = None, place: Optional[str] = None, event_type: Optional[str] = None,
             typed_only: bool = True, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Events in time order (earliest begin) with their actors, place, sentence and article."""
    f = []
    if start:
        f.append(f'FILTER (?b0 >= "{start.isoformat()}T00:00:00"^^xsd:dateTime)')
    if end:
        f.append(f'FILTER (?b0 <= "{end.isoformat()}T23:59:59"^^xsd:dateTime)')
    if actor:
        f.append(_node_filter("?a", "sem:hasActor|tkg:agent|tkg:target", actor))
    if place:
        f.append(_node_filter("?p", "sem:hasPlace", place))
    if event_type:
        code = event_type.strip().rsplit("/", 1)[-1]
        f.append(f"?e sem:eventType ?t0 . FILTER (STRSTARTS(STR(?t0), \"https://w3id.org/timeline-kg/cameo/{code}\"))")
    elif typed_only:
        f.append("?e sem:eventType ?t0 .")
    rows = list(store.ox_query(TIMELINE % {"filters": "\n".join(f), "limit": limit, "offset": offset}))
    actors = _actors(store, [r["e"].value for r in rows])
    return [_event_row(r, actors.get(r["e"].value, [])) for r in rows]


def _actors(store: Store, events: list[str]) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    if not events:
        return out
    values = " ".join(f"<{e}>" for e in events)
    for r in store.ox_query(EVENT_ACTORS % values):
        out.setdefault(r["e"].value, []).append(
            {"id": id_of(r["actor"].value), "label": r["label"].value, "role": r["role"].value})
    return out


def _v(row: Any, name: str) -> Optional[str]:
    t = row[name]
    return None if t is None else t.value


def _event_row(r: Any, actors: list[dict[str, str]]) -> dict[str, Any]:
    from .extract.cameo import labels

    code = _v(r, "type").rsplit("/", 1)[-1] if _v(r, "type") else None
    place = None
    if r["place"] is not None:
        place = {"id": id_of(r["place"].value), "label": _v(r, "placeLabel"),
                 "lat": float(r["lat"].value) if r["lat"] is not None else None,
                 "lon": float(r["lon"].value) if r["lon"] is not None else None}
    return {
        "id": id_of(r["e"].value), "label": _v(r, "label"),
        "date": _v(r, "stamp") or (_v(r, "begin") or "")[:10], "timex": _v(r, "timex"),
        "begin": _v(r, "begin"), "end": _v(r, "end"), "time_source": _v(r, "source"),
        "type": code, "type_label": labels().get(code) if code else None,
        "trigger": _v(r, "trigger"), "modality": _v(r, "modality"),
        "confidence": float(_v(r, "confidence") or 0), "actors": actors, "place": place,
        "sentence": {"id": id_of(r["sentence"].value), "text": _v(r, "stext")},
        "article": {"id": id_of(r["article"].value), "title": _v(r, "title")},
    }
