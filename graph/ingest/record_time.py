"""Record time: when the graph learned what an article says (the second of the "two times on everything").

Valid time comes from the text (an event's date, a fact's begin and end); record time is when ingest
committed the article. Each article, each of its events and each of its state facts states it as
`prov:generatedAtTime` (an xsd:dateTime in UTC), so "what did we know at T" is a filter on it, and a
fact closed by a later article is closed as of that article's record time (graph/store/states.py).

Re-ingesting an article changes nothing: when the store already holds the article with the same
text, its earlier record time is kept (what we learned then, we still learned then). A changed text
under the same URL is a new version, recorded now; it replaces the old graph (the store keeps one
graph per article), so what only the old version said is no longer known at any time.

Stamped here, in the ingesting process, as the chunk is written: workers (and the graphs they check
against the shapes) stay the same bytes whenever and wherever they run.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterable, Optional

from graph.ids import article_iri

GENERATED = "http://www.w3.org/ns/prov#generatedAtTime"
_DT = "http://www.w3.org/2001/XMLSchema#dateTime"
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
# what gets a record time besides the article: its events and its state facts
_STAMPED_TYPES = ("<http://semanticweb.cs.vu.nl/2009/11/sem/Event>", "<https://w3id.org/timeline-kg/ontology#StateFact>")

RECORDED = """PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX tkg: <https://w3id.org/timeline-kg/ontology#>
SELECT ?g ?t ?text WHERE {
  VALUES ?g { %s }
  GRAPH ?g { ?g prov:generatedAtTime ?t ; tkg:text ?text }
}"""


def now() -> str:
    """The current instant as an xsd:dateTime lexical form in UTC (microseconds: two ingests a moment apart
    must not share a record time)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def recorded(store, texts: dict[str, str]) -> dict[str, str]:
    """Record times already in `store` for the articles (IRI -> text) whose stored text is the same."""
    if not texts:
        return {}
    values = " ".join(f"<{iri}>" for iri in texts)
    out = {}
    for r in store.ox_query(RECORDED % values):
        iri = r["g"].value
        if r["text"] is not None and r["text"].value == texts.get(iri):  # only articles ingested before
            out[iri] = r["t"].value
    return out


def stamp_lines(iri: str, own_nt: str, when: str) -> str:
    """`prov:generatedAtTime` lines for the article `iri` and every event and state fact its N-Triples type."""
    lit = f'"{when}"^^<{_DT}>'
    subjects = [iri]
    for line in own_nt.split("\n"):
        if _TYPE in line and line.endswith(" .") and any(f" {_TYPE} {t} ." in line for t in _STAMPED_TYPES):
            subjects.append(line[1:line.index(">")])
    return "".join(f"<{s}> <{GENERATED}> {lit} .\n" for s in dict.fromkeys(subjects))


def stamp(store, articles: Iterable, batch: list[tuple[str, str, str]],
          when: Optional[str] = None) -> list[tuple[str, str, str]]:
    """The chunk `batch` ((article IRI, own N-Triples, shared N-Triples), in the order of `articles`) with
    record times added to each article's own triples: the time already recorded for the same text, else
    `when` (default: now)."""
    when = when or now()
    texts = {article_iri(a.key): a.text for a in articles}
    known = recorded(store, texts)
    out = []
    for iri, own, shared in batch:
        if own and not own.endswith("\n"):
            own += "\n"
        out.append((iri, own + stamp_lines(iri, own, known.get(iri, when)), shared))
    return out
