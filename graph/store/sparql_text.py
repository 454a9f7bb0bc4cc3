"""What every query module of the store shares: the prefixes, quoting, names as filters compare them, and
the error of a parameter that cannot go into a query."""
from __future__ import annotations

PREFIXES = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX tkg: <https://w3id.org/timeline-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


class QueryError(ValueError):
    """A parameter that cannot go into a query; `field` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


_APOSTROPHES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'"})


def normal_name(name: str) -> str:
    """A name as filters compare it: spaces collapsed, lower case, apostrophes straight."""
    return " ".join(name.split()).lower().translate(_APOSTROPHES)
