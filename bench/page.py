"""The analysts' page on a 1M-quad store, in a real browser (prints figures; not a test).

    python bench/page.py [--articles 1700] [--runs 5] [--work DIR]

1. Grows a store the way bench/scale.py does: a real `tkg ingest --jobs 2` of 200 synthetic
   articles (bench/ingest.py's corpus) is the template; its article graphs are replicated under
   new keys, dates spread over 2004-2011, and written by `Store.put_articles` with the time index
   (~690 quads an article: 1,700 articles are ~1.2M quads). `--work DIR` keeps the template and
   the store for the next run (`--grow-only`: grow them and stop).
2. Starts `tkg serve` on it and opens `/` in Debian's chromium (Playwright, as tests/page_browser.py).
3. Measures, per run (a fresh server each run, so its response cache holds only what it computes
   at start-up, api/landing.py: "cold"; the same steps again on that server in a new browser
   context: "warm"):
   - navigation -> the first timeline content in the DOM and visible: an event item
     (`[data-event-id]`) or, zoomed out, a bar of the kept counts (`[data-period]`),
     and -> every view drawn (`<main data-drawn>`, which the page sets when no view is fetching or
     drawing: web/src/drawn.js);
   - each filter change, made on the page's own form (date range = one month, one day, actor,
     place, CAMEO type, free text), -> every view drawn again. Each run picks other values (another month, actor, place,
     type), so a cold run's requests are not answered from an earlier run's cache.
   Each change starts from a page at rest (the network's layout animation has ended) and is
   followed by Clear. Times are taken in the page (performance.now() in a MutationObserver), not
   by polling. Beside each: the page's main-thread task time (Chrome's TaskDuration) and the CPU
   time of the server's and of chromium's processes, which the machine's load inflates less.
4. Lists every request the page made with its answer's size: it must never ask for everything.
Prints a table (medians over the runs, min-max beside) and the 1-minute load average.
Figures and what they say: docs/page.md.
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
from urllib.parse import parse_qsl, urlsplit

import httpx
import psutil
import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
from ingest import make_corpus  # noqa: E402
from load import serve  # noqa: E402
from scale import replicate, templates  # noqa: E402

ITEM = "[data-testid=timeline] [data-event-id]"
BAR = "[data-testid=timeline] [data-period]"  # zoomed out: a bar of the kept counts per month or day
FILTERS = ("date range", "one day", "actor", "place", "CAMEO type", "free text")


def template_store(work: Path, n: int) -> Path:
    """A store written by a real `tkg ingest` of `n` synthetic articles (kept in `work`)."""
    data = work / "template"
    if not data.exists():
        corpus = work / "corpus.jsonl"
        make_corpus(n, corpus, seed=14)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "graph", "ingest", str(corpus), "--data", str(data), "--jobs", "2"],
                       check=True, capture_output=True, env={**os.environ, "NO_COLOR": "1"})
        print(f"template: tkg ingest of {n} articles in {time.perf_counter() - t:.0f} s", flush=True)
    return data


def grow(work: Path, articles: int, template_articles: int) -> Path:
    """The template's article graphs replicated to `articles` copies, written as ingest writes them
    (`Store.put_articles`: the bulk loader, the time index's day links and month counts), then compacted."""
    from graph.ids import ENTITIES_GRAPH
    from graph.store.embedded import Store

    data = work / f"store-{articles}"
    if data.exists():
        return data
    tpls, entities = templates(template_store(work, template_articles))
    t = time.perf_counter()
    store = Store(data)
    try:
        store.put_articles([(ENTITIES_GRAPH, entities, "")])
        for s in range(0, articles, 500):
            store.put_articles(replicate(tpls, s, min(500, articles - s)))
        store.flush()
        store.ox.optimize()
    finally:
        store.close()
    print(f"store: {articles} articles written and compacted in {time.perf_counter() - t:.0f} s", flush=True)
    return data


# Installed before the page's own script: when the first timeline item is in the DOM and laid out,
# and when each round of drawing ends (web/src/drawn.js), in ms since navigation started.
INIT = """
window.__bench = { first: null, drawn: {} };
new MutationObserver(() => {
  const b = window.__bench;
  if (b.first === null) {
    const el = document.querySelector('%s, %s');
    if (el && el.checkVisibility()) b.first = performance.now();
  }
  const main = document.querySelector('main');
  if (main && main.dataset.drawn && !(main.dataset.drawn in b.drawn)) b.drawn[main.dataset.drawn] = performance.now();
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-drawn'] });
""" % (ITEM, BAR)

# One filter change made on the page's form, timed in the page to the end of the next drawing round.
CHANGE = """async ([kind, value]) => {
  const main = document.querySelector('main');
  const f = document.getElementById('filters').elements;
  const fire = (el, type) => el.dispatchEvent(new Event(type, { bubbles: true }));
  const before = main.dataset.drawn;
  const t0 = performance.now();
  if (kind === 'date range' || kind === 'one day') { f.from.value = value[0]; f.to.value = value[1]; fire(f.to, 'change'); }
  else if (kind === 'CAMEO type') { f.type.value = value; fire(f.type, 'change'); }
  else if (kind === 'free text') { f.text.value = value; fire(f.text, 'input'); }
  else if (kind === 'clear') { document.querySelector('#filters [type=reset]').click(); }
  else { const input = f[kind]; input.value = value; fire(input, 'input'); } // a choice from the datalist
  // free text is asked for once typing pauses (web/src/filters.js): the wait counts, as a reader's would
  for (let i = 0; kind === 'free text' && i < 100 && !main.dataset.drawing; i += 1) await new Promise((r) => setTimeout(r, 10));
  if (!main.dataset.drawing) return null; // nothing to redraw: the value was not taken
  await new Promise((done) => {
    const ok = () => main.dataset.drawn !== before && !main.dataset.drawing;
    new MutationObserver((_, o) => { if (ok()) { o.disconnect(); done(); } })
      .observe(main, { attributes: true, attributeFilter: ['data-drawn', 'data-drawing'] });
  });
  return performance.now() - t0;
}"""

# Typing an actor's name asks /actors?q= for choices; the timed change is picking one of them.
OFFER = """async (label) => {
  const f = document.getElementById('filters').elements;
  f.actor.value = label;
  f.actor.dispatchEvent(new Event('input', { bubbles: true }));
  const has = () => [...document.querySelectorAll('#actor-options option')].some((o) => o.value === label);
  for (let i = 0; i < 600 && !has(); i += 1) await new Promise((r) => setTimeout(r, 50));
  return has();
}"""


class Cpu:
    """CPU seconds (user + system) used so far by the server's processes (`tkg serve` and its query
    workers) and by chromium's: the work a step cost, which the machine's load does not inflate
    the way it inflates the wall time."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid

    @staticmethod
    def _sum(procs) -> float:
        total = 0.0
        for p in procs:
            try:
                t = p.cpu_times()
                total += t.user + t.system
            except psutil.Error:  # ended meanwhile
                pass
        return total

    def now(self) -> tuple[float, float]:
        server = psutil.Process(self.server_pid)
        mine = psutil.Process().children(recursive=True)
        browser = [p for p in mine if "chrom" in p.name()]
        return self._sum([server, *server.children(recursive=True)]), self._sum(browser)

    def since(self, before: tuple[float, float]) -> tuple[float, float]:
        after = self.now()
        return (after[0] - before[0]) * 1000, (after[1] - before[1]) * 1000


def loadavg() -> float:
    return os.getloadavg()[0]


class Requests:
    """Every request a page made (path, query, status, answer bytes, ms), by phase."""

    def __init__(self) -> None:
        self.phase = ""
        self.run = 0
        self.rows: list[dict] = []

    def attach(self, context) -> None:
        context.on("requestfinished", self._done)

    def _done(self, req) -> None:
        u = urlsplit(req.url)
        if u.scheme not in ("http", "https"):
            return  # blob: and data: URLs (the layout's worker, inlined images) are not requests
        if u.hostname != "127.0.0.1":
            body = "off the machine"
        elif u.path.startswith(("/api/", "/sparql")):
            body = "api"
        else:
            body = "bundle"
        try:
            size = req.sizes()["responseBodySize"]
        except Exception:  # the page went away before the size could be read
            size = -1
        t = req.timing
        ms = t["responseEnd"] - t["requestStart"] if t["responseEnd"] >= 0 and t["requestStart"] >= 0 else -1
        resp = req.response()
        self.rows.append({"run": self.run, "phase": self.phase, "kind": body, "path": u.path, "query": dict(parse_qsl(u.query)),
                          "status": resp.status if resp else 0, "bytes": size, "ms": ms})


def choices(url: str, runs: int) -> dict:
    """Values each run filters by (other values every run, so a cold run misses the cache)."""
    actors = httpx.get(url + "/api/v1/actors", params={"limit": runs}, timeout=300).json()["actors"]
    roots = ["01", "04", "19", "18", "05", "11", "17", "02", "06", "14"]
    labels = [e["label"] or "" for e in httpx.get(url + "/api/v1/timeline", params={"limit": 100, "offset": 0},
                                                  timeout=300).json()["events"]]
    words = sorted({w.lower() for label in labels for w in label.split() if len(w) >= 5 and w.isalpha()})
    return {
        "date range": [(f"{2004 + r % 8}-03-01", f"{2004 + r % 8}-03-31") for r in range(runs)],
        "one day": [(f"{2004 + r % 8}-05-1{r % 10}",) * 2 for r in range(runs)],
        "free text": [words[(r * 7) % len(words)] for r in range(runs)] if words else [],
        "actor": [actors[r % len(actors)]["label"] for r in range(runs)],
        "CAMEO type": [roots[r % len(roots)] for r in range(runs)],
    }


def page_values(page, runs: int) -> dict:
    """Places: from the page's own list, which the map filled."""
    places = page.eval_on_selector_all("#place-options option", "os => os.map(o => o.value)")
    return {"place": [places[r % len(places)] for r in range(runs)] if places else []}


SETTLED = "() => document.querySelector('[data-testid=graph]').dataset.layout !== 'running'"


def main_thread_ms(cdp) -> float:
    """The page's main-thread task time so far (Chrome's own count): the page's work, whatever the wait."""
    return next(m["value"] for m in cdp.send("Performance.getMetrics")["metrics"] if m["name"] == "TaskDuration") * 1000


def open_page(browser, url: str, log: Requests, phase: str, cpu: Cpu):
    context = browser.new_context(viewport={"width": 1400, "height": 960}, base_url=url)
    context.add_init_script(INIT)
    log.attach(context)
    log.phase = phase
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    before = cpu.now()
    page.goto("/", wait_until="commit")
    page.wait_for_function("() => { const b = window.__bench; return b.first !== null && '1' in b.drawn; }",
                           timeout=120_000, polling=100)
    server, chromium = cpu.since(before)
    first, drawn = page.evaluate("() => [window.__bench.first, window.__bench.drawn['1']]")
    return context, page, cdp, {"first timeline item (bar or event)": {"ms": first},
                                "every view drawn": {"ms": drawn, "main": main_thread_ms(cdp), "server": server,
                                                     "chromium": chromium}}


def change(page, cdp, cpu: Cpu, kind: str, value) -> dict:
    """ms to the end of the redraw, main-thread ms, server and chromium CPU ms it took; from a page at
    rest: the network's layout (animated for up to 2.5 s after each load) has settled."""
    page.wait_for_function(SETTLED, timeout=120_000, polling=100)
    if kind == "actor" and not page.evaluate(OFFER, value):
        return {"ms": None}
    main, before = main_thread_ms(cdp), cpu.now()
    ms = page.evaluate(CHANGE, [kind, value])
    server, chromium = cpu.since(before)
    return {"ms": ms, "main": main_thread_ms(cdp) - main, "server": server, "chromium": chromium}


def one_run(browser, data: Path, r: int, runs: int, log: Requests, out: dict) -> None:
    proc, url, startup = serve(data, {"TKG_QUERY_TIMEOUT": "300"})
    cpu = Cpu(proc.pid)
    try:
        out.setdefault("server startup", []).append({"ms": startup * 1000})
        values = choices(url, runs)
        for temp in ("cold", "warm"):
            context, page, cdp, nav = open_page(browser, url, log, f"{temp} navigation", cpu)
            for name, got in nav.items():
                out.setdefault(f"{temp}: {name}", []).append(got)
            if temp == "cold":
                values.update(page_values(page, runs))
            for kind in FILTERS:
                if not values.get(kind):
                    continue
                log.phase = f"{temp} {kind}"
                out.setdefault(f"{temp}: {kind}", []).append(change(page, cdp, cpu, kind, values[kind][r]))
                log.phase = f"{temp} clear"
                change(page, cdp, cpu, "clear", None)
            context.close()
        out.setdefault("load average", []).append({"ms": loadavg()})
    finally:
        proc.terminate()
        proc.wait(timeout=60)


COLUMNS = (("main", "main thread"), ("server", "server CPU"), ("chromium", "chromium CPU"))


def fmt(values: list[dict]) -> str:
    got = [v for v in values if v["ms"] is not None]
    if not got:
        return "no redraw"
    ms = [v["ms"] for v in got]
    cells = [f"{statistics.median(ms):8.0f}", f"{min(ms):.0f}-{max(ms):.0f}".rjust(11)]
    for key, title in COLUMNS:
        col = [v[key] for v in got if v.get(key) is not None]
        cells.append((f"{statistics.median(col):.0f}" if col else "").rjust(len(title)))
    miss = len(values) - len(got)
    return "  ".join(cells) + (f"  ({miss} without redraw)" if miss else "")


def report(out: dict, log: Requests, quads: int, articles: int) -> None:
    loads = [v["ms"] for v in out["load average"]]
    print(f"\nstore: {articles} articles, {quads:,} quads; {len(loads)} runs, a fresh `tkg serve` each; "
          f"1-min load average {min(loads):.1f}-{max(loads):.1f}")
    print(f"server startup: median {statistics.median(v['ms'] for v in out['server startup']) / 1000:.1f} s\n")
    print(f"{'ms from navigation / from the change':40s} {'median':>8s}  {'min-max':>11s}  "
          + "  ".join(title for _, title in COLUMNS))
    for key, values in out.items():
        if key not in ("load average", "server startup"):
            print(f"{key:40s} {fmt(values)}")
    print("\nrequests of the first run (answer bytes as received; none asks for everything):")
    for row in log.rows:
        if row["kind"] == "api" and row["run"] == 0:
            q = "&".join(f"{k}={v}" for k, v in row["query"].items())
            print(f"  {row['phase']:22s} {row['status']} {row['bytes']:>9,d} B {row['ms']:7.0f} ms  {row['path']}?{q}")
    api = [row for row in log.rows if row["kind"] == "api"]
    bundle = {row["path"]: row["bytes"] for row in log.rows if row["kind"] == "bundle"}
    off = [row["path"] for row in log.rows if row["kind"] == "off the machine"]
    print(f"requests off the machine: {len(off)} {off[:5]}")
    print(f"\nall runs: {len(api)} API requests, largest answer {max(r['bytes'] for r in api):,} B, "
          f"limits asked {sorted({int(r['query'].get('limit', 0)) for r in api})}; files {bundle}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1700, help="replicated articles (~690 quads each)")
    ap.add_argument("--template-articles", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", type=Path, help="keep the template and the store here (and reuse them)")
    ap.add_argument("--json", type=Path, help="also write the raw figures and requests here")
    ap.add_argument("--grow-only", action="store_true", help="grow the store in --work and stop")
    args = ap.parse_args()
    from page_browser import ARGS
    from playwright.sync_api import sync_playwright

    work = args.work or Path(tempfile.mkdtemp(prefix="tkg-pagebench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        data = grow(work, args.articles, args.template_articles)
        if args.grow_only:
            return
        st = ox.Store.read_only(str(data))
        quads = len(st)
        del st
        chromium = os.environ.get("TKG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
        if not chromium:
            sys.exit("bench/page.py: no chromium (apt-get install chromium, or set TKG_CHROMIUM)")
        out: dict = {}
        log = Requests()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS)
            for r in range(args.runs):
                log.run = r
                one_run(browser, data, r, args.runs, log, out)
                print(f"run {r + 1}: " + ", ".join(f"{k} {v[-1]['ms']:.0f}" for k, v in out.items()
                                                   if v[-1]["ms"] is not None), flush=True)
            browser.close()
        report(out, log, quads, args.articles)
        if args.json:
            args.json.write_text(json.dumps({"figures": out, "requests": log.rows}, indent=1))
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
