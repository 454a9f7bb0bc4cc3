#!/usr/bin/env python3
"""Score timeline-kg on every development set in ../shared/eval and print the figures.

    python bench/eval.py [EVAL_DIR] [--speed] [--pred OUT.jsonl] [--keep DIR] [--only meantime,tbaq,...]

EVAL_DIR (default ../shared/eval relative to the repository). Every set goes through the real
CLI (`python -m graph extract FILE --format jsonl`) or, for the TimeLine task, the REST API
(the set's own run_timeline.py ingests the documents with `tkg ingest`, serves them with `tkg
serve` and reads the timelines over HTTP), and is scored by the set's own scorer:

* meantime: meantime-dev.jsonl with score.py (a table: ours next to the baseline and the goals);
* xdoc: one entity across articles, score_xdoc.py on the MEANTIME predictions;
* tbaq: TimeBank/AQUAINT times, score.py (TIMEX value F1);
* wikievents: conflict events and roles, score_events.py with wikievents_to_cameo.json, and
  score.py's location and entity F1 (the
  documents have no date: each is given 2000-01-01, so relative times are not scored here);
* timeline: SemEval-2015 TimeLine airbus and gm, temporal-awareness F1.

`--speed` also measures bare spaCy `nlp.pipe` against `extract_many` on the MEANTIME texts
(goal: ratio >= 0.7). Only this benchmark reads ../shared; the product never does.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
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
    return _scorer_json([str(eval_dir / "score.py"), str(gold), str(pred), "--json"])


def _scorer_json(cmd: list[str]) -> dict:
    proc = subprocess.run([sys.executable, *cmd], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def xdoc(eval_dir: Path, gold: Path, pred: Path) -> str:
    """score_xdoc.py's closing line (B-cubed and cross-document link F1 of named mentions)."""
    proc = subprocess.run([sys.executable, str(eval_dir / "score_xdoc.py"), str(gold), str(pred)],
                          capture_output=True, text=True, check=True)
    lines = proc.stdout.strip().splitlines()
    return "xdoc (meantime-dev, one entity across articles): " + "; ".join(lines[-2:])


def tbaq(eval_dir: Path, tmp: Path) -> str:
    gold = eval_dir / "tbaq-dev.jsonl"
    pred = tmp / "tbaq-pred.jsonl"
    secs = run_extract(gold, pred)
    res = score(eval_dir, gold, pred)
    return (f"tbaq-dev ({res['docs']} docs, {secs:.1f} s): TIMEX value F1 {res['timex_value']['f1']:.3f}, "
            f"span F1 lenient {res['timex_lenient']['f1']:.3f}, strict {res['timex_strict']['f1']:.3f}")


def wikievents(eval_dir: Path, tmp: Path) -> str:
    gold = eval_dir / "wikievents-dev.jsonl"
    dated = tmp / "wikievents-dated.jsonl"
    with dated.open("w", encoding="utf-8") as out:  # the documents have no date: extraction needs one
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                d["dct"] = d.get("dct") or "2000-01-01"
                out.write(json.dumps(d) + "\n")
    pred = tmp / "wikievents-pred.jsonl"
    secs = run_extract(dated, pred)
    r = _scorer_json([str(eval_dir / "score_events.py"), str(gold), str(pred),
                      "--map", str(eval_dir / "wikievents_to_cameo.json"), "--json"])
    ents = score(eval_dir, gold, pred)  # entities and places in conflict news (score.py's layers)
    return (f"wikievents-dev ({r['docs']} docs, {secs:.1f} s): conflict trigger F1 {r['conflict_trigger']['f1']:.3f}, "
            f"conflict role-aware argument F1 {r['conflict_arg_role']['f1']:.3f}, CAMEO root accuracy "
            f"{r['type_acc']['acc']:.3f} (all triggers F1 {r['trigger']['f1']:.3f}); score.py: "
            f"location F1 {_f1(ents, 'loc')}, named entity F1 {_f1(ents, 'entity_names')}, "
            f"typed entity F1 {_f1(ents, 'entity_typed')}")


def _f1(res: dict, key: str) -> str:
    m = res.get(key)
    return "n/a" if not isinstance(m, dict) or m.get("f1") is None else f"{m['f1']:.3f}"


def timeline(eval_dir: Path, tmp: Path) -> str:
    """SemEval-2015 TimeLine through the REST API (the set's run_timeline.py), per corpus."""
    tkg = shutil.which("tkg", path=str(Path(sys.executable).parent)) or shutil.which("tkg")
    if tkg is None:
        return "timeline: no `tkg` command on PATH (pip install the project first)"
    out = []
    for corpus in ("airbus", "gm"):
        d = eval_dir / "timeline"
        res_file = tmp / f"timeline-{corpus}.json"
        t0 = time.perf_counter()
        subprocess.run([sys.executable, str(d / "run_timeline.py"), "--tkg", tkg, "--docs", str(d / f"{corpus}-docs.jsonl"),
                        "--gold", str(d / f"{corpus}-gold.json"), "--out", str(tmp / f"timeline-{corpus}-system.json"),
                        "--score-json", str(res_file)], capture_output=True, text=True, check=True, cwd=ROOT)
        tot = json.loads(res_file.read_text(encoding="utf-8"))["total"]
        out.append(f"{corpus} F1 {tot['f1']:.3f} (P {tot['precision']:.3f} R {tot['recall']:.3f}; "
                   f"event mention F1 {tot['event_f1']:.3f}; {time.perf_counter() - t0:.0f} s)")
    return "timeline (SemEval-2015 TimeLine, temporal awareness via REST): " + "; ".join(out)


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
    ap.add_argument("--pred", help="keep the MEANTIME predictions in this file")
    ap.add_argument("--keep", help="keep every set's predictions in this directory (created)")
    ap.add_argument("--only", default="meantime,xdoc,tbaq,wikievents,timeline",
                    help="comma-separated sets to run (default: all)")
    args = ap.parse_args(argv)
    sets = set(args.only.split(","))
    eval_dir = Path(args.eval_dir)
    gold = eval_dir / "meantime-dev.jsonl"
    if not gold.exists() or not (eval_dir / "score.py").exists():
        print(f"error: {eval_dir} has no meantime-dev.jsonl and score.py", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(args.keep or tmpdir)
        tmp.mkdir(parents=True, exist_ok=True)
        pred = Path(args.pred) if args.pred else tmp / "pred.jsonl"
        if sets & {"meantime", "xdoc"}:
            secs = run_extract(gold, pred)
            res = score(eval_dir, gold, pred)
            print(f"meantime-dev: {res['docs']} docs, tkg extract {secs:.1f} s (process start and model load included)")
            print(table(res, read_baseline(eval_dir / "baseline.md")), flush=True)
        if "xdoc" in sets:
            print(xdoc(eval_dir, gold, pred), flush=True)
        for name, run in (("tbaq", tbaq), ("wikievents", wikievents), ("timeline", timeline)):
            if name in sets:
                print(run(eval_dir, tmp), flush=True)
    if args.speed:
        print(speed(gold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
