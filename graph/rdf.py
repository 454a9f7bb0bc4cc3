"""Extraction -> RDF: one named graph per article (see DESIGN.md, Model).

Everything an article says lives in its graph, the descriptions of the global actors and
places included, so replacing or dropping the graph replaces or drops exactly what the
article said; the union of all graphs is the knowledge graph.
"""
from __future__ import annotations

import re
from decimal import Decimal
from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from .articles import Article
from .extract.cameo import CAMEO_NS
from .extract.model import Entity, Event, EventTime, Extraction, Location
from .iris import BASE, ENTITIES_GRAPH, ONTOLOGY, article_iri, event_iri, sentence_iri

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
    "state": TKG.State, "igo": TKG.InternationalOrganization,
}


# Actors and places are global: what articles say of them (labels, types, coordinates) is kept
# once, in this graph, not repeated in every article graph. Oxigraph's union default graph does
# not merge equal triples of different graphs, so a description repeated in N article graphs
# multiplied every join on it by N (N⁴ for type, label, latitude and longitude together).
_SHARED_PREFIXES = (BASE + "actor/", BASE + "place/")


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


def article_graph(article: Article, ex: Extraction) -> Graph:
    """The named graph of one article."""
    art = URIRef(article_iri(article.key))
    g = new_graph(str(art))
    g.add((art, RDF.type, SCHEMA.NewsArticle))
    g.add((art, DCTERMS.title, Literal(article.title)))
    g.add((art, DCTERMS.issued, Literal(article.published.isoformat(), datatype=XSD.dateTime)))
    g.add((art, TKG.text, Literal(article.text)))
    if article.url:
        g.add((art, SCHEMA.url, URIRef(iri_safe(article.url))))
    if article.source:
        g.add((art, DCTERMS.publisher, Literal(article.source)))
    for s in ex.sentences:
        sent = URIRef(sentence_iri(article.key, s.index))
        g.add((sent, RDF.type, TKG.Sentence))
        g.add((sent, TKG.text, Literal(s.text)))
        g.add((sent, TKG.start, Literal(s.start)))
        g.add((sent, TKG.end, Literal(s.end)))
        g.add((sent, TKG["index"], Literal(s.index)))
        g.add((sent, DCTERMS.isPartOf, art))
    for loc in ex.locations:
        _add_place(g, loc)
    for ent in ex.entities:
        if ent.canonical and "/actor/" in ent.canonical:
            _add_actor(g, ent)
    for node, sent_index in _mentions(ex):
        g.add((URIRef(sentence_iri(article.key, sent_index)), TKG.mentions, URIRef(node)))
    for i, ev in enumerate(ex.events):
        _add_event(g, article.key, i, ev, article.published.date().isoformat())
    return g


def _sentence_of(ex: Extraction, offset: int) -> int:
    for s in ex.sentences:
        if s.start <= offset < s.end:
            return s.index
    return 0


def _mentions(ex: Extraction) -> set[tuple[str, int]]:
    spans: list[Location | Entity] = [*ex.locations, *ex.entities]
    return {(m.canonical, _sentence_of(ex, m.start)) for m in spans if m.canonical}


def _add_place(g: Graph, loc: Location) -> None:
    if not loc.canonical:
        return
    p = URIRef(loc.canonical)
    g.add((p, RDF.type, SEM.Place))
    g.add((p, RDF.type, GEO.Feature))
    g.set((p, RDFS.label, Literal(loc.name or loc.text)))
    if loc.geonames_id:
        g.add((p, SCHEMA.sameAs, URIRef(f"https://sws.geonames.org/{loc.geonames_id}/")))
    if loc.country:
        g.set((p, TKG.countryCode, Literal(loc.country)))
    if loc.lat is not None and loc.lon is not None:
        geom = URIRef(f"{loc.canonical}/geometry")
        g.add((p, GEO.hasGeometry, geom))
        g.set((geom, GEO.asWKT, Literal(f"POINT({loc.lon} {loc.lat})", datatype=GEO.wktLiteral)))
        g.set((p, SCHEMA.latitude, Literal(Decimal(str(loc.lat)))))
        g.set((p, SCHEMA.longitude, Literal(Decimal(str(loc.lon)))))


def _add_actor(g: Graph, ent: Entity) -> None:
    """The actor a mention resolves to: its class (by kind), one label, names and descriptions as altLabels."""
    a = URIRef(ent.canonical)  # type: ignore[arg-type]
    g.add((a, RDF.type, SEM.Actor))
    cls = KIND_CLASSES.get(ent.kind or "") or ACTOR_CLASSES.get(ent.type, SCHEMA.Organization)
    g.add((a, RDF.type, cls))
    label = ent.label or ent.text
    g.set((a, RDFS.label, Literal(label)))
    alias = " ".join(ent.text.split())
    if ent.mention not in ("pronoun", "extent") and alias != label:  # "US automaker GM" is no name of GM
        if ent.mention == "nominal" and alias.lower().startswith(("the ", "a ", "an ")):
            alias = alias.split(" ", 1)[1]
        g.add((a, SKOS.altLabel, Literal(alias)))


def _add_event(g: Graph, key: str, index: int, ev: Event, day: str) -> None:
    e = URIRef(event_iri(key, index))
    g.add((e, RDF.type, SEM.Event))
    g.add((e, RDFS.label, Literal(ev.label or ev.text)))
    g.add((e, TKG.trigger, Literal(ev.text)))
    if ev.type:
        g.add((e, SEM.eventType, CAMEO[ev.type]))
    g.add((e, PROV.wasDerivedFrom, URIRef(sentence_iri(key, ev.sentence))))
    g.add((e, TKG.modality, Literal(ev.modality)))
    g.add((e, TKG.confidence, Literal(Decimal(str(round(ev.confidence, 3))))))
    for arg in ev.args:
        if arg.canonical and "/actor/" in arg.canonical and arg.role in ("agent", "target"):
            g.add((e, TKG[arg.role], URIRef(arg.canonical)))
    if ev.place and ev.place.canonical:
        g.add((e, SEM.hasPlace, URIRef(ev.place.canonical)))
    time = ev.time or EventTime(None, None, None, "article")
    if time.value:
        g.add((e, TKG.timex, Literal(time.value)))
    begin, end, source, stamp = time.begin, time.end_value, time.source, timestamp(time.value)
    if not begin:
        # No earliest instant ("recently" = PAST_REF, or no time at all): the event is placed on
        # the publication day, and says so, rather than left out of every time filter.
        begin, end, source, stamp = f"{day}T00:00:00", f"{day}T23:59:59", "article", timestamp(day)
    if stamp is not None:
        g.add((e, SEM.hasTimeStamp, stamp))
    g.add((e, TKG.timeSource, Literal(source)))
    g.add((e, SEM.hasEarliestBeginTimeStamp, Literal(begin, datatype=XSD.dateTime)))
    if end:  # open-ended intervals ("from next year on") have no latest end
        g.add((e, SEM.hasLatestEndTimeStamp, Literal(end, datatype=XSD.dateTime)))
