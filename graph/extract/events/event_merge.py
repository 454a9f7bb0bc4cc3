"""One act named twice in one clause is one event (issue #16: "accused X of Y, a charge X denies" is one accusation).

Two ways a clause names its act twice:
- a support (light) verb and the event noun it takes ("imposed sanctions on", "launched an attack", "staged a
  protest", "held talks"): the noun names the act, the verb only says that someone did it. The noun is kept as the
  event (its CAMEO type is the act's: 163, 190, 140, 040) with the verb's participants it lacks (`_support` in
  event_args.py already made the verb's subject its agent); the verb is dropped. A patient-support verb
  ("suffered defeats", "sustained injuries", "underwent surgery", "received a blow") says the same of the one the
  act befell: its subject is the noun's target (`_support` again), and the verb is dropped the same way.
- an event noun in apposition that sums up the clause before it with the same kind of act ("accused the UAE of
  arming the RSF, a charge the UAE denies", "accused the opposition of ..., an accusation its leaders reject"): the
  noun repeats the verb's act; the verb is kept, the noun dropped (the denial still reads "UAE deny charge": its
  label takes the noun's word, not its event).
"Same kind" is the same CAMEO root (the first two digits): "launched an appeal" (020 by the noun) is an appeal;
"claimed responsibility for the attack" names two acts (a claim, an attack) and keeps both.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Optional

from spacy.tokens import Doc, Token

from graph.extract.events.event_args import SERIES_NOUNS, SUPPORT_VERBS
from graph.extract.model import Event

# support verbs that are acts of their own whatever noun they take: saying, reporting, claiming, ordering
# ("announced cuts": an announcement; "ordered an attack": an order, the attack is another act)
NOT_LIGHT = {"report", "announce", "unveil", "present", "outline", "claim", "admit", "accept", "order", "declare",
             "issue", "post", "set", "open", "begin", "start", "sign", "reach", "give", "deliver"}
LIGHT_VERBS = {v for v, role in SUPPORT_VERBS.items() if role == "agent"} - NOT_LIGHT
# patient-support verbs (SUPPORT_VERBS, role "target"): their subject undergoes the noun's act, they add no act
PATIENT_VERBS = {v for v, role in SUPPORT_VERBS.items() if role == "target"}
# "receive" is one only for violence ("received blows"); "received orders", "received approval": a recipient
RECIPIENT_VERBS = {"receive"}
VIOLENT_ROOTS = {"18", "19", "20"}
AIMED_PREPS = {"on", "against", "at"}


def _root(code: str) -> str:
    return code[:2]


def _light_verb_of(noun: Token) -> Optional[Token]:
    """The support verb whose object is `noun` ("imposed sanctions", "carried out the bombing"), else None."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in SERIES_NOUNS:
        noun = noun.head.head  # "carried out a series of attacks"
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in LIGHT_VERBS | PATIENT_VERBS:
        return None
    return verb


def _clause_of_apposition(noun: Token) -> Optional[Token]:
    """The verb whose clause an appositive event noun sums up: the nearest clause-heading verb above it."""
    # (the parser also hangs "an accusation Kigali rejects" on the relative clause's verb, as its nmod)
    if not (noun.dep_ in {"appos", "npadvmod", "nmod"} and any(t.text == "," for t in noun.doc[
            max(0, noun.left_edge.i - 1):noun.i])):
        return None
    return next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"} and a.i < noun.left_edge.i and a.dep_ in {
        "ROOT", "conj", "ccomp", "advcl", "parataxis"}), None)


def one_act(doc: Doc, events: list[Event], at: dict[int, Token],
            relabel: Callable[[Token, Event], str]) -> list[Event]:
    """`events` with each act named twice in one clause kept once (see the module docstring); `relabel` labels a
    noun's event again once it has the support verb's participants."""
    by_tok = {tok.i: k for k, ev in enumerate(events) if (tok := at.get(ev.start)) is not None}
    drop: set[int] = set()
    merged: dict[int, Event] = {}
    for k, ev in enumerate(events):
        tok = at.get(ev.start)
        if tok is None or tok.pos_ != "NOUN":
            continue
        verb = _light_verb_of(tok)
        if not ev.type and (verb is None or verb.lemma_.lower() not in PATIENT_VERBS):
            continue  # (an untyped act still is one when it befalls the subject: "underwent a restructuring")
        if verb is not None and verb.lemma_.lower() in RECIPIENT_VERBS and _root(ev.type) not in VIOLENT_ROOTS:
            continue
        if verb is not None and verb.i in by_tok:
            vk = by_tok[verb.i]
            if not events[vk].type or _root(events[vk].type) == _root(ev.type):
                drop.add(vk)
                merged[k] = _with_verb(merged.get(k, ev), events[vk], verb)
            continue
        clause = _clause_of_apposition(tok)
        if clause is not None and clause.i in by_tok and _root(events[by_tok[clause.i]].type) == _root(ev.type):
            drop.add(k)
    for k, ev in merged.items():
        ev.label = relabel(at[ev.start], ev)
    return [merged.get(k, ev) for k, ev in enumerate(events) if k not in drop]


def _with_verb(noun: Event, verb: Event, vtok: Token) -> Event:
    """The noun's event with the support verb's place, the one it is aimed at ("imposed sanctions on three
    commanders", "launched an attack against the base": the commanders, the base) when the noun names none, and,
    when the noun has only a weaker one, the verb's time. (The verb's subject is the noun's agent already; its
    other phrases are the verb's: "committed the attack, police said in a handout".)"""
    have = {(a.start, a.end) for a in noun.args}
    aimed = {o.idx for p in vtok.children if p.dep_ == "prep" and p.lower_ in AIMED_PREPS
             for o in p.children if o.dep_ == "pobj"}
    has_target = any(a.role == "target" for a in noun.args)
    extra = [a for a in verb.args if (a.start, a.end) not in have and (
        a.role == "place" and noun.place is None or a.role == "target" and not has_target and a.start in aimed)]
    stronger = verb.time is not None and (noun.time is None or noun.time.source != "timex"
                                          and verb.time.source == "timex")
    return replace(noun, args=noun.args + extra, place=noun.place or verb.place,
                   time=verb.time if stronger else noun.time, modality=verb.modality
                   if noun.modality == "asserted" else noun.modality)
