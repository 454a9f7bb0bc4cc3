"""Render native SPARQL results (pyoxigraph) as JSON, CSV or a terminal table."""
from __future__ import annotations

import sys
from typing import Any

import pyoxigraph as ox
from rich.console import Console
from rich.table import Table

FORMATS = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV}


def term_text(term: Any) -> str:
    return "" if term is None else str(term.value)


def render(result: Any, fmt: str, console: Console) -> None:
    if isinstance(result, ox.QueryTriples):
        sys.stdout.write(result.serialize(format=ox.RdfFormat.TURTLE).decode("utf-8"))
        return
    if fmt in FORMATS:
        sys.stdout.write(result.serialize(format=FORMATS[fmt]).decode("utf-8"))
        if fmt == "json":
            sys.stdout.write("\n")
        return
    if isinstance(result, ox.QueryBoolean):
        console.print(str(bool(result)).lower())
        return
    names = [v.value for v in result.variables]
    table = Table(*names)
    for row in result:
        table.add_row(*(term_text(row[n]) for n in names))
    console.print(table)
