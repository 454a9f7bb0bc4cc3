"""HTTP content negotiation with q-values (RFC 9110 §12.5.1)."""
from __future__ import annotations

from typing import Optional


def parse_accept(header: str) -> list[tuple[str, float]]:
    """`a/b;q=0.5, c/*` -> [("c/*", 1.0), ("a/b", 0.5)], best first, stable."""
    items = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        items.append((media, q, i))
    items.sort(key=lambda t: (-t[1], t[2]))
    return [(m, q) for m, q, _ in items]


def _matches(pattern: str, media: str) -> bool:
    if pattern in ("*/*", media):
        return True
    return pattern.endswith("/*") and media.split("/")[0] == pattern[:-2]


def choose(accept: Optional[str], offered: list[str]) -> Optional[str]:
    """The offered media type the client likes best; offered[0] when it sends no Accept."""
    if not accept or not accept.strip():
        return offered[0]
    best: Optional[str] = None
    best_q = 0.0
    for media in offered:
        q = max((q for pat, q in parse_accept(accept) if _matches(pat, media)), default=0.0)
        # an exact mention beats a wildcard at the same q
        exact = any(pat == media for pat, _ in parse_accept(accept))
        if q > best_q or (q == best_q and q > 0 and exact and best is not None
                          and not any(pat == best for pat, _ in parse_accept(accept))):
            best, best_q = media, q
    return best


# ---------------------------------------------------------------- SPARQL media types
# media type -> writer name in api/query_worker.py; canonical types first (offered[0] is the
# default when the client sends no Accept), then aliases that common clients send.
RESULT_MEDIA = {
    "application/sparql-results+json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
    "application/json": "JSON",  # SPARQLWrapper, browsers
    "application/xml": "XML",
    "text/xml": "XML",
}
GRAPH_MEDIA = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
    "application/n-quads": "N_QUADS",
    "application/x-turtle": "TURTLE",
    "application/turtle": "TURTLE",
    "text/n3": "TURTLE",  # Turtle is N3 without the extensions
    "text/rdf+n3": "TURTLE",
    "text/plain": "N_TRIPLES",
    "application/json": "JSON_LD",
}
SHORT_NAMES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
               "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
               "ttl": "text/turtle", "nt": "application/n-triples", "ntriples": "application/n-triples",
               "n-triples": "application/n-triples", "jsonld": "application/ld+json", "json-ld": "application/ld+json",
               "rdfxml": "application/rdf+xml", "rdf": "application/rdf+xml", "nquads": "application/n-quads",
               "nq": "application/n-quads"}
# `format=json` on a CONSTRUCT means JSON-LD, `format=xml` RDF/XML
_GRAPH_SHORT = {"json": "application/ld+json", "xml": "application/rdf+xml"}


def pick(accept: Optional[str], fmt: Optional[str], table: dict[str, str],
         graph: bool = False) -> Optional[tuple[str, str]]:
    """(media type, writer name) for a response, or None if the client accepts none of `table`.

    `fmt` (the `format=` parameter, a short name or a media type) wins over Accept.
    """
    if fmt:
        f = fmt.strip().lower()
        media = (_GRAPH_SHORT.get(f) if graph else None) or SHORT_NAMES.get(f, f)
        return (media, table[media]) if media in table else None
    media = choose(accept, list(table))
    return (media, table[media]) if media else None
