"""Happening links into a store whose days are as full as a big archive's, without a 100k load (docs/scale.md,
"Session 6: happening candidates through an index").

    python bench/happenings_dense.py --template STORE --data DIR [--articles 10000] [--probe 32]

bench/scale.py's replication (`--template`: a store written by `tkg ingest` of bench/ingest.py's corpus) puts
its copies on the days around the probe articles' dates only (a week before to three days after each), so a
day holds ~44 articles (~1,700 events) at 10,000: more than bench/scale.py's 100k store spread over eight years.
Then a real `tkg ingest --jobs 2` of the probe (bench/scale.py's: `make_corpus(n, seed=10_000 + ...)`) into the
store: wall and CPU seconds of the process tree. Run it with the code to compare on PYTHONPATH; the store is
written into (copy it first to compare two versions on the same store).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale  # noqa: E402
from ingest import become_subreaper, make_corpus, measure  # noqa: E402


def grow(template: Path, data: Path, n: int, probe: Path) -> None:
    from graph.ids import ENTITIES_GRAPH
    from graph.store.embedded import Store

    days = sorted({date.fromisoformat(json.loads(line)["published"][:10]) + timedelta(days=k)
                   for line in probe.read_text().splitlines() for k in range(-7, 4)})
    scale.day_of = lambda i: days[(i * scale.STEP) % len(days)]  # the copies on those days only
    tpls, entities = scale.templates(template)
    store = Store(data)
    try:
        store.put_articles([(ENTITIES_GRAPH, entities, "")])
        for s in range(0, n, 500):
            store.put_articles(scale.replicate(tpls, s, min(500, n - s)))
        store.flush()
        store.ox.optimize()
    finally:
        store.close()
    print(f"{n} copies on {len(days)} days", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--template", type=Path, required=True)
    ap.add_argument("--data", type=Path, required=True, help="the store to grow (if absent) and ingest into")
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--probe", type=int, default=32)
    args = ap.parse_args()
    probe = args.data.with_name(args.data.name + "-probe.jsonl")
    make_corpus(args.probe, probe, seed=args.articles, start=10_000_000 + args.articles)
    if not args.data.exists():
        grow(args.template, args.data, args.articles, probe)
    become_subreaper()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    r = measure([sys.executable, "-m", "graph", "ingest", str(probe), "--data", str(args.data), "--jobs", "2"], env=env)
    print(json.dumps({"wall_s": r["wall_s"], "cpu_s": r["cpu_s"], "load_before": r["load_before"],
                      "summary": r["stdout"].splitlines()[-1] if r["stdout"] else r["stderr_tail"]}))


if __name__ == "__main__":
    main()
