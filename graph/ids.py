"""Deterministic IRIs for everything we mint (see DESIGN.md, Model)."""
from __future__ import annotations

import hashlib
import re
import unicodedata

import pyoxigraph as ox

BASE = "https://w3id.org/timeline-kg/id/"
ONTOLOGY = "https://w3id.org/timeline-kg/ontology#"
ENTITIES_GRAPH = BASE + "graph/entities"  # the one graph describing global actors and places
CORRECTIONS_GRAPH = BASE + "graph/corrections"  # analysts' corrections (graph/store/corrections.py)
HAPPENINGS_GRAPH = BASE + "graph/happenings"  # links between events that report the same happening
SHARED_GRAPHS = (ENTITIES_GRAPH, HAPPENINGS_GRAPH, CORRECTIONS_GRAPH)  # named graphs that are not articles
INDEX_GRAPH = BASE + "graph/time-index"  # kept counts per month and the index version (graph/store/time_index.py)
DAY = BASE + "day/"  # day nodes of the time index: events and articles link to the day they begin / appear
MONTH = BASE + "month/"  # month nodes: the time index keeps counts per month as well as per day


def slug(name: str) -> str:
    """ASCII, lower case, dashes: `Mali’s army` -> `mali-s-army`."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


def article_iri(key: str) -> str:
    return f"{BASE}article/{key}"


def sentence_iri(key: str, index: int) -> str:
    return f"{BASE}sentence/{key}/{index}"


def event_iri(key: str, index: int) -> str:
    return f"{BASE}event/{key}/{index}"


def day_iri(day: str) -> str:
    """The time index's node for a day, `YYYY-MM-DD` (the first 10 characters of an xsd:dateTime)."""
    return f"{DAY}{day[:10]}"


_MIDNIGHT = re.compile(r"T00:00:00(?:\.0*)?$")
SLOTS = "0123456789abcdef" + "t"  # a day's slots in time order: midnight by MD5's first digit, then timed


def slot_key(begin: str, event: str) -> str:
    """The slot of a day an event beginning at `begin` (an xsd:dateTime's lexical form) falls in:
    `2008-03-01/7`. Events that begin at midnight (most: a date without a time) are ordered among
    themselves by the MD5 of their IRI (graph/store/queries.TIE), so its first hex digit splits them
    into 16 slots in that order; an event with a time of day (or a time zone) goes to slot `t`, read
    after them (it sorts after every midnight of its day)."""
    slot = hashlib.md5(event.encode()).hexdigest()[0] if _MIDNIGHT.search(begin[10:]) else "t"
    return f"{begin[:10]}/{slot}"


def slot_iri(begin: str, event: str) -> str:
    """The time index's node for a slot of a day (`slot_key`): `<…/id/day/2008-03-01/7>`."""
    return f"{DAY}{slot_key(begin, event)}"


def is_article_graph(iri: str) -> bool:
    """Article graphs, as opposed to the entities graph, the time index graph and a server's meta graph."""
    return iri.startswith(BASE + "article/")


def fact_iri(key: str, index: int) -> str:
    return f"{BASE}fact/{key}/{index}"


def actor_iri(name: str) -> str:
    return f"{BASE}actor/{slug(name)}"


def place_iri(geonames_id: int | None, name: str) -> str:
    """Global place IRI: by GeoNames id when known, else by name."""
    return f"{BASE}place/{geonames_id}" if geonames_id else f"{BASE}place/{slug(name)}"


def id_of(iri: str) -> str:
    """The part after BASE: what the REST API uses as an id (`actor/minusma`)."""
    return iri[len(BASE):] if iri.startswith(BASE) else iri


def valid_iri(iri: str) -> bool:
    """An absolute IRI that pyoxigraph accepts and that can be written between <> in SPARQL:
    every id or IRI from a request goes through this before it enters a query."""
    if not iri or ":" not in iri or any(c in iri for c in '<>"{}|^`\\') or any(ord(c) <= 0x20 for c in iri):
        return False
    try:
        ox.NamedNode(iri)
        return True
    except ValueError:
        return False
