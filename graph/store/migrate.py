"""`tkg migrate`: give a store written before the time index its day links and counts.

A store written by an earlier version has no `tkg:beginDay` / `tkg:issuedDay` links and no
`tkg:timeIndexVersion` marker (or version 1: day links but no `tkg:beginSlot`, the slots of a day a
page reads in order; or version 2: no `tkg:shownSlot`, the slots of the events the default timeline
shows, graph/rdf/shown.py, which with the page rows is all a version-2 store is given; or version 3: no
`tkg:row`, the page rows of the shown events, graph/store/page_rows.py, all a version-3 store is given), no `tkg:lshBand` keys
(near-duplicate candidates by lookup), no
`tkg:happeningKey` links (happening candidates by lookup: graph/store/happening_index.py), nor,
before an earlier change, `sem:hasActor` beside every agent and target (windowed actor filters use
it): migration adds them all; its windows still work (they fall back to a FILTER over every
event's date) but cost in proportion to the store. Migration adds the links to every article
graph (events and articles only: state facts have begin times too, but no day), a batch of graphs per
update (each its own transaction: a store of 100k articles is never one huge transaction), counts
every month from the links, then states the marker. It is
plain SPARQL Update, so it runs the same on the embedded store and on a SPARQL server, and it
is idempotent: an interrupted migration (no marker yet) is simply run again.

    >>> from graph.store.backend import open_store      # doctest: +SKIP
    >>> migrate(open_store("tkg-data"))                  # doctest: +SKIP
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Optional

from graph.ids import BASE, DAY, ONTOLOGY
from graph.rdf.lsh import band_keys
from graph.rdf.shown import SHOWN_SLOT, shown_all
from graph.store import happening_index, page_rows, time_index
from graph.store import index_writes as iw

_SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
BATCH = 500  # article graphs per update (~20k links for news articles)

ARTICLE_GRAPHS = (f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?a a <https://schema.org/NewsArticle> }} '
                  f'FILTER (STRSTARTS(STR(?g), "{BASE}article/")) }}')
_DAY_OF = 'IRI(CONCAT("' + DAY + '", SUBSTR(STR(%s), 1, 10)))'
LINK = (f"INSERT {{ GRAPH ?g {{ ?e <{ONTOLOGY}beginDay> ?d }} }} WHERE {{ VALUES ?g {{ %(graphs)s }} "
        f"GRAPH ?g {{ ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> ; "
        f"<http://semanticweb.cs.vu.nl/2009/11/sem/hasEarliestBeginTimeStamp> ?b }} "
        f"BIND ({_DAY_OF % '?b'} AS ?d) }}\n;\n"
        # the day's slot (graph.ids.slot_key): MD5's first digit for a midnight begin, else "t"
        f"INSERT {{ GRAPH ?g {{ ?e <{ONTOLOGY}beginSlot> ?sl }} }} WHERE {{ VALUES ?g {{ %(graphs)s }} "
        f"GRAPH ?g {{ ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> ; "
        f"<http://semanticweb.cs.vu.nl/2009/11/sem/hasEarliestBeginTimeStamp> ?b }} "
        f'BIND (IF(REGEX(SUBSTR(STR(?b), 11), "^T00:00:00([.]0*)?$"), SUBSTR(MD5(STR(?e)), 1, 1), "t") AS ?h) '
        f'BIND (IRI(CONCAT("{DAY}", SUBSTR(STR(?b), 1, 10), "/", ?h)) AS ?sl) }}\n;\n'
        f"INSERT {{ GRAPH ?g {{ ?a <{ONTOLOGY}issuedDay> ?d }} }} WHERE {{ VALUES ?g {{ %(graphs)s }} "
        f"GRAPH ?g {{ ?a a <https://schema.org/NewsArticle> ; <http://purl.org/dc/terms/issued> ?t }} "
        f"BIND ({_DAY_OF % '?t'} AS ?d) }}\n;\n"
        # stores written before every agent and target was also stated as sem:hasActor (windowed
        # actor filters use it)
        f"INSERT {{ GRAPH ?g {{ ?e <http://semanticweb.cs.vu.nl/2009/11/sem/hasActor> ?a }} }} WHERE {{ "
        f"VALUES ?g {{ %(graphs)s }} GRAPH ?g {{ ?e <{ONTOLOGY}agent>|<{ONTOLOGY}target> ?a }} }}")


# The default timeline's verdict (graph/rdf/shown.py) for a batch of graphs: each event's slot, classes and types
# read by plain patterns, decided in Python. Not the filter itself in an INSERT WHERE: inside GRAPH ?g, Oxigraph
# evaluated its NOT EXISTS (and an OPTIONAL) over every graph of the store, 160 s a batch of 500 at 100k articles.
SHOWN_PARTS = {"slot": f"?e a <{_SEM}Event> ; <{ONTOLOGY}beginSlot> ?o", "class": f"?e <{ONTOLOGY}eventClass> ?o",
               "type": f"?e <{_SEM}eventType> ?o"}
SHOWN_READ = "SELECT ?g ?e ?o WHERE { VALUES ?g { %s } GRAPH ?g { %s } }"


def _shown_slots(store: object, graphs: str) -> str:
    """INSERT DATA of the `tkg:shownSlot` links of the events in `graphs` that the default timeline shows."""
    found: dict[str, dict[tuple[str, str], set[str]]] = {k: {} for k in SHOWN_PARTS}
    for part, pattern in SHOWN_PARTS.items():
        for r in store.ox_query(SHOWN_READ % (graphs, pattern)):  # type: ignore[attr-defined]
            found[part].setdefault((r["g"].value, r["e"].value), set()).add(r["o"].value)
    by_graph: dict[str, list[str]] = {}
    for (g, e), slots in found["slot"].items():
        if shown_all(found["class"].get((g, e), set()), found["type"].get((g, e), set())):
            by_graph.setdefault(g, []).extend(f"<{e}> <{SHOWN_SLOT}> <{s}> ." for s in slots)
    parts = [f"GRAPH <{g}> {{ {' '.join(lines)} }}" for g, lines in by_graph.items()]
    return "INSERT DATA { " + " ".join(parts) + " }" if parts else ""


# The page rows (graph/store/page_rows.py) of a batch's shown events, asked of the store itself (what the
# writers ask of an article's triples: the same query, the same values), a few thousand events a query.
SHOWN_EVENTS = f"SELECT ?g ?e WHERE {{ VALUES ?g {{ %s }} GRAPH ?g {{ ?e <{SHOWN_SLOT}> ?s }} }}"
ROWS_AT_ONCE = 2000
# the rows a batch holds, dropped before it gets them anew (a version-3 store has none; a store an update marked
# `tkg:rowsStale` may have stale ones)
OLD_ROWS = (f"DELETE {{ GRAPH ?g {{ ?e <{page_rows.ROW}> ?r }} }} "
            f"WHERE {{ VALUES ?g {{ %(graphs)s }} GRAPH ?g {{ ?e <{page_rows.ROW}> ?r }} }}")


def _rows(store: object, graphs: str) -> str:
    """INSERT DATA of the `tkg:row` literals of the shown events of `graphs` ('' if none)."""
    graph_of = {r["e"].value: r["g"].value for r in store.ox_query(SHOWN_EVENTS % graphs)}  # type: ignore[attr-defined]
    events = sorted(graph_of)
    by_graph: dict[str, list[str]] = {}
    for i in range(0, len(events), ROWS_AT_ONCE):
        for e, line in page_rows.rows(store, events[i:i + ROWS_AT_ONCE]).items():
            by_graph.setdefault(graph_of[e], []).append(line)
    parts = [f"GRAPH <{g}> {{ {''.join(lines)} }}" for g, lines in by_graph.items()]
    return "INSERT DATA { " + " ".join(parts) + " }" if parts else ""


SIGNATURES = (f"SELECT ?g ?a ?sig WHERE {{ VALUES ?g {{ %s }} GRAPH ?g {{ ?a <{ONTOLOGY}minhash> ?sig }} }}")


def _bands(store: object, graphs: str) -> str:
    """INSERT DATA of the band keys (graph/rdf/lsh.py) of the signatures in `graphs` ('' if none)."""
    parts = []
    for r in store.ox_query(SIGNATURES % graphs):  # type: ignore[attr-defined]
        lines = " ".join(f'<{r["a"].value}> <{ONTOLOGY}lshBand> "{k}" .' for k in band_keys(r["sig"].value))
        if lines:
            parts.append(f"GRAPH <{r['g'].value}> {{ {lines} }}")
    return "INSERT DATA { " + " ".join(parts) + " }" if parts else ""


@dataclass
class Migration:
    graphs: int = 0  # article graphs linked
    seconds: float = 0.0
    already: bool = False  # the store had the index (the links were checked and recounted all the same)
    only_shown: bool = False  # a version-2 store: only the shown slots (and rows) were added
    only_rows: bool = False  # a version-3 store: only the page rows were added


def needed(store: object) -> bool:
    """Whether `store` holds articles but no time index (windows then scan every event), one without
    day slots (pages then sort whole days), or one without shown slots (the default timeline then tests
    every candidate event), or one without page rows (pages then read each event's details by ~15 lookups)."""
    return not time_index.state(store).rows and bool(store.ox_query(  # type: ignore[attr-defined]
        f'ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?g), "{BASE}article/")) }}'))


def migrate(store: object, batch: int = BATCH, progress: Optional[Callable[[int, int], None]] = None) -> Migration:
    """Link every event and article of `store` to its day, count every month, state the marker.
    A store of version 2 or later (day links and slots, band keys and happening keys all there) gets only
    the shown slots (graph/rdf/shown.py), the page rows (graph/store/page_rows.py) and the marker, one of
    version 3 only the rows and the marker: its links and counts are left as they are.
    `progress(done, total)` is called after each batch of graphs."""
    t0 = time.perf_counter()
    st = time_index.state(store)
    only_shown = st.slotted and bool(store.ox_query(happening_index.ASK))  # type: ignore[attr-defined]
    only_rows = only_shown and st.shown
    report = Migration(already=st.rows, only_shown=only_shown, only_rows=only_rows)
    graphs = [r["g"].value for r in store.ox_query(ARTICLE_GRAPHS)]  # type: ignore[attr-defined]
    for i in range(0, len(graphs), batch):
        part = " ".join(f"<{g}>" for g in graphs[i:i + batch])
        if not only_shown:
            store.maintain(iw.join(LINK % {"graphs": part}, happening_index.LINK % {"graphs": part},  # type: ignore[attr-defined]
                                   _bands(store, part)))
        shown = "" if only_rows else _shown_slots(store, part)  # of the slots just linked
        if shown:
            store.maintain(shown)  # type: ignore[attr-defined]
        rows = _rows(store, part)  # of the shown slots just linked (those an update left stale replaced)
        if rows:
            store.maintain(iw.join(OLD_ROWS % {"graphs": part}, rows))  # type: ignore[attr-defined]
        report.graphs += len(graphs[i:i + batch])
        if progress:
            progress(report.graphs, len(graphs))
    store.maintain(iw.join(iw.MARKER if only_shown else iw.join(iw.RECOUNT, iw.MARKER), iw.ROWS_FRESH))  # type: ignore[attr-defined]
    report.seconds = time.perf_counter() - t0
    return report
