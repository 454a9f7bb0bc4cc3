"""SHACL validation of article graphs against ontologies/shapes.ttl (pyshacl)."""
from __future__ import annotations

from functools import lru_cache

from pyshacl import validate as shacl_validate
from rdflib import Graph

from graph.resources import ontology_file


@lru_cache(maxsize=1)
def shapes() -> Graph:
    return Graph().parse(ontology_file("shapes.ttl"), format="turtle")


def validate(graph: Graph) -> tuple[bool, str]:
    """(conforms, report text) for one article graph."""
    conforms, _, text = shacl_validate(graph, shacl_graph=shapes(), inference="none", advanced=False)
    return bool(conforms), str(text)
