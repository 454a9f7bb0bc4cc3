"""Benchmark: the view and the Gephi exports on a 100k-node, 400k-edge store, next to bare networkx.

    /work/venv/bin/python bench/view.py [--dir /tmp/tkg-bench] [--actors 90000] [--places 10000] [--events 200000]

Makes a synthetic store once (graph/rdf/triples.py's model, bulk-loaded as N-Quads), then runs each
phase in a fresh process so every peak RSS is that phase's own:
  ours-build    graph.view.view.build: the view query + the MultiDiGraph
  bare-build    the same query's rows into a MultiDiGraph with plain add_edge / add_node
  ours-graphml  ours-build, then graph.export.write_graphml
  ours-gexf     ours-build, then graph.export.write_gexf (dynamic, spells)
  bare-graphml  bare-build, then nx.write_graphml (lxml)
  http          `tkg serve` on the store; GET /graph/centrality cold, then on the cached view
Each event has an agent and a target, every other one a place: events + 2 x events/2 edges.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BASE = "https://w3id.org/timeline-kg/id/"
P = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
     "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/", "tkg": "https://w3id.org/timeline-kg/ontology#",
     "prov": "http://www.w3.org/ns/prov#", "dct": "http://purl.org/dc/terms/", "schema": "https://schema.org/",
     "xsd": "http://www.w3.org/2001/XMLSchema#", "cameo": "https://w3id.org/timeline-kg/cameo/"}
EVENTS_PER_ARTICLE = 100


def _iri(prefix: str, local: str) -> str:
    return f"<{P[prefix]}{local}>"


def _lit(value: str, dtype: str = "") -> str:
    return f'"{value}"' + (f"^^{_iri('xsd', dtype)}" if dtype else "")


def generate(path: Path, actors: int, places: int, events: int) -> None:
    """Write the synthetic store (skipped when it exists with the same shape)."""
    from graph.store.embedded import Store

    stamp = path / "bench-shape.json"
    shape = {"actors": actors, "places": places, "events": events, "descriptions": "entities graph"}
    if stamp.exists() and json.loads(stamp.read_text()) == shape:
        return
    t0 = time.perf_counter()
    rnd = random.Random(7)
    store = Store(path)
    lines = []
    a_iri = [f"<{BASE}actor/a{i}>" for i in range(actors)]
    p_iri = [f"<{BASE}place/{100000 + i}>" for i in range(places)]
    for i in range(0, events, EVENTS_PER_ARTICLE):
        key = f"bench{i // EVENTS_PER_ARTICLE}"
        art, g = f"<{BASE}article/{key}>", f"<{BASE}article/{key}>"
        lines.append(f"{art} {_iri('rdf', 'type')} {_iri('schema', 'NewsArticle')} {g} .")
        for j in range(i, min(i + EVENTS_PER_ARTICLE, events)):
            e, s = f"<{BASE}event/{key}/{j}>", f"<{BASE}sentence/{key}/{j}>"
            day = f"{2012 + j % 12}-{1 + j % 12:02d}-{1 + j % 28:02d}"
            agent, target = rnd.randrange(actors), rnd.randrange(actors)
            quads = [(e, _iri("rdf", "type"), _iri("sem", "Event")), (e, _iri("rdfs", "label"), _lit(f"event {j}")),
                     (e, _iri("sem", "eventType"), _iri("cameo", "190")),
                     (e, _iri("sem", "hasEarliestBeginTimeStamp"), _lit(day + "T00:00:00", "dateTime")),
                     (e, _iri("sem", "hasLatestEndTimeStamp"), _lit(day + "T23:59:59", "dateTime")),
                     (e, _iri("prov", "wasDerivedFrom"), s), (s, _iri("dct", "isPartOf"), art),
                     (e, _iri("tkg", "agent"), a_iri[agent]), (e, _iri("tkg", "target"), a_iri[target])]
            if j % 2 == 0:
                quads.append((e, _iri("sem", "hasPlace"), p_iri[rnd.randrange(places)]))
            lines.extend(f"{a} {b} {c} {g} ." for a, b, c in quads)
    g = f"<{BASE}graph/entities>"  # actors' and places' descriptions: once, in the shared graph (graph/rdf/triples.py)
    for i, a in enumerate(a_iri):
        lines.append(f"{a} {_iri('rdf', 'type')} {_iri('sem', 'Actor')} {g} .")
        lines.append(f"{a} {_iri('rdfs', 'label')} {_lit(f'Actor {i}')} {g} .")
    for i, p in enumerate(p_iri):
        lines.append(f"{p} {_iri('rdf', 'type')} {_iri('sem', 'Place')} {g} .")
        lines.append(f"{p} {_iri('rdfs', 'label')} {_lit(f'Place {i}')} {g} .")
        lines.append(f"{p} {_iri('schema', 'latitude')} {_lit(str(round(rnd.uniform(-30, 30), 4)), 'decimal')} {g} .")
        lines.append(f"{p} {_iri('schema', 'longitude')} {_lit(str(round(rnd.uniform(-20, 40), 4)), 'decimal')} {g} .")
    import pyoxigraph as ox

    store.ox.bulk_load(("\n".join(lines) + "\n").encode(), format=ox.RdfFormat.N_QUADS)
    store.flush()
    stamp.write_text(json.dumps(shape))
    print(f"generated {len(lines):,} quads in {time.perf_counter() - t0:.1f} s", file=sys.stderr)


def bare_build(store):
    """What a user would write with networkx alone: rows in, add_edge per row, no helpers."""
    import networkx as nx

    from graph.view.view import view_query

    g = nx.MultiDiGraph()
    labels = {}
    for r in store.ox_query(view_query()):
        if r["e"] is None:
            d = labels.setdefault(r["n"].value[len(BASE):], {"label": r["nlabel"].value, "kind": r["nkind"].value})
            if r["lat"] is not None:
                d["lat"], d["lon"] = float(r["lat"].value), float(r["lon"].value)
            continue
        eid, day = r["e"].value[len(BASE):], r["begin"].value[:10]
        attrs = {"event": eid, "label": r["label"].value, "event_type": r["type"].value.rsplit("/", 1)[-1],
                 "date": day, "end": r["end"].value[:10], "article": r["article"].value[len(BASE):],
                 "sentence": r["sentence"].value[len(BASE):]}
        a, t = r["agent"].value[len(BASE):], r["target"].value[len(BASE):]
        if a != t:
            g.add_edge(a, t, key=eid, kind="event", **attrs)
        if r["place"] is not None:
            p = r["place"].value[len(BASE):]
            for n in {a, t}:
                g.add_edge(n, p, key=f"{eid}@{n}", kind="located", **attrs)
    for n in g:
        g.nodes[n].update(labels.get(n, {}))
    return g


def peak_mb() -> float:
    """This process's peak RSS (VmHWM: unlike ru_maxrss, not inherited from the parent across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase(name: str, path: Path) -> dict:
    """One measurement, in this (fresh) process."""
    import networkx as nx

    from graph.export.formats import write_gexf, write_graphml
    from graph.store.embedded import Store
    from graph.view import view

    store = Store(path)
    out = path.parent / f"bench-out.{name}"
    t0 = time.perf_counter()
    g = bare_build(store) if name.startswith("bare") else view.build(store)
    res = {"build_s": time.perf_counter() - t0, "build_peak_mb": peak_mb(),
           "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
    writer = {"ours-graphml": write_graphml, "ours-gexf": write_gexf, "bare-graphml": nx.write_graphml}.get(name)
    if writer:
        t0 = time.perf_counter()
        writer(g, str(out))
        res.update(write_s=time.perf_counter() - t0, peak_mb=peak_mb(), file_mb=out.stat().st_size / 2**20)
        out.unlink()
    return res


def http(path: Path) -> dict:
    """Real server: centrality cold (builds the view), then with the view cached."""
    import httpx

    sys.path.insert(0, str(ROOT / "tests"))
    from sparql_server import ServeProcess as Server

    srv = Server(path)
    res = {}
    try:
        with httpx.Client(base_url=srv.url + "/api/v1", timeout=600) as c:
            t0 = time.perf_counter()
            r = c.get("/graph/neighbors/actor/a0")  # builds and caches the view
            res["neighbors, cold (builds the view)"] = (time.perf_counter() - t0, r.status_code)
            for label, params in (("centrality degree, cached view", {"measure": "degree"}),
                                  ("centrality pagerank, cached view", {"measure": "pagerank"}),
                                  ("centrality pagerank, memoised", {"measure": "pagerank"})):
                t0 = time.perf_counter()
                r = c.get("/graph/centrality", params=params)
                res[label] = (time.perf_counter() - t0, r.status_code)
    finally:
        srv.stop()
    return res


def run_child(name: str, path: Path, *extra: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--dir", str(path.parent), "--phase", name, *extra],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=Path(os.environ.get("TKG_BENCH_DIR", "/tmp/tkg-bench")))
    ap.add_argument("--actors", type=int, default=90_000)
    ap.add_argument("--places", type=int, default=10_000)
    ap.add_argument("--events", type=int, default=200_000)
    ap.add_argument("--phase")
    args = ap.parse_args()
    data = args.dir / "data"
    if args.phase == "generate":
        generate(data, args.actors, args.places, args.events)
        print("{}")
        return
    if args.phase:
        print(json.dumps(http(data) if args.phase == "http" else phase(args.phase, data)))
        return
    args.dir.mkdir(parents=True, exist_ok=True)
    run_child("generate", data, "--actors", str(args.actors), "--places", str(args.places), "--events", str(args.events))
    run_child("warm-up", data)  # first read after a bulk load pays for RocksDB compaction: not a phase's cost
    rows = {n: run_child(n, data) for n in ("ours-build", "bare-build", "ours-graphml", "ours-gexf", "bare-graphml")}
    report(rows, run_child("http", data))


def report(rows: dict, web: dict) -> None:
    b = rows["ours-build"]
    print(f"store: {b['nodes']:,} nodes, {b['edges']:,} edges (python {sys.version.split()[0]})")
    print(f"{'phase':<14}{'build s':>9}{'write s':>9}{'peak MB':>9}{'file MB':>9}")
    for name, r in rows.items():
        print(f"{name:<14}{r['build_s']:>9.2f}{r.get('write_s', float('nan')):>9.2f}"
              f"{r.get('peak_mb', r['build_peak_mb']):>9.0f}{r.get('file_mb', float('nan')):>9.1f}")
    bb, og, oe, bg = rows["bare-build"], rows["ours-graphml"], rows["ours-gexf"], rows["bare-graphml"]
    print(f"build time  ours/bare: {b['build_s'] / bb['build_s']:.2f}x   peak RSS: {b['build_peak_mb'] / bb['build_peak_mb']:.2f}x")
    print(f"graphml     ours/bare: write {og['write_s'] / bg['write_s']:.2f}x, build+write "
          f"{(og['build_s'] + og['write_s']) / (bg['build_s'] + bg['write_s']):.2f}x, peak RSS {og['peak_mb'] / bg['peak_mb']:.2f}x")
    print(f"gexf        ours/bare-graphml: write {oe['write_s'] / bg['write_s']:.2f}x, peak RSS {oe['peak_mb'] / bg['peak_mb']:.2f}x")
    for label, (secs, status) in web.items():
        print(f"HTTP {label:<36} {secs:6.2f} s  (status {status})")


if __name__ == "__main__":
    main()
