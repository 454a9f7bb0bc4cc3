"""The actors a store knows, by name: what ingest matches a new article's actors against (graph.ingest.identity).

One query over the shared entities graph (where every actor's label, altLabels and classes live, see DESIGN.md):
each actor's IRI, its label, whether it is a person, and its other names."""
from __future__ import annotations

from typing import Iterator

from graph.ids import ENTITIES_GRAPH

ACTOR_NAMES_QUERY = f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX schema: <https://schema.org/>
SELECT ?a ?name ?main ?person WHERE {{
  GRAPH <{ENTITIES_GRAPH}> {{
    ?a a sem:Actor .
    {{ ?a rdfs:label ?name BIND(true AS ?main) }} UNION {{ ?a skos:altLabel ?name }}
    BIND(EXISTS {{ ?a a schema:Person }} AS ?person)
  }}
}}"""


def known_actors(store) -> Iterator[tuple[str, str, bool, list[str]]]:
    """(IRI, label, is a person, other names) of every actor in `store`."""
    actors: dict[str, tuple[list[str], list[str], bool]] = {}
    for row in store.ox_query(ACTOR_NAMES_QUERY):
        iri, name = row["a"].value, row["name"].value
        person = row["person"] is not None and row["person"].value in ("true", "1")
        labels, alts, _ = actors.setdefault(iri, ([], [], person))
        (labels if row["main"] is not None else alts).append(name)
    for iri, (labels, alts, person) in actors.items():
        names = sorted(labels) + sorted(alts)  # sorted: the same label whatever order the store answers in
        yield iri, names[0], person, names[1:]
