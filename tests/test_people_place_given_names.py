"""A big city's name that is also a given name, right before a surname, opens a person's name (made-up story):
"Opposition lawmaker Santiago Mendoza" is a person, not Santiago de Chile and a lost surname; "Victoria Falls"
and a city said alone stay places."""
from __future__ import annotations

from graph.extract import extract
from graph.sources.articles import make_article

STORY = """Opposition lawmaker Santiago Mendoza was arrested on Monday in Caracas. The prosecutor condemned the leak \
of videos of Santiago Mendoza. Tourists flocked to Victoria Falls, and a delegation flew on to Santiago."""


def test_a_given_name_before_a_surname_is_a_person():
    ex = extract(make_article("Lawmaker arrested", "2025-06-06", STORY, "test"))
    people = {e.text for e in ex.entities if e.type == "PERSON" and e.mention == "name"}
    places = {l.text: l.country for l in ex.locations}
    assert "Santiago Mendoza" in people, people
    assert places.get("Santiago") == "CL", places  # the city said alone
    assert "Santiago Mendoza" not in places and "Victoria Falls" in {l.text for l in ex.locations} | {
        e.text for e in ex.entities if e.type in ("GPE", "LOC", "FAC")}, places
