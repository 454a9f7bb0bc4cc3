"""The networkx view of the store: actors and places as nodes, events as edges.

`build` makes a `MultiDiGraph` for a time window from ONE SPARQL query (a UNION of the
event rows, the node rows and, if asked, the co-mention counts); `get` returns it cached
per store revision and window, with the collapsed graphs the analytics run on.

Every actor and place that takes part in an event of the window is a node, isolated if the
event links it to nothing (a place with no actor). Node ids are API ids (`actor/minusma`,
`place/2455290`: `iris.id_of`), so a REST answer, an export and the view all name a node the
same way. Node attributes: `label`, `kind`
(actor | place | event), `lat`/`lon` (places with coordinates), `first_seen`/`last_seen`
(days of the earliest and latest event or mention in the window). Edge attributes:
`kind` (event | located | co_mention | agent | target | place), `event` (its id, also
the edge's key: unique per node pair, and exports make it unique per file),
`label`, `event_type` (CAMEO code), `date`/`end` (days bounding the event), `article`,
`sentence`; co-mention edges carry `weight` (sentences mentioning both).

>>> from graph.store import Store   # doctest: +SKIP
>>> g = get(Store()).multi          # doctest: +SKIP
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Callable, Iterable, Optional

import networkx as nx

from graph.ids import id_of
from graph.store import time_index
from graph.store.embedded import Store
from graph.store.happenings import HIDE_MENTIONS
from graph.store.queries import event_filter, window_filter

KINDS = ("actor", "place", "event")
DEFAULT_KINDS = ("actor", "place")

VIEW_ROWS = """
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX tkg: <https://w3id.org/timeline-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
SELECT ?e ?label ?type ?begin ?end ?agent ?target ?place ?sentence ?article
       ?n ?nlabel ?nkind ?lat ?lon ?a ?b ?w ?cfirst ?clast WHERE {
  {
    %(days)s
    ?e a sem:Event ; sem:hasEarliestBeginTimeStamp ?begin ; prov:wasDerivedFrom ?sentence .
    ?sentence dcterms:isPartOf ?article .
    %(window)s
    %(shown)s
    OPTIONAL { ?e rdfs:label ?label }
    OPTIONAL { ?e sem:hasLatestEndTimeStamp ?end }
    OPTIONAL { ?e sem:eventType ?type }
    OPTIONAL { ?e tkg:agent ?agent }
    OPTIONAL { ?e tkg:target ?target }
    OPTIONAL { ?e sem:hasPlace ?place }
  } UNION {
    ?n a sem:Actor ; rdfs:label ?nlabel . BIND("actor" AS ?nkind)
  } UNION {
    ?n a sem:Place ; rdfs:label ?nlabel . BIND("place" AS ?nkind)
    OPTIONAL { ?n schema:latitude ?lat ; schema:longitude ?lon }
  }
  %(co_mentions)s
}
"""

CO_MENTIONS = """UNION {
    SELECT ?a ?b (COUNT(*) AS ?w) (MIN(?issued) AS ?cfirst) (MAX(?issued) AS ?clast) WHERE {
      %s
      ?s tkg:mentions ?a , ?b ; dcterms:isPartOf ?art . ?art dcterms:issued ?issued .
      FILTER (STR(?a) < STR(?b))
      %s
    } GROUP BY ?a ?b
  }"""


def view_query(start: Optional[date] = None, end: Optional[date] = None, co_mentions: bool = False,
               all_events: bool = False, days: Optional[list[str]] = None,
               article_days: Optional[list[str]] = None, through_shown: Optional[str] = None) -> str:
    """The view's one query; `days` / `article_days` (the window's days with events / articles, from the
    time index) make the window a few index lookups, the FILTER then only checks those candidates.
    `through_shown` (time_index.shown_clause of the days, where the store keeps the default timeline's verdict,
    graph/rdf/shown.py): without `all_events` the days' shown events are reached through it, not tested."""
    def reach(var: str, ds: Optional[list[str]], prop: str) -> str:
        return time_index.link_clause(var, ds, prop) if ds is not None else ""

    co = CO_MENTIONS % (reach("?art", article_days, "issuedDay"), window_filter("?issued", start, end)) \
        if co_mentions else ""
    if through_shown and not all_events:
        events, shown = through_shown, HIDE_MENTIONS
    else:
        events, shown = reach("?e", days, "beginDay"), event_filter(all_events)
    return VIEW_ROWS % {"window": window_filter("?begin", start, end), "co_mentions": co,
                        "days": events, "shown": shown}


def _kinds(kinds: Iterable[str]) -> tuple[str, ...]:
    ks = tuple(sorted(set(kinds)))
    bad = [k for k in ks if k not in KINDS]
    if bad:
        raise ValueError(f"unknown node kind(s) {', '.join(bad)}; use {', '.join(KINDS)}")
    return ks


def build(store: Store, start: Optional[date] = None, end: Optional[date] = None,
          kinds: Iterable[str] = DEFAULT_KINDS, co_mentions: bool = False, all_events: bool = False) -> nx.MultiDiGraph:
    """Actors and places taking part in the events whose earliest begin is in [start, end], linked by them:
    occurrences and typed events, or all events with `all_events` (queries.SHOWN_EVENTS)."""
    days = time_index.window_days(store, start, end)
    article_days = time_index.window_days(store, start, end, "articles") if co_mentions else None
    verdict = time_index.shown_clause(store, "?e", days) if days is not None and time_index.state(store).shown else None
    return from_rows(store.ox_query(view_query(start, end, co_mentions, all_events, days, article_days, verdict)), kinds)


def from_rows(rows: Iterable[Any], kinds: Iterable[str] = DEFAULT_KINDS) -> nx.MultiDiGraph:
    """The view from the rows of `view_query` (pyoxigraph solutions, variables in SELECT order)."""
    ks = _kinds(kinds)
    g = nx.MultiDiGraph(kinds=",".join(ks))
    nodes: dict[str, dict[str, Any]] = {}
    mentions = []
    current: dict[str, Any] = {"attrs": {"event": None}}
    for row in rows:
        r = tuple(row)  # positional: a named lookup per variable costs more than the rest of the loop
        if r[0] is not None:
            eid = id_of(r[0].value)
            if eid != current["attrs"]["event"]:  # an event's rows come together: add it, forget it
                _add_event(g, current, ks)
                current = _new_event(eid, r)
            _collect_roles(current, r)
        elif r[10] is not None:
            _collect_node(nodes, r)
        else:
            a, b, w, first, last = r[15:20]
            mentions.append((id_of(a.value), id_of(b.value), int(w.value), first.value[:10], last.value[:10]))
    _add_event(g, current, ks)
    for a, b, w, first, last in mentions:
        if nodes.get(a, {}).get("kind") in ks and nodes.get(b, {}).get("kind") in ks:
            g.add_edge(a, b, key=f"co-mention:{a}|{b}", kind="co_mention", weight=w, date=first, end=last)
            _seen(g, a, first, last)
            _seen(g, b, first, last)
    _describe_nodes(g, nodes)
    return g


def _new_event(eid: str, r: tuple) -> dict[str, Any]:
    e, label, typ, begin, end, agent, target, place, sentence, article = r[:10]
    day = begin.value[:10]
    return {"attrs": {"event": eid, "label": label.value if label is not None else "",
                      "event_type": typ.value.rsplit("/", 1)[-1] if typ is not None else "",
                      "date": day, "end": end.value[:10] if end is not None else day,
                      "article": id_of(article.value), "sentence": id_of(sentence.value)},
            "agent": [], "target": [], "place": []}


def _collect_roles(ev: dict[str, Any], r: tuple) -> None:
    """Fold one row (one agent x target x place combination) into the event's record."""
    for role, t in (("agent", r[5]), ("target", r[6]), ("place", r[7])):
        if t is not None:
            v = id_of(t.value)
            if v not in ev[role]:
                ev[role].append(v)


def _collect_node(nodes: dict[str, dict[str, Any]], r: tuple) -> None:
    n, label, kind, lat, lon = r[10:15]
    nid, label = id_of(n.value), label.value
    d = nodes.get(nid)
    if d is None:
        d = nodes[nid] = {"label": label, "kind": kind.value}
    elif label < d["label"]:  # several articles may label a node: keep one, deterministically
        d["label"] = label
    if lat is not None and lon is not None:
        d["lat"], d["lon"] = float(lat.value), float(lon.value)


def _add_event(g: nx.MultiDiGraph, ev: dict[str, Any], kinds: tuple[str, ...]) -> None:
    """Edges of one event, keyed by its id: adding an event twice (were its rows ever split) is harmless."""
    attrs = ev["attrs"]
    eid, day = attrs["event"], attrs.get("date")
    if eid is None:
        return
    agents, targets = (ev["agent"], ev["target"]) if "actor" in kinds else ([], [])
    places = ev["place"] if "place" in kinds else []
    for n in dict.fromkeys(agents + targets + places):  # a node even where the event makes no edge (a
        g.add_node(n)                                   # place with no actor, an agent with no target)
        _seen(g, n, day, day)
    if "event" in kinds:  # events as nodes: agent -> event -> target, event -> place
        g.add_node(eid, label=attrs["label"], kind="event", first_seen=day, last_seen=day)
        for role, ends in (("agent", agents), ("target", targets), ("place", places)):
            for n in ends:
                u, v = (n, eid) if role == "agent" else (eid, n)
                g.add_edge(u, v, key=eid, kind=role, **attrs)
                _seen(g, n, day, day)
        return
    for a in agents:
        for t in targets:
            if a != t:
                g.add_edge(a, t, key=eid, kind="event", **attrs)
                _seen(g, a, day, day)
                _seen(g, t, day, day)
    for a in agents + [t for t in targets if t not in agents]:
        for p in places:  # the event puts each of its actors at its place
            g.add_edge(a, p, key=eid, kind="located", **attrs)
            _seen(g, a, day, day)
            _seen(g, p, day, day)


def _seen(g: nx.MultiDiGraph, node: str, first: str, last: str) -> None:
    """Widen a node's first/last seen to [first, last] (the node exists: an edge just made it)."""
    d = g.nodes[node]
    if first < d.get("first_seen", "\uffff"):
        d["first_seen"] = first
    if last > d.get("last_seen", ""):
        d["last_seen"] = last


def _describe_nodes(g: nx.MultiDiGraph, nodes: dict[str, dict[str, Any]]) -> None:
    for n, d in g.nodes(data=True):
        if d.get("kind") == "event":
            continue
        info = nodes.get(n)
        if info is None:  # an id with no label in any article: still a node, named by its id
            d["label"], d["kind"] = n, "place" if n.startswith("place/") else "actor"
        else:
            d.update(info)


def collapse(g: nx.MultiDiGraph) -> nx.DiGraph:
    """One edge per ordered node pair, `weight` = events (or co-mention counts) behind it."""
    d = nx.DiGraph()
    d.add_nodes_from(g.nodes(data=True))
    adj = d._adj  # noqa: SLF001 -- direct adjacency writes: 3x faster than add_edge on big views
    for u, v, w in g.edges(data="weight", default=1):
        if v in adj[u]:
            adj[u][v]["weight"] += w
        else:
            d.add_edge(u, v, weight=w)
    return d


def undirected(d: nx.DiGraph) -> nx.Graph:
    """Both directions merged, weights summed: what paths and communities walk."""
    u = nx.Graph()
    u.add_nodes_from(sorted(d.nodes(data=True)))  # fixed order: Louvain results depend on it
    for a, b, w in sorted(d.edges(data="weight")):
        if u.has_edge(a, b):
            u[a][b]["weight"] += w
        else:
            u.add_edge(a, b, weight=w)
    return u


@dataclass
class View:
    """A built view with its collapsed graphs and a memo for analytics results."""
    multi: nx.MultiDiGraph
    revision: int
    start: Optional[date] = None
    end: Optional[date] = None
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False)
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)  # memo computations nest

    @cached_property
    def digraph(self) -> nx.DiGraph:
        return collapse(self.multi)

    @cached_property
    def graph(self) -> nx.Graph:
        return undirected(self.digraph)

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """`compute()` once per view: results live exactly as long as the view is current."""
        with self._lock:
            if key not in self._memo:
                self._memo[key] = compute()
            return self._memo[key]


class ViewCache:
    """Views by (store directory, revision, window, kinds, co-mentions); least recently used out."""

    def __init__(self, maxsize: int = 4) -> None:
        self.maxsize = maxsize
        self._views: OrderedDict[tuple, View] = OrderedDict()
        self._lock = threading.Lock()  # one build at a time: a big view is built once, not per request
        self.builds = 0

    def get(self, store: Store, start: Optional[date] = None, end: Optional[date] = None,
            kinds: Iterable[str] = DEFAULT_KINDS, co_mentions: bool = False, all_events: bool = False) -> View:
        revision = store.revision
        key = (store.location, revision, start, end, _kinds(kinds), co_mentions, all_events)
        with self._lock:
            view = self._views.get(key)
            if view is None:
                view = View(build(store, start, end, kinds, co_mentions, all_events), revision, start, end)
                self.builds += 1
                self._views[key] = view
                while len(self._views) > self.maxsize:
                    self._views.popitem(last=False)
            self._views.move_to_end(key)
            return view

    def clear(self) -> None:
        with self._lock:
            self._views.clear()


CACHE = ViewCache()


def get(store: Store, start: Optional[date] = None, end: Optional[date] = None,
        kinds: Iterable[str] = DEFAULT_KINDS, co_mentions: bool = False, all_events: bool = False) -> View:
    """The view for a window, from the process-wide cache (rebuilt only after a write)."""
    return CACHE.get(store, start, end, kinds, co_mentions, all_events)


def snapshot(store: Store, at: date) -> View:
    """The graph as it stood on day `at`: every event that had begun by then."""
    return get(store, None, at)
