"""Plain RDF terms for the hot path: an IRI is a `str`, a literal a `Lit`, a blank node a `Blank`.

rdflib's terms are objects with parsing and normalization behind every construction (~10 µs a
literal); an article has ~2,000 triples. Ingest states its triples with these plain values
(graph.rdf.triples.article_triples), checks them (graph.rdf.fastshacl) and writes them as N-Triples
(`term_nt`), and converts from rdflib only where rdflib graphs come in (`from_rdflib`).

    >>> term_nt(Lit('say "hi"\\n'))
    '"say \\\\"hi\\\\"\\\\n"'
    >>> term_nt(Lit("1", "http://www.w3.org/2001/XMLSchema#integer"))
    '"1"^^<http://www.w3.org/2001/XMLSchema#integer>'
"""
from __future__ import annotations

from typing import NamedTuple, Optional, Union


class Lit(NamedTuple):
    """A literal: lexical form, datatype IRI (None: a plain string) and language tag."""
    lex: str
    dt: Optional[str] = None
    lang: Optional[str] = None


class Blank(str):
    """A blank node, as `_:id` (we mint none; graphs converted from rdflib may hold some)."""


Term = Union[str, Lit]  # a plain str is an IRI
Triple = tuple[str, str, Term]


def from_rdflib(t: object) -> Term:
    """The plain term of an rdflib URIRef, BNode or Literal."""
    from rdflib import BNode, Literal

    if isinstance(t, Literal):
        return Lit(str(t), str(t.datatype) if t.datatype is not None else None, t.language)
    if isinstance(t, BNode):
        return Blank("_:" + str(t))
    return str(t)


def quote(s: str) -> str:
    """A string literal as rdflib's N-Triples serializer escapes it (plugins/serializers/nt.py)."""
    return '"' + s.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r") + '"'


def term_nt(o: Term) -> str:
    """A term in N-Triples syntax."""
    if isinstance(o, Lit):
        if o.lang:
            return f"{quote(o.lex)}@{o.lang}"
        return f"{quote(o.lex)}^^<{o.dt}>" if o.dt else quote(o.lex)
    if isinstance(o, Blank):
        return str(o)
    return f"<{o}>"
