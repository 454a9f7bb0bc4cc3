"""A region made of provinces is a level of the place hierarchy (made-up story): Nyala lies in South Darfur, South
Darfur in Darfur, Darfur in Sudan, so `place=Darfur` finds the events in Nyala. Darfur has no GeoNames id in any
installed package (GeoNames' L-class regions are in none): its IRI is by name, its point its states' mean."""
from __future__ import annotations

import json

import pytest
from conftest import run_tkg
from unseen_text import run

from graph.extract.places.gazetteer_cache import default_gazetteer
from graph.ids import BASE

NYALA, SOUTH_DARFUR, SUDAN = 369004, 408660, 366755
STORY = """Clashes in Nyala

KHARTOUM, June 3, 2024 (AP) - Paramilitary fighters shelled a market in Nyala on Monday, killing nine people, \
residents said. Aid workers left the city on Tuesday."""


def test_a_province_lies_in_the_region_named_after_it():
    gaz = default_gazetteer()
    south = gaz.place_by_id(SOUTH_DARFUR)
    assert [(p.name, p.kind) for p in gaz.parents(south)] == [("Darfur", "region"), ("Sudan", "country")]
    nyala = gaz.place_by_id(NYALA)
    assert [p.geonames_id for p in gaz.parents(nyala)] == [SOUTH_DARFUR, None, SUDAN]


def test_a_towns_chain_passes_through_the_region():
    ex = run(STORY, "2024-06-03T10:00:00")
    nyala = next(l for l in ex.locations if l.text == "Nyala")
    assert [w.canonical for w in nyala.within] == [f"{BASE}place/{SOUTH_DARFUR}", f"{BASE}place/darfur",
                                                   f"{BASE}place/{SUDAN}"]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from sparql_server import ServeProcess

    d = tmp_path_factory.mktemp("partof")
    src = d / "news.jsonl"
    src.write_text(json.dumps({"title": "Clashes in Nyala", "published": "2024-06-03T10:00:00Z", "text": STORY})
                   + "\n", encoding="utf-8")
    run_tkg("ingest", str(src), "--data", str(d / "data"), check=True)
    srv = ServeProcess(d / "data")
    yield srv
    srv.stop()


def test_rest_place_filter_on_the_region_includes_its_towns(served):
    r = served.client.get("/api/v1/timeline", params={"place": "place/darfur", "limit": 100})
    assert r.status_code == 200, r.text
    assert "Nyala" in {e["place"]["label"] for e in r.json()["events"] if e.get("place")}, r.json()
