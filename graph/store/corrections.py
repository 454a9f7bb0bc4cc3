"""Analysts' corrections: merge two actors, split an alias off an actor, set a place to a GeoNames id.

Each correction is a node in the named graph `…/id/graph/corrections` (`tkg:Correction`: who, when, what,
and the quads it removed from and added to the graph, so it can be undone). Making one validates it
against the store, rewrites the quads it touches (graph/store/rewrite.py) and records it, in one update;
the ingest writer runs every later article through `fix_batch` before writing it, so the correction holds
for new articles and survives re-ingest of old ones. Undoing one puts its quads back and marks it undone
(nothing is deleted: the record says who undid it, and when).

Model (one correction):

    <…/id/correction/3f2a…> a tkg:Correction ; tkg:action "merge" ;
        dcterms:creator "ana" ; dcterms:created "2024-05-01T09:00:00.000000Z"^^xsd:dateTime ;
        tkg:replaces <…/id/actor/malian-rebels> ; tkg:replacement <…/id/actor/tuareg-rebels> ;
        dcterms:description "merge actor/malian-rebels into actor/tuareg-rebels" ;
        tkg:removedQuads "…N-Quads…" ; tkg:addedQuads "…N-Quads…" .
"""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

import pyoxigraph as ox

from graph.ids import BASE, CORRECTIONS_GRAPH, ENTITIES_GRAPH, ONTOLOGY, actor_iri, place_iri
from graph.store.dates import xsd_utc
from graph.store.embedded import Store
from graph.store.lookup import full_id, valid_id
from graph.store.rewrite import ENTITIES, Correction, GeoTarget, named_places, rewrite

_T = ONTOLOGY
_DC = "http://purl.org/dc/terms/"
_XSD_DT = "http://www.w3.org/2001/XMLSchema#dateTime"
_SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
_SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_CORR = f"<{CORRECTIONS_GRAPH}>"
RDF_TYPE_IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


class CorrectionError(ValueError):
    """A correction that cannot be made: `status` 404 when it names nothing in the store, else 400."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _lit(s: str) -> str:
    return str(ox.Literal(s))


def _ask(store: Store, sparql: str) -> bool:
    return bool(store.ox_query(sparql))


def _rows(store: Store, sparql: str) -> list:
    return list(store.ox_query(sparql))


# --- making one: validate, resolve ---

def _actor(store: Store, ref: str) -> str:
    rid = full_id("actor", ref)
    iri = BASE + rid
    if not valid_id(rid) or not _ask(store, f"ASK {{ GRAPH <{ENTITIES_GRAPH}> {{ <{iri}> a <{_SEM}Actor> }} }}"):
        raise CorrectionError(f"no actor {ref!r} in the store (see `tkg actors` or /api/v1/actors)", 404)
    return iri


def merge(store: Store, keep: str, gone: str, by: str = "cli") -> Correction:
    """Merge actor `gone` into actor `keep` (ids with or without `actor/`, or IRIs)."""
    keep_iri, gone_iri = _actor(store, keep), _actor(store, gone)
    if keep_iri == gone_iri:
        raise CorrectionError(f"cannot merge {keep!r} into itself")
    return _make(store, Correction(_new_iri(), "merge", (gone_iri,), keep_iri, by=by))


def split(store: Store, actor: str, alias: str, by: str = "cli") -> Correction:
    """Split `alias` off `actor`: the mentions that use it become a new actor labelled `alias`."""
    iri = _actor(store, actor)
    aliases = [r["l"].value for r in _rows(store, f"SELECT ?l WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ <{iri}> <{_SKOS_ALT}> ?l }} }}")]
    match = next((a for a in aliases if a.lower() == " ".join(alias.split()).lower()), None)
    if match is None:
        known = ", ".join(repr(a) for a in sorted(aliases)) or "none"
        raise CorrectionError(f"actor {actor!r} has no alias {alias!r} (its aliases: {known})")
    new = actor_iri(match)
    if new == iri:
        raise CorrectionError(f"the alias {alias!r} names {actor!r} itself: nothing to split off")
    return _make(store, _with_context(store, Correction(_new_iri(), "split", (iri,), new, by=by, alias=match)))


def place(store: Store, target: str, geonames_id: str | int, by: str = "cli", gazetteer=None) -> Correction:
    """Set a place (id, IRI or name: every place so labelled, now and in later articles) or one event's place
    to the GeoNames place `geonames_id`, described (label, point, country) by the gazetteer."""
    try:
        gid = int(str(geonames_id).strip())
    except ValueError:
        raise CorrectionError(f"{geonames_id!r} is not a GeoNames id (a number such as 2460596)") from None
    if gazetteer is None:
        from graph.extract.places.gazetteer_cache import default_gazetteer  # ~1 s to load: only for this
        gazetteer = default_gazetteer()
    found = gazetteer.place_by_id(gid) if gid > 0 else None
    if found is None:
        raise CorrectionError(f"GeoNames id {gid} is not in the gazetteer (countries, regions and cities)")
    geo = GeoTarget(gid, found.name, found.lat, found.lon, found.country)
    c = Correction(_new_iri(), "place", (), place_iri(gid, found.name), by=by, geo=geo)
    ref = target.strip()
    rid = ref[len(BASE):] if ref.startswith(BASE) else ref
    if rid.startswith("event/"):
        if not valid_id(rid) or not _ask(store, f"ASK {{ <{BASE + rid}> a <{_SEM}Event> }}"):
            raise CorrectionError(f"no event {ref!r} in the store", 404)
        c.old, c.scope = (BASE + rid,), "event"
    elif rid.startswith("place/") or rid.isdigit():
        rid = full_id("place", rid)
        if not valid_id(rid) or not _ask(store, f"ASK {{ GRAPH <{ENTITIES_GRAPH}> {{ <{BASE + rid}> ?p ?o }} }}"):
            raise CorrectionError(f"no place {ref!r} in the store (see /api/v1/places)", 404)
        c.old = (BASE + rid,)
    else:
        if not ref:
            raise CorrectionError("give a place id, a place name or an event id")
        rows = _rows(store, f"SELECT DISTINCT ?p WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?p a <{_SEM}Place> ; "
                            f"<{_LABEL}> ?l FILTER (LCASE(STR(?l)) = LCASE({_lit(ref)})) }} }}")
        if not rows:
            raise CorrectionError(f"no place named {ref!r} in the store (nor a place or event with that id)", 404)
        c.old, c.name = tuple(sorted(r["p"].value for r in rows)), ref
    return _make(store, c)


def _new_iri() -> str:
    return f"{BASE}correction/{uuid.uuid4().hex[:12]}"


def _with_context(store: Store, c: Correction) -> Correction:
    """A split needs the actor's other names and its classes: read from the entities graph."""
    if c.action == "split":
        iri = c.old[0]
        rows = _rows(store, f"SELECT ?p ?o WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ <{iri}> ?p ?o "
                            f"FILTER (?p IN (<{_LABEL}>, <{_SKOS_ALT}>, <{RDF_TYPE_IRI}>)) }} }}")
        c.names = tuple(r["o"].value for r in rows if r["p"].value != RDF_TYPE_IRI and
                        r["o"].value.lower() != (c.alias or "").lower())
        c.types = tuple(r["o"].value for r in rows if r["p"].value == RDF_TYPE_IRI)
    return c


# --- applying one to the existing graph ---

def _gather(store: Store, c: Correction) -> set[ox.Quad]:
    """The quads of the graph that the correction can change or must know: every quad naming one of its
    IRIs, and for a split the sentence texts, sources and triggers around the actor."""
    iris = {*c.old, c.new, c.new + "/geometry", *(o + "/geometry" for o in c.old)}
    values = " ".join(f"<{i}>" for i in sorted(iris))
    q = (f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?x {{ {values} }} "
         f"{{ GRAPH ?g {{ ?x ?p ?o }} BIND (?x AS ?s) }} UNION {{ GRAPH ?g {{ ?s ?p ?x }} BIND (?x AS ?o) }} "
         f"FILTER (?g != {_CORR}) }}")
    rows = _rows(store, q)
    if c.action == "split":
        a = f"<{c.old[0]}>"
        rows += _rows(store, f"""SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{
          {{ ?s <{_T}mentions> {a} ; <{_T}text> ?o BIND (<{_T}text> AS ?p) }}
          UNION {{ ?e ?r {a} ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?s . ?s <{_T}text> ?o BIND (<{_T}text> AS ?p) }}
          UNION {{ ?s ?r {a} ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?o
                   BIND (<http://www.w3.org/ns/prov#wasDerivedFrom> AS ?p) }}
          UNION {{ ?s ?r {a} ; <{_T}trigger> ?o BIND (<{_T}trigger> AS ?p) }} }} }}""")
    return {ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows}


def _data(quads: set[ox.Quad]) -> str:
    """Quads as the body of INSERT DATA / DELETE DATA, graph by graph."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(q.graph_name.value, []).append(f"{q.triple} .")
    return "\n".join(f"GRAPH <{g}> {{\n" + "\n".join(ts) + "\n}" for g, ts in by_graph.items())


def _nquads(quads: set[ox.Quad]) -> str:
    return "".join(f"{q} .\n" for q in sorted(quads, key=str))


def _record(c: Correction, removed: set[ox.Quad], added: set[ox.Quad]) -> str:
    n = f"<{c.iri}>"
    lines = [f"{n} a <{_T}Correction> ; <{_T}action> {_lit(c.action)}",
             f"<{_DC}creator> {_lit(c.by)}", f'<{_DC}created> "{c.at}"^^<{_XSD_DT}>',
             f"<{_T}replacement> <{c.new}>", f"<{_DC}description> {_lit(c.describe())}",
             f"<{_T}removedQuads> {_lit(_nquads(removed))}", f"<{_T}addedQuads> {_lit(_nquads(added))}"]
    lines += [f"<{_T}replaces> <{o}>" for o in c.old]
    if c.alias:
        lines.append(f"<{_T}alias> {_lit(c.alias)}")
    if c.name:
        lines.append(f"<{_T}placeName> {_lit(c.name)}")
    if c.geo:
        g = c.geo
        lines += [f"<{_T}scope> {_lit(c.scope)}", f"<{_T}geonamesId> {g.geonames_id}", f"<{_T}placeLabel> {_lit(g.label)}",
                  f'<{_T}lat> "{g.lat!r}"^^<http://www.w3.org/2001/XMLSchema#double>',
                  f'<{_T}lon> "{g.lon!r}"^^<http://www.w3.org/2001/XMLSchema#double>']
        if g.country:
            lines.append(f"<{_T}countryCode> {_lit(g.country)}")
    return " ;\n  ".join(lines) + " ."


def _make(store: Store, c: Correction) -> Correction:
    """Apply `c` to the graph and record it, in one update (one transaction)."""
    c.at = xsd_utc(datetime.now(timezone.utc))
    before = _gather(store, c)
    after = rewrite(c, before)
    removed, added = before - after, after - before
    ops = []
    if removed:
        ops.append(f"DELETE DATA {{ {_data(removed)} }}")
    if added:
        ops.append(f"INSERT DATA {{ {_data(added)} }}")
    ops.append(f"INSERT DATA {{ GRAPH {_CORR} {{ {_record(c, removed, added)} }} }}")
    store.maintain(" ;\n".join(ops))  # actors and places only, no day link: the time index's counts stay right
    return c


# --- reading them back, undoing one ---

def corrections(store: Store, *, undone: bool = False) -> list[Correction]:
    """The corrections in force (with `undone`, also those undone), oldest first."""
    skip = "" if undone else f"FILTER NOT EXISTS {{ ?c <{_T}undone> ?u }}"
    rows = _rows(store, f"SELECT ?c ?p ?o WHERE {{ GRAPH {_CORR} {{ ?c a <{_T}Correction> ; ?p ?o {skip} "
                        f"FILTER (?p NOT IN (<{_T}removedQuads>, <{_T}addedQuads>)) }} }}")
    props: dict[str, dict[str, list]] = {}
    for r in rows:
        props.setdefault(r["c"].value, {}).setdefault(r["p"].value.rsplit("/", 1)[-1].rsplit("#", 1)[-1], []).append(r["o"].value)
    out = []
    for iri, p in props.items():
        one = lambda k, d=None: (p.get(k) or [d])[0]  # noqa: E731
        geo = None
        if one("geonamesId"):
            geo = GeoTarget(int(one("geonamesId")), one("placeLabel"), float(one("lat")), float(one("lon")), one("countryCode"))
        c = Correction(iri, one("action"), tuple(sorted(p.get("replaces", []))), one("replacement"), by=one("creator", ""),
                       at=one("created", ""), alias=one("alias"), name=one("placeName"), scope=one("scope", "place"), geo=geo)
        c.undone = one("undone")
        out.append(_with_context(store, c))
    return sorted(out, key=lambda c: (_instant(c.at), c.iri))


def _instant(at: str) -> datetime:
    """A record time (Oxigraph drops trailing zeros of the fraction: compare instants, not strings)."""
    try:
        return datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=timezone.utc)


def undo(store: Store, ref: str, by: str = "cli") -> Correction:
    """Put back what correction `ref` changed in the graph, and mark it undone (later ingests no longer apply
    it). Exact for the latest correction; articles ingested after it keep it until they are ingested again."""
    rid = ref.strip()
    rid = rid[len(BASE):] if rid.startswith(BASE) else rid
    rid = rid if rid.startswith("correction/") else "correction/" + rid
    iri = BASE + rid
    found = [c for c in corrections(store) if c.iri == iri] if valid_id(rid) else []
    if not found:
        raise CorrectionError(f"no correction {ref!r} in force (see `tkg fix list`)", 404)
    rows = _rows(store, f"SELECT ?r ?a WHERE {{ GRAPH {_CORR} {{ <{iri}> <{_T}removedQuads> ?r ; <{_T}addedQuads> ?a }} }}")
    removed = set(ox.parse(rows[0]["r"].value.encode(), format=ox.RdfFormat.N_QUADS)) if rows else set()
    added = set(ox.parse(rows[0]["a"].value.encode(), format=ox.RdfFormat.N_QUADS)) if rows else set()
    ops = [f"DELETE DATA {{ {_data(added)} }}"] if added else []
    if removed:
        ops.append(f"INSERT DATA {{ {_data(removed)} }}")
    now = xsd_utc(datetime.now(timezone.utc))
    ops.append(f'INSERT DATA {{ GRAPH {_CORR} {{ <{iri}> <{_T}undone> "{now}"^^<{_XSD_DT}> ; '
               f"<{_T}undoneBy> {_lit(by)} }} }}")
    store.maintain(" ;\n".join(ops))  # no day link changes (see _make)
    return found[0]


def as_dict(c: Correction) -> dict:
    """A correction as the CLI and REST list it."""
    short = lambda i: i[len(BASE):] if i.startswith(BASE) else i  # noqa: E731
    return {"id": short(c.iri), "action": c.action, "by": c.by, "at": c.at, "what": c.describe(),
            "replaces": [short(o) for o in c.old], "replacement": short(c.new), "alias": c.alias, "name": c.name,
            "geonames_id": c.geo.geonames_id if c.geo else None, "undone": c.undone}


# --- every later article ---

def fix_batch(store: Store, batch: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The articles of an ingest chunk (IRI, own N-Triples, entity N-Triples) with the corrections in
    force applied; articles no correction names pass through untouched (a substring test, no parsing)."""
    cs = corrections(store)
    if not cs:
        return batch
    return [fix_article(cs, *item) for item in batch]


def fix_article(cs: list[Correction], iri: str, own: str, shared: str) -> tuple[str, str, str]:
    text = own + shared
    low = text.lower()
    if not any(m in text or m in low for c in cs for m in c.markers()):
        return iri, own, shared
    g = ox.NamedNode(iri)
    quads = {ox.Quad(t.subject, t.predicate, t.object, g) for t in ox.parse(own.encode(), format=ox.RdfFormat.N_TRIPLES)}
    quads |= {ox.Quad(t.subject, t.predicate, t.object, ENTITIES)
              for t in ox.parse(shared.encode(), format=ox.RdfFormat.N_TRIPLES)}
    for c in cs:
        if _names_any(c, quads):
            quads = rewrite(c, quads)
    own_nt = "".join(f"{q.triple} .\n" for q in quads if q.graph_name == g)
    shared_nt = "".join(f"{q.triple} .\n" for q in quads if q.graph_name == ENTITIES)
    return iri, own_nt, shared_nt


def _names_any(c: Correction, quads: set[ox.Quad]) -> bool:
    old = {ox.NamedNode(o) for o in c.old}
    if any(q.subject in old or q.object in old for q in quads):
        return True
    return bool(c.name and named_places(quads, c.name))

