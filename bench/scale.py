"""How query, near-duplicate and write costs grow with the number of articles (docs/scale.md).

    python bench/scale.py --template STORE --sizes 1000 10000 100000 --json scale.json

Extracting 100k articles takes hours on 2 cores, so the big stores are *grown by replication*:
`--template` is a store written by a real `tkg ingest` (e.g. of bench/ingest.py's synthetic
corpus); each of its article graphs is copied under new article keys (new article, sentence and
event IRIs; actor and place IRIs stay shared, as across real articles) with every date shifted so
that copy i appears on day (i x 1009) mod 2922 of 2004-2011: about one article a day per 3,000 in
the store, as a feed spread over eight years would give (the events keep their distance to the
publication day). Copies are written by `Store.put_articles` in batches of 500 (the bulk loader
and the time index's counts, as ingest writes), then the store is compacted (`optimize`). At each
size the script measures:

- the writer: CPU (this process: RocksDB's and the bulk loader's threads included) and wall time
  per article of 1,024 more copies written 32 per call, as ingest writes a chunk (`--chunks`:
  other batch sizes too);
- queries (median of 3 of the wall time and, in `cpu_s`, of the CPU time this process and the
  oxigraph server spend: on a shared host the wall time counts the waits for a core; the time
  index's kept state re-read each time, no response cache), on
  the embedded store and then through `oxigraph serve --union-default-graph` on the same
  directory: kept event count, SPARQL COUNT, first timeline page, a one-month window (page 1 and
  page 21), the same window by the old query (a FILTER over every event's date), an actor's
  window and whole timeline, the view of the month;
- near-duplicates: the band-key lookups a 32-article ingest makes (graph/ingest/dedupe_store.py)
  and the whole store's signatures (the load every run paid before);
- a real `tkg ingest` of `--probe` fresh synthetic articles into the grown store.

`--resume N --data DIR` measures a store an earlier run grew to N articles (sizes up to N are not
loaded again; the writer's copies go after them).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pyoxigraph as ox

from graph.ids import ENTITIES_GRAPH, is_article_graph
from graph.store.index_writes import slot_links

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from ingest import become_subreaper, make_corpus, measure  # noqa: E402
from store_servers import free_port, oxigraph_command  # noqa: E402

KEY = re.compile(r"(/id/(?:article|sentence|event|fact)/)[0-9a-f]{64}")
DATE = re.compile(r"(?<![\d-])(\d{4}-\d\d-\d\d)(?=[T>\"])")  # in dateTime and date literals, day IRIs
ISSUED = re.compile(r'<http://purl.org/dc/terms/issued> "(\d{4}-\d\d-\d\d)')
FIRST_DAY, SPAN_DAYS, STEP = date(2004, 1, 1), 2922, 1009
MONTH = (date(2008, 3, 1), date(2008, 3, 31))
BOEING = "https://w3id.org/timeline-kg/id/actor/boeing"
PROBE_SIGNATURES: list[str] = []  # of 32 fresh synthetic articles (main() fills it)

QUERIES = {
    "count events (SPARQL COUNT)": "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> "
                                   "SELECT (COUNT(?e) AS ?n) WHERE { ?e a sem:Event }",
    "events of one actor by IRI (first 50)": "PREFIX tkg: <https://w3id.org/timeline-kg/ontology#> "
                                             f"SELECT ?e WHERE {{ ?e tkg:agent <{BOEING}> }} LIMIT 50",
}


SLOT = re.compile(KEY.pattern + "|" + DATE.pattern)


class Template:
    """An article graph cut at its article keys and dates, so a copy is one join (10 -> ~1 ms an article)."""

    def __init__(self, nt: str) -> None:
        # day slots follow the event IRIs (MD5), which every copy renames: recomputed per copy (`copy`); page rows
        # (graph/store/page_rows.py) by put_articles
        nt = "".join(ln for ln in nt.splitlines(keepends=True)
                     if " <https://w3id.org/timeline-kg/ontology#beginSlot> " not in ln
                     and " <https://w3id.org/timeline-kg/ontology#shownSlot> " not in ln
                     and " <https://w3id.org/timeline-kg/ontology#row> " not in ln)  # names its copy's article: redone
        self.issued = date.fromisoformat(ISSUED.search(nt).group(1))
        self.pieces, self.slots, pos = [], [], 0
        for m in SLOT.finditer(nt):
            self.pieces.append(nt[pos:m.start()] + (m.group(1) or ""))
            self.slots.append(m.group(2))  # None: the article key; else a date
            pos = m.end()
        self.pieces.append(nt[pos:])
        self.dates = sorted({d for d in self.slots if d})

    def copy(self, key: str, shift: timedelta) -> str:
        new = {d: (date.fromisoformat(d) + shift).isoformat() for d in self.dates}
        out = [self.pieces[0]]
        for slot, piece in zip(self.slots, self.pieces[1:]):
            out.append(new[slot] if slot else key)
            out.append(piece)
        text = "".join(out)
        return text + slot_links(text)


def templates(path: Path) -> tuple[list[Template], str]:
    """(each article graph of the template store, the shared entities graph as N-Triples)."""
    store = ox.Store.read_only(str(path))
    out, entities = [], ""
    for g in store.named_graphs():
        nt = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g).decode()
        if g.value == ENTITIES_GRAPH:
            entities = nt  # actors and places are shared by all articles: written once
        elif is_article_graph(g.value):
            out.append(Template(nt))
    return out, entities


def day_of(i: int) -> date:
    return FIRST_DAY + timedelta(days=(i * STEP) % SPAN_DAYS)


def replicate(tpls: list[Template], start: int, n: int) -> list[tuple[str, str, str]]:
    """Articles start..start+n-1 as put_articles takes them: template i % len(tpls) under a new key,
    its dates shifted so that it appears on day_of(i)."""
    out = []
    for i in range(start, start + n):
        t = tpls[i % len(tpls)]
        key = hashlib.sha256(f"bench-replica-{i}".encode()).hexdigest()
        out.append((f"https://w3id.org/timeline-kg/id/article/{key}", t.copy(key, day_of(i) - t.issued), ""))
    return out


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def write(store, tpls, start: int, n: int, chunk: int) -> dict:
    """Copies start..start+n-1 written `chunk` per put_articles call: CPU and wall ms per article (writes only)."""
    c = w = 0.0
    for s in range(start, start + n, chunk):
        batch = replicate(tpls, s, min(chunk, start + n - s))
        c0, w0 = cpu(), time.perf_counter()
        store.put_articles(batch)
        c, w = c + cpu() - c0, w + time.perf_counter() - w0
    return {"chunk": chunk, "articles": n, "cpu_ms": 1000 * c / n, "wall_ms": 1000 * w / n}


SERVER_PID: list[int] = []  # the oxigraph serve process whose CPU a query costs (served())


def server_cpu() -> float:
    """CPU seconds of the served store's process so far (0 without one)."""
    if not SERVER_PID:
        return 0.0
    fields = Path(f"/proc/{SERVER_PID[0]}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


SKIP: list[str] = []  # queries not timed (--skip: the scans that cost minutes of CPU at 100k on a busy host)
CPU_S: dict = {}  # name -> median CPU seconds (this process + the server): what a query costs on a busy host


def timed(fn, runs: int = 3, name: str = "") -> float:
    """Median wall seconds of `fn`; its median CPU seconds go to CPU_S[name] (the wall time on a shared,
    oversubscribed host counts the waits for a core: the CPU time does not)."""
    out, used = [], []
    for _ in range(runs):
        c, t = cpu() + server_cpu(), time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
        used.append(cpu() + server_cpu() - c)
    if name:
        CPU_S[name] = statistics.median(used)
    return statistics.median(out)


def query_costs(store, whole_dedupe: bool = True) -> dict:
    from graph.ingest.dedupe import StoryIndex
    from graph.store import time_index
    from graph.store.queries import timeline
    from graph.view.view import build

    def fresh(fn):  # the kept state re-read: what the first request after a write pays
        def run():
            store._time_index_state = None
            return fn()
        return run

    def scan(fn):  # the old query: a FILTER over every event's date (the fallback of an unmigrated store)
        def run():
            store._time_index_state = (store.revision, time_index.IndexState(indexed=False))
            return fn()
        return run

    s, e = MONTH
    CPU_S.clear()
    res = {name: timed(lambda q=q: list(store.ox_query(q)), name=name) for name, q in QUERIES.items()}

    def put(name: str, fn, runs: int = 3) -> None:
        if not any(k in name for k in SKIP):
            res[name] = timed(fn, runs, name)

    put("count events (kept)", fresh(lambda: time_index.count(store)))
    put("timeline page 1 (50 events)", fresh(lambda: timeline(store, limit=50)))
    put("one month, page 1", fresh(lambda: timeline(store, s, e, limit=50)))
    put("one month, page 21", fresh(lambda: timeline(store, s, e, limit=50, offset=1000)))
    put("one month, old query (scan)", scan(lambda: timeline(store, s, e, limit=50)))
    put("one month, actor 'Boeing'", fresh(lambda: timeline(store, s, e, actor="Boeing", limit=50)))
    put("actor 'Boeing', no window", fresh(lambda: timeline(store, actor="Boeing", limit=50)), runs=1)
    put("view of the month", fresh(lambda: build(store, s, e)), runs=1)
    lookup = [None]

    def candidates():  # what a 32-article ingest asks the store for (one lookup per article)
        from graph.ingest.dedupe_store import StoreLookup
        lookup[0] = StoreLookup(store, StoryIndex())
        for sig in PROBE_SIGNATURES:
            lookup[0].candidates(sig)
    put("near-dup: lookups for 32 articles", candidates)
    res["near-dup: candidates read"] = lookup[0].read if lookup[0] else None
    if whole_dedupe:
        put("near-dup: whole store (the old load)", lambda: StoryIndex().load_store(store), runs=1)
    res["events in the month"] = time_index.count(store, s, e)
    res["cpu_s"] = dict(CPU_S)
    return res


def served(data: Path) -> tuple[subprocess.Popen, str]:
    """`oxigraph serve` on the store directory; (process, store URL)."""
    import httpx

    port = free_port()
    proc = subprocess.Popen([oxigraph_command(), "serve", "--location", str(data), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    SERVER_PID[:] = [proc.pid]
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2).status_code == 200:
                return proc, f"sparql+http://127.0.0.1:{port}/query?timeout=600"
        except httpx.HTTPError:
            time.sleep(0.5)
    proc.terminate()
    raise RuntimeError("oxigraph serve did not start")


def grow(store, tpls, entities: str, done: int, size: int, chunks: list[int], row: dict,
         optimize: bool = True) -> int:
    """Load copies up to `size` (the bulk loader, 500 a call, as a first ingest writes), then time the
    writer on 1,024 more per chunk size; compact. Returns how many copies the store holds."""
    if done == 0:
        store.put_articles([(ENTITIES_GRAPH, entities, "")])
    writes = 1024 * len(chunks)
    t = time.perf_counter()
    for s in range(done, size - writes, 500):
        store.put_articles(replicate(tpls, s, min(500, size - writes - s)))
    row["replicated_load_s"] = time.perf_counter() - t
    done = max(done, size - writes)
    row["writer"] = []
    for chunk in chunks:
        row["writer"].append(write(store, tpls, done, 1024, chunk))
        done += 1024
    store.flush()
    if optimize:
        t = time.perf_counter()
        store.ox.optimize()
        row["optimize_s"] = time.perf_counter() - t
    return done


def probe(work: Path, data: Path, size: int, n: int, jobs: int) -> dict:
    """A real `tkg ingest` of n fresh synthetic articles into the store."""
    corpus = work / "probe.jsonl"
    words = make_corpus(n, corpus, seed=size, start=10_000_000 + size)
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    r = measure([sys.executable, "-m", "graph", "ingest", str(corpus), "--data", str(data), "--jobs", str(jobs)], env=env)
    return {"articles": n, "words": words, "wall_s": r["wall_s"], "cpu_s": r["cpu_s"], "articles_s": n / r["wall_s"],
            "peak_rss_mb": r["peak_rss_mb"], "load_before": r["load_before"],
            "summary": r["stdout"].splitlines()[-1] if r["stdout"] else r["stderr_tail"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--template", type=Path, required=True, help="a store written by tkg ingest")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--probe", type=int, default=32, help="fresh articles ingested at each size")
    ap.add_argument("--chunks", type=int, nargs="+", default=[32], help="write batch sizes timed at each size")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--resume", type=int, default=0, help="the store at --data already holds this many replicated "
                                                          "articles (an earlier run's): sizes up to it are not loaded")
    ap.add_argument("--queries-only", action="store_true", help="time the queries of the store at --data as it is: "
                                                                "no writes, no probe ingest")
    ap.add_argument("--no-optimize", action="store_true", help="do not compact after the writes (a store an earlier "
                                                               "run compacted, on a host too busy to do it again)")
    ap.add_argument("--no-server", action="store_true", help="skip the queries through oxigraph serve")
    ap.add_argument("--skip", nargs="*", default=[], help="queries not timed (a part of their name: 'scan')")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--keep", type=Path, help="copy the store grown to each size (before the probe ingest) to "
                                              "KEEP/store-SIZE, for others to measure (read-only: copy it again)")
    args = ap.parse_args()
    SKIP.extend(args.skip)
    from graph.store.embedded import Store
    from graph.store.remote import RemoteStore

    tpls, entities = templates(args.template)
    from graph.ingest.dedupe import encode, signature
    work0 = Path(tempfile.mkdtemp(prefix="tkg-scale-sigs-")) / "sigs.jsonl"
    make_corpus(32, work0, seed=7, start=20_000_000)
    PROBE_SIGNATURES.extend(encode(signature(json.loads(line)["text"])) for line in work0.read_text().splitlines())
    become_subreaper()  # measure() counts the CPU of the probe ingest's fork server
    data = args.data or Path(tempfile.mkdtemp(prefix="tkg-scale-")) / "store"
    work = Path(tempfile.mkdtemp(prefix="tkg-scale-probe-"))
    done, report = args.resume, []
    for size in args.sizes:
        row: dict = {"size": size, "load_before": os.getloadavg()[0]}
        store = Store(data)
        if not args.queries_only:
            done = grow(store, tpls, entities, done, size, args.chunks, row, not args.no_optimize)
        row["store_mb"] = sum(f.stat().st_size for f in data.rglob("*") if f.is_file()) / 2**20
        row["quads"] = len(store.ox)
        row["articles"] = store.graph_count()
        row["queries_s"] = query_costs(store)
        store.close()
        if not args.no_server:
            proc, url = served(data)
            try:
                remote = RemoteStore(url)
                row["server_queries_s"] = query_costs(remote, whole_dedupe=False)
                remote.close()
            finally:
                proc.terminate()
                proc.wait()
                SERVER_PID.clear()
        if args.keep and not args.queries_only:
            import shutil
            t = time.perf_counter()
            shutil.copytree(data, args.keep / f"store-{size}")
            row["kept"] = {"path": str(args.keep / f"store-{size}"), "copy_s": time.perf_counter() - t}
            print(f"kept {args.keep / f'store-{size}'}", flush=True)
        if not args.queries_only:
            row["probe"] = probe(work, data, size, args.probe, args.jobs)
        report.append(row)
        print(json.dumps(row, indent=1), flush=True)
        if args.json:
            args.json.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
