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


def test_a_name_that_looks_like_a_person_with_a_cue_is_a_person():
    # the small model calls "Olli-Pekka Rantanen" an organisation; a company owns him and "Rantanen" is a person
    ex = run("Lumora's Olli-Pekka Rantanen said the Finnish phone maker would cut 900 jobs. "
             "Rantanen spoke in Oulu on Tuesday.")
    assert typed(ex, "Olli-Pekka Rantanen") == {"PERSON"}
    rantanen = [e for e in ex.entities if e.text in ("Olli-Pekka Rantanen", "Rantanen")]
    assert len({e.canonical for e in rantanen}) == 1  # one person, full name and surname


def test_a_name_the_text_treats_as_a_company_is_an_organisation():
    ex = run("\"The market is hard,\" said analyst Greta Lindqvist of Harjula Varma. The weekly Der Morgenruf "
             "reported the cuts first. Investor Warren Eckhart's Dunmore Hathaway bought a stake.")
    assert typed(ex, "Greta Lindqvist") == {"PERSON"}
    assert typed(ex, "Warren Eckhart") == {"PERSON"}
    assert typed(ex, "Harjula Varma") == {"ORG"}  # a person's organisation: "X of Y"
    assert typed(ex, "Der Morgenruf") == {"ORG"}  # described as a weekly
    assert typed(ex, "Dunmore Hathaway") == {"ORG"}  # a person's company


def test_a_company_named_like_a_person_keeps_its_type_without_a_cue():
    ex = run("Shares of Washington Mutual and Mercedes-Benz fell on Monday, after the bankruptcies of "
             "Lehman Brothers ($691 billion) and Washington Mutual ($327 billion).")
    assert "PERSON" not in typed(ex, "Washington Mutual") | typed(ex, "Mercedes-Benz")


def test_a_role_glued_before_a_name_is_a_mention_of_that_person():
    text = ("Kestrel Air chief executive Tom Brandt said on Monday that fares would rise. Major General Ana Pires "
            "did not comment.")
    ex = run(text)
    role = [e for e in ex.entities if e.text == "Kestrel Air chief executive"]
    brandt = [e for e in ex.entities if e.text == "Tom Brandt"]
    assert role and role[0].type == "PERSON" and role[0].canonical == brandt[0].canonical
    assert not [e for e in ex.entities if e.text == "Major General"]  # a title alone is part of the name


def test_they_after_people_is_a_person_mention():
    text = "The striking dockworkers marched on Monday. They said their pay had not risen in years."
    ex = run(text)
    assert typed(ex, "They") == {"PERSON"} and typed(ex, "their") == {"PERSON"}


def test_a_bare_title_makes_no_second_mention():
    ex = run("Senator Ana Pires criticised the deal on Monday. Pires said it favoured Kestrel Air.")
    pires = [e for e in ex.entities if "Pires" in e.text and e.start < 20]
    assert [e.text for e in pires] == ["Ana Pires"] and pires[0].type == "PERSON"


def test_a_title_the_ner_took_into_a_name_does_not_make_it_an_organisation():
    ex = run("Brightwell Foods cut its sales forecast on Thursday. Spokeswoman Ella Nantes said demand had "
             "slowed in the spring. \"Prices must fall,\" said Nantes.")
    assert typed(ex, "Spokeswoman Ella Nantes") == {"PERSON"} and typed(ex, "Nantes") == {"PERSON"}
    assert "Nantes" not in {loc.text for loc in ex.locations}  # a French city, but here her name
