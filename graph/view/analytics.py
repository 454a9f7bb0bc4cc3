"""Analytics over a cached view (graph.view.view.View): centrality, communities, neighbourhoods, paths.

Results are memoised on the view, so they live exactly as long as the store revision
and window they were computed for. Every result names nodes by their API ids and
carries labels, so a client never needs a second round trip to show it. Degree and
PageRank run on a sparse matrix (numpy/scipy): networkx's own PageRank first converts the
graph, which alone takes seconds on a 400k-edge view.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

import networkx as nx

from graph.view.view import View

if TYPE_CHECKING:  # imported where used: numpy + scipy are a quarter of the server's start-up time
    import numpy as np
    from scipy import sparse

MEASURES = ("degree", "betweenness", "pagerank")
SEED = 42  # fixed: the same store gives the same communities and betweenness samples
EXACT_BETWEENNESS_MAX = 2000  # above this many nodes, sample pivots: exact is O(n*m)
BETWEENNESS_SAMPLES = 500


def node_info(view: View, n: str) -> dict[str, Any]:
    d = view.multi.nodes[n]
    return {"id": n, "label": d.get("label", n), "kind": d.get("kind", "")}


@dataclass
class Ranking:
    """Nodes in rank order (score descending, ties by id) with their scores and event counts."""
    ids: list[str]
    scores: np.ndarray
    events: np.ndarray

    def page(self, view: View, limit: int, offset: int = 0) -> list[dict[str, Any]]:
        """Only the rows asked for become dicts: a page of a 100k-node ranking costs microseconds."""
        return [{**node_info(view, self.ids[i]), "score": float(self.scores[i]), "events": int(self.events[i])}
                for i in range(offset, min(offset + limit, len(self.ids)))]


def centrality(view: View, measure: str) -> Ranking:
    """All nodes ranked by `measure`: degree and pagerank on a sparse matrix, betweenness by networkx."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; use {', '.join(MEASURES)}")
    return view.memo(("centrality", measure), lambda: _rank(view, measure))


def adjacency(view: View) -> tuple[list[str], sparse.csr_array]:
    """(nodes, weighted adjacency of the collapsed graph), built once per view."""
    def compute() -> tuple[list[str], sparse.csr_array]:
        import numpy as np
        from scipy import sparse

        g = view.multi
        nodes = list(g)
        index = {n: i for i, n in enumerate(nodes)}
        src, dst, w = [], [], []
        for u, nbrs in g._adj.items():  # noqa: SLF001 -- per node pair, not per edge: 3x fewer steps
            iu = index[u]
            for v, parallel in nbrs.items():
                src.append(iu)
                dst.append(index[v])
                w.append(sum(d.get("weight", 1) for d in parallel.values()))
        shape = (len(nodes), len(nodes))
        return nodes, sparse.csr_array((np.array(w, np.float64), (np.array(src, np.int64), np.array(dst, np.int64))), shape=shape)
    return view.memo("adjacency", compute)


def _rank(view: View, measure: str) -> Ranking:
    import numpy as np

    nodes, a = adjacency(view)
    n = len(nodes)
    events = np.asarray(a.sum(axis=0)).ravel() + np.asarray(a.sum(axis=1)).ravel()
    if measure == "degree":  # = nx.degree_centrality of the collapsed DiGraph
        b = (a != 0).astype(np.float64)
        deg = np.asarray(b.sum(axis=0)).ravel() + np.asarray(b.sum(axis=1)).ravel()
        scores = deg / (n - 1) if n > 1 else np.ones(n)
    elif measure == "pagerank":
        scores = pagerank(a)
    else:
        k = BETWEENNESS_SAMPLES if n > EXACT_BETWEENNESS_MAX else None
        between = nx.betweenness_centrality(view.graph, k=k, seed=SEED)
        scores = np.array([between[x] for x in nodes], dtype=np.float64)
    order = np.lexsort((np.array(nodes, dtype=str), -scores)) if n else np.zeros(0, np.int64)
    return Ranking([nodes[i] for i in order], scores[order], events[order])


def pagerank(a: sparse.csr_array, alpha: float = 0.85, tol: float = 1.0e-6, max_iter: int = 100) -> np.ndarray:
    """networkx's PageRank (weighted, dangling mass spread uniformly, same stopping rule) on a matrix."""
    import numpy as np
    from scipy import sparse

    n = a.shape[0]
    if n == 0:
        return np.zeros(0)
    out = np.asarray(a.sum(axis=1)).ravel()
    inv = np.divide(1.0, out, out=np.zeros(n), where=out != 0)
    q = (sparse.diags_array(inv) @ a).tocsr()
    dangling = out == 0
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = alpha * (x @ q + x[dangling].sum() / n) + (1 - alpha) / n
        if np.abs(x - last).sum() < n * tol:
            return x
    raise nx.PowerIterationFailedConvergence(max_iter)


def communities(view: View, resolution: float = 1.0) -> list[dict[str, Any]]:
    """Louvain communities (seeded: deterministic), largest first, members by degree."""
    def compute() -> list[dict[str, Any]]:
        g = view.graph
        parts = nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=SEED)
        deg = g.degree(weight="weight")
        ordered = sorted((sorted(p, key=lambda n: (-deg[n], n)) for p in parts), key=lambda m: (-len(m), m[0]))
        return [{"id": i, "size": len(m), "members": [node_info(view, n) for n in m]} for i, m in enumerate(ordered)]
    return view.memo(("communities", resolution), compute)


def neighbors(view: View, node: str, depth: int = 1) -> dict[str, Any]:
    """Nodes within `depth` hops (either direction) and the edges among them."""
    dist = nx.single_source_shortest_path_length(view.graph, node, cutoff=depth)
    nodes = sorted(dist, key=lambda n: (dist[n], n))
    sub = view.multi.subgraph(nodes)
    edges = [edge_info(u, v, k, d) for u, v, k, d in sub.edges(keys=True, data=True)]
    edges.sort(key=lambda e: (e["date"] or "", e["id"]))
    return {"nodes": [{**node_info(view, n), "distance": dist[n]} for n in nodes], "edges": edges}


STATE_FIELDS = ("relation", "role", "from", "until", "end", "confidence", "recorded", "fact", "sources")


def edge_info(u: str, v: str, k: str, d: dict[str, Any]) -> dict[str, Any]:
    info = {"id": str(k), "source": u, "target": v, "kind": d.get("kind", ""), "event": d.get("event"),
            "label": d.get("label"), "event_type": d.get("event_type") or None, "date": d.get("date"),
            "weight": d.get("weight", 1)}
    if info["kind"] == "state":  # graph/view/states.py: the state's interval, confidence and fact
        info.update((f, d[f]) for f in STATE_FIELDS if f in d)
    return info


def path(view: View, source: str, target: str) -> Optional[list[dict[str, Any]]]:
    """A shortest path (fewest hops, either direction); each hop with the edges behind it."""
    try:
        nodes = nx.shortest_path(view.graph, source, target)
    except nx.NetworkXNoPath:
        return None
    hops = []
    for u, v in zip(nodes, nodes[1:]):
        edges = [edge_info(a, b, k, d) for a, b in ((u, v), (v, u)) if view.multi.has_edge(a, b)
                 for k, d in view.multi[a][b].items()]
        edges.sort(key=lambda e: (e["date"] or "", e["id"]))
        hops.append({"source": node_info(view, u), "target": node_info(view, v), "edges": edges})
    return hops
