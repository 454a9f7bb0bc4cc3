"""Which time an event gets (graph/extract/events/event_time.py), on short stories of our own."""
from __future__ import annotations

import pytest

from graph.extract import extract
from graph.sources.articles import make_article


def run(text: str, date: str):
    return extract(make_article("Test", date, text, "test"))


def event(ex, trigger: str, nth: int = 0):
    return [e for e in ex.events if e.text == trigger][nth]


def when(ev) -> tuple[str, str]:
    return ev.time.value, ev.time.source


def test_a_date_dates_the_clause_it_is_in_not_the_event_it_judges():
    ex = run("On Monday, the government blamed the rebels for the attack on a fuel depot in the north.", "2024-03-05")
    assert when(event(ex, "blamed")) == ("2024-03-04", "timex")
    assert event(ex, "attack").time.source == "article"  # the attack came before the blaming, on a day not given


def test_a_participle_does_not_borrow_the_date_of_another_clause():
    ex = run("When the ministry awarded the contract on February 12, a rival bidder filed a complaint, alleging "
             "that the tender had been rigged.", "2024-03-05")
    assert when(event(ex, "awarded")) == ("2024-02-12", "timex")
    assert event(ex, "alleging").time.value != "2024-02-12"
    assert event(ex, "rigged").time.source == "article"


def test_later_and_then_count_from_the_last_date():
    ex = run("The port opened in 1998. Four years later, the city built a second terminal and then expanded the "
             "rail link.", "2012-06-20")
    assert when(event(ex, "opened")) == ("1998", "timex")
    assert when(event(ex, "built")) == ("2002", "timex")  # a year stays a year
    assert event(ex, "expanded").time.value == "2002"


def test_the_story_reporting_and_its_news_day():
    # a Thursday story about Wednesday's decision: its reporting and its other past events are Wednesday's
    ex = run("The central bank raised interest rates on Wednesday. The governor said inflation remained too high. "
             "Shares fell sharply.", "2024-03-07")
    assert when(event(ex, "raised")) == ("2024-03-06", "timex")
    assert when(event(ex, "said")) == ("2024-03-06", "discourse")
    assert when(event(ex, "fell")) == ("2024-03-06", "discourse")


def test_the_present_of_the_news_and_states_that_hold_whenever():
    ex = run("The company has announced 2,000 job cuts. The factory is owned by a Swiss group. Officials are "
             "negotiating with the unions.", "2024-03-05")
    assert when(event(ex, "announced")) == ("2024-03-05", "discourse")  # present perfect: the news of the day
    assert when(event(ex, "negotiating")) == ("2024-03-05", "discourse")  # under way as the story is written
    assert event(ex, "owned").time.source == "article"  # a state the text does not date
    assert event(ex, "cuts").time.source == "article"  # announced now, made later


def test_headline_present_is_the_news_of_the_day():
    ex = run("Airline wins contract for new fleet", "2024-03-05")
    assert when(event(ex, "wins")) == ("2024-03-05", "discourse")


def test_until_now_dates_nothing():
    ex = run("The militia had held the bridge until now, a resident said.", "2024-03-05")
    assert event(ex, "held").time.source == "article"


def test_a_range_dates_the_whole_stretch():
    ex = run("The state had fought a long war between 2012 and 2014.", "2024-03-05")
    fought = event(ex, "fought")
    assert when(fought) == ("2012/2014", "timex")
    assert (fought.time.begin, fought.time.end_value) == ("2012-01-01T00:00:00", "2014-12-31T23:59:59")


def test_a_lifespan_in_a_caption_dates_no_statement():
    ex = run('Jane Doe 1931-2019. "Never give up," she told her students.', "2024-03-05")
    told = event(ex, "told")
    assert told.time.value != "1931" and not told.time.value.startswith("1931")


def test_a_decade_stays_a_decade():
    ex = run("In the late 1980s the company moved its headquarters to Texas.", "2024-03-05")
    moved = event(ex, "moved")
    assert when(moved) == ("198", "timex")
    assert (moved.time.begin, moved.time.end_value) == ("1980-01-01T00:00:00", "1989-12-31T23:59:59")


@pytest.mark.parametrize("source,valid", [("timex", True), ("sentence", True), ("discourse", True),
                                          ("article", True), ("guess", False)])
def test_every_time_source_is_valid_rdf(source, valid):
    from datetime import datetime, timezone

    from graph.extract.model import Event, EventTime, Extraction, Sentence
    from graph.rdf.fastshacl import check
    from graph.rdf.rdflib_graph import article_graph
    from graph.sources.articles import Article

    art = Article(title="T", published=datetime(2024, 3, 5, tzinfo=timezone.utc), text="Rebels attacked.")
    ex = Extraction(id="x", published=art.published.isoformat(), sentences=[Sentence(0, 16, "Rebels attacked.", 0)],
                    events=[Event(7, 15, "attacked", "190", time=EventTime(
                        "2024-03-04", "2024-03-04T00:00:00", "2024-03-04T23:59:59", source))])
    ok, report = check(article_graph(art, ex))
    assert ok == valid, report


def test_the_story_day_dates_its_headline_and_its_lead():
    # a Monday story about Sunday's unveiling: the headline's present and the lead's perfect are Sunday's news,
    # the date line under the headline is when the story was filed
    ex = run("Carmaker unveils electric van\nMarch 11, 2024\nThe carmaker has unveiled its first electric van at "
             "a plant near Lyon. The launch took place on Sunday before 2,000 guests.", "2024-03-11")
    assert when(event(ex, "unveils")) == ("2024-03-10", "discourse")
    assert when(event(ex, "unveiled")) == ("2024-03-10", "discourse")


def test_a_when_preposition_on_the_object_still_dates_the_verb():
    ex = run("The company listed its shares in November 2010.", "2024-03-05")
    assert when(event(ex, "listed")) == ("2010-11", "timex")
    ex = run("The firm posted its first loss since 1992. Its shares have closed at their lowest level since "
             "March 2003. The union has been striking since January.", "2024-03-05")
    assert event(ex, "posted").time.value != "1992"  # the last loss came in 1992, not this one
    assert event(ex, "closed").time.value != "2003-03"
    assert when(event(ex, "striking")) == ("2024-01", "timex")


def test_the_lead_past_is_the_news_of_the_day_later_past_is_undated():
    ex = run("The city council approved the new budget. The old budget had passed easily. Critics complained "
             "loudly.", "2024-03-05")
    assert when(event(ex, "approved")) == ("2024-03-05", "discourse")  # the lead: the story's news
    assert event(ex, "complained").time.source == "article"  # a later past: any time before the story


def test_a_perfect_past_the_lead_is_background_not_the_news():
    # the lead's perfect is the story's news; further on, "has received" tells of some time before, undated
    ex = run("Orchard Foods has opened a new bakery in Leeds. The firm has received two grants from the city, and "
             "its rivals have cut prices.", "2024-03-05")
    assert when(event(ex, "opened")) == ("2024-03-05", "discourse")
    assert event(ex, "received").time.source == "article"
    assert event(ex, "cut").time.source == "article"


def test_a_copula_dates_its_event_subject():
    ex = run("The first crossing of the new bridge was in 2019, and the toll came later.", "2024-03-05")
    assert when(event(ex, "crossing")) == ("2019", "timex")


def test_a_definite_event_noun_repeats_the_event_told_before():
    # "the merger" is the merger told before: its actors take part in it (not as arguments of its sentence)
    ex = run("Halvorsen Foods completed a merger with Ostrega Dairy on Tuesday. Analysts said the merger would cut "
             "costs. A strike closed the plant later.", "2024-03-07")
    again = event(ex, "merger", 1)
    assert any(iri.endswith("/ostrega-dairy") for iri in again.shared_actors)
    assert not again.args or all(a.start >= ex.sentences[again.sentence].start for a in again.args)
    assert not event(ex, "strike").shared_actors  # another event noun, no antecedent


def test_a_headline_event_takes_the_actors_the_lead_gives_it():
    ex = run("Supply deal signed\n\nHalvorsen Foods signed a supply deal with Ostrega Dairy on Monday.", "2024-03-07")
    head = event(ex, "signed")
    assert not [a for a in head.args if a.canonical and "/actor/" in a.canonical]
    assert any(iri.endswith("/ostrega-dairy") for iri in head.shared_actors)


def test_an_event_whose_past_is_its_present_is_dated_by_its_past_clause():
    ex = run("At least nine patients were killed when shells hit a clinic on Sunday, the health ministry said.",
             "2023-05-15")  # a Monday: the Sunday before, not the one after
    assert when(event(ex, "hit")) == ("2023-05-14", "timex")
    assert when(event(ex, "killed")) == ("2023-05-14", "timex")


def test_a_when_clause_on_a_date_takes_that_date():
    ex = run("The harvest is a recovery from 2019, when the drought destroyed half of the wheat crop.", "2021-09-01")
    assert when(event(ex, "destroyed")) == ("2019", "timex")


def test_an_event_noun_is_dated_by_the_verb_it_is_the_subject_of():
    ex = run("Tractor sales fell 12 percent last month, the farmers union said. The bombing prompted "
             "protests on Friday.", "2023-05-17")
    assert when(event(ex, "fell")) == ("2023-04", "timex")
    assert when(event(ex, "sales")) == ("2023-04", "timex")
    assert event(ex, "bombing").time.value != "2023-05-12"  # a cause came before what it prompted


def test_a_headline_past_participle_is_the_news_of_the_story_day():
    ex = extract(make_article("Tanker fleet contract awarded to rival bidder", "2023-05-17",
                              "Tanker fleet contract awarded to rival bidder\n\nThe defence ministry chose the rival "
                              "bid on Tuesday, officials said.", "test"))
    assert when(event(ex, "awarded")) == ("2023-05-16", "discourse")


def test_now_does_not_outweigh_the_date_the_clause_gives():
    ex = run("The shipyard missed its May deadline, and the ferry will now enter service next month.", "2023-05-17")
    assert when(event(ex, "enter")) == ("2023-06", "timex")


def test_an_event_noun_shares_the_day_its_verb_is_told_on():
    ex = run("Firefighters battled a warehouse blaze near the port on Sunday. The evacuation of the docks lasted "
             "six hours.", "2023-05-15")
    assert event(ex, "lasted").time.value == "2023-05-14"
    assert event(ex, "evacuation").time.value == "2023-05-14"


def test_a_headline_past_is_the_news_even_when_the_story_names_no_day():
    ex = extract(make_article("Harbour pilots ended their strike", "2023-05-17",
                              "Harbour pilots ended their strike\n\nShips queued outside the harbour for a week as the "
                              "pilots' union held out for a new contract.", "test"))
    assert when(event(ex, "ended")) == ("2023-05-17", "discourse")


def test_a_day_named_for_one_event_does_not_date_later_statements():
    # Saturday is when the arrests happened, not when the official or the minister spoke
    ex = run("Protesters marched through the capital on Thursday, organisers said on Friday. Two students were "
             "arrested when police fired tear gas on Saturday, a hospital official said. The interior minister "
             "promised an inquiry and blamed foreign agitators.", "2024-06-10")
    assert when(event(ex, "arrested")) == ("2024-06-08", "timex")
    assert event(ex, "said", 1).time.value == "2024-06-07"  # the last day a statement was made
    assert when(event(ex, "promised")) == ("2024-06-07", "discourse")
    assert when(event(ex, "blamed")) == ("2024-06-07", "discourse")


def test_the_speech_verb_is_not_dated_by_the_clause_it_reports():
    ex = run("Three workers were injured in a blast at a chemical plant on Sunday, the fire brigade said. The "
             "owner denied any safety failings.", "2024-06-11")
    assert event(ex, "injured").time.value == "2024-06-09"
    assert event(ex, "said").time.value != "2024-06-09"
    assert event(ex, "denied").time.value != "2024-06-09"


def test_an_act_told_again_takes_the_date_its_first_mention_named():
    # "Vantor's cancellation" and "the firm's decision" name nothing of their own time: the cancellation is the one
    # told before, on Tuesday; a date only the tense suggested is not passed on ("posted" is the story's news)
    ex = run("Vantor Industries posted a loss. On Tuesday, Vantor cancelled its supply deal with Magna. Politicians "
             "in Ohio criticised Vantor's cancellation of the deal. Analysts discussed the loss.", "2011-03-10")
    assert when(event(ex, "cancelled")) == ("2011-03-08", "timex")
    assert when(event(ex, "cancellation")) == ("2011-03-08", "discourse")
    assert event(ex, "loss", 1).time.source == "article"


def test_a_headline_verb_parsed_as_a_noun_is_the_news_of_the_story_day():
    # spaCy reads "files" and "posts" after a name as plural nouns; the headline's verb is still its event, the news
    # of the day the story names, with the actors of the body's account of it
    ex = run("Vantor files for bankruptcy, Magna to buy plant\nMarch 10, 2011\nVantor Industries filed for bankruptcy "
             "protection on Wednesday, the company said.", "2011-03-10")
    files = event(ex, "files")
    assert when(files) == ("2011-03-09", "discourse")
    assert any(a.endswith("/vantor-industries") for a in files.shared_actors)
    ex = run("Harbor jobs at risk\nMarch 10, 2011\nThe port may close next year, officials said.", "2011-03-10")
    assert not [e for e in ex.events if e.text == "jobs"]  # a verbless headline: "jobs" is no verb


def test_a_gerund_with_with_goes_on_at_the_time_of_its_verb():
    ex = run("The ferry left Dover on Monday. The crossing lasted two hours, with the ship sailing slowly. The company "
             "had been fined in 2009 after breaking safety rules.", "2011-03-10")
    assert event(ex, "sailing").time.value == event(ex, "lasted").time.value == "2011-03-07"
    assert event(ex, "breaking").time.value != "2009"  # "after" breaking: some time before the fine, not then
