"""Paged answers are slices of one total order: /timeline (with and without a window, under each
filter), an actor's timeline and a place's events, paged by `offset`, give every event of the whole
answer once, in its order, even where hundreds of events begin at the same instant.

The store: synthetic articles written by `Store.put_articles` (the time index with its day slots),
most events at midnight of three crowded days, a few scattered over the years before (the sparse
months a filtered page without a window reads first), with CAMEO types, actors and places. Served by
a real `tkg serve`. Before, a filtered page without a window was ordered by begin alone: events of
one instant came in the order of the query's plan, which a different LIMIT and OFFSET changed, so
consecutive pages repeated some events and skipped others.
"""
from __future__ import annotations

import hashlib
import random
import shutil

import pytest
from test_time_index import ACTORS, BASE, DCT, LABEL, PLACES, RDF_TYPE, SEM, T, _nt, lit

from graph.ids import DAY
from graph.store import free_text, queries
from graph.store.embedded import Store

CAMEO = "https://w3id.org/timeline-kg/cameo/"
CROWDED = ["2008-03-01", "2008-03-02", "2008-03-04"]


def story(k: int, rng: random.Random) -> tuple[str, str, str]:
    """(IRI, own N-Triples, entity N-Triples) of an article of 8 events: most at midnight of a crowded day."""
    a, s = f"{BASE}article/p{k}", f"{BASE}sentence/p{k}/0"
    out = [(a, RDF_TYPE, "https://schema.org/NewsArticle"), (a, DCT + "title", lit(f"Report {k}")),
           (a, DCT + "issued", lit("2008-03-05T09:00:00Z", "dateTime")), (a, T + "issuedDay", f"{DAY}2008-03-05"),
           (s, RDF_TYPE, T + "Sentence"), (s, T + "text", lit(f"Sentence of report {k}.")), (s, DCT + "isPartOf", a)]
    for i in range(8):
        e = f"{BASE}event/p{k}/{i}"
        day = rng.choice(CROWDED) if rng.random() < 0.9 else f"{rng.randrange(1960, 2007)}-0{rng.randrange(1, 10)}-1{i}"
        clock = "00:00:00" if rng.random() < 0.85 else "15:30:00"
        out += [(e, RDF_TYPE, SEM + "Event"), (e, LABEL, lit(f"clash {k}/{i}")), (e, T + "trigger", lit("clashed")),
                (e, T + "timeSource", lit("timex")), (e, T + "modality", lit("asserted")),
                (e, T + "confidence", lit("0.5", "decimal")), ("prov", e, s), (e, T + "eventClass", lit("occurrence")),
                (e, SEM + "eventType", CAMEO + ("010" if i % 3 else "040")),
                (e, SEM + "hasEarliestBeginTimeStamp", lit(f"{day}T{clock}", "dateTime")),
                (e, SEM + "hasPlace", PLACES[i % 2])]
        who = ACTORS[i % 3]
        out += [(e, T + "agent", who), (e, SEM + "hasActor", who)]
    own = "".join(_nt(t) for t in out)
    shared = "".join(_nt((n, RDF_TYPE, SEM + "Actor")) + _nt((n, LABEL, lit(n.rsplit("/", 1)[1]))) for n in ACTORS)
    shared += "".join(_nt((p, RDF_TYPE, SEM + "Place")) + _nt((p, LABEL, lit("P" + p[-4:]))) for p in PLACES)
    return a, own, shared


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    """The store's directory: 75 articles, 600 events, ~540 of them on three days."""
    data = tmp_path_factory.mktemp("crowded") / "data"
    rng = random.Random(23)
    articles = [story(k, rng) for k in range(75)]
    store = Store(data)
    try:
        for i in range(0, len(articles), 25):
            store.put_articles(articles[i:i + 25])
    finally:
        store.close()
    return data


@pytest.fixture(scope="module")
def served(crowded):
    from sparql_server import ServeProcess

    srv = ServeProcess(crowded)
    yield srv
    srv.stop()


def walk(client, path: str, size: int, **params) -> list[tuple[str, str]]:
    """Every event of `path` as (id, begin), page after page of `size` (by offset)."""
    out: list[tuple[str, str]] = []
    while True:
        r = client.get(path, params={**params, "limit": size, "offset": len(out)})
        assert r.status_code == 200, r.text
        body = r.json()
        out += [(e["id"], e["begin"]) for e in body["events"]]
        if body["next_offset"] is None:
            return out
        assert body["next_offset"] == len(out)


def order_key(event: tuple[str, str]) -> tuple[str, str]:
    """The total order of every paged answer: begin (all of one format here), then the MD5 of the IRI (queries.TIE)."""
    return event[1], hashlib.md5((BASE + event[0]).encode()).hexdigest()


ASKED = [("/api/v1/timeline", {}), ("/api/v1/timeline", {"type": "01"}), ("/api/v1/timeline", {"type": "04"}),
         ("/api/v1/timeline", {"actor": ACTORS[0][len(BASE):]}), ("/api/v1/timeline", {"place": PLACES[1][len(BASE):]}),
         ("/api/v1/timeline", {"type": "01", "actor": ACTORS[1][len(BASE):]}),
         ("/api/v1/timeline", {"type": "01", "from": "2008-03-01", "to": "2008-03-31"}),
         ("/api/v1/timeline", {"all": "true", "type": "01"}), ("/api/v1/timeline", {"q": "clash 1"}),
         ("/api/v1/timeline", {"q": "clash", "place": PLACES[0][len(BASE):]}),
         (f"/api/v1/actors/{ACTORS[2][len(BASE):]}/timeline", {}),
         (f"/api/v1/actors/{ACTORS[2][len(BASE):]}/timeline", {"all": "false"})]


@pytest.mark.parametrize("path,params", ASKED)
def test_pages_are_slices_of_one_order(served, path, params):
    whole = walk(served.client, path, 1000, **params)
    assert len(whole) == len(set(whole)) > 40
    assert whole == sorted(whole, key=order_key), "events of one instant in the order of the query's plan"
    for size in (7, 50):
        pages = walk(served.client, path, size, **params)
        assert len(pages) == len(set(pages)), f"pages of {size} repeat events"
        assert pages == whole, f"pages of {size} skip or reorder events"


def test_the_order_is_begin_then_tie(crowded, tmp_path, monkeypatch):
    """The whole answer is in (begin, MD5 of the IRI) order, whichever way its pages were read: the time
    index from the earliest day (a type of two thirds of the events), or every match ordered (a type of a third,
    pages far from the start)."""
    shutil.copytree(crowded, tmp_path / "data")  # the server of the tests above holds the store's lock
    store = Store(tmp_path / "data")
    try:
        tie = {r["e"].value[len(BASE):]: r["t"].value for r in store.ox_query(
            f"SELECT ?e (MD5(STR(?e)) AS ?t) WHERE {{ ?e a <{SEM}Event> }}")}
        for kw in ({"event_type": "01"}, {"event_type": "04"}, {"actor": ACTORS[0][len(BASE):]}, {}, {"text": "clash 2"}):
            rows = queries.timeline(store, limit=1000, with_sources=False, **kw)
            keys = [(r["begin"], tie[r["id"]]) for r in rows]
            assert len(rows) > 40 and keys == sorted(keys)
            paged = [r["id"] for o in range(0, len(rows), 9) for r in
                     queries.timeline(store, limit=9, offset=o, with_sources=False, **kw)]
            assert paged == [r["id"] for r in rows]
        # a text that matches more events than are listed (free_text.TEXT_LISTED; 5,000 in use): its own
        # sub-select in the query, the same answer, its pages read day by day
        listed = [r["id"] for r in queries.timeline(store, limit=1000, with_sources=False, text="clash")]
        monkeypatch.setattr(free_text, "TEXT_LISTED", 100)
        store._text_matches = None  # the matches kept for this revision: dropped
        assert [r["id"] for r in queries.timeline(store, limit=1000, with_sources=False, text="clash")] == listed
        assert [r["id"] for o in range(0, 60, 12) for r in
                queries.timeline(store, limit=12, offset=o, with_sources=False, text="clash")] == listed[:60]
        seen: list[str] = []
        reads = store.ox_query
        store.ox_query = lambda q, *a, **k: (seen.append(q), reads(q, *a, **k))[1]  # type: ignore[method-assign]
        queries.timeline(store, event_type="01", limit=10, with_sources=False)
        store.ox_query = reads  # type: ignore[method-assign]
        page_queries = [q for q in seen if "ORDER BY ?begin" in q]
        assert page_queries and all(f"<{DAY}" in q for q in page_queries), "the first page is read day by day"
        assert not any(f"<{DAY}{d}>" in q for q in page_queries for d in CROWDED[1:]), "only the days it needs"
    finally:
        store.close()
