"""State facts over time, as known at a time: who controlled a place, held an office, was in power or
present, on a day (`at`), from what the store had recorded by then (`known_at`).

Facts are never changed once written (graph/rdf/fact_triples.py). Closing is derived here, from every
fact recorded by `known_at`: a fact of one holder ends where a fact of another holder of the same
object (same relation; same office) begins after it — for control, office and power, which one holder
has at a time, not for presence. The closing is as of the later record time of the two; asked as known
before it, the earlier holder's fact is still open. So any past state of knowledge is answerable and
re-ingesting or ingesting out of order changes no answer. The README's SPARQL says the same.

A fact holds during a period [first, last] when it had begun by `last` (its earliest begin; none: an
open start) and had not ended before `first` (its latest end, or the latest begin of the fact that
closed it). On the day power changes hands both holders are answered.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional

import pyoxigraph as ox

from graph.ids import BASE, ONTOLOGY, article_iri, id_of, valid_iri
from graph.store.embedded import Store
from graph.store.queries import PREFIXES, QueryError
from graph.store.state_periods import PeriodError, known, now_period, period, recorded_time

RELATIONS = {r.lower(): r for r in ("controls", "presentIn", "holdsOffice", "inPower")}
ONE_HOLDER = {"controls", "holdsOffice", "inPower"}  # relations a later holder's begin closes

FACTS = PREFIXES + """
SELECT ?f ?holder ?rel ?obj ?role ?b ?lb ?bv ?l ?ev ?held ?rec ?conf WHERE {
  { SELECT DISTINCT ?rel ?obj WHERE { ?f0 a tkg:StateFact ; tkg:relation ?rel ; tkg:object ?obj ; tkg:holder ?h0 .
                                      %(filters)s } }
  ?f a tkg:StateFact ; tkg:relation ?rel ; tkg:object ?obj ; tkg:holder ?holder .
  OPTIONAL { ?f tkg:role ?role }
  OPTIONAL { ?f sem:hasEarliestBeginTimeStamp ?b }
  OPTIONAL { ?f sem:hasLatestBeginTimeStamp ?lb }
  OPTIONAL { ?f sem:hasBeginTimeStamp ?bv }
  OPTIONAL { ?f sem:hasLatestEndTimeStamp ?l }
  OPTIONAL { ?f sem:hasEndTimeStamp ?ev }
  OPTIONAL { ?f tkg:heldAt ?held }
  OPTIONAL { ?f prov:generatedAtTime ?rec }
  OPTIONAL { ?f tkg:confidence ?conf }
}"""

SOURCES = PREFIXES + """
SELECT ?f ?src ?text ?article ?title WHERE {
  VALUES ?f { %s }
  ?f prov:wasDerivedFrom ?src .
  OPTIONAL { ?src tkg:text ?text ; dcterms:isPartOf ?article . OPTIONAL { ?article dcterms:title ?title } }
}"""

LABELS = PREFIXES + "SELECT ?n (MIN(?l) AS ?label) WHERE { VALUES ?n { %s } ?n rdfs:label ?l } GROUP BY ?n"

NAMED = PREFIXES + """SELECT DISTINCT ?n WHERE { { ?n rdfs:label ?name } UNION { ?n skos:altLabel ?name }
  FILTER (STRSTARTS(STR(?n), "%s") && CONTAINS(LCASE(STR(?name)), LCASE(%s))) } LIMIT 1000"""


@dataclass
class Fact:
    iri: str
    holder: str
    relation: str
    object: str
    role: Optional[str]
    begin: Optional[str]  # earliest begin (xsd:dateTime lexical form); None: an open start
    begin_latest: Optional[str]
    begin_value: Optional[str]  # TIMEX3 value at its precision
    end: Optional[str]  # latest end: it had ended by then; None: may still hold
    end_value: Optional[str]
    held_at: Optional[str]
    recorded: Optional[datetime]
    confidence: float

    def key(self) -> tuple:
        return self.relation, self.object, self.role

    def shown_begin(self) -> Optional[str]:
        return self.begin_value or (self.begin[:10] if self.begin else None)


def _v(row: Any, name: str) -> Optional[str]:
    t = row[name]
    return None if t is None else t.value


def _fact(r: Any) -> Fact:
    return Fact(r["f"].value, r["holder"].value, _v(r, "rel").rsplit("#", 1)[-1], r["obj"].value, _v(r, "role"),
                _v(r, "b"), _v(r, "lb"), _v(r, "bv"), _v(r, "l"), _v(r, "ev"), _v(r, "held"),
                recorded_time(_v(r, "rec")), float(_v(r, "conf") or 0))


def _quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _nodes(store: Store, ref: str, kind: str, field: str) -> list[str]:
    """Nodes an id, IRI or part of a name refers to (actors or places)."""
    ref = ref.strip()
    if "/" in ref and " " not in ref:
        iri = ref if ref.startswith(("http://", "https://")) else BASE + ref.lstrip("/")
        if not valid_iri(iri):
            raise QueryError(field, f"not a valid id or IRI: {ref!r}")
        return [iri]
    rows = store.ox_query(NAMED % (BASE + kind + "/", _quote(ref)))
    return [r["n"].value for r in rows if isinstance(r["n"], ox.NamedNode)]


def relation_name(relation: str) -> str:
    name = RELATIONS.get(relation.strip().removeprefix("tkg:").replace("_", "").lower())
    if name is None:
        raise QueryError("relation", f"not a relation: {relation!r} (one of {', '.join(RELATIONS.values())})")
    return name


def states(store: Store, place: Optional[str] = None, actor: Optional[str] = None, relation: Optional[str] = None,
           at: Optional[str] = None, known_at: Optional[str] = None) -> list[dict[str, Any]]:
    """The states that held during `at` (a day, month or year; None: now), as recorded by `known_at`."""
    try:
        first, last = period(at, "at") if at else now_period()
        known_by = known(known_at) if known_at else None
    except PeriodError as e:
        raise QueryError(e.field, str(e)) from None
    filters, holders = [], None
    if relation:
        filters.append(f"VALUES ?rel {{ <{ONTOLOGY}{relation_name(relation)}> }}")
    if place:
        filters.append(f"VALUES ?obj {{ {' '.join(f'<{n}>' for n in _nodes(store, place, 'place', 'place'))} }}")
    if actor:
        holders = set(_nodes(store, actor, "actor", "actor"))
        filters.append(f"VALUES ?h0 {{ {' '.join(f'<{n}>' for n in holders)} }}")
    facts = [f for f in map(_fact, store.ox_query(FACTS % {"filters": "\n".join(filters)}))
             if known_by is None or (f.recorded is not None and f.recorded <= known_by)]
    same: dict[tuple, list[Fact]] = {}  # facts of one place (office, country): the only ones that can close each other
    for f in facts:
        same.setdefault(f.key(), []).append(f)
    held = []
    for f in facts:
        if holders is not None and f.holder not in holders:
            continue
        closer = _closer(f, same[f.key()])
        end = _earliest(f.end, closer.begin_latest or closer.begin if closer else None)
        if (f.begin is None or f.begin <= last) and (end is None or end >= first):
            held.append((f, closer, end))
    return _grouped(store, held)


def _earliest(*instants: Optional[str]) -> Optional[str]:
    known_ = [i for i in instants if i]
    return min(known_) if known_ else None


def _closer(f: Fact, same: list[Fact]) -> Optional[Fact]:
    """The first fact of another holder of the same object that begins after `f` (only where one holds at a time)."""
    if f.relation not in ONE_HOLDER:
        return None
    later = [g for g in same if g.holder != f.holder and g.begin
             and (f.begin is None or g.begin > f.begin)]
    return min(later, key=lambda g: g.begin or "") if later else None


def _until(f: Fact, closer: Optional[Fact], end: Optional[str]) -> Optional[str]:
    if end is None:
        return None
    if closer is not None and (closer.begin_latest or closer.begin) == end:
        return closer.shown_begin()
    return f.end_value or end[:10]


def _grouped(store: Store, held: list[tuple[Fact, Optional[Fact], Optional[str]]]) -> list[dict[str, Any]]:
    if not held:
        return []
    sources = _sources(store, [f.iri for f, _, _ in held])
    labels = _labels(store, {n for f, c, _ in held for n in (f.holder, f.object, *((c.holder,) if c else ()))})
    groups: dict[tuple, list] = {}
    for item in held:
        f = item[0]
        groups.setdefault((f.holder, f.relation, f.object, f.role), []).append(item)
    out = []
    for (holder, relation, obj, role), items in groups.items():
        begins = [f for f, _, _ in items if f.begin]
        open_end = any(end is None for _, _, end in items)
        last = None if open_end else max(items, key=lambda it: it[2])
        closed_by = None
        if last is not None and last[1] is not None and _until(*last) == last[1].shown_begin():
            f, g = last[0], last[1]
            rec = max(t for t in (f.recorded, g.recorded) if t) if (f.recorded or g.recorded) else None
            closed_by = {"holder": _ref(g.holder, labels), "fact": id_of(g.iri), "from": g.shown_begin(),
                         "recorded": _iso(rec)}
        recs = [f.recorded for f, _, _ in items if f.recorded]
        out.append({
            "holder": _ref(holder, labels), "relation": relation, "object": _ref(obj, labels), "role": role,
            "from": min(begins, key=lambda f: f.begin or "").shown_begin() if begins else None,
            "until": _until(*last) if last is not None else None, "closed_by": closed_by,
            "recorded": _iso(min(recs)) if recs else None,
            "confidence": max(f.confidence for f, _, _ in items),
            "sources": [_source(f, c, end, sources.get(f.iri, {})) for f, c, end in items],
        })
    return sorted(out, key=lambda s: (s["relation"], s["object"]["label"] or "", s["from"] or "", s["holder"]["id"]))


def _iso(t: Optional[datetime]) -> Optional[str]:
    return t.isoformat().replace("+00:00", "Z") if t else None


def _ref(iri: str, labels: dict[str, str]) -> dict[str, Optional[str]]:
    return {"id": id_of(iri), "label": labels.get(iri)}


def _source(f: Fact, closer: Optional[Fact], end: Optional[str], src: dict[str, Any]) -> dict[str, Any]:
    return {"fact": id_of(f.iri), "article": src.get("article") or {"id": id_of(article_iri(f.iri.split("/")[-2]))},
            "sentences": src.get("sentences", []), "events": src.get("events", []), "from": f.shown_begin(),
            "until": _until(f, closer, end), "held_at": f.held_at, "recorded": _iso(f.recorded),
            "confidence": f.confidence}


def _sources(store: Store, facts: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for r in store.ox_query(SOURCES % " ".join(f"<{f}>" for f in facts)):
        entry = out.setdefault(r["f"].value, {"sentences": [], "events": []})
        src = r["src"].value
        if "/event/" in src:
            entry["events"].append(id_of(src))
        elif r["text"] is not None:
            entry["sentences"].append({"id": id_of(src), "text": r["text"].value})
            entry["article"] = {"id": id_of(r["article"].value), "title": _v(r, "title")}
    for entry in out.values():
        entry["events"].sort(key=_natural)
        entry["sentences"].sort(key=lambda s: _natural(s["id"]))
    return out


def _natural(ref: str) -> tuple:
    head, _, tail = ref.rpartition("/")
    return (head, int(tail)) if tail.isdigit() else (ref, 0)


def _labels(store: Store, iris: set[str]) -> dict[str, str]:
    if not iris:
        return {}
    return {r["n"].value: r["label"].value for r in store.ox_query(LABELS % " ".join(f"<{i}>" for i in sorted(iris)))}
