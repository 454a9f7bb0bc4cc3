"""Read queries over the store that the API and the CLI share (SPARQL text + row shaping)."""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Callable, Optional

import pyoxigraph as ox

from graph.ids import BASE, id_of, valid_iri
from graph.rdf.shown import REPORTS, STATEMENT  # the verdict kept at write time uses them too: no drift
from graph.store import filter_share, page_rows, time_index
from graph.store.embedded import Store
from graph.store.free_text import TEXT_MAX as TEXT_MAX  # the routers read queries.TEXT_MAX
from graph.store.free_text import text_count, text_filter
from graph.store.happenings import HIDE_MENTIONS, sources
from graph.store.per_revision import PerRevision
from graph.store.places_within import within
from graph.store.sparql_text import PREFIXES, QueryError, _quote, normal_name

_XSD_DT = "<http://www.w3.org/2001/XMLSchema#dateTime>"


def window_filter(var: str, start: Optional[date], end: Optional[date]) -> str:
    """A SPARQL FILTER keeping `var` (an xsd:dateTime) inside [start, end], whole days."""
    f = []
    if start:
        f.append(f'{var} >= "{start.isoformat()}T00:00:00"^^{_XSD_DT}')
    if end:
        f.append(f'{var} <= "{end.isoformat()}T23:59:59"^^{_XSD_DT}')
    return f"FILTER ({' && '.join(f)})" if f else ""


# The default timeline, view and exports: occurrences and events with a CAMEO type; reporting verbs, states,
# perceptions, aspectual and intensional events without a type ("said", "remains", "want", "began") only with
# the switch (`all`). Events stored before event classes existed have no class and are kept.
# Intended events ("vowed to retake the city": class intention) have not happened: not shown even when typed.
# A report or a perception tells of another event: shown only when CAMEO codes the saying itself as an act beyond
# a public statement (root 01: "said" 010, "denied" 016), as an accusation, a demand, an appeal or a rejection
# ("accused the UAE" 112); "residents said", "officials said" only with the switch.


def _plain_statement(class_var: str, type_var: str) -> str:
    """The FILTER expression: an event of class `class_var` and type `type_var` is a report or perception of root 01."""
    reports = ", ".join(f'"{c}"' for c in REPORTS)
    return f'{class_var} IN ({reports}) && STRSTARTS(STR({type_var}), "{STATEMENT}")'


# Flat, not nested: a NOT EXISTS inside the FILTER of an EXISTS ran past a 20 s timeout on Virtuoso 7.2 for a
# place's window of the seed (tests/test_store_backends.py); Oxigraph answers either form alike.
SHOWN_EVENTS = ('FILTER ((EXISTS { ?e sem:eventType ?anyType } && NOT EXISTS { ?e tkg:eventClass "intention" } && '
                f'NOT EXISTS {{ ?e tkg:eventClass ?cls0 ; sem:eventType ?t1 . FILTER ({_plain_statement("?cls0", "?t1")}) }}) || '
                'NOT EXISTS { ?e tkg:eventClass ?cls . FILTER (?cls != "occurrence") })')

# SHOWN_EVENTS for an event that has a type, bound to ?t0 by type_filter: (not an intention nor a plain statement)
# || no class but occurrence; an intention or a report has a class other than occurrence, so the second branch
# adds nothing
TYPED_SHOWN = f'FILTER NOT EXISTS {{ ?e tkg:eventClass ?cls0 . FILTER (?cls0 = "intention" || {_plain_statement("?cls0", "?t0")}) }}'

# One actor's story (actors/{id}/timeline unless asked otherwise): what happened to it, what it said, and what the
# text states will come ("will cut 3,000 jobs"), as the SemEval-2015 TimeLine task lists an entity's events; not
# what did not happen, what may or is meant to ("could cut", "plans to cut": modality negated or hypothetical),
# nor the wanting or the phase of another event ("wants", "began": classes i_state and aspectual). Its plain
# statements stay ("GM said"): the task's gold lists them (leaving root-01 reports out of stories, as the default
# timeline does, took the dev TimeLine F1 from 0.305 to 0.246 on airbus and from 0.321 to 0.178 on gm).
STORY_EVENTS = ('FILTER NOT EXISTS { ?e tkg:modality ?mod . FILTER (?mod IN ("negated", "hypothetical")) }\n'
                'FILTER NOT EXISTS { ?e tkg:eventClass ?cls . FILTER (?cls IN ("i_state", "aspectual")) }')


def event_filter(all_events: bool, story: bool = False, typed: bool = False) -> str:
    """The FILTERs on `?e` that keep the events a default timeline shows (with the switch on: every class; for one
    actor's story: STORY_EVENTS), one event per happening (the mentions other articles make of it are its
    `sources`, graph/store/happenings.py). `typed`: the events have a CAMEO type (a type filter), which
    leaves of SHOWN_EVENTS its tests for intentions and plain statements (two tests less per event: a type's
    first page cost a third more)."""
    if all_events:
        return HIDE_MENTIONS
    if story:
        return STORY_EVENTS + "\n" + HIDE_MENTIONS
    return (TYPED_SHOWN if typed else SHOWN_EVENTS) + "\n" + HIDE_MENTIONS


# The page is chosen first (PAGE: filter, order, limit), then only its events are described
# (VALUES): describing every event before ordering made a month's page take minutes on 1M
# triples. Actors and places are described by separate small queries, grouped, because the
# union default graph repeats a triple once per article graph that states it (Oxigraph does not
# merge), so a place named in 50 articles would otherwise multiply each row by 50.
# The page's candidates come through the time index (graph/store/time_index.py) when the store
# has one: only the days that hold the page are read, and ties in time (most events of a day begin
# at midnight) are broken by TIE, so pages never overlap. Not by the IRI itself: Oxigraph decodes
# both strings at every comparison (60-100 ms for a day of 1,100 events; 22 ms by its MD5).
TIE = "MD5(STR(?e))"
PAGE = PREFIXES + """
SELECT DISTINCT ?e ?begin WHERE {
  %(filters)s
  ?e sem:hasEarliestBeginTimeStamp ?begin .
  %(window)s
} ORDER BY %(order)s LIMIT %(limit)d OFFSET %(offset)d
"""

# What a page shows of each event: graph/store/page_rows.py (one kept row an event where the store has them)
EVENT_DETAILS = page_rows.EVENT_DETAILS

EVENT_ACTORS = PREFIXES + """
SELECT ?e ?role ?actor (SAMPLE(?l) AS ?label) WHERE {
  VALUES ?e { %s }
  { ?e tkg:agent ?actor . BIND("agent" AS ?role) } UNION { ?e tkg:target ?actor . BIND("target" AS ?role) }
  UNION { ?e sem:hasActor ?actor . FILTER NOT EXISTS { ?e tkg:agent|tkg:target ?actor } BIND("participant" AS ?role) }
  OPTIONAL { ?actor rdfs:label ?l }
} GROUP BY ?e ?role ?actor
"""

# One row per statement, shaped in Python: OPTIONALs for label, latitude and longitude would
# multiply each other's rows wherever a place is described in several graphs (the union default
# graph keeps every copy), and a store written before the entities graph ran out of memory here.
# (place, predicate) pairs in one VALUES: with two VALUES, Oxigraph joined them to `?place ?p ?o`
# by scanning the store (66-130 ms at 2k articles, growing with it; 0.6 ms this way).
PLACES = PREFIXES + """
SELECT ?place ?p ?o WHERE {
  VALUES (?place ?p) { %s }
  ?place ?p ?o .
}
"""


_CODE = re.compile(r"^\d{2,4}$")


class UnknownRef(LookupError):
    """An `actor=` or `place=` filter that names nothing in the store."""


KIND_CLASS = {"actor": "sem:Actor", "place": "sem:Place"}

# Whole names only (`actor=apple` must not mix Apple Inc., Apple Computer and Apple Corps: part of
# a name is what `actors?q=` is for), compared lower-cased with typographic apostrophes made
# straight. The length test comes first: it is cheap and rules out nearly every label.
NAMED = PREFIXES + """
SELECT DISTINCT ?n WHERE {
  ?n a %(cls)s .
  { ?n rdfs:label ?name } UNION { ?n skos:altLabel ?name }
  FILTER (STRLEN(?name) = %(len)d && REPLACE(LCASE(STR(?name)), "[\u2018\u2019\u02BC]", "'") = %(name)s)
} LIMIT 1000
"""

def _id_iri(kind: str, ref: str) -> Optional[str]:
    """The IRI an id-shaped `ref` would name (`actor/apple-inc`, `apple-inc`, or the full IRI); None
    for what can only be a name. QueryError for an IRI or `kind/...` id that no IRI can spell."""
    explicit = ref.startswith(("http://", "https://", f"{kind}/", f"/{kind}/"))
    if ref.startswith(("http://", "https://")):
        iri = ref
    else:
        key = ref.strip("/")
        key = key[len(kind) + 1:] if key.startswith(f"{kind}/") else key
        iri = f"{BASE}{kind}/{key}" if key and " " not in key else ""
    if iri and valid_iri(iri):
        return iri
    if explicit:
        raise QueryError(kind, f"not a valid {kind} id or IRI: {ref!r}")
    return None


def resolve(store: Store, kind: str, ref: str) -> list[str]:
    """The IRIs an `actor=` / `place=` filter names: the node with that id if there is one, else the
    nodes with that exact label or alias (case- and apostrophe-insensitive). UnknownRef if none."""
    ref = ref.strip()
    iri = _id_iri(kind, ref)
    if iri and store.ox_query(f"{PREFIXES} ASK {{ <{iri}> a {KIND_CLASS[kind]} }}"):
        return [iri]
    name = normal_name(ref)
    nodes = [r["n"].value for r in store.ox_query(NAMED % {"cls": KIND_CLASS[kind], "len": len(name),
                                                           "name": _quote(name)})
             if isinstance(r["n"], ox.NamedNode)] if name else []
    if not nodes:
        hint = f"; find {kind}s by part of a name with /api/v1/actors?q=" if kind == "actor" else ""
        raise UnknownRef(f"no {kind} has the id or the name {ref!r} (names must match a label or alias whole{hint})")
    return nodes


# Inside a window the page starts from the window's events, so the filter checks each: one
# predicate and a FILTER IN (an alternative path or VALUES made Oxigraph evaluate the node's events
# for every day: 0.37 against 0.06 s). Stores with the time index state sem:hasActor for every agent
# and target (the writer, or `tkg migrate`).
_WINDOWED = {"actor": "sem:hasActor", "place": "sem:hasPlace"}  # a place: its places within, listed first (below)


def _node_filter(store: Store, var: str, kind: str, ref: str, windowed: bool = False,
                 nodes: Optional[list[str]] = None) -> str:
    """The page's pattern for events linked (sem:hasActor, sem:hasPlace) to the node(s) `ref` names (or `nodes`, resolved
    already, a place's with the places inside it: `within`).

    Names are resolved to nodes by a query of their own, then given to the page as VALUES:
    in one query Oxigraph joined every event to every label first.
    """
    if nodes is None:
        nodes = resolve(store, kind, ref)
        if kind == "place":
            # the place and every place inside it, by a query of their own, then each event's own place checked
            # against them: Virtuoso 7.2 answered the window's days joined with `sem:hasPlace/containedInPlace*`
            # wrongly once its store had seen other writes (1 of 14 events; tests/test_store_backends.py)
            nodes = within(store, nodes)
    # a happening's event matches through the mentions merged into it too (an article that names who did it):
    # a UNION of the event's own and its mentions' (the path `(^tkg:sameHappeningAs)?/…` cost 1.6x in a window,
    # and without one, twice as much: 0.2 against 0.1 s for the 3,736 events of an actor on 1.3M quads)
    mention = f"?_m{var[1:]}"
    either = (f"{{ ?e {_WINDOWED[kind]} {var} }} UNION {{ {mention} tkg:sameHappeningAs ?e . "
              f"{mention} {_WINDOWED[kind]} {var} }}")
    if windowed:  # each candidate's node checked
        return f"{either} FILTER ({var} IN ({', '.join(f'<{n}>' for n in nodes)}))"
    return f"VALUES {var} {{ {' '.join(f'<{n}>' for n in nodes)} }}\n{either}"


def type_filter(event_type: str, store: Optional[Store] = None) -> str:
    """The pattern keeping events `?e` of a CAMEO code or its descendants (`19` keeps 190-196); 422 if not a code.
    With the `store`: its types of that code, listed (VALUES); comparing every event's type as a string
    (STRSTARTS) cost a type's first page a third more on 1.3M quads."""
    prefix = _type_prefix(event_type)
    if store is None:
        return f"?e sem:eventType ?t0 . FILTER (STRSTARTS(STR(?t0), \"{prefix}\"))"
    return f"VALUES ?t0 {{ {' '.join(f'<{t}>' for t in type_iris(store, event_type))} }} ?e sem:eventType ?t0 ."


def _type_prefix(event_type: str) -> str:
    code = event_type.strip().rsplit("/", 1)[-1]
    if not _CODE.match(code):
        raise QueryError("type", f"not a CAMEO code: {event_type!r}")
    return f"https://w3id.org/timeline-kg/cameo/{code}"


def type_iris(store: Store, event_type: str) -> list[str]:
    """The store's event types of a CAMEO code or its descendants (its types are kept per revision)."""
    prefix = _type_prefix(event_type)
    return [t for t in event_types.get(store, "types", lambda: _event_types(store)) if t.startswith(prefix)]


# the event types a store holds (a few dozen), per store revision
event_types = PerRevision("_event_types", max_entries=1)


def _event_types(store: Store) -> list[str]:
    return sorted(r["t"].value for r in store.ox_query(f"{PREFIXES} SELECT DISTINCT ?t WHERE {{ ?e sem:eventType ?t }}")
                  if isinstance(r["t"], ox.NamedNode))


def actor_filter(store: Store, actor: str, windowed: bool = False) -> str:
    """The pattern keeping events `?e` an actor (id or name) takes part in; UnknownRef if nothing has it.
    `windowed`: the events come from a window's days (the time index), each checked against the actor."""
    return _node_filter(store, "?a", "actor", actor, windowed)  # agents, targets, other participants


def timeline(store: Store, start: Optional[date] = None, end: Optional[date] = None,
             actor: Optional[str] = None, place: Optional[str] = None, event_type: Optional[str] = None,
             limit: int = 50, offset: int = 0, all_events: bool = False, story: bool = False,
             text: Optional[str] = None, with_sources: bool = True) -> list[dict[str, Any]]:
    """Events in time order (earliest begin) with their actors, place, sentence and article: occurrences and
    typed events, every event with `all_events`, or with `story` what happened or will (STORY_EVENTS);
    `text`: only those whose labels hold it (text_filter). `with_sources=False` leaves out every row's
    `sources` (one query less, for lean answers)."""
    window = []
    if start:
        window.append(f'FILTER (?begin >= "{start.isoformat()}T00:00:00"^^xsd:dateTime)')
    if end:
        window.append(f'FILTER (?begin <= "{end.isoformat()}T23:59:59"^^xsd:dateTime)')
    indexed = time_index.state(store).indexed
    windowed = bool(start or end) and indexed
    actor_nodes = resolve(store, "actor", actor) if actor else None
    place_nodes = resolve(store, "place", place) if place else None
    # the place and every place inside it, listed once for the filters and the counts
    inside = within(store, place_nodes) if place_nodes else None
    typed = bool(event_type) and not windowed

    def filters(through_days: bool) -> list[str]:
        f: list[str] = []
        if actor_nodes:  # agents, targets, other participants
            f.append(_node_filter(store, "?a", "actor", actor or "", through_days, actor_nodes))
        if inside:  # the place or any place inside it
            f.append(_node_filter(store, "?p", "place", place or "", through_days, inside))
        if event_type:
            # in a window each candidate event's type is checked: listing the types made Oxigraph start from them
            f.append(type_filter(event_type, None if through_days else store))
        if text and text.strip():
            f.append(text_filter(store, text, through_days))
        return f

    page = None
    if indexed and not windowed and (actor or place or event_type or (text and text.strip())):
        # read from the earliest day on when that is cheaper than ordering every event the filters keep
        kept = filter_share.counts(store, actor_nodes, inside, type_iris(store, event_type) if event_type else None)
        kept += [text_count(store, text)] if text and text.strip() else []
        run = _runner(store, event_filter(all_events, story), filters(True), "")
        page = filter_share.first_days_page(store, kept, run, limit, offset)
    if page is None:  # the default timeline reads only the events it shows where the store keeps the verdict
        page = _page(store, event_filter(all_events, story, typed=typed), filters(windowed), "\n".join(window),
                     start, end, limit, offset, not (all_events or story or typed) and time_index.state(store).shown)
    if not page:
        return []
    details = page_rows.details(store, [e for e, _ in page], time_index.state(store).rows)
    actors = _actors(store, [e for e, _ in page])
    places = _places(store, {r["place"] for r in details.values() if r["place"] is not None})
    found = sources(store, [e for e, _ in page]) if with_sources else {}
    return [{**_event_row(details[e], begin, actors.get(e, []), places), "sources": found.get(e, [])}
            for e, begin in page if e in details]


def _runner(store: Store, shown: str, f: list[str], window: str, through_shown: bool = False) -> Callable[..., Any]:
    """run(days, n, skip): (event IRI, begin) of the events `f` and `shown` keep, in time order (ties by TIE: every
    page is a slice of one total order), reached through the day links of `days` (time_index.units) or,
    with None, by the filters alone; `through_shown` (`shown` is SHOWN_EVENTS): through the days' shown slots
    where time_index.shown_clause allows, HIDE_MENTIONS the only test left (graph/rdf/shown.py)."""
    def run(days: Optional[list[str]], n: int, skip: int = 0) -> list[tuple[str, str]]:
        verdict = time_index.shown_clause(store, "?e", days) if through_shown and days is not None else None
        pattern = [] if days is None else [verdict or time_index.link_clause("?e", days)]
        return [(r["e"].value, r["begin"].value) for r in store.ox_query(
            PAGE % {"filters": "\n".join(pattern + [HIDE_MENTIONS if verdict else shown] + f), "window": window, "limit": n, "offset": skip,
                    "order": f"?begin {TIE}"})]
    return run


def _page(store: Store, shown: str, f: list[str], window: str, start: Optional[date], end: Optional[date],
          limit: int, offset: int, through_shown: bool = False) -> list[tuple[str, str]]:
    """(event IRI, begin) of the page, through the time index: only the days that hold the page are
    read (no filter `f`; or filtered by actor, place or type within a window). A filter without a
    window (when _sparse_page did not take it), or a store without the index: the FILTER over every
    date of the filter's events. `shown` (event_filter) always applies, so the month totals (every
    event) cannot skip months for it."""
    run = _runner(store, shown, f, window, through_shown)
    if not f or start or end:
        rows = time_index.page(store, start, end, limit, offset, run, True, time_index.SHOWN_SHARE if through_shown else 1)
        if rows is not None:
            return rows
    return run(None, limit, offset)


def _places(store: Store, iris: set[str]) -> dict[str, dict[str, Any]]:
    if not iris:
        return {}
    seen: dict[str, dict[str, str]] = {}
    pairs = " ".join(f"(<{p}> {prop})" for p in sorted(iris) for prop in ("rdfs:label", "schema:latitude", "schema:longitude"))
    for r in store.ox_query(PLACES % pairs):
        props = seen.setdefault(r["place"].value, {})
        name = r["p"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        props[name] = min(props.get(name, r["o"].value), r["o"].value)  # deterministic among copies
    out = {}
    for iri in iris:
        props = seen.get(iri, {})
        has_point = "latitude" in props and "longitude" in props
        out[iri] = {"id": id_of(iri), "label": props.get("label"),
                    "lat": float(props["latitude"]) if has_point else None,
                    "lon": float(props["longitude"]) if has_point else None}
    return out


def _actors(store: Store, events: list[str]) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    if not events:
        return out
    values = " ".join(f"<{e}>" for e in events)
    for r in store.ox_query(EVENT_ACTORS % values):
        out.setdefault(r["e"].value, []).append(
            {"id": id_of(r["actor"].value), "label": _v(r, "label") or id_of(r["actor"].value), "role": r["role"].value})
    return out


def _event_row(r: dict[str, Optional[str]], begin: str, actors: list[dict[str, str]],
               places: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One event of a page from its details (page_rows.details: values by EVENT_DETAILS's names)."""
    from graph.extract.events.cameo import labels

    code = r["type"].rsplit("/", 1)[-1] if r["type"] else None
    place = places.get(r["place"]) if r["place"] is not None else None
    return {
        "id": id_of(r["e"] or ""), "label": r["label"],
        "date": r["stamp"] or begin[:10], "timex": r["timex"],
        "begin": begin, "end": r["end"], "time_source": r["source"],
        "type": code, "type_label": labels().get(code) if code else None,
        "trigger": r["trigger"], "modality": r["modality"], "class": r["class"],
        "confidence": float(r["confidence"] or 0), "fatalities": int(r["dead"] or 0),
        "actors": actors, "place": place,
        "sentence": {"id": id_of(r["sentence"] or ""), "text": r["stext"]},
        "article": {"id": id_of(r["article"] or ""), "title": r["title"]},
    }


def _v(row: Any, name: str) -> Optional[str]:
    t = row[name]
    return None if t is None else t.value
