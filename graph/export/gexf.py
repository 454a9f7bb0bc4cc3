"""GEXF 1.3, dynamic: Gephi's timeline slider replays the story.

The graph is `mode="dynamic"` with `timeformat="date"`; every edge has a spell from its
event's earliest day to its latest (`date`..`end`, a month-precise event spans the
month), every node a spell from the first day it is seen to the last day any of its
edges is, so a node is on screen whenever one of its edges is. A state edge (graph/view/states.py:
who controlled a place from when until when) spans its `date`..`end`, open on a side it has none of
(an unknown begin, a state still holding), and so are its nodes. Nodes are coloured by
kind (`viz:color`). Attribute ids are the attribute names, as Gephi Lite displays them.
"""
from __future__ import annotations

from datetime import date

import networkx as nx

from graph.export.writing import ChunkWriter, Target, edge_ids, literal, open_out, scalar_types, xml_attr

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
COLORS = {"actor": (31, 119, 180), "place": (44, 160, 44), "event": (214, 39, 40)}
OTHER_COLOR = (127, 127, 127)
_NATIVE = {"label", "weight", "start", "end"}  # written as XML attributes or spells, not attvalues
OPEN_START, OPEN_END = "", "~"  # an open side of a spell: sort before and after every day


def write_gexf(g: nx.MultiDiGraph, out: Target) -> None:
    """Write `g` as dynamic GEXF 1.3 with node and edge spells and colours by kind.

    >>> import io; g = nx.MultiDiGraph(); g.add_edge("a", "b", key="e1", date="2023-10-01", end="2023-10-31")
    'e1'
    >>> buf = io.BytesIO(); write_gexf(g, buf); b'<spell start="2023-10-01" end="2023-10-31"/>' in buf.getvalue()
    True
    """
    spans = node_spans(g)
    node_types = scalar_types((d for _, d in g.nodes(data=True)), skip=_NATIVE)
    edge_types = scalar_types((d for *_, d in g.edges(data=True)), skip=_NATIVE)
    days = [s for span in spans.values() for s in span if s and s != OPEN_END]
    with open_out(out) as f:
        w = ChunkWriter(f)
        w.add(_header(min(days) if days else None, max(days) if days else None))
        for cls, types in (("node", node_types), ("edge", edge_types)):
            w.add(f'<attributes class="{cls}" mode="static">\n')
            for name, typ in sorted(types.items()):
                w.add(f'<attribute id="{xml_attr(name)}" title="{xml_attr(name)}" type="{typ}"/>\n')
            w.add("</attributes>\n")
        w.add("<nodes>\n")
        for n, d in g.nodes(data=True):
            w.add(_node(n, d, node_types, spans.get(n, (None, None))))
        w.add("</nodes>\n<edges>\n")
        for eid, u, v, d in edge_ids(g):
            w.add(_edge(eid, u, v, d, edge_types))
        w.add("</edges>\n</graph>\n</gexf>\n")
        w.flush()


def node_spans(g: nx.MultiDiGraph) -> dict:
    """node -> [first day, last day]: its own first/last seen widened to its edges' spells."""
    spans = {n: [d.get("first_seen"), d.get("last_seen")] for n, d in g.nodes(data=True)}
    for u, v, d in g.edges(data=True):
        bounds = edge_span(d)
        if bounds is None:
            continue
        start, end = bounds
        for span in (spans[u], spans[v]):
            if span[0] is None or start < span[0]:
                span[0] = start
            if span[1] is None or end > span[1]:
                span[1] = end
    return spans


def edge_span(d: dict) -> tuple[str, str] | None:
    """An edge's first and last day: an event's `date`..`end`; a state's, open (OPEN_START, OPEN_END) where
    it has no bound; None for an edge with no time."""
    start, end = d.get("date"), d.get("end")
    if d.get("kind") == "state":
        return start or OPEN_START, end or OPEN_END
    if not start:
        return None
    return start, end or start


def _header(start: str | None, end: str | None) -> str:
    bounds = f' start="{start}" end="{end}"' if start and end else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{VIZ_NS}" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            f'xsi:schemaLocation="{GEXF_NS} {GEXF_NS}/gexf.xsd" version="1.3">\n'
            f'<meta lastmodifieddate="{date.today().isoformat()}"><creator>timeline-kg</creator>'
            '<description>actors, places and events from news articles</description></meta>\n'
            f'<graph mode="dynamic" defaultedgetype="directed" timeformat="date" '
            f'timerepresentation="interval"{bounds}>\n')


def _attvalues(d: dict, types: dict[str, str]) -> str:
    vals = "".join(f'<attvalue for="{k}" value="{literal(v)}"/>' for k, v in d.items()
                   if v is not None and k in types)
    return f"<attvalues>{vals}</attvalues>" if vals else ""


def _spell(start: str | None, end: str | None) -> str:
    """One spell; an open side is left out (GEXF allows either bound alone); open on both: none (always there)."""
    bounds = "".join(f' {name}="{day}"' for name, day in (("start", start), ("end", end))
                     if day not in (None, OPEN_START, OPEN_END))
    return f"<spells><spell{bounds}/></spells>" if bounds else ""


def _node(n: str, d: dict, types: dict[str, str], span: tuple) -> str:
    r, g, b = COLORS.get(d.get("kind", ""), OTHER_COLOR)
    return (f'<node id="{xml_attr(n)}" label="{xml_attr(d.get("label", n))}">'
            f'{_attvalues(d, types)}{_spell(*span)}<viz:color r="{r}" g="{g}" b="{b}"/></node>\n')


def _edge(eid: str, u: str, v: str, d: dict, types: dict[str, str]) -> str:
    label = f' label="{xml_attr(d["label"])}"' if d.get("label") else ""
    weight = f' weight="{d["weight"]}"' if "weight" in d else ""
    return (f'<edge id="{xml_attr(eid)}" source="{xml_attr(u)}" target="{xml_attr(v)}"{label}{weight}>'
            f'{_attvalues(d, types)}{_spell(*(edge_span(d) or (None, None)))}</edge>\n')
