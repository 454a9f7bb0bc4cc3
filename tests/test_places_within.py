"""First-level regions from a data package (GeoNames ids, points inside them) and the place hierarchy: every
place states its region and country (schema:containedInPlace), so a filter on a country or a region finds the
events placed inside it, in the REST API and with the SPARQL pattern the README documents."""
from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT, run_tkg
from unseen_text import run

from graph.extract.places.gazetteer_cache import default_gazetteer
from graph.ids import BASE
from graph.rdf.triples import article_triples
from graph.sources.articles import make_article

AFGHANISTAN, KABUL, LOGAR = 1149361, 1138958, 1134561
CONTAINED = "https://schema.org/containedInPlace"

STORY = """Taliban attack checkpoints near Kabul

KABUL, June 3, 2014 (AP) - Taliban fighters attacked a police checkpoint in Kabul on Monday, killing two \
officers, officials said. A roadside bomb killed three soldiers in Logar province on Sunday. In the western city \
of Herat, hundreds of protesters marched against the government on Saturday."""

OTHER = """Floods hit Pakistan

ISLAMABAD, June 3, 2014 (AP) - Floods destroyed hundreds of homes in Peshawar on Monday, officials said."""


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


@pytest.mark.parametrize("name,country,gid,box", [
    # (lat min, lat max, lon min, lon max): roughly the region, from an atlas
    ("Logar", "AF", 1134561, (33.5, 34.6, 68.5, 69.8)),
    ("Maidan Wardak", "AF", 1121863, (33.8, 34.9, 67.5, 69.0)),
    ("Diyala", "IQ", 96965, (33.0, 35.2, 44.2, 46.2)),
    ("Dagestan", "RU", 567293, (41.1, 45.0, 45.0, 48.6)),
    ("Chechnya", "RU", 569665, (42.4, 44.1, 44.8, 46.7)),
    ("Xinjiang", "CN", 1529047, (34.3, 49.2, 73.5, 96.4)),
])
def test_provinces_have_ids_and_points_inside(gaz, name, country, gid, box):
    p = gaz.lookup(name, [country])
    assert p is not None and (p.geonames_id, p.kind, p.country) == (gid, "admin1", country)
    assert box[0] < p.lat < box[1] and box[2] < p.lon < box[3], (p.lat, p.lon)
    assert [q.kind for q in gaz.parents(p)] == ["country"]


def test_points_lie_inside_the_place_they_name(gaz):
    ny = gaz.lookup("New York state")
    assert ny.kind == "admin1" and ny.geonames_id == 5128638
    assert ny.lat > 41.4  # New Jersey ends at 41.36 N: the state's point is in the state, not across the Hudson
    england, london = gaz.lookup("England"), gaz.lookup("London")
    assert england.kind == "admin1" and (england.lat, england.lon) != (london.lat, london.lon)
    assert 50 < england.lat < 55.8 and -5.7 < england.lon < 1.8


def test_a_province_named_after_its_capital(gaz):
    # the bare name is the city; with its kind, the province (whose label says so)
    city, province = gaz.lookup("Kabul", ["AF"]), gaz.lookup("Kabul province", ["AF"])
    assert (city.kind, province.kind) == ("city", "admin1") and province.name.endswith("Province")
    assert gaz.parents(city) == [province, gaz.countries["AF"]]


def test_locations_know_their_region_and_country():
    ex = run(STORY, "2014-06-03T10:00:00")
    kabul = next(l for l in ex.locations if l.text == "Kabul")
    assert [w.kind for w in kabul.within] == ["admin1", "country"]
    assert kabul.within[-1].canonical == f"{BASE}place/{AFGHANISTAN}"
    logar = next(l for l in ex.locations if l.geonames_id == LOGAR)
    assert [w.geonames_id for w in logar.within] == [AFGHANISTAN]


def test_rdf_states_the_chain():
    ex = run(STORY, "2014-06-03T10:00:00")
    art = make_article("Taliban attack checkpoints near Kabul", "2014-06-03", STORY, "t")
    triples = article_triples(art, ex)
    up = {s: o for s, p, o in triples if p == CONTAINED}
    region = up[f"{BASE}place/{KABUL}"]
    assert up[region] == f"{BASE}place/{AFGHANISTAN}"
    assert f"{BASE}place/{AFGHANISTAN}" not in up  # a country lies in nothing here
    labels = {s: o.lex for s, p, o in triples if p.endswith("rdf-schema#label")}
    assert labels[region].startswith("K") and labels[f"{BASE}place/{AFGHANISTAN}"] == "Afghanistan"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from sparql_server import ServeProcess

    d = tmp_path_factory.mktemp("within")
    src = d / "news.jsonl"
    src.write_text("".join(json.dumps({"title": t.split("\n")[0], "published": "2014-06-03T10:00:00Z",
                                       "text": t}) + "\n" for t in (STORY, OTHER)), encoding="utf-8")
    run_tkg("ingest", str(src), "--data", str(d / "data"), check=True)
    srv = ServeProcess(d / "data")
    yield srv
    srv.stop()


def test_rest_place_filter_includes_places_inside(served):
    def places(ref: str) -> dict:
        r = served.client.get("/api/v1/timeline", params={"place": ref, "limit": 500})
        assert r.status_code == 200, r.text
        return {e["place"]["id"]: e["place"]["label"] for e in r.json()["events"]}

    inside = places(f"place/{AFGHANISTAN}")
    assert {f"place/{KABUL}", f"place/{LOGAR}"} <= set(inside)
    assert "Peshawar" not in inside.values() and "Peshawar" in places("Pakistan").values()
    assert set(places(f"place/{KABUL}")) == {f"place/{KABUL}"}  # a town contains no other place here
    assert f"place/{KABUL}" in places("Afghanistan")  # by name too


def test_readme_sparql_pattern(served):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    query = re.search(r"<!-- places-within[^>]*-->\n```\n(.*?)```", readme, re.S).group(1)
    assert "schema:containedInPlace*" in query
    query = query.replace(f"{BASE}place/2453866", f"{BASE}place/{AFGHANISTAN}")  # Mali -> Afghanistan
    r = served.client.post("/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    where = {b["where"]["value"] for b in r.json()["results"]["bindings"]}
    assert "Kabul" in where and any(w.startswith("L") for w in where)  # Kabul and Lōgar, inside Afghanistan
    assert "Peshawar" not in where


def test_store_function_is_the_readme_path():
    from graph.store.places_within import PLACE_PATH, within_pattern

    assert within_pattern("?e", "<x:p>") == f"?e {PLACE_PATH} <x:p> ."
    assert PLACE_PATH in (ROOT / "README.md").read_text(encoding="utf-8")
