"""The networkx view of the store: actors and places as nodes, events as edges.

Built on demand from one SPARQL query (never at server start), optionally for a time
window. Node attributes: label, kind, lat, lon, first_seen, last_seen. Edge attributes:
event_type, date, article, sentence, label.
"""
from __future__ import annotations

from datetime import date
from typing import Optional

import networkx as nx

from .iris import id_of
from .store import Store

EVENT_ROWS = """
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX tkg: <https://w3id.org/timeline-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?e ?label ?type ?begin ?agent ?target ?place ?sentence ?article WHERE {
  ?e a sem:Event ; rdfs:label ?label ; sem:hasEarliestBeginTimeStamp ?begin ;
     prov:wasDerivedFrom ?sentence .
  ?sentence dcterms:isPartOf ?article .
  OPTIONAL { ?e sem:eventType ?type }
  OPTIONAL { ?e tkg:agent ?agent }
  OPTIONAL { ?e tkg:target ?target }
  OPTIONAL { ?e sem:hasPlace ?place }
  FILTER (BOUND(?agent) && (BOUND(?target) || BOUND(?place)))
  %s
}
"""

NODE_ROWS = """
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
SELECT ?n (SAMPLE(?l) AS ?label) (SAMPLE(?k) AS ?kind) (SAMPLE(?la) AS ?lat) (SAMPLE(?lo) AS ?lon) WHERE {
  VALUES ?n { %s }
  ?n rdfs:label ?l .
  OPTIONAL { ?n a sem:Place . BIND("place" AS ?k) }
  OPTIONAL { ?n schema:latitude ?la ; schema:longitude ?lo }
} GROUP BY ?n
"""


def _window(start: Optional[date], end: Optional[date]) -> str:
    f = []
    if start:
        f.append(f'?begin >= "{start.isoformat()}T00:00:00"^^<http://www.w3.org/2001/XMLSchema#dateTime>')
    if end:
        f.append(f'?begin <= "{end.isoformat()}T23:59:59"^^<http://www.w3.org/2001/XMLSchema#dateTime>')
    return f"FILTER ({' && '.join(f)})" if f else ""


def build(store: Store, start: Optional[date] = None, end: Optional[date] = None) -> nx.MultiDiGraph:
    """Actors and places linked by the events between `start` and `end` (inclusive)."""
    g = nx.MultiDiGraph()
    rows = list(store.ox_query(EVENT_ROWS % _window(start, end)))
    for r in rows:
        day = r["begin"].value[:10]
        attrs = {
            "label": r["label"].value, "date": day, "article": r["article"].value,
            "sentence": r["sentence"].value,
            "event_type": r["type"].value.rsplit("/", 1)[-1] if r["type"] else "",
        }
        src = r["agent"].value
        if r["target"]:
            g.add_edge(src, r["target"].value, key=id_of(r["e"].value), kind="event", **attrs)
        if r["place"]:
            g.add_edge(src, r["place"].value, key=id_of(r["e"].value) + "/place", kind="located", **attrs)
        for n in (src, r["target"] and r["target"].value, r["place"] and r["place"].value):
            if n:
                _seen(g, n, day)
    _label_nodes(store, g)
    return g


def _seen(g: nx.MultiDiGraph, node: str, day: str) -> None:
    if node not in g:
        g.add_node(node, first_seen=day, last_seen=day)
    d = g.nodes[node]
    d["first_seen"] = min(d.get("first_seen", day), day)
    d["last_seen"] = max(d.get("last_seen", day), day)


def _label_nodes(store: Store, g: nx.MultiDiGraph) -> None:
    if not g:
        return
    values = " ".join(f"<{n}>" for n in g.nodes)
    for r in store.ox_query(NODE_ROWS % values):
        d = g.nodes[r["n"].value]
        d["label"] = r["label"].value
        d["kind"] = r["kind"].value if r["kind"] else "actor"
        if r["lat"] is not None and r["lon"] is not None:
            d["lat"], d["lon"] = float(r["lat"].value), float(r["lon"].value)
    for n, d in g.nodes(data=True):
        d.setdefault("label", id_of(n))
        d.setdefault("kind", "actor")
