"""GraphML that Gephi imports without loss, read back by networkx."""
from __future__ import annotations

import io

import networkx as nx
from conftest import run_tkg
from lxml import etree

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


def test_cli_graphml_reads_back_with_networkx(seed_store, tmp_path):
    import shutil

    data = tmp_path / "d"
    shutil.copytree(seed_store, data)
    out = tmp_path / "seed.graphml"
    proc = run_tkg("export", "graphml", str(out), "--data", str(data), check=True)
    nodes, edges = (int(x.split()[0]) for x in proc.stdout.split("->")[0].split(","))
    g = nx.read_graphml(out, force_multigraph=True)
    assert g.number_of_nodes() == nodes > 3 and g.number_of_edges() == edges > 3
    labels = nx.get_node_attributes(g, "label")
    assert "Kidal" in labels.values() and "MINUSMA" in labels.values()
    assert all(labels.get(n) for n in g.nodes)
    kinds = nx.get_node_attributes(g, "kind")
    assert {"actor", "place"} <= set(kinds.values())
    kidal = next(n for n, lab in labels.items() if lab == "Kidal")
    assert abs(g.nodes[kidal]["lat"] - 18.44) < 0.5


def test_http_graphml_named_keys_and_unique_edge_ids(client):
    r = client.get("/api/v1/export/graphml")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/graphml+xml")
    doc = etree.parse(io.BytesIO(r.content))
    key_ids = [k.get("id") for k in doc.findall("g:key", NS)]
    assert "label" in key_ids and not any(k.startswith("d") and k[1:].isdigit() for k in key_ids)
    edge_ids = [e.get("id") for e in doc.iter("{%s}edge" % NS["g"])]
    assert edge_ids and len(edge_ids) == len(set(edge_ids)) and all(edge_ids)
    g = nx.read_graphml(io.BytesIO(r.content), force_multigraph=True)
    assert g.number_of_edges() == len(edge_ids)
    for _, _, d in g.edges(data=True):
        assert d["date"][:4] in {"2012", "2014", "2020", "2023"} and d["article"]
