"""`/api/v1/places` takes the timeline's `actor` and `type` filters (the page's map follows them):
the places of the events they keep, each counting only those events."""
from __future__ import annotations

from collections import Counter

API = "/api/v1"
FAMA = "actor/malian-armed-forces"


def timeline(client, **params) -> list[dict]:
    r = client.get(f"{API}/timeline", params={"limit": 1000, "all": "true", **params})
    assert r.status_code == 200, r.text
    return r.json()["events"]


def counts(client, **params) -> dict[str, int]:
    r = client.get(f"{API}/places", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    return {f["id"]: f["properties"]["events"] for f in r.json()["features"]}


def expected(client, **params) -> dict[str, int]:
    return dict(Counter(e["place"]["id"] for e in timeline(client, **params) if e["place"]))


def test_places_follow_an_actor(client):
    got = counts(client, actor=FAMA)
    assert got == expected(client, actor=FAMA) and got
    assert set(got) < set(counts(client))  # not every place: only where the actor's events were
    assert counts(client, actor="Malian Armed Forces") == got  # a whole name, as /timeline takes it


def test_places_follow_a_type_and_a_window_together(client):
    got = counts(client, type="19", **{"from": "2023-10", "to": "2023-11"})
    assert got == expected(client, type="19", **{"from": "2023-10", "to": "2023-11"}) and got
    assert counts(client, type="19", actor=FAMA) == expected(client, type="19", actor=FAMA)


def test_bad_filters_are_clear_errors(client):
    r = client.get(f"{API}/places", params={"actor": "nobody-at-all"})
    assert r.status_code == 404 and r.json()["error"] == "not found"
    r = client.get(f"{API}/places", params={"type": "war"})
    assert r.status_code == 422 and r.json()["detail"][0]["field"] == "type"
