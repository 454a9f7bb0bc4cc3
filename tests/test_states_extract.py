"""State facts from text (graph/extract/facts): the seed, and stories of our own with other towns and words.

Every story here is written for these tests (not copied from a dev set); each expectation names the
relation, the holder, the object and the bound the sentence gives.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional

import pytest
from conftest import SEED

from graph.extract import extract
from graph.extract.model import StateFact
from graph.ids import BASE
from graph.sources import read_paths
from graph.sources.articles import Article

KIDAL, MALI = BASE + "place/2455290", BASE + "place/2453866"


def facts_of(text: str, published: str) -> list[StateFact]:
    art = Article(title="story", published=datetime.fromisoformat(published).replace(tzinfo=timezone.utc), text=text)
    return extract(art).facts


def one(facts: list[StateFact], relation: str, holder: str, obj: Optional[str] = None, **bounds) -> StateFact:
    """The fact with this relation, holder (actor id tail) and object, whose bounds are as given."""
    found = [f for f in facts if f.relation == relation and f.holder == BASE + "actor/" + holder
             and (obj is None or f.object == obj)]
    for name, value in bounds.items():
        found = [f for f in found if _bound(f, name) == value]
    assert found, (relation, holder, obj, bounds, [(f.relation, f.holder, f.object, _bound(f, "start"),
                                                    _bound(f, "end")) for f in facts])
    return found[0]


def _bound(f: StateFact, name: str) -> Optional[str]:
    v = getattr(f, name)
    return v.value if hasattr(v, "value") else v


@pytest.fixture(scope="module")
def seed_facts() -> list[StateFact]:
    return extract(next(a for a in read_paths([SEED]))).facts


def test_seed_control_of_kidal(seed_facts):
    army = one(seed_facts, "controls", "malian-armed-forces", KIDAL, start="2023-11-14", end=None)
    assert len(army.sentences) >= 2 and army.events  # "recaptured" and "have seized Kidal"
    # "the rebels immediately seized control" (31 October) ... "admitting they had lost their stronghold town"
    one(seed_facts, "controls", "tuareg-rebels", KIDAL, start="2023-10-31", end="2023-11-14")
    # "the town of Kidal, which has been controlled by the predominantly Tuareg armed groups": held, no bounds
    stated = one(seed_facts, "controls", "tuareg-rebels", KIDAL, start=None, end=None)
    assert stated.held_at is not None and stated.held_at.value == "2023-11-14"
    one(seed_facts, "controls", "permanent-strategic-framework", KIDAL, end="2023-11-14")  # "had withdrawn from Kidal"
    # "since May 2014, when its armed forces were driven out": the relative "when" dates the driving out
    one(seed_facts, "controls", "malian-armed-forces", KIDAL, end="2014-05")


def test_seed_presence_power_and_offices(seed_facts):
    one(seed_facts, "presentIn", "minusma", KIDAL, end="2023-10-31")  # "When MINUSMA left its camp in Kidal on October 31"
    one(seed_facts, "inPower", "malian-junta", MALI, start="2020")  # "who seized power in 2020"
    head = one(seed_facts, "holdsOffice", "assimi-goita", BASE + "actor/malian-junta")
    assert head.role == "head" and head.held_at.value == "2023-11-14" and head.ended_by is None
    mara = one(seed_facts, "holdsOffice", "moussa-mara", MALI)
    assert mara.role == "prime minister" and mara.held_at.value == "2014-05"
    assert mara.ended_by and mara.ended_by.startswith("2023-11-14")  # "then-": over by the publication date


# (text, publication date, relation, holder, object IRI tail or None, bounds)
STORIES = [
    ("Gao fell to the rebels on Sunday, residents said.", "2023-11-20T10:00",
     "controls", "malian-rebels", "place/2457163", {"start": "2023-11-19"}),
    ("Ukrainian troops liberated the city of Kharkiv in May 2022.", "2023-11-20T10:00",
     "controls", "ukrainian-armed-forces", "place/706483", {"start": "2022-05"}),
    ("Jihadists captured the town of Djibo in 2022. The army regained control of Djibo in March 2023.",
     "2023-11-20T10:00", "controls", "burkinabe-armed-forces", "place/2361177", {"start": "2023-03"}),
    ("Jihadists captured the town of Djibo in 2022. The army regained control of Djibo in March 2023.",
     "2023-11-20T10:00", "controls", "burkinabe-jihadists", "place/2361177", {"start": "2022"}),
    ("The Congolese army recaptured Bunagana from the M23 on Thursday, a military spokesman said. "
     "The rebels had held the town since June.", "2022-08-05T15:30",
     "controls", "m23", "place/bunagana", {"start": "2022-06", "end": "2022-08-04"}),
    ("Wagner mercenaries were stationed in Menaka until October, when they pulled out of the town.",
     "2023-11-20T10:00", "presentIn", "wagner-group", "place/2453514", {"end": "2023-10"}),
    ("MINUSMA's withdrawal from Gao on Friday ended a decade-long presence.", "2023-11-20T10:00",
     "presentIn", "minusma", "place/2457163", {"end": "2023-11-17"}),
    ("The Taliban seized power in Afghanistan in August 2021.", "2023-11-20T10:00",
     "inPower", "taliban", "place/1149361", {"start": "2021-08"}),
    ("Niger's President Mohamed Bazoum was ousted by the military in July.", "2023-11-20T10:00",
     "inPower", "mohamed-bazoum", "place/2440476", {"end": "2023-07"}),
    ("Niger's President Mohamed Bazoum was ousted by the military in July.", "2023-11-20T10:00",
     "holdsOffice", "mohamed-bazoum", "place/2440476", {"role": "president"}),
    ("Ousmane Sonko was sworn in as prime minister of Senegal on Tuesday.", "2023-11-20T10:00",
     "holdsOffice", "ousmane-sonko", "place/2245662", {"start": "2023-11-14", "role": "prime minister"}),
    ("Mali's Prime Minister Moctar Ouane resigned on Friday.", "2023-11-20T10:00",
     "holdsOffice", "moctar-ouane", "place/2453866", {"end": "2023-11-17", "role": "prime minister"}),
    ("Malian Prime Minister Choguel Maiga met French President Emmanuel Macron in Paris on Monday.",
     "2023-11-20T10:00", "holdsOffice", "emmanuel-macron", "place/3017382", {"role": "president"}),
    ("French troops were deployed in Mali in 2013.", "2023-11-20T10:00",
     "presentIn", "french-armed-forces", "place/2453866", {"start": "2013"}),
    ("Siemens chief financial officer Ralf Thomas said profits rose.", "2023-11-20T10:00",
     "holdsOffice", "ralf-thomas", "actor/siemens", {"role": "chief financial officer"}),
    ("Tuareg rebels attacked an army post near Gao in Mali on Monday. Kidal has been in rebel hands since 2012.",
     "2023-11-20T10:00", "controls", "tuareg-rebels", "place/2455290", {"start": "2012"}),
    ("M23 rebels shelled the outskirts of Goma on Monday. Bunagana has been in the hands of the rebels since "
     "June 2022.", "2023-11-20T10:00", "controls", "m23", "place/bunagana", {"start": "2022-06"}),
    ("Sanaa, under Houthi control since 2014, was calm on Friday.", "2023-11-20T10:00",
     "controls", "houthi", "place/71137", {"start": "2014"}),
]


@pytest.mark.parametrize("text,published,relation,holder,obj,bounds", STORIES,
                         ids=[f"{s[2]}-{s[3]}-{i}" for i, s in enumerate(STORIES)])
def test_story(text, published, relation, holder, obj, bounds):
    one(facts_of(text, published), relation, holder, BASE + obj if obj else None, **bounds)


@pytest.mark.parametrize("text", [
    "The rebels threatened to seize Gao.",  # hypothetical
    "The army did not withdraw from Menaka.",  # negated
    "The UN mission is withdrawing from Mali.",  # under way, not done
    "A Malian delegation took part in talks in Bamako on Monday.",  # taking part is not taking a town
    "The rebels seized weapons in Gao on Monday.",  # the object is not the place
    "Gao fell to the rebels on Sunday. The rebels had seized several villages earlier.",  # "several villages" is not Gao
    "Malian troops were deployed across Mali on Monday.",  # a country's own forces in it: no news of presence
])
def test_no_state_from_the_last_sentence(text):
    facts = facts_of(text, "2023-11-20T10:00")
    last = text.count(". ")  # index of the story's last sentence
    assert not [f for f in facts if last in f.sentences], facts


def test_fact_without_holder_fails_the_shapes():
    """The shapes hold a fact to one holder: a graph whose fact lost it is refused by the full SHACL check."""
    from graph.rdf.fastshacl import check_triples
    from graph.rdf.triples import article_triples, ntriples

    art = Article(title="t", published=datetime(2023, 11, 20, tzinfo=timezone.utc),
                  text="Ukrainian troops liberated the city of Kharkiv in May 2022.")
    triples = article_triples(art, extract(art))
    assert any(p.endswith("#holder") for _, p, _ in triples)
    assert check_triples(triples, "".join(ntriples(triples)))[0]
    broken = [t for t in triples if not t[1].endswith("#holder")]
    ok, report = check_triples(broken, "".join(ntriples(broken)))
    assert not ok and "holder" in report
