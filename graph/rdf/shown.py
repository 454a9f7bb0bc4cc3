"""The default timeline's verdict, kept at write time: `tkg:shownSlot` links the events it shows.

The default timeline, view and page show occurrences and typed events and hide intentions and plain
root-01 statements (graph/store/queries.SHOWN_EVENTS says it in SPARQL, with the reasons). Tested per
candidate event, that filter cost several index lookups for every event a page reads, and a lookup
costs more in a big store than in a small one (a month's first page: 2.0-2.9x at 100k articles what it
cost at 1k, issue #19). So the writer decides once: an event the filter would keep also links to its
day slot by `tkg:shownSlot` (the same node as its `tkg:beginSlot`), and the default page reads its
candidates through those links: the hidden events are never read, and no candidate is tested (where the days
are full enough for that to pay: graph/store/time_index.shown_clause).

The verdict depends on the event's class and CAMEO type only (both written with the event, in its
article's graph, and changed by nothing but a re-ingest, which rewrites the graph whole), so it
cannot go stale: analysts' corrections (graph/store/corrections.py) rewrite actors and places only. (A
SPARQL update that rewrites an event's class or type by hand leaves its shown slot as it was, as one that
rewrites its begin leaves its day links: such edits go through a re-ingest.)
`tkg migrate` adds the links to a store written before (graph/store/migrate.py reads each event's classes
and types and decides by `shown_all`), and `tests/test_shown.py` checks every verdict against the SPARQL
filter on every class and type.
"""
from __future__ import annotations

import re
from typing import Optional

from graph.ids import ONTOLOGY, slot_iri

CAMEO = "https://w3id.org/timeline-kg/cameo/"  # graph.extract.events.cameo.CAMEO_NS (not imported: no rdflib load)
STATEMENT = CAMEO + "01"  # the type IRIs of CAMEO root 01 (make a public statement) start so
REPORTS = ("reporting", "perception")  # classes that tell of another event
SHOWN_SLOT = ONTOLOGY + "shownSlot"


def shown(event_class: Optional[str], event_type: Optional[str]) -> bool:
    """Whether the default timeline shows an event of `event_class` (None: stored before classes) and
    CAMEO type IRI `event_type` (None: untyped): what graph/store/queries.SHOWN_EVENTS keeps."""
    if event_class is None or event_class == "occurrence":
        return True
    if event_type is None or event_class == "intention":
        return False
    return not (event_class in REPORTS and event_type.startswith(STATEMENT))


_EVENT = re.compile(r"^<([^>]+)> <http://www\.w3\.org/1999/02/22-rdf-syntax-ns#type> "
                    r"<http://semanticweb\.cs\.vu\.nl/2009/11/sem/Event> \.", re.M)
_CLASS = re.compile(r'^<([^>]+)> <' + re.escape(ONTOLOGY) + r'eventClass> "([^"]*)"', re.M)
_TYPE = re.compile(r"^<([^>]+)> <http://semanticweb\.cs\.vu\.nl/2009/11/sem/eventType> <([^>]+)>", re.M)
# (event IRI, earliest begin) of an N-Triples text's events: graph/store/index_writes.py reads the slots by it too
BEGIN = re.compile(r'^<([^>]+)> <http://semanticweb\.cs\.vu\.nl/2009/11/sem/hasEarliestBeginTimeStamp> "([^"]+)"', re.M)
_LINKED = re.compile(r"^<([^>]+)> <" + re.escape(SHOWN_SLOT) + r"> ", re.M)


def shown_links(nt: str) -> str:
    """The `tkg:shownSlot` lines an article's N-Triples call for and do not state (a graph built by other
    code than graph.rdf, or bench/scale.py's copies, whose new event IRIs get new slots). An event with
    several classes or types (not what graph.rdf writes) is shown as the SPARQL filter would: some type
    and no class but occurrence, or typed, never an intention, and no report or perception of root 01."""
    events = set(_EVENT.findall(nt))
    if not events:
        return ""
    classes: dict[str, set[str]] = {}
    types: dict[str, set[str]] = {}
    for e, c in _CLASS.findall(nt):
        classes.setdefault(e, set()).add(c)
    for e, t in _TYPE.findall(nt):
        types.setdefault(e, set()).add(t)
    done = set(_LINKED.findall(nt))
    return "".join(f"<{e}> <{SHOWN_SLOT}> <{slot_iri(b, e)}> .\n" for e, b in BEGIN.findall(nt)
                   if e in events and e not in done and shown_all(classes.get(e, set()), types.get(e, set())))


def shown_all(classes: set[str], types: set[str]) -> bool:
    """`shown` for an event with any number of classes and type IRIs, as the SPARQL filter reads them."""
    if classes <= {"occurrence"}:
        return True
    return bool(types) and "intention" not in classes and not any(
        c in REPORTS and t.startswith(STATEMENT) for c in classes for t in types)
