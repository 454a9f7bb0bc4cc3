"""People in news, on made-up stories: role nominals ("the lawmakers", "Acme CEO"), given-name and title cues,
and one type per name within an article."""
from __future__ import annotations

from graph.extract import extract
from graph.sources.articles import make_article


def run(text: str, date: str = "2024-03-05"):
    return extract(make_article("Test", date, text, "test"))


def typed(ex, text: str) -> set[str]:
    return {e.type for e in ex.entities if e.text == text}


def covering(ex, text: str, needle: str) -> set[str]:
    """Types of the entity mentions that cover the first occurrence of needle in text."""
    s = text.index(needle)
    return {e.type for e in ex.entities if e.start <= s < e.end}


def test_person_nouns_from_wordnet_are_person_mentions():
    text = ("Dozens of lawmakers voted against the pipeline bill on Tuesday. Several bondholders sued the "
            "utility, and one critic called the plan reckless.")
    ex = run(text)
    for word in ("lawmakers", "bondholders", "critic"):
        assert "PERSON" in covering(ex, text, word), word


def test_capitalised_role_titles_are_person_mentions():
    text = ("Solvane Energy named a new chief on Monday. \"We are ready,\" said Mara Quist, the Vice Chairman of "
            "Solvane Energy. Later the Prime Minister praised the deal, and Kestrel Air CEO Tom Brandt agreed.")
    ex = run(text)
    assert "PERSON" in covering(ex, text, "Vice Chairman")
    assert "PERSON" in covering(ex, text, "Prime Minister")
    assert "PERSON" in covering(ex, text, "Kestrel Air CEO")
    assert "ORG" in covering(ex, text, "Kestrel Air")
