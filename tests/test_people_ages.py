"""A name with an age in apposition is a person's, though its given name is in no list (made-up story): the NER's
organisation or place reading of "Nurbekzhon Toktogulov, 31," and of his surname said alone later yields."""
from __future__ import annotations

from graph.extract import extract
from graph.sources.articles import make_article

STORY = """A court in Manchester on Friday remanded a delivery driver in custody. Nurbekzhon Toktogulov, 31, is \
charged with helping two men who planned an attack on a concert. The judge ordered Toktogulov held until a hearing \
in June, and prosecutors said Toktogulov had met the men twice."""
COMPANY = """Shares of Halvorsen Marine Systems, 12, fell on Friday."""  # no age: "Systems" is a company's word


def test_an_aged_name_and_its_surname_are_a_person():
    ex = extract(make_article("Driver remanded", "2025-06-06", STORY, "test"))
    types = {(e.text, e.type) for e in ex.entities if e.mention == "name" and "Toktogulov" in e.text}
    assert types == {("Nurbekzhon Toktogulov", "PERSON"), ("Toktogulov", "PERSON")}, types
    assert not [l for l in ex.locations if "Toktogulov" in l.text]


def test_a_company_word_is_no_person_whatever_follows():
    ex = extract(make_article("Shares", "2025-06-06", COMPANY, "test"))
    assert not [e for e in ex.entities if "Halvorsen" in e.text and e.type == "PERSON"]
