"""A name the sentence calls one fighter is a person, not an armed group (made-up stories): "X, the legendary
fighter" describes a member, while "X, a volunteer militia" still describes a group."""
from __future__ import annotations

from graph.extract import extract
from graph.sources.articles import make_article

STORY = """Dagestan was the birthplace of Imam Gazimagomed, the legendary fighter who resisted Russian rule. The \
village was home to Haji Murad Avarsky, the famous fighter."""
GROUP = """The Kelvar Brigade, a volunteer militia, seized two villages on Sunday, residents said."""


def _types(text: str) -> dict[str, str]:
    ex = extract(make_article("Test", "2025-06-06", text, "test"))
    return {e.text: e.type for e in ex.entities if e.mention == "name"}


def test_one_fighter_is_a_person():
    got = _types(STORY)
    assert got.get("Imam Gazimagomed") == "PERSON", got
    assert got.get("Haji Murad Avarsky") == "PERSON", got


def test_a_militia_is_still_a_group():
    got = _types(GROUP)
    assert "ARMED_GROUP" in {t for n, t in got.items() if "Kelvar" in n}, got
