"""Exports read back by third-party parsers: networkx, and graphology (npm) as Gephi Lite uses.

The node checks need `npm ci` at the repository root first (package.json pins the parsers).
"""
from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from conftest import run_tkg
from lxml import etree
from node_js import run_node
from synthetic import actor_id, make_store, place_id, release

from graph.export.formats import FORMATS, write_gexf, write_graphml
from graph.export.writing import edge_ids
from graph.view import view

GEXF = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
GRAPHML = {"g": "http://graphml.graphdrawing.org/xmlns"}
VARIANTS = {"plain": (view.DEFAULT_KINDS, False), "events": (view.KINDS, False), "co": (view.DEFAULT_KINDS, True)}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = make_store(tmp_path_factory.mktemp("exports") / "data")
    yield s
    release(s)


@pytest.fixture(scope="module", params=list(VARIANTS))
def graph(request, store) -> nx.MultiDiGraph:
    kinds, co = VARIANTS[request.param]
    return view.build(store, kinds=kinds, co_mentions=co)


def graphology(fmt: str, path: Path) -> dict:
    """What graphology-graphml / graphology-gexf read from `path` (tests/js/read_graph.mjs)."""
    return run_node("read_graph.mjs", fmt, str(path))


def edge_keys(g: nx.MultiDiGraph) -> set[str]:
    """The ids the exports give the edges (view keys, made unique per file)."""
    ids = {eid for eid, *_ in edge_ids(g)}
    assert len(ids) == g.number_of_edges()
    return ids


def test_graphml_networkx_and_graphology_read_all_of_it(graph, tmp_path):
    out = tmp_path / "g.graphml"
    write_graphml(graph, out)
    back = nx.read_graphml(out, force_multigraph=True)
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert {n: d["label"] for n, d in back.nodes(data=True)} == {n: d["label"] for n, d in graph.nodes(data=True)}
    kidal = back.nodes[place_id("kidal")]
    assert isinstance(kidal["lat"], float) and abs(kidal["lon"] - 1.41) < 0.01  # coordinates as numbers
    doc = etree.parse(str(out))
    assert not any(k.get("id").startswith("d") and k.get("id")[1:].isdigit() for k in doc.findall("g:key", GRAPHML))
    js = graphology("graphml", out)
    assert (js["order"], js["size"]) == (graph.number_of_nodes(), graph.number_of_edges())
    assert set(js["edges"]) == edge_keys(graph)  # every edge, under its own id
    assert all(js["nodes"][n]["label"] == d["label"] for n, d in graph.nodes(data=True))


def test_gexf_is_dynamic_with_spells_and_colours(graph, tmp_path):
    out = tmp_path / "g.gexf"
    write_gexf(graph, out)
    doc = etree.parse(str(out))
    root, g = doc.getroot(), doc.find("g:graph", GEXF)
    assert root.get("version") == "1.3" and (g.get("mode"), g.get("timeformat")) == ("dynamic", "date")
    nodes, edges = doc.findall(".//g:nodes/g:node", GEXF), doc.findall(".//g:edges/g:edge", GEXF)
    assert (len(nodes), len(edges)) == (graph.number_of_nodes(), graph.number_of_edges())
    spans = {}
    for el in nodes:
        spell = el.find("g:spells/g:spell", GEXF)
        assert spell is not None and spell.get("start") <= spell.get("end")
        spans[el.get("id")] = (spell.get("start"), spell.get("end"))
        assert el.find("viz:color", GEXF) is not None
    for el in edges:
        spell = el.find("g:spells/g:spell", GEXF)
        d = graph.get_edge_data(el.get("source"), el.get("target"))
        assert spell.get("start") in {x["date"] for x in d.values()}
        for end in (el.get("source"), el.get("target")):  # a node is on screen whenever its edges are
            assert spans[end][0] <= spell.get("start") and spell.get("end") <= spans[end][1]
    js = graphology("gexf", out)
    assert (js["order"], js["size"]) == (graph.number_of_nodes(), graph.number_of_edges())
    assert set(js["edges"]) == edge_keys(graph)
    colours = {d["kind"]: js["nodes"][n]["color"] for n, d in graph.nodes(data=True)}
    assert len(set(colours.values())) == len(colours)  # one colour per kind
    back = nx.read_gexf(out, version="1.3")
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert all(back.nodes[n]["label"] == d["label"] and back.nodes[n]["spells"] for n, d in graph.nodes(data=True))


def test_node_link_reads_back_with_networkx(graph, tmp_path):
    FORMATS["node-link"].write(graph, tmp_path / "g.json")
    back = nx.node_link_graph(json.loads((tmp_path / "g.json").read_text()), edges="links")
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert back.nodes[actor_id("csp")]["label"] == "Permanent Strategic Framework"


def test_awkward_text_survives_both_xml_formats(tmp_path):
    g = nx.MultiDiGraph()
    label = 'Ansar & "Dine" <north>\nline two\x07'
    g.add_node("actor/a", label=label, kind="actor")
    g.add_node("actor/b", label="Ségou – Mopti’s", kind="actor")
    g.add_edge("actor/a", "actor/b", key="e", label="a→b", date="2023-10-01", end="2023-10-01")
    g.add_edge("actor/b", "actor/a", key="e", label="same key, other pair", date="2023-10-02", end="2023-10-02")
    for fmt, write in (("graphml", write_graphml), ("gexf", write_gexf)):
        write(g, tmp_path / f"x.{fmt}")
        js = graphology(fmt, tmp_path / f"x.{fmt}")
        assert js["size"] == 2 and len(set(js["edges"])) == 2  # a repeated key still gives two edges
        assert js["nodes"]["actor/a"]["label"] == label.replace("\x07", "")
        assert js["nodes"]["actor/b"]["label"] == "Ségou – Mopti’s"


def test_cli_exports_match_the_view(tmp_path, store):
    store.flush()  # the CLI opens a store itself, and this one is open: hand it a copy
    copy = tmp_path / "copy"
    shutil.copytree(store.path, copy, ignore=shutil.ignore_patterns("LOCK"))
    g = view.build(store)
    for fmt in FORMATS:
        out = tmp_path / f"story.{fmt}"
        proc = run_tkg("export", fmt, str(out), "--data", str(copy), check=True)
        assert proc.stdout.strip().startswith(f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
        assert out.stat().st_size > 0
    proc = run_tkg("export", "gexf", str(tmp_path / "oct.gexf"), "--from", "2023-10-01", "--to", "2023-10-31",
                   "--data", str(copy), check=True)
    nodes = int(proc.stdout.split()[0])
    assert nodes == view.build(store, date(2023, 10, 1), date(2023, 10, 31)).number_of_nodes() < g.number_of_nodes()
    bad = run_tkg("export", "gexf", str(tmp_path / "x.gexf"), "--from", "2023-11-01", "--to", "2023-10-01",
                  "--data", str(copy))
    assert bad.returncode == 2 and "--from" in bad.stderr


def test_seed_exports_read_by_graphology(seed_store, tmp_path):
    data = tmp_path / "d"
    shutil.copytree(seed_store, data)
    for fmt in ("graphml", "gexf"):
        out = tmp_path / f"seed.{fmt}"
        proc = run_tkg("export", fmt, str(out), "--data", str(data), "--events", check=True)
        nodes, edges = (int(x.split()[0]) for x in proc.stdout.split("->")[0].split(","))
        js = graphology(fmt, out)
        assert (js["order"], js["size"]) == (nodes, edges) and nodes > 0
        assert all(d.get("label") for d in js["nodes"].values())
