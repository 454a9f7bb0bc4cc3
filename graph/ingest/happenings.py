"""One event per happening, at ingest: link each new event to the happening other articles already reported.

After a chunk of articles is committed, each of its typed events is compared with the events already in the
store (other articles) that share an actor or its place and begin in a window around it. Two events report the
same happening when (hard rules, all of them):

- their CAMEO types have the same root (`190` and `193`: both "fight");
- their dates are compatible: the [earliest begin, latest end] intervals overlap, neither spans more than 31
  days; an event dated only by its article's day (no time of its own) may have happened up to 3 days before
  it, and then both events need the same place ("the army said" in two articles is two statements);
- their places are the same, or one has none;
- they share an actor in the same role (agent with agent, target with target), and if both name agents, some
  agent is the same; or, when one names no actor at all, both have the same CAMEO code, the same place and a
  date of their own (not the article's).

A score (type 0.2-0.3 + shared actors 0-0.3 + place 0.05-0.2 + date 0.1-0.2) ranks candidates and is kept
as evidence. The new event is linked to the representative (earliest recorded event) of the best candidate's
happening (graph/store/happenings.py writes down the model). Idempotent: an event already linked, or that
others link to, is left alone, and pairs an analyst split are never linked again.

This module holds the rules and the store queries; graph/ingest/linker.py runs them chunk by chunk, answering
from memory what the run itself wrote. The rules also say where a match can be: `key_nodes` turns them into
lookups of the happening index (graph/rdf/happening_keys.py), so a big store is asked for the events that share
a root, an actor or the place and a possible day with a new one, not for every event of those days.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Iterable, Optional

from graph.ids import HAPPENINGS_GRAPH
from graph.rdf import happening_keys
from graph.store.embedded import Store
from graph.store.happenings import LINK_CLASS, SAME, TKG, link_iri

log = logging.getLogger(__name__)

MAX_SPAN = timedelta(days=31)  # longer intervals ("in 2023", "since June") are no dated happening
ARTICLE_SLACK = timedelta(days=3)  # an event dated by its article may have happened a few days before
MIN_SCORE = 0.5
_CAMEO = "https://w3id.org/timeline-kg/cameo/"
_DT = "http://www.w3.org/2001/XMLSchema#dateTime"

PREFIXES = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX tkg: <https://w3id.org/timeline-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""

# Candidates are chosen by the exact begin instants a matching event can have (days of the window at midnight,
# the first of its months): lookups in the object index. A FILTER on a range scans every event's begin, and
# a join on (instant, actor) pairs was no faster in Oxigraph (10 s for a chunk on 100k events, against 0.5 s).
CANDIDATES = PREFIXES + """
SELECT DISTINCT ?c WHERE {
  VALUES ?b { %s }
  ?c sem:hasEarliestBeginTimeStamp ?b ; sem:eventType ?t . FILTER (%s)
  ?c tkg:agent|tkg:target|sem:hasPlace ?k . FILTER (?k IN (%s))
}"""

# one index scan per event (subject bound), every predicate, kept or dropped in Python: a VALUES on ?p too
# made Oxigraph scan the predicates first (6 s for 128 events on 100k)
DESCRIBE = PREFIXES + """SELECT ?e ?p ?o WHERE { VALUES ?e { %s } ?e ?p ?o }"""
KEPT = {"eventType", "hasEarliestBeginTimeStamp", "hasLatestEndTimeStamp", "timeSource", "generatedAtTime",
         "agent", "target", "hasPlace"}

# the events' VALUES inside each branch of the UNION: outside it, Oxigraph joined them after the union of every
# link (263 against 3.9 ms for 200 events and 14 links, measured)
LINKS = PREFIXES + """
SELECT ?m ?r ?gone WHERE {
  GRAPH <%(graph)s> { { VALUES ?x { %(values)s } ?l tkg:mention ?x } UNION { VALUES ?x { %(values)s } ?l tkg:representative ?x }
               ?l tkg:mention ?m ; tkg:representative ?r . OPTIONAL { ?l prov:invalidatedAtTime ?gone } }
}"""


@dataclass(slots=True)
class Ev:
    """What matching needs of one event."""
    iri: str
    article: str
    code: str
    begin: datetime
    end: datetime
    dated_by_article: bool
    recorded: str
    agents: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    place: Optional[str] = None

    @property
    def actors(self) -> set[str]:
        return self.agents | self.targets

    def span(self) -> tuple[datetime, datetime]:
        return (self.begin - ARTICLE_SLACK if self.dated_by_article else self.begin), self.end

    def order(self) -> tuple[str, str]:
        """Earliest recorded first; in one chunk (one record time), by IRI: who represents a happening."""
        return self.recorded, self.iri


def _dt(text: str) -> datetime:
    return datetime.fromisoformat(text[:19])


def score(a: Ev, b: Ev) -> tuple[float, str]:
    """(score, evidence) for `a` and `b` reporting the same happening; (0, reason) when a hard rule fails."""
    if a.code[:2] != b.code[:2]:
        return 0.0, "different CAMEO roots"
    (alo, ahi), (blo, bhi) = a.span(), b.span()
    if a.end - a.begin > MAX_SPAN or b.end - b.begin > MAX_SPAN or alo > bhi or blo > ahi:
        return 0.0, "dates apart"
    if a.place and b.place and a.place != b.place:
        return 0.0, "different places"
    if (a.dated_by_article or b.dated_by_article) and not (a.place and b.place):
        return 0.0, "dated by the article only, without a place"  # "the army said" in two articles: two statements
    shared = (a.agents & b.agents) | (a.targets & b.targets)
    if a.agents and b.agents and not a.agents & b.agents:
        return 0.0, "different agents"
    if shared:
        who = f"shared actors {', '.join(sorted(x.rsplit('/', 1)[-1] for x in shared))}"
        s_actors = 0.3 * len(shared) / len(a.actors | b.actors)
    elif (not a.actors or not b.actors) and a.code == b.code and a.place and b.place \
            and not a.dated_by_article and not b.dated_by_article:
        who, s_actors = "no actor on one side", 0.0
    else:
        return 0.0, "no shared actor"
    s_type, what = (0.3, f"same CAMEO type {a.code}") if a.code == b.code else (0.2, f"same CAMEO root {a.code[:2]}")
    s_place, where = (0.2, "same place") if a.place and a.place == b.place else (0.05, "place unknown on one side")
    same_day = a.begin.date() == b.begin.date() and not a.dated_by_article and not b.dated_by_article
    s_date, when = (0.2, "same day") if same_day else (0.1, "overlapping dates")
    return round(s_type + s_actors + s_place + s_date, 3), "; ".join((what, who, where, when))


def plausible(new: dict[str, Ev], cands: dict[str, Ev]) -> dict[str, list[Ev]]:
    """For each new event, the earlier-recorded events of other articles (candidates or new) that pass the rules
    with it. Only events sharing an actor or the place can (the rules ask for one), so only those are scored."""
    by_key: dict[str, list[Ev]] = {}
    for c in {**cands, **new}.values():
        for k in c.actors | ({c.place} if c.place else set()):
            by_key.setdefault(k, []).append(c)
    out = {}
    for ev in new.values():
        seen = {c.iri: c for k in ev.actors | ({ev.place} if ev.place else set()) for c in by_key.get(k, [])}
        out[ev.iri] = [c for c in seen.values() if c.article != ev.article and c.order() < ev.order()
                       and score(ev, c)[0] >= MIN_SCORE]
    return out


def best(ev: Ev, near: list[Ev], rep: dict[str, str], split: set[frozenset]) -> Optional[tuple[str, float, str]]:
    """(representative, score, evidence) of the best of `near` not split from `ev`: highest score, then earliest
    recorded."""
    best: Optional[tuple[float, tuple[str, str], str, str]] = None
    for c in near:
        target = rep.get(c.iri, c.iri)
        if frozenset((ev.iri, target)) in split or frozenset((ev.iri, c.iri)) in split:
            continue
        s, evidence = score(ev, c)
        if s >= MIN_SCORE and (best is None or s > best[0] or (s == best[0] and c.order() < best[1])):
            best = (s, c.order(), target, evidence)
    return None if best is None else (best[2], best[0], best[3])


def link_triples(mention: str, rep: str, s: float, evidence: str, when: str) -> list[str]:
    link = link_iri(mention, rep)
    ev = evidence.replace("\\", "\\\\").replace('"', '\\"')
    return [f"<{mention}> <{SAME}> <{rep}> .",
            f"<{link}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{LINK_CLASS}> .",
            f"<{link}> <{TKG}mention> <{mention}> .",
            f"<{link}> <{TKG}representative> <{rep}> .",
            f'<{link}> <{TKG}score> "{s}"^^<http://www.w3.org/2001/XMLSchema#decimal> .',
            f'<{link}> <{TKG}evidence> "{ev}" .',
            f'<{link}> <http://www.w3.org/ns/prov#generatedAtTime> "{when}"^^<{_DT}> .']


def instants(events: Iterable[Ev]) -> set[str]:
    """The begin instants (xsd:dateTime lexical forms) of every event that could overlap one of `events`: each
    day from a week (a week-precise begin) before its span to a few days after, and the first of those months."""
    out: set[str] = set()
    for lo, hi in {ev.span() for ev in events}:  # a chunk's events share a few spans (their articles' days)
        day = (lo - timedelta(days=7)).replace(hour=0, minute=0, second=0, microsecond=0)
        while day <= hi + ARTICLE_SLACK:
            out.add(day.isoformat())
            out.add(day.replace(day=1).isoformat())
            day += timedelta(days=1)
    return out


@dataclass(frozen=True)
class Window:
    """What a candidate for some event of a chunk has: a type of one of the `roots` (CAMEO root codes), one of
    the `keys` (actor or place IRIs) as agent, target or place, and a begin among the `days` (instants)."""
    roots: tuple[str, ...]
    keys: tuple[str, ...]
    days: frozenset[str]

    def type_prefixes(self) -> tuple[str, ...]:
        return tuple(f"{_CAMEO}{r}" for r in self.roots)


def window(events: Iterable[Ev]) -> Optional[Window]:
    """The Window of `events` (of those dated to at most MAX_SPAN); None when no event can have a candidate."""
    dated = [ev for ev in events if ev.end - ev.begin <= MAX_SPAN]
    keys = sorted({k for ev in dated for k in ev.actors | ({ev.place} if ev.place else set())})
    if not keys:
        return None
    return Window(tuple(sorted({ev.code[:2] for ev in dated})), tuple(keys), frozenset(instants(dated)))


def key_days(ev: Ev) -> list[str]:
    """Every day (YYYY-MM-DD) a candidate that passes the rules with `ev` can begin on: its interval ends after
    `ev`'s earliest begin and spans at most MAX_SPAN, so it begins at most MAX_SPAN before; it begins before
    `ev`'s latest end, or up to ARTICLE_SLACK after when dated by its article."""
    lo, hi = ev.span()
    day, last = (lo - MAX_SPAN).date(), (hi + ARTICLE_SLACK).date()
    out = []
    while day <= last:
        out.append(day.isoformat())
        day += timedelta(days=1)
    return out


def key_nodes(events: Iterable[Ev], aliases: dict[str, set[str]], only: Optional[set[str]] = None) -> set[str]:
    """The happening-index nodes (graph/rdf/happening_keys.py) under which every event that can pass the rules
    with one of `events` is linked: the event's CAMEO root (a match has the same), each day of `key_days` (those
    in `only`, when given: the days a candidate must begin on, e.g. a Window's) and each key a match must share
    with it: its place, and its actors unless it is dated by its article only (a match must then have its
    place); none for an event dated by its article without a place (nothing can match it). A key some
    correction replaced or introduced is asked under every IRI it was tied to."""
    days_of: dict[tuple[str, str], set[str]] = {}
    for ev in events:
        if ev.end - ev.begin > MAX_SPAN:
            continue  # no dated happening: nothing can match it
        keys = ({ev.place} if ev.place else set()) | (set() if ev.dated_by_article else ev.actors)
        if not keys:
            continue
        days = [d for d in key_days(ev) if only is None or d in only]
        for k in keys:
            for alias in aliases.get(k, (k,)):
                days_of.setdefault((ev.code[:2], alias), set()).update(days)
    return {happening_keys.node(root, k, d) for (root, k), days in days_of.items() for d in days}


def candidates(store: Store, w: Window) -> list[str]:
    """Typed events in `store` that are candidates for the window's events (the new events themselves come back
    too): one query per 400 instants."""
    roots = " || ".join(f'STRSTARTS(STR(?t), "{p}")' for p in w.type_prefixes())
    keys = ", ".join(f"<{k}>" for k in w.keys)
    days = sorted(w.days)
    found: set[str] = set()
    for i in range(0, len(days), 400):
        values = " ".join(f'"{d}"^^<{_DT}>' for d in days[i:i + 400])
        found |= {r["c"].value for r in store.ox_query(CANDIDATES % (values, roots, keys))}
    return sorted(found)


def describe(store: Store, iris: list[str]) -> dict[str, Ev]:
    """The typed events among `iris`, described; an event's article is its IRI's parent (`…/event/{key}/{i}`)."""
    props: dict[str, dict[str, list[str]]] = {}
    for i in range(0, len(iris), 500):
        for r in store.ox_query(DESCRIBE % " ".join(f"<{e}>" for e in iris[i:i + 500])):
            name = r["p"].value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
            if name in KEPT:
                props.setdefault(r["e"].value, {}).setdefault(name, []).append(r["o"].value)
    return {e: ev for e, d in props.items() if (ev := event(e, d)) is not None}


def event(e: str, d: dict[str, list[str]]) -> Optional[Ev]:
    """The Ev of event `e` from its kept properties (local name -> distinct values); None if it has no type or
    no begin."""
    if "eventType" not in d or "hasEarliestBeginTimeStamp" not in d:
        return None
    begin = _dt(min(d["hasEarliestBeginTimeStamp"]))
    end = _dt(max(d["hasLatestEndTimeStamp"])) if "hasLatestEndTimeStamp" in d else \
        begin.replace(hour=23, minute=59, second=59)
    return Ev(e, e.rsplit("/", 1)[0], min(d["eventType"]).rsplit("/", 1)[-1], begin, end,
              d.get("timeSource") == ["article"], min(d.get("generatedAtTime", [""])),
              set(d.get("agent", [])), set(d.get("target", [])), min(d["hasPlace"]) if "hasPlace" in d else None)


def links(store: Store, iris: list[str]) -> tuple[dict[str, str], set[str], set[frozenset]]:
    """For the events `iris`: live mention -> representative, the representatives with live mentions, and the
    pairs an analyst split."""
    rep: dict[str, str] = {}
    has_mentions: set[str] = set()
    split: set[frozenset] = set()
    for i in range(0, len(iris), 200):
        values = " ".join(f"<{e}>" for e in iris[i:i + 200])
        for r in store.ox_query(LINKS % {"values": values, "graph": HAPPENINGS_GRAPH}):
            m, t = r["m"].value, r["r"].value
            if r["gone"] is not None:
                split.add(frozenset((m, t)))
            else:
                rep[m] = t
                has_mentions.add(t)
    return rep, has_mentions, split
