"""One event per happening, the read side: which events are mentions of another, their sources, and the split.

Articles from several outlets that report the same happening each have their own event (events live in their
article's graph). Ingest (graph/ingest/happenings.py) links each later mention to the happening's
*representative* (its earliest recorded event) in the shared graph `…/id/graph/happenings`:

    <mention> tkg:sameHappeningAs <representative> .
    <…/id/happening-link/{hash}> a tkg:HappeningLink ;
        tkg:mention <mention> ; tkg:representative <representative> ;
        tkg:score 0.85 ; tkg:evidence "same CAMEO type 190; shared agent actor/jnim; same place; same day" ;
        prov:generatedAtTime "…Z"^^xsd:dateTime .

Timelines, the view and the exports show only events that are no live mention of another event (`HIDE_MENTIONS`),
each with `sources`: the article and sentence of itself and of every mention. A link is reversible: `split`
deletes the `tkg:sameHappeningAs` triple and stamps the link node `prov:invalidatedAtTime` (nothing else is
deleted, and ingest never links that pair again). The same by hand, in SPARQL Update:

    DELETE DATA { GRAPH <https://w3id.org/timeline-kg/id/graph/happenings> { <mention> tkg:sameHappeningAs <rep> } } ;
    INSERT DATA { GRAPH <https://w3id.org/timeline-kg/id/graph/happenings> {
        <link> prov:invalidatedAtTime "2024-05-01T12:00:00Z"^^xsd:dateTime } }
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from typing import Any

from graph.ids import BASE, HAPPENINGS_GRAPH, id_of
from graph.store.dates import xsd_utc
from graph.store.embedded import Store

TKG = "https://w3id.org/timeline-kg/ontology#"
SAME = TKG + "sameHappeningAs"
LINK_CLASS = TKG + "HappeningLink"
_PREFIXES = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX tkg: <https://w3id.org/timeline-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

# Keeps `?e` unless it is a live mention of another event that still exists (a representative a re-ingest
# took away lets its mentions show again rather than hide the happening).
HIDE_MENTIONS = "FILTER NOT EXISTS { ?e tkg:sameHappeningAs ?rep . ?rep a sem:Event }"

MENTIONS = _PREFIXES + """
SELECT ?e ?m WHERE { VALUES ?e { %s } GRAPH <%s> { ?m tkg:sameHappeningAs ?e } ?m a sem:Event }"""

SOURCES = _PREFIXES + """
SELECT ?m ?sentence ?stext ?article ?title ?publisher WHERE {
  VALUES ?m { %s }
  ?m prov:wasDerivedFrom ?sentence .
  OPTIONAL { ?sentence tkg:text ?stext }
  OPTIONAL { ?sentence dcterms:isPartOf ?article .
    OPTIONAL { ?article dcterms:title ?title } OPTIONAL { ?article dcterms:publisher ?publisher } }
}"""

LIVE_LINKS = _PREFIXES + """
SELECT ?link ?m ?r WHERE {
  VALUES ?x { %s }
  GRAPH <%s> { { ?x tkg:sameHappeningAs ?r . BIND (?x AS ?m) } UNION { ?m tkg:sameHappeningAs ?x . BIND (?x AS ?r) }
               ?link tkg:mention ?m ; tkg:representative ?r . FILTER NOT EXISTS { ?link prov:invalidatedAtTime ?gone } }
}"""


def link_iri(mention: str, rep: str) -> str:
    """The link node of (mention, representative): one per pair, so a pair split and linked again is one node."""
    return f"{BASE}happening-link/{hashlib.sha256(f'{mention} {rep}'.encode()).hexdigest()[:32]}"


def sources(store: Store, events: list[str]) -> dict[str, list[dict[str, Any]]]:
    """For each event IRI: where the happening is reported, the event itself first, then its mentions by article id:
    [{event, article: {id, title, publisher}, sentence: {id, text}}]."""
    if not events:
        return {}
    mentions: dict[str, list[str]] = {e: [e] for e in events}
    for r in store.ox_query(MENTIONS % (" ".join(f"<{e}>" for e in events), HAPPENINGS_GRAPH)):
        mentions[r["e"].value].append(r["m"].value)
    described: dict[str, dict[str, Any]] = {}
    every = sorted({m for ms in mentions.values() for m in ms})
    for r in store.ox_query(SOURCES % " ".join(f"<{m}>" for m in every)):
        m = r["m"].value
        if m in described:  # a sentence or article described twice (union default graph): first row only
            continue
        art = r["article"]
        described[m] = {
            "event": id_of(m),
            "article": None if art is None else {"id": id_of(art.value), "title": _v(r, "title"),
                                                 "publisher": _v(r, "publisher")},
            "sentence": {"id": id_of(r["sentence"].value), "text": _v(r, "stext")}}
    out = {}
    for e, ms in mentions.items():
        own, others = ms[0], sorted(set(ms[1:]), key=lambda m: ((described.get(m, {}).get("article") or {}).get("id") or "", m))
        out[e] = [described[m] for m in [own, *others] if m in described]
    return out


def _v(row: Any, name: str) -> Any:
    t = row[name]
    return None if t is None else t.value


def live_links(store: Store, event: str) -> list[tuple[str, str, str]]:
    """(link, mention, representative) of the live links that make `event` a mention or a representative."""
    return [(r["link"].value, r["m"].value, r["r"].value)
            for r in store.ox_query(LIVE_LINKS % (f"<{event}>", HAPPENINGS_GRAPH))]


def split(store: Store, event: str, when: datetime | None = None) -> list[dict[str, str]]:
    """An analyst correction: `event` is not the happening it was merged into. A mention leaves its happening;
    a representative's mentions all leave it (each becomes its own again, or joins another happening at a later
    ingest, never this one). Each link's triple is deleted and its node stamped `prov:invalidatedAtTime`, in one
    update. Returns the links undone as [{mention, representative}] (empty: nothing was merged)."""
    links = live_links(store, event)
    if not links:
        return []
    stamp = f'"{xsd_utc(when or datetime.now(timezone.utc))}"^^<http://www.w3.org/2001/XMLSchema#dateTime>'
    deletes = "\n".join(f"<{m}> <{SAME}> <{r}> ." for _, m, r in links)
    inserts = "\n".join(f"<{link}> <http://www.w3.org/ns/prov#invalidatedAtTime> {stamp} ." for link, _, _ in links)
    # no day link changes: maintain, not update (which marks the time index's counts stale)
    store.maintain(f"DELETE DATA {{ GRAPH <{HAPPENINGS_GRAPH}> {{\n{deletes}\n}} }} ;\n"
                 f"INSERT DATA {{ GRAPH <{HAPPENINGS_GRAPH}> {{\n{inserts}\n}} }}")
    return [{"mention": id_of(m), "representative": id_of(r)} for _, m, r in links]
