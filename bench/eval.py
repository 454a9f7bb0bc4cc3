#!/usr/bin/env python3
"""Score `tkg extract` on the MEANTIME dev set and print ours next to the baseline and goals.

    python bench/eval.py [EVAL_DIR] [--speed] [--pred OUT.jsonl]

EVAL_DIR (default ../shared/eval relative to the repository) must hold meantime-dev.jsonl,
score.py and baseline.md. Runs the real CLI (`python -m graph extract FILE --format jsonl`),
scores with the evaluation's own score.py, and prints one table. `--speed` also measures
bare spaCy `nlp.pipe` against `extract_many` on the same texts (goal: ratio >= 0.7).
Only this benchmark reads ../shared; the product never does.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (score.py key, label in baseline.md, goal, how to read the figure)
ROWS = [
    ("timex_strict", "TIMEX span F1, strict", None, "f1"),
    ("timex_lenient", "TIMEX span F1, lenient", 0.92, "f1"),
    ("timex_value_acc", "TIMEX value accuracy on matched spans", None, "acc"),
    ("timex_value", "TIMEX end-to-end value F1", 0.85, "f1"),
    ("timex_type_acc", "TIMEX type accuracy", None, "acc"),
    ("entity", "entity F1, all mentions (names, nominals, pronouns)", None, "f1"),
    ("entity_names", "entity F1, named mentions", 0.92, "f1"),
    ("entity_typed", "entity F1, coarse types PER/ORG/LOC", 0.75, "f1"),
    ("loc", "location F1 (gold LOC mentions vs predicted locations)", 0.85, "f1"),
    ("event", "event trigger F1", 0.80, "f1"),
    ("arg", "event argument F1", 0.65, "f1"),
]


def read_baseline(path: Path) -> dict[str, float]:
    """The baseline column of baseline.md's table, by row label."""
    out: dict[str, float] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and re.fullmatch(r"[0-9.]+", cells[1] or ""):
            out[cells[0]] = float(cells[1])
    return out


def run_extract(gold: Path, pred: Path) -> float:
    t0 = time.perf_counter()
    with pred.open("w", encoding="utf-8") as fh:
        subprocess.run([sys.executable, "-m", "graph", "extract", str(gold), "--format", "jsonl"],
                       stdout=fh, check=True, cwd=ROOT)
    return time.perf_counter() - t0


def score(eval_dir: Path, gold: Path, pred: Path) -> dict:
    proc = subprocess.run([sys.executable, str(eval_dir / "score.py"), str(gold), str(pred), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def figure(res: dict, key: str, how: str) -> float | None:
    m = res.get(key)
    if not m:
        return None
    return m.get("acc") if how == "acc" else m.get("f1")


def table(res: dict, baseline: dict[str, float]) -> str:
    lines = [f"| {'metric':55s} | baseline | ours  | goal    | met |", f"|{'-' * 57}|----------|-------|---------|-----|"]
    for key, label, goal, how in ROWS:
        ours = figure(res, key, how)
        base = baseline.get(label)
        ok = "" if goal is None or ours is None else ("yes" if ours >= goal else "NO")
        lines.append(f"| {label:55s} | {'' if base is None else f'{base:.3f}':>8s} | "
                     f"{'n/a' if ours is None else f'{ours:.3f}':>5s} | {'' if goal is None else f'>= {goal:.2f}':7s} | {ok:3s} |")
    return "\n".join(lines)


def speed(gold: Path, repeats: int = 3) -> str:
    """Bare `nlp.pipe` of the small model vs our `extract_many`, best of `repeats`, same texts."""
    sys.path.insert(0, str(ROOT))
    import spacy

    from graph.extract import extract_many
    from graph.extract.nlp import load_nlp
    from graph.extract.text.components import MODEL
    from graph.sources.articles import make_article

    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [d["text"] for d in docs]
    arts = [make_article(d.get("title") or "", d["dct"], d["text"], f"eval:{d['id']}") for d in docs]
    bare = spacy.load(MODEL)
    load_nlp()
    list(bare.pipe(texts[:4]))
    list(extract_many(arts[:4]))
    tb = te = float("inf")
    for _ in range(repeats):  # interleaved, so machine load hits both alike
        t = time.perf_counter()
        list(bare.pipe(texts))
        tb = min(tb, time.perf_counter() - t)
        t = time.perf_counter()
        list(extract_many(arts))
        te = min(te, time.perf_counter() - t)
    n = sum(map(len, texts))
    return (f"throughput: bare nlp.pipe {n / tb:,.0f} chars/s, extract_many {n / te:,.0f} chars/s, "
            f"ratio {tb / te:.2f} (goal >= 0.70)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("eval_dir", nargs="?", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--speed", action="store_true", help="also measure throughput against bare spaCy")
    ap.add_argument("--pred", help="keep the predictions in this file")
    args = ap.parse_args(argv)
    eval_dir = Path(args.eval_dir)
    gold = eval_dir / "meantime-dev.jsonl"
    if not gold.exists() or not (eval_dir / "score.py").exists():
        print(f"error: {eval_dir} has no meantime-dev.jsonl and score.py", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(args.pred) if args.pred else Path(tmp) / "pred.jsonl"
        secs = run_extract(gold, pred)
        res = score(eval_dir, gold, pred)
    print(f"meantime-dev: {res['docs']} docs, tkg extract {secs:.1f} s (process start and model load included)")
    print(table(res, read_baseline(eval_dir / "baseline.md")))
    if args.speed:
        print(speed(gold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
