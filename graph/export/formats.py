"""Exports of the view, one module a format (networkx readwrite style).

- `write_graphml` (export_graphml): Gephi, yEd, graphology-graphml, networkx.
- `write_gexf` (export_gexf): dynamic GEXF 1.3, Gephi's timeline replays the story.
- `write_json` (export_json): node-link JSON for D3 / graphology.
- `write_csv` (export_csv): an edge list.

`FORMATS` maps a format name to its writer, media type and file suffix, for the CLI and API.
"""
from __future__ import annotations

from typing import Callable, NamedTuple

import networkx as nx

from graph.export.csv_table import write_csv
from graph.export.gexf import write_gexf
from graph.export.graphml import write_graphml
from graph.export.json_graph import node_link_data, write_json
from graph.export.writing import Target


class Format(NamedTuple):
    write: Callable[[nx.MultiDiGraph, Target], None]
    media_type: str
    suffix: str


FORMATS: dict[str, Format] = {
    "graphml": Format(write_graphml, "application/graphml+xml", "graphml"),
    "gexf": Format(write_gexf, "application/gexf+xml", "gexf"),
    "json": Format(write_json, "application/json", "json"),
    "csv": Format(write_csv, "text/csv", "csv"),
}

__all__ = ["FORMATS", "Format", "node_link_data", "write", "write_csv", "write_gexf", "write_graphml", "write_json"]


def write(fmt: str, g: nx.MultiDiGraph, out: Target) -> None:
    """Write `g` in format `fmt` (a key of FORMATS)."""
    FORMATS[fmt].write(g, out)
