"""An article's state facts as triples (see ontologies/tkg.ttl, `tkg:StateFact`).

    <fact/{article}/{i}> a tkg:StateFact ;
        tkg:holder <actor/...> ; tkg:relation tkg:controls ; tkg:object <place/...> ;  # tkg:role "head" for offices
        sem:hasBeginTimeStamp "2023-11-14"^^xsd:date ;       # the TIMEX3 value at its precision
        sem:hasEarliestBeginTimeStamp / sem:hasLatestBeginTimeStamp  "..."^^xsd:dateTime ;
        sem:hasEndTimeStamp ; sem:hasEarliestEndTimeStamp / sem:hasLatestEndTimeStamp ;
        tkg:heldAt "2023-11-14"^^xsd:date ;                  # a time the text says it held
        prov:wasDerivedFrom <sentence/...>, <event/...> ; tkg:confidence 0.8 .

A begin or end the text does not give is absent (an open interval). A time the fact is said to have
held bounds it without ending it: it began by then (latest begin) and had not ended before (earliest
end). "then-prime minister" gives only a latest end (the publication date). Queries read validity
from `sem:hasEarliestBeginTimeStamp` (began by) and `sem:hasLatestEndTimeStamp` (ended by); when the
fact was recorded is added at ingest (`prov:generatedAtTime`, graph/ingest/record.py), not here:
extraction and these triples are the same whenever they are made.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator, Optional

from rdflib.namespace import PROV, RDF, XSD

from graph.extract.model import EventTime, Extraction, StateFact
from graph.ids import ONTOLOGY, event_iri, fact_iri, sentence_iri
from graph.rdf.terms import Lit, Triple

SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
_DT = str(XSD.dateTime)
RELATIONS = ("controls", "presentIn", "holdsOffice", "inPower")
_PRECISION = ((10, str(XSD.date)), (7, str(XSD.gYearMonth)), (4, str(XSD.gYear)))


def stamp(value: Optional[str]) -> Optional[Lit]:
    """A TIMEX3 value at its own precision (xsd:date, xsd:gYearMonth, xsd:gYear), as events state theirs."""
    if not value:
        return None
    for size, dtype in _PRECISION:
        if len(value) == size and value.replace("-", "").isdigit() and (size == 4 or value[4] == "-"):
            return Lit(value, dtype)
    return None


def _instant(iso: Optional[str]) -> Optional[Lit]:
    return Lit(iso[:19], _DT) if iso else None


def fact_triples(key: str, ex: Extraction) -> Iterator[Triple]:
    """The triples of every state fact of the article with this key."""
    for i, f in enumerate(ex.facts):
        yield from _fact(fact_iri(key, i), key, f)


def _fact(node: str, key: str, f: StateFact) -> Iterator[Triple]:
    yield node, str(RDF.type), ONTOLOGY + "StateFact"
    yield node, ONTOLOGY + "holder", f.holder
    yield node, ONTOLOGY + "relation", ONTOLOGY + f.relation
    yield node, ONTOLOGY + "object", f.object
    if f.role:
        yield node, ONTOLOGY + "role", Lit(f.role)
    yield from _times(node, f)
    for s in f.sentences:
        yield node, str(PROV.wasDerivedFrom), sentence_iri(key, s)
    for e in f.events:
        yield node, str(PROV.wasDerivedFrom), event_iri(key, e)
    yield node, ONTOLOGY + "confidence", Lit(f"{Decimal(str(round(f.confidence, 3))):f}", str(XSD.decimal))


def _times(node: str, f: StateFact) -> Iterator[Triple]:
    start, end, held = f.start, f.end, f.held_at
    bounds = {
        "hasBeginTimeStamp": stamp(start.value) if start else None,
        "hasEarliestBeginTimeStamp": _instant(start.begin) if start else None,
        "hasLatestBeginTimeStamp": _instant(_latest(start) if start else held and held.end_value),
        "hasEndTimeStamp": stamp(end.value) if end else None,
        "hasEarliestEndTimeStamp": _instant(end.begin if end else held and held.begin),
        "hasLatestEndTimeStamp": _instant(_latest(end) if end else f.ended_by),
    }
    for name, lit in bounds.items():
        if lit is not None:
            yield node, SEM + name, lit
    if held is not None and stamp(held.value) is not None:
        yield node, ONTOLOGY + "heldAt", stamp(held.value)  # type: ignore[misc]


def _latest(t: EventTime) -> Optional[str]:
    return t.end_value or t.begin
