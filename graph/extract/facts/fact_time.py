"""When a fact begins, ends or is said to hold, from the time expressions the parse ties to it.

A change (a capture, a withdrawal) happens at its event's time. A state says its bounds with
prepositions: "since 2012" and "from May" begin it, "until 31 October" / "till" end it; a
state's other times ("controlled the town in 2015") are times it held. A clause that is a
relative "when" on a time expression ("since May 2014, when its forces were driven out") happens
at that time, whatever clause the parser hung it on.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from graph.extract.facts.fact_context import FactContext
from graph.extract.facts.facts_lexicon import IRREGULAR_PAST
from graph.extract.model import Event, EventTime

BEGIN_MARKS = {"since", "from"}
END_MARKS = {"until", "till", "to", "through"}


def marked_times(ctx: FactContext, heads: list[Token]) -> tuple[Optional[EventTime], Optional[EventTime]]:
    """(start, end) a state's prepositions give: "since 2012" / "until October 31" hanging off one of `heads`."""
    start = end = None
    for head in heads:
        for prep in head.children:
            mark = prep.lower_
            if prep.dep_ not in {"prep", "mark"} or mark not in BEGIN_MARKS | END_MARKS:
                continue
            obj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
            t = ctx.timex_at[obj.i] if obj is not None else None
            if t is None:
                continue
            when = ctx.timex_time(t)
            if mark in BEGIN_MARKS and start is None:
                start = when
            elif end is None and (mark != "to" or start is not None):  # "from May to October"
                end = when
    return start, end


def relative_when(ctx: FactContext, trig: Token) -> Optional[EventTime]:
    """The time expression a ", when ..." clause around `trig` is a relative clause of ("since May 2014, when
    its armed forces were driven out after a visit by ..." dates the driving out and the visit)."""
    clause = next((t for t in [trig, *trig.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    for _ in range(3):
        if clause is None:
            return None
        mark = next((c for c in clause.children if c.lower_ == "when" and c.dep_ in {"advmod", "mark"}), None)
        if mark is not None:
            if mark.i > 1 and clause.doc[mark.i - 1].text == ",":
                t = ctx.timex_at[mark.i - 2]
                if t is not None and t.begin:
                    return ctx.timex_time(t)
            return None
        if clause.dep_ not in {"conj", "xcomp"} or clause.head.i == clause.i:
            return None
        clause = clause.head
    return None


def event_time(ctx: FactContext, ev: Event, trig: Token) -> EventTime:
    """The time a change happened: its event's, unless the event took the sentence's or the article's
    time and the clause is a relative "when" on a time expression."""
    t = ev.time
    if t is None or t.source != "timex":
        when = relative_when(ctx, trig)
        if when is not None:
            return when
    if t is None or not t.begin:
        return ctx.article_time()
    if t.value == "PRESENT_REF":
        return ctx.article_time()
    return t


def is_ongoing(trig: Token) -> bool:
    """A change in the present tense, or progressive, in an article's body is going on or planned
    ("as the mission withdraws from the country"), not done: it begins or ends nothing yet. A past form
    the tagger calls present ("retook" as VBP) is not."""
    if trig.tag_ == "VBP":
        return trig.lower_ == verb_lemma(trig)
    if trig.tag_ == "VBZ":
        return trig.lower_.endswith("s")
    return trig.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in trig.children)


def verb_lemma(tok: Token) -> str:
    """The token's lemma, with the irregular past forms the lemmatizer misses."""
    return IRREGULAR_PAST.get(tok.lower_) or tok.lemma_.lower()
