"""CSV: the nodes and the edges of the view, as one table or either alone.

- `table="all"` (`tkg export csv`, `/api/v1/export/csv`): one table, first column `row` (`node`
  or `edge`), node rows first. Node rows fill `id, label, kind, lat, lon, first_seen,
  last_seen`; edge rows fill `id, source, target, source_label, target_label` and the edge
  attributes (`label` and `kind` are the edge's own there). One file, so it also streams to
  stdout or over HTTP; `df[df.row == "node"]` splits it in pandas.
- `table="nodes"`: the node columns only, one row a node (Gephi's spreadsheet import reads `id`, `label`).
- `table="edges"`: the edge columns only, one row an edge (`source`, `target`).

Attribute columns beyond the fixed ones are sorted by name; empty cells are absent values.
"""
from __future__ import annotations

import csv
import io
from typing import Any, Iterator

import networkx as nx

from graph.export.writing import CHUNK, Target, edge_ids, open_out

TABLES = ("all", "nodes", "edges")
NODE_HEAD = ["id", "label", "kind", "lat", "lon", "first_seen", "last_seen"]
EDGE_HEAD = ["id", "source", "target", "source_label", "target_label"]


def write_csv(g: nx.MultiDiGraph, out: Target, table: str = "all") -> None:
    """Write `g` as CSV (UTF-8, header row): nodes and edges (`all`), or `nodes` or `edges` alone.

    >>> import io; g = nx.MultiDiGraph(); g.add_edge("a", "b", key="e1", date="2023-10-01")
    'e1'
    >>> buf = io.BytesIO(); write_csv(g, buf); buf.getvalue().decode().splitlines()[1:]
    ['node,a,,,,,,,,,,,', 'node,b,,,,,,,,,,,', 'edge,e1,,,,,,,a,b,a,b,2023-10-01']
    >>> buf = io.BytesIO(); write_csv(g, buf, "edges"); buf.getvalue().decode().splitlines()[1]
    'e1,a,b,a,b,2023-10-01'
    """
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
    cols = columns(g, table)
    text = io.StringIO()
    w = csv.writer(text, lineterminator="\n")
    w.writerow(cols)
    with open_out(out) as f:
        for i, row in enumerate(_rows(g, table)):
            w.writerow([row.get(c, "") for c in cols])
            if i % CHUNK == CHUNK - 1:
                f.write(text.getvalue().encode("utf-8"))
                text.seek(0)
                text.truncate()
        f.write(text.getvalue().encode("utf-8"))


def columns(g: nx.MultiDiGraph, table: str) -> list[str]:
    """The header of `table`: fixed columns first, then the other attributes by name."""
    node_cols = NODE_HEAD + sorted({k for _, d in g.nodes(data=True) for k in d} - set(NODE_HEAD))
    edge_cols = EDGE_HEAD + sorted({k for *_, d in g.edges(data=True) for k in d} - set(EDGE_HEAD))
    if table == "nodes":
        return node_cols
    if table == "edges":
        return edge_cols
    return ["row", *node_cols, *(c for c in edge_cols if c not in node_cols)]


def _rows(g: nx.MultiDiGraph, table: str) -> Iterator[dict[str, Any]]:
    if table != "edges":
        for n, d in g.nodes(data=True):
            yield {**d, "row": "node", "id": n}
    if table != "nodes":
        labels = {n: d.get("label", n) for n, d in g.nodes(data=True)}
        for eid, u, v, d in edge_ids(g):
            yield {**d, "row": "edge", "id": eid, "source": u, "target": v,
                   "source_label": labels[u], "target_label": labels[v]}
