"""A definite nominal that names a company by its trade is the organisation the article named, as "the company" is
(issue #16, SemEval-2015 TimeLine): "Torvik Stores posted a loss ... The retailer will close 40 shops" -> Torvik
Stores. The trade nouns come from WordNet (graph/extract/text/data/org_nouns.txt, bench/org_nouns_build.py): kinds
of company and business, and of retailer, manufacturer and underwriter, whose first WordNet sense is a person
("retailer", "insurer", "brewer"), so before this they resolved to no company. Stories of our own.

Guards: an indefinite or plural trade noun ("a retailer in Leeds") names no company the article named; "the bank"
is a bank the article named, never the airline it named last; "the lawmaker" stays a person (a "-maker" compound
WordNet lists as a person is not a company).
"""
from __future__ import annotations

import pytest

from graph.extract import extract
from graph.sources.articles import make_article


def actors_of(title: str, text: str, trigger: str) -> set[str]:
    ex = extract(make_article(title, "2024-05-14", f"{title}\n\n{text}", "test"))
    evs = [e for e in ex.events if e.text == trigger]
    assert evs, [e.text for e in ex.events]
    ev = evs[0]
    return {a.canonical.rsplit("/", 1)[1] for a in ev.args if a.canonical and "/actor/" in a.canonical} | {
        c.rsplit("/", 1)[1] for c in getattr(ev, "shared_actors", None) or []}


@pytest.mark.parametrize("named,text,trigger,key", [
    ("Torvik Stores", "Torvik Stores posted a loss on Monday. The retailer will close 40 shops next year.",
     "close", "torvik"),
    ("Halvard Mutual", "Halvard Mutual raised its premiums in March. The insurer will cut 300 jobs in Oslo.",
     "cut", "halvard"),
    ("Brannock Brewing Co.", "Brannock Brewing Co. bought a bottling plant in Leeds on Tuesday. The brewer will hire 80 "
     "workers there.", "hire", "brannock"),
])
def test_a_trade_nominal_is_the_company_named(named: str, text: str, trigger: str, key: str):
    got = actors_of(f"{named} news", text, trigger)
    assert any(k.startswith(key) for k in got), got


def test_an_indefinite_trade_noun_is_no_named_company():
    got = actors_of("Retail news", "Torvik Stores posted a loss on Monday. A retailer in Leeds will close 40 shops "
                    "next year.", "close")
    assert not any(k.startswith("torvik") for k in got), got


def test_the_bank_is_not_the_airline_named_last():
    got = actors_of("Fares", "Skylark Airways cut its fares on Monday. The bank will close 40 branches next year.",
                    "close")
    assert not any(k.startswith("skylark") for k in got), got


def test_the_lawmaker_is_no_company():
    got = actors_of("Fares", "Skylark Airways cut its fares on Monday. The lawmaker will visit Leeds next week.",
                    "visit")
    assert not any(k.startswith("skylark") for k in got), got


def test_a_shopkeepers_trade_is_no_company():
    """WordNet's other kinds of merchant ("butcher", "florist") are one shop's trade: a person, not the company."""
    got = actors_of("Retail news", "Torvik Stores posted a loss on Monday. The butcher will close his shop next "
                    "year.", "close")
    assert not any(k.startswith("torvik") for k in got), got
