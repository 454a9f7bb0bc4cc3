"""A CSV edge list: one row per edge, endpoints with their labels, then the edge attributes."""
from __future__ import annotations

import csv
import io

import networkx as nx

from graph.export.writing import Target, edge_ids, open_out

HEAD = ["id", "source", "target", "source_label", "target_label"]


def write_csv(g: nx.MultiDiGraph, out: Target) -> None:
    """Write the edges of `g` as CSV (UTF-8, header row, attribute columns sorted by name).

    >>> import io; g = nx.MultiDiGraph(); g.add_edge("a", "b", key="e1", date="2023-10-01")
    'e1'
    >>> buf = io.BytesIO(); write_csv(g, buf); buf.getvalue().decode().splitlines()[1]
    'e1,a,b,a,b,2023-10-01'
    """
    cols = sorted({k for *_, d in g.edges(data=True) for k in d} - set(HEAD))
    labels = {n: d.get("label", n) for n, d in g.nodes(data=True)}
    text = io.StringIO()
    w = csv.writer(text, lineterminator="\n")
    w.writerow(HEAD + cols)
    with open_out(out) as f:
        for i, (eid, u, v, d) in enumerate(edge_ids(g)):
            w.writerow([eid, u, v, labels[u], labels[v], *(d.get(c, "") for c in cols)])
            if i % 5000 == 4999:
                f.write(text.getvalue().encode("utf-8"))
                text.seek(0)
                text.truncate()
        f.write(text.getvalue().encode("utf-8"))
