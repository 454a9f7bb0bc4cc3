"""The default timeline's verdict kept at write time (graph/rdf/shown.py): every event that
queries.SHOWN_EVENTS keeps links to its day slot by `tkg:shownSlot`, and no other; the default
timeline and the view read those links instead of testing each candidate, with the same answers;
a store without them (time index version 2) falls back to the filter until `tkg migrate`."""
from __future__ import annotations

import json
import shutil
from datetime import date

import pyoxigraph as ox
import pytest
from conftest import SEEDS, run_tkg

from graph.extract.events.cameo import CAMEO_NS
from graph.ids import BASE, DAY, ONTOLOGY, slot_iri
from graph.rdf.shown import CAMEO as SHOWN_CAMEO
from graph.rdf.shown import SHOWN_SLOT, shown, shown_links
from graph.store import index_writes as iw
from graph.store import queries, time_index
from graph.store.embedded import Store
from graph.store.migrate import migrate, needed
from graph.view import view as views

SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
CAMEO = "https://w3id.org/timeline-kg/cameo/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_DT = "http://www.w3.org/2001/XMLSchema#dateTime"
CLASSES = (None, "occurrence", "state", "reporting", "perception", "aspectual", "i_action", "i_state", "intention")
TYPES = (None, "010", "016", "01", "0110", "112", "190", "042")



def test_the_verdict_knows_the_cameo_namespace_the_extractor_writes():
    # shown.py spells the namespace out (no rdflib load); queries.SHOWN_EVENTS takes it from there too
    assert SHOWN_CAMEO == CAMEO_NS == CAMEO

# A story of our own: what happened (cut, arrested, shelled), a typed accusation, and what the default timeline
# hides: plain statements ("the ministry said", "residents said"), an intention ("vowed to reopen"), a state.
STORY = ("Flooding cut the railway between Tamale and Bolgatanga on Friday, the transport ministry said. "
         "Engineers vowed to reopen the line within a week. "
         "The regional governor accused the contractor of ignoring warnings, residents said on Saturday. "
         "Hundreds of traders remain stranded at the Tamale depot. "
         "Police arrested two looters at the depot on Saturday, and soldiers shelled a rebel camp near Yendi on Sunday.")


def shown_events_sparql(store) -> set[str]:
    """The events queries.SHOWN_EVENTS keeps, asked of the store."""
    q = f"{queries.PREFIXES} SELECT ?e WHERE {{ ?e a sem:Event . {queries.SHOWN_EVENTS} }}"
    return {r["e"].value for r in store.ox_query(q)}


def shown_slots(store) -> dict[str, str]:
    return {q.subject.value: q.object.value for q in store.ox.quads_for_pattern(None, ox.NamedNode(SHOWN_SLOT), None, None)}


def begin_slots(store) -> dict[str, str]:
    return {q.subject.value: q.object.value
            for q in store.ox.quads_for_pattern(None, ox.NamedNode(ONTOLOGY + "beginSlot"), None, None)}


def as_version_2(store: Store) -> None:
    """The store as main's writer left it before the verdict: no shown slots, time index version 2."""
    for q in list(store.ox.quads_for_pattern(None, ox.NamedNode(SHOWN_SLOT), None, None)):
        store.ox.remove(q)
    store.ox.update(iw.MARKER.replace(f'"{time_index.VERSION}"', '"2"'))
    store._time_index_state = None
    store._bump_revision()


def combos_article() -> tuple[str, str, str]:
    """One article with an event of every class (or none) and type (or none), all on one day."""
    a = f"{BASE}article/combos"
    lines = [f"<{a}> <{RDF_TYPE}> <https://schema.org/NewsArticle> .\n",
             f'<{a}> <http://purl.org/dc/terms/issued> "2008-03-02T10:00:00Z"^^<{XSD_DT}> .\n']
    for i, (c, t) in enumerate((c, t) for c in CLASSES for t in TYPES):
        e = f"{BASE}event/combos/{i}"
        lines += [f"<{e}> <{RDF_TYPE}> <{SEM}Event> .\n",
                  f'<{e}> <{SEM}hasEarliestBeginTimeStamp> "2008-03-02T00:00:00"^^<{XSD_DT}> .\n']
        lines += [f'<{e}> <{ONTOLOGY}eventClass> "{c}" .\n'] if c else []
        lines += [f"<{e}> <{SEM}eventType> <{CAMEO}{t}> .\n"] if t else []
    return a, "".join(lines), ""


def test_the_verdict_is_the_filter_s_on_every_class_and_type(tmp_path):
    """Python's verdict (the writers), the N-Triples one (graphs built by other code) and the migration's (SPARQL)
    keep exactly what SHOWN_EVENTS keeps, for each class and type: 9 x 8 events."""
    store = Store(tmp_path / "s")
    try:
        store.put_articles([combos_article()])
        kept = shown_events_sparql(store)
        assert 10 < len(kept) < 72  # some of each
        assert set(shown_slots(store)) == kept  # shown_links, by the store's writer
        assert shown_slots(store) == {e: s for e, s in begin_slots(store).items() if e in kept}
        for i, (c, t) in enumerate((c, t) for c in CLASSES for t in TYPES):
            assert shown(c, CAMEO + t if t else None) == (f"{BASE}event/combos/{i}" in kept), (c, t)
        written = shown_slots(store)
        as_version_2(store)
        assert needed(store) and not time_index.state(store).shown
        report = migrate(store)
        assert time_index.state(store).shown and not needed(store) and report.graphs == 1
        assert shown_slots(store) == written  # the migration's SPARQL: the same links
    finally:
        store.close()


def test_an_event_of_several_classes_is_shown_as_the_filter_says():
    """Not what graph.rdf writes, but a graph built by other code may: typed 190 with classes occurrence and
    intention is hidden (an intention), untyped with only occurrence shown, 010 with occurrence and reporting
    hidden (a plain statement)."""
    def nt(e: str, classes: tuple[str, ...], types: tuple[str, ...]) -> str:
        return (f"<{e}> <{RDF_TYPE}> <{SEM}Event> .\n<{e}> <{SEM}hasEarliestBeginTimeStamp> \"2008-03-02T00:00:00\" .\n"
                + "".join(f'<{e}> <{ONTOLOGY}eventClass> "{c}" .\n' for c in classes)
                + "".join(f"<{e}> <{SEM}eventType> <{CAMEO}{t}> .\n" for t in types))
    text = nt("x:1", ("occurrence", "intention"), ("190",)) + nt("x:2", ("occurrence",), ()) + \
        nt("x:3", ("occurrence", "reporting"), ("010",)) + nt("x:4", ("state", "reporting"), ("112",))
    assert {ln.split(" ")[0] for ln in shown_links(text).splitlines()} == {"<x:2>", "<x:4>"}


@pytest.fixture(scope="module")
def story_store(tmp_path_factory):
    """The seed and the story above, ingested by `tkg ingest` (the writer of graph.rdf)."""
    tmp = tmp_path_factory.mktemp("shown")
    story = tmp / "story.jsonl"
    story.write_text(json.dumps({"title": "Floods cut the northern railway", "date": "2024-05-06T08:00:00Z",
                                 "source": "Test Wire", "url": "https://example.org/test-wire/railway",
                                 "text": STORY}) + "\n")
    data = tmp / "data"
    run_tkg("ingest", str(SEEDS), str(story), "--data", str(data), check=True)
    return data


def answers(store: Store) -> dict[str, object]:
    """What the default timeline, its switches and filters, and the view answer."""
    out: dict[str, object] = {}
    for name, start, end in (("all time", None, None), ("story week", date(2024, 5, 1), date(2024, 5, 12)),
                             ("2019", date(2019, 1, 1), date(2019, 12, 31))):
        for kw in ({}, {"all_events": True}, {"story": True}, {"event_type": "19"}, {"event_type": "11"}):
            for limit, offset in ((50, 0), (3, 2)):
                rows = queries.timeline(store, start, end, limit=limit, offset=offset, with_sources=False, **kw)
                out[f"{name} {kw} {limit}@{offset}"] = [r["id"] for r in rows]
        for all_events in (False, True):
            g = views.build(store, start, end, kinds=("actor", "place", "event"), all_events=all_events)
            out[f"view {name} {all_events}"] = sorted((a, b, k) for a, b, k in g.edges(keys=True))
    return out


@pytest.mark.parametrize("day_min", [time_index.SHOWN_DAY_MIN, 0.0])
def test_the_story_s_default_timeline_reads_the_shown_slots_with_the_filter_s_answers(story_store, tmp_path, monkeypatch,
                                                                                     day_min):
    """The seed's months are sparse (fewer events a day than make the slots pay: the filter is used), so the shown
    slots are also read everywhere (day_min 0); either way the answers are the filter's on a version-2 store."""
    monkeypatch.setattr(time_index, "SHOWN_DAY_MIN", day_min)
    data = tmp_path / "data"
    shutil.copytree(story_store, data)
    store = Store(data)
    seen: list[str] = []
    reads = store.ox_query
    try:
        assert time_index.state(store).shown
        kept = shown_events_sparql(store)
        assert shown_slots(store) == {e: s for e, s in begin_slots(store).items() if e in kept}  # graph.rdf's writer
        labels = {r["e"].value: r["l"].value for r in store.ox_query(
            f"SELECT ?e ?l WHERE {{ ?e a <{SEM}Event> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l ; "
            f"<{ONTOLOGY}trigger> ?t . FILTER (?t IN (\"cut\", \"said\", \"reopen\", \"accused\", \"remain\", \"arrested\")) }}")}
        story_events = {e: l for e, l in labels.items() if "/event/" in e}
        assert story_events
        after = answers(store)
        week = after["story week {} 50@0"]
        # what happened and the accusation on the default timeline; the plain statements and the intention not
        assert {id_ for id_ in week} >= {e[len(BASE):] for e in story_events if e in kept}
        assert not {e[len(BASE):] for e in story_events if e not in kept} & set(week)
        assert any(e not in kept for e in story_events) and any(e in kept for e in story_events)
        store.ox_query = lambda q, *a, **k: (seen.append(q), reads(q, *a, **k))[1]  # type: ignore[method-assign]
        queries.timeline(store, date(2024, 5, 1), date(2024, 5, 12))
        page = [q for q in seen if "ORDER BY ?begin" in q]
        if not day_min:
            assert page and all("shownSlot" in q and "eventClass" not in q for q in page)  # no per-candidate test
        store.ox_query = reads  # type: ignore[method-assign]
        as_version_2(store)  # what main's code wrote: the filter on every candidate
        seen.clear()
        store.ox_query = lambda q, *a, **k: (seen.append(q), reads(q, *a, **k))[1]  # type: ignore[method-assign]
        before = answers(store)
        store.ox_query = reads  # type: ignore[method-assign]
        assert not any("shownSlot" in q for q in seen)
        assert before == after
    finally:
        store.ox_query = reads  # type: ignore[method-assign]
        store.close()


def test_a_version_2_store_is_migrated_to_the_shown_slots_by_tkg_migrate(story_store, tmp_path):
    """`tkg migrate` on a store main's writer left (version 2): only the shown slots are added (links, slots and
    counts untouched), the marker moves to 3, the answers stay."""
    data = tmp_path / "data"
    shutil.copytree(story_store, data)
    store = Store(data)
    written, expected = shown_slots(store), answers(store)
    day_links = sorted(str(q) for q in store.ox.quads_for_pattern(None, ox.NamedNode(ONTOLOGY + "beginDay"), None, None))
    counts = time_index.histogram(store, by="month")
    as_version_2(store)
    assert needed(store)
    store.close()
    proc = run_tkg("migrate", "--data", str(data))
    assert proc.returncode == 0, proc.stderr
    store = Store(data)
    try:
        assert time_index.state(store).shown and not needed(store)
        assert shown_slots(store) == written
        assert sorted(str(q) for q in store.ox.quads_for_pattern(None, ox.NamedNode(ONTOLOGY + "beginDay"), None, None)) \
            == day_links
        assert time_index.histogram(store, by="month") == counts
        assert answers(store) == expected
        again = migrate(store)  # idempotent
        assert again.already and shown_slots(store) == written
    finally:
        store.close()


def test_a_correction_leaves_the_verdict_right(story_store, tmp_path):
    """Analysts' corrections rewrite actors and places, never an event's class or type: after a merge the shown
    slots are those the filter keeps, and the default timeline is the filter's."""
    from graph.store import corrections

    data = tmp_path / "data"
    shutil.copytree(story_store, data)
    store = Store(data)
    try:
        actors = [r["a"].value for r in store.ox_query(
            f"SELECT DISTINCT ?a WHERE {{ ?e <{ONTOLOGY}agent> ?a }} ORDER BY ?a LIMIT 2")]
        corrections.merge(store, actors[0], actors[1])
        kept = shown_events_sparql(store)
        assert shown_slots(store) == {e: s for e, s in begin_slots(store).items() if e in kept}
        after = answers(store)
        as_version_2(store)
        assert answers(store) == after
    finally:
        store.close()


def test_a_graph_without_the_shown_slots_gets_them_from_the_store(tmp_path):
    """A graph built by other code (no tkg:shownSlot) gets its shown slots when written, so a store of
    version 3 stays whole; the slot is the event's begin slot."""
    a, own, shared = combos_article()
    assert "shownSlot" not in own
    withs = iw.with_links(own)
    lines = [ln for ln in withs.splitlines() if "shownSlot" in ln]
    assert lines and all(ln.split(" ")[2] == f"<{slot_iri('2008-03-02T00:00:00', ln.split(' ')[0][1:-1])}>"
                         for ln in lines)
    assert iw.with_links(withs) == withs  # stated once
    assert all(f"<{DAY}2008-03-02/" in ln for ln in lines)
