"""Each shown event's page row kept in one literal (`tkg:row`, graph/store/page_rows.py, time index version 4):
the writer's row is what EVENT_DETAILS answers, pages read through the rows answer exactly what they answer
without them, a store without rows (version 3) still answers the same until `tkg migrate` adds the same rows,
and a correction or a re-ingest leaves no row stale."""
from __future__ import annotations

import json
import shutil
from datetime import date

import pyoxigraph as ox
import pytest
from conftest import SEEDS, run_tkg

from graph.ids import ONTOLOGY
from graph.rdf.shown import SHOWN_SLOT
from graph.store import index_writes as iw
from graph.store import page_rows, queries, time_index
from graph.store.embedded import Store
from graph.store.migrate import migrate, needed

ROW = ox.NamedNode(page_rows.ROW)

# A story of our own: a place, actors, a typed act, a statement the default timeline hides.
STORY = ("Storms tore the roof off the Kisumu market hall on Tuesday, the county office said. "
         "Firefighters rescued twelve traders from the ruins of the hall on Tuesday night. "
         "The governor of Kisumu criticised the builder of the hall on Wednesday.")
RETOLD = ("Storms tore the roof off the Kisumu market hall on Tuesday, the county office said. "
          "Soldiers evacuated forty traders from the ruins of the hall on Tuesday night. "
          "The governor of Kisumu criticised the builder of the hall on Wednesday.")
URL = "https://example.org/lake-wire/kisumu-hall"


def story_file(tmp, text: str):
    f = tmp / f"story-{abs(hash(text))}.jsonl"
    f.write_text(json.dumps({"title": "Storm wrecks Kisumu market hall", "date": "2023-11-08T07:00:00Z",
                             "source": "Lake Wire", "url": URL, "text": text}) + "\n")
    return f


@pytest.fixture(scope="module")
def rows_store(tmp_path_factory):
    """The seed and the story above, ingested by `tkg ingest` (the writer of graph.rdf)."""
    tmp = tmp_path_factory.mktemp("rows")
    data = tmp / "data"
    run_tkg("ingest", str(SEEDS), str(story_file(tmp, STORY)), "--data", str(data), check=True)
    return data


def kept_rows(store: Store) -> dict[str, str]:
    return {q.subject.value: q.object.value for q in store.ox.quads_for_pattern(None, ROW, None, None)}


def shown_events(store: Store) -> list[str]:
    return sorted({q.subject.value for q in store.ox.quads_for_pattern(None, ox.NamedNode(SHOWN_SLOT), None, None)})


def rows_agree(store: Store) -> None:
    """Every shown event has one row, and its details read through the rows are those EVENT_DETAILS answers."""
    events = shown_events(store)
    assert events and set(kept_rows(store)) == set(events)
    for i in range(0, len(events), 50):
        part = events[i:i + 50]
        assert page_rows.details(store, part, True) == page_rows.details(store, part, False)


def answers(store: Store) -> dict[str, object]:
    """Whole rows (every field) of the default timeline, its switches and filters, windows and pages."""
    out: dict[str, object] = {}
    for name, start, end in (("all time", None, None), ("story week", date(2023, 11, 1), date(2023, 11, 12)),
                             ("2019", date(2019, 1, 1), date(2019, 12, 31))):
        for kw in ({}, {"all_events": True}, {"event_type": "19"}, {"story": True}):
            for limit, offset in ((50, 0), (3, 2)):
                out[f"{name} {kw} {limit}@{offset}"] = queries.timeline(store, start, end, limit=limit, offset=offset, **kw)
    return out


def as_version_3(store: Store) -> None:
    """The store as session 8's writer left it: no rows, time index version 3."""
    for q in list(store.ox.quads_for_pattern(None, ROW, None, None)):
        store.ox.remove(q)
    store.ox.update(iw.MARKER.replace(f'"{time_index.VERSION}"', '"3"'))
    store._time_index_state = None
    store._bump_revision()


def test_the_writer_s_rows_are_what_event_details_answers(rows_store, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(rows_store, data)
    store = Store(data)
    try:
        assert time_index.state(store).rows and not needed(store)
        rows_agree(store)
        hall = [json.loads(v) for v in kept_rows(store).values() if "Kisumu" in json.loads(v)["stext"]]
        assert hall and all(r["title"] == "Storm wrecks Kisumu market hall" and "/article/" in r["article"] for r in hall)
    finally:
        store.close()


def test_a_store_without_rows_answers_the_same_and_migrate_gives_it_the_writer_s_rows(rows_store, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(rows_store, data)
    store = Store(data)
    try:
        before, written = answers(store), kept_rows(store)
        assert any(before.values())
        as_version_3(store)
        assert needed(store) and not time_index.state(store).rows and not kept_rows(store)
        assert answers(store) == before  # EVENT_DETAILS for every event
        report = migrate(store)
        assert report.only_rows and time_index.state(store).rows and not needed(store)
        assert kept_rows(store) == written  # the migration asks the store what the writer asked the article
        assert answers(store) == before
        again = migrate(store)
        assert again.already and kept_rows(store) == written
    finally:
        store.close()


def test_a_row_stays_right_after_corrections(rows_store, tmp_path):
    """Corrections rewrite actors and places, which the row leaves out: after a merge and an event's place set,
    the rows still agree with EVENT_DETAILS, and the page shows the corrected place and actor."""
    from graph.extract.places.gazetteer_cache import default_gazetteer
    from graph.store import corrections

    data = tmp_path / "data"
    shutil.copytree(rows_store, data)
    store = Store(data)
    try:
        page = queries.timeline(store, date(2023, 11, 1), date(2023, 11, 12), limit=50)
        event = next(r for r in page if r["actors"])
        gone = event["actors"][0]["id"]
        keep = next(r["a"].value for r in store.ox_query(
            f"SELECT ?a WHERE {{ ?e <{ONTOLOGY}agent> ?a FILTER (?a != <{queries.BASE}{gone}>) }} LIMIT 1"))
        corrections.merge(store, keep, gone)
        gazetteer = default_gazetteer()
        corrections.place(store, event["id"], 2460596, gazetteer=gazetteer)
        rows_agree(store)
        after = next(r for r in queries.timeline(store, date(2023, 11, 1), date(2023, 11, 12), limit=50)
                     if r["id"] == event["id"])
        assert after["place"]["label"] == gazetteer.place_by_id(2460596).name != (event["place"] or {}).get("label")
        assert gone not in {a["id"] for a in after["actors"]} and keep.endswith(after["actors"][0]["id"])
        assert {k: v for k, v in after.items() if k not in ("place", "actors")} == \
            {k: v for k, v in event.items() if k not in ("place", "actors")}
    finally:
        store.close()


def test_a_re_ingest_rewrites_the_rows(rows_store, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(rows_store, data)
    run_tkg("ingest", str(story_file(tmp_path, RETOLD)), "--data", str(data), check=True)
    store = Store(data)
    try:
        rows_agree(store)
        texts = {json.loads(v)["stext"] for v in kept_rows(store).values()}
        assert any("Soldiers evacuated" in t for t in texts)
        assert not any("Firefighters rescued" in t for t in texts)
    finally:
        store.close()


def test_an_event_with_two_labels_gets_no_row_and_is_read_as_before():
    """Not what graph.rdf writes, but a graph built by other code may: EVENT_DETAILS keeps one of its rows by
    the store's order, so no row is kept and the page asks EVENT_DETAILS."""
    sem, e, s, a = "http://semanticweb.cs.vu.nl/2009/11/sem/", "<x:e>", "<x:s>", "<x:a>"
    nt = "".join(f"{x} .\n" for x in (
        f"{e} <{SHOWN_SLOT}> <x:slot>", f'{e} <http://www.w3.org/2000/01/rdf-schema#label> "one"',
        f'{e} <http://www.w3.org/2000/01/rdf-schema#label> "two"', f'{e} <{ONTOLOGY}trigger> "t"',
        f'{e} <{ONTOLOGY}timeSource> "timex"', f'{e} <{ONTOLOGY}modality> "asserted"',
        f'{e} <{ONTOLOGY}confidence> "0.850"^^<http://www.w3.org/2001/XMLSchema#decimal>',
        f"{e} <http://www.w3.org/ns/prov#wasDerivedFrom> {s}", f'{s} <{ONTOLOGY}text> "It happened."',
        f"{s} <http://purl.org/dc/terms/isPartOf> {a}", f"{e} <{sem}eventType> <x:t>"))
    assert page_rows.row_lines(nt) == ""
    one = nt.replace('"two"', '"one"')  # one label: a row, its decimal as the store answers it
    row = json.loads(next(iter(ox.parse(page_rows.row_lines(one).encode(), format=ox.RdfFormat.N_TRIPLES))).object.value)
    assert row == {"label": "one", "trigger": "t", "source": "timex", "modality": "asserted", "confidence": "0.85",
                   "sentence": "x:s", "stext": "It happened.", "article": "x:a", "type": "x:t"}
