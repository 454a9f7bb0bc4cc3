"""The export formats by name, for the CLI and the API (one module a writer, networkx readwrite style).

- `graphml` (graphml.write_graphml): Gephi, yEd, graphology-graphml, networkx.
- `gexf` (gexf.write_gexf): dynamic GEXF 1.3, Gephi's timeline replays the story.
- `json` (graphology_json.write_graphology): graphology's serialization (`graph.import`), Sigma.js, Gephi Lite.
- `node-link` (json_graph.write_node_link): networkx node-link JSON (`nx.node_link_graph`).
- `csv` (csv_table.write_csv): nodes and edges in one table, a `row` column telling which.

This module imports no writer (nor networkx) until one writes: `tkg` builds its export
subcommands from FORMATS at start-up, and every command would pay for networkx otherwise.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

if TYPE_CHECKING:
    import networkx as nx

    from graph.export.writing import Target


class Format(NamedTuple):
    writer: str  # "module:function" under graph.export, imported on first use
    media_type: str
    suffix: str
    summary: str  # the CLI's help and the API's summary

    @property
    def write(self) -> Callable[["nx.MultiDiGraph", "Target"], None]:
        """The writer function: `FORMATS[name].write(g, out)`."""
        module, name = self.writer.split(":")
        return getattr(import_module(f"graph.export.{module}"), name)


FORMATS: dict[str, Format] = {
    "graphml": Format("graphml:write_graphml", "application/graphml+xml", "graphml",
                      "The actor/place graph as GraphML (Gephi, yEd, graphology, networkx): named keys, unique edge ids."),
    "gexf": Format("gexf:write_gexf", "application/gexf+xml", "gexf",
                   "The graph as dynamic GEXF 1.3: spells from the events' dates, so Gephi's timeline plays it."),
    "json": Format("graphology_json:write_graphology", "application/json", "json",
                   "The graph as graphology JSON: Graph.from(data) or graph.import(data) (Sigma.js, Gephi Lite)."),
    "node-link": Format("json_graph:write_node_link", "application/json", "node-link.json",
                        "The graph as networkx node-link JSON (nx.node_link_graph(data, edges='links'))."),
    "csv": Format("csv_table:write_csv", "text/csv", "csv",
                  "Nodes (id, label, kind, lat, lon, first/last seen) and edges in one CSV; a `row` column says which."),
}

_LAZY = {"write_graphml": "graphml", "write_gexf": "gexf", "write_graphology": "json",
         "write_node_link": "node-link", "write_csv": "csv"}

__all__ = ["FORMATS", "Format", "write", *_LAZY]


def write(fmt: str, g: "nx.MultiDiGraph", out: "Target") -> None:
    """Write `g` in format `fmt` (a key of FORMATS)."""
    FORMATS[fmt].write(g, out)


def __getattr__(name: str) -> Any:
    """`from graph.export.formats import write_gexf` still works, importing the writer then."""
    if name in _LAZY:
        return FORMATS[_LAZY[name]].write
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
