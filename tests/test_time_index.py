"""The time index (graph/store/time_index.py): written with every event and article, used by every
window, same answers as a scan of every event's date, counts kept exact, old stores migrated.

The windows are checked on synthetic article graphs (events spread over five months, several per
day, ties in time, actors and places) written twice: by `Store.put_articles` (with the index)
and the way a store was written before it (the same graphs without the day links, bulk-loaded
with no counts). The old store answers through the fallback, a FILTER over every event: the
reference the index must match, page by page.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

import pyoxigraph as ox
import pytest
from conftest import run_tkg

from graph.ids import BASE, DAY, INDEX_GRAPH, ONTOLOGY, is_article_graph, slot_iri
from graph.store import lookup, queries, time_index
from graph.store.embedded import Store
from graph.store.migrate import migrate, needed
from graph.view import view as views

SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
T = ONTOLOGY
DCT = "http://purl.org/dc/terms/"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ACTORS = [f"{BASE}actor/a{i}" for i in range(6)]
PLACES = [f"{BASE}place/{1000 + i}" for i in range(4)]
LINKS = (f"<{T}beginDay>", f"<{T}issuedDay>", f"<{SEM}hasActor>")  # hasActor: before an earlier change too
WINDOWS = [(None, None), (date(2008, 2, 1), date(2008, 2, 29)), (date(2008, 3, 15), None),
           (None, date(2008, 1, 10)), (date(2008, 2, 10), date(2008, 2, 10)), (date(2009, 1, 1), date(2009, 12, 31))]


def lit(v: str, dt: str = "") -> str:
    return f'"{v}"^^<{XSD}{dt}>' if dt else f'"{v}"'


def article(k: int, rng: random.Random, day0: date = date(2008, 1, 1)) -> tuple[str, str, str]:
    """(IRI, own N-Triples with the day links, entity N-Triples) of a synthetic article."""
    a, issued = f"{BASE}article/t{k}", day0 + timedelta(days=rng.randrange(120))
    out = [(a, RDF_TYPE, "https://schema.org/NewsArticle"), (a, DCT + "title", lit(f"Story {k}")),
           (a, DCT + "issued", lit(f"{issued}T10:00:00Z", "dateTime")), (a, T + "issuedDay", f"{DAY}{issued}")]
    s = f"{BASE}sentence/t{k}/0"
    out += [(s, RDF_TYPE, T + "Sentence"), (s, T + "text", lit(f"Sentence of story {k}.")), (s, DCT + "isPartOf", a)]
    for i in range(rng.randrange(1, 6)):
        e, day = f"{BASE}event/t{k}/{i}", issued - timedelta(days=rng.choice([0, 0, 0, 1, 2, 9, 40]))
        clock = rng.choice(["00:00:00", "00:00:00", "12:30:00"])  # ties: many events at midnight
        out += [(e, RDF_TYPE, SEM + "Event"), (e, LABEL, lit(f"event {k}/{i}")), (e, T + "trigger", lit("said")),
                (e, T + "timeSource", lit("timex")), (e, T + "modality", lit("asserted")),
                (e, T + "confidence", lit("0.5", "decimal")), ("prov", e, s),
                (e, SEM + "hasEarliestBeginTimeStamp", lit(f"{day}T{clock}", "dateTime")), (e, T + "beginDay", f"{DAY}{day}"),
                (e, SEM + "hasPlace", rng.choice(PLACES))]
        for role in ("agent", "target"):  # as graph.rdf states them: each also sem:hasActor
            who = rng.choice(ACTORS)
            out += [(e, T + role, who), (e, SEM + "hasActor", who)]
    own = "".join(_nt(t) for t in out)
    shared = "".join(_nt((n, RDF_TYPE, SEM + "Actor")) + _nt((n, LABEL, lit(n.rsplit("/", 1)[1]))) for n in ACTORS)
    shared += "".join(_nt((p, RDF_TYPE, SEM + "Place")) + _nt((p, LABEL, lit("P" + p[-4:]))) for p in PLACES)
    return a, own, shared


def _nt(t: tuple) -> str:
    if t[0] == "prov":
        return f"<{t[1]}> <http://www.w3.org/ns/prov#wasDerivedFrom> <{t[2]}> .\n"
    s, p, o = t
    obj = o if o.startswith('"') else f"<{o}>"
    return f"<{s}> <{p}> {obj} .\n"


def old_way(articles: list[tuple[str, str, str]], drop: tuple[str, ...] = LINKS[:2]) -> str:
    """The same graphs as N-Quads without the day links: what a store held before the index (with
    drop=LINKS, also without sem:hasActor: a store older still, which actor filters need migrated)."""
    out = []
    for iri, own, shared in articles:
        out += [ln.replace(" .\n", f" <{iri}> .\n") for ln in own.splitlines(keepends=True) if ln.split(" ")[1] not in drop]
        out += [ln.replace(" .\n", f" <{BASE}graph/entities> .\n") for ln in shared.splitlines(keepends=True)]
    return "".join(out)


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, str, str]]:
    rng = random.Random(19)
    return [article(k, rng) for k in range(150)]


@pytest.fixture
def stores(tmp_path, corpus):
    """(a store written with the index, the same articles written the old way)."""
    new = Store(tmp_path / "new")
    for i in range(0, len(corpus), 32):
        new.put_articles(corpus[i:i + 32])
    old_dir = tmp_path / "old"
    raw = ox.Store(str(old_dir))
    raw.bulk_load(old_way(corpus).encode(), format=ox.RdfFormat.N_QUADS)
    raw.flush()
    del raw
    old = Store(old_dir)
    yield new, old
    new.close()
    old.close()


def pages(store: Store, start, end, size: int = 7, **filters) -> list[str]:
    out: list[str] = []
    while True:
        rows = queries.timeline(store, start, end, limit=size, offset=len(out), **filters)
        out += [r["id"] for r in rows]
        if len(rows) < size:
            return out


def scan(store: Store, start, end) -> list[str]:
    """Events of the window in time order (ties as the timeline breaks them) by a FILTER over every event's date."""
    q = (f"SELECT ?e ?b WHERE {{ ?e a <{SEM}Event> ; <{SEM}hasEarliestBeginTimeStamp> ?b "
         f"{queries.window_filter('?b', start, end)} }} "
         f"ORDER BY ?b {queries.TIE}")
    return [r["e"].value[len(BASE):] for r in store.ox_query(q)]


def per_day(store, kind: str = "events") -> dict[str, int]:
    return dict(time_index.histogram(store, by="day", kind=kind))


def link_count(store: Store, prop: str) -> int:
    return sum(1 for _ in store.ox.quads_for_pattern(None, ox.NamedNode(T + prop), None, None))


def test_the_writer_links_every_event_and_article_to_its_day(seed_store):
    store = Store(seed_store)
    try:
        rows = list(store.ox_query(f"SELECT ?e ?b ?d WHERE {{ ?e a <{SEM}Event> ; <{SEM}hasEarliestBeginTimeStamp> ?b "
                                   f"OPTIONAL {{ ?e <{T}beginDay> ?d }} }}"))
        assert len(rows) > 5
        assert all(r["d"] is not None and r["d"].value == DAY + r["b"].value[:10] for r in rows)
        slots = {r["e"].value: r["s"].value for r in store.ox_query(f"SELECT ?e ?s WHERE {{ ?e <{T}beginSlot> ?s }}")}
        assert slots == {r["e"].value: slot_iri(r["b"].value, r["e"].value) for r in rows}
        (art,) = store.ox_query(f"SELECT ?d ?t WHERE {{ ?a <{T}issuedDay> ?d ; <{DCT}issued> ?t }}")
        assert art["d"].value == DAY + art["t"].value[:10]
        st = time_index.state(store)
        assert st.indexed and st.slotted and not st.stale
        assert time_index.count(store, kind="articles") == 1
        assert time_index.count(store) == len(rows)
    finally:
        store.close()


@pytest.mark.parametrize("start,end", WINDOWS)
def test_timeline_pages_through_the_index_equal_a_scan(stores, start, end):
    new, old = stores
    assert time_index.state(new).indexed and not time_index.state(old).indexed
    expected = scan(old, start, end)
    assert pages(new, start, end) == expected
    assert sorted(pages(old, start, end, size=1000)) == sorted(expected)  # the fallback: the old query
    assert time_index.count(new, start, end) == len(expected)


def test_filtered_windows_equal_a_scan(stores):
    new, old = stores
    start, end = date(2008, 2, 1), date(2008, 3, 31)
    for kw in ({"actor": "actor/a1"}, {"place": "place/1002"}):
        matching = set(pages(old, start, end, size=1000, **kw))  # the old query: a FILTER on every date
        assert matching and pages(new, start, end, **kw) == [e for e in scan(old, start, end) if e in matching]


@pytest.mark.parametrize("start,end", WINDOWS[1:4])
def test_view_actors_and_places_through_the_index_equal_a_scan(stores, start, end):
    new, old = stores
    for co in (False, True):
        a, b = views.build(new, start, end, co_mentions=co), views.build(old, start, end, co_mentions=co)
        assert sorted(a.edges(keys=True, data=True)) == sorted(b.edges(keys=True, data=True))
        assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert lookup.actors(new, start=start, end=end) == lookup.actors(old, start=start, end=end)
    assert lookup.places(new, start, end) == lookup.places(old, start, end)


def test_the_store_adds_the_links_a_graph_leaves_out(tmp_path, corpus):
    """Graphs built by other code than graph.rdf (put_graph, put_articles) still reach the windows."""
    def links(store: Store) -> set[str]:
        return {str(q) for p in ("beginDay", "issuedDay") for q in store.ox.quads_for_pattern(None, ox.NamedNode(T + p), None, None)}

    full, bare = Store(tmp_path / "full"), Store(tmp_path / "bare")
    try:
        full.put_articles(corpus[:20])
        bare.put_articles([(iri, "".join(ln for ln in own.splitlines(keepends=True) if ln.split(" ")[1] not in LINKS[:2]), sh)
                           for iri, own, sh in corpus[:20]])
        assert links(bare) == links(full) and len(links(full)) > 40
        assert per_day(bare) == per_day(full) and per_day(full, "articles") == per_day(bare, "articles")
    finally:
        full.close()
        bare.close()


def test_windows_reach_their_events_through_the_day_links(stores):
    """An event whose link is gone drops out of the indexed windows: they do not scan the dates."""
    new, old = stores
    start, end = date(2008, 2, 1), date(2008, 2, 29)
    victim = pages(new, start, end)[3]
    for link in ("beginDay", "beginSlot", "shownSlot"):  # what the default timeline and `all` read
        new.ox.remove(next(new.ox.quads_for_pattern(ox.NamedNode(BASE + victim), ox.NamedNode(T + link), None, None)))
    assert victim not in pages(new, start, end, size=1000)
    assert victim not in pages(new, start, end, size=1000, all_events=True)
    assert victim in pages(old, start, end, size=1000)
    assert victim not in {k for _, _, k in views.build(new, start, end).edges(keys=True)}


def test_counts_stay_exact_through_replacements_drops_and_updates(stores, corpus):
    new, _ = stores

    def check() -> None:
        new._time_index_state = None  # read afresh: per-day and per-month records
        counted = {r["d"].value[len(DAY):]: int(r["n"].value) for r in new.ox_query(
            f"SELECT ?d (COUNT(*) AS ?n) WHERE {{ ?e <{T}beginDay> ?d }} GROUP BY ?d")}
        assert per_day(new) == counted
        months: dict[str, int] = {}
        for d, n in counted.items():
            months[d[:7]] = months.get(d[:7], 0) + n
        assert dict(time_index.histogram(new, by="month")) == months
        assert time_index.count(new, kind="articles") == link_count(new, "issuedDay")

    rng = random.Random(7)
    check()
    assert time_index.count(new, kind="articles") == new.graph_count() == 150
    new.put_articles([article(k, rng) for k in (3, 4, 500)])  # two replaced (new dates), one new
    check()
    new.drop_graph(f"{BASE}article/t5")
    check()
    iri = f"{BASE}article/t6"
    new.write_triples(iri, [q.triple for q in new.ox.quads_for_pattern(None, None, None, ox.NamedNode(iri))][:3], True)
    check()
    new.update(f"DELETE WHERE {{ GRAPH <{BASE}article/t7> {{ ?s ?p ?o }} }}")
    assert time_index.state(new).stale
    check()  # counted from the links while stale
    new.put_articles([article(501, rng)])  # the next write recounts
    assert not time_index.state(new).stale
    check()
    assert not list(new.ox.quads_for_pattern(None, None, ox.NamedNode(T + "CountDelta"), ox.NamedNode(INDEX_GRAPH)))


def test_counts_a_crash_left_unfolded_are_folded_by_the_next_write(tmp_path, corpus):
    """A kill between a bulk load and its fold leaves the chunk's pending counts: the next writer folds them."""
    from graph.store import index_fold
    from graph.store import index_writes as iw
    from graph.store.embedded import _nquads

    store = Store(tmp_path / "d")
    store.put_articles(corpus[:10])
    crashed = corpus[10:20]  # what the bulk load of the killed write committed: articles and pending counts
    pending = index_fold.pending_quads(iw.links(own for _, own, _ in crashed), "killed")
    store.ox.bulk_load((_nquads(crashed) + pending).encode(), format=ox.RdfFormat.N_QUADS)
    store.close()
    store = Store(tmp_path / "d")
    try:
        store.put_articles(corpus[20:25])
        assert time_index.count(store) == link_count(store, "beginDay") == sum(
            own.count(f"<{T}beginDay>") for _, own, _ in corpus[:25])
        assert time_index.count(store, kind="articles") == 25
        assert not index_fold.leftovers(store.ox)
    finally:
        store.close()


def test_a_store_written_before_the_index_is_migrated_by_tkg_migrate(tmp_path, corpus, stores):
    new, _ = stores
    data = tmp_path / "before-the-index"
    raw = ox.Store(str(data))
    raw.bulk_load(old_way(corpus, LINKS).encode(), format=ox.RdfFormat.N_QUADS)
    del raw
    old = Store(data)
    assert needed(old)
    old.close()
    proc = run_tkg("migrate", "--data", str(data))
    assert proc.returncode == 0, proc.stderr
    assert "150 article graphs" in proc.stderr
    old = Store(data)
    try:
        assert time_index.state(old).slotted and not needed(old)
        for prop in (T + "beginDay", T + "beginSlot", T + "shownSlot", T + "issuedDay", SEM + "hasActor"):  # what the writer states, no more, no fewer
            written = {str(q) for q in new.ox.quads_for_pattern(None, ox.NamedNode(prop), None, None)}
            assert {str(q) for q in old.ox.quads_for_pattern(None, ox.NamedNode(prop), None, None)} == written
        assert per_day(old) == per_day(new) and per_day(old, "articles") == per_day(new, "articles")
        assert time_index.histogram(old, by="year") == time_index.histogram(new, by="year")
        for start, end in WINDOWS:
            assert pages(old, start, end) == pages(new, start, end)
        again = migrate(old)  # idempotent
        assert again.already and again.graphs == 150 and link_count(old, "beginDay") == link_count(new, "beginDay")
    finally:
        old.close()


def crowded_day(n: int = 400, day: str = "2008-02-10") -> list[tuple[str, str, str]]:
    """Articles whose n events all begin on one day: most at midnight (ties, ordered by MD5), some at a time of
    day, some at midnight written with a fraction of a second (equal to midnight: a tie too)."""
    rng = random.Random(5)
    out = []
    for k in range(n // 4):
        a, own, shared = article(1000 + k, rng)
        lines = [ln for ln in own.splitlines(keepends=True) if "/event/" not in ln.split(" ")[0]]
        for i in range(4):
            e = f"{BASE}event/c{k}/{i}"
            clock = rng.choice(["00:00:00", "00:00:00", "00:00:00", "00:00:00.000", "07:15:00", "23:59:59"])
            lines += [f"<{e}> <{RDF_TYPE}> <{SEM}Event> .\n", f'<{e}> <{LABEL}> "crowded {k}/{i}" .\n',
                      f'<{e}> <{SEM}hasEarliestBeginTimeStamp> "{day}T{clock}"^^<{XSD}dateTime> .\n',
                      f"<{e}> <{SEM}hasPlace> <{PLACES[i % 2]}> .\n", f'<{e}> <{T}trigger> "met" .\n',
                      f'<{e}> <{T}timeSource> "timex" .\n', f'<{e}> <{T}modality> "asserted" .\n',
                      f'<{e}> <{T}confidence> "0.5"^^<{XSD}decimal> .\n', _nt(("prov", e, f"{BASE}sentence/t{1000 + k}/0")),
                      f"<{e}> <{T}agent> <{ACTORS[i]}> .\n", f"<{e}> <{SEM}hasActor> <{ACTORS[i]}> .\n"]
        out.append((a, "".join(lines), shared))
    return out


def test_a_crowded_day_is_read_a_slot_at_a_time_with_the_scan_s_answers(tmp_path, corpus):
    """A page of a day of 400 events reads its first slots only, and pages equal the scan's (midnight ties
    by MD5 across slots, events with a time of day after them, a fraction of a second of midnight a tie)."""
    day = date(2008, 2, 10)
    crowded = corpus[:40] + crowded_day()
    new = Store(tmp_path / "new")
    raw = ox.Store(str(tmp_path / "old"))
    raw.bulk_load(old_way(crowded).encode(), format=ox.RdfFormat.N_QUADS)
    del raw
    old = Store(tmp_path / "old")
    seen: list[str] = []
    reads = new.ox_query
    new.ox_query = lambda q, *a, **k: (seen.append(q), reads(q, *a, **k))[1]  # type: ignore[method-assign]
    try:
        for i in range(0, len(crowded), 32):
            new.put_articles(crowded[i:i + 32])
        assert time_index.state(new).slotted
        for start, end, size in ((day, day, 7), (day, day, 50), (date(2008, 2, 1), date(2008, 2, 29), 30), (None, None, 40)):
            assert pages(new, start, end, size) == scan(old, start, end)
        for kw in ({"place": PLACES[0][len(BASE):]}, {"actor": ACTORS[0][len(BASE):]}):
            matching = set(pages(old, day, day, size=1000, **kw))
            assert pages(new, day, day, size=9, **kw) == [e for e in scan(old, day, day) if e in matching]
        seen.clear()
        first = [r["id"] for r in queries.timeline(new, day, day, limit=5)]
        assert first == scan(old, day, day)[:5]
        page_queries = [q for q in seen if "ORDER BY ?begin" in q]
        assert len(page_queries) == 1 and f"<{DAY}{day}/0>" in page_queries[0]
        # a part of the day (as many slots as the month's average day would fill), not the whole of it
        assert page_queries[0].count(f"<{DAY}{day}/") < 16 and f"<{DAY}{day}>" not in page_queries[0]
    finally:
        new.ox_query = reads  # type: ignore[method-assign]
        new.close()
        old.close()


def test_a_version_1_store_pages_by_whole_days_until_migrated(tmp_path, corpus):
    """A store written with day links but no slots (time index version 1) answers by whole days, then
    `migrate` adds the slots and moves it to version 2."""
    from graph.store import index_writes as iw

    crowded = corpus[:40] + crowded_day(120)
    store = Store(tmp_path / "v1")
    try:
        store.put_articles(crowded)
        expected = {day_q: pages(store, *day_q) for day_q in ((date(2008, 2, 10),) * 2, (None, None))}
        for q in list(store.ox.quads_for_pattern(None, ox.NamedNode(T + "beginSlot"), None, None)):
            store.ox.remove(q)
        store.ox.update(iw.MARKER.replace(f'"{time_index.VERSION}"', '"1"'))
        store._time_index_state = None
        st = time_index.state(store)
        assert st.indexed and not st.slotted and needed(store)
        assert {k: pages(store, *k) for k in expected} == expected
        report = migrate(store)
        assert not report.already and time_index.state(store).slotted and not needed(store)
        assert link_count(store, "beginSlot") == link_count(store, "beginDay")
        assert {k: pages(store, *k) for k in expected} == expected
    finally:
        store.close()


def test_migrate_refuses_a_directory_that_is_no_store(tmp_path):
    proc = run_tkg("migrate", "--data", str(tmp_path / "nothing"))
    assert proc.returncode == 2 and "no such store" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_migration_over_a_sparql_server(tmp_path, corpus):
    from store_servers import OxigraphServer

    from graph.store.remote import RemoteStore

    srv = OxigraphServer(tmp_path / "srv")
    try:
        remote = RemoteStore(srv.url)
        for chunk in range(0, 60, 20):  # the old way: the graphs without links, no counts
            body = old_way(corpus[chunk:chunk + 20])
            remote.client.post(srv.base + "/store", content=body.encode(),
                               headers={"Content-Type": "application/n-quads"}).raise_for_status()
        assert needed(remote)
        start, end = date(2008, 2, 1), date(2008, 2, 29)
        before = pages(remote, start, end, size=1000)
        report = migrate(remote, batch=25)
        assert report.graphs == 60 and time_index.state(remote).slotted
        slots = {r["e"].value: r["s"].value for r in remote.ox_query(f"SELECT ?e ?s WHERE {{ ?e <{T}beginSlot> ?s }}")}
        begins = {r["e"].value: r["b"].value for r in remote.ox_query(
            f"SELECT ?e ?b WHERE {{ ?e a <{SEM}Event> ; <{SEM}hasEarliestBeginTimeStamp> ?b }}")}
        assert slots == {e: slot_iri(b, e) for e, b in begins.items()} and len(slots) > 100  # the writer's slots
        # and the default timeline's verdict (graph/rdf/shown.py): these events have no class, so all are shown
        assert time_index.state(remote).shown
        assert {r["e"].value: r["s"].value for r in remote.ox_query(f"SELECT ?e ?s WHERE {{ ?e <{T}shownSlot> ?s }}")} == slots
        assert sorted(pages(remote, start, end)) == sorted(before) and before
        assert time_index.count(remote, start, end) == len(before)
        graphs = [g for g in (r["g"].value for r in remote.ox_query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
                  if is_article_graph(g)]
        assert remote.graph_count() == len(graphs) == 60
    finally:
        srv.stop()


def test_counts_endpoint_and_timeline_total(client, seed_store):
    """The served seed: /timeline/counts and the timeline's total are the kept counts."""
    store = Store(seed_store)
    try:
        events = scan(store, None, None)
        months = sorted({r["b"].value[:7] for r in store.ox_query(f"SELECT ?b WHERE {{ ?e a <{SEM}Event> ; <{SEM}hasEarliestBeginTimeStamp> ?b }}")})
    finally:
        store.close()
    r = client.get("/api/v1/timeline/counts", params={"by": "month"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["indexed"] and body["events"] == len(events) and body["articles"] == 1
    assert [p["period"] for p in body["periods"]] == months
    assert sum(p["events"] for p in body["periods"]) == len(events)
    t = client.get("/api/v1/timeline", params={"limit": 2}).json()
    assert t["window_events"] == len(events) and len(t["events"]) == 2
    last = body["periods"][-1]
    one = client.get("/api/v1/timeline/counts", params={"from": last["period"], "to": last["period"]}).json()
    assert one["events"] == last["events"] and len(one["periods"]) == 1
    assert client.get("/api/v1/timeline", params={"actor": "actor/minusma"}).json()["window_events"] is None
    bad = client.get("/api/v1/timeline/counts", params={"by": "week"})
    assert bad.status_code == 422 and "error" in bad.json()
