"""What the export formats share: output targets, XML text, unique edge ids, attribute types.

The XML writers emit text directly rather than building an lxml tree: a 400k-edge view
would otherwise hold the whole document in memory twice (tree + serialization).
"""
from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Union

import networkx as nx

Target = Union[str, Path, IO[bytes]]
_CTRL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0 at all
_SCALARS = {bool: "boolean", int: "long", float: "double", str: "string"}
CHUNK = 5000  # elements per write: bounded memory, few syscalls


@contextlib.contextmanager
def open_out(out: Target) -> Iterator[IO[bytes]]:
    """A binary stream for a path or an open binary file (left open)."""
    if isinstance(out, (str, Path)):
        with open(out, "wb") as f:
            yield f
    else:
        yield out


def xml_attr(value: Any) -> str:
    """Text safe inside a double-quoted XML attribute (and element content)."""
    s = str(value)
    if _CTRL.search(s):
        s = _CTRL.sub("", s)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    if "\n" in s or "\r" in s or "\t" in s:  # attribute-value normalisation would turn them into spaces
        s = s.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    return s


def edge_ids(g: nx.MultiDiGraph) -> Iterator[tuple[str, Any, Any, dict]]:
    """(unique id, u, v, data) for every edge: the view's key, disambiguated if ever repeated."""
    seen: set[str] = set()
    for u, v, k, d in g.edges(keys=True, data=True):
        eid = str(k)
        if eid in seen:
            base, n = f"{eid}:{u}>{v}", 1
            eid = base
            while eid in seen:
                n += 1
                eid = f"{base}#{n}"
        seen.add(eid)
        yield eid, u, v, d


def scalar_types(items: Iterable[dict], skip: Iterable[str] = ()) -> dict[str, str]:
    """Attribute name -> GraphML/GEXF type for the scalar attributes present (mixed -> string)."""
    types: dict[str, str] = {}
    skipped = set(skip)
    for data in items:
        for k, v in data.items():
            t = _SCALARS.get(type(v))
            if t is None or k in skipped:
                continue
            old = types.get(k)
            if old is None:
                types[k] = t
            elif old != t:
                types[k] = "double" if {old, t} == {"long", "double"} else "string"
    return types


def literal(value: Any) -> str:
    """A scalar as GraphML/GEXF text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return xml_attr(value)


class ChunkWriter:
    """Collects text and writes it UTF-8 encoded every CHUNK pieces."""

    def __init__(self, f: IO[bytes]) -> None:
        self.f, self.parts = f, []

    def add(self, text: str) -> None:
        self.parts.append(text)
        if len(self.parts) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.f.write("".join(self.parts).encode("utf-8"))
            self.parts = []
