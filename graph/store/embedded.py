"""The on-disk store: an rdflib Dataset on the Oxigraph engine (oxrdflib).

One named graph per article, written atomically: a first write through pyoxigraph's
bulk loader (all of a chunk's files added to RocksDB at once), a replacement by one SPARQL
update that drops and inserts it (Oxigraph runs an update in one transaction). Queries see the union of all
graphs as the default graph. The store knows no graph library.
"""
from __future__ import annotations

import gc
import logging
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

import pyoxigraph as ox

if TYPE_CHECKING:  # rdflib is loaded on first use: the server never needs it to start
    from rdflib import Dataset, Graph
    from rdflib.query import Result

from graph.ids import ENTITIES_GRAPH, INDEX_GRAPH, ONTOLOGY, is_article_graph
from graph.settings import default_path
from graph.store import article_upload, index_fold
from graph.store import index_writes as iw
from graph.store.errors import StoreError, StoreLocked

REVISION_FILE = "tkg-revision"  # a counter next to the RocksDB files (RocksDB ignores names it did not make)

log = logging.getLogger(__name__)


def _nquads(articles: list[tuple[str, str, str]]) -> str:
    """The articles' N-Triples (one triple a line) as N-Quads in their graphs and the entities graph."""
    out = []
    for iri, own, shared in articles:
        for text, graph in ((own, iri), (shared, ENTITIES_GRAPH)):
            out.append(_in_graph(text, f" <{graph}> .\n"))
    return "".join(out)


def _in_graph(text: str, tail: str) -> str:
    """N-Triples lines with ` <graph> .` for ` .`: one str.replace when every line ends in " .\n" (as
    graph.rdf.triples.ntriples writes them; a literal's newlines are escaped, so " .\n" ends a triple), else
    line by line (blank lines, trailing spaces)."""
    if text and not text.endswith("\n"):
        text += "\n"
    if text.count("\n") == text.count(" .\n"):
        return text.replace(" .\n", tail)
    return "".join(line.rstrip()[:-1].rstrip() + tail for line in text.split("\n") if line.strip())


class Store:
    """A persistent quad store holding one named graph per article."""

    remote = False  # see graph.store.remote.RemoteStore

    def __init__(self, path: Optional[Path] = None) -> None:
        self.path = Path(path) if path else default_path()
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self.ox = ox.Store(str(self.path))
        except OSError as e:
            if "lock" in str(e).lower():
                raise StoreLocked(f"cannot open store {self.path}: it is in use by another process "
                                  "(is `tkg serve` running on it?)") from None
            raise StoreError(f"cannot open store {self.path}: {e}") from None
        # called after every write (the server takes a checkpoint there: graph/store/checkpoints.py)
        self.after_write: list[Callable[[], None]] = []

    @cached_property
    def dataset(self) -> Dataset:
        """The store as an rdflib Dataset (oxrdflib), its default graph the union of all graphs."""
        from oxrdflib import OxigraphStore
        from rdflib import Dataset

        return Dataset(store=OxigraphStore(store=self.ox), default_union=True)

    @property
    def location(self) -> str:
        """What identifies this store (for caches and messages): its absolute directory."""
        return str(self.path.resolve())

    def put_graph(self, iri: str, graph: Graph) -> int:
        """Replace the article graph `iri` with `graph`, atomically (its actors' and places'
        descriptions go to the entities graph, see `put_articles`). Returns its triple count."""
        from graph.rdf.triples import split_shared  # here: graph.rdf pulls in the extraction package (spaCy)

        own, shared = split_shared(graph)
        self.put_articles([(iri, own.serialize(format="nt"), shared.serialize(format="nt"))])
        return len(graph)

    def put_articles(self, articles: list[tuple[str, str, str]]) -> None:
        """For each (article IRI, its own N-Triples, what it says of actors and places): replace the
        article's graph and add the descriptions to the entities graph, all in one transaction, with
        the time index's counts (graph/store/index_writes.py)."""
        articles = [(iri, iw.with_index(own), shared) for iri, own, shared in articles]
        tok, links = iw.token(), iw.links(own for _, own, _ in articles)
        marker, stale = self._index_state()
        if not any(self.ox.contains_named_graph(ox.NamedNode(iri)) for iri, _, _ in articles):
            # nothing to replace (a first ingest): the bulk loader writes sorted RocksDB files and adds
            # them in one IngestExternalFiles call, all or nothing (pyoxigraph >= 0.5.1 loads atomically
            # unless asked not to; a parse error writes nothing). 5.2 against 12.8 ms of CPU per article
            # for a transaction that checks every quad and index entry first (measured, bench/ingest.py).
            # What the chunk adds to the counts rides in the same load; the fold is the next transaction.
            quads = _nquads(articles) + index_fold.pending_quads(links, tok) + (iw.MARKER_QUAD if marker else "")
            self.ox.bulk_load(quads.encode(), format=ox.RdfFormat.N_QUADS)
            with index_fold.LOCK:
                fold = iw.RECOUNT if stale else index_fold.fold_update(self.ox, self._pending([(tok, links)]))
                if fold:
                    self.ox.update(fold)
            self._bump_revision()
            return
        drops = [f"DROP SILENT GRAPH <{iri}>" for iri, _, _ in articles]
        graphs = [f"GRAPH <{iri}> {{\n{own}\n}}" for iri, own, _ in articles]
        shared = "\n".join(nt for _, _, nt in articles if nt.strip())
        if shared:
            graphs.append(f"GRAPH <{ENTITIES_GRAPH}> {{\n{shared}\n}}")
        self.maintain(iw.join(iw.from_graphs([iri for iri, _, _ in articles], tok, -1), *drops,
                              "INSERT DATA {\n" + "\n".join(graphs) + "\n}", iw.delta_data(links, tok),
                              iw.MARKER if marker else "", iw.RECOUNT if stale else iw.fold(tok)))
        if not stale and not getattr(self, "_leftovers_folded", False):
            self._fold_leftovers()

    def _index_state(self) -> tuple[bool, bool]:
        """(whether this write states the index marker: the first write into an empty store; whether an
        update left the counts stale, so this write recounts them)."""
        i = ox.NamedNode(INDEX_GRAPH)
        marked = any(True for _ in self.ox.quads_for_pattern(i, ox.NamedNode(ONTOLOGY + "timeIndexVersion"), None, i))
        empty = not marked and not any(is_article_graph(g.value) for g in self.ox.named_graphs())
        stale = any(True for _ in self.ox.quads_for_pattern(i, ox.NamedNode(ONTOLOGY + "countsStale"), None, i))
        return empty, stale

    def _pending(self, mine: list) -> list:
        """This write's pending counts, with those a crash left (looked for at this object's first write)."""
        if getattr(self, "_leftovers_folded", False):
            return mine
        self._leftovers_folded = True
        return mine + [p for p in index_fold.leftovers(self.ox) if p[0] not in {t for t, _ in mine}]

    def _fold_leftovers(self) -> None:
        with index_fold.LOCK:
            fold = index_fold.fold_update(self.ox, self._pending([]))
            if fold:
                self.ox.update(fold)

    def query(self, sparql: str) -> Result:
        """Run a SPARQL query over the union of the article graphs."""
        return self.dataset.query(sparql)

    def ox_query(self, sparql: str, union: bool = True, **kwargs: object) -> object:
        """Run a query on the Oxigraph engine itself (native result objects, for serializers)."""
        return self.ox.query(sparql, use_default_graph_as_union=union, **kwargs)

    def triple_count(self) -> int:
        """Quads in all named graphs but the time index's (a full count: not for hot paths)."""
        res = self.ox.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{INDEX_GRAPH}>) }}")
        return int(next(iter(res))["n"].value)

    def graph_count(self) -> int:
        """Article graphs (the shared entities, happenings, corrections and time-index graphs are no articles)."""
        return sum(1 for g in self.ox.named_graphs() if is_article_graph(g.value))

    def flush(self) -> None:
        self.ox.flush()

    def close(self) -> None:
        self.ox.flush()
        had_dataset = self.__dict__.pop("dataset", None) is not None
        del self.ox
        if had_dataset:  # rdflib's Dataset sits in reference cycles: RocksDB stays open (and locked) until
            gc.collect()  # they are collected, and reopening the directory in this process would fail

    # --- SPARQL Update, Graph Store Protocol, checkpoints (used by api/) ---

    def update(self, sparql: str, base_iri: Optional[str] = None) -> None:
        """Run a SPARQL 1.1 Update on the Oxigraph engine, in one transaction; relative IRIs
        resolve against `base_iri`.

        Raises SyntaxError for a malformed update. The caller refuses LOAD and SERVICE. What it changed
        is unknown, so the time index's counts are marked stale in the same transaction (readers count
        through the index until the next ingest write recounts them).
        """
        self.maintain(iw.join(sparql.rstrip().rstrip(";"), iw.MARK_STALE), base_iri)

    def maintain(self, sparql: str, base_iri: Optional[str] = None) -> None:
        """Run an update that keeps the time index right itself (index_writes, migration), in one transaction."""
        self.ox.update(sparql, base_iri=base_iri)
        self._bump_revision()

    def graph_triples(self, iri: Optional[str]) -> list:
        """The triples (pyoxigraph `Triple`s) of named graph `iri`, or of the default graph if None."""
        g = ox.NamedNode(iri) if iri else ox.DefaultGraph()
        return [q.triple for q in self.ox.quads_for_pattern(None, None, None, g)]

    def graph_exists(self, iri: Optional[str]) -> bool:
        """The default graph always exists; a named graph exists once it holds a triple."""
        return iri is None or self.ox.contains_named_graph(ox.NamedNode(iri))

    def write_triples(self, iri: Optional[str], triples: list, replace: bool) -> None:
        """Replace (or add to) graph `iri` (None: the default graph) with pyoxigraph triples, atomically.
        An article graph gets the index an ingest of its triples writes (graph/store/article_upload.py)."""
        if iri and is_article_graph(iri):
            article_upload.write_article(self, iri, triples, replace)
            return
        target = f"GRAPH <{iri}> " if iri else ""
        body = " .\n".join(str(t) for t in triples)
        ops = []
        if replace:
            ops.append(f"DROP SILENT GRAPH <{iri}>" if iri else "DROP SILENT DEFAULT")
        if triples:
            ops.append(f"INSERT DATA {{ {target}{{\n{body} .\n}} }}" if iri else f"INSERT DATA {{\n{body} .\n}}")
        self.maintain(iw.around_graph(iri, ops))

    def drop_graph(self, iri: Optional[str]) -> None:
        self.maintain(iw.around_graph(iri, [f"DROP SILENT GRAPH <{iri}>" if iri else "DROP SILENT DEFAULT"]))

    def backup(self, target: Path) -> None:
        """A consistent copy of the store at `target` (a RocksDB checkpoint: hard links, milliseconds).

        Open it in another process with `pyoxigraph.Store.read_only(str(target))`.
        """
        self.ox.backup(str(target))

    # --- revision: what caches of derived data (graph/view/view.py) key on ---

    @property
    def revision(self) -> int:
        """A counter bumped by every write through `put_graph`.

        Kept in a file in the store directory, so every process that opens the directory
        (or a copy of it) sees the writer's latest value; 0 for a store never written here.
        """
        try:
            return int((self.path / REVISION_FILE).read_text())
        except (OSError, ValueError):
            return 0

    def _bump_revision(self) -> None:
        (self.path / REVISION_FILE).write_text(str(self.revision + 1))
        for hook in self.after_write:
            try:
                hook()
            except Exception:  # noqa: BLE001 - the write is committed; a failing hook must not undo that
                log.exception("after-write hook failed")
