"""Load benchmark for the query service (prints figures; not a test).

    python bench/load.py [--triples 1000000] [--duration 60] [--clients 50] [--big 10000000]

1. Builds a store of ~N triples: ingests 1,000 synthetic articles with the real pipeline (the
   crash test's generator), then replicates those article graphs with fresh IRIs and dates shifted
   by whole years (so the shapes hold and months fill evenly) through `bulk_load`.
2. Times the SPARQL aggregate (events per type per month) in-process on pyoxigraph.
3. Starts `tkg serve` on it: startup time (to the first answered request) and RSS (server +
   query workers).
4. The timeline's first (uncached) request for every month window with events, one client.
   Then 50 concurrent clients for D seconds against `/api/v1/timeline` (a page of 50 events in a
   month window picked at random among all of them: answers are cached per store revision, so
   this is mostly the warm path), then against the SPARQL aggregate over HTTP; then the timeline
   again while one long (>= D s) SPARQL query runs. Prints requests/s, p50, p99, errors.
5. With --big, builds a second store of that size and prints its startup time and RSS.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

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


def rss_parts(pid: int) -> tuple[float, float]:
    """Resident MB of the server process and of its children (the query workers)."""
    def one(p: int) -> float:
        try:
            for line in open(f"/proc/{p}/status"):
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0
    kids = [int(x) for x in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()]
    return one(pid), sum(one(k) for k in kids)


def rss_line(pid: int) -> str:
    server, workers = rss_parts(pid)
    return f"{server + workers:.0f} MB (server {server:.0f}, query workers {workers:.0f})"


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


WRK_SCRIPT = """
local paths = {%s}
math.randomseed(0)
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
"""
UNIT = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def wrk_run(url: str, paths: list[str], clients: int, duration: float) -> dict:
    """The same closed loop as `hammer`, driven by wrk (C, one thread): a Python client on this
    2-core machine takes a core from the server it measures."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(WRK_SCRIPT % ", ".join('"' + q + '"' for q in paths))
    try:
        out = subprocess.run(["wrk", "-t1", f"-c{clients}", f"-d{int(duration)}s", "--latency", "-s", f.name, url],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)

    def ms(label: str) -> float:
        m = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)
        return float(m.group(1)) * UNIT[m.group(2)] if m else float("nan")

    n = int(re.search(r"(\d+) requests in", out).group(1))
    bad = sum(int(x) for x in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    sock = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {"n": n, "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "p50": ms("50%"),
            "p99": ms("99%"), "errors": bad + sock, "statuses": {"non-2xx": bad, "socket errors": sock}}


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
            print(f"tkg serve startup: {startup:.2f} s; "
                  f"RSS {rss_line(proc.pid)}", flush=True)
            # the month windows that have events: clients ask for all of them (a cache of one page would flatter)
            months = httpx.get(url + "/sparql", params={"query": AGGREGATE}, timeout=120).json()["results"]["bindings"]
            windows = []
            for month in sorted({b["month"]["value"] for b in months}):
                y, m = map(int, month.split("-"))
                windows.append((f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-28"))
            # cold: each window's first request, one client, nothing cached yet
            cold = []
            for start, end in windows:
                t = time.perf_counter()
                page = httpx.get(url + "/api/v1/timeline", params={"from": start, "to": end, "limit": 50}, timeout=60)
                cold.append(time.perf_counter() - t)
                assert page.status_code == 200, page.text
            print(f"timeline, first (uncached) request of each of {len(windows)} month windows, one client: "
                  f"p50 {pct(cold, 50) * 1000:.1f} ms, p99 {pct(cold, 99) * 1000:.1f} ms, max {max(cold) * 1000:.1f} ms",
                  flush=True)
            rng = random.Random(0)

            async def timeline(c):
                start, end = rng.choice(windows)
                return await c.get("/api/v1/timeline", params={"from": start, "to": end, "limit": 50})

            # one sequential HTTP timing of the aggregate for the 1.5x comparison
            seq = []
            for _ in range(5):
                t = time.perf_counter()
                httpx.get(url + "/sparql", params={"query": AGGREGATE}, timeout=120)
                seq.append(time.perf_counter() - t)
            print(f"SPARQL aggregate over HTTP, one client: median {statistics.median(seq) * 1000:.1f} ms "
                  f"(in-process {inproc:.1f} ms; ratio {statistics.median(seq) * 1000 / inproc:.2f})", flush=True)
            async def sparql(c):
                return await c.get("/sparql", params={"query": AGGREGATE})

            paths = ["/api/v1/timeline?" + urlencode({"from": a, "to": b, "limit": 50}) for a, b in windows]
            client = "wrk" if shutil.which("wrk") else "httpx"
            print(f"load client: {client}" + ("" if client == "wrk" else " (apt-get install wrk: this one costs the server a core)"), flush=True)

            def timeline_load() -> dict:
                if client == "wrk":
                    return wrk_run(url, paths, args.clients, args.duration)
                return asyncio.run(hammer(url, timeline, args.clients, args.duration))

            r_tl = timeline_load()
            show(f"timeline, {args.clients} clients, {args.duration:g} s", r_tl)
            r_sp = asyncio.run(hammer(url, sparql, args.clients, args.duration))
            show(f"SPARQL aggregate, {args.clients} clients, {args.duration:g} s", r_sp)

            async def with_long_query():
                async with httpx.AsyncClient(base_url=url, timeout=args.duration * 3 + 60) as c:
                    long_task = asyncio.create_task(c.get("/sparql", params={"query": LONG}))
                    await asyncio.sleep(0.5)
                    r = await asyncio.to_thread(timeline_load) if client == "wrk" else \
                        await hammer(url, timeline, args.clients, args.duration)
                    long_running = not long_task.done()
                    long_task.cancel()
                    return r, long_running

            r_busy, still = asyncio.run(with_long_query())
            show("timeline while a long SPARQL query runs", r_busy)
            print(f"  (the long query was still running at the end: {still}); p99 ratio vs unloaded "
                  f"{r_busy['p99'] / r_tl['p99']:.2f}", flush=True)
            print(f"RSS after load: {rss_line(proc.pid)}", flush=True)
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
                at_start = rss_line(proc.pid)
                httpx.get(url + "/api/v1/timeline", params={"limit": 50}, timeout=120)
                print(f"tkg serve startup on the big store: {startup:.2f} s; RSS at start {at_start}, "
                      f"after one timeline request {rss_line(proc.pid)}", flush=True)
            finally:
                proc.terminate()
                proc.wait(timeout=30)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
