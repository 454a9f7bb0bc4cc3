"""Record time: when the graph learned what an article says (the second of the "two times on everything"),
and which events a re-ingest took away.

Valid time comes from the text (an event's date, a fact's begin and end); record time is when ingest
committed the article. Each article, each of its events and each of its state facts states it as
`prov:generatedAtTime` (an xsd:dateTime in UTC, with `Z`), so "what did we know at T" is a filter on it
(graph/store/states.py closes a fact as of the record time of the article that closed it), and
`tkg export events --since T` gives what was written after T (ACLED's `timestamp`).

Re-ingesting an article changes nothing: when the store already holds the article with the same text,
its earlier record time is kept (what we learned then, we still learned then). A changed text under the
same URL is a new version, recorded now; it replaces the old graph (the store keeps one graph per
article). Events the old graph had and the new one lacks are tombstoned in the new graph,
`<event> prov:invalidatedAtTime T`: the deletions list a local copy applies (as acledR applies ACLED's
deletions feed). Tombstones are carried over by later replacements, and dropped when the event comes back.

Stamped here, in the ingesting process, as the chunk is written: workers (and the graphs they check
against the shapes) stay the same bytes whenever and wherever they run. Only ingest stamps graphs; a
graph written through /update or /store carries what its writer put in it.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Iterable, Optional

from graph.ids import article_iri
from graph.store.dates import xsd_utc
from graph.store.embedded import Store

GENERATED = "http://www.w3.org/ns/prov#generatedAtTime"
INVALIDATED = "http://www.w3.org/ns/prov#invalidatedAtTime"
_DT = "http://www.w3.org/2001/XMLSchema#dateTime"
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_EVENT = "<http://semanticweb.cs.vu.nl/2009/11/sem/Event>"
# what gets a record time besides the article: its events and its state facts
_STAMPED_TYPES = (_EVENT, "<https://w3id.org/timeline-kg/ontology#StateFact>")
_EVENT_LINE = re.compile(rf"^<([^>]+)> {re.escape(_TYPE)} {re.escape(_EVENT)} \.$", re.MULTILINE)

RECORDED = """PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX tkg: <https://w3id.org/timeline-kg/ontology#>
SELECT ?g ?t ?text WHERE {
  VALUES ?g { %s }
  GRAPH ?g { ?g prov:generatedAtTime ?t ; tkg:text ?text }
}"""

GONE = """SELECT ?g ?e ?t WHERE {
  VALUES ?g { %s }
  GRAPH ?g { { ?e a %s } UNION { ?e <%s> ?t } }
}"""


def now() -> str:
    """The current instant as an xsd:dateTime lexical form in UTC (microseconds: two ingests a moment apart
    must not share a record time)."""
    return xsd_utc(datetime.now(timezone.utc))


def recorded(store, texts: dict[str, str]) -> dict[str, str]:
    """Record times already in `store` for the articles (IRI -> text) whose stored text is the same."""
    if not texts:
        return {}
    values = " ".join(f"<{iri}>" for iri in texts)
    out = {}
    for r in store.ox_query(RECORDED % values):
        iri = r["g"].value
        if r["text"] is not None and r["text"].value == texts.get(iri):  # only articles ingested before
            out[iri] = r["t"].value
    return out


def stamp_lines(iri: str, own_nt: str, when: str) -> str:
    """`prov:generatedAtTime` lines for the article `iri` and every event and state fact its N-Triples type."""
    lit = f'"{when}"^^<{_DT}>'
    subjects = [iri]
    for line in own_nt.split("\n"):
        if _TYPE in line and line.endswith(" .") and any(f" {_TYPE} {t} ." in line for t in _STAMPED_TYPES):
            subjects.append(line[1:line.index(">")])
    return "".join(f"<{s}> <{GENERATED}> {lit} .\n" for s in dict.fromkeys(subjects))


def tombstones(own_nt: str, before: dict[str, Optional[str]], when: str) -> str:
    """`prov:invalidatedAtTime` lines for the events the article's previous graph had (`before`: event ->
    its tombstone time, None when it was alive) and `own_nt` no longer has."""
    kept = set(_EVENT_LINE.findall(own_nt))
    return "".join(f'<{e}> <{INVALIDATED}> "{t or when}"^^<{_DT}> .\n'
                   for e, t in sorted(before.items()) if e not in kept)


def stamp(store: Store, articles: Iterable, batch: list[tuple[str, str, str]],
          when: Optional[str] = None) -> list[tuple[str, str, str]]:
    """The chunk `batch` ((article IRI, own N-Triples, shared N-Triples), in the order of `articles`) with
    record times added to each article's own triples (the time already recorded for the same text, else
    `when`, default now) and the tombstones of the events its previous graph had."""
    when = when or now()
    texts = {article_iri(a.key): a.text for a in articles}
    known = recorded(store, texts)
    old = _previous(store, [iri for iri, _, _ in batch])
    out = []
    for iri, own, shared in batch:
        if own and not own.endswith("\n"):
            own += "\n"
        extra = stamp_lines(iri, own, known.get(iri, when)) + tombstones(own, old.get(iri, {}), when)
        out.append((iri, own + extra, shared))
    return out


def _previous(store: Store, iris: list[str]) -> dict[str, dict[str, Optional[str]]]:
    """For the articles already in the store: their events (None) and tombstones (time), by event IRI."""
    existing = [i for i in iris if store.graph_exists(i)] if not store.remote else iris
    if not existing:
        return {}
    found: dict[str, dict[str, Optional[str]]] = {}
    values = " ".join(f"<{i}>" for i in existing)
    for r in store.ox_query(GONE % (values, _EVENT, INVALIDATED), union=False):
        events = found.setdefault(r["g"].value, {})
        e, t = r["e"].value, r["t"]
        if t is not None:
            events[e] = t.value  # tombstoned earlier: keep when it went
        else:
            events.setdefault(e, None)
    return found
