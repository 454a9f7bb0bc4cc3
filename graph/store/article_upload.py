"""An article graph written through the Graph Store Protocol (`PUT`/`POST /store?graph=…/id/article/…`),
indexed as `tkg ingest` indexes it.

The timeline reads events through links the writer derives from each article's own triples and keeps in
its graph: day links and day slots (`tkg:beginDay`, `tkg:issuedDay`, `tkg:beginSlot`), the default
timeline's verdict (`tkg:shownSlot`, graph/rdf/shown.py), the page rows (`tkg:row`, graph/store/page_rows.py),
the happening keys (`tkg:happeningKey`) and the near-duplicate band keys (`tkg:lshBand`, graph/rdf/lsh.py).
A graph uploaded by a client states them or not, and those it states may not match its dates and classes
(a graph exported by `GET /store`, its begin edited by hand). So an upload drops whatever derived links it
gives and the store derives them again from the rest (index_writes.with_index, through the stores'
`put_articles`, which also keeps the month counts and states the index marker in an empty store): the
article's graph then holds exactly what an ingest of the same triples leaves. `POST` merges with the graph
the store holds and re-derives over the union (a merge can change an event's date, class or type).
"""
from __future__ import annotations

from typing import Iterable, Protocol

import pyoxigraph as ox

from graph.ids import ONTOLOGY
from graph.rdf.happening_keys import PREDICATE as HAPPENING_KEY
from graph.rdf.lsh import band_keys
from graph.rdf.shown import SHOWN_SLOT
from graph.store.page_rows import ROW

# what the writer derives from an article's other triples (and nothing else states)
DERIVED = frozenset({ONTOLOGY + "beginDay", ONTOLOGY + "issuedDay", ONTOLOGY + "beginSlot", SHOWN_SLOT, ROW,
                     HAPPENING_KEY, ONTOLOGY + "lshBand"})
_MINHASH = ONTOLOGY + "minhash"


def article_text(triples: Iterable[ox.Triple]) -> str:
    """N-Triples of an uploaded article graph without the derived links (each triple once, one a line), with
    the band keys of its signature (with_index derives the others, not these: graph.rdf writes them)."""
    kept = {t for t in triples if t.predicate.value not in DERIVED}
    bands = [f"{t.subject} <{ONTOLOGY}lshBand> {ox.Literal(b)} .\n" for t in kept
             if t.predicate.value == _MINHASH and isinstance(t.object, ox.Literal) for b in band_keys(t.object.value)]
    return "".join(sorted(f"{t} .\n" for t in kept)) + "".join(bands)


class ArticleWriter(Protocol):
    """What `write_article` needs of a store (the embedded `Store` and `RemoteStore` both; typed by what they do,
    since both import this module)."""
    def graph_triples(self, iri: str) -> list: ...
    def put_articles(self, articles: list[tuple[str, str, str]]) -> None: ...
    def drop_graph(self, iri: str) -> None: ...


def write_article(store: ArticleWriter, iri: str, triples: list, replace: bool) -> None:
    """Write an uploaded article graph as ingest writes one (both stores' `write_triples`): PUT replaces it,
    POST re-derives over the union with what the store holds; an empty graph is no graph (as SPARQL stores
    have it), so it is dropped."""
    text = article_text(triples if replace else store.graph_triples(iri) + list(triples))
    if text:
        store.put_articles([(iri, text, "")])
    else:
        store.drop_graph(iri)
