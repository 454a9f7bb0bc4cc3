"""TimeML event classes: every event carries one; the default timeline, view and exports show occurrences and
typed events, `?all=true` / `--all-events` every event."""
from __future__ import annotations

import json

from conftest import run_tkg

from graph.extract import extract
from graph.extract.events.event_class import CLASSES
from graph.sources.articles import make_article


def classes(text: str) -> dict[str, str]:
    ex = extract(make_article("Test", "2024-05-14", text, "test"))
    assert all(e.event_class in CLASSES for e in ex.events)
    return {e.text: e.event_class for e in ex.events}


def test_timeml_classes_of_verbs_and_nominals():
    c = classes("The mayor said the flooding had begun on Friday. Farmers watched the river rise and want "
                "compensation. The ministry promised an inquiry. The bridge remains closed. Engineers repaired "
                "the dam after the announcement.")
    assert c["said"] == "reporting" and c["announcement"] == "reporting"
    assert c["begun"] == "aspectual" and c["watched"] == "perception"
    assert c["want"] == "i_state" and c["promised"] == "i_action"
    assert c["remains"] == "state"
    assert c["repaired"] == "occurrence" and c["rise"] == "occurrence"


def test_extract_output_carries_the_class(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a", "title": "Storm hits coast", "dct": "2024-05-14",
                               "text": "The storm destroyed forty houses, officials said."}) + "\n", encoding="utf-8")
    r = run_tkg("extract", str(src), "--format", "jsonl", check=True)
    events = json.loads(r.stdout.splitlines()[0])["events"]
    assert {e["text"]: e["event_class"] for e in events}.items() >= {"destroyed": "occurrence",
                                                                     "said": "reporting"}.items()


def test_default_timeline_hides_untyped_non_occurrences(client):
    shown = client.get("/api/v1/timeline", params={"limit": 1000}).json()["events"]
    every = client.get("/api/v1/timeline", params={"limit": 1000, "all": "true"}).json()["events"]
    assert shown and all(e["class"] in CLASSES for e in every)
    assert all((e["class"] == "occurrence" or e["type"]) and e["class"] != "intention" for e in shown)
    # untyped reporting, states ...; intended events even when typed ("vowed to retake": not happened); reports
    # and perceptions CAMEO codes as a plain statement ("officials said": 010), whatever their type
    hidden = [e for e in every if e["class"] != "occurrence" and not e["type"] or e["class"] == "intention"
              or e["class"] in {"reporting", "perception"} and (e["type"] or "").startswith("01")]
    assert hidden and len(every) == len(shown) + len(hidden)
    assert any(e["class"] == "reporting" and e["type"] == "010" for e in hidden)
    assert any(e["class"] == "intention" and e["type"] for e in hidden)
    one = client.get(f"/api/v1/events/{hidden[0]['id']}").json()
    assert one["class"] == hidden[0]["class"]
    # an actor's timeline shows every class with all=true, typed ones with all=false; the view (exports) follows
    actor = next(a["id"] for e in hidden for a in e["actors"]) if any(e["actors"] for e in hidden) else None
    if actor:
        mine = client.get(f"/api/v1/actors/{actor}/timeline", params={"limit": 1000, "all": "true"}).json()["events"]
        typed = client.get(f"/api/v1/actors/{actor}/timeline", params={"limit": 1000, "all": "false"}).json()["events"]
        assert len(mine) > len(typed)
        assert all((e["class"] == "occurrence" or e["type"]) and e["class"] != "intention" for e in typed)
    edges = client.get("/api/v1/export/csv", params={"table": "edges", "events": "true"}).text.splitlines()
    edges_all = client.get("/api/v1/export/csv", params={"table": "edges", "events": "true", "all": "true"})
    assert len(edges_all.text.splitlines()) > len(edges)
