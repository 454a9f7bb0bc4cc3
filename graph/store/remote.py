"""The store over an existing SPARQL 1.1 server (Oxigraph server, Virtuoso, Fuseki, GraphDB, ...).

`RemoteStore` has the public methods of `graph.store.embedded.Store` and talks the SPARQL 1.1 Protocol only:
queries go to the query endpoint (POST form, results as SPARQL JSON, graphs as N-Triples), writes
to the update endpoint. Results are parsed with pyoxigraph, so `ox_query` returns the very objects
the embedded store returns (`QuerySolutions`, `QueryBoolean`, `QueryTriples`) and callers do not
change. The location is a URL (see `parse_location`, and README "Using an existing SPARQL server"):

    sparql+http://HOST:PORT/PATH[?update=PATH&user=U&password=P&auth=basic|digest&timeout=S]

What the server must provide (documented per vendor in the README):

* its default graph (a query without FROM) is the union of all named graphs: Oxigraph
  `--union-default-graph`, Fuseki `tdb2:unionDefaultGraph true`; Virtuoso and GraphDB do so as shipped;
* each update request runs as one transaction (Oxigraph, Fuseki, GraphDB/RDF4J). Virtuoso
  applies the operations of a request that fails part-way (measured: see docs/scale.md);
  readers did not see half-replaced graphs in our tests.

The revision (what caches key on) is a counter in a small graph on the server (`META_GRAPH`),
bumped by the same update request as the write, so every process that uses the server sees it.
"""
from __future__ import annotations

import logging
import re
import time
from typing import Iterable, Optional

import httpx
import pyoxigraph as ox

from graph.ids import BASE, CORRECTIONS_GRAPH, ENTITIES_GRAPH, HAPPENINGS_GRAPH, INDEX_GRAPH, ONTOLOGY, is_article_graph
from graph.store import article_upload
from graph.store import index_writes as iw
from graph.store.errors import StoreError
from graph.store.location import parse_location

log = logging.getLogger(__name__)

META_GRAPH = BASE + "graph/meta"  # the revision counter (not an article, not in graph_count)
REVISION = ONTOLOGY + "revision"
INSERT_CHUNK = 1000  # triples per INSERT DATA operation (Virtuoso's compiler gives up near 5,000)
MAX_REQUEST = 4 * 2**20  # bytes of one update request; each article's replacement stays whole

_RESULTS = "application/sparql-results+json"
_GRAPH = "application/n-triples"
_RESULT_FORMATS = {_RESULTS: ox.QueryResultsFormat.JSON, "application/json": ox.QueryResultsFormat.JSON,
                   "application/sparql-results+xml": ox.QueryResultsFormat.XML,
                   "application/xml": ox.QueryResultsFormat.XML}
_GRAPH_FORMATS = {_GRAPH: ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
                  "text/turtle": ox.RdfFormat.TURTLE, "application/turtle": ox.RdfFormat.TURTLE}

_META = f"<{META_GRAPH}>"
_REV = f"<{REVISION}>"
# Both steps are written to run on Virtuoso as well: it ignores INSERT ... WHERE { FILTER NOT EXISTS }
# and inserts nothing for a WHERE with only OPTIONAL + BIND (measured on 7.2), so the counter is
# created by an aggregate sub-select and bumped by a pattern that must match.
_INIT = (f"INSERT {{ GRAPH {_META} {{ {_META} {_REV} %d }} }} WHERE {{ "
         f"{{ SELECT (COUNT(?r) AS ?c) WHERE {{ GRAPH {_META} {{ {_META} {_REV} ?r }} }} }} FILTER (?c = 0) }}")
_BUMP = (f"DELETE {{ GRAPH {_META} {{ {_META} {_REV} ?r }} }} INSERT {{ GRAPH {_META} {{ {_META} {_REV} ?n }} }} "
         f"WHERE {{ GRAPH {_META} {{ {_META} {_REV} ?r }} BIND (?r + 1 AS ?n) }}")


def query_form(sparql: str) -> Optional[str]:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first keyword after the prologue (None if unknown).

    Needed because a server picks the result format from Accept, and Virtuoso answers a CONSTRUCT
    asked with a mixed Accept as SPARQL JSON rows.
    """
    i, n = 0, len(sparql)
    prologue = re.compile(r"(?i)(BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)")
    while i < n:
        c = sparql[i]
        if c.isspace():
            i += 1
        elif c == "#":
            j = sparql.find("\n", i)
            i = n if j < 0 else j + 1
        else:
            m = prologue.match(sparql, i)
            if m:
                i = m.end()
                continue
            m = re.compile(r"(?i)(SELECT|ASK|CONSTRUCT|DESCRIBE)\b").match(sparql, i)
            return m.group(1).upper() if m else None
    return None


def _chunks(lines: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(lines), size):
        yield lines[i:i + size]


def _nt_lines(nt: str) -> list[str]:
    """N-Triples text -> one triple a line (N-Triples escapes newlines inside literals)."""
    return [line for line in nt.splitlines() if line.strip() and not line.lstrip().startswith("#")]


class RemoteStore:
    """The `Store` API over a SPARQL 1.1 query endpoint and update endpoint."""

    remote = True

    def __init__(self, location: str, timeout: Optional[float] = None) -> None:
        self.endpoints = parse_location(location)
        self.location = self.endpoints.public()
        self.timeout = timeout or self.endpoints.timeout
        self.client = httpx.Client(auth=self.endpoints.httpx_auth(), follow_redirects=True,
                                   headers={"User-Agent": "timeline-kg"})
        self.vendor = self.endpoints.vendor
        try:
            probe = self._post(self.endpoints.query, {"query": "ASK {}"}, _RESULTS, self.timeout)
        except StoreError as e:
            raise StoreError(f"cannot open store {self.location}: {e}") from None
        if self.vendor is None:
            self.vendor = "virtuoso" if "virtuoso" in probe.headers.get("server", "").lower() else "generic"

    def __repr__(self) -> str:
        return f"RemoteStore({self.location!r})"

    # --- HTTP ---

    def _post(self, url: str, form: dict, accept: Optional[str], timeout: Optional[float]) -> httpx.Response:
        headers = {"Accept": accept} if accept else {}
        try:
            r = self.client.post(url, data=form, headers=headers, timeout=timeout or self.timeout)
        except httpx.TimeoutException:
            raise TimeoutError(f"{url} did not answer within {timeout or self.timeout:g} s") from None
        except httpx.HTTPError as e:
            raise StoreError(f"cannot reach the SPARQL server at {url}: {e}") from None
        if r.status_code >= 400:
            text = r.text.strip()[:1000]
            if r.status_code in (401, 403):
                raise StoreError(f"{url} refused the request ({r.status_code}): check user/password/auth "
                                 f"in the store URL: {text[:200]}")
            if r.status_code == 400:
                raise SyntaxError(f"the server refused the request: {text}")
            if "SR171" in text or "SQ200" in text or "Transaction timed out" in text:
                raise TimeoutError(f"the server stopped the request: {text}")
            raise StoreError(f"{url} answered {r.status_code}: {text}")
        if r.headers.get("x-sql-state") == "S1TAT":  # Virtuoso's "anytime" partial answer
            raise TimeoutError("the server returned a partial result (Virtuoso anytime query); "
                               "raise MaxQueryExecutionTime or narrow the query")
        return r

    def raw_query(self, sparql: str, *, default_graphs: Iterable[str] = (), named_graphs: Iterable[str] = (),
                  timeout: Optional[float] = None) -> tuple[str, bytes, str]:
        """("results" or "graph", the server's bytes, their media type: SPARQL JSON (or XML)
        results, N-Triples (or Turtle) graphs)."""
        form = query_form(sparql)
        graph = form in ("CONSTRUCT", "DESCRIBE")
        data: dict = {"query": sparql}
        if default_graphs:
            data["default-graph-uri"] = list(default_graphs)
        if named_graphs:
            data["named-graph-uri"] = list(named_graphs)
        r = self._post(self.endpoints.query, data, _GRAPH if graph else _RESULTS, timeout)
        ctype = r.headers.get("content-type", "").split(";")[0].strip().lower()
        if graph and ctype not in _GRAPH_FORMATS:
            raise StoreError(f"{self.location} answered a {form} with {ctype or 'no content type'}, not N-Triples")
        if not graph and ctype not in _RESULT_FORMATS:
            raise StoreError(f"{self.location} answered with {ctype or 'no content type'}, not SPARQL results")
        return ("graph" if graph else "results"), r.content, ctype

    @staticmethod
    def parse_answer(kind: str, body: bytes, media: str = _RESULTS) -> object:
        """pyoxigraph result objects from the server's bytes (see `raw_query`)."""
        if kind == "graph":
            mem = ox.Store()  # a QueryTriples cannot be built directly: load, then CONSTRUCT
            mem.bulk_load(body, format=_GRAPH_FORMATS.get(media, ox.RdfFormat.N_TRIPLES))
            return mem.query("CONSTRUCT WHERE { ?s ?p ?o }")
        return ox.parse_query_results(body, format=_RESULT_FORMATS.get(media, ox.QueryResultsFormat.JSON))

    def _update(self, sparql: str, bump: bool = True) -> None:
        """One update request; the revision bump rides in the same request (same transaction)."""
        text = sparql.rstrip().rstrip(";").rstrip()
        if bump:
            text = (text + " ;\n" if text else "") + (_INIT % int(time.time() * 1000)) + " ;\n" + _BUMP
        if self.vendor == "virtuoso":
            # big constants go to the executor as data, not as generated SQL (otherwise ~1,500
            # triples of INSERT DATA exceed its 10,000-line limit, and it is 20-50x slower)
            text = "DEFINE sql:big-data-const 1\n" + text
        self._post(self.endpoints.update, {"update": text}, None, self.timeout)

    # --- the Store API ---

    def put_graph(self, iri: str, graph) -> int:
        """Replace the article graph `iri` with `graph` (rdflib), as `Store.put_graph` does."""
        from graph.rdf.triples import split_shared  # here: graph.rdf pulls in the extraction package (spaCy)

        own, shared = split_shared(graph)
        self.put_articles([(iri, own.serialize(format="nt"), shared.serialize(format="nt"))])
        return len(graph)

    def put_articles(self, articles: list[tuple[str, str, str]]) -> None:
        """For each (article IRI, its own N-Triples, its actor/place descriptions): replace the article's
        graph and add the descriptions to the entities graph. One request holds whole articles only
        (several when the batch is over MAX_REQUEST bytes), and bumps the revision. Each request keeps
        the time index's counts of its articles (graph/store/index_writes.py)."""
        marker, stale = self._index_ops()
        batch: list[str] = []
        iris: list[str] = []
        size = 0

        def send() -> None:
            nonlocal stale
            tok = iw.token()
            counts = iw.links(batch)  # day links are only in the articles' own triples
            self._update(iw.join(iw.from_graphs(iris, tok, -1), *batch, iw.delta_data(counts, tok),
                                 iw.MARKER if marker else "", iw.RECOUNT if stale else iw.fold(tok)))
            stale = False

        for iri, own, shared in articles:
            own = iw.with_index(own)
            ops = [f"DROP SILENT GRAPH <{iri}>"]
            ops += [f"INSERT DATA {{ GRAPH <{iri}> {{\n" + "\n".join(c) + "\n} }"
                    for c in _chunks(_nt_lines(own), INSERT_CHUNK)]
            ops += [f"INSERT DATA {{ GRAPH <{ENTITIES_GRAPH}> {{\n" + "\n".join(c) + "\n} }"
                    for c in _chunks(_nt_lines(shared), INSERT_CHUNK)]
            n = sum(len(o) for o in ops)
            if batch and size + n > MAX_REQUEST:
                send()
                batch, iris, size = [], [], 0
            batch += ops
            iris.append(iri)
            size += n
        if batch:
            send()

    def _index_ops(self) -> tuple[bool, str]:
        """(state the index marker: nothing written yet; the counts are stale: recount). Each request folds
        its own deltas in the same transaction, so no crash leaves any to fold later."""
        flags = {r["p"].value for r in self.ox_query(f"SELECT ?p WHERE {{ GRAPH <{INDEX_GRAPH}> {{ <{INDEX_GRAPH}> ?p ?o }} }}")}
        stale = ONTOLOGY + "countsStale" in flags
        empty = ONTOLOGY + "timeIndexVersion" not in flags and not self.ox_query(
            f'ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?g), "{BASE}article/")) }}')
        return empty, stale

    def query(self, sparql: str):
        """An rdflib `Result` (as `Store.query`), over the server's default graph (the union)."""
        import io

        from rdflib import Graph
        from rdflib.query import Result

        kind, body, media = self.raw_query(sparql)
        if kind == "graph":
            res = Result("CONSTRUCT")
            res.graph = Graph().parse(data=body.decode("utf-8"), format="turtle" if "turtle" in media else "nt")
            return res
        return Result.parse(io.BytesIO(body), format="xml" if "xml" in media else "json")

    def ox_query(self, sparql: str, union: bool = True, **kwargs: object) -> object:
        """pyoxigraph results, as `Store.ox_query`. The default graph is the server's (configure
        it as the union of all graphs); `union=False` cannot change that remotely.

        `default_graph` / `named_graphs` go to the server as `default-graph-uri` / `named-graph-uri`;
        `base_iri` becomes a BASE declaration.
        """
        def iris(value: object) -> list[str]:
            if value is None:
                return []
            items = value if isinstance(value, (list, tuple, set)) else [value]
            return [i.value if hasattr(i, "value") else str(i) for i in items]

        base = kwargs.pop("base_iri", None)
        default_graphs = iris(kwargs.pop("default_graph", None))
        named_graphs = iris(kwargs.pop("named_graphs", None))
        if kwargs:
            raise TypeError(f"unsupported option(s) for a remote query: {', '.join(kwargs)}")
        if base:
            sparql = f"BASE <{base}>\n{sparql}"
        return self.parse_answer(*self.raw_query(sparql, default_graphs=default_graphs, named_graphs=named_graphs))

    def _count(self, sparql: str) -> int:
        rows = list(self.ox_query(sparql))
        return int(rows[0]["n"].value) if rows and rows[0]["n"] is not None else 0

    def triple_count(self) -> int:
        """Triples in our named graphs (IRIs under graph.ids.BASE: a server has others, e.g.
        Virtuoso's system graphs), without the revision graph. A full count."""
        return self._count(f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                           f'FILTER (STRSTARTS(STR(?g), "{BASE}") && ?g != <{META_GRAPH}> && ?g != <{INDEX_GRAPH}>) }}')

    def graph_count(self) -> int:
        """Article graphs: our named graphs but the entities, happenings and revision graphs."""
        return self._count(f'SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                           f'FILTER (STRSTARTS(STR(?g), "{BASE}") && ?g != <{ENTITIES_GRAPH}> '
                           f'&& ?g != <{HAPPENINGS_GRAPH}> '
                           f'&& ?g != <{META_GRAPH}> && ?g != <{CORRECTIONS_GRAPH}> '
                           f'&& ?g != <{INDEX_GRAPH}>) }}')

    def flush(self) -> None:
        pass  # every write is committed by the server when its request returns

    def close(self) -> None:
        self.client.close()

    # --- SPARQL Update, Graph Store Protocol (used by api/) ---

    def update(self, sparql: str, base_iri: Optional[str] = None) -> None:
        """Run a SPARQL 1.1 Update on the server, with the revision bump in the same request;
        `base_iri` becomes a BASE declaration.

        Raises SyntaxError when the server refuses it as malformed (HTTP 400). The time index's counts
        are marked stale in the same request (as `Store.update`).
        """
        text = iw.join(sparql.rstrip().rstrip(";"), iw.MARK_STALE)
        self._update(f"BASE <{base_iri}>\n{text}" if base_iri else text)

    def maintain(self, sparql: str) -> None:
        """An update that keeps the time index right itself (migration), with the revision bump."""
        self._update(sparql)

    def graph_triples(self, iri: Optional[str]) -> list:
        """The triples (pyoxigraph `Triple`s) of graph `iri`; None: the server's default graph
        (with the union setting, every triple)."""
        where = f"GRAPH <{iri}> {{ ?s ?p ?o }}" if iri else "?s ?p ?o"
        _, body, media = self.raw_query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}")
        return [q.triple for q in ox.parse(body, format=_GRAPH_FORMATS.get(media, ox.RdfFormat.N_TRIPLES))]

    def graph_exists(self, iri: Optional[str]) -> bool:
        return iri is None or bool(self.ox_query(f"ASK {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"))

    def write_triples(self, iri: Optional[str], triples: list, replace: bool) -> None:
        """Replace (or add to) graph `iri` (None: the server's default graph) with pyoxigraph
        triples, in one request. An article graph gets the index an ingest of its triples writes
        (graph/store/article_upload.py)."""
        if iri and is_article_graph(iri):
            article_upload.write_article(self, iri, triples, replace)
            return
        target = f"GRAPH <{iri}> " if iri else ""
        ops = []
        if replace:
            ops.append(f"DROP SILENT GRAPH <{iri}>" if iri else "DROP SILENT DEFAULT")
        for chunk in _chunks([f"{t} ." for t in triples], INSERT_CHUNK):
            body = "\n".join(chunk)
            ops.append(f"INSERT DATA {{ {target}{{\n{body}\n}} }}" if iri else f"INSERT DATA {{\n{body}\n}}")
        self._update(iw.around_graph(iri, ops))

    def drop_graph(self, iri: Optional[str]) -> None:
        self._update(iw.around_graph(iri, [f"DROP SILENT GRAPH <{iri}>" if iri else "DROP SILENT DEFAULT"]))

    def backup(self, target) -> None:
        raise StoreError("a remote store has no checkpoints: back it up with the server's own tools")

    # --- revision: what caches of derived data (graph/view/view.py, api/) key on ---

    @property
    def revision(self) -> int:
        """The counter in the server's revision graph (0 before the first write through us).

        It starts at the time (ms) it was created, so a server that lost it never goes back to a
        value an old cache entry may hold; each write request adds one.
        """
        rows = list(self.ox_query(f"SELECT ?r WHERE {{ GRAPH <{META_GRAPH}> {{ <{META_GRAPH}> <{REVISION}> ?r }} }}"))
        values = [int(r["r"].value) for r in rows if r["r"] is not None]
        return max(values, default=0)
