"""Each shown event's page row kept in one literal: `?e tkg:row "{json}"` (time index version 4).

A timeline page describes its 50 events by EVENT_DETAILS: ~15 patterns an event (label, trigger, dates,
type, class, sentence and its text, article and its title ...), each an index lookup, and most of them a
read of a string. A lookup costs more in a 13 GB RocksDB than in a 250 MB one, more still when the page's
blocks are not in RocksDB's cache: at 100k articles the details were 8 -> 13 ms of a 15 -> 23 ms page
(docs/scale.md, "Session 9"). So the writer keeps what the page shows of a shown event (the default
timeline's, `tkg:shownSlot`: graph/rdf/shown.py) in one JSON literal, read by one lookup and one string.

What the row holds is what only a re-ingest changes: the event's own values, its sentence and article, all
written with it in its article's graph (a re-ingest rewrites the graph whole, row included). Its place and
actors are not in it: analysts' corrections (`tkg fix merge|split|place`, graph/store/rewrite.py) rewrite
exactly those, so they are read beside the row as before (one `sem:hasPlace` lookup, EVENT_ACTORS), and no
correction can make a row stale. The row is the EVENT_DETAILS answer itself, asked of the article's triples
in an in-memory Oxigraph store at write time, so its values are the store's (Oxigraph canonicalizes typed
literals: "0.850" comes back "0.85"); an event whose fields have more than one value (not what graph.rdf
writes) gets no row. A page reads the rows of its events and falls back to EVENT_DETAILS for any event
without one (a store of version 3 or older, a graph uploaded by other means), so answers never depend on
whether a row is there.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Optional

import pyoxigraph as ox

from graph.ids import ONTOLOGY
from graph.rdf.shown import SHOWN_SLOT
from graph.store.sparql_text import PREFIXES

ROW = ONTOLOGY + "row"

# What a page shows of an event, its place apart (ROW_DETAILS: the same without it, what a row keeps).
EVENT_DETAILS = PREFIXES + """
SELECT ?e ?label ?type ?stamp ?timex ?end ?source ?modality ?confidence ?trigger ?class
       ?sentence ?stext ?article ?title ?place ?dead WHERE {
  VALUES ?e { %s }
  ?e rdfs:label ?label ; tkg:trigger ?trigger ;
     tkg:timeSource ?source ; tkg:modality ?modality ; tkg:confidence ?confidence ;
     prov:wasDerivedFrom ?sentence .
  ?sentence tkg:text ?stext ; dcterms:isPartOf ?article .
  OPTIONAL { ?article dcterms:title ?title }
  OPTIONAL { ?e sem:hasLatestEndTimeStamp ?end }
  OPTIONAL { ?e sem:hasTimeStamp ?stamp }
  OPTIONAL { ?e tkg:timex ?timex }
  OPTIONAL { ?e sem:eventType ?type }
  OPTIONAL { ?e sem:hasPlace ?place }
  OPTIONAL { ?e tkg:eventClass ?class }
  OPTIONAL { ?e tkg:fatalities ?dead }
}
"""
ROW_DETAILS = EVENT_DETAILS.replace("  OPTIONAL { ?e sem:hasPlace ?place }\n", "").replace(" ?place ?dead", " ?dead")
FIELDS = ("label", "type", "stamp", "timex", "end", "source", "modality", "confidence", "trigger", "class",
          "sentence", "stext", "article", "title", "dead")
ROWS = PREFIXES + """
SELECT ?e ?row ?place WHERE {
  VALUES ?e { %s }
  ?e tkg:row ?row .
  OPTIONAL { ?e sem:hasPlace ?place }
}
"""

# the predicates ROW_DETAILS reads, as N-Triples writes them
_READ = {f"<{p}>" for p in (
    "http://www.w3.org/2000/01/rdf-schema#label", ONTOLOGY + "trigger", ONTOLOGY + "timeSource", ONTOLOGY + "modality",
    ONTOLOGY + "confidence", "http://www.w3.org/ns/prov#wasDerivedFrom", ONTOLOGY + "text",
    "http://purl.org/dc/terms/isPartOf", "http://purl.org/dc/terms/title",
    "http://semanticweb.cs.vu.nl/2009/11/sem/hasLatestEndTimeStamp", "http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp",
    ONTOLOGY + "timex", "http://semanticweb.cs.vu.nl/2009/11/sem/eventType", ONTOLOGY + "eventClass", ONTOLOGY + "fatalities")}


def _values(events: Iterable[str]) -> str:
    return " ".join(f"<{e}>" for e in events)


def _value(term: Any) -> Optional[str]:
    return None if term is None else term.value


def row_lines(nt: str) -> str:
    """The `tkg:row` lines an article's N-Triples call for and do not state: one for each event it links to a
    shown slot (graph/rdf/shown.py, written before this by index_writes.with_links)."""
    events = _subjects(nt, SHOWN_SLOT) - _subjects(nt, ROW)
    if not events:
        return ""
    # in memory: the lines of the article that ROW_DETAILS reads (a third of them), asked what the store will answer
    lines = [ln for ln in nt.splitlines() if ln.split(" ", 2)[1:2] and ln.split(" ", 2)[1] in _READ]
    mem = ox.Store()
    mem.bulk_load("\n".join(lines).encode(), format=ox.RdfFormat.N_TRIPLES)
    return "".join(rows(mem, sorted(events)).values())


def _subjects(nt: str, predicate: str) -> set[str]:
    """The subjects of `predicate`'s lines (str.split: a regex anchored at each line cost 1 ms an article)."""
    parts = nt.split(f"> <{predicate}> ")
    return {p.rsplit("\n", 1)[-1][1:] for p in parts[:-1]}


def rows(store: Any, events: list[str]) -> dict[str, str]:
    """{event IRI: its `tkg:row` line} for the `events` whose ROW_DETAILS answer is one row (several values of
    a field: EVENT_DETAILS keeps one by the store's order, so no row), asked of `store` (a pyoxigraph store
    holding an article, or the store itself: `tkg migrate`)."""
    found: dict[str, list[dict[str, str]]] = {}
    for r in _query(store, ROW_DETAILS % _values(events)):
        found.setdefault(r["e"].value, []).append({k: v for k in FIELDS if (v := _value(r[k])) is not None})
    return {e: f"<{e}> <{ROW}> {ox.Literal(json.dumps(found[e][0], ensure_ascii=False, separators=(',', ':'), sort_keys=True))} .\n"
            for e in sorted(found) if len(found[e]) == 1}


def _query(store: Any, sparql: str) -> Any:
    return store.query(sparql) if isinstance(store, ox.Store) else store.ox_query(sparql)


def details(store: Any, events: list[str], kept: bool) -> dict[str, dict[str, Optional[str]]]:
    """{event IRI: its EVENT_DETAILS values by name (None where absent)}: from the rows where `kept` (the store's
    time index is of version 4), EVENT_DETAILS for the events without one. An event with neither (no label,
    no sentence ...) is left out, as EVENT_DETAILS leaves it out."""
    out: dict[str, dict[str, Optional[str]]] = {}
    if not events:
        return out
    if kept:
        for r in store.ox_query(ROWS % _values(events)):
            row = json.loads(r["row"].value)
            out[r["e"].value] = {**{k: row.get(k) for k in FIELDS}, "e": r["e"].value, "place": _value(r["place"])}
    rest = [e for e in events if e not in out]
    if rest:
        for r in store.ox_query(EVENT_DETAILS % _values(rest)):
            out[r["e"].value] = {k: _value(r[k]) for k in ("e", "place", *FIELDS)}
    return out
