"""A type filter without a window lists the store's types of that CAMEO code (kept per store revision,
graph/store/queries.py `event_types`): it must keep the events of the code and its descendants, and
a write that brings a new type must be seen."""
from __future__ import annotations

from graph.store import lookup, queries
from tests.synthetic import STORY, article, make_store, release


def of_type(store, code: str) -> list[str]:
    """What `type=code` must keep, from every shown event (no type filter)."""
    return sorted(e["id"] for e in queries.timeline(store, limit=1000) if (e["type"] or "").startswith(code))


def typed(store, code: str) -> list[str]:
    return sorted(e["id"] for e in queries.timeline(store, event_type=code, limit=1000))


def test_a_type_keeps_its_code_and_descendants_and_sees_new_types(tmp_path):
    store = make_store(tmp_path / "s", only=["a1"])  # types 190 and 0874
    try:
        assert typed(store, "19") == of_type(store, "19") and len(typed(store, "19")) == 2
        assert typed(store, "01") == [] and lookup.places(store, event_type="01") == []
        assert store._event_types[0] == store.revision

        store.put_graph(*article("a3", *STORY["a3"]))  # 190s again, and 010: "junta speaks in Bamako"
        assert typed(store, "01") == of_type(store, "01") and len(typed(store, "01")) == 1
        assert typed(store, "19") == of_type(store, "19") and len(typed(store, "19")) == 4
        assert [p["id"] for p in lookup.places(store, event_type="010")] == ["place/2460596"]  # Bamako
        assert typed(store, "0874") == of_type(store, "0874") and typed(store, "08") == typed(store, "0874")
    finally:
        release(store)
