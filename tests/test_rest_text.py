"""Free text on the REST API (`q=` on /timeline and /places): matched in the store over the window and
the other filters, not over one loaded page (the page's text filter asks for it, #14)."""
from __future__ import annotations

API = "/api/v1"


def events(client, **params) -> list[dict]:
    r = client.get(f"{API}/timeline", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    return r.json()["events"]


def same(got: list[dict], want: list[dict]) -> bool:
    """The same events, in time order (events of the same instant may come in another order)."""
    return sorted(e["id"] for e in got) == sorted(e["id"] for e in want) and \
        [e["begin"] for e in got] == sorted(e["begin"] for e in got)


def holds(ev: dict, text: str) -> bool:
    """What `q` promises: the text in the event's label or trigger, or in an actor's or its place's label."""
    labels = [ev["label"], ev["trigger"], (ev["place"] or {}).get("label"), *(a["label"] for a in ev["actors"])]
    return any(text in (s or "").lower().replace("\u2019", "'") for s in labels)


def test_free_text_keeps_the_events_whose_labels_hold_it(client):
    everything = events(client)
    for text in ("kidal", "minusma", "seize"):  # a place, an actor, a trigger/label word
        want = [e for e in everything if holds(e, text)]
        assert 0 < len(want) < len(everything), text
        assert same(events(client, q=text), want), text
    # case ignored, spaces collapsed
    assert events(client, q="  KIDAL ") == events(client, q="kidal")


def test_free_text_pages_over_every_match_not_one_page(client):
    want = [e for e in events(client) if holds(e, "kidal")]
    got, offset = [], 0
    while offset is not None:
        r = client.get(f"{API}/timeline", params={"q": "kidal", "limit": 3, "offset": offset}).json()
        assert r["window_events"] is None  # the kept counts do not count a text
        got += r["events"]
        offset = r["next_offset"]
    assert same(got, want) and len(got) == len(want) > 3


def test_free_text_with_a_window_and_a_type(client):
    span = {"from": "2023-10-01", "to": "2023-11-30"}
    want = [e for e in events(client, type="19", **span) if holds(e, "kidal")]
    assert want
    assert same(events(client, q="kidal", type="19", **span), want)


def test_a_typographic_apostrophe_matches_a_straight_one(client):
    want = [e for e in events(client) if holds(e, "town's")]
    assert want, "the seed has an event labelled with \u201ctown\u2019s\u201d"
    assert same(events(client, q="town's"), want)
    assert same(events(client, q="town\u2019s"), want)


def test_places_follow_the_free_text(client):
    matched = [e for e in events(client) if holds(e, "minusma")]
    counts: dict[str, int] = {}
    for e in matched:
        if e["place"]:
            counts[e["place"]["id"]] = counts.get(e["place"]["id"], 0) + 1
    r = client.get(f"{API}/places", params={"q": "MINUSMA", "limit": 500})
    assert r.status_code == 200
    got = {f["id"]: f["properties"]["events"] for f in r.json()["features"]}
    assert set(got) == set(counts) and got


def test_text_that_matches_nothing_and_text_too_long(client):
    assert events(client, q="zzqx-nothing-here") == []
    for path in ("/timeline", "/places"):
        r = client.get(f"{API}{path}", params={"q": "x" * 201})
        assert r.status_code == 422, r.text


def test_the_openapi_description_documents_q(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/v1/timeline", "/api/v1/places"):
        q = next(p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == "q")
        assert "case ignored" in q["description"], path
