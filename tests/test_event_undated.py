"""Event time where the text gives a beginning or no time at all (issue #16, item 2), on sentences of our own:
a state "since" a date begins then and still holds; an intention the text gives no time of stays undated in the
store too (no sem:hasTimeStamp), reached by date filters through its article's day only."""
from __future__ import annotations

import pytest
from rdflib.namespace import Namespace

from graph.extract import extract
from graph.rdf.rdflib_graph import article_graph
from graph.rdf.triples import TKG, article_triples
from graph.sources.articles import make_article

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")


@pytest.fixture(scope="module")
def article():
    art = make_article("Valley", "2025-02-11", (
        "The militia has held most of the valley since March 2022. The governor vowed on Monday to reopen the "
        "road. Exports have risen the most since 2019, traders said."), "test")
    return art, extract(art)


def event(ex, trigger: str):
    return next(e for e in ex.events if e.text == trigger)


def test_a_state_since_a_date_begins_then_and_holds_on(article):
    held = event(article[1], "held").time
    assert held is not None and held.source == "timex" and held.value == "2022-03"
    assert held.begin.startswith("2022-03-01") and held.end_value is None  # still holding: no end


def test_a_record_since_a_date_is_not_dated_by_it(article):
    risen = event(article[1], "risen").time  # the last time it rose as much was in 2019, not this rise
    assert risen is None or not (risen.value or "").startswith("2019")


def test_an_intention_without_its_own_time_has_no_date_in_the_store(article):
    art, ex = article
    reopen = event(ex, "reopen")
    assert reopen.event_class == "intention" and reopen.time is None
    k = ex.events.index(reopen)
    g = article_graph(art, ex)
    e = next(s for s in g.subjects(TKG.timeSource, None) if str(s).endswith(f"/{k}"))
    assert g.value(e, SEM.hasTimeStamp) is None
    assert str(g.value(e, TKG.timeSource)) == "article" and g.value(e, TKG.beginDay) is not None
    fast = {(s, p) for s, p, _ in article_triples(art, ex)}
    assert (str(e), str(SEM.hasTimeStamp)) not in fast and (str(e), str(TKG.beginDay)) in fast
    vow = next(s for s in g.subjects(TKG.timeSource, None) if str(s).endswith(f"/{ex.events.index(event(ex, 'vowed'))}"))
    assert g.value(vow, SEM.hasTimeStamp) is not None  # the vow is dated (Monday)
