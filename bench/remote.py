"""The store backends side by side: embedded Oxigraph, Oxigraph's server, Virtuoso (docs/scale.md).

    python bench/remote.py                 # seeds + 200 synthetic articles (bench/ingest.py's corpus)
    python bench/remote.py -n 500 --rounds 3

Each server is started fresh on 127.0.0.1 (tests/store_servers.py). Per backend:

* `tkg ingest` end to end (a subprocess: model load, extraction, SHACL, store writes) of the seeds,
  then of the synthetic corpus: articles/s;
* the store writes alone: the exact `put_articles` batches of that ingest (recorded once from an
  in-process ingest), replayed into an empty store: articles/s;
* a timeline page (graph.store.queries.timeline, 50 events, no filter and a one-month window) and the
  whole-graph view query (graph.view.view.build), median of `--rounds` runs after one warm-up.

The load average (1 min) before each measurement is printed: other work on the machine skews all.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from ingest import make_corpus  # noqa: E402  (bench/ingest.py)
from store_servers import OxigraphServer, VirtuosoServer  # noqa: E402

from graph.store import queries  # noqa: E402
from graph.store.backend import open_store
from graph.store.embedded import Store  # noqa: E402
from graph.view import view


def load() -> float:
    return round(os.getloadavg()[0], 2)


def tkg_ingest(path: Path, where: list[str]) -> dict:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    la = load()
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "graph", "ingest", str(path), *where], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t0
    if p.returncode not in (0, 2):
        raise RuntimeError(p.stderr[-2000:])
    n = int(p.stdout.split()[0]) if p.stdout.strip() else 0
    return {"articles": n, "wall_s": round(wall, 2), "art_per_s": round(n / wall, 2), "load": la}


def record_batches(corpus: Path, tmp: Path) -> list[list[tuple[str, str, str]]]:
    """The put_articles batches an ingest of `corpus` writes (in-process, into a scratch store)."""
    from graph.ingest.run import ingest
    from graph.sources import iter_files

    store = Store(tmp / "record")
    batches: list = []
    real = store.put_articles

    def spy(articles):
        batches.append(list(articles))
        real(articles)

    store.put_articles = spy  # type: ignore[method-assign]
    ingest(store, list(iter_files([corpus])))
    store.close()
    return batches


def replay(store, batches) -> dict:
    la = load()
    n = sum(len(b) for b in batches)
    t0 = time.perf_counter()
    for b in batches:
        store.put_articles(b)
    wall = time.perf_counter() - t0
    return {"articles": n, "wall_s": round(wall, 3), "art_per_s": round(n / wall, 1), "load": la}


def timed(fn, rounds: int) -> float:
    fn()
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return round(statistics.median(times) * 1000, 1)


def queries_on(store, rounds: int) -> dict:
    months = sorted({r["b"].value[:7] for r in store.ox_query(
        "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> SELECT DISTINCT ?b WHERE "
        "{ ?e sem:hasEarliestBeginTimeStamp ?b } LIMIT 2000")})
    busiest = max(months, key=lambda m: sum(1 for _ in store.ox_query(
        "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> SELECT ?e WHERE { ?e sem:hasEarliestBeginTimeStamp ?b "
        f'FILTER (STRSTARTS(STR(?b), "{m}")) }}'))) if months else "2023-11"
    y, m = map(int, busiest.split("-"))
    start, end = date(y, m, 1), date(y + (m == 12), m % 12 + 1, 1)
    la = load()
    return {"load": la,
            "timeline_ms": timed(lambda: queries.timeline(store, limit=50), rounds),
            "timeline_month_ms": timed(lambda: queries.timeline(store, start, end, limit=50), rounds),
            "view_ms": timed(lambda: view.build(store), rounds),
            "month": busiest, "events_in_page": len(queries.timeline(store, start, end, limit=50))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=200, help="synthetic articles")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="tkg-bench-remote-"))
    corpus = tmp / "corpus.jsonl"
    make_corpus(args.n, corpus)
    print(f"corpus: {args.n} synthetic articles; recording the store writes ...", flush=True)
    batches = record_batches(corpus, tmp)
    results = {}
    for name in ("embedded", "oxigraph", "virtuoso"):
        srv = None
        if name == "embedded":
            where, loc, loc2 = ["--data", str(tmp / "emb")], tmp / "emb", str(tmp / "emb-replay")
        else:
            srv = (OxigraphServer if name == "oxigraph" else VirtuosoServer)(tmp / name)
            srv2 = (OxigraphServer if name == "oxigraph" else VirtuosoServer)(tmp / f"{name}-replay")
            where, loc, loc2 = ["--store", srv.url], srv.url, srv2.url
        try:
            r = {"seeds": tkg_ingest(ROOT / "seeds", where), "corpus": tkg_ingest(corpus, where)}
            s = open_store(loc2)
            r["writes_only"] = replay(s, batches)
            s.close()
            s = open_store(str(loc))
            r["triples"] = s.triple_count()
            r["queries"] = queries_on(s, args.rounds)
            s.close()
        finally:
            if srv:
                srv.stop()
                srv2.stop()
        results[name] = r
        print(name, json.dumps(r), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    print(f"\n| backend | tkg ingest seeds (s) | tkg ingest {args.n} (art/s) | writes only (art/s) | "
          "timeline page (ms) | month page (ms) | view (ms) |")
    print("|---|---|---|---|---|---|---|")
    for name, r in results.items():
        q = r["queries"]
        print(f"| {name} | {r['seeds']['wall_s']} | {r['corpus']['art_per_s']} | {r['writes_only']['art_per_s']} | "
              f"{q['timeline_ms']} | {q['timeline_month_ms']} | {q['view_ms']} |")


if __name__ == "__main__":
    main()
