"""Load benchmark for the query service (prints figures; not a test).

    python bench/load.py [--triples 1000000] [--duration 60] [--clients 50] [--big 10000000]

1. Builds a store of ~N triples: ingests 1,000 synthetic articles with the real pipeline (the
   crash test's generator), then replicates those article graphs with fresh IRIs and dates shifted
   by whole years (so the shapes hold and months fill evenly) through `bulk_load`.
2. Times the SPARQL aggregate (events per type per month) in-process on pyoxigraph.
3. Starts `tkg serve` on it: startup time (to the first answered request) and RSS (server +
   query workers).
4. 50 concurrent clients for D seconds against `/api/v1/timeline` (a page of 50 events in a
   month window), then against the SPARQL aggregate over HTTP; then the timeline again while
   one long (>= D s) SPARQL query runs. Prints requests/s, p50, p99, errors.
5. With --big, builds a second store of that size and prints its startup time and RSS.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

AGGREGATE = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
SELECT ?type ?month (COUNT(?e) AS ?events) WHERE {
  ?e a sem:Event ; sem:eventType ?type ; sem:hasEarliestBeginTimeStamp ?b .
  BIND (SUBSTR(STR(?b), 1, 7) AS ?month)
} GROUP BY ?type ?month ORDER BY ?month ?type"""
LONG = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
KEY = re.compile(r"([0-9a-f]{64})")
YEAR = re.compile(r'"(20\d\d)-')


def template_nquads(work: Path) -> list[str]:
    from test_crash import write_batch

    batch = work / "batch.jsonl"
    write_batch(batch, 1000)
    data = work / "template"
    subprocess.run([sys.executable, "-m", "graph", "ingest", str(batch), "--data", str(data)], check=True,
                   capture_output=True)
    store = ox.Store.read_only(str(data))
    lines = [f"{q.subject} {q.predicate} {q.object} {q.graph_name} ." for q in store.quads_for_pattern(None, None, None)
             if not isinstance(q.graph_name, ox.DefaultGraph)]
    return lines


def build_store(path: Path, template: list[str], triples: int) -> int:
    copies = max(1, round(triples / len(template)))
    store = ox.Store(str(path))

    def gen():
        for k in range(copies):
            shift = k  # years back
            chunk = []
            for line in template:
                line = KEY.sub(lambda m: f"{m.group(1)[:56]}{k:08x}", line)
                line = YEAR.sub(lambda m: f'"{int(m.group(1)) - shift}-', line)
                chunk.append(line)
            yield ("\n".join(chunk) + "\n").encode()

    for blob in gen():
        store.bulk_load(blob, format=ox.RdfFormat.N_QUADS)
    store.flush()
    n = len(store)
    del store
    return n


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def rss_mb(pid: int) -> float:
    total = 0
    pids = [pid] + [int(x) for x in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()]
    for p in pids:
        try:
            for line in open(f"/proc/{p}/status"):
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def serve(data: Path, env_extra: dict) -> tuple[subprocess.Popen, str, float]:
    from conftest import free_port

    port = free_port()
    env = {**os.environ, "NO_COLOR": "1", **env_extra}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--data", str(data), "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    while True:
        try:
            if httpx.get(url + "/openapi.json", timeout=1).status_code == 200:
                return proc, url, time.perf_counter() - t0
        except httpx.HTTPError:
            time.sleep(0.02)
        if time.perf_counter() - t0 > 120:
            proc.kill()
            raise RuntimeError("server did not start")


async def hammer(url: str, make_request, clients: int, duration: float) -> dict:
    lat: list[float] = []
    errors = 0
    statuses: dict[int, int] = {}
    stop = time.perf_counter() + duration
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as c:
        async def one() -> None:
            nonlocal errors
            while time.perf_counter() < stop:
                t = time.perf_counter()
                try:
                    r = await make_request(c)
                    statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
                    if r.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                lat.append(time.perf_counter() - t)

        t0 = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(clients)))
        wall = time.perf_counter() - t0
    return {"n": len(lat), "rps": len(lat) / wall, "p50": pct(lat, 50) * 1000, "p99": pct(lat, 99) * 1000,
            "errors": errors, "statuses": statuses}


def show(name: str, r: dict) -> None:
    print(f"{name:46s} {r['rps']:8.1f} req/s  p50 {r['p50']:7.1f} ms  p99 {r['p99']:7.1f} ms  "
          f"errors {r['errors']} of {r['n']}  {r['statuses']}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--big", type=int, default=0, help="also measure startup/RSS on a store of this size")
    ap.add_argument("--duration", type=float, default=60)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep", help="work directory to keep (and reuse)")
    args = ap.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="tkg-load-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        t = time.perf_counter()
        template = template_nquads(work) if not (work / "store").exists() else []
        data = work / "store"
        if not data.exists():
            n = build_store(data, template, args.triples)
            print(f"store: {n:,} quads built in {time.perf_counter() - t:.0f} s", flush=True)
        # SPARQL in-process
        st = ox.Store.read_only(str(data))
        print(f"store: {len(st):,} quads", flush=True)
        times = []
        for _ in range(5):
            t = time.perf_counter()
            rows = list(st.query(AGGREGATE, use_default_graph_as_union=True))
            times.append(time.perf_counter() - t)
        del st
        inproc = statistics.median(times) * 1000
        print(f"SPARQL aggregate in-process (pyoxigraph): median {inproc:.1f} ms over 5 runs ({len(rows)} rows)", flush=True)

        proc, url, startup = serve(data, {"TKG_QUERY_TIMEOUT": str(args.duration * 2 + 30),
                                          "TKG_QUERY_WORKERS": str(args.workers), "TKG_MAX_QUERIES": "200"})
        try:
            print(f"tkg serve startup ({len(template) or '?'} template quads): {startup:.2f} s; "
                  f"RSS server + workers {rss_mb(proc.pid):.0f} MB", flush=True)
            # pick a month that has events
            months = httpx.get(url + "/sparql", params={"query": AGGREGATE}, timeout=120).json()["results"]["bindings"]
            month = max({b["month"]["value"] for b in months})
            y, m = map(int, month.split("-"))
            start, end = f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-28"
            page = httpx.get(url + "/api/v1/timeline", params={"from": start, "to": end, "limit": 50}, timeout=60).json()
            print(f"timeline window {start}..{end}: {len(page['events'])} events on the first page", flush=True)

            async def timeline(c):
                return await c.get("/api/v1/timeline", params={"from": start, "to": end, "limit": 50})

            async def sparql(c):
                return await c.get("/sparql", params={"query": AGGREGATE})

            # one sequential HTTP timing of the aggregate for the 1.5x comparison
            seq = []
            for _ in range(5):
                t = time.perf_counter()
                httpx.get(url + "/sparql", params={"query": AGGREGATE}, timeout=120)
                seq.append(time.perf_counter() - t)
            print(f"SPARQL aggregate over HTTP, one client: median {statistics.median(seq) * 1000:.1f} ms "
                  f"(in-process {inproc:.1f} ms; ratio {statistics.median(seq) * 1000 / inproc:.2f})", flush=True)
            r_tl = asyncio.run(hammer(url, timeline, args.clients, args.duration))
            show(f"timeline, {args.clients} clients, {args.duration:g} s", r_tl)
            r_sp = asyncio.run(hammer(url, sparql, args.clients, args.duration))
            show(f"SPARQL aggregate, {args.clients} clients, {args.duration:g} s", r_sp)

            async def with_long_query():
                async with httpx.AsyncClient(base_url=url, timeout=args.duration * 3 + 60) as c:
                    long_task = asyncio.create_task(c.get("/sparql", params={"query": LONG}))
                    await asyncio.sleep(0.5)
                    r = await hammer(url, timeline, args.clients, args.duration)
                    long_running = not long_task.done()
                    long_task.cancel()
                    return r, long_running

            r_busy, still = asyncio.run(with_long_query())
            show("timeline while a long SPARQL query runs", r_busy)
            print(f"  (the long query was still running at the end: {still}); p99 ratio vs unloaded "
                  f"{r_busy['p99'] / r_tl['p99']:.2f}", flush=True)
            print(f"RSS server + workers after load: {rss_mb(proc.pid):.0f} MB", flush=True)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        if args.big:
            big = work / "big"
            if not big.exists():
                t = time.perf_counter()
                tpl = template or template_nquads(work)
                n = build_store(big, tpl, args.big)
                print(f"big store: {n:,} quads built in {time.perf_counter() - t:.0f} s", flush=True)
            proc, url, startup = serve(big, {})
            try:
                httpx.get(url + "/api/v1/timeline", params={"limit": 50}, timeout=120)
                print(f"tkg serve startup on the big store: {startup:.2f} s; RSS server + workers "
                      f"{rss_mb(proc.pid):.0f} MB (after one timeline request)", flush=True)
            finally:
                proc.terminate()
                proc.wait(timeout=30)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
