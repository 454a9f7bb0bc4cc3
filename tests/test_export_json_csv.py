"""The JSON export is graphology's format (imported by graphology from npm); CSV carries nodes and edges.

The graphology checks need `npm ci` at the repository root first (package.json pins graphology).
"""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from conftest import run_tkg
from node_js import run_node
from synthetic import make_store, place_id, release

from graph.export.csv_table import NODE_HEAD, write_csv
from graph.export.formats import FORMATS
from graph.export.writing import edge_ids
from graph.view import view

VARIANTS = {"plain": (view.DEFAULT_KINDS, False), "events": (view.KINDS, False), "co": (view.DEFAULT_KINDS, True)}
KIDAL = (18.44, 1.41)  # GeoNames 2455290, to two decimals


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = make_store(tmp_path_factory.mktemp("json-csv") / "data")
    yield s
    release(s)


@pytest.fixture(scope="module", params=list(VARIANTS))
def graph(request, store) -> nx.MultiDiGraph:
    kinds, co = VARIANTS[request.param]
    return view.build(store, kinds=kinds, co_mentions=co)


def imported(path: Path) -> dict:
    """What graphology's `new Graph({multi: true}).import(data)` and `Graph.from(data)` make of `path`."""
    return run_node("import_json.mjs", str(path))


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def near_kidal(row: dict) -> bool:
    return abs(float(row["lat"]) - KIDAL[0]) < 0.01 and abs(float(row["lon"]) - KIDAL[1]) < 0.01


def test_json_is_what_graphology_imports(graph, tmp_path):
    out = tmp_path / "g.json"
    FORMATS["json"].write(graph, out)
    js = imported(out)
    assert (js["order"], js["size"]) == (graph.number_of_nodes(), graph.number_of_edges())
    assert js["declared"]["size"] == graph.number_of_edges() and js["declared"]["multi"] is True
    co = {eid for eid, _, _, d in edge_ids(graph) if d["kind"] == "co_mention"}
    assert js["declared"]["type"] == ("mixed" if co else "directed")
    assert js["declared"]["undirectedSize"] == len(co)
    assert js["attributes"]["name"] == "timeline-kg"
    assert all(js["nodes"][n]["label"] == d["label"] and js["nodes"][n]["kind"] == d["kind"]
               for n, d in graph.nodes(data=True))
    kidal = js["nodes"][place_id("kidal")]
    assert (round(kidal["lat"], 2), round(kidal["lon"], 2)) == KIDAL  # numbers, not strings
    for eid, u, v, d in edge_ids(graph):
        e = js["edges"][eid]
        assert (e["source"], e["target"], e["undirected"]) == (u, v, eid in co)
        assert e["date"] == d["date"] and e["kind"] == d["kind"]


def test_csv_has_the_nodes_then_the_edges(graph, tmp_path):
    FORMATS["csv"].write(graph, tmp_path / "g.csv")
    table = rows((tmp_path / "g.csv").read_text(encoding="utf-8"))
    kinds = [r["row"] for r in table]
    assert kinds == ["node"] * graph.number_of_nodes() + ["edge"] * graph.number_of_edges()
    nodes = {r["id"]: r for r in table if r["row"] == "node"}
    assert {n: (r["kind"], r["label"]) for n, r in nodes.items()} == {
        n: (d["kind"], d["label"]) for n, d in graph.nodes(data=True)}
    assert nodes[place_id("kidal")]["kind"] == "place" and near_kidal(nodes[place_id("kidal")])
    assert all(r["first_seen"] <= r["last_seen"] for r in nodes.values())
    edges = [r for r in table if r["row"] == "edge"]
    assert len({r["id"] for r in edges}) == len(edges)
    assert all(r["source_label"] and r["target_label"] and r["date"] and not r["lat"] for r in edges)


def test_csv_tables_alone(graph, tmp_path):
    for table, count in (("nodes", graph.number_of_nodes()), ("edges", graph.number_of_edges())):
        buf = io.BytesIO()
        write_csv(graph, buf, table)
        got = rows(buf.getvalue().decode("utf-8"))
        assert len(got) == count and "row" not in got[0]
    buf = io.BytesIO()
    write_csv(graph, buf, "nodes")
    assert buf.getvalue().decode().splitlines()[0].split(",")[:len(NODE_HEAD)] == NODE_HEAD
    with pytest.raises(ValueError, match="nodes"):
        write_csv(graph, io.BytesIO(), "vertices")


def test_seed_json_and_csv_from_the_cli(seed_store, tmp_path):
    data = tmp_path / "d"
    shutil.copytree(seed_store, data)
    counts = {}
    for fmt, name in (("json", "seed.json"), ("node-link", "seed.nl.json"), ("csv", "seed.csv")):
        proc = run_tkg("export", fmt, str(tmp_path / name), "--data", str(data), check=True)
        counts[fmt] = tuple(int(x.split()[0]) for x in proc.stdout.split("->")[0].split(","))
    nodes, edges = counts["json"]
    assert nodes > 3 and edges > 3 and counts["csv"] == counts["node-link"] == (nodes, edges)
    js = imported(tmp_path / "seed.json")
    assert (js["order"], js["size"]) == (nodes, edges)
    kidal = next(d for d in js["nodes"].values() if d["label"] == "Kidal")
    assert kidal["kind"] == "place" and abs(kidal["lat"] - KIDAL[0]) < 0.5
    table = rows((tmp_path / "seed.csv").read_text(encoding="utf-8"))
    kidal_row = next(r for r in table if r["row"] == "node" and r["label"] == "Kidal")
    assert kidal_row["kind"] == "place" and near_kidal(kidal_row)
    assert sum(r["row"] == "edge" for r in table) == edges
    back = nx.node_link_graph(json.loads((tmp_path / "seed.nl.json").read_text()), edges="links")
    assert (back.number_of_nodes(), back.number_of_edges()) == (nodes, edges)


def test_http_json_node_link_and_csv_tables(client, tmp_path):
    r = client.get("/api/v1/export/json")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    (tmp_path / "g.json").write_bytes(r.content)
    js = imported(tmp_path / "g.json")
    assert js["size"] > 3 and any(d["label"] == "Kidal" for d in js["nodes"].values())
    nl = client.get("/api/v1/export/node-link")
    assert nl.status_code == 200 and 'filename="timeline-kg.node-link.json"' in nl.headers["content-disposition"]
    back = nx.node_link_graph(nl.json(), edges="links")
    assert (back.number_of_nodes(), back.number_of_edges()) == (js["order"], js["size"])
    nodes = client.get("/api/v1/export/csv", params={"table": "nodes"})
    assert nodes.status_code == 200 and nodes.headers["content-type"].startswith("text/csv")
    assert 'filename="timeline-kg.nodes.csv"' in nodes.headers["content-disposition"]
    kidal = next(r for r in rows(nodes.text) if r["label"] == "Kidal")
    assert kidal["kind"] == "place" and near_kidal(kidal)
    assert len(rows(nodes.text)) == js["order"]
    assert len(rows(client.get("/api/v1/export/csv", params={"table": "edges"}).text)) == js["size"]
    both = rows(client.get("/api/v1/export/csv").text)
    assert len(both) == js["order"] + js["size"] and {r["row"] for r in both} == {"node", "edge"}
    bad = client.get("/api/v1/export/csv", params={"table": "vertices"})
    assert bad.status_code == 422 and bad.json()["error"] == "invalid request"
    assert bad.json()["detail"][0]["field"] == "table"
