"""Free text's matching events are kept per store revision and text (graph/store/free_text.py
`text_matches`): the timeline's and the map's requests of one page share them. The answers must be
those of the text itself, and a write must make the next request match again."""
from __future__ import annotations

from graph.store import free_text, lookup, queries
from tests.synthetic import STORY, article, make_store, release


def holds(ev: dict, text: str) -> bool:
    labels = [ev["label"], ev["trigger"], (ev["place"] or {}).get("label"), *(a["label"] for a in ev["actors"])]
    return any(text in (s or "").lower() for s in labels)


def matching(store, text: str) -> list[str]:
    """What `q=text` must keep, from every event of the timeline (no text filter)."""
    return sorted(e["id"] for e in queries.timeline(store, limit=1000, all_events=True) if holds(e, text))


def places_of(store, text: str) -> dict[str, int]:
    return {p["id"]: p["events"] for p in lookup.places(store, text=text)}


def test_a_text_is_matched_once_per_revision_and_again_after_a_write(tmp_path):
    store = make_store(tmp_path / "s", only=["a1", "a3"])
    try:
        want = matching(store, "minusma")
        got = sorted(e["id"] for e in queries.timeline(store, text="MINUSMA ", limit=1000, all_events=True))
        assert got == want and want  # "MINUSMA leaves Ber" (its actor and its label)
        kept = store._text_matches
        assert kept[0] == store.revision and list(kept[1]) == ["minusma"]
        before = places_of(store, "minusma")  # the same kept match
        assert store._text_matches is kept and list(kept[1]) == ["minusma"]

        store.put_graph(*article("a2", *STORY["a2"]))  # MINUSMA leaves Kidal, JNIM fires on a MINUSMA convoy
        after = sorted(e["id"] for e in queries.timeline(store, text="minusma", limit=1000, all_events=True))
        assert after == matching(store, "minusma") and set(want) < set(after)
        assert store._text_matches[0] == store.revision
        assert set(places_of(store, "minusma")) - set(before) >= {"place/2455290", "place/2450916"}  # Kidal, Tessalit
    finally:
        release(store)


def test_too_many_matches_are_left_to_a_sub_select_with_the_same_answer(tmp_path, monkeypatch):
    store = make_store(tmp_path / "s")
    try:
        listed = (sorted(e["id"] for e in queries.timeline(store, text="kidal", limit=1000)), places_of(store, "kidal"))
        store._text_matches = None  # forget the list, then match with no room for one
        monkeypatch.setattr(free_text, "TEXT_LISTED", 1)
        assert "SELECT DISTINCT ?e" in free_text.text_filter(store, "kidal")
        assert (sorted(e["id"] for e in queries.timeline(store, text="kidal", limit=1000)),
                places_of(store, "kidal")) == listed
        assert len(listed[0]) > 1 and listed[1]
    finally:
        release(store)
