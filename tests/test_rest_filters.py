"""REST filters on the seed, over a real server: dates at any precision (YYYY, YYYY-MM, YYYY-MM-DD),
`actor=` / `place=` by id or whole name, and graph nodes for every actor and place of an event."""
from __future__ import annotations

from datetime import date

import pytest

from graph.store.dates import DateError, parse_day, window

API = "/api/v1"
FAMA = "actor/malian-armed-forces"
BAMAKO = "place/2460596"  # events there have no actor: before, the view left it out


def events(client, **params) -> list[dict]:
    r = client.get(f"{API}/timeline", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    return r.json()["events"]


def ids(client, **params) -> set[str]:
    return {e["id"] for e in events(client, **params)}


def error_field(r) -> str:
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"] == "invalid request" and "YYYY" in body["detail"][0]["message"]
    return body["detail"][0]["field"]


def test_parser_spans():
    assert parse_day("2024") == date(2024, 1, 1) and parse_day("2024", end=True) == date(2024, 12, 31)
    assert parse_day("2024-02", end=True) == date(2024, 2, 29) and parse_day("2023-02", end=True) == date(2023, 2, 28)
    assert parse_day(" 2023-11-14 ") == date(2023, 11, 14)
    assert window("2023-11", "2023-11") == (date(2023, 11, 1), date(2023, 11, 30))
    for bad in ("2023-13", "2023-02-30", "23", "2023/11", "14/11/2023", "November", "2023-1", ""):
        with pytest.raises(DateError):
            parse_day(bad)
    with pytest.raises(DateError) as e:
        window("2023-12", "2023-11")
    assert e.value.field == "from"


def test_timeline_takes_years_and_months(client):
    everything = events(client)
    assert all(e["begin"][:4] >= "2024" for e in events(client, **{"from": "2024"}))
    november = events(client, **{"from": "2023-11"})
    assert november and all(e["begin"][:10] >= "2023-11-01" for e in november)
    october = events(client, to="2023-10")  # a month as `to` is its last day: 31 October is in
    assert any(e["begin"][:10] == "2023-10-31" for e in october)
    assert all(e["begin"][:10] <= "2023-10-31" for e in october)
    in_2023 = ids(client, **{"from": "2023", "to": "2023"})
    assert in_2023 == {e["id"] for e in everything if e["begin"][:4] == "2023"} and in_2023
    assert ids(client, **{"from": "2023-11", "to": "2023-11"}) == ids(client, **{"from": "2023-11-01", "to": "2023-11-30"})


def test_every_date_filter_takes_the_same_dates(client):
    for path in ("/graph/centrality", "/actors", "/places", "/export/graphml", f"/actors/{FAMA}/timeline"):
        assert client.get(API + path, params={"from": "2023", "to": "2023-11"}).status_code == 200, path
        assert error_field(client.get(API + path, params={"to": "2023-13"})) == "to"
    year = client.get(f"{API}/graph/snapshot", params={"at": "2023"}).json()
    assert year["node_count"] == client.get(f"{API}/graph/snapshot", params={"at": "2023-12-31"}).json()["node_count"]
    assert year["at"] == "2023-12-31"
    assert error_field(client.get(f"{API}/graph/snapshot", params={"at": "yesterday"})) == "at"


def test_garbage_dates_are_a_clear_422(client):
    assert error_field(client.get(f"{API}/timeline", params={"from": "2023-02-30"})) == "from"
    assert error_field(client.get(f"{API}/timeline", params={"to": "Nov 2023"})) == "to"
    r = client.get(f"{API}/timeline", params={"from": "2023-12", "to": "2023-11"})
    assert r.status_code == 422 and r.json()["detail"][0]["field"] == "from"


def test_actor_by_id_with_or_without_kind_or_by_whole_name(client):
    by_id = ids(client, actor=FAMA)
    assert len(by_id) > 5
    assert ids(client, actor="malian-armed-forces") == by_id
    assert ids(client, actor="https://w3id.org/timeline-kg/id/actor/malian-armed-forces") == by_id
    assert ids(client, actor="MALIAN ARMED FORCES") == by_id
    assert ids(client, actor="mali's army") == by_id  # the alias is written "Mali’s army"
    assert ids(client, actor="Mali’s army") == by_id


def test_actor_part_of_a_name_is_not_a_filter(client):
    r = client.get(f"{API}/timeline", params={"actor": "malian"})  # would mix the army, the junta, the jihadists
    assert r.status_code == 404 and r.json()["error"] == "not found" and "actors?q=" in r.json()["detail"]
    found = {a["id"] for a in client.get(f"{API}/actors", params={"q": "malian"}).json()["actors"]}
    assert {FAMA, "actor/malian-junta"} <= found  # substring search stays at actors?q=


def test_a_generic_noun_is_no_actor_name(client):
    """"government" was an alias of two governments; generic descriptions are no longer aliases (issue 15),
    so it names nothing, and the 404 says how to search."""
    r = client.get(f"{API}/timeline", params={"actor": "government"})
    assert r.status_code == 404 and "actors?q=" in r.json()["detail"]
    assert events(client, actor="Government of Mali") == events(client, actor="actor/government-of-mali")


def test_place_by_id_or_label(client):
    kidal = ids(client, place="place/2455290")
    assert kidal and ids(client, place="2455290") == kidal == ids(client, place="kidal")
    r = client.get(f"{API}/timeline", params={"place": "Kid"})
    assert r.status_code == 404 and "Kid" in r.json()["detail"]


def test_a_place_whose_events_have_no_actor_is_a_node(client):
    assert events(client, place=BAMAKO)  # it has events
    for ref in (BAMAKO, "2460596"):
        r = client.get(f"{API}/graph/neighbors/{ref}")
        assert r.status_code == 200, r.text
        assert r.json()["node"]["id"] == BAMAKO and r.json()["node"]["label"] == "Bamako"
    nodes = {n["id"] for n in client.get(f"{API}/graph/snapshot", params={"at": "2023-12-31"}).json()["nodes"]}
    assert BAMAKO in nodes


def test_graph_404s_say_what_is_missing(client):
    r = client.get(f"{API}/graph/neighbors/place/999999999")
    assert r.status_code == 404 and r.json()["error"] == "not found" and "no actor or place" in r.json()["detail"]
    r = client.get(f"{API}/graph/neighbors/{BAMAKO}", params={"from": "2024"})
    assert r.status_code == 404 and r.json()["error"] == "not in graph"
    assert "between 2024-01-01" in r.json()["detail"] and BAMAKO in r.json()["detail"]
    # named in the text, in no event ("the jihadists" now vie for control with the military and the rebels: each
    # conjunct of a subject is an agent, issue #16)
    r = client.get(f"{API}/graph/neighbors/actor/tuareg")
    assert r.status_code == 404 and r.json()["error"] == "not in graph" and "no event" in r.json()["detail"]
    assert "window" not in r.json()["detail"]  # no window was asked for
