"""`tkg extract`'s JSON types entities with OntoNotes labels, as spaCy and the scorers do (made-up story): an armed
group is an ORG there, its sort kept in `kind`, so a reader that knows PERSON/ORG/GPE… loses none of them."""
from __future__ import annotations

from graph.extract import extract
from graph.extract.output import to_output
from graph.sources.articles import make_article

STORY = """Islamic State fighters attacked an army checkpoint near Raqqa on Monday, and the Islamic State said it \
held two soldiers."""


def test_an_armed_group_is_an_org_with_its_kind():
    art = make_article("Checkpoint attack", "2025-02-03", STORY, "test")
    ex = extract(art)
    assert any(e.type == "ARMED_GROUP" for e in ex.entities)  # the graph keeps its own type
    out = to_output(art, ex)["entities"]
    groups = [e for e in out if e["kind"] == "armed_group"]
    assert groups and {e["type"] for e in groups} == {"ORG"}, groups
    assert "ARMED_GROUP" not in {e["type"] for e in out}
