"""`tkg query` and `tkg export` on the --data a running `tkg serve` holds (the two-terminal
workflow), and the command line's answers to a missing store, `-` and updates."""
from __future__ import annotations

import csv
import io
import shutil

import networkx as nx
import pytest
from conftest import run_tkg
from sparql_server import AUTH, TOKEN, ServeProcess

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> }"
MARK = "<https://example.org/cli-test> <https://example.org/p> \"written through /update\""


@pytest.fixture(scope="module")
def served(seed_store, tmp_path_factory):
    data = tmp_path_factory.mktemp("beside") / "data"
    shutil.copytree(seed_store, data)
    srv = ServeProcess(data, env={"TKG_TOKEN": TOKEN})
    yield srv, data
    srv.stop()


def _count(proc) -> int:
    assert proc.returncode == 0, proc.stderr
    return int(list(csv.reader(io.StringIO(proc.stdout)))[1][0])


def test_query_beside_a_running_server(served):
    srv, data = served
    over_http = srv.client.get("/sparql", params={"query": COUNT}).json()["results"]["bindings"][0]["n"]["value"]
    proc = run_tkg("query", COUNT, "--format", "csv", "--data", str(data))
    assert _count(proc) == int(over_http) > 10
    assert "in use" not in proc.stderr
    assert not (data.parent / "data.readers").exists()  # the reader's pinned checkpoint is gone with it


def test_query_sees_a_write_made_through_the_server(served):
    srv, data = served
    r = srv.client.post("/update", data={"update": f"INSERT DATA {{ GRAPH <https://example.org/g> {{ {MARK} }} }}"},
                        headers=AUTH)
    assert r.status_code in (200, 204), r.text
    proc = run_tkg("query", "SELECT (COUNT(*) AS ?n) WHERE { <https://example.org/cli-test> ?p ?o }",
                   "--format", "csv", "--data", str(data))
    assert _count(proc) == 1 and "behind" not in proc.stderr


def test_export_beside_a_running_server(served, tmp_path):
    srv, data = served
    over_http = nx.read_graphml(io.BytesIO(srv.client.get("/api/v1/export/graphml").content), force_multigraph=True)
    out = tmp_path / "seed.graphml"
    proc = run_tkg("export", "graphml", str(out), "--data", str(data))
    assert proc.returncode == 0, proc.stderr
    g = nx.read_graphml(out, force_multigraph=True)
    assert (g.number_of_nodes(), g.number_of_edges()) == (over_http.number_of_nodes(), over_http.number_of_edges())
    assert g.number_of_nodes() > 5 and proc.stdout.startswith(f"{g.number_of_nodes()} nodes")


def test_export_to_stdout(served):
    _, data = served
    proc = run_tkg("export", "gexf", "-", "--data", str(data), "--from", "2023", "--to", "2023-11")
    assert proc.returncode == 0, proc.stderr
    g = nx.read_gexf(io.BytesIO(proc.stdout.encode()))
    assert g.number_of_nodes() > 5
    assert proc.stderr.strip().endswith("edges -> stdout") and "edges -> " not in proc.stdout
    assert not (data.parent / "-").exists()


@pytest.mark.parametrize("command", [("query", COUNT), ("export", "graphml", "out.graphml"), ("serve",)])
def test_a_store_that_does_not_exist_is_an_error(command, tmp_path):
    missing = tmp_path / "no-such-store"
    proc = run_tkg(*command, "--data", str(missing), cwd=tmp_path)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert len(proc.stderr.strip().splitlines()) == 1 and str(missing) in proc.stderr and "no such store" in proc.stderr
    assert not missing.exists() and not (tmp_path / "out.graphml").exists()


def test_a_directory_without_a_store_is_an_error(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = run_tkg("query", COUNT, "--data", str(empty))
    assert proc.returncode == 2 and "not a store" in proc.stderr and not any(empty.iterdir())


def test_an_update_through_query_says_where_updates_go(served):
    _, data = served
    proc = run_tkg("query", "PREFIX ex: <https://example.org/>\nDELETE WHERE { ?s ex:p ?o }", "--data", str(data))
    assert proc.returncode == 2 and "read-only" in proc.stderr and "/update" in proc.stderr
    assert "CONSTRUCT" not in proc.stderr and "Traceback" not in proc.stderr


def test_demo_and_serve_help_show_host_and_port():
    for cmd in ("demo", "serve"):
        text = run_tkg(cmd, "--help", check=True).stdout
        assert "--port" in text and "Port (default 8000" in text and "--host" in text and "Interface" in text
