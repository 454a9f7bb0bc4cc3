"""The time index, write side: the SPARQL that keeps the per-day and per-month counts exact on every write.

A count is the sum of the records of its day (or month) in the time-index graph
(graph/store/time_index.py): one total per day (`<…/graph/time-index/total/2008-03-15>`, with
`tkg:day`) and per month (`…/total/2008-03`, with `tkg:month`), plus the deltas writes add
(`tkg:CountDelta`, with both, negative for what a write replaced or dropped). A write adds its
deltas in the same transaction as its triples (in the atomic bulk load, or in the same update
request), then folds them into the totals (`FOLD`): in the same request when it is an update, in
the next one after a bulk load. A crash between the two leaves deltas that readers add up all
the same, and the next write folds them. The fold starts from the deltas and looks each total up
by its IRI, so a write costs what it changes, whatever the number of days. Everything here is
plain SPARQL 1.1 Update, so the embedded store and a SPARQL server (Oxigraph, Virtuoso) keep their
counts the same way.
"""
from __future__ import annotations

import re
import uuid
from collections import Counter
from typing import Iterable

from graph.ids import DAY, INDEX_GRAPH, MONTH, ONTOLOGY
from graph.store.time_index import VERSION

_I = f"<{INDEX_GRAPH}>"
_INT = "<http://www.w3.org/2001/XMLSchema#integer>"
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LINK = re.compile(r"<" + re.escape(ONTOLOGY) + r"(beginDay|issuedDay)> <" + re.escape(DAY) + r"(\d{4}-\d\d-\d\d)>")
_COUNTER = {"beginDay": "eventCount", "issuedDay": "articleCount"}
_DAY_KEY = 'STRAFTER(STR(?d), "/id/day/")'
_MONTH_OF_D = f'IRI(CONCAT("{MONTH}", SUBSTR({_DAY_KEY}, 1, 7)))'


def _full(sparql: str) -> str:
    """`tkg:x` spelt out: no PREFIX, so the operations join any request (Oxigraph takes a prologue
    only at the start of one)."""
    return re.sub(r"\btkg:(\w+)", lambda m: f"<{ONTOLOGY}{m.group(1)}>", sparql)


_DATED = re.compile(r'^(<[^>]+>) <(http://semanticweb\.cs\.vu\.nl/2009/11/sem/hasEarliestBeginTimeStamp|'
                    r'http://purl\.org/dc/terms/issued)> "(\d{4}-\d\d-\d\d)', re.M)
_LINKED = re.compile(r"^(<[^>]+>) <" + re.escape(ONTOLOGY) + r"(?:beginDay|issuedDay)> ", re.M)
_LINK_FOR = {"http://semanticweb.cs.vu.nl/2009/11/sem/hasEarliestBeginTimeStamp": "beginDay",
             "http://purl.org/dc/terms/issued": "issuedDay"}


def with_links(nt: str) -> str:
    """An article's N-Triples with the day links its dates call for and it does not state (graph.rdf
    writes them; a graph built by other code gets them here, so its events are in the windows)."""
    linked = set(_LINKED.findall(nt))
    extra = [f"{s} <{ONTOLOGY}{_LINK_FOR[p]}> <{DAY}{d}> .\n" for s, p, d in _DATED.findall(nt) if s not in linked]
    if not extra:
        return nt
    return (nt if not nt or nt.endswith("\n") else nt + "\n") + "".join(extra)


def token() -> str:
    """A name for one write's delta records (unique per write)."""
    return uuid.uuid4().hex


def links(texts: Iterable[str]) -> Counter:
    """(day, counter predicate name) -> how many day links the N-Triples texts state."""
    out: Counter = Counter()
    for text in texts:
        for m in _LINK.finditer(text):
            out[(m.group(2), _COUNTER[m.group(1)])] += 1
    return out


def delta_triples(counts: Counter, tok: str) -> str:
    """N-Triples of the delta records adding `counts` (one record per day)."""
    lines = []
    for day in sorted({d for d, _ in counts}):
        x = f"<{INDEX_GRAPH}/delta/{tok}/{day}>"
        lines.append(f"{x} <{_TYPE}> <{ONTOLOGY}CountDelta> .\n{x} <{ONTOLOGY}day> <{DAY}{day}> .\n"
                     f"{x} <{ONTOLOGY}month> <{MONTH}{day[:7]}> .\n")
        lines += [f'{x} <{ONTOLOGY}{c}> "{counts[(day, c)]}"^^{_INT} .\n'
                  for c in ("eventCount", "articleCount") if counts.get((day, c))]
    return "".join(lines)


def delta_quads(counts: Counter, tok: str) -> str:
    """`delta_triples` as N-Quads in the time-index graph (for the bulk loader)."""
    return delta_triples(counts, tok).replace(" .\n", f" {_I} .\n")


def delta_data(counts: Counter, tok: str) -> str:
    """An INSERT DATA of `delta_triples` ('' when there is nothing to count)."""
    body = delta_triples(counts, tok)
    return f"INSERT DATA {{ GRAPH {_I} {{\n{body}}} }}" if body else ""


def from_graphs(graphs: list[str], tok: str, sign: int) -> str:
    """An update op adding, as deltas, `sign` x the day links the named graphs hold now (run with
    sign -1 before they are replaced or dropped, +1 after something of unknown content is written)."""
    if not graphs:
        return ""
    part = f"{INDEX_GRAPH}/delta/{tok}/{'minus' if sign < 0 else 'plus'}/"
    return _full(f"""INSERT {{ GRAPH {_I} {{ ?x a tkg:CountDelta ; tkg:day ?d ; tkg:month ?m ; ?cp ?n }} }} WHERE {{
  {{ SELECT ?d ?p (COUNT(*) AS ?c) WHERE {{
      VALUES ?g {{ {' '.join(f'<{g}>' for g in graphs)} }}
      VALUES ?p {{ tkg:beginDay tkg:issuedDay }}
      GRAPH ?g {{ ?s ?p ?d }}
  }} GROUP BY ?d ?p }}
  BIND (IF(?p = tkg:beginDay, tkg:eventCount, tkg:articleCount) AS ?cp)
  BIND ({sign} * ?c AS ?n)
  BIND (IRI(CONCAT("{part}", {_DAY_KEY})) AS ?x)
  BIND ({_MONTH_OF_D} AS ?m)
}}""")


def _fold(level: str) -> str:
    """Sum the deltas per day (or month) into its total, looked up by its IRI."""
    return f"""DELETE {{ GRAPH {_I} {{ ?t ?p ?old }} }}
INSERT {{ GRAPH {_I} {{ ?t tkg:{level} ?k ; ?p ?new }} }} WHERE {{
  {{ SELECT ?k ?p (SUM(?n) AS ?add) WHERE {{
      GRAPH {_I} {{ ?x a tkg:CountDelta ; tkg:{level} ?k ; ?p ?n }}
      VALUES ?p {{ tkg:eventCount tkg:articleCount }}
  }} GROUP BY ?k ?p }}
  BIND (IRI(CONCAT("{INDEX_GRAPH}/total/", STRAFTER(STR(?k), "/id/{level}/"))) AS ?t)
  OPTIONAL {{ GRAPH {_I} {{ ?t ?p ?old }} }}
  BIND (COALESCE(?old, 0) + ?add AS ?new)
}}"""


FOLD = _full(f"""{_fold("day")}
;
{_fold("month")}
;
DELETE {{ GRAPH {_I} {{ ?x ?q ?o }} }} WHERE {{ GRAPH {_I} {{ ?x a tkg:CountDelta ; ?q ?o }} }}""")

# After an update of unknown extent (SPARQL /update): readers count through the links instead.
MARK_STALE = f"INSERT DATA {{ GRAPH {_I} {{ {_I} <{ONTOLOGY}countsStale> true }} }}"

# Every count from the links themselves (migration, or after MARK_STALE): ∝ the store, not for every write.
_COUNT_LINKS = """{ SELECT ?d ?p (COUNT(*) AS ?c) WHERE {
      VALUES ?p { tkg:beginDay tkg:issuedDay }
      GRAPH ?g { ?s ?p ?d }
  } GROUP BY ?d ?p }
  BIND (IF(?p = tkg:beginDay, tkg:eventCount, tkg:articleCount) AS ?cp)"""
RECOUNT = _full(f"""DELETE {{ GRAPH {_I} {{ ?x ?q ?o }} }} WHERE {{ GRAPH {_I} {{ ?x tkg:day ?d ; ?q ?o }} }}
;
DELETE {{ GRAPH {_I} {{ ?x ?q ?o }} }} WHERE {{ GRAPH {_I} {{ ?x tkg:month ?m ; ?q ?o }} }}
;
DELETE WHERE {{ GRAPH {_I} {{ {_I} tkg:countsStale ?s }} }}
;
INSERT {{ GRAPH {_I} {{ ?t tkg:day ?d ; ?cp ?c }} }} WHERE {{
  {_COUNT_LINKS}
  BIND (IRI(CONCAT("{INDEX_GRAPH}/total/", {_DAY_KEY})) AS ?t)
}}
;
INSERT {{ GRAPH {_I} {{ ?t tkg:month ?m ; ?cp ?sum }} }} WHERE {{
  {{ SELECT ?m ?cp (SUM(?c) AS ?sum) WHERE {{
      GRAPH {_I} {{ ?x tkg:day ?d ; ?cp ?c }} VALUES ?cp {{ tkg:eventCount tkg:articleCount }}
      BIND ({_MONTH_OF_D} AS ?m)
  }} GROUP BY ?m ?cp }}
  BIND (IRI(CONCAT("{INDEX_GRAPH}/total/", STRAFTER(STR(?m), "/id/month/"))) AS ?t)
}}""")

# Stated once every event and article links to its day: readers then use the index.
MARKER = (f"INSERT DATA {{ GRAPH {_I} {{ {_I} <{ONTOLOGY}timeIndexVersion> \"{VERSION}\"^^{_INT} }} }}")
MARKER_QUAD = f'{_I} <{ONTOLOGY}timeIndexVersion> "{VERSION}"^^{_INT} {_I} .\n'


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
    return join(from_graphs([iri], tok, -1), *ops, from_graphs([iri], tok, +1), FOLD)
