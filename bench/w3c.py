"""Run the W3C SPARQL 1.1 evaluation tests through our HTTP endpoint and in-process on pyoxigraph.

    python bench/w3c.py [--url http://127.0.0.1:PORT --token T] [--only aggregates,bind] [-v]

Without --url it starts `tkg serve --strict-default-graph` on an empty temporary store. Each
test's data is loaded through the Graph Store Protocol (`/store`, after `DROP ALL` on `/update`),
queries go to `/sparql` with the Accept header of the expected result's format, updates to
`/update`. The same test then runs on an in-memory `pyoxigraph.Store`. Results are compared with
the expected files (blank nodes up to renaming, rows as a multiset; ORDER BY is not checked).

Scope: the approved QueryEvaluationTest, CSVResultFormatTest and UpdateEvaluationTest entries of
tests/data/w3c/sparql/sparql11 (vendored from w3c/rdf-tests). Skipped: unapproved tests, the
entailment regimes, SERVICE (federation is refused by design), LOAD without SILENT (refused:
the server fetches nothing; LOAD SILENT runs, as a load that fails silently) and tests with mf:requires.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import httpx
import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Namespace
from rdflib.collection import Collection
from rdflib.compare import isomorphic

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "tests" / "data" / "w3c" / "sparql" / "sparql11"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
DAWGT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#")
SKIP_DIRS = {"entailment": "entailment regime", "service": "SERVICE is refused by design",
             "syntax-fed": "SERVICE is refused by design"}
TYPES = {MF.QueryEvaluationTest, MF.CSVResultFormatTest, MF.UpdateEvaluationTest}

RDF_IN = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".rdf": ox.RdfFormat.RDF_XML}
RESULTS_BY_EXT = {".srx": ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
                  ".srj": ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
                  ".tsv": ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
                  ".csv": ("text/csv", ox.QueryResultsFormat.CSV)}
RDFLIB_FMT = {".ttl": "turtle", ".nt": "nt", ".rdf": "xml"}


@dataclass
class Test:
    id: str
    kind: str  # query | update
    dir: str
    query: Path
    data: list[Path] = field(default_factory=list)
    graph_data: list[tuple[str, Path]] = field(default_factory=list)  # (graph IRI, file)
    result: Optional[Path] = None
    result_data: Optional[Path] = None
    result_graphs: list[tuple[str, Path]] = field(default_factory=list)
    skip: Optional[str] = None


def url(p: Path) -> str:
    return p.resolve().as_uri()


def load_tests(only: Optional[set[str]] = None) -> list[Test]:
    tests = []
    for manifest in sorted(SUITE.glob("*/manifest.ttl")):
        d = manifest.parent.name
        if only and d not in only:
            continue
        g = Graph().parse(manifest, format="turtle", publicID=url(manifest))
        for m in g.subjects(RDF.type, MF.Manifest):
            head = g.value(m, MF.entries)
            for entry in (Collection(g, head) if head else []):
                kind = g.value(entry, RDF.type)
                if kind not in TYPES:
                    continue
                action = g.value(entry, MF.action)
                t = Test(id=f"{d}/{str(entry).rsplit('#', 1)[-1]}", kind="update" if kind == MF.UpdateEvaluationTest else "query",
                         dir=d, query=Path())
                if kind == MF.UpdateEvaluationTest:
                    t.query = _path(g.value(action, UT.request))
                    t.data = [_path(x) for x in g.objects(action, UT.data)]
                    t.graph_data = [(str(g.value(gd, RDFS.label)), _path(g.value(gd, UT.graph))) for gd in g.objects(action, UT.graphData)]
                    res = g.value(entry, MF.result)
                    t.result_data = next((_path(x) for x in g.objects(res, UT.data)), None)
                    t.result_graphs = [(str(g.value(gd, RDFS.label)), _path(g.value(gd, UT.graph))) for gd in g.objects(res, UT.graphData)]
                else:
                    t.query = _path(g.value(action, QT.query))
                    t.data = [_path(x) for x in g.objects(action, QT.data)]
                    t.graph_data = [(url(_path(x)), _path(x)) for x in g.objects(action, QT.graphData)]
                    t.result = _path(g.value(entry, MF.result))
                if (entry, DAWGT.approval, DAWGT.Approved) not in g:
                    t.skip = "not approved"
                elif d in SKIP_DIRS:
                    t.skip = SKIP_DIRS[d]
                elif g.value(entry, MF.requires) is not None:
                    t.skip = f"requires {g.value(entry, MF.requires)}"
                elif g.value(action, QT.serviceData) is not None:
                    t.skip = "SERVICE is refused by design"
                elif t.kind == "update" and _fetches(t.query):
                    t.skip = "LOAD is refused by design"
                tests.append(t)
    return tests


def _fetches(p: Path) -> bool:
    """Whether an update has a LOAD the server refuses (LOAD SILENT is run, as a no-op)."""
    sys.path.insert(0, str(ROOT))
    from api.sparql_guard import words
    from api.update_rewrite import neutralize_load_silent

    return "LOAD" in set(words(neutralize_load_silent(p.read_text(encoding="utf-8"))[0]))


def _path(node) -> Path:
    return Path(str(node).replace("file://", ""))


# ---------------------------------------------------------------- comparison
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {_XSD + t for t in ("integer", "decimal", "int", "long", "short", "byte", "nonNegativeInteger",
                               "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt",
                               "unsignedLong", "unsignedShort", "unsignedByte")}


def _norm(term) -> object:
    """Blank nodes as placeholders; numbers by value (`1.0`^^decimal = `1`^^decimal), like the
    suite's reference harnesses; every other term as itself."""
    if isinstance(term, ox.Literal) and term.datatype.value in _NUMERIC | {_XSD + "double", _XSD + "float"}:
        from decimal import Decimal, InvalidOperation

        try:
            value = float(term.value) if term.datatype.value in (_XSD + "double", _XSD + "float") else Decimal(term.value).normalize()
            return ("num", term.datatype.value, value)
        except (InvalidOperation, ValueError):
            return term
    if isinstance(term, ox.BlankNode):
        return ("_b", term.value)
    if isinstance(term, str) and term.startswith("_:"):
        return ("_b", term[2:])
    return term


def _rows_match(expected: list[dict], actual: list[dict]) -> bool:
    """Multiset equality of solution rows up to a consistent renaming of blank nodes."""
    if len(expected) != len(actual):
        return False
    has_b = lambda rows: any(isinstance(v, tuple) and v[0] == "_b" for r in rows for v in r.values())
    if not has_b(expected) and not has_b(actual):
        key = lambda r: frozenset((k, str(v)) for k, v in r.items())
        return Counter(map(key, expected)) == Counter(map(key, actual))

    def unify(e: dict, a: dict, m: dict, back: dict) -> Optional[tuple[dict, dict]]:
        if e.keys() != a.keys():
            return None
        m, back = dict(m), dict(back)
        for k, ev in e.items():
            av = a[k]
            eb, ab = isinstance(ev, tuple) and ev[0] == "_b", isinstance(av, tuple) and av[0] == "_b"
            if eb != ab:
                return None
            if eb:
                if m.get(ev, av) != av or back.get(av, ev) != ev:
                    return None
                m[ev], back[av] = av, ev
            elif str(ev) != str(av):
                return None
        return m, back

    def search(i: int, used: set[int], m: dict, back: dict) -> bool:
        if i == len(expected):
            return True
        for j, a in enumerate(actual):
            if j in used:
                continue
            u = unify(expected[i], a, m, back)
            if u and search(i + 1, used | {j}, *u):
                return True
        return False

    return search(0, set(), {}, {})


def _parse_results(body: bytes, fmt) -> object:
    if fmt == ox.QueryResultsFormat.CSV:  # lossy: compare the cells as text
        rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
        if not rows:
            return []
        head = rows[0]
        return [{h: _norm(v) for h, v in zip(head, r) if v != ""} for r in rows[1:]]
    res = ox.parse_query_results(body, format=fmt)
    if isinstance(res, ox.QueryBoolean):
        return bool(res)
    vars_ = [v.value for v in res.variables]
    return [{v: _norm(s[v]) for v in vars_ if s[v] is not None} for s in res]


def compare_results(expected_path: Path, body: bytes, fmt) -> bool:
    ext = expected_path.suffix
    if ext in RESULTS_BY_EXT:
        exp = _parse_results(expected_path.read_bytes(), RESULTS_BY_EXT[ext][1])
        act = _parse_results(body, fmt)
        if isinstance(exp, bool) or isinstance(act, bool):
            return exp == act
        return _rows_match(exp, act)
    exp_g = Graph().parse(expected_path, format=RDFLIB_FMT[ext], publicID=url(expected_path))
    act_g = Graph().parse(data=body, format="nt")
    return isomorphic(exp_g, act_g)


def accept_for(t: Test) -> tuple[str, object]:
    ext = t.result.suffix if t.result else ".srx"
    if ext in RESULTS_BY_EXT:
        return RESULTS_BY_EXT[ext]
    return "application/n-triples", ox.RdfFormat.N_TRIPLES


def _triples_nt(path: Path) -> bytes:
    quads = ox.parse(path=str(path), format=RDF_IN[path.suffix], base_iri=url(path))
    return ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES) or b""


def _graph(nt: bytes) -> Graph:
    return Graph().parse(data=nt, format="nt")


def compare_state(t: Test, state: dict[Optional[str], bytes]) -> bool:
    expected: dict[Optional[str], Graph] = {None: Graph()}
    if t.result_data:
        expected[None] = _graph(_triples_nt(t.result_data))
    for iri, p in t.result_graphs:
        expected[iri] = _graph(_triples_nt(p))
    actual = {k: _graph(v) for k, v in state.items()}
    actual.setdefault(None, Graph())
    nonempty = lambda d: {k for k, g in d.items() if k is None or len(g)}
    if nonempty(expected) != nonempty(actual):
        return False
    return all(isomorphic(expected[k], actual[k]) for k in nonempty(expected))


# ---------------------------------------------------------------- the two runners
class InProcess:
    name = "pyoxigraph in-process"

    def run(self, t: Test) -> bool:
        store = ox.Store()
        for p in t.data:
            store.load(path=str(p), format=RDF_IN[p.suffix], base_iri=url(p), to_graph=ox.DefaultGraph())
        for iri, p in t.graph_data:
            store.load(path=str(p), format=RDF_IN[p.suffix], base_iri=url(p), to_graph=ox.NamedNode(iri))
        text = t.query.read_text(encoding="utf-8")
        if t.kind == "update":
            store.update(text, base_iri=url(t.query))
            state: dict[Optional[str], bytes] = {}
            for g in [ox.DefaultGraph(), *store.named_graphs()]:
                key = None if isinstance(g, ox.DefaultGraph) else g.value
                state[key] = ox.serialize([q.triple for q in store.quads_for_pattern(None, None, None, g)],
                                          format=ox.RdfFormat.N_TRIPLES) or b""
            return compare_state(t, state)
        _, fmt = accept_for(t)
        res = store.query(text, base_iri=url(t.query))
        body = res.serialize(format=fmt)
        return compare_results(t.result, body, fmt)


class OverHttp:
    name = "timeline-kg over HTTP"

    def __init__(self, base: str, token: str) -> None:
        self.c = httpx.Client(base_url=base, timeout=60)
        self.auth = {"Authorization": f"Bearer {token}"}

    def _ok(self, r: httpx.Response) -> httpx.Response:
        if r.status_code >= 300:
            raise RuntimeError(f"{r.request.method} {r.request.url.path} -> {r.status_code}: {r.text[:300]}")
        return r

    def run(self, t: Test) -> bool:
        c, auth = self.c, self.auth
        self._ok(c.post("/update", data={"update": "DROP ALL"}, headers=auth))
        nt = {"Content-Type": "application/n-triples", **auth}
        for p in t.data:
            self._ok(c.post("/store?default", content=_triples_nt(p), headers=nt))
        for iri, p in t.graph_data:
            self._ok(c.post("/store", params={"graph": iri}, content=_triples_nt(p), headers=nt))
        text = f"BASE <{url(t.query)}>\n" + t.query.read_text(encoding="utf-8")
        if t.kind == "update":
            self._ok(c.post("/update", content=text.encode("utf-8"),
                            headers={"Content-Type": "application/sparql-update", **auth}))
            state = {None: self._ok(c.get("/store?default", headers={"Accept": "application/n-triples", **auth})).content}
            r = self._ok(c.post("/sparql", data={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"}))
            for b in r.json()["results"]["bindings"]:
                g = b["g"]["value"]
                state[g] = self._ok(c.get("/store", params={"graph": g},
                                          headers={"Accept": "application/n-triples", **auth})).content
            return compare_state(t, state)
        media, fmt = accept_for(t)
        r = self._ok(c.post("/sparql", content=text.encode("utf-8"),
                            headers={"Content-Type": "application/sparql-query", "Accept": media}))
        return compare_results(t.result, r.content, fmt)


def run_suite(runner, tests: list[Test], verbose: bool = False) -> dict[str, str]:
    out = {}
    for t in tests:
        if t.skip:
            out[t.id] = "skipped"
            continue
        try:
            out[t.id] = "passed" if runner.run(t) else "failed"
        except Exception as e:  # noqa: BLE001 - an error is a failed test
            out[t.id] = "failed"
            if verbose:
                print(f"  {runner.name}: {t.id}: {type(e).__name__}: {str(e)[:200]}", file=sys.stderr)
        if verbose and out[t.id] == "failed":
            print(f"  {runner.name}: {t.id} FAILED", file=sys.stderr)
    return out


def start_server(token: str) -> tuple[subprocess.Popen, str, Path]:
    sys.path.insert(0, str(ROOT / "tests"))
    tmp = Path(tempfile.mkdtemp(prefix="tkg-w3c-"))
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "TKG_TOKEN": token, "NO_COLOR": "1", "TKG_QUERY_TIMEOUT": "30"}
    proc = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--data", str(tmp / "data"), "--port", str(port),
                             "--strict-default-graph", "--create"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stderr.read()}")
        try:
            if httpx.get(base + "/openapi.json", timeout=1).status_code == 200:
                return proc, base, tmp
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start")


def summarize(results: dict[str, str]) -> Counter:
    return Counter(results.values())


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="a running server (strict default graph, token); default: start one")
    ap.add_argument("--token", default="w3c-token")
    ap.add_argument("--only", help="comma-separated test directories")
    ap.add_argument("--json", help="write per-test outcomes here")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    tests = load_tests(set(args.only.split(",")) if args.only else None)
    proc = tmp = None
    if args.url:
        base = args.url
    else:
        proc, base, tmp = start_server(args.token)
    try:
        t0 = time.perf_counter()
        http = run_suite(OverHttp(base, args.token), tests, args.verbose)
        t_http = time.perf_counter() - t0
        t0 = time.perf_counter()
        local = run_suite(InProcess(), tests, args.verbose)
        t_local = time.perf_counter() - t0
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=20)
            shutil.rmtree(tmp, ignore_errors=True)
    regressions = sorted(k for k in tests_ids(tests) if local[k] == "passed" and http[k] != "passed")
    for name, res, secs in (("timeline-kg over HTTP", http, t_http), ("pyoxigraph in-process", local, t_local)):
        c = summarize(res)
        print(f"{name:24s} passed {c['passed']:4d}  failed {c['failed']:3d}  skipped {c['skipped']:4d}  ({secs:.1f} s)")
    print("skipped by reason:", dict(Counter(t.skip for t in tests if t.skip)))
    print(f"failed through HTTP but passed in-process: {len(regressions)} {regressions}")
    print(f"failed in both: {sorted(k for k in local if local[k] == 'failed' and http[k] == 'failed')}")
    if args.json:
        Path(args.json).write_text(json.dumps({"http": http, "in_process": local}, indent=1))
    return 1 if regressions else 0


def tests_ids(tests: list[Test]) -> list[str]:
    return [t.id for t in tests]


if __name__ == "__main__":
    sys.exit(main())
