"""The happening index, store side: whether a store has it, its lookups, its migration.

Every typed event links to nodes `…/id/hkey/{CAMEO root}/{hash of an actor or place}/{day}`
(graph/rdf/happening_keys.py writes them with the event). Linking a new event to the happening it
repeats (graph/ingest/linker.py) looks its candidates up by those nodes, so it reads the events that
share a root, a key and a day with it, not every event of the day.

A store is known to have the index on every event when the time-index graph says
`tkg:happeningKeyVersion 1`: stated with the first write into an empty store (with the time index's
own marker, graph/store/index_writes.py) and by `tkg migrate` once it has added the links to every
article graph (`LINK` below). Without it, linking queries candidates by day as before (correct, slower).
"""
from __future__ import annotations

import re
from typing import Any, Iterable

import pyoxigraph as ox

from graph.ids import CORRECTIONS_GRAPH, INDEX_GRAPH, ONTOLOGY
from graph.rdf.happening_keys import CAMEO, NODE, PREDICATE, nodes

VERSION = 1
_INT = "<http://www.w3.org/2001/XMLSchema#integer>"
MARKER_TRIPLE = f'<{INDEX_GRAPH}> <{ONTOLOGY}happeningKeyVersion> "{VERSION}"^^{_INT}'
MARKER_QUAD = f"{MARKER_TRIPLE} <{INDEX_GRAPH}> .\n"
MARKER = f"INSERT DATA {{ GRAPH <{INDEX_GRAPH}> {{ {MARKER_TRIPLE} }} }}"
ASK = f"ASK {{ GRAPH <{INDEX_GRAPH}> {{ {MARKER_TRIPLE} }} }}"

_SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
# The links of the events of some article graphs (`%(graphs)s`: a VALUES list), computed as
# happening_keys.node computes them: root, 16 hex digits of MD5(key), day. Idempotent (a link stated twice is one).
LINK = (f"INSERT {{ GRAPH ?g {{ ?e <{PREDICATE}> ?n }} }} WHERE {{ VALUES ?g {{ %(graphs)s }} "
        f"GRAPH ?g {{ ?e <{_SEM}eventType> ?t ; <{_SEM}hasEarliestBeginTimeStamp> ?b ; "
        f"<{ONTOLOGY}agent>|<{ONTOLOGY}target>|<{_SEM}hasPlace> ?k }} "
        f'FILTER (isIRI(?k) && isIRI(?t) && STRSTARTS(STR(?t), "{CAMEO}")) '
        f'BIND (IRI(CONCAT("{NODE}", SUBSTR(STRAFTER(STR(?t), "{CAMEO}"), 1, 2), "/", SUBSTR(MD5(STR(?k)), 1, 16), '
        f'"/", SUBSTR(STR(?b), 1, 10))) AS ?n) }}')

_EVENTS = f"SELECT DISTINCT ?e WHERE {{ VALUES ?n {{ %s }} ?e <{PREDICATE}> ?n }}"
_REPLACED = (f"SELECT ?c ?o WHERE {{ GRAPH <{CORRECTIONS_GRAPH}> {{ "
             f"?c <{ONTOLOGY}replaces>|<{ONTOLOGY}replacement> ?o }} }}")


_TYPES = re.compile(r"^(<[^>\s]+>) <" + re.escape(_SEM) + r"eventType> <(" + re.escape(CAMEO) + r"[^>\s]*)> \.$", re.M)
_BEGINS = re.compile(r"^(<[^>\s]+>) <" + re.escape(_SEM) + r'hasEarliestBeginTimeStamp> "([^"\\]*)"\^\^'
                     r"<http://www\.w3\.org/2001/XMLSchema#dateTime> \.$", re.M)
_KEYS = re.compile(r"^(<[^>\s]+>) <(?:" + re.escape(ONTOLOGY) + r"agent|" + re.escape(ONTOLOGY) + r"target|"
                   + re.escape(_SEM) + r"hasPlace)> <([^>\s\\]+)> \.$", re.M)


def with_keys(nt: str) -> str:
    """An article's N-Triples with the happening-key links its typed events call for, when it states none (a
    graph built by other code, or a template written before the index): the marker promises every event has
    them. graph.rdf writes them itself, and a text that has any is taken as written."""
    if f"<{_SEM}eventType> " not in nt or f"<{PREDICATE}> " in nt:
        return nt
    of: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for rx, slot in ((_TYPES, 0), (_BEGINS, 1), (_KEYS, 2)):
        for m in rx.finditer(nt):
            of.setdefault(m.group(1), ([], [], []))[slot].append(m.group(2))
    extra = [f"{e} <{PREDICATE}> <{n}> .\n" for e, (types, begins, keys) in of.items() for n in nodes(types, keys, begins)]
    if not extra:
        return nt
    return (nt if nt.endswith("\n") else nt + "\n") + "".join(extra)


def indexed(store: Any) -> bool:
    """Whether every event of `store` links to its happening keys."""
    return bool(store.ox_query(ASK))


def events_at(store: Any, nodes: Iterable[str], batch: int = 500) -> set[str]:
    """The events linked to any of `nodes`: one index probe each (embedded store), or a VALUES query per
    `batch` of them (SPARQL server)."""
    nodes = list(nodes)
    if not store.remote:  # no SPARQL to parse: a direct lookup in the object index per node
        p = ox.NamedNode(PREDICATE)
        return {q.subject.value for n in nodes for q in store.ox.quads_for_pattern(None, p, ox.NamedNode(n))}
    out: set[str] = set()
    for i in range(0, len(nodes), batch):
        out |= {r["e"].value for r in store.ox_query(_EVENTS % " ".join(f"<{n}>" for n in nodes[i:i + batch]))}
    return out


_SPANS = (f"SELECT ?e ?b ?x WHERE {{ VALUES ?e {{ %s }} {{ ?e <{_SEM}hasEarliestBeginTimeStamp> ?b }} "
          f"UNION {{ ?e <{_SEM}hasLatestEndTimeStamp> ?x }} }}")
_DT = "http://www.w3.org/2001/XMLSchema#dateTime"


def spans(store: Any, events: Iterable[str], batch: int = 500) -> dict[str, tuple[list[str], list[str]]]:
    """Event -> (its begins, its latest ends: xsd:dateTime lexical forms as the store gives them), read with two
    index probes an event (embedded store) or a query per `batch` of them: what tells, before describing an
    event, whether its dates can meet another's."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    events = list(events)
    if not store.remote:
        b, x = ox.NamedNode(_SEM + "hasEarliestBeginTimeStamp"), ox.NamedNode(_SEM + "hasLatestEndTimeStamp")
        for e in events:
            node = ox.NamedNode(e)
            out[e] = ([q.object.value for q in store.ox.quads_for_pattern(node, b, None) if _is_dt(q.object)],
                      [q.object.value for q in store.ox.quads_for_pattern(node, x, None) if _is_dt(q.object)])
        return out
    for i in range(0, len(events), batch):
        for r in store.ox_query(_SPANS % " ".join(f"<{e}>" for e in events[i:i + batch])):
            begins, ends = out.setdefault(r["e"].value, ([], []))
            for term, into in ((r["b"], begins), (r["x"], ends)):
                if term is not None and _is_dt(term):
                    into.append(term.value)
    return out


def _is_dt(term: Any) -> bool:
    return isinstance(term, ox.Literal) and term.datatype.value == _DT


def aliases(store: Any) -> dict[str, set[str]]:
    """Actor or place IRI -> the IRIs analysts' corrections tied it to (merged, split, re-placed; undone or not),
    itself included: an event written before a correction links to the key it had then, so a lookup by its
    key now asks for all of them. Only IRIs some correction names are in the map (few)."""
    records: dict[str, set[str]] = {}
    for r in store.ox_query(_REPLACED):
        records.setdefault(r["c"].value, set()).add(r["o"].value)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for iris in records.values():
        first, *rest = sorted(iris)
        for x in rest:
            parent[find(x)] = find(first)
    groups: dict[str, set[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), set()).add(x)
    return {x: groups[find(x)] for x in parent}
