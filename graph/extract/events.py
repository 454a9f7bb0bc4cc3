"""Event frames from the dependency parse: one event per main verb.

v0: every content verb is a trigger; its nominal subject is the agent, its object
(or passive subject) the target; the place is a location hanging off the verb's
subtree without crossing another verb; the time is a time expression linked to the
verb the same way, else one in the sentence, else the publication date.
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from spacy.tokens import Doc, Token

from .cameo import code_for
from .model import Argument, Entity, Event, EventPlace, EventTime, Location, Timex

SUBJECTS = {"nsubj", "agent"}
OBJECTS = {"dobj", "nsubjpass", "attr", "dative"}
SPEECH = {"say", "tell", "state", "announce", "declare", "report", "insist", "claim", "add"}
NEGATIONS = {"not", "n't", "never", "no"}
HYPOTHETICAL = {"could", "might", "may", "would", "should", "if", "unless"}


def _is_trigger(tok: Token) -> bool:
    return tok.pos_ == "VERB" and tok.dep_ not in {"aux", "auxpass", "amod"} and tok.is_alpha


def _clause_verb(tok: Token) -> Optional[Token]:
    """The nearest verb governing tok (the clause it belongs to)."""
    for anc in tok.ancestors:
        if anc.pos_ in {"VERB", "AUX"} and anc.dep_ not in {"aux", "auxpass"}:
            return anc
    return None


def _covering(items: list, tok: Token):
    for it in items:
        if it.start <= tok.idx < it.end:
            return it
    return None


def _argument(tok: Token, role: str, entities: list[Entity]) -> Argument:
    ent = _covering(entities, tok)
    if ent is not None:
        return Argument(ent.start, ent.end, ent.text, role, ent.canonical)
    left = min((t for t in tok.subtree if t.i <= tok.i and t.dep_ in {"det", "compound", "amod", "poss", "nummod", "case"} or t.i == tok.i), key=lambda t: t.i)
    span = tok.doc[left.i : tok.i + 1]
    return Argument(span.start_char, span.end_char, span.text, role)


def _modality(verb: Token) -> str:
    kids = {c.lower_ for c in verb.children}
    if kids & NEGATIONS:
        return "negated"
    if kids & HYPOTHETICAL or any(a.lower_ in HYPOTHETICAL for a in verb.ancestors):
        return "hypothetical"
    head = verb.head
    if verb.dep_ in {"ccomp", "parataxis"} and head.lemma_ in SPEECH:
        return "reported"
    return "asserted"


def _linked(items: list, verb: Token, sent_start: int, sent_end: int) -> tuple[object, bool]:
    """An item (timex/location) in the sentence, preferring one whose clause verb is `verb`."""
    doc = verb.doc
    in_sent = [it for it in items if sent_start <= it.start < sent_end]
    for it in in_sent:
        tok = doc.char_span(it.start, it.end, alignment_mode="expand")
        if tok is not None and _clause_verb(tok.root) == verb:
            return it, True
    return (in_sent[0], False) if in_sent else (None, False)


def find_events(doc: Doc, timexes: list[Timex], locations: list[Location],
                entities: list[Entity], dct: datetime) -> list[Event]:
    dated = [t for t in timexes if t.type in {"DATE", "TIME"} and t.begin]
    events: list[Event] = []
    for si, sent in enumerate(doc.sents):
        for verb in sent:
            if not _is_trigger(verb):
                continue
            args = [_argument(c, "agent", entities) for c in verb.children if c.dep_ in SUBJECTS]
            args += [_argument(c, "target", entities) for c in verb.children if c.dep_ in OBJECTS]
            code = code_for(verb.lemma_)
            timex, direct = _linked(dated, verb, sent.start_char, sent.end_char)
            if timex is not None:
                time = EventTime(timex.value, timex.begin, timex.end_value, "timex" if direct else "sentence")
                args.append(Argument(timex.start, timex.end, timex.text, "time"))
            else:
                day = dct.date().isoformat()
                time = EventTime(day, f"{day}T00:00:00", f"{day}T23:59:59", "article")
            loc, _ = _linked(locations, verb, sent.start_char, sent.end_char)
            place = None
            if loc is not None:
                place = EventPlace(loc.text, loc.geonames_id, loc.lat, loc.lon, loc.canonical)
                args.append(Argument(loc.start, loc.end, loc.text, "place", loc.canonical))
            agent = next((a.text for a in args if a.role == "agent"), "")
            target = next((a.text for a in args if a.role == "target"), "")
            events.append(Event(
                verb.idx, verb.idx + len(verb.text), verb.text, code or "",
                args=args, time=time, place=place, sentence=si, modality=_modality(verb),
                confidence=0.6 if code else 0.3,
                label=" ".join(x for x in (agent, verb.lemma_, target) if x),
            ))
    return events
