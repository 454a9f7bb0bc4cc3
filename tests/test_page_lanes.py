"""The timeline's lanes (web/src/lanes.js, run by Node): grouped by actor, an event of two actors is
in both lanes (the copy's item id leads back to the event); by place, in its place's lane; events
naming none go to a last lane; the busiest lanes come first."""
from __future__ import annotations

import json

from node_js import run_node


def ev(id_: str, actors: list[str], place: str | None = None) -> dict:
    return {"id": id_, "actors": [{"id": f"actor/{a}", "label": a.title(), "role": "agent"} for a in actors],
            "place": {"id": f"place/{place}", "label": place.title()} if place else None}


EVENTS = [ev("event/a/0", ["army", "rebels"], "kidal"), ev("event/a/1", ["army"], "kidal"),
          ev("event/b/0", [], "gao"), ev("event/b/1", ["rebels", "rebels"])]


def lanes(tmp_path, group: str) -> dict:
    f = tmp_path / "events.json"
    f.write_text(json.dumps(EVENTS))
    return run_node("lanes.mjs", str(f), group)


def test_by_actor_an_event_of_two_actors_is_in_both_lanes(tmp_path):
    got = lanes(tmp_path, "actor")
    assert got["items"] == [{"id": "event/a/0", "group": "actor/army"}, {"id": "event/a/0#2", "group": "actor/rebels"},
                            {"id": "event/a/1", "group": "actor/army"}, {"id": "event/b/0", "group": ""},
                            {"id": "event/b/1", "group": "actor/rebels"}]
    assert got["back"] == ["event/a/0", "event/a/0", "event/a/1", "event/b/0", "event/b/1"]
    assert [(g["id"], g["content"]) for g in got["groups"]] == [
        ("actor/army", "Army"), ("actor/rebels", "Rebels"), ("", "no actor named")]


def test_by_place_and_ungrouped(tmp_path):
    got = lanes(tmp_path, "place")
    assert [i["group"] for i in got["items"]] == ["place/kidal", "place/kidal", "place/gao", ""]
    assert [g["content"] for g in got["groups"]] == ["Kidal", "Gao", "no place named"]
    plain = lanes(tmp_path, "")
    assert plain["items"] == [{"id": e["id"], "group": None} for e in EVENTS]
