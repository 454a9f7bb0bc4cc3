"""Extraction -> RDF: one named graph per article (see DESIGN.md, Model).

Everything an article says lives in its graph, the descriptions of the global actors and
places included, so replacing or dropping the graph replaces or drops exactly what the
article said; the union of all graphs is the knowledge graph.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Iterable
from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import _is_valid_uri

from graph.extract.actors.aliases import alias_of
from graph.extract.events.cameo import CAMEO_NS
from graph.extract.model import Entity, Event, EventTime, Extraction, Location, PlaceRef
from graph.ids import BASE, ENTITIES_GRAPH, ONTOLOGY, article_iri, day_iri, event_iri, sentence_iri, slot_iri
from graph.rdf import happening_keys
from graph.rdf.fact_triples import fact_triples
from graph.rdf.lsh import band_keys
from graph.rdf.shown import SHOWN_SLOT, shown
from graph.rdf.terms import Lit, Term, Triple, term_nt
from graph.sources.articles import Article

TKG = Namespace(ONTOLOGY)
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
SCHEMA = Namespace("https://schema.org/")
CAMEO = Namespace(CAMEO_NS)

PREFIXES = {"tkg": TKG, "sem": SEM, "geo": GEO, "schema": SCHEMA, "dcterms": DCTERMS, "prov": PROV,
            "skos": SKOS, "rdfs": RDFS, "xsd": XSD, "cameo": CAMEO}

ACTOR_CLASSES = {
    "PERSON": SCHEMA.Person, "ORG": SCHEMA.Organization, "ARMED_GROUP": TKG.ArmedGroup,
    "NORP": SCHEMA.Organization, "STATE": TKG.State, "IGO": TKG.InternationalOrganization,
}
# Entity.kind (the actor's kind) -> class; falls back on the entity type above.
KIND_CLASSES = {
    "person": SCHEMA.Person, "organization": SCHEMA.Organization, "armed_group": TKG.ArmedGroup,
    "state": TKG.State, "igo": TKG.InternationalOrganization, "product": SCHEMA.Product,
}


# Actors and places are global: what articles say of them (labels, types, coordinates) is kept
# once, in this graph, not repeated in every article graph. Oxigraph's union default graph does
# not merge equal triples of different graphs, so a description repeated in N article graphs
# multiplied every join on it by N (N⁴ for type, label, latitude and longitude together).
_SHARED_PREFIXES = (BASE + "actor/", BASE + "place/")


def coord(x: float) -> str:
    """A coordinate in positional notation: a float's repr can be 1e-05, which is neither WKT
    nor what the shapes accept (the article was refused)."""
    return format(Decimal(repr(float(x))), "f")

def split_shared(g: Graph) -> tuple[Graph, Graph]:
    """(the article's own triples, the descriptions of global actors and places)."""
    own, shared = new_graph(str(g.identifier)), new_graph(ENTITIES_GRAPH)
    for t in g:
        (shared if str(t[0]).startswith(_SHARED_PREFIXES) else own).add(t)
    return own, shared


def new_graph(identifier: str | None = None) -> Graph:
    g = Graph(identifier=URIRef(identifier) if identifier else None)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def iri_safe(url: str) -> str:
    """Percent-encode what may not stand in an IRI (quotes, spaces, braces) and keep the rest."""
    url = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", url.strip())  # a bare "%" is not an escape
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~")


def timestamp(value: str | None) -> Literal | None:
    """A TIMEX3 value at its own precision: xsd:date, xsd:gYearMonth or xsd:gYear."""
    if not value:
        return None
    for size, dtype in ((10, XSD.date), (7, XSD.gYearMonth), (4, XSD.gYear)):
        head = value[:size]
        if len(value) == size and head.replace("-", "").isdigit() and (size == 4 or head[4] == "-"):
            return Literal(head, datatype=dtype)
    return None


def _sentence_of(ex: Extraction, offset: int) -> int:
    for s in ex.sentences:
        if s.start <= offset < s.end:
            return s.index
    return 0


def _mentions(ex: Extraction) -> set[tuple[str, int]]:
    spans: list[Location | Entity] = [*ex.locations, *ex.entities]
    return {(m.canonical, _sentence_of(ex, m.start)) for m in spans if m.canonical}


# --- The fast path: an article's triples as plain tuples and its N-Triples, without rdflib ---
#
# `graph.rdf.rdflib_graph.article_graph` builds an rdflib Graph (~45 ms for a 300-word article with its ~2,000
# triples, and as much again to split and serialize it). Ingest needs only the N-Triples text
# and a SHACL check, so `article_triples` states the same triples as tuples of plain strings
# (`Lit` for literals) with the same set semantics (`Graph.add` dedupes, `Graph.set` replaces),
# `graph.rdf.fastshacl.check_triples` checks them, and `ntriples` writes them. Literals' lexical
# forms are rdflib's own (typed ones go through `rdflib.Literal`, memoized), so the two paths
# state identical graphs: tests/test_rdf_fast.py compares them article by article.

_RDF_TYPE, _LABEL, _ALT = str(RDF.type), str(RDFS.label), str(SKOS.altLabel)
_XSD_DATETIME, _XSD_DECIMAL, _XSD_INTEGER = str(XSD.dateTime), str(XSD.decimal), str(XSD.integer)

_T = {name: str(TKG[name]) for name in ("text", "start", "end", "index", "mentions", "trigger", "modality", "eventClass",
                                         "confidence", "agent", "target", "timex", "timeSource", "countryCode",
                                         "minhash", "sameStoryAs", "Sentence", "fatalities", "beginDay",
                                         "issuedDay", "lshBand", "happeningKey", "beginSlot")}
_SEM_EVENT, _SEM_PLACE, _SEM_ACTOR = str(SEM.Event), str(SEM.Place), str(SEM.Actor)
_SEM_HAS_ACTOR = str(SEM.hasActor)
_GEO_FEATURE, _GEO_HAS, _GEO_WKT, _WKT = str(GEO.Feature), str(GEO.hasGeometry), str(GEO.asWKT), str(GEO.wktLiteral)
_KIND_CLASSES = {k: str(v) for k, v in KIND_CLASSES.items()}
_ACTOR_CLASSES = {k: str(v) for k, v in ACTOR_CLASSES.items()}
_ORG, _CONTAINED_IN = str(SCHEMA.Organization), str(SCHEMA.containedInPlace)
# an event's predicates, looked up once (rdflib's Namespace attribute access costs ~1 µs, ~40 events an article)
_SEM_EVENT_TYPE, _SEM_HAS_PLACE, _SEM_HAS_TIMESTAMP = str(SEM.eventType), str(SEM.hasPlace), str(SEM.hasTimeStamp)
_SEM_BEGIN, _SEM_END = str(SEM.hasEarliestBeginTimeStamp), str(SEM.hasLatestEndTimeStamp)
_PROV_DERIVED = str(PROV.wasDerivedFrom)


def _valid(iri: str) -> str:
    """An IRI rdflib would serialize (else it raises; so do we, and the article is reported)."""
    if not _is_valid_uri(iri):
        raise ValueError(f'"{iri}" does not look like a valid URI, I cannot serialize this as N3/Turtle. '
                         "Perhaps you wanted to urlencode it?")
    return iri


@lru_cache(maxsize=65536)
def typed(lexical: str, datatype: str) -> Lit:
    """A typed literal with rdflib's lexical form (rdflib normalizes the well-typed ones)."""
    return Lit(str(Literal(lexical, datatype=URIRef(datatype))), datatype)


def _int(i: int) -> Lit:
    return Lit(str(int(i)), _XSD_INTEGER)


def _decimal(x: float) -> Lit:
    return Lit(f"{Decimal(coord(x)):f}", _XSD_DECIMAL)  # what Literal(Decimal(...)) writes


@lru_cache(maxsize=65536)  # ~40 events an article, most on a few days: one rdflib Literal per distinct value
def _stamp(value: str | None) -> Lit | None:
    t = timestamp(value)
    return None if t is None else typed(str(t), str(t.datatype))


class _Builder:
    """Triples in insertion order with rdflib Graph's set semantics for `add` and `set`."""

    __slots__ = ("triples", "by_sp")

    def __init__(self) -> None:
        self.triples: dict[Triple, None] = {}
        self.by_sp: dict[tuple[str, str], list[Term]] = {}  # only for subjects/predicates that are `set`

    def add(self, s: str, p: str, o: Term) -> None:
        self.triples[(s, p, o)] = None
        objs = self.by_sp.get((s, p))
        if objs is not None:
            objs.append(o)

    def set(self, s: str, p: str, o: Term) -> None:
        for old in self.by_sp.get((s, p), ()):
            self.triples.pop((s, p, old), None)
        self.by_sp[(s, p)] = [o]
        self.triples[(s, p, o)] = None


def article_triples(article: Article, ex: Extraction, signature: str | None = None,
                    copy_of: str | None = None) -> list[Triple]:
    """The triples `article_graph` states (plus the article's `tkg:minhash` and `tkg:sameStoryAs`
    when given), as plain tuples, without duplicates."""
    b = _Builder()
    add = b.add
    key = article.key
    art = article_iri(key)
    add(art, _RDF_TYPE, str(SCHEMA.NewsArticle))
    add(art, str(DCTERMS.title), Lit(article.title))
    add(art, str(DCTERMS.issued), typed(article.published.isoformat(), _XSD_DATETIME))
    add(art, _T["text"], Lit(article.text))
    if article.url:
        add(art, str(SCHEMA.url), _valid(iri_safe(article.url)))
    if article.source:
        add(art, str(DCTERMS.publisher), Lit(article.source))
    add(art, _T["issuedDay"], day_iri(article.published.date().isoformat()))
    sent_prefix = sentence_iri(key, 0)[:-1]
    is_part_of = str(DCTERMS.isPartOf)
    for s in ex.sentences:
        sent = sent_prefix + str(s.index)
        add(sent, _RDF_TYPE, _T["Sentence"])
        add(sent, _T["text"], Lit(s.text))
        add(sent, _T["start"], _int(s.start))
        add(sent, _T["end"], _int(s.end))
        add(sent, _T["index"], _int(s.index))
        add(sent, is_part_of, art)
    for loc in ex.locations:
        _place_triples(b, loc)
    for ent in ex.entities:
        if ent.canonical and "/actor/" in ent.canonical:
            _actor_triples(b, ent)
    for node, sent_index in _mentions(ex):
        add(sent_prefix + str(sent_index), _T["mentions"], _valid(node))
    day = article.published.date().isoformat()
    event_prefix = event_iri(key, 0)[:-1]
    for i, ev in enumerate(ex.events):
        _event_triples(b, event_prefix + str(i), sent_prefix, ev, day)
    for t in fact_triples(key, ex):  # state facts: graph/rdf/fact_triples.py
        add(*t)
    if signature:
        add(art, _T["minhash"], Lit(signature, str(XSD.base64Binary)))
        for band in band_keys(signature):  # near-duplicate candidates by index lookup (graph/rdf/lsh.py)
            add(art, _T["lshBand"], Lit(band))
    if copy_of is not None:
        add(art, _T["sameStoryAs"], article_iri(copy_of))
    return list(b.triples)


def _place_triples(b: _Builder, loc: Location) -> None:
    if not loc.canonical:  # as _add_place
        return
    _place_description(b, loc, loc.name or loc.text)
    inner = loc.canonical
    for outer in loc.within:
        _place_description(b, outer, outer.name)
        b.add(inner, _CONTAINED_IN, outer.canonical)
        inner = outer.canonical


def _place_description(b: _Builder, place: Location | PlaceRef, label: str) -> None:
    p, geonames_id, country, lat, lon = _valid(place.canonical), place.geonames_id, place.country, place.lat, place.lon
    b.add(p, _RDF_TYPE, _SEM_PLACE)
    b.add(p, _RDF_TYPE, _GEO_FEATURE)
    b.set(p, _LABEL, Lit(label))
    if geonames_id:
        b.add(p, str(SCHEMA.sameAs), _valid(f"https://sws.geonames.org/{geonames_id}/"))
    if country:
        b.set(p, _T["countryCode"], Lit(country))
    if lat is not None and lon is not None:
        geom = f"{p}/geometry"
        b.add(p, _GEO_HAS, geom)
        b.set(geom, _GEO_WKT, typed(f"POINT({coord(lon)} {coord(lat)})", _WKT))
        b.set(p, str(SCHEMA.latitude), _decimal(lat))
        b.set(p, str(SCHEMA.longitude), _decimal(lon))


def _actor_triples(b: _Builder, ent: Entity) -> None:
    a = _valid(ent.canonical)  # type: ignore[arg-type]
    b.add(a, _RDF_TYPE, _SEM_ACTOR)
    b.add(a, _RDF_TYPE, _KIND_CLASSES.get(ent.kind or "") or _ACTOR_CLASSES.get(ent.type, _ORG))
    label = ent.label or ent.text
    b.set(a, _LABEL, Lit(label))
    alias = alias_of(ent)  # as _add_actor
    if alias:
        b.add(a, _ALT, Lit(alias))
    if ent.country:  # as _add_actor: the country the article ties the actor to
        b.set(a, _T["countryCode"], Lit(ent.country))


def _event_triples(b: _Builder, e: str, sent_prefix: str, ev: Event, day: str) -> None:
    add = b.add
    add(e, _RDF_TYPE, _SEM_EVENT)
    add(e, _LABEL, Lit(ev.label or ev.text))
    add(e, _T["trigger"], Lit(ev.text))
    if ev.type:
        add(e, _SEM_EVENT_TYPE, _valid(CAMEO_NS + ev.type))
    add(e, _PROV_DERIVED, sent_prefix + str(ev.sentence))
    add(e, _T["modality"], Lit(ev.modality))
    add(e, _T["eventClass"], Lit(ev.event_class))
    add(e, _T["confidence"], _decimal(round(ev.confidence, 3)))
    if ev.fatalities:  # as _add_event
        add(e, _T["fatalities"], _int(ev.fatalities))
    keys: list[str] = []  # what happening links match on (graph/rdf/happening_keys.py)
    for arg in ev.args:
        if arg.canonical and "/actor/" in arg.canonical:  # as _add_event
            if arg.role in ("agent", "target"):
                add(e, _T[arg.role], _valid(arg.canonical))
                keys.append(arg.canonical)
            add(e, _SEM_HAS_ACTOR, _valid(arg.canonical))
    for iri in ev.shared_actors:  # as _add_event
        add(e, _SEM_HAS_ACTOR, _valid(iri))
    if ev.place and ev.place.canonical:
        add(e, _SEM_HAS_PLACE, _valid(ev.place.canonical))
        keys.append(ev.place.canonical)
    time = ev.time or EventTime(None, None, None, "article")
    if time.value:
        add(e, _T["timex"], Lit(time.value))
    begin, end, source, stamp = time.begin, time.end_value, time.source, _stamp(time.value)
    if not begin:  # as _add_event: placed on the publication day, and says so
        begin, end, source, stamp = f"{day}T00:00:00", f"{day}T23:59:59", "article", _stamp(day)
        if ev.event_class == "intention":  # as _add_event: only intended, not dated by the article
            stamp = None
    if stamp is not None:
        add(e, _SEM_HAS_TIMESTAMP, stamp)
    add(e, _T["timeSource"], Lit(source))
    stamp_begin = typed(begin, _XSD_DATETIME)
    add(e, _SEM_BEGIN, stamp_begin)
    add(e, _T["beginDay"], day_iri(begin))
    if ev.type:
        for n in happening_keys.nodes((CAMEO_NS + ev.type,), keys, (begin,)):
            add(e, _T["happeningKey"], n)
    slot = slot_iri(stamp_begin.lex, e)  # of the lexical form stored, as migrate computes it
    add(e, _T["beginSlot"], slot)
    if shown(ev.event_class, CAMEO_NS + ev.type if ev.type else None):  # the default timeline's verdict (graph/rdf/shown.py)
        add(e, SHOWN_SLOT, slot)
    if end:
        add(e, _SEM_END, typed(end, _XSD_DATETIME))


def ntriples(triples: Iterable[Triple]) -> tuple[str, str]:
    """(the article's own N-Triples, those of the actors' and places' descriptions): what
    `split_shared` and rdflib's serializer give for the same triples, as `Store.put_articles` takes them."""
    own: list[str] = []
    shared: list[str] = []
    for s, p, o in triples:
        (shared if s.startswith(_SHARED_PREFIXES) else own).append(f"<{s}> <{p}> {term_nt(o)} .\n")
    return "".join(own), "".join(shared)
