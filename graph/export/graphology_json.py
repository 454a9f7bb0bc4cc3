"""JSON in graphology's serialization format: `graph.import(data)` / `Graph.from(data)` read it as is.

`{"attributes": {...}, "options": {"type", "multi": true, "allowSelfLoops": true},
"nodes": [{"key", "attributes"}], "edges": [{"key", "source", "target", "attributes"}]}`
(https://graphology.github.io/serialization.html). Sigma.js and Gephi Lite load graphology
graphs; D3 users map `nodes`/`edges` to its `nodes`/`links` in one line.

Co-mention edges say that two names share sentences, with no direction: they are written
`"undirected": true` and the graph type is then `mixed` (else `directed`).
"""
from __future__ import annotations

import json
from typing import Any, Iterator

import networkx as nx

from graph.export.writing import ChunkWriter, Target, edge_ids, open_out

UNDIRECTED_KINDS = {"co_mention"}


def graphology_data(g: nx.MultiDiGraph) -> dict[str, Any]:
    """The serialized graphology graph of `g` as a dict.

    >>> g = nx.MultiDiGraph(); g.add_edge("a", "b", key="e1", label="x")
    'e1'
    >>> d = graphology_data(g); d["options"]["type"], d["edges"]
    ('directed', [{'key': 'e1', 'source': 'a', 'target': 'b', 'attributes': {'label': 'x'}}])
    """
    return {"attributes": graph_attributes(g), "options": options(g),
            "nodes": list(_nodes(g)), "edges": list(_edges(g))}


def write_graphology(g: nx.MultiDiGraph, out: Target) -> None:
    """Write `g` as graphology JSON (UTF-8), one node or edge at a time: a big view is not held twice."""
    dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with open_out(out) as f:
        w = ChunkWriter(f)
        w.add(f'{{"attributes":{dump(graph_attributes(g))},"options":{dump(options(g))},"nodes":[')
        for i, node in enumerate(_nodes(g)):
            w.add(("," if i else "") + dump(node))
        w.add('],"edges":[')
        for i, edge in enumerate(_edges(g)):
            w.add(("," if i else "") + dump(edge))
        w.add("]}")
        w.flush()


def graph_attributes(g: nx.MultiDiGraph) -> dict[str, Any]:
    return {"name": "timeline-kg", **g.graph}


def options(g: nx.MultiDiGraph) -> dict[str, Any]:
    mixed = any(k in UNDIRECTED_KINDS for *_, k in g.edges(data="kind"))
    return {"type": "mixed" if mixed else "directed", "multi": True, "allowSelfLoops": True}


def _nodes(g: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    for n, d in g.nodes(data=True):
        yield {"key": str(n), "attributes": d}


def _edges(g: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    for eid, u, v, d in edge_ids(g):
        edge = {"key": eid, "source": str(u), "target": str(v), "attributes": d}
        if d.get("kind") in UNDIRECTED_KINDS:
            edge["undirected"] = True
        yield edge
