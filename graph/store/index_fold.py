"""The embedded store's fold of a bulk-loaded write into the month totals (graph/store/index_writes.py).

A bulk load can only add quads, so what a first-ingest chunk adds to the counts rides in the load
as one pending node (`<…/time-index/delta/TOKEN> a tkg:CountDelta ; tkg:counts "2008-03 12 1;…"`:
month, events, articles), atomic with the articles. Right after, the writer folds it here: it
reads the totals of those months by their IRIs, and replaces them and removes the node in one
update (DELETE DATA / INSERT DATA: no pattern to evaluate). That costs a third of folding delta
records with SPARQL (measured with bench/store_write.py). A crash between the load and the fold
leaves the node; the writer's first write after opening folds every node left (`leftovers`).
Folds are serialized by a lock, since each reads the totals it replaces.
"""
from __future__ import annotations

import threading
from collections import Counter

import pyoxigraph as ox

from graph.ids import INDEX_GRAPH, MONTH, ONTOLOGY

_G = ox.NamedNode(INDEX_GRAPH)
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_DELTA = ox.NamedNode(ONTOLOGY + "CountDelta")
_COUNTS = ox.NamedNode(ONTOLOGY + "counts")
_MONTH = ox.NamedNode(ONTOLOGY + "month")
_INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_COUNTERS = ("eventCount", "articleCount")
LOCK = threading.Lock()


def _node(tok: str) -> ox.NamedNode:
    return ox.NamedNode(f"{INDEX_GRAPH}/delta/{tok}")


def encode(counts: Counter) -> str:
    """`(month, counter) -> n` as `"2008-03 12 1;2008-04 3 0"` (month, events, articles)."""
    months = sorted({m for m, _ in counts})
    return ";".join(f"{m} {counts.get((m, 'eventCount'), 0)} {counts.get((m, 'articleCount'), 0)}" for m in months)


def decode(text: str) -> Counter:
    out: Counter = Counter()
    for part in filter(None, text.split(";")):
        m, events, articles = part.split(" ")
        out[(m, "eventCount")] += int(events)
        out[(m, "articleCount")] += int(articles)
    return out


def pending_quads(counts: Counter, tok: str) -> str:
    """N-Quads of the pending node for a bulk load ('' when the write counts nothing)."""
    if not counts:
        return ""
    n = _node(tok)
    return (f"{n} {_TYPE} {_DELTA} {_G} .\n"
            f"{n} {_COUNTS} {ox.Literal(encode(counts))} {_G} .\n")


def leftovers(store: ox.Store) -> list[tuple[str, Counter]]:
    """Pending nodes a crash left between a bulk load and its fold: (token, counts)."""
    out = []
    for q in store.quads_for_pattern(None, _TYPE, _DELTA, _G):
        for c in store.quads_for_pattern(q.subject, _COUNTS, None, _G):
            out.append((q.subject.value.rsplit("/", 1)[1], decode(c.object.value)))
    return out


def fold_update(store: ox.Store, pending: list[tuple[str, Counter]]) -> str:
    """The update replacing the month totals by total + pending counts and removing the pending nodes."""
    add: Counter = Counter()
    for _, counts in pending:
        add.update(counts)
    deletes, inserts = [], []
    for (month, counter), n in sorted(add.items()):
        if n == 0:
            continue
        total = ox.NamedNode(f"{INDEX_GRAPH}/total/{month}")
        pred = ox.NamedNode(ONTOLOGY + counter)
        old = 0
        for q in store.quads_for_pattern(total, pred, None, _G):
            deletes.append(q)
            old += int(q.object.value)
        inserts.append(ox.Quad(total, pred, ox.Literal(str(old + n), datatype=_INT), _G))
        inserts.append(ox.Quad(total, _MONTH, ox.NamedNode(MONTH + month), _G))
    for tok, _ in pending:
        deletes += list(store.quads_for_pattern(_node(tok), None, None, _G))
    ops = []
    if deletes:
        ops.append("DELETE DATA { " + " ".join(f"GRAPH {q.graph_name} {{ {q.triple} }}" for q in deletes) + " }")
    if inserts:
        ops.append("INSERT DATA { " + " ".join(f"GRAPH {q.graph_name} {{ {q.triple} }}" for q in inserts) + " }")
    return " ;\n".join(ops)
