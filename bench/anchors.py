"""Our SPARQL service next to the two anchors of issue #4, on the same data, same requests.

    pip install oxigraph "rdflib-endpoint[cli]"      # the anchors (not dependencies of ours)
    python bench/anchors.py [--timeout 2] [--store /tmp/loadbench/store]

Servers, all on 127.0.0.1, all fed the seed article's graphs (ingested by `tkg ingest seeds/`):
  ours              `tkg serve`, TKG_QUERY_TIMEOUT=T, no token configured
  oxigraph          `oxigraph serve --union-default-graph --timeout-s T` (the Rust server)
  rdflib-endpoint   `rdflib-endpoint serve seed.trig` (FastAPI over an rdflib graph)
Each protocol check prints the status and content type each server answered. The timeout row
sends a query that runs for minutes and waits up to 3*T+10 s; it says whether the body was a
complete JSON document and whether the server answered a small query right after.

With --store (a big store, e.g. the one bench/load.py keeps with --keep), also times the
events-per-type-per-month aggregate, one client, median of 5, on ours and on Oxigraph's server
over the same store files (copied).
"""
from __future__ import annotations

import argparse
import json
import os
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
sys.path.insert(0, str(ROOT / "bench"))

SELECT = "SELECT ?s WHERE { ?s a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> } LIMIT 3"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
SERVICE = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
UPDATE = "INSERT DATA { <http://example.org/anchor> <http://example.org/p> 1 }"


def tool(name: str) -> str:
    """A command from this venv (its bin/ need not be on PATH), else from PATH."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else (shutil.which(name) or name)


def wait_up(url: str, proc: subprocess.Popen, deadline: float = 60) -> None:
    t0 = time.time()
    while time.time() - t0 < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            httpx.get(url, params={"query": "ASK {}"}, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer in {deadline} s")


def start(name: str, work: Path, data: Path, timeout: float) -> tuple[subprocess.Popen, dict]:
    from conftest import free_port

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "NO_COLOR": "1", "TKG_QUERY_TIMEOUT": str(timeout)}
    env.pop("TKG_TOKEN", None)
    if name == "ours":
        cmd = [sys.executable, "-m", "graph", "serve", "--data", str(data), "--port", str(port)]
        urls = {"query": base + "/sparql", "update": base + "/update", "store": base + "/store"}
    elif name == "oxigraph":
        cmd = [tool("oxigraph"), "serve", "--location", str(data), "--bind",
               f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s", str(int(timeout))]
        urls = {"query": base + "/query", "update": base + "/update", "store": base + "/store"}
    else:
        cmd = [tool("rdflib-endpoint"), "serve", "--host", "127.0.0.1",
               "--port", str(port), str(data)]
        urls = {"query": base + "/", "update": base + "/", "store": base + "/store"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=work)
    wait_up(urls["query"], proc)
    return proc, urls


def cell(r: httpx.Response) -> str:
    ctype = r.headers.get("content-type", "").split(";")[0]
    return f"{r.status_code} {ctype}".strip()


def checks(urls: dict, timeout: float) -> dict[str, str]:
    q = urls["query"]
    out: dict[str, str] = {}
    with httpx.Client(timeout=30) as c:
        out["SELECT, Accept JSON"] = cell(c.get(q, params={"query": SELECT}, headers={"Accept": "application/sparql-results+json"}))
        out["SELECT, Accept TSV"] = cell(c.get(q, params={"query": SELECT}, headers={"Accept": "text/tab-separated-values"}))
        out["SELECT, Accept unknown type"] = cell(c.get(q, params={"query": SELECT}, headers={"Accept": "application/x-nope"}))
        out["malformed query"] = cell(c.get(q, params={"query": "SELEKT * WHERE {"}))
        out["SERVICE to 127.0.0.1:9"] = cell(c.get(q, params={"query": SERVICE}))
        out["update, no credentials"] = cell(c.post(urls["update"], data={"update": UPDATE}))
        after = c.get(q, params={"query": "ASK { <http://example.org/anchor> ?p ?o }"},
                      headers={"Accept": "application/sparql-results+json"})
        try:
            changed = after.json().get("boolean")
        except ValueError:
            changed = "?"
        out["  ...data changed by it"] = str(changed)
        out["Graph Store GET ?default"] = cell(c.get(urls["store"] + "?default", headers={"Accept": "application/n-triples"}))
    wait = 3 * timeout + 10
    t0 = time.perf_counter()
    try:
        r = httpx.get(q, params={"query": SLOW}, headers={"Accept": "application/sparql-results+json"}, timeout=wait)
        took = time.perf_counter() - t0
        try:
            json.loads(r.content)
            body = "complete JSON"
        except ValueError:
            body = f"not valid JSON ({len(r.content)} bytes)"
        out[f"query running for minutes (timeout {timeout:g} s)"] = f"{cell(r)} after {took:.1f} s, {body}"
    except httpx.HTTPError as e:
        out[f"query running for minutes (timeout {timeout:g} s)"] = f"no answer in {wait:g} s ({type(e).__name__})"
    t0 = time.perf_counter()
    try:
        r = httpx.get(q, params={"query": SELECT}, timeout=10)
        out["  ...small query right after"] = f"{r.status_code} in {time.perf_counter() - t0:.2f} s"
    except httpx.HTTPError as e:
        out["  ...small query right after"] = f"no answer in 10 s ({type(e).__name__})"
    return out


def seed_data(work: Path) -> tuple[Path, Path]:
    """The seed ingested by our CLI; also dumped as TriG for the other servers."""
    store = work / "seed-store"
    subprocess.run([sys.executable, "-m", "graph", "ingest", str(ROOT / "seeds"), "--data", str(store)],
                   check=True, capture_output=True)
    st = ox.Store.read_only(str(store))
    trig = work / "seed.trig"
    st.dump(str(trig), format=ox.RdfFormat.TRIG)
    del st
    return store, trig


def aggregate_side_by_side(big: Path, work: Path) -> None:
    from load import AGGREGATE

    for name in ("ours", "oxigraph"):
        copy = work / f"big-{name}"
        shutil.copytree(big, copy, ignore=shutil.ignore_patterns("*.checkpoints"))
        proc, urls = start(name, work, copy, 120)
        try:
            times = []
            for _ in range(6):
                t0 = time.perf_counter()
                r = httpx.get(urls["query"], params={"query": AGGREGATE},
                              headers={"Accept": "application/sparql-results+json"}, timeout=300)
                times.append(time.perf_counter() - t0)
                assert r.status_code == 200, r.text[:200]
            rows = len(r.json()["results"]["bindings"])
            print(f"aggregate over HTTP on {big.name} ({name}): median {statistics.median(times[1:]) * 1000:.0f} ms "
                  f"of 5 after one warm-up, {rows} rows", flush=True)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
            shutil.rmtree(copy, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeout", type=float, default=2.0)
    ap.add_argument("--store", type=Path, help="a big store for the side-by-side aggregate timing")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tkg-anchors-"))
    try:
        store, trig = seed_data(work)
        table: dict[str, dict[str, str]] = {}
        for name in ("ours", "oxigraph", "rdflib-endpoint"):
            if name == "ours":
                data = work / "ours"
                shutil.copytree(store, data)
            elif name == "oxigraph":
                data = work / "ox"
                subprocess.run([tool("oxigraph"), "load", "--location", str(data),
                                "--file", str(trig)], check=True, capture_output=True)
            else:
                data = trig
            proc, urls = start(name, work, data, args.timeout)
            try:
                table[name] = checks(urls, args.timeout)
            finally:
                proc.kill()
                proc.wait(timeout=30)
        names = list(table)
        rows = list(table[names[0]])
        width = max(len(r) for r in rows) + 2
        cols = {n: max(len(n), *(len(table[n][r]) for r in rows)) + 2 for n in names}
        print("check".ljust(width) + "".join(n.ljust(cols[n]) for n in names))
        for r in rows:
            print(r.ljust(width) + "".join(table[n][r].ljust(cols[n]) for n in names))
        if args.store:
            aggregate_side_by_side(args.store, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
