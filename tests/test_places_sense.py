"""Not a place, and which place: names the sentence treats as a person or a company are not geocoded, "US $" is
money, "the town of X" is a town, and the article's other places pick the referent of an ambiguous name
(Washington, D.C. or the state; a neighbourhood of the story's city, not a namesake town 300 km away).
Stories of our own; the checks are on the mechanisms (syntax, one sense per article, geography)."""
from __future__ import annotations

import pytest
from unseen_text import ids, run

from graph.extract.nlp import load_nlp
from graph.extract.places.gazetteer_cache import default_gazetteer
from graph.extract.places.place_sense import acts_as_actor, is_money, not_a_place

DC, WA_STATE, GOMA, HIT, CHELSEA_MA = 4140963, 5815135, 216281, 95788, 4932879


def texts(ex) -> set[str]:
    return {l.text for l in ex.locations}


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize("sentence,name", [
    ("Okonjo told the court on Monday that he had never met the buyers.", "Okonjo"),
    ("Prosecutors said Brannagh, who moved to Texas in 2009, had no record.", "Brannagh"),
    ("Okafor's lawyer asked for more time.", "Okafor"),
    ("Whitcombe, a Nokia executive, said the phones would ship in May.", "Whitcombe"),
    ("Engineers at Veltrix said the fault was fixed.", "Veltrix"),
    ("A study by Brookfield found that prices rose.", "Brookfield"),
    ("Judge Harlow adjourned the case.", "Harlow"),
    ("Delgado was arrested in Madrid on Friday.", "Delgado"),
])
def test_the_sentence_makes_it_a_person_or_company(nlp, sentence, name):
    doc = nlp(sentence)
    span = doc.char_span(sentence.index(name), sentence.index(name) + len(name))
    assert acts_as_actor(span), sentence


@pytest.mark.parametrize("sentence,name", [
    ("Rebels shelled Mansfield overnight.", "Mansfield"),
    ("Brookfield lies on the river.", "Brookfield"),
    ("Officials in Delgado said the roads were closed.", "Delgado"),
])
def test_place_positions_stay_places(nlp, sentence, name):
    doc = nlp(sentence)
    span = doc.char_span(sentence.index(name), sentence.index(name) + len(name))
    assert not acts_as_actor(span), sentence


def test_syntax_never_overrules_a_country_or_a_capital(nlp):
    gaz = default_gazetteer()
    doc = nlp("Kenya told the council it would send troops, and Nairobi denied the report.")
    for name in ("Kenya", "Nairobi"):
        i = doc.text.index(name)
        span = doc.char_span(i, i + len(name))
        assert not not_a_place(span, gaz.lookup(name), gaz, frozenset()), name


def test_money_is_not_a_place(nlp):
    doc = nlp("The miner expects sales of US $4.1 billion, up from US $3.8 billion.")
    us = doc.char_span(doc.text.index("US"), doc.text.index("US") + 2)
    assert is_money(us)
    ex = run("Miner raises forecast\n\nThe miner expects sales of US $4.1 billion this year, it said in Perth. "
             "Exports to the US rose.", "2013-05-06T10:00:00")
    assert [l.start for l in ex.locations if l.text == "US"] == [ex.sentences[-1].start + len("Exports to the ")]
    assert "Perth" in texts(ex)


def test_people_in_a_trial_story_are_not_places():
    ex = run("""Jury hears defendant

DENVER (AP) - Mikhail Dostanov sat still as prosecutors played the video in court on Monday. Dostanov's lawyers \
said he had been led by his older brother. Later, Dostanov told the jurors he was sorry.""", "2013-05-06T10:00:00")
    assert "Dostanov" not in texts(ex) and "Denver" in {l.name for l in ex.locations}


def test_companies_named_like_towns_are_not_places():
    # "Mansfield" (a town in Texas, Ohio, England) is an executive here; "RAND" is Des Plaines only by an
    # alternate name; "Cisco" is the company the article names in full
    ex = run("""Phone maker reshuffles its managers

SAN JOSE, California (AP) - Apple said on Tuesday that Bob Mansfield would leave the hardware group. Mansfield, \
an Apple executive for 13 years, will stay as an adviser. Analysts at Cisco Systems and at RAND said the change \
was expected, and Cisco shares rose 2 percent in New York.""", "2013-05-06T10:00:00")
    assert not {"Mansfield", "RAND", "Cisco"} & texts(ex)
    assert "New York" in texts(ex) and "California" in texts(ex)


def test_the_town_of_goma_is_a_town():
    ex = run("Rebels attacked the town of Goma on Sunday, residents said. Goma lies on the border with Rwanda.",
             "2013-05-06T10:00:00")
    assert [l.geonames_id for l in ex.locations if l.text == "Goma"] == [GOMA, GOMA]


def test_heet_is_hit():
    ex = run("Militants seize Iraqi town\n\nBAGHDAD (Reuters) - Militants captured the town of Heet in Anbar "
             "province on Monday, police said.", "2014-10-03T10:00:00")
    assert ids(ex, "Heet") == {HIT}
    assert ids(ex, "Anbar province") == {99592}  # the governorate, GeoNames' Al Anbār


def test_washington_is_the_capital_in_federal_politics():
    ex = run("""Budget talks stall

The president met congressional leaders at the White House on Tuesday. Republicans in Washington said the talks \
on the federal budget had stalled.""", "2013-05-06T10:00:00")
    assert ids(ex, "Washington") == {DC}


def test_washington_is_the_state_when_the_text_says_so():
    ex = run("""Wildfires spread

Wildfires burned across Washington state on Monday, and firefighters from Spokane were sent west. In Washington, \
the governor declared an emergency.""", "2013-08-06T10:00:00")
    assert {l.geonames_id for l in ex.locations if l.text.startswith("Washington")} == {WA_STATE}


def test_a_neighbourhood_of_the_story_city_is_not_a_namesake_town():
    ex = run("""Gallery opens

NEW YORK (AP) - A new gallery opened in Chelsea on Thursday, a few blocks from the Hudson River, and two more \
will open in Brooklyn next month.""", "2013-05-06T10:00:00")
    chelsea = [l for l in ex.locations if l.text == "Chelsea"]
    assert chelsea and chelsea[0].geonames_id != CHELSEA_MA  # Massachusetts is 300 km away
    ex = run("""Fire near the airport

BOSTON (AP) - Firefighters battled a blaze in Chelsea on Sunday, across the river from Boston.""",
             "2013-05-06T10:00:00")
    assert ids(ex, "Chelsea") == {CHELSEA_MA}


def test_company_described_as_company_and_plant_named_after_its_town():
    ex = run("""Parts makers cut jobs

Preston, a Canadian auto parts maker, said on Monday it would cut 300 jobs. Ford will close Louisville Assembly \
of Louisville, Kentucky, the company said.""", "2006-01-23T10:00:00")
    assert "Preston" not in texts(ex)
    assert ids(ex, "Louisville") == {4299276}  # the plant's name says nothing against the town named after "of"


@pytest.mark.parametrize("text, country", [
    ("Envoys from Kenya and Uganda met in Kampala. The government in Nairobi rejected the plan on Monday.", "KE"),
    ("Talks in Doha stalled, and the government in Kabul said on Friday it would not send a delegation.", "AF"),
])
def test_a_government_in_a_capital_is_that_country(text, country):
    """A government placed in a capital is the country's government, whatever country the story names most."""
    ex = run(text, "2024-03-04")
    gov = [loc for loc in ex.locations if loc.text.lower() == "the government"]
    assert gov and gov[0].country == country and gov[0].mention == "nominal"


def test_a_company_word_the_ner_split_off_is_no_town_elsewhere():
    """'McDonnell Douglas' split by the NER into ORG 'McDonnell' and GPE 'Douglas': the article uses 'Douglas' as
    a company's word, so the headline's 'the Douglas era' is no town (Douglas, Illinois bears the name of the Isle
    of Man's capital, which does not make it a capital); a Douglas in place position stays a place."""
    from graph.extract import extract
    from graph.sources.articles import make_article

    text = ("Jet maker closes the Douglas era\nThe last airliner designed by McDonnell Douglas left the line on "
            "Friday, workers said.")
    ex = extract(make_article("", "2024-03-05", text, "test"))
    assert not [l for l in ex.locations if l.text == "Douglas"], ex.locations
    ex = extract(make_article("", "2024-03-05", "Talks in Douglas, the capital of the Isle of Man, ended on Monday.",
                              "test"))
    assert [l.geonames_id for l in ex.locations if l.text == "Douglas"] == [3042237]
