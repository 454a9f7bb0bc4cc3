"""`tkg ingest --cluster`: extraction on a real Dask LocalCluster gives the very triples a local ingest gives."""
from __future__ import annotations

import json
import shutil

import pyoxigraph as ox
import pytest
from conftest import SEED, SHARED, run_tkg

distributed = pytest.importorskip("distributed")


GENERATED = "http://www.w3.org/ns/prov#generatedAtTime"


def quads(data) -> list[str]:
    """The store's quads, each record time (when that run committed the article) written as RECORDED: two runs
    learn the same things at different times."""
    store = ox.Store(str(data))
    return sorted(str(q) if q.predicate.value != GENERATED else f"{q.subject} <{GENERATED}> RECORDED {q.graph_name}"
                  for q in store)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("cluster-in")
    shutil.copy(SEED, d / SEED.name)
    rows = [json.loads(line) for line in (SHARED / "eval" / "meantime-dev.jsonl").read_text().splitlines()[:5]]
    with (d / "eval.jsonl").open("w") as f:
        for r in rows:
            f.write(json.dumps({"url": f"https://wikinews.example.org/{r['id']}", "title": r["title"],
                                "published": r["dct"], "text": r["text"]}) + "\n")
        # a wire copy of the first one, on another site
        r = rows[0]
        f.write(json.dumps({"url": "https://copies.example.org/1", "title": r["title"], "published": r["dct"],
                            "text": "(AFP) " + r["text"] + " Copyright AFP."}) + "\n")
    (d / "empty.txt").write_text("")
    return d


def test_cluster_ingest_equals_local_ingest(tmp_path, corpus):
    local = tmp_path / "local"
    proc = run_tkg("ingest", str(corpus), "--data", str(local), "--batch-size", "2")
    assert proc.returncode == 2 and "empty.txt: empty file" in proc.stderr  # reported, the rest ingested
    assert "1 near-duplicate linked" in proc.stdout
    summary = proc.stdout.strip().splitlines()[-1].split(" triples")[0]
    expected = quads(local)
    assert len(expected) > 1000

    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = tmp_path / "remote"
        proc = run_tkg("ingest", str(corpus), "--data", str(remote), "--cluster", cluster.scheduler_address,
                       "--batch-size", "2")  # several chunks, so both workers get some
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
        assert proc.stdout.strip().splitlines()[-1].split(" triples")[0] == summary
        with distributed.Client(cluster) as client:  # each worker loaded the spaCy pipeline exactly once
            loads = client.run(_model_loads)
    assert quads(remote) == expected
    assert len(loads) == 2 and all(n == 1 for n in loads.values()), loads


def _model_loads() -> int:
    from graph.extract.nlp import load_nlp

    return load_nlp.cache_info().misses


def test_unreachable_scheduler_is_a_clear_error(tmp_path, corpus):
    proc = run_tkg("ingest", str(corpus / SEED.name), "--data", str(tmp_path / "d"),
                   "--cluster", "tcp://127.0.0.1:9")
    assert proc.returncode == 2 and "cannot reach the Dask scheduler" in proc.stderr
    assert "Traceback" not in proc.stderr
