"""networkx node-link JSON (the `node-link` format): what `nx.node_link_graph(data, edges="links")` reads back.

`{"directed", "multigraph", "graph", "nodes": [{"id", ...}], "links": [{"key", "source",
"target", ...}]}`, attributes flat beside the ids. For graphology see graphology_json.py.
"""
from __future__ import annotations

import json
from typing import Any

import networkx as nx

from graph.export.writing import Target, edge_ids, open_out


def node_link_data(g: nx.MultiDiGraph) -> dict[str, Any]:
    """The node-link dict of `g`, edge keys made unique.

    >>> g = nx.MultiDiGraph(); g.add_edge("a", "b", key="e1", label="x")
    'e1'
    >>> node_link_data(g)["links"]
    [{'key': 'e1', 'source': 'a', 'target': 'b', 'label': 'x'}]
    """
    return {
        "directed": True, "multigraph": True, "graph": {"name": "timeline-kg", **g.graph},
        "nodes": [{"id": n, **d} for n, d in g.nodes(data=True)],
        "links": [{"key": eid, "source": u, "target": v, **d} for eid, u, v, d in edge_ids(g)],
    }


def write_node_link(g: nx.MultiDiGraph, out: Target) -> None:
    """Write `g` as networkx node-link JSON (UTF-8)."""
    body = json.dumps(node_link_data(g), ensure_ascii=False, separators=(",", ":"))
    with open_out(out) as f:
        f.write(body.encode("utf-8"))
