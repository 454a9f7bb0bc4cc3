"""Countries in actors' labels and on persons (made-up stories): a group named after a country that the labels'
own table does not list takes the country's adjective from the places' demonyms ("Georgian rebels"), never its
ISO code ("GE rebels"); a person has the country a title of theirs says is theirs ("Sudanese general X",
"X, Ukraine's president"), not one their office deals with ("the Sudan envoy X")."""
from __future__ import annotations

import re

from graph.extract import extract
from graph.sources.articles import make_article

GEORGIA = """TBILISI, March 4, 2025 - Rebels fired on a police post near Kutaisi, Georgia, on Monday, officials said. \
The rebels withdrew after an hour."""
NEPAL = """KATHMANDU, March 4, 2025 - Militants attacked an army base in western Nepal on Sunday. The militants \
fled into the hills before dawn."""


def _labels(text: str) -> set[str]:
    ex = extract(make_article("Test", "2025-03-04", text, "test"))
    return {e.label for e in ex.entities if e.label and e.mention == "nominal"}


def test_no_country_code_is_glued_into_a_label():
    for story, word in ((GEORGIA, "Georgian"), (NEPAL, "Nepal")):
        labels = _labels(story)
        assert not any(re.match(r"[A-Z]{2} ", label) for label in labels), labels
        assert any(label.startswith(word) for label in labels), labels


PEOPLE = """KAMPALA, March 4, 2025 - Sudanese general Abdel Fattah al-Burhan met Volodymyr Zelensky, Ukraine's \
president, in Kampala on Monday. The Sudan envoy Tom Perriello arrived later, and Kenya's foreign minister, \
Musalia Mudavadi, joined them."""


def test_a_person_has_the_country_of_their_title():
    ex = extract(make_article("Test", "2025-03-04", PEOPLE, "test"))
    got = {e.label: e.country for e in ex.entities if e.type == "PERSON" and e.mention == "name"}
    assert got.get("Abdel Fattah al-Burhan") == "SD", got
    assert got.get("Volodymyr Zelensky") == "UA", got
    assert got.get("Musalia Mudavadi") == "KE", got
    assert got.get("Tom Perriello") is None, got  # the envoy to Sudan, not Sudan's
