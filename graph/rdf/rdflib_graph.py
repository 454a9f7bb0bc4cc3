"""The article's graph as an rdflib Graph: the reference the fast path is checked against.

Ingest states an article's triples as plain tuples (graph.rdf.triples.article_triples: no rdflib, ~10x
cheaper); this builds the same graph with rdflib terms, which tests compare with it triple for triple
and `Store.put_graph` accepts. A change to what an article states goes into both.
"""
from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from graph.extract.actors.aliases import alias_of
from graph.extract.model import Entity, Event, EventTime, Extraction, Location, PlaceRef
from graph.ids import article_iri, day_iri, event_iri, sentence_iri, slot_iri
from graph.rdf import happening_keys
from graph.rdf.fact_triples import fact_triples
from graph.rdf.shown import SHOWN_SLOT, shown
from graph.rdf.terms import Lit
from graph.rdf.triples import (
    ACTOR_CLASSES,
    CAMEO,
    GEO,
    KIND_CLASSES,
    SCHEMA,
    SEM,
    TKG,
    _mentions,
    coord,
    iri_safe,
    new_graph,
    timestamp,
)
from graph.sources.articles import Article


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
    g.add((art, TKG.issuedDay, URIRef(day_iri(article.published.date().isoformat()))))  # the time index
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
    for s_, p_, o_ in fact_triples(article.key, ex):  # state facts: graph/rdf/fact_triples.py
        g.add((URIRef(s_), URIRef(p_), Literal(o_.lex, datatype=o_.dt) if isinstance(o_, Lit) else URIRef(o_)))
    return g


def _add_place(g: Graph, loc: Location) -> None:
    """A mention's place and the places it lies in, each described (schema:containedInPlace, nearest first)."""
    if not loc.canonical:
        return
    _describe_place(g, loc, loc.name or loc.text)
    inner = loc.canonical
    for outer in loc.within:
        _describe_place(g, outer, outer.name)
        g.add((URIRef(inner), SCHEMA.containedInPlace, URIRef(outer.canonical)))
        inner = outer.canonical


def _describe_place(g: Graph, place: Location | PlaceRef, label: str) -> None:
    iri, geonames_id, country, lat, lon = place.canonical, place.geonames_id, place.country, place.lat, place.lon
    p = URIRef(iri)  # type: ignore[arg-type]
    g.add((p, RDF.type, SEM.Place))
    g.add((p, RDF.type, GEO.Feature))
    g.set((p, RDFS.label, Literal(label)))
    if geonames_id:
        g.add((p, SCHEMA.sameAs, URIRef(f"https://sws.geonames.org/{geonames_id}/")))
    if country:
        g.set((p, TKG.countryCode, Literal(country)))
    if lat is not None and lon is not None:
        geom = URIRef(f"{iri}/geometry")
        g.add((p, GEO.hasGeometry, geom))
        g.set((geom, GEO.asWKT, Literal(f"POINT({coord(lon)} {coord(lat)})", datatype=GEO.wktLiteral)))
        g.set((p, SCHEMA.latitude, Literal(Decimal(coord(lat)))))
        g.set((p, SCHEMA.longitude, Literal(Decimal(coord(lon)))))


def _add_actor(g: Graph, ent: Entity) -> None:
    """The actor a mention resolves to: its class (by kind), one label, names and descriptions as altLabels."""
    a = URIRef(ent.canonical)  # type: ignore[arg-type]
    g.add((a, RDF.type, SEM.Actor))
    cls = KIND_CLASSES.get(ent.kind or "") or ACTOR_CLASSES.get(ent.type, SCHEMA.Organization)
    g.add((a, RDF.type, cls))
    label = ent.label or ent.text
    g.set((a, RDFS.label, Literal(label)))
    alias = alias_of(ent)  # names, not "US automaker GM" nor "the computer company" (graph.extract.actors.aliases)
    if alias:
        g.add((a, SKOS.altLabel, Literal(alias)))
    if ent.country:  # the country the article ties the actor to (graph/extract/actors/actor_countries.py)
        g.set((a, TKG.countryCode, Literal(ent.country)))


def _add_event(g: Graph, key: str, index: int, ev: Event, day: str) -> None:
    e = URIRef(event_iri(key, index))
    g.add((e, RDF.type, SEM.Event))
    g.add((e, RDFS.label, Literal(ev.label or ev.text)))
    g.add((e, TKG.trigger, Literal(ev.text)))
    if ev.type:
        g.add((e, SEM.eventType, CAMEO[ev.type]))
    g.add((e, PROV.wasDerivedFrom, URIRef(sentence_iri(key, ev.sentence))))
    g.add((e, TKG.modality, Literal(ev.modality)))
    g.add((e, TKG.eventClass, Literal(ev.event_class)))
    g.add((e, TKG.confidence, Literal(Decimal(str(round(ev.confidence, 3))))))
    if ev.fatalities:  # stated only when some are: no tkg:fatalities means none stated (0)
        g.add((e, TKG.fatalities, Literal(ev.fatalities)))
    for arg in ev.args:
        if arg.canonical and "/actor/" in arg.canonical:
            if arg.role in ("agent", "target"):
                g.add((e, TKG[arg.role], URIRef(arg.canonical)))
            # every participant, agent and target included (they are sub-properties of it, stated, not left to
            # inference: the plain SEM query `?e sem:hasActor ?a` works on any store, no reasoner needed); an
            # actor in another role ("a dispute between Airbus and Boeing", "delivered to Singapore Airlines")
            # takes part without doing or undergoing it, and its timeline shows the event too
            g.add((e, SEM.hasActor, URIRef(arg.canonical)))
    for iri in ev.shared_actors:  # through the earlier mention it repeats (graph.extract.events.event_coref)
        g.add((e, SEM.hasActor, URIRef(iri)))
    if ev.place and ev.place.canonical:
        g.add((e, SEM.hasPlace, URIRef(ev.place.canonical)))
    time = ev.time or EventTime(None, None, None, "article")
    if time.value:
        g.add((e, TKG.timex, Literal(time.value)))
    begin, end, source, stamp = time.begin, time.end_value, time.source, timestamp(time.value)
    if not begin:  # no earliest instant ("recently", or no time): placed on the publication day, and says so
        begin, end, source, stamp = f"{day}T00:00:00", f"{day}T23:59:59", "article", timestamp(day)
        # an intention the text gives no time of ("vowed to retake the city") has not happened: no date at all
        # (sem:hasTimeStamp), only the article's day in the time index, so that date filters still reach it
        if ev.event_class == "intention":
            stamp = None
    if stamp is not None:
        g.add((e, SEM.hasTimeStamp, stamp))
    g.add((e, TKG.timeSource, Literal(source)))
    g.add((e, SEM.hasEarliestBeginTimeStamp, Literal(begin, datatype=XSD.dateTime)))
    g.add((e, TKG.beginDay, URIRef(day_iri(begin))))  # the time index: windows reach events through it
    if ev.type:  # happening links look earlier reports up by (CAMEO root, actor or place, day): graph/rdf/happening_keys.py
        keys = [str(o) for o in g.objects(e, TKG.agent)] + [str(o) for o in g.objects(e, TKG.target)] + \
            [str(o) for o in g.objects(e, SEM.hasPlace)]
        for n in happening_keys.nodes((str(CAMEO[ev.type]),), keys, (begin,)):
            g.add((e, TKG.happeningKey, URIRef(n)))
    slot = URIRef(slot_iri(str(Literal(begin, datatype=XSD.dateTime)), str(e)))
    g.add((e, TKG.beginSlot, slot))  # and pages
    if shown(ev.event_class, str(CAMEO[ev.type]) if ev.type else None):  # the default timeline's verdict (graph/rdf/shown.py)
        g.add((e, URIRef(SHOWN_SLOT), slot))
    if end:  # open-ended intervals ("from next year on") have no latest end
        g.add((e, SEM.hasLatestEndTimeStamp, Literal(end, datatype=XSD.dateTime)))
