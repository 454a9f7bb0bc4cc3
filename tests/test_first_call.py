"""A timeline page in a fresh process pays for what it reads, not for loading a graph library:
the rows' CAMEO type labels are read by pyoxigraph's parser (graph/extract/events/cameo.py), so
`tkg timeline`, a notebook or a worker's first page does not import rdflib (90 ms of CPU on every
store size, most of a first call's cost at 1k articles: docs/scale.md, "Session 9")."""
from __future__ import annotations

import json
import subprocess
import sys

from rdflib import Graph
from rdflib.namespace import SKOS

from graph.extract.events.cameo import labels
from graph.resources import ontology_file

FIRST_PAGE = """
import json, sys
from graph.store.embedded import Store
from graph.store import queries
rows = queries.timeline(Store(sys.argv[1]), limit=50)
print(json.dumps({"rdflib": "rdflib" in sys.modules, "types": sorted({(r["type"], r["type_label"]) for r in rows if r["type"]})}))
"""


def test_the_labels_are_the_skos_schemes():
    g = Graph().parse(ontology_file("cameo.ttl"), format="turtle")
    expected = {str(code): str(g.value(c, SKOS.prefLabel)) for c, code in g.subject_objects(SKOS.notation)}
    assert labels() == expected and len(expected) > 20


def test_a_fresh_process_reads_a_page_without_rdflib(seed_store):
    out = subprocess.run([sys.executable, "-c", FIRST_PAGE, str(seed_store)], capture_output=True, text=True,
                         check=True, timeout=120)
    got = json.loads(out.stdout)
    assert got["types"], "the seed's first page shows typed events"
    assert all(label == labels()[code] for code, label in got["types"])
    assert got["rdflib"] is False
