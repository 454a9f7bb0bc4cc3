#!/usr/bin/env python3
"""Error analysis of a TimeLine run: why each gold mention is missed or misdated, why each system mention is wrong.

    python bench/timeline_errors.py DOCS.jsonl GOLD.json SYSTEM.json [--examples N] [--json OUT]

SYSTEM.json is run_timeline.py's --out (it keeps, per timeline, the `details` of every event read over REST).
Every document is extracted again in this process (the same code `tkg ingest` runs) to tell a token no event was
found at from an event that exists but is not on the entity's timeline.

Recall side (gold mentions): matched with the right date; matched, wrong date (by what the system's date came
from: article = dated only by the publication day, discourse, sentence, timex; and gold undated / dated); not on
the system timeline: no event at the token (by part of speech), an event there that the actor is not linked to, an
event on the timeline mapped to another id (trigger text), or a gold id whose token is unknown (typo in the gold).
Precision side (system mentions not in the gold): a gold event of another entity's timeline (wrong actor), an event
no gold timeline holds (by event class, modality and part of speech). Only this benchmark reads ../shared.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

UNDATED = "XXXX-XX-XX"


def _norm(d: str) -> str:
    return d if d else UNDATED


def _date_ok(gold: str, sys_: str) -> bool:
    if gold == UNDATED or sys_ == UNDATED:
        return gold == sys_
    return all(g == "X" or g == s for g, s in zip(gold, sys_))


def extract_docs(docs: list[dict]) -> dict[str, dict]:
    """doc id -> {'events': [(raw start, raw end, Event)], 'tokens': spaCy-free info} by the project's extraction."""
    from graph.extract import extract_many
    from graph.sources.articles import make_article

    arts = [make_article(d.get("title") or "", d["published"], d["text"], f"eval:{d['id']}", url=d.get("url"))
            for d in docs]
    out: dict[str, dict] = {}
    for d, (art, ext) in zip(docs, extract_many(arts)):
        evs = [(art.raw_offset(e.start), art.raw_offset(e.end - 1) + 1, e) for e in ext.events]
        out[d["id"]] = {"events": evs, "ext": ext, "art": art}
    return out


def pos_of(doc_tokens: list, start: int, end: int) -> str:
    """A rough word kind of a gold token from its spelling (no parse): -ing / -ed / noun-like."""
    word = " ".join(t[4] for t in doc_tokens if t[2] < end and t[3] > start)
    return word


def analyse(docs: list[dict], gold: dict, system: dict, nexamples: int, store: str | None = None) -> dict:
    by_doc = {d["id"]: d for d in docs}
    ext = extract_docs(docs)
    stored = stored_events(store)
    from graph.extract.nlp import load_nlp
    nlp = load_nlp()
    parsed: dict[str, object] = {}

    def token_info(doc_id: str, start: int, end: int) -> tuple[str, str, str]:
        if doc_id not in parsed:
            parsed[doc_id] = nlp(by_doc[doc_id]["text"])
        sp = parsed[doc_id].char_span(start, end, alignment_mode="expand")
        if sp is None:
            return "?", "?", "?"
        t = sp.root
        return t.pos_, t.tag_, t.dep_

    gold_all: dict[str, set[str]] = defaultdict(set)  # id -> entities whose gold timeline holds it
    for tl in gold["timelines"]:
        for ev in tl["events"]:
            for i in ev["ids"]:
                gold_all[i].add(tl["entity"])
    mentions = gold.get("mentions", {})
    rec: Counter = Counter()
    prec: Counter = Counter()
    ex: dict[str, list[str]] = defaultdict(list)
    systl = {t["entity"]: t for t in system["timelines"]}

    def note(cat: str, text: str) -> None:
        if len(ex[cat]) < nexamples:
            ex[cat].append(text)

    for tl in gold["timelines"]:
        ent = tl["entity"]
        g = {i: ev["date"] for ev in tl["events"] for i in ev["ids"]}
        st = systl.get(ent, {"events": [], "details": []})
        s = {i: ev["date"] for ev in st.get("events", []) for i in ev["ids"]}
        det = {d["id"]: d for d in st.get("details", []) if d.get("id")}
        for gid, gdate in g.items():
            m = mentions.get(gid)
            ctx = ""
            if m:
                text = by_doc[m["doc"]]["text"]
                ctx = text[max(0, m["start"] - 60):m["start"]] + "[" + text[m["start"]:m["end"]] + "]" + \
                    text[m["end"]:m["end"] + 40]
                ctx = ctx.replace("\n", " / ")
            if gid in s:
                sdate = s[gid]
                if _date_ok(gdate, sdate):
                    rec["matched, date right"] += 1
                    continue
                src = (det.get(gid) or {}).get("time_source")
                kind = ("gold undated, system dated" if gdate == UNDATED else
                        "gold dated, system undated" if sdate == UNDATED else "both dated, differ")
                cat = f"matched, wrong date: {kind} (system source {src})"
                rec[cat] += 1
                note(cat, f"{ent} | {gid} gold {gdate} sys {sdate} ({(det.get(gid) or {}).get('timex')}) | {ctx}")
                continue
            if not m:
                rec["missed: gold token unknown (typo in gold id)"] += 1
                continue
            evs = [e for a, b, e in ext[m["doc"]]["events"] if a < m["end"] and b > m["start"]]
            if not evs:
                pos, tag, dep = token_info(m["doc"], m["start"], m["end"])
                cat = f"missed: no event at the token ({pos})"
                rec[cat] += 1
                note(cat, f"{ent} | {gid} {tag}/{dep} | {ctx}")
                continue
            text = by_doc[m["doc"]]["text"]
            on_tl = [d for d in st.get("details", []) if d.get("trigger") and d.get("sentence") and
                     m["text"].lower() in d["trigger"].lower() and
                     0 <= m["start"] - text.find(d["sentence"]) < len(d["sentence"])]
            if on_tl:
                cat = "missed: on the timeline but mapped to another id"
                rec[cat] += 1
                note(cat, f"{ent} | {gid} -> {[d['id'] for d in on_tl]} {[d['why'] for d in on_tl]} | {ctx}")
                continue
            e = evs[0]
            cat = "missed: event extracted, not on the entity's timeline" + _why_off(st, m, by_doc, stored, e)
            rec[cat] += 1
            args = [(a.role, a.text) for a in e.args]
            note(cat, f"{ent} | {gid} trig={e.text!r} label={e.label!r} mod={e.modality} cls={e.event_class} "
                      f"args={args} shared={e.shared_actors[:2]} | {ctx}")
        for sid, sdate in s.items():
            if sid in g:
                continue
            d = det.get(sid, {})
            if sid in gold_all:
                cat = "false: a gold event of another entity's timeline"
                prec[cat] += 1
                note(cat, f"{ent} | {sid} (gold of {sorted(gold_all[sid])[:2]}) | {d.get('label')} | {d.get('sentence', '')[:120]}")
                continue
            doc_id = sid.split("-")[0]
            hit = None
            sent = d.get("sentence") or ""
            for a, b, e in ext.get(doc_id, {}).get("events", []):
                if e.text == d.get("trigger") and sent and e.text in sent:
                    hit = e
                    break
            cls = f"{hit.event_class}/{hit.modality}" if hit else "?"
            cat = f"false: no gold timeline holds it ({cls})"
            prec[cat] += 1
            note(cat, f"{ent} | {sid} {sdate} | {d.get('label')} | {sent[:120]}")
    return {"recall": dict(rec.most_common()), "precision": dict(prec.most_common()), "examples": ex,
            "gold": sum(rec.values()), "system": sum(prec.values())}


STORED = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX tkg: <https://w3id.org/timeline-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?e ?trig ?mod ?cls (GROUP_CONCAT(DISTINCT STR(?a); separator="|") AS ?actors) ?stext WHERE {
 ?e a sem:Event ; tkg:trigger ?trig ; prov:wasDerivedFrom ?s . ?s tkg:text ?stext .
 OPTIONAL { ?e tkg:modality ?mod } OPTIONAL { ?e tkg:eventClass ?cls } OPTIONAL { ?e sem:hasActor ?a }
} GROUP BY ?e ?trig ?mod ?cls ?stext"""


def stored_events(store: str | None) -> list[dict]:
    """Every event of the run's store: trigger, modality, class, actor IRIs, sentence text."""
    if not store:
        return []
    import pyoxigraph as ox
    st = ox.Store.read_only(store)
    rows = st.query(STORED, use_default_graph_as_union=True)
    return [{"trigger": r[0 + 1].value, "modality": r[2] and r[2].value, "class": r[3] and r[3].value,
             "actors": set(filter(None, r[4].value.split("|"))) if r[4] else set(), "sentence": r[5].value}
            for r in rows]


def _why_off(st: dict, m: dict, by_doc: dict, stored: list[dict], e) -> str:
    """Why an extracted event is not on the entity's timeline: the story filter, or no link to its actor."""
    actor = (st.get("actor") or {}).get("id", "")
    text = by_doc[m["doc"]]["text"]
    cands = [s for s in stored if s["trigger"] and s["trigger"] in text[m["start"] - 40:m["end"] + 40]
             and m["text"] in s["trigger"] + " " and s["sentence"] in text]
    here = [s for s in cands if text.find(s["sentence"]) <= m["start"] < text.find(s["sentence"]) + len(s["sentence"])]
    if not here:
        return " / not found in the store"
    s = here[0]
    if any(a.endswith(actor) for a in s["actors"]):
        return f" / linked, left out by the story filter ({s['class']}/{s['modality']})"
    label = (st.get("actor") or {}).get("label") or st.get("entity", "")
    words = [w for w in label.split() if len(w) > 2]
    named = any(w in s["sentence"] for w in words)
    how = "its name is in the sentence" if named else "not named in the sentence"
    return f" / not linked: {how}; {'other actors' if s['actors'] else 'no actors'}"


def report(res: dict) -> str:
    lines = [f"gold mentions: {res['gold']}"]
    lines += [f"  {n:5d}  {c}" for c, n in res["recall"].items()]
    lines.append(f"system mentions not in the entity's gold: {res['system']}")
    lines += [f"  {n:5d}  {c}" for c, n in res["precision"].items()]
    for cat, exs in res["examples"].items():
        lines.append(f"\n== {cat}")
        lines += [f"   {e}" for e in exs]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("docs")
    ap.add_argument("gold")
    ap.add_argument("system")
    ap.add_argument("--examples", type=int, default=8)
    ap.add_argument("--json")
    ap.add_argument("--store", help="the run's store (run_timeline.py's WORKDIR/store): why events are off a timeline")
    args = ap.parse_args(argv)
    docs = [json.loads(line) for line in open(args.docs, encoding="utf-8") if line.strip()]
    res = analyse(docs, json.load(open(args.gold, encoding="utf-8")), json.load(open(args.system, encoding="utf-8")),
                  args.examples, args.store)
    print(report(res))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
