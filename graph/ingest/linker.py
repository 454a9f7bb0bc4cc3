"""Linking each committed chunk's events to the happenings reported before (the rules: graph/ingest/happenings.py),
without reading back from the store what the run itself wrote.

The chunk's events are read from the N-Triples it just committed (`read_events`), not queried. The events this
run wrote (their descriptions, and what the candidate query matches on: begin instants, types, actors and
places) and the links it made stay in memory, up to MAX_EVENTS events. When the run began on a store with no
events and no happening links (a first ingest; an embedded store is this process's alone while it is open),
the store holds nothing else: candidates and links are then looked up in memory, one dictionary lookup per
actor or place of the chunk. Otherwise (a store ingested into before, a remote store, a run past MAX_EVENTS)
candidates come from the store: through the happening index when it has one (graph/store/happening_index.py:
the events sharing a CAMEO root, a key a match must share and a day a match can begin on with a new event;
those whose dates cannot meet any new event's are dropped before being described), else by the query over
every event of the window's days (happenings.CANDIDATES); only the candidates the run did not write are
described from the store. Either way the links are those the day query alone gives
(tests/test_happenings_memory.py compares memory, index and day query).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

import pyoxigraph as ox

from graph.ids import HAPPENINGS_GRAPH
from graph.ingest.happenings import (
    ARTICLE_SLACK,
    DESCRIBE,
    KEPT,
    MAX_SPAN,
    Ev,
    Window,
    _dt,
    best,
    candidates,
    describe,
    event,
    key_nodes,
    link_triples,
    links,
    plausible,
    window,
)
from graph.store import happening_index
from graph.store.embedded import Store
from graph.store.happenings import TKG

log = logging.getLogger(__name__)

MAX_EVENTS = 100_000  # remembered events (~2 KB each, ~9 per news article); past that the store is asked
_SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_TYPED = f" <{_SEM}Event> ."
_BEGIN, _EVENT_TYPE = _SEM + "hasEarliestBeginTimeStamp", _SEM + "eventType"
_KEYS = frozenset({TKG + "agent", TKG + "target", _SEM + "hasPlace"})
_XSD_DT = "http://www.w3.org/2001/XMLSchema#dateTime"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_ANY = ox.NamedNode("urn:x")
ANYTHING = f"ASK {{ {{ ?e <{_EVENT_TYPE}> ?t }} UNION {{ GRAPH <{HAPPENINGS_GRAPH}> {{ ?l ?p ?o }} }} }}"


@dataclass(slots=True)
class Written:
    """An event a chunk wrote: its description, whether it is typed `sem:Event` (one of the chunk's new events),
    and what the candidate query (happenings.CANDIDATES) matches, every value of its exact predicates."""
    ev: Ev
    typed: bool
    begins: frozenset[str]
    types: tuple[str, ...]
    keys: frozenset[str]


def _local(predicate: str) -> str:
    return predicate.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


_KEEP: dict[str, bool] = {}  # predicate -> whether its lines describe events (by local name, as describe keeps)


def _kept_lines(nt: str) -> list[str]:
    """The lines of `nt` (N-Triples) that describe events: a kept property, `a sem:Event`."""
    out = []
    for line in nt.split("\n"):
        k = line.find("> <")
        j = line.find(">", k + 3)
        if k < 1 or j < 0 or not line.startswith("<") or not line.endswith(" ."):
            continue
        p = line[k + 3:j]
        keep = _KEEP.get(p)
        if keep is None:
            keep = p == _RDF_TYPE or _local(p) in KEPT
            if len(_KEEP) < 10_000:
                _KEEP[p] = keep
        if keep and (p != _RDF_TYPE or line.endswith(_TYPED)):
            out.append(line)
    return out


@lru_cache(maxsize=65536)
def _canonical(lexical: str, datatype: str) -> str:
    """A typed literal's lexical form as the store gives it back ("…:51.123400Z" -> "…:51.1234Z")."""
    mem = ox.Store()
    mem.add(ox.Quad(_ANY, _ANY, ox.Literal(lexical, datatype=ox.NamedNode(datatype))))
    return next(iter(mem)).object.value


def _triple(line: str) -> tuple[str, str, str, str]:
    """(subject, predicate, object's value, datatype: "" for an IRI) of a kept line, literals in canonical form."""
    k = line.find("> <")
    j = line.find(">", k + 3)
    s, p, o = line[1:k], line[k + 3:j], line[j + 2:-2]
    if "\\" not in line:  # no escapes: read as written (most lines); else Oxigraph's own parser
        if o.startswith("<") and o.endswith(">"):
            return s, p, o[1:-1], ""
        q = o.rfind('"')
        if o.startswith('"') and q > 0 and (q == len(o) - 1 or o.startswith("^^<", q + 1) and o.endswith(">")):
            lexical, datatype = o[1:q], o[q + 4:-1] if q < len(o) - 1 else _XSD_STRING
            return s, p, lexical if datatype == _XSD_STRING else _canonical(lexical, datatype), datatype
    t = next(iter(ox.parse(line, format=ox.RdfFormat.N_TRIPLES)))
    obj = t.object
    datatype = obj.datatype.value if isinstance(obj, ox.Literal) else "" if isinstance(obj, ox.NamedNode) else "_"
    value = _canonical(obj.value, datatype) if isinstance(obj, ox.Literal) and obj.language is None and \
        datatype != _XSD_STRING else obj.value
    return t.subject.value, t.predicate.value, value, datatype


def _is_event_type(line: str) -> bool:
    """Whether a kept line states a property named `eventType` (what event() asks for first)."""
    k = line.find("> <")
    p = line[k + 3:line.find(">", k + 3)]
    return p.endswith("eventType") and _local(p) == "eventType"


def read_events(graphs: dict[str, str]) -> dict[str, dict[str, Written]]:
    """The events each article's N-Triples (article IRI -> N-Triples) state, by article, described as the store
    describes them: typed literals in the canonical forms the store gives (record times lose trailing zeros),
    a triple stated twice counted once."""
    props: dict[tuple[str, str], dict[str, list[str]]] = {}
    exact: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    typed: set[tuple[str, str]] = set()
    for g, nt in graphs.items():
        seen: set[tuple[str, str, str, str]] = set()
        lines = _kept_lines(nt)
        # only events with a type become an Ev (event() gives None for the others, about half of them): their
        # lines are the only ones worth parsing (the subject and predicate are cut as _triple cuts them)
        typed_subjects = {line[1:line.find("> <")] for line in lines if _is_event_type(line)}
        for line in lines:
            if line[1:line.find("> <")] not in typed_subjects:
                continue
            t = _triple(line)
            if t in seen:
                continue
            seen.add(t)
            s, p, value, datatype = t
            if p == _RDF_TYPE:
                typed.add((g, s))
                continue
            props.setdefault((g, s), {}).setdefault(_local(p), []).append(value)
            exact.setdefault((g, s), []).append((p, value, datatype))
    out: dict[str, dict[str, Written]] = {}
    for (g, e), d in props.items():
        ev = event(e, d)
        if ev is None:
            continue
        pairs = exact[(g, e)]
        begins = frozenset(v for p, v, dt in pairs if p == _BEGIN and dt == _XSD_DT)
        types = tuple(v for p, v, _ in pairs if p == _EVENT_TYPE)
        keys = frozenset(v for p, v, dt in pairs if p in _KEYS and dt == "")
        typed_event = (g, e) in typed and bool(types)  # what the store was asked for: a sem:Event with a sem:eventType
        out.setdefault(g, {})[e] = Written(ev, typed_event, begins, types, keys)
    return out


def _in_window(x: Written, w: Window, prefixes: tuple[str, ...], check_keys: bool = True) -> bool:
    """What happenings.CANDIDATES asks of an event: a begin among the window's instants, a type of one of its
    roots, one of its keys as agent, target or place."""
    return not x.begins.isdisjoint(w.days) and any(t.startswith(prefixes) for t in x.types) and \
        (not check_keys or not x.keys.isdisjoint(w.keys))


def _may_meet(store: Store, iris: list[str], new: list[Ev], w: Window) -> list[str]:
    """Those of the stored events `iris` that may pass the rules with one of `new`, judged by their dates alone
    (read without describing them): a begin among the window's instants (what the candidate query asks), an
    interval of at most MAX_SPAN whose days, from ARTICLE_SLACK before its begin (it may be dated by its
    article) to its end, meet the days of some new event's interval. The rest cannot match: not described."""
    covered: set[date] = set()
    for ev in new:
        lo, hi = ev.span()
        day = lo.date()
        while day <= hi.date() and ev.end - ev.begin <= MAX_SPAN:
            covered.add(day)
            day += timedelta(days=1)
    out = []
    for e, (begins, ends) in happening_index.spans(store, sorted(iris)).items():
        if not begins or w.days.isdisjoint(begins):
            continue
        begin = _dt(min(begins))
        end = _dt(max(ends)) if ends else begin.replace(hour=23, minute=59, second=59)
        if end - begin > MAX_SPAN:
            continue
        day, last = (begin - ARTICLE_SLACK).date(), end.date()
        while day <= last and day not in covered:
            day += timedelta(days=1)
        if day <= last:
            out.append(e)
    return sorted(out)


def describe_written(store: Store, iris: list[str]) -> dict[str, Written]:
    """The events among `iris` as `read_events` reads them, from the store: their descriptions (the same as
    happenings.describe gives) and what the candidate query matches on."""
    props: dict[str, dict[str, list[str]]] = {}
    begins: dict[str, set[str]] = {}
    types: dict[str, list[str]] = {}
    keys: dict[str, set[str]] = {}
    for i in range(0, len(iris), 500):
        for r in store.ox_query(DESCRIBE % " ".join(f"<{e}>" for e in iris[i:i + 500])):
            e, p, o = r["e"].value, r["p"].value, r["o"]
            name = _local(p)
            if name not in KEPT:
                continue
            props.setdefault(e, {}).setdefault(name, []).append(o.value)
            if p == _BEGIN and isinstance(o, ox.Literal) and o.datatype.value == _XSD_DT:
                begins.setdefault(e, set()).add(o.value)
            elif p == _EVENT_TYPE and not isinstance(o, ox.BlankNode):
                types.setdefault(e, []).append(o.value)
            elif p in _KEYS and isinstance(o, ox.NamedNode):
                keys.setdefault(e, set()).add(o.value)
    out = {}
    for e, d in props.items():
        ev = event(e, d)
        if ev is not None:
            out[e] = Written(ev, True, frozenset(begins.get(e, ())), tuple(types.get(e, ())), frozenset(keys.get(e, ())))
    return out


class Linker:
    """One ingest run's happening linking, with the run's events and links in memory."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.written: dict[str, Written] = {}
        self.of_article: dict[str, list[str]] = {}
        self.by_key: dict[str, set[str]] = {}  # actor or place IRI -> events naming it
        self.rep_of: dict[str, str] = {}  # links this run made: mention -> representative
        self.mentions_of: dict[str, set[str]] = {}
        # the store holds nothing memory lacks: no events, no links (an embedded store has one writer: this run)
        self.complete = not store.remote and not bool(store.ox_query(ANYTHING))
        self.keyed: Optional[bool] = None  # the store has the happening index (graph/store/happening_index.py)

    def link(self, batch: list[tuple[str, str, str]], when: str) -> int:
        """Link the typed events of the committed chunk `batch` ((article IRI, own N-Triples, entity N-Triples),
        as written) to the happenings they report; returns the number of links written (one update, in the
        happenings graph, recorded at `when`)."""
        events = read_events({iri: own for iri, own, _ in batch})
        for iri, _, _ in batch:
            self._forget(iri)
        self._remember(events)
        new = {e: w.ev for ws in events.values() for e, w in ws.items() if w.typed}
        if not new:
            return 0
        w = window(new.values())
        if w is None:
            cands: dict[str, Ev] = {}
        elif self.complete:
            cands = {e: self.written[e].ev for e in self._candidates(w)}
        elif self._keyed():
            cands = self._keyed_candidates([self.written[e] for e in new], w)
        else:  # a store written before the happening index: every event of the window's days is read
            found = candidates(self.store, w)
            cands = {e: self.written[e].ev for e in found if e in self.written}
            cands.update(describe(self.store, [e for e in found if e not in self.written]))
        near = plausible(new, cands)
        iris = sorted({c.iri for cs in near.values() for c in cs} | set(new))
        rep, has_mentions, split = self._links(iris) if self.complete else links(self.store, iris)
        triples: list[str] = []
        made: list[tuple[str, str]] = []
        for ev in sorted(new.values(), key=Ev.order):
            if ev.iri in rep or ev.iri in has_mentions:
                continue  # already part of a happening (re-ingest): leave it
            found_best = best(ev, near[ev.iri], rep, split)
            if found_best is None:
                continue
            target, s, evidence = found_best
            rep[ev.iri] = target
            has_mentions.add(target)
            triples += link_triples(ev.iri, target, s, evidence, when)
            made.append((ev.iri, target))
        if triples:
            self.store.maintain(f"INSERT DATA {{ GRAPH <{HAPPENINGS_GRAPH}> {{\n" + "\n".join(triples) + "\n} }")
            for m, r in made:
                self.rep_of[m] = r
                self.mentions_of.setdefault(r, set()).add(m)
        return len(made)

    def _forget(self, article: str) -> None:
        """An article written again: its earlier events are gone from the store (its graph was replaced)."""
        for e in self.of_article.pop(article, ()):
            for k in self.written.pop(e).keys:
                self.by_key[k].discard(e)

    def _remember(self, events: dict[str, dict[str, Written]]) -> None:
        if len(self.written) + sum(map(len, events.values())) > MAX_EVENTS:
            if self.complete:
                log.info("happenings: over %d events in memory; asking the store from now on", MAX_EVENTS)
            self.complete = False  # what is dropped is still in the store, which is asked from now on
            self.written, self.of_article, self.by_key = {}, {}, {}
            self.rep_of, self.mentions_of = {}, {}
        for article, ws in events.items():
            self.of_article[article] = list(ws)
            for e, w in ws.items():
                self.written[e] = w
                for k in w.keys:
                    self.by_key.setdefault(k, set()).add(e)

    def _candidates(self, w: Window) -> list[str]:
        """happenings.candidates, answered from memory: events naming a key, of a root, beginning on a day."""
        prefixes = w.type_prefixes()
        found: set[str] = set()
        for k in w.keys:
            for e in self.by_key.get(k, ()):
                if e not in found and _in_window(self.written[e], w, prefixes, check_keys=False):
                    found.add(e)
        return sorted(found)

    def _keyed(self) -> bool:
        """Whether the store links every event to its happening keys (asked once, when first needed)."""
        if self.keyed is None:
            self.keyed = happening_index.indexed(self.store)
        return self.keyed

    def _keyed_candidates(self, new: list[Written], w: Window) -> dict[str, Ev]:
        """The candidates of happenings.candidates that can pass the rules with one of `new` (the others cannot
        change a link), through the happening index: the events sharing a CAMEO root, an actor or the place and
        a day a match can begin on with one of them; then the same exact conditions as the query, on those only.
        Only the window's days are looked up: the query asks for a begin among them, and an event has one begin
        (ontologies/shapes.ttl), the one the rules compare, so a match begins on one of those days."""
        days = {d[:10] for d in w.days}
        nodes = key_nodes((x.ev for x in new), happening_index.aliases(self.store), days)
        found = happening_index.events_at(self.store, sorted(nodes))
        stored = describe_written(self.store, _may_meet(self.store, [e for e in found if e not in self.written],
                                                        [x.ev for x in new], w))
        prefixes = w.type_prefixes()
        out: dict[str, Ev] = {}
        for e in sorted(found):
            x = self.written.get(e) or stored.get(e)
            if x is not None and _in_window(x, w, prefixes):
                out[e] = x.ev
        return out

    def _links(self, iris: list[str]) -> tuple[dict[str, str], set[str], set[frozenset]]:
        """happenings.links, answered from memory (the run's links are all the store has, and none is split)."""
        rep: dict[str, str] = {}
        has_mentions: set[str] = set()
        for x in iris:
            r = self.rep_of.get(x)
            if r is not None:
                rep[x] = r
                has_mentions.add(r)
            for m in self.mentions_of.get(x, ()):
                rep[m] = x
                has_mentions.add(x)
        return rep, has_mentions, set()
