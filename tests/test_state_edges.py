"""State edges in the snapshot and the exports: who controlled a place on the day asked, as known at a time.

The seed through the real server and `tkg export`, every export read back by its real parser (networkx,
graphology from npm): Kidal held by the Malian Armed Forces on 20 November 2023, by the rebels on
1 November. A story of our own (a town changing hands twice, three articles from two outlets, ingested
in two runs): as known before the third article, the earlier holder's edge.
"""
from __future__ import annotations

import io
import json
import shutil
import time
from datetime import datetime, timezone

import networkx as nx
import pytest
from conftest import run_tkg
from lxml import etree
from node_js import run_node

from graph.ids import BASE

API = "/api/v1"
KIDAL = "place/2455290"
ARMY, REBELS = "actor/malian-armed-forces", "actor/tuareg-rebels"
TOWN = "place/bulo-burde"
SHABAAB, SOMALI_ARMY = "actor/al-shabaab", "actor/somali-armed-forces"
STORY = [  # (file, outlet, published, title, text): written for this test
    ("b1.json", "Horn Monitor", "2024-02-12T08:00:00Z", "Militants seize Somali town",
     "Al-Shabaab militants captured the central Somali town of Bulo Burde on Sunday after government forces "
     "withdrew, elders said."),
    ("b2.json", "Mogadishu Post", "2024-04-03T12:00:00Z", "Army retakes Bulo Burde",
     "The Somali army recaptured the town of Bulo Burde from al-Shabaab on Tuesday, the defence ministry said. "
     "The militants had controlled the town since February."),
    ("b3.json", "Horn Monitor", "2024-06-20T06:30:00Z", "Al-Shabaab back in Bulo Burde",
     "Al-Shabaab fighters retook the town of Bulo Burde on Wednesday after army units pulled out overnight, "
     "residents said."),
]


def snapshot(client, **params) -> dict:
    r = client.get(f"{API}/graph/snapshot", params={"limit": 10000, **params})
    assert r.status_code == 200, r.text
    return r.json()


def controls(edges, place: str = KIDAL) -> set[str]:
    """Holders of the `controls` edges into `place`, from (source, target, attrs) triples."""
    return {u for u, v, d in edges if v == place and d.get("kind") == "state" and d.get("relation") == "controls"}


def snapshot_edges(body: dict) -> list[tuple]:
    return [(e["source"], e["target"], e) for e in body["edges"]]


def field_of(r) -> str:
    assert r.status_code == 422, r.text
    return r.json()["detail"][0]["field"]


# --- the seed: the snapshot ---

def test_snapshot_has_the_army_controlling_kidal_on_20_november(client):
    body = snapshot(client, at="2023-11-20")
    assert controls(snapshot_edges(body)) == {ARMY}
    edge = next(e for e in body["edges"] if e["kind"] == "state" and e["source"] == ARMY
                and e["relation"] == "controls")
    assert edge["label"] == "controls" and edge["from"] == "2023-11-14" and edge["until"] is None
    assert 0 < edge["confidence"] <= 1 and edge["fact"].startswith(BASE + "fact/") and edge["recorded"]
    ask = client.get("/sparql", params={"query": f"ASK {{ <{edge['fact']}> a <https://w3id.org/timeline-kg/ontology#"
                                                 f"StateFact> ; <https://w3id.org/timeline-kg/ontology#holder> "
                                                 f"<{BASE}{ARMY}> }}"},
                     headers={"Accept": "application/sparql-results+json"})
    assert ask.json()["boolean"] is True  # the edge names the fact it comes from
    nodes = {n["id"]: n for n in body["nodes"]}
    assert nodes[KIDAL]["label"] == "Kidal" and body["edge_count"] == len(body["edges"])


def test_snapshot_has_the_rebels_on_1_november_and_other_relations_labelled(client):
    body = snapshot(client, at="2023-11-01")
    assert controls(snapshot_edges(body)) == {REBELS}
    rebels = next(e for e in body["edges"] if e["source"] == REBELS and e.get("relation") == "controls")
    assert (rebels["from"], rebels["until"]) == ("2023-10-31", "2023-11-14")
    labels = {e["relation"]: e["label"] for e in body["edges"] if e["kind"] == "state"}
    assert labels["inPower"] == "in power" and labels["holdsOffice"].startswith("holds office")
    # the snapshot's states are /api/v1/states's answer for that day, edge for state
    rest = client.get(f"{API}/states", params={"at": "2023-11-01"}).json()["states"]
    assert sorted((s["holder"]["id"], s["relation"], s["object"]["id"]) for s in rest) == sorted(
        (e["source"], e["relation"], e["target"]) for e in body["edges"] if e["kind"] == "state")


def test_states_switch_and_bad_parameters(client):
    on, off = snapshot(client, at="2023-11-20"), snapshot(client, at="2023-11-20", states="false")
    assert not [e for e in off["edges"] if e["kind"] == "state"]
    assert off["edge_count"] < on["edge_count"] and {n["id"] for n in off["nodes"]} <= {n["id"] for n in on["nodes"]}
    assert field_of(client.get(f"{API}/graph/snapshot", params={"at": "2023-11-20", "known_at": "lately"})) == "known_at"
    assert field_of(client.get(f"{API}/export/gexf", params={"at": "2023-11-20", "to": "2023-11-30"})) == "at"
    assert field_of(client.get(f"{API}/export/gexf", params={"at": "2023-11-31"})) == "at"
    plain = client.get(f"{API}/export/graphml").content  # no `at`: no state edges unless asked
    assert b">state<" not in plain and b">state<" in client.get(f"{API}/export/graphml", params={"states": "true"}).content


# --- the seed: the exports, read by their parsers ---

def test_graphml_export_read_by_networkx_and_graphology(client, tmp_path):
    for day, holder, other in (("2023-11-20", ARMY, REBELS), ("2023-11-01", REBELS, ARMY)):
        r = client.get(f"{API}/export/graphml", params={"at": day})
        assert r.status_code == 200, r.text
        g = nx.read_graphml(io.BytesIO(r.content), force_multigraph=True)
        assert controls(g.edges(data=True)) == {holder}, day
        d = next(d for u, v, d in g.edges(data=True) if u == holder and d.get("relation") == "controls")
        assert isinstance(d["confidence"], float) and d["fact"].startswith(BASE + "fact/")
        (tmp_path / "s.graphml").write_bytes(r.content)
        js = run_node("read_graph.mjs", "graphml", str(tmp_path / "s.graphml"))
        edges = [(e["source"], e["target"], e) for e in js["edges"].values()]
        assert controls(edges) == {holder} and other not in controls(edges), day
        assert js["size"] == g.number_of_edges()


def test_gexf_export_spells_span_the_state(client, tmp_path):
    r = client.get(f"{API}/export/gexf", params={"at": "2023-11-01"})
    path = tmp_path / "s.gexf"
    path.write_bytes(r.content)
    ns = {"g": "http://gexf.net/1.3"}
    rebels = [el for el in etree.parse(str(path)).findall(".//g:edge", ns)
              if el.get("source") == REBELS and el.get("target") == KIDAL and el.get("label") == "controls"]
    spell = rebels[0].find("g:spells/g:spell", ns)
    assert (spell.get("start"), spell.get("end")) == ("2023-10-31", "2023-11-14")
    js = run_node("read_graph.mjs", "gexf", str(path))
    assert controls((e["source"], e["target"], e) for e in js["edges"].values()) == {REBELS}
    back = nx.read_gexf(path, version="1.3")
    assert controls(back.edges(data=True)) == {REBELS}


def test_cli_export_at_a_day(seed_store, tmp_path):
    data = tmp_path / "d"
    shutil.copytree(seed_store, data)
    for day, holder in (("2023-11-20", ARMY), ("2023-11-01", REBELS)):
        out = tmp_path / f"{day}.gexf"
        run_tkg("export", "gexf", str(out), "--at", day, "--data", str(data), check=True)
        js = run_node("read_graph.mjs", "gexf", str(out))
        assert controls((e["source"], e["target"], e) for e in js["edges"].values()) == {holder}, day
    run_tkg("export", "node-link", str(tmp_path / "off.json"), "--at", "2023-11-20", "--no-states",
            "--data", str(data), check=True)
    off = nx.node_link_graph(json.loads((tmp_path / "off.json").read_text()), edges="links")
    assert not controls(off.edges(data=True)) and off.number_of_edges() > 0
    for args, flag in ((["--at", "2023-11-20", "--to", "2023-12"], "--at"), (["--at", "11/20"], "--at"),
                       (["--at", "2023-11-20", "--known-at", "soon"], "--known-at")):
        bad = run_tkg("export", "gexf", str(tmp_path / "x.gexf"), *args, "--data", str(data))
        assert bad.returncode == 2 and flag in bad.stderr and "Traceback" not in bad.stderr, bad.stderr


# --- a town that changes hands twice, in three articles from two outlets ---

def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    root = tmp_path_factory.mktemp("hands")
    files = []
    for name, outlet, published, title, text in STORY:
        files.append(root / name)
        files[-1].write_text(json.dumps({"url": f"https://{outlet.replace(' ', '').lower()}.example/{name[:2]}",
                                         "source": outlet, "published": published, "title": title, "text": text}))
    data = root / "data"
    run_tkg("ingest", str(files[0]), str(files[1]), "--data", str(data), check=True)
    time.sleep(0.01)
    between = _now()
    time.sleep(0.01)
    run_tkg("ingest", str(files[2]), "--data", str(data), check=True)
    from sparql_server import ServeProcess

    served = tmp_path_factory.mktemp("hands-served") / "data"
    shutil.copytree(data, served)
    srv = ServeProcess(served)
    yield {"client": srv.client, "data": data, "between": between}
    srv.stop()


def test_story_snapshots_follow_the_town(story):
    c = story["client"]
    for day, holder in (("2024-03-01", SHABAAB), ("2024-05-01", SOMALI_ARMY), ("2024-07-01", SHABAAB)):
        assert controls(snapshot_edges(snapshot(c, at=day)), TOWN) == {holder}, day


def test_known_before_the_third_article_the_earlier_holder(story, tmp_path):
    c = story["client"]
    known = snapshot(c, at="2024-07-01", known_at=story["between"])
    assert controls(snapshot_edges(known), TOWN) == {SOMALI_ARMY} and known["known_at"] == story["between"]
    army = next(e for e in known["edges"] if e.get("relation") == "controls" and e["target"] == TOWN)
    assert army["from"] == "2024-04-02" and army["until"] is None  # not yet closed by what we did not know
    r = c.get(f"{API}/export/graphml", params={"at": "2024-07-01", "known_at": story["between"]})
    g = nx.read_graphml(io.BytesIO(r.content), force_multigraph=True)
    assert controls(g.edges(data=True), TOWN) == {SOMALI_ARMY}
    out = tmp_path / "known.graphml"
    run_tkg("export", "graphml", str(out), "--at", "2024-07-01", "--known-at", story["between"],
            "--data", str(story["data"]), check=True)
    assert controls(nx.read_graphml(out, force_multigraph=True).edges(data=True), TOWN) == {SOMALI_ARMY}
    run_tkg("export", "graphml", str(out), "--at", "2024-07-01", "--data", str(story["data"]), check=True)
    assert controls(nx.read_graphml(out, force_multigraph=True).edges(data=True), TOWN) == {SHABAAB}


def test_python_api_graph_with_states(store_copy):
    import graph

    with graph.open(store_copy) as kg:
        assert controls(kg.graph(end="2023-11-20", states="2023-11-20").edges(data=True)) == {ARMY}
        assert controls(kg.graph(end="2023-11-01", states="2023-11-01").edges(data=True)) == {REBELS}
        assert not controls(kg.graph(end="2023-11-20").edges(data=True))
        assert controls(kg.graph(actor="Malian Armed Forces", states="2023-11-20").edges(data=True)) == {ARMY}
