"""The time index, write side: the SPARQL that keeps the per-month counts exact on every write.

Counts are totals in the time-index graph (graph/store/time_index.py), one per month:
`<…/graph/time-index/total/2008-03> tkg:month <…/id/month/2008-03> ; tkg:eventCount 1234 ;
tkg:articleCount 31` (events by the month they begin, articles by the month they appeared). A
write states what it adds (and, negative, what it replaces or drops) as delta records, parts of a
node named after the write (`tkg:CountDelta`, `tkg:part`, `tkg:forMonth`), in the same transaction
as its triples (in the atomic bulk load, or in the same update request), then folds them into the
totals (`fold(token)`): in the same request when it is an update, in the next one after a bulk
load (a crash between the two leaves them; the writer folds leftovers at its first write). The
fold reads only its own write's records and looks each total up by IRI, so it costs what the
write changes: no range scan over records that writes keep replacing (RocksDB range scans slow
down over the deletions such churn leaves until compaction). Per-day figures are not kept: a write
touches ~3 days an article but ~1 month, and each total rewritten costs a delete and an insert in
every index (measured: folding ~100 day totals a chunk doubled the writer's CPU); windows read
days through the links themselves. Everything is plain SPARQL 1.1 Update, so the embedded store
and a SPARQL server (Oxigraph, Virtuoso) keep their counts the same way.
"""
from __future__ import annotations

import re
import uuid
from collections import Counter
from typing import Iterable

from graph.ids import DAY, INDEX_GRAPH, MONTH, ONTOLOGY, slot_iri
from graph.rdf.shown import BEGIN as _BEGIN
from graph.rdf.shown import SHOWN_SLOT, shown_links
from graph.store import happening_index
from graph.store.page_rows import ROW, row_lines
from graph.store.time_index import VERSION

_I = f"<{INDEX_GRAPH}>"
_INT = "<http://www.w3.org/2001/XMLSchema#integer>"
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LINK = re.compile(r"<" + re.escape(ONTOLOGY) + r"(beginDay|issuedDay)> <" + re.escape(DAY) + r"(\d{4}-\d\d)-\d\d>")
_COUNTER = {"beginDay": "eventCount", "issuedDay": "articleCount"}
_MONTH_OF_D = f'IRI(CONCAT("{MONTH}", SUBSTR(STRAFTER(STR(?d), "/id/day/"), 1, 7)))'


def _full(sparql: str) -> str:
    """`tkg:x` spelt out: no PREFIX, so the operations join any request (Oxigraph takes a prologue
    only at the start of one)."""
    return re.sub(r"\btkg:(\w+)", lambda m: f"<{ONTOLOGY}{m.group(1)}>", sparql)


_DATED = re.compile(r'^(<[^>]+>) <(http://semanticweb\.cs\.vu\.nl/2009/11/sem/hasEarliestBeginTimeStamp|'
                    r'http://purl\.org/dc/terms/issued)> "(\d{4}-\d\d-\d\d)', re.M)
_LINKED = re.compile(r"^(<[^>]+>) <" + re.escape(ONTOLOGY) + r"(?:beginDay|issuedDay)> ", re.M)
_INDEXED = re.compile(r"^(<[^>]+>) <" + re.escape(_TYPE) + r"> <(?:http://semanticweb\.cs\.vu\.nl/2009/11/sem/Event|"
                      r"https://schema\.org/NewsArticle)> ", re.M)
_LINKED_CLASS = (("http://semanticweb.cs.vu.nl/2009/11/sem/Event", "beginDay"), ("https://schema.org/NewsArticle", "issuedDay"))
_LINK_FOR = {"http://semanticweb.cs.vu.nl/2009/11/sem/hasEarliestBeginTimeStamp": "beginDay",
             "http://purl.org/dc/terms/issued": "issuedDay"}


_SLOTTED = re.compile(r"^<([^>]+)> <" + re.escape(ONTOLOGY) + r"beginSlot> ", re.M)


def with_index(nt: str) -> str:
    """An article's N-Triples as both stores write them: with the time index's links (with_links) and the
    happening keys (happening_index.with_keys) that graph.rdf writes and a graph built by other code lacks,
    and the page rows of its shown events (with_rows)."""
    return with_rows(happening_index.with_keys(with_links(nt)))


def with_rows(nt: str) -> str:
    """An article's N-Triples with a `tkg:row` for each shown event that has none (graph/store/page_rows.py)."""
    if nt.count(f"<{SHOWN_SLOT}> ") <= nt.count(f"<{ROW}> "):
        return nt
    extra = row_lines(nt)
    return (nt if not nt or nt.endswith("\n") else nt + "\n") + extra if extra else nt


def with_links(nt: str) -> str:
    """An article's N-Triples with the day (and day slot, and shown slot: graph/rdf/shown.py) links its
    dates call for and it does not state (graph.rdf writes them; a graph built by other code gets them
    here, so its events are in the windows and on the default timeline)."""
    events = nt.count(f"<{_TYPE}> <{_LINKED_CLASS[0][0]}>")
    if (all(nt.count(f"<{ONTOLOGY}{link}> ") >= nt.count(f"<{_TYPE}> <{cls}>") for cls, link in _LINKED_CLASS)
            and nt.count(f"<{ONTOLOGY}beginSlot> ") >= events and (not events or f"<{SHOWN_SLOT}> " in nt)):
        return nt  # an event or article typed, a link written (what graph.rdf writes): no regex over the text
    linked = set(_LINKED.findall(nt))
    typed = set(_INDEXED.findall(nt))  # events and articles: state facts have begin times too, but no day
    extra = [f"{s} <{ONTOLOGY}{_LINK_FOR[p]}> <{DAY}{d}> .\n" for s, p, d in _DATED.findall(nt)
             if s not in linked and s in typed]
    slotted = set(_SLOTTED.findall(nt))
    extra += [f"<{e}> <{ONTOLOGY}beginSlot> <{slot_iri(b, e)}> .\n" for e, b in _BEGIN.findall(nt)
              if e not in slotted and f"<{e}>" in typed]
    extra.append(shown_links(nt))  # those graph.rdf writes too: none for an article whose events are all hidden
    extra = [x for x in extra if x]
    if not extra:
        return nt
    return (nt if not nt or nt.endswith("\n") else nt + "\n") + "".join(extra)


def slot_links(nt: str) -> str:
    """The `tkg:beginSlot` and `tkg:shownSlot` lines of the events an article's N-Triples state (bench/scale.py:
    its copies get new event IRIs, so new slots)."""
    typed = set(_INDEXED.findall(nt))
    return "".join(f"<{e}> <{ONTOLOGY}beginSlot> <{slot_iri(b, e)}> .\n" for e, b in _BEGIN.findall(nt)
                   if f"<{e}>" in typed) + shown_links(nt)


def token() -> str:
    """A name for one write's delta records (unique per write)."""
    return uuid.uuid4().hex


def links(texts: Iterable[str]) -> Counter:
    """(month, counter predicate name) -> how many day links in that month the N-Triples texts state."""
    out: Counter = Counter()
    for text in texts:
        for m in _LINK.finditer(text):
            out[(m.group(2), _COUNTER[m.group(1)])] += 1
    return out


def _tok(tok: str) -> str:
    return f"<{INDEX_GRAPH}/delta/{tok}>"


def delta_triples(counts: Counter, tok: str) -> str:
    """N-Triples of the delta records adding `counts` (one record per month), parts of the write's node."""
    t = _tok(tok)
    lines = [f"{t} <{_TYPE}> <{ONTOLOGY}CountDelta> .\n"] if counts else []
    for month in sorted({m for m, _ in counts}):
        x = f"<{INDEX_GRAPH}/delta/{tok}/{month}>"
        lines.append(f"{t} <{ONTOLOGY}part> {x} .\n{x} <{ONTOLOGY}forMonth> <{MONTH}{month}> .\n")
        lines += [f'{x} <{ONTOLOGY}{c}> "{counts[(month, c)]}"^^{_INT} .\n'
                  for c in ("eventCount", "articleCount") if counts.get((month, c))]
    return "".join(lines)


def delta_quads(counts: Counter, tok: str) -> str:
    """`delta_triples` as N-Quads in the time-index graph (for the bulk loader)."""
    return delta_triples(counts, tok).replace(" .\n", f" {_I} .\n")


def delta_data(counts: Counter, tok: str) -> str:
    """An INSERT DATA of `delta_triples` ('' when there is nothing to count)."""
    body = delta_triples(counts, tok)
    return f"INSERT DATA {{ GRAPH {_I} {{\n{body}}} }}" if body else ""


def from_graphs(graphs: list[str], tok: str, sign: int) -> str:
    """An update op adding, as deltas of the write `tok`, `sign` x the day links the named graphs hold
    now (run with sign -1 before they are replaced or dropped, +1 after something of unknown content)."""
    if not graphs:
        return ""
    part = f"{INDEX_GRAPH}/delta/{tok}/{'minus' if sign < 0 else 'plus'}/"
    return _full(f"""INSERT {{ GRAPH {_I} {{ {_tok(tok)} a tkg:CountDelta ; tkg:part ?x . ?x tkg:forMonth ?m ; ?cp ?n }} }}
WHERE {{
  {{ SELECT ?m ?p (COUNT(*) AS ?c) WHERE {{
      VALUES ?g {{ {' '.join(f'<{g}>' for g in graphs)} }}
      VALUES ?p {{ tkg:beginDay tkg:issuedDay }}
      GRAPH ?g {{ ?s ?p ?d }}
      BIND ({_MONTH_OF_D} AS ?m)
  }} GROUP BY ?m ?p }}
  BIND (IF(?p = tkg:beginDay, tkg:eventCount, tkg:articleCount) AS ?cp)
  BIND ({sign} * ?c AS ?n)
  BIND (IRI(CONCAT("{part}", STRAFTER(STR(?m), "/id/month/"))) AS ?x)
}}""")


def fold(tok: str | None) -> str:
    """Fold the deltas of write `tok` into the month totals (each looked up by IRI) and remove them;
    None: of every write that left some (a crash between a bulk load and its fold), found by type."""
    tokens = f"VALUES ?w {{ {_tok(tok)} }}" if tok else "?w a tkg:CountDelta ."
    return _full(f"""DELETE {{ GRAPH {_I} {{ ?t ?p ?old }} }}
INSERT {{ GRAPH {_I} {{ ?t tkg:month ?k ; ?p ?new }} }} WHERE {{
  {{ SELECT ?k ?p (SUM(?n) AS ?add) WHERE {{
      GRAPH {_I} {{ {tokens} ?w tkg:part ?x . ?x tkg:forMonth ?k ; ?p ?n }}
      VALUES ?p {{ tkg:eventCount tkg:articleCount }}
  }} GROUP BY ?k ?p }}
  BIND (IRI(CONCAT("{INDEX_GRAPH}/total/", STRAFTER(STR(?k), "/id/month/"))) AS ?t)
  OPTIONAL {{ GRAPH {_I} {{ ?t ?p ?old }} }}
  BIND (COALESCE(?old, 0) + ?add AS ?new)
}}
;
DELETE {{ GRAPH {_I} {{ ?x ?q ?o }} }} WHERE {{ GRAPH {_I} {{ {tokens} ?w tkg:part ?x . ?x ?q ?o }} }}
;
DELETE {{ GRAPH {_I} {{ ?w ?q ?o }} }} WHERE {{ GRAPH {_I} {{ {tokens} ?w ?q ?o }} }}""")


# After an update of unknown extent (SPARQL /update): readers count through the links instead, and describe
# events by EVENT_DETAILS, not their page rows (an update that relabels an event leaves its row as it was:
# graph/store/page_rows.py). The next ingest write recounts; only `tkg migrate` rewrites the rows (ROWS_FRESH).
MARK_STALE = f"INSERT DATA {{ GRAPH {_I} {{ {_I} <{ONTOLOGY}countsStale> true . {_I} <{ONTOLOGY}rowsStale> true }} }}"
ROWS_FRESH = f"DELETE WHERE {{ GRAPH {_I} {{ {_I} <{ONTOLOGY}rowsStale> ?s }} }}"

# Every count from the links themselves (migration, or after MARK_STALE): ∝ the store, not for every write.
RECOUNT = _full(f"""DELETE {{ GRAPH {_I} {{ ?x ?q ?o }} }} WHERE {{ GRAPH {_I} {{ ?x tkg:month ?m ; ?q ?o }} }}
;
DELETE {{ GRAPH {_I} {{ ?x ?q ?o }} }} WHERE {{ GRAPH {_I} {{ ?w a tkg:CountDelta ; tkg:part ?x . ?x ?q ?o }} }}
;
DELETE {{ GRAPH {_I} {{ ?w ?q ?o }} }} WHERE {{ GRAPH {_I} {{ ?w a tkg:CountDelta ; ?q ?o }} }}
;
DELETE WHERE {{ GRAPH {_I} {{ {_I} tkg:countsStale ?s }} }}
;
INSERT {{ GRAPH {_I} {{ ?t tkg:month ?m ; ?cp ?c }} }} WHERE {{
  {{ SELECT ?p ?mk (COUNT(*) AS ?c) WHERE {{
      VALUES ?p {{ tkg:beginDay tkg:issuedDay }}
      GRAPH ?g {{ ?s ?p ?d }}
      BIND (SUBSTR(STRAFTER(STR(?d), "/id/day/"), 1, 7) AS ?mk)
  }} GROUP BY ?p ?mk }}
  BIND (IF(?p = tkg:beginDay, tkg:eventCount, tkg:articleCount) AS ?cp)
  BIND (IRI(CONCAT("{MONTH}", ?mk)) AS ?m)
  BIND (IRI(CONCAT("{INDEX_GRAPH}/total/", ?mk)) AS ?t)
}}""")

# Stated once every event and article links to its day and day slot: readers then use the index. With it, the
# happening index's marker (every event links to its happening keys: graph/store/happening_index.py).
MARKER = (f"DELETE WHERE {{ GRAPH {_I} {{ {_I} <{ONTOLOGY}timeIndexVersion> ?v }} }}\n;\n"  # a migrated version 1
          f"INSERT DATA {{ GRAPH {_I} {{ {_I} <{ONTOLOGY}timeIndexVersion> \"{VERSION}\"^^{_INT} . "
          f"{happening_index.MARKER_TRIPLE} }} }}")
MARKER_QUAD = f'{_I} <{ONTOLOGY}timeIndexVersion> "{VERSION}"^^{_INT} {_I} .\n' + happening_index.MARKER_QUAD


def join(*ops: str) -> str:
    """Update operations as one request (empty ones left out; each ';' on a line of its own, so a
    comment ending an operation does not swallow it)."""
    return "\n;\n".join(op.strip() for op in ops if op and op.strip())


def around_graph(iri: str | None, ops: list[str]) -> str:
    """`ops` (which change named graph `iri` only) with the counts kept exact: the graph's day links
    counted out before, in after, folded. The default graph (None) can hold anything: marked stale."""
    if not iri:
        return join(*ops, MARK_STALE)
    tok = token()
    return join(from_graphs([iri], tok, -1), *ops, from_graphs([iri], tok, +1), fold(tok))
