"""Record time: when ingest wrote an article, and which events a re-ingest took away (for `--since` exports).

Each article graph states `prov:generatedAtTime` (xsd:dateTime, UTC): the time its graph was written. Its
events take it as their record time (ACLED's `timestamp`), so `tkg export events --since T` gives what was
written after T. When ingest replaces an article (the same text again, or a newer extraction of it), events
its old graph had and its new graph lacks are tombstoned in the new graph: `<event> prov:invalidatedAtTime T`,
the deletions list a local copy applies (as acledR applies ACLED's deletions feed). Tombstones are carried
over by later replacements, and dropped when the event comes back.

Only ingest stamps graphs; a graph written through /update or /store carries what its writer put in it.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Optional

from graph.store.embedded import Store

GENERATED = "http://www.w3.org/ns/prov#generatedAtTime"
INVALIDATED = "http://www.w3.org/ns/prov#invalidatedAtTime"
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_EVENT = "http://semanticweb.cs.vu.nl/2009/11/sem/Event"
_XSD_DT = "http://www.w3.org/2001/XMLSchema#dateTime"
_EVENT_LINE = re.compile(rf"^<([^>]+)> <{re.escape(_TYPE)}> <{re.escape(_EVENT)}> \.$", re.MULTILINE)

GONE = """SELECT ?g ?e ?t WHERE {
  VALUES ?g { %s }
  GRAPH ?g { { ?e a <%s> } UNION { ?e <%s> ?t } }
}"""


def now() -> str:
    """The record time of a write: UTC, whole seconds."""
    return datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None).isoformat()


def stamped(store: Store, batch: list[tuple[str, str, str]], at: Optional[str] = None) -> list[tuple[str, str, str]]:
    """The (article IRI, own N-Triples, shared N-Triples) of `batch` with their record time and the
    tombstones of the events their previous graphs had and they no longer do."""
    at = at or now()
    old = _previous(store, [iri for iri, _, _ in batch])
    out = []
    for iri, own, shared in batch:
        lines = [f'<{iri}> <{GENERATED}> "{at}"^^<{_XSD_DT}> .']
        before = old.get(iri)
        if before:
            kept = set(_EVENT_LINE.findall(own))
            for event, when in sorted(before.items()):
                if event not in kept:
                    lines.append(f'<{event}> <{INVALIDATED}> "{when or at}"^^<{_XSD_DT}> .')
        body = own if own.endswith("\n") or not own else own + "\n"
        out.append((iri, body + "\n".join(lines) + "\n", shared))
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
