"""A SPARQL update can change what an event's page row holds (graph/store/page_rows.py): it marks the rows stale
in its transaction, pages then describe events by EVENT_DETAILS, and `tkg migrate` writes the rows anew."""
from __future__ import annotations

import json

from graph.store import queries, time_index
from graph.store.embedded import Store
from graph.store.migrate import migrate, needed
from graph.store.page_rows import ROW

RELABEL = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
DELETE { GRAPH ?g { <%(e)s> rdfs:label ?l } } INSERT { GRAPH ?g { <%(e)s> rdfs:label "%(label)s" } }
WHERE { GRAPH ?g { <%(e)s> rdfs:label ?l } }"""


def rows_of(store: Store, event: str) -> list[dict]:
    return [json.loads(r["r"].value) for r in store.ox_query(f"SELECT ?r WHERE {{ <{event}> <{ROW}> ?r }}")]


def test_an_update_that_relabels_an_event_is_on_the_page_and_migrate_rewrites_its_row(store_copy):
    store = Store(store_copy)
    try:
        first = queries.timeline(store, limit=1)[0]
        event = "https://w3id.org/timeline-kg/id/" + first["id"]
        assert time_index.state(store).rows and rows_of(store, event)
        store.update(RELABEL % {"e": event, "label": "The dam gave way at dawn"})
        st = time_index.state(store)
        assert not st.rows and needed(store)
        assert queries.timeline(store, limit=1)[0]["label"] == "The dam gave way at dawn"
        # an article write (put_articles) recounts the counts but leaves the rows marked: only the migration
        # rewrites them (the update may have touched any graph)
        other = next(r["g"].value for r in store.ox_query(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a a <https://schema.org/NewsArticle> } }"))
        store.write_triples(other, store.graph_triples(other), True)
        st = time_index.state(store)
        assert not st.stale and not st.rows
        report = migrate(store)
        assert report.only_rows and time_index.state(store).rows and not needed(store)
        assert [r["label"] for r in rows_of(store, event)] == ["The dam gave way at dawn"]
        assert queries.timeline(store, limit=1)[0]["label"] == "The dam gave way at dawn"
    finally:
        store.close()
