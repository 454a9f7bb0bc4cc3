"""Within an article, a definite event noun that names an event told before is that event again.

"Singapore Airlines will take delivery of the A380 in October ... the delivery was delayed", "a merger with
Ostrega Dairy ... the merger": the later mention ("the", "this", "its" + the noun) is anaphoric (TimeML's event
coreference: one happening, several mentions). When it names no actor of its own it takes the actors of the
mention it repeats (`Event.shared_actors`: participants in the graph, not arguments of its own sentence). The
earlier mention is the nearest one before with the same lemma or a derivation of it ("delivered" ... "the
delivery", "announced" ... "the announcement"). A headline's event is told again in full by the story's first
sentences, and takes the actors of that mention the same way.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from spacy.tokens import Doc, Token

from graph.extract.model import Argument, Event, EventTime

DEFINITE = {"the", "this", "that", "these", "those", "its", "their"}
MIN_STEM = 4  # "deliver"/"delivery", "announce"/"announcement"; not "fly"/"flee"


def _definite(tok: Token) -> bool:
    """ "the merger", "this move", "its loss", and a name's or a nominal's possessive: "Vantor's cancellation",
    "the firm's decision" (the owner is named again, the act is the one told before)."""
    return tok.pos_ == "NOUN" and any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE or
                                      c.dep_ == "poss" and c.pos_ in {"PROPN", "NOUN"} for c in tok.children)


def _same_event_word(a: str, b: str) -> bool:
    """The same lemma, or a noun derived from the verb ("deliver" -> "delivery"): a long enough common start."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= MIN_STEM and n >= 0.75 * min(len(a), len(b))


def _actors(ev: Event) -> list[Argument]:
    return [a for a in ev.args if a.canonical and "/actor/" in a.canonical]


def follow_mentions(doc: Doc, events: list[Event], at: Optional[dict[int, Token]] = None) -> list[Event]:
    """`events` (in text order) with each anaphoric event noun given the actors and the time of its antecedent;
    `at`: each event's trigger token by its start (else every token of the doc is looked at)."""
    at = at if at is not None else {t.idx: t for t in doc}
    out: list[Event] = []
    for ev in events:
        tok = at.get(ev.start)
        ante = _antecedent(tok, out, at) if tok is not None and _definite(tok) else None
        if ante is not None:
            ev = _inherit(ev, ante)
        out.append(ev)
    return _headline_from_body(doc, out, at)


HEADLINE_REACH = 4  # the lead and the sentences after it tell the headline's news in full


def _headline_from_body(doc: Doc, events: list[Event], at: dict[int, Token]) -> list[Event]:
    """A headline's event is told again, in full, by the body: "Chrysler files for bankruptcy" ... "filed for
    bankruptcy on Thursday" (the same lemma or a derivation, within the first sentences): it takes that
    mention's actors when it names none."""
    sents = list(doc.sents)
    if not sents or sents[0].text.rstrip().endswith((".", "!", "?")):
        return events
    head_end, reach = sents[0].end_char, sents[min(len(sents) - 1, HEADLINE_REACH + 1)].end_char
    out = list(events)
    for k, ev in enumerate(events):
        tok = at.get(ev.start)
        if ev.start >= head_end or tok is None:
            continue
        body = next((b for b in events if head_end <= b.start < reach and (bt := at.get(b.start)) is not None
                     and _same_event_word(bt.lemma_.lower(), tok.lemma_.lower())), None)
        if body is not None:
            out[k] = _inherit(ev, body)
    return out


def antecedent_of(tok: Token, before: list[Event], at: dict[int, Token]) -> Optional[Event]:
    """The event told before that a definite event noun repeats ("Congress voted ... the vote"), else None."""
    return _antecedent(tok, before, at) if _definite(tok) else None


def _antecedent(tok: Token, before: list[Event], at: dict[int, Token]) -> Optional[Event]:
    lemma = tok.lemma_.lower()
    for prev in reversed(before):
        ptok = at.get(prev.start)
        if ptok is not None and ptok.i < tok.i and _same_event_word(ptok.lemma_.lower(), lemma):
            return prev
    return None


def _inherit(ev: Event, ante: Event) -> Event:
    """`ev` with the actors of `ante` as participants when it names none, and the time of `ante` when its own
    clause, sentence and tense give it none (`source` "article") and the antecedent's is a date the text names
    (its clause's or its sentence's, not one its tense suggests): "Vantor cancelled the deal on Tuesday ...
    criticised Vantor's cancellation" is Tuesday's cancellation, told again (source "discourse": the story
    gives it). A time of its own stays: a repeated mention ("analysts said the merger would cut costs") is
    anchored by its own clause (taking the antecedent's over it lost 0.005 F1 on the dev timelines)."""
    if _undated(ev) and ante.time is not None and ante.time.source in {"timex", "sentence"}:
        ev = replace(ev, time=EventTime(ante.time.value, ante.time.begin, ante.time.end_value, "discourse"))
    if _actors(ev) or not (_actors(ante) or ante.shared_actors):
        return ev
    return replace(ev, shared_actors=list(dict.fromkeys([a.canonical for a in _actors(ante)] + ante.shared_actors)))


def _undated(ev: Event) -> bool:
    """Dated only by the publication day (an intended event, time None, is left undated on purpose)."""
    return ev.time is not None and ev.time.source == "article"
