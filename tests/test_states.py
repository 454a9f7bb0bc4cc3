"""State facts over time, as known at a time: the real `tkg ingest`, the real store, the real server.

The seed: Kidal held by the rebels before 14 November 2023 and by the Malian Armed Forces after;
MINUSMA's presence in Kidal ends on 31 October. A story of our own, three articles from two outlets in
which a town changes hands twice, ingested in two runs: asked as known before the third article, the
earlier holder still holds. The README's two SPARQL queries run as written and agree with REST.
"""
from __future__ import annotations

import json
import re
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ROOT, run_tkg

from graph.ids import BASE

KIDAL = "place/2455290"
BUNAGANA = "place/bunagana"
STORY = [  # (file, outlet, published, title, text): written for this test
    ("a1.json", "Kivu Wire", "2022-06-14T09:00:00Z", "Rebels take Congolese border town",
     "M23 rebels seized the Congolese border town of Bunagana on Monday, forcing the army to withdraw after "
     "heavy fighting, residents said. The town lies on the frontier with Uganda."),
    ("a2.json", "Great Lakes Daily", "2022-08-05T15:30:00Z", "Army back in Bunagana",
     "The Congolese army recaptured Bunagana from the M23 on Thursday, a military spokesman said. "
     "The rebels had held the town since June."),
    ("a3.json", "Kivu Wire", "2022-10-21T07:45:00Z", "M23 returns to Bunagana",
     "M23 fighters retook Bunagana on Wednesday after government troops pulled out of the town overnight, "
     "local officials said."),
]


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> dict:
    """The story ingested in two runs: the first two articles, then (a moment later) the third."""
    root = tmp_path_factory.mktemp("story")
    files = []
    for name, outlet, published, title, text in STORY:
        path = root / name
        slug = name.removesuffix(".json")
        path.write_text(json.dumps({"url": f"https://{outlet.replace(' ', '').lower()}.example/{slug}",
                                    "source": outlet, "published": published, "title": title, "text": text}))
        files.append(path)
    data = root / "data"
    before = _now()
    run_tkg("ingest", str(files[0]), str(files[1]), "--data", str(data), check=True)
    time.sleep(0.01)
    between = _now()
    time.sleep(0.01)
    run_tkg("ingest", str(files[2]), "--data", str(data), check=True)
    return {"data": data, "files": files, "before": before, "between": between}


@pytest.fixture(scope="module")
def story_client(story, tmp_path_factory):
    from sparql_server import ServeProcess

    data = tmp_path_factory.mktemp("story-served") / "data"
    shutil.copytree(story["data"], data)
    srv = ServeProcess(data)
    yield srv.client
    srv.stop()


def states(client, **params) -> list[dict]:
    r = client.get("/api/v1/states", params=params)
    assert r.status_code == 200, r.text
    return r.json()["states"]


def holders(client, **params) -> set[str]:
    return {s["holder"]["id"] for s in states(client, **params)}


# --- the seed ---

def test_seed_kidal_rebels_before_14_november_army_after(client):
    for day in ("2023-11-01", "2023-11-13"):
        before = holders(client, place=KIDAL, relation="controls", at=day)
        assert "actor/tuareg-rebels" in before and "actor/malian-armed-forces" not in before, (day, before)
    for day in ("2023-11-15", "2023-12", "2024"):
        assert holders(client, place=KIDAL, relation="controls", at=day) == {"actor/malian-armed-forces"}, day
    assert holders(client, place="Kidal", relation="controls") == {"actor/malian-armed-forces"}  # now
    rebels = next(s for s in states(client, place=KIDAL, relation="controls", at="2023-11-01")
                  if s["holder"]["id"] == "actor/tuareg-rebels")
    assert rebels["until"] == "2023-11-14" and rebels["object"]["label"] == "Kidal"
    assert rebels["sources"] and all(src["sentences"] and src["recorded"] for src in rebels["sources"])


def test_seed_minusma_presence_in_kidal_ends_31_october(client):
    present = states(client, actor="MINUSMA", relation="presentIn", at="2023-10-30")
    kidal = [s for s in present if s["object"]["id"] == KIDAL]
    assert kidal and kidal[0]["until"] == "2023-10-31", present
    assert "31" in kidal[0]["sources"][0]["sentences"][0]["text"]
    assert not [s for s in states(client, actor="actor/minusma", relation="presentIn", at="2023-11-01")
                if s["object"]["id"] == KIDAL]


def test_seed_offices_and_power(client):
    now = states(client, relation="holdsOffice")
    head = [s for s in now if s["holder"]["id"] == "actor/assimi-goita"]
    assert head and head[0]["role"] == "head" and head[0]["object"]["id"] == "actor/malian-junta"
    assert "actor/moussa-mara" not in {s["holder"]["id"] for s in now}  # "then-prime minister": not now
    then = states(client, actor="Moussa Mara", relation="holdsOffice", at="2014-05")
    assert then and then[0]["role"] == "prime minister" and then[0]["object"]["label"] == "Mali"
    power = states(client, relation="inPower", place="place/2453866", at="2021")
    assert "actor/malian-junta" in {s["holder"]["id"] for s in power}
    assert any(s["from"] == "2020" for s in power)


def test_bad_parameters_are_422_naming_the_field(client):
    for params, field in (({"at": "14/11/2023"}, "at"), ({"at": "2023-02-30"}, "at"),
                          ({"known_at": "yesterday"}, "known_at"), ({"relation": "owns"}, "relation"),
                          ({"place": "place/x>"}, "place")):
        r = client.get("/api/v1/states", params=params)
        assert r.status_code == 422, (params, r.text)
        assert r.json()["error"] == "invalid request" and r.json()["detail"][0]["field"] == field


def test_every_article_event_and_fact_has_a_record_time(store_copy):
    store = ox.Store(str(store_copy))
    q = """PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
    PREFIX tkg: <https://w3id.org/timeline-kg/ontology#> PREFIX schema: <https://schema.org/>
    SELECT ?kind (COUNT(?n) AS ?all) (COUNT(?t) AS ?stamped) WHERE {
      VALUES ?kind { sem:Event tkg:StateFact schema:NewsArticle } ?n a ?kind . OPTIONAL { ?n prov:generatedAtTime ?t }
    } GROUP BY ?kind"""
    rows = {r["kind"].value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]: (int(r["all"].value), int(r["stamped"].value))
            for r in store.query(q, use_default_graph_as_union=True)}
    assert set(rows) == {"Event", "StateFact", "NewsArticle"}, rows
    assert all(n > 0 and n == stamped for n, stamped in rows.values()), rows


# --- a town that changes hands twice, in three articles from two outlets ---

def test_town_changes_hands_twice(story_client, story):
    c = story_client
    assert holders(c, place=BUNAGANA, relation="controls", at="2022-07-01") == {"actor/m23"}
    army = states(c, place="Bunagana", relation="controls", at="2022-09-01")
    assert [s["holder"]["id"] for s in army] == ["actor/congolese-armed-forces"]
    assert army[0]["from"] == "2022-08-04" and army[0]["until"] == "2022-10-19"
    closed = army[0]["closed_by"]  # closed by the third article, as of its record time
    assert closed["holder"]["id"] == "actor/m23" and closed["from"] == "2022-10-19"
    assert closed["recorded"] > story["between"] > army[0]["recorded"] > story["before"]
    assert holders(c, place=BUNAGANA, relation="controls", at="2022-11-01") == {"actor/m23"}
    titles = {src["article"]["title"] for at in ("2022-07-01", "2022-09-01", "2022-11-01")
              for s in states(c, place=BUNAGANA, at=at) for src in s["sources"]}
    assert titles == {title for _, _, _, title, _ in STORY}
    publishers = c.get("/sparql", params={"query": "SELECT DISTINCT ?p WHERE { ?a <http://purl.org/dc/terms/publisher> ?p }"},
                       headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"]
    assert {b["p"]["value"] for b in publishers} == {"Kivu Wire", "Great Lakes Daily"}


def test_as_known_before_the_third_article_the_earlier_holder_holds(story_client, story):
    c = story_client
    known = states(c, place=BUNAGANA, relation="controls", at="2022-11-01", known_at=story["between"])
    assert [s["holder"]["id"] for s in known] == ["actor/congolese-armed-forces"]
    assert known[0]["until"] is None and known[0]["closed_by"] is None
    assert states(c, place=BUNAGANA, at="2022-11-01", known_at=story["before"]) == []
    # a day is known by its end: every article of the story had been recorded by the end of today
    today = datetime.now(timezone.utc).date().isoformat()
    assert holders(c, place=BUNAGANA, relation="controls", at="2022-11-01", known_at=today) == {"actor/m23"}


def test_reingesting_changes_nothing(story, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(story["data"], data)

    def dump() -> list[str]:
        store = ox.Store(str(data))
        try:
            return sorted(store.dump(format=ox.RdfFormat.N_QUADS).decode().splitlines())
        finally:
            del store

    first = dump()
    assert any("generatedAtTime" in line for line in first)
    run_tkg("ingest", *map(str, story["files"]), "--data", str(data), check=True)
    assert dump() == first


# --- the README's SPARQL ---

def readme_queries() -> list[str]:
    text = (ROOT / "README.md").read_text()
    section = text[text.index("## State facts"):]
    section = section[:section.index("\n## ", 1)]  # the state facts section alone (others hold queries too)
    blocks = re.findall(r"```sparql\n(.*?)```", section, re.S)
    assert len(blocks) == 2, "README: the two state queries (on a day; as known at a time)"
    return blocks


def _with(query: str, place: str = KIDAL, day: str = "2023-11-01", known_at: str = "") -> str:
    q = query.replace(f"<{BASE}{KIDAL}>", f"<{BASE}{place}>")
    q = q.replace("2023-11-01T00:00:00", f"{day}T00:00:00").replace("2023-11-01T23:59:59", f"{day}T23:59:59")
    return q.replace("NOW()", f'"{known_at}"^^xsd:dateTime') if known_at else q


def sparql_names(client, query: str) -> set[str]:
    r = client.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return {b["holder"]["value"].removeprefix(BASE) for b in r.json()["results"]["bindings"]}


def test_readme_sparql_agrees_with_rest_on_the_seed(client):
    on_day, known_at = readme_queries()
    assert sparql_names(client, on_day) == {"actor/tuareg-rebels"}  # as written: 1 November 2023
    for day in ("2023-06-01", "2023-11-01", "2023-11-14", "2023-11-20"):
        rest = holders(client, place=KIDAL, relation="controls", at=day)
        assert sparql_names(client, _with(on_day, day=day)) == rest, day
        assert sparql_names(client, _with(known_at, day=day)) == rest, day  # NOW(): all that is recorded


def test_readme_sparql_as_known_at_agrees_with_rest_on_the_story(story_client, story):
    _, known_at = readme_queries()
    for t in (story["before"], story["between"], _now()):
        for day in ("2022-07-01", "2022-09-01", "2022-11-01"):
            rest = holders(story_client, place=BUNAGANA, relation="controls", at=day, known_at=t)
            assert sparql_names(story_client, _with(known_at, BUNAGANA, day, t)) == rest, (t, day)
    assert sparql_names(story_client, _with(known_at, BUNAGANA, "2022-11-01", story["between"])) == {
        "actor/congolese-armed-forces"}


def test_readme_documents_the_states_endpoint():
    text = (ROOT / "README.md").read_text()
    assert "/api/v1/states?place=&actor=&relation=&at=&known_at=" in text
    assert Path(ROOT / "api" / "routers" / "states.py").exists()
