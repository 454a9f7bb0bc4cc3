"""Shared fixtures: the seed, a store ingested by the real CLI, a real HTTP server."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = next(SEEDS.glob("*.txt"))
SHARED = ROOT.parent / "shared"
TKG = [sys.executable, "-m", "graph"]


def run_tkg(*args: str, check: bool = False, **kw) -> subprocess.CompletedProcess:
    """Run the real `tkg` command line in a subprocess."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    proc = subprocess.run([*TKG, *args], capture_output=True, text=True, env=env, timeout=600, **kw)
    if check and proc.returncode != 0:
        raise AssertionError(f"tkg {' '.join(args)} -> {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> Path:
    """A store holding the seed, ingested by `tkg ingest` (read-only for tests: copy to modify)."""
    data = tmp_path_factory.mktemp("seed-store") / "data"
    run_tkg("ingest", str(SEEDS), "--data", str(data), check=True)
    return data


@pytest.fixture
def store_copy(seed_store, tmp_path) -> Path:
    dest = tmp_path / "data"
    shutil.copytree(seed_store, dest)
    return dest


@pytest.fixture(scope="session")
def server(tmp_path_factory, seed_store):
    data = tmp_path_factory.mktemp("served") / "data"
    shutil.copytree(seed_store, data)
    from sparql_server import ServeProcess  # imported here: it imports this module

    srv = ServeProcess(data)
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def client(server):
    with httpx.Client(base_url=server.url, timeout=60) as c:
        yield c


def article_graphs(store) -> dict[str, "object"]:
    """Each article graph of a pyoxigraph store, as an rdflib Graph with the descriptions of the
    actors and places it names (from the shared entities graph): what the shapes validate."""
    import pyoxigraph as ox
    from rdflib import Graph, URIRef

    from graph.ids import ENTITIES_GRAPH, is_article_graph

    entities = Graph()
    ent = ox.NamedNode(ENTITIES_GRAPH)
    if store.contains_named_graph(ent):
        entities.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ent).decode(), format="nt")
    out = {}
    for g in store.named_graphs():
        if not is_article_graph(g.value):  # entities, happenings, corrections, the time index's counts
            continue
        graph = Graph(identifier=URIRef(g.value))
        graph.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g).decode(), format="nt")
        named = {o for o in graph.objects() if isinstance(o, URIRef)}
        for s, p, o in entities:
            if s in named or str(s).rsplit("/geometry", 1)[0] in {str(n) for n in named}:
                graph.add((s, p, o))
        out[g.value] = graph
    return out


@pytest.fixture(scope="session")
def sahel_store(tmp_path_factory) -> Path:
    """The seed and docs/data/sahel-articles.jsonl (four short articles of our own: a raid with 12 dead, a
    clash, a protest, a drone strike), ingested by `tkg ingest` (read-only for tests: copy to modify)."""
    data = tmp_path_factory.mktemp("sahel-store") / "data"
    run_tkg("ingest", str(SEEDS), str(ROOT / "docs" / "data" / "sahel-articles.jsonl"), "--data", str(data), check=True)
    return data
