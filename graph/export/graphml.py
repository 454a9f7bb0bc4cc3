"""GraphML for Gephi, yEd, graphology and networkx.

Differs from `nx.write_graphml` where those tools show it: a key's id is its attribute name
(`label`, not `d3`; an edge attribute that shares a node attribute's name gets `edge_`
in front, since key ids are unique per document), every edge has a unique id, and only
scalar attributes are written (lists and dicts have no GraphML type).
"""
from __future__ import annotations

import networkx as nx

from graph.export.writing import ChunkWriter, Target, edge_ids, literal, open_out, scalar_types, xml_attr

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          f'<graphml xmlns="{GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          f'xsi:schemaLocation="{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd">\n')


def write_graphml(g: nx.MultiDiGraph, out: Target) -> None:
    """Write `g` as GraphML with named keys and unique edge ids.

    >>> import io; g = nx.MultiDiGraph(); g.add_edge("a", "b", key="e1", label="x")
    'e1'
    >>> buf = io.BytesIO(); write_graphml(g, buf); b'id="e1"' in buf.getvalue()
    True
    """
    node_types = scalar_types(d for _, d in g.nodes(data=True))
    edge_types = scalar_types(d for *_, d in g.edges(data=True))
    edge_key = {k: (f"edge_{k}" if k in node_types else k) for k in edge_types}
    with open_out(out) as f:
        w = ChunkWriter(f)
        w.add(HEADER)
        for domain, types, ids in (("node", node_types, {k: k for k in node_types}), ("edge", edge_types, edge_key)):
            for name, typ in sorted(types.items()):
                w.add(f'<key id="{xml_attr(ids[name])}" for="{domain}" attr.name="{xml_attr(name)}" '
                      f'attr.type="{typ}"/>\n')
        w.add('<graph id="timeline-kg" edgedefault="directed">\n')
        names = {n: xml_attr(n) for n in g}
        for n, d in g.nodes(data=True):
            w.add(f'<node id="{names[n]}">{_data(d, node_types, None)}</node>\n')
        for eid, u, v, d in edge_ids(g):
            w.add(f'<edge id="{xml_attr(eid)}" source="{names[u]}" target="{names[v]}">'
                  f'{_data(d, edge_types, edge_key)}</edge>\n')
        w.add("</graph>\n</graphml>\n")
        w.flush()


def _data(attrs: dict, types: dict[str, str], ids: dict[str, str] | None) -> str:
    return "".join(f'<data key="{ids[k] if ids else k}">{literal(v)}</data>'
                   for k, v in attrs.items() if v is not None and k in types)
