"""A small synthetic story written through Store.put_graph in graph/rdf/triples.py's model.

Richer than the seed in the ways the graph tests need (parallel edges, a month-precise
event, an event with two targets, a second connected component, co-mentions), and
independent of extraction quality.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Optional

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from graph.ids import BASE, actor_iri, article_iri, event_iri, place_iri, sentence_iri
from graph.rdf.triples import CAMEO, GEO, SCHEMA, SEM, TKG, new_graph
from graph.store.embedded import Store

ACTORS = {  # key -> (label, alias, class)
    "fama": ("Malian Armed Forces", "FAMa", SCHEMA.Organization),
    "csp": ("Permanent Strategic Framework", "CSP", TKG.ArmedGroup),
    "wagner": ("Wagner Group", None, TKG.ArmedGroup),
    "minusma": ("MINUSMA", None, TKG.InternationalOrganization),
    "jnim": ("JNIM", None, TKG.ArmedGroup),
    "vdp": ("VDP", None, TKG.ArmedGroup),          # Burkina Faso: a second component
    "isgs": ("Islamic State Sahel", "ISGS", TKG.ArmedGroup),
}
PLACES = {  # key -> (geonames id, label, lat, lon)
    "kidal": (2455290, "Kidal", 18.44345, 1.40921),
    "anefis": (2460954, "Anefis", 18.05, 0.6),
    "tessalit": (2450916, "Tessalit", 20.2, 1.01),
    "bamako": (2460596, "Bamako", 12.60915, -7.97522),
    "djibo": (2359608, "Djibo", 14.1, -1.63),
    "ber": (None, "Ber", None, None),               # no coordinates: a null GeoJSON geometry
}
# article key -> (issued, [(begin, end, agent, [targets], place, cameo, label)])
STORY = {
    "a1": ("2023-10-08T10:00:00", [
        ("2023-10-01", "2023-10-31", "fama", ["csp"], "anefis", "190", "FAMa fights CSP near Anefis"),
        ("2023-10-07", "2023-10-07", "csp", ["fama"], "ber", "190", "CSP attacks army convoy at Ber"),
        ("2023-10-07", "2023-10-07", "minusma", [], "ber", "0874", "MINUSMA leaves Ber"),
    ]),
    "a2": ("2023-11-14T20:00:00", [
        ("2023-11-14", "2023-11-14", "fama", ["csp"], "kidal", "190", "army takes Kidal from CSP"),
        ("2023-11-14", "2023-11-14", "fama", ["csp"], "kidal", "190", "army raises flag over Kidal"),
        ("2023-11-13", "2023-11-13", "wagner", ["csp", "jnim"], "kidal", "195", "drone strikes on Kidal"),
        ("2023-10-31", "2023-10-31", "minusma", [], "kidal", "0874", "MINUSMA leaves Kidal"),
        ("2023-11-01", "2023-11-01", "jnim", ["minusma"], "tessalit", "190", "JNIM fires on MINUSMA convoy"),
    ]),
    "a3": ("2023-11-20T08:00:00", [
        ("2023-11-18", "2023-11-18", "isgs", ["vdp"], "djibo", "190", "ISGS attacks VDP in Djibo"),
        ("2023-11-19", "2023-11-19", "vdp", ["isgs"], "djibo", "190", "VDP strike back near Djibo"),
        ("2023-09-01", "2023-09-30", "fama", [], "bamako", "010", "junta speaks in Bamako"),
    ]),
}


def actor(key: str) -> str:
    return actor_iri(ACTORS[key][0] if key not in ("fama", "csp") else key)


def place(key: str) -> str:
    gid, label, *_ = PLACES[key]
    return place_iri(gid, label)


def actor_id(key: str) -> str:
    return actor(key)[len(BASE):]


def place_id(key: str) -> str:
    return place(key)[len(BASE):]


def _describe(g, kind: str, key: str) -> None:
    if kind == "actor":
        label, alias, cls = ACTORS[key]
        a = URIRef(actor(key))
        g.add((a, RDF.type, SEM.Actor))
        g.add((a, RDF.type, cls))
        g.add((a, RDFS.label, Literal(label)))
        if alias:
            g.add((a, SKOS.altLabel, Literal(alias)))
        return
    gid, label, lat, lon = PLACES[key]
    p = URIRef(place(key))
    g.add((p, RDF.type, SEM.Place))
    g.add((p, RDF.type, GEO.Feature))
    g.add((p, RDFS.label, Literal(label)))
    if lat is not None:
        g.add((p, SCHEMA.latitude, Literal(Decimal(str(lat)))))
        g.add((p, SCHEMA.longitude, Literal(Decimal(str(lon)))))


def article(key: str, issued: str, events: list) -> tuple[str, object]:
    art = URIRef(article_iri(key))
    g = new_graph(str(art))
    g.add((art, RDF.type, SCHEMA.NewsArticle))
    g.add((art, DCTERMS.title, Literal(f"Synthetic {key}")))
    g.add((art, DCTERMS.issued, Literal(issued, datatype=XSD.dateTime)))
    for i, (begin, end, agent, targets, where, cameo, label) in enumerate(events):
        s, e = URIRef(sentence_iri(key, i)), URIRef(event_iri(key, i))
        g.add((s, RDF.type, TKG.Sentence))
        g.add((s, TKG.text, Literal(label + ".")))
        g.add((s, TKG.start, Literal(i * 100)))
        g.add((s, TKG.end, Literal(i * 100 + len(label) + 1)))
        g.add((s, DCTERMS.isPartOf, art))
        g.add((e, RDF.type, SEM.Event))
        g.add((e, RDFS.label, Literal(label)))
        g.add((e, TKG.trigger, Literal(label.split()[1])))
        g.add((e, SEM.eventType, CAMEO[cameo]))
        g.add((e, PROV.wasDerivedFrom, s))
        g.add((e, TKG.modality, Literal("asserted")))
        g.add((e, TKG.confidence, Literal(Decimal("0.9"))))
        g.add((e, TKG.timeSource, Literal("own")))
        g.add((e, TKG.timex, Literal(begin if begin == end else begin[:7])))
        g.add((e, SEM.hasTimeStamp, Literal(begin, datatype=XSD.date) if begin == end else Literal(begin[:7], datatype=XSD.gYearMonth)))
        g.add((e, SEM.hasEarliestBeginTimeStamp, Literal(begin + "T00:00:00", datatype=XSD.dateTime)))
        g.add((e, SEM.hasLatestEndTimeStamp, Literal(end + "T23:59:59", datatype=XSD.dateTime)))
        g.add((e, TKG.agent, URIRef(actor(agent))))
        for t in targets:
            g.add((e, TKG.target, URIRef(actor(t))))
        for k in [agent, *targets]:  # as graph.rdf.triples states them
            g.add((e, SEM.hasActor, URIRef(actor(k))))
        g.add((e, SEM.hasPlace, URIRef(place(where))))
        for k in [agent, *targets]:
            _describe(g, "actor", k)
            g.add((s, TKG.mentions, URIRef(actor(k))))
        _describe(g, "place", where)
        g.add((s, TKG.mentions, URIRef(place(where))))
    return str(art), g


def write_story(store: Store, only: Optional[list[str]] = None) -> None:
    for key, (issued, events) in STORY.items():
        if only is None or key in only:
            store.put_graph(*article(key, issued, events))


def make_store(path: Path, only: Optional[list[str]] = None) -> Store:
    """A new store at `path` holding the story (open: Oxigraph locks the directory until released)."""
    store = Store(path)
    write_story(store, only)
    return store


def release(store: Store) -> None:
    """Close and really let go of the directory lock (the rdflib Dataset sits in a reference cycle)."""
    import gc

    store.close()
    gc.collect()
