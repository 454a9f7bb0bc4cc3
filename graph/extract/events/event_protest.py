"""What protesters do is a protest (CAMEO 14): the acts of people WordNet files as protesters ("demonstrators",
"protesters", "rioters", "dissidents": the `protester` tag of wordnet_build.py) as their subject.

- a fight or an assault by them, or something thrown at people, is a violent protest, a riot (145): "protesters
  clashed with police" (not the military force, 190, of a clash between armed actors), "threw bottles at the
  police"; killing stays killing (1823, 186, 202);
- blocking a road or a building is obstructing passage (144): "demonstrators blocked the main avenue";
- moving, gathering, chanting or another act with no CAMEO code of its own is the demonstration (141):
  "protesters marched on parliament", "gathered outside the station", "chanted slogans".
Saying, demanding, rejecting keep their own codes ("protesters demanded a recount": 100).
"""
from __future__ import annotations

from spacy.tokens import Token

from graph.extract.events import wordnet_lexicon as wn
from graph.extract.text.phrases import relative_antecedent

RIOT, OBSTRUCT, DEMONSTRATE = "145", "144", "141"
KILLINGS = {"1823", "186", "202"}
OBSTRUCTING = {"block", "barricade", "obstruct", "blockade", "occupy", "seal off", "block off", "shut down"}
# verb files of what a crowd does in a demonstration (not thinking, owning, feeling, perceiving)
DEMONSTRATING_FILES = {"verb.motion", "verb.social", "verb.communication", "verb.contact", "verb.competition"}
QUANTITY_FILES = {"noun.quantity", "noun.group"}


def protester(tok: Token) -> bool:
    """A protester noun, also counted or grouped: "protesters", "thousands of demonstrators", "a crowd of rioters"."""
    if wn.noun(tok.lemma_).tag == "protester":
        return True
    if tok.pos_ == "NUM" or wn.noun(tok.lemma_).lexfile in QUANTITY_FILES:
        return any(o.dep_ == "pobj" and protester(o) for p in tok.children if p.lower_ == "of" for o in p.children)
    return False


def _doers(trig: Token) -> list[Token]:
    """The verb's subject (a relative pronoun's noun: "the protesters, who blocked"), or its governor's for a
    coordinated verb ("marched ... and blocked the road")."""
    verb = trig
    while True:
        subs = [relative_antecedent(c) for c in verb.children if c.dep_ == "nsubj"]
        if subs or verb.dep_ != "conj" or verb.head.i == verb.i:
            return subs
        verb = verb.head


def _thrown_at_people(trig: Token) -> bool:
    """Something thrown or fired at people: "threw bottles at the police", "hurled stones at officers"."""
    return wn.verb(trig.lemma_).lexfile == "verb.contact" and any(
        o.dep_ == "pobj" and (wn.noun(o.lemma_).lexfile in {"noun.person", "noun.group"} or wn.noun(o.lemma_).tag
                              == "armed") for p in trig.children if p.dep_ == "prep" and p.lower_ == "at"
        for o in p.children)


def protest_code(trig: Token, code: str, noun: bool, phrase: str) -> str:
    """The trigger's code as a protest when protesters do it (see the module docstring), else `code`."""
    if noun or not any(protester(s) for s in _doers(trig)):
        return code
    if code[:2] in {"18", "19"} and code not in KILLINGS or not code and _thrown_at_people(trig):
        return RIOT
    if phrase in OBSTRUCTING or trig.lemma_.lower() in OBSTRUCTING:
        return OBSTRUCT
    if not code and wn.verb(trig.lemma_).lexfile in DEMONSTRATING_FILES:
        return DEMONSTRATE
    return code
