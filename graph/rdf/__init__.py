"""Extraction -> RDF: the article's triples (triples.py), plain terms, and the SHACL check (fast, pyshacl as judge)."""
