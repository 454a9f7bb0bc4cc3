"""Actors of events told in reported speech and in a noun's clause (issue #16, SemEval-2015 TimeLine): stories of
our own, each a defect the miss analysis of the TimeLine dev sets showed (the entity is named in the sentence, the
event is not linked to it).

* "the company" in what a speaker says is the organisation the article says the speaker works for ("Tamsin Roe,
  the Corvel Systems chief executive, said the company expects to close two plants"), not the last company that
  was a subject before;
* "it" in a clause that tells what a noun says is that noun's maker ("the announcement by Kestrel Motors that it
  had settled the lawsuit"; "Kestrel Motors' statement that it would appeal").
"""
from __future__ import annotations

from test_actor_links import actors_of, run


def test_the_company_in_a_speakers_words_is_the_speakers_employer():
    ex = run("Plant closures ahead",
             "Norsk Bank raised its forecast for the sector on Monday. Tamsin Roe, the Corvel Systems chief "
             "executive, said the company expects to close two plants in Ohio.")
    got = actors_of(ex, "close")
    assert "corvel-systems" in got and "norsk-bank" not in got


def test_the_speakers_employer_before_an_earlier_company_nominal():
    """An earlier "the company" (another organisation) does not make "the company" in Roe's words its own."""
    ex = run("Plant closures ahead",
             "Norsk Holdings owns Corvel Systems. The company announced a plan on Monday. Tamsin Roe, the Corvel "
             "Systems chief executive, said the company expects to close two plants in Ohio.")
    got = actors_of(ex, "close")
    assert "corvel-systems" in got and "norsk-holdings" not in got


def test_the_company_outside_reported_words_keeps_the_subject_rule():
    """'The company said ...' is no reported clause: the last organisation that was a subject (and the search for
    a reporting verb ends at the sentence's root)."""
    ex = run("Corvel Systems hires",
             "Corvel Systems opened a plant in Ohio on Monday. The company said it would hire 200 workers.")
    assert "corvel-systems" in actors_of(ex, "hire")


def test_the_company_in_a_speakers_words_by_a_role_phrase():
    ex = run("Corvel Systems cuts jobs",
             "Norsk Bank raised its forecast for the sector on Monday. The chief executive of Corvel Systems said "
             "the company would cut 400 jobs.")
    got = actors_of(ex, "cut")
    assert "corvel-systems" in got and "norsk-bank" not in got


def test_it_in_a_nouns_clause_is_the_nouns_maker():
    ex = run("Shares rise",
             "Shares of Lumen Freight fell on Monday. Shares rose after the announcement by Kestrel Motors that it "
             "had settled the lawsuit.")
    assert "kestrel-motors" in actors_of(ex, "settled")


def test_it_in_a_possessors_statement_is_the_possessor():
    ex = run("Kestrel Motors to appeal",
             "A court fined Lumen Freight on Monday. Kestrel Motors' statement that it would appeal the ruling "
             "surprised analysts.")
    assert "kestrel-motors" in actors_of(ex, "appeal")



def test_it_in_a_speakers_words_is_the_speakers_employer():
    ex = run("Plant closures ahead",
             "Norsk Bank raised its forecast for the sector on Monday. Tamsin Roe, the Corvel Systems chief "
             "executive, said it expects to close two plants in Ohio.")
    got = actors_of(ex, "close")
    assert "corvel-systems" in got and "norsk-bank" not in got


def test_it_in_a_speakers_own_quoted_words_is_not_the_employer():
    """'"It is going to happen," said Roe': in a quotation "it" is the matter spoken of, not Corvel Systems."""
    ex = run("Merger talks",
             'Tamsin Roe, the Corvel Systems chief executive, met bankers on Monday. "I think it is going to '
             'happen," said Roe.')
    assert "corvel-systems" not in actors_of(ex, "happen")
