"""Exports of the view for Gephi and friends.

GraphML is written with lxml rather than `nx.write_graphml` because Gephi and
graphology show key ids, and networkx names them d0, d1...: here a key's id is its
attribute name, every edge has a unique id, and only scalar attributes are written.
"""
from __future__ import annotations

from pathlib import Path
from typing import IO, Union

import networkx as nx
from lxml import etree

from .iris import id_of

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _keys(items, domain: str) -> dict[str, str]:
    """attribute name -> GraphML type, for the scalar attributes present."""
    keys: dict[str, str] = {}
    for data in items:
        for k, v in data.items():
            t = _TYPES.get(type(v))
            if t and keys.get(k, t) == t:
                keys[k] = t
            elif t:
                keys[k] = "string"  # mixed types: fall back to text
    return keys


def write_graphml(g: nx.MultiDiGraph, out: Union[str, Path, IO[bytes]]) -> None:
    """Write `g` as GraphML with named keys and unique edge ids.

    >>> import io; g = nx.MultiDiGraph(); g.add_edge("a", "b", key="e1", label="x")
    >>> buf = io.BytesIO(); write_graphml(g, buf); b'id="e1"' in buf.getvalue()
    True
    """
    root = etree.Element(f"{{{GRAPHML_NS}}}graphml", nsmap={None: GRAPHML_NS})
    node_keys = _keys((d for _, d in g.nodes(data=True)), "node")
    edge_keys = _keys((d for *_, d in g.edges(keys=True, data=True)), "edge")
    for domain, keys in (("node", node_keys), ("edge", edge_keys)):
        for name, typ in sorted(keys.items()):
            key_id = name if domain == "node" or name not in node_keys else f"edge_{name}"
            etree.SubElement(root, f"{{{GRAPHML_NS}}}key", id=key_id, attrib={
                "for": domain, "attr.name": name, "attr.type": typ})
    graph = etree.SubElement(root, f"{{{GRAPHML_NS}}}graph", id="timeline-kg", edgedefault="directed")
    for n, d in g.nodes(data=True):
        el = etree.SubElement(graph, f"{{{GRAPHML_NS}}}node", id=id_of(n))
        _data(el, d, node_keys, lambda k: k)
    seen: set[str] = set()
    for u, v, k, d in g.edges(keys=True, data=True):
        eid = str(k)
        while eid in seen:  # keys are unique per node pair; make them unique per file
            eid += "'"
        seen.add(eid)
        el = etree.SubElement(graph, f"{{{GRAPHML_NS}}}edge", id=eid, source=id_of(u), target=id_of(v))
        _data(el, d, edge_keys, lambda k: k if k not in node_keys else f"edge_{k}")
    etree.ElementTree(root).write(out, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _data(el, attrs: dict, keys: dict[str, str], key_id) -> None:
    for k, v in attrs.items():
        if k in keys and v is not None:
            d = etree.SubElement(el, f"{{{GRAPHML_NS}}}data", key=key_id(k))
            d.text = str(v).lower() if isinstance(v, bool) else str(v)
