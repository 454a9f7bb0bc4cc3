"""How ingest and query cost grow with the number of articles (figures for docs/scale.md).

    python bench/scale.py --template STORE --sizes 1000 10000 100000 --json scale.json

Extracting 100k articles takes hours on 2 cores, so the big stores are *grown by replication*:
`--template` is a store written by a real `tkg ingest` (e.g. of bench/ingest.py's synthetic
corpus); each of its article graphs is copied under new article keys (so new article, sentence
and event IRIs; the actor and place IRIs stay shared, as across real articles; dates are
spread over 2004-2011) and bulk-loaded. At each size the script measures, on the grown store:

- typical queries (median of 3, store opened afresh): event count, first timeline page (the
  API's query), a one-month window, an actor-filtered timeline, an actor's events by IRI;
- the near-duplicate index load that each `tkg ingest` run starts with;
- `tkg ingest` of `--probe` fresh synthetic articles (real extraction) into the grown store:
  its articles/s shows whether writes slow down as the store grows.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from graph.ids import ENTITIES_GRAPH

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import become_subreaper, make_corpus, measure  # noqa: E402

ART = "https://w3id.org/timeline-kg/id/article/"
KEY = re.compile(r"(/id/(?:article|sentence|event)/)[0-9a-f]{64}")
ISSUED = re.compile(r'"(\d{4})(-\d\d-\d\dT[^"]*)"\^\^<http://www.w3.org/2001/XMLSchema#dateTime>')

QUERIES = {
    "count events": "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> "
                    "SELECT (COUNT(?e) AS ?n) WHERE { ?e a sem:Event }",
    "events of one actor by IRI (first 50)": "PREFIX tkg: <https://w3id.org/timeline-kg/ontology#> "
                    "SELECT ?e WHERE { ?e tkg:agent ?a . FILTER(?a = <https://w3id.org/timeline-kg/id/actor/boeing>) } LIMIT 50",
}


def templates(path: Path) -> tuple[list[str], str]:
    """(each article graph of the template store as N-Quads, the shared entities graph as N-Quads)."""
    store = ox.Store.read_only(str(path))
    out, entities = [], ""
    for g in store.named_graphs():
        nq = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g).decode().replace(
            " .\n", f" <{g.value}> .\n")  # N-Triples of the graph -> N-Quads in it
        if g.value == ENTITIES_GRAPH:
            entities = nq  # actors and places are shared by all articles: written once
        else:
            out.append(nq)
    return out, entities


def replicate(tpls: list[str], start: int, n: int) -> bytes:
    """N-Quads of articles start..start+n-1: template i % len(tpls) under a new key, year shifted."""
    parts = []
    for i in range(start, start + n):
        t = tpls[i % len(tpls)]
        key = hashlib.sha256(f"bench-replica-{i}".encode()).hexdigest()
        year = 2004 + i % 8
        t = KEY.sub(lambda m: m.group(1) + key, t)
        t = ISSUED.sub(lambda m: f'"{year}{m.group(2)}"^^<http://www.w3.org/2001/XMLSchema#dateTime>', t)
        parts.append(t)
    return "".join(parts).encode()


def timed(fn, runs: int = 3) -> float:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return statistics.median(out)


def query_costs(data: Path, full_timeline: bool = True) -> dict:
    from graph.ingest.dedupe import StoryIndex
    from graph.store.embedded import Store
    from graph.store.queries import timeline

    store = Store(data)
    try:
        res = {name: timed(lambda q=q: list(store.ox_query(q))) for name, q in QUERIES.items()}
        if full_timeline:  # ORDER BY over every event: minutes beyond ~1k articles (see docs/scale.md)
            res["timeline page 1 (API query, 50 events)"] = timed(lambda: timeline(store, limit=50), runs=1)
        res["timeline, one month (2008-03)"] = timed(lambda: timeline(store, start=date(2008, 3, 1),
                                                                    end=date(2008, 3, 31), limit=50))
        res["timeline, actor label 'Boeing'"] = timed(lambda: timeline(store, actor="Boeing", limit=50), runs=1)
        res["near-duplicate index load"] = timed(lambda: StoryIndex().load_store(store), runs=1)
        res["quads"] = len(store.ox)
    finally:
        store.close()
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--template", type=Path, required=True, help="a store written by tkg ingest")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--probe", type=int, default=32, help="fresh articles ingested at each size")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--full-timeline-max", type=int, default=1000,
                    help="time the unfiltered timeline page only up to this many articles")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    tpls, entities = templates(args.template)
    become_subreaper()  # measure() counts the CPU of the probe ingest's fork server
    data = args.data or Path(tempfile.mkdtemp(prefix="tkg-scale-")) / "store"
    work = Path(tempfile.mkdtemp(prefix="tkg-scale-probe-"))
    done, probes, report = 0, 0, []
    for size in args.sizes:
        t = time.perf_counter()
        store = ox.Store(str(data))
        if done == 0:
            store.bulk_load(entities.encode(), format=ox.RdfFormat.N_QUADS)
        step = 2000
        for s in range(done, size - probes, step):  # the bulk loader, as a first ingest writes
            store.bulk_load(replicate(tpls, s, min(step, size - probes - s)), format=ox.RdfFormat.N_QUADS)
        store.flush()
        store.optimize()
        del store
        load_s = time.perf_counter() - t
        done = size - probes
        row: dict = {"size": size, "replicated_load_s": load_s}
        row["store_mb"] = sum(f.stat().st_size for f in data.rglob("*") if f.is_file()) / 2**20
        row["queries_s"] = query_costs(data, full_timeline=size <= args.full_timeline_max)
        corpus = work / "probe.jsonl"
        words = make_corpus(args.probe, corpus, seed=size, start=10_000_000 + size)
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
        r = measure([sys.executable, "-m", "graph", "ingest", str(corpus), "--data", str(data),
                     "--jobs", str(args.jobs)], env=env)
        probes += args.probe
        row["probe"] = {"articles": args.probe, "words": words, "wall_s": r["wall_s"],
                        "articles_s": args.probe / r["wall_s"], "peak_rss_mb": r["peak_rss_mb"],
                        "load_before": r["load_before"],
                        "summary": r["stdout"].splitlines()[-1] if r["stdout"] else r["stderr_tail"]}
        report.append(row)
        print(json.dumps(row, indent=1), flush=True)
        if args.json:
            args.json.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
