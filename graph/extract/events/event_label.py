"""An event's label: a short subject-predicate-object clause ("Taliban ramp up attacks", "Rebels capture Kidal"), or
a passive one when no one is named as the doer ("At least 40 civilians killed").

The subject and object are the agent and target named as the graph knows them (an actor's name), a phrase cut at
its first comma or relative clause; a pronoun stands for its antecedent actor when coreference found one and is
left out otherwise ("tell I" -> "tell"), a relative pronoun for the noun it modifies ("Taliban dismiss which" ->
"Taliban dismiss the report"), quote marks are no names. The predicate is the verb's lemma with its particle
("ramp up"); a nominal that is also a verb reads as one ("capture Kidal"), another takes its target with "of"
("withdrawal of the troops").
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token

from graph.extract.events import wordnet_lexicon as wn
from graph.extract.events.event_args import TokenIndex, argument
from graph.extract.events.event_type import phrase
from graph.extract.model import Argument

PRONOUNS = {"i", "me", "you", "he", "him", "she", "her", "it", "we", "us", "they", "them", "this", "that", "these",
            "those", "one", "someone", "somebody", "anyone", "everyone", "itself", "themselves", "himself",
            "herself", "myself", "ourselves", "yourself"}
RELATIVES = {"which", "that", "who", "whom", "whose", "what"}
QUOTES = "'\"‘’“”`´«»"


def event_label(trig: Token, noun: bool, agent: Optional[Argument], target: Optional[Argument],
                ix: TokenIndex) -> str:
    subject, obj = name(agent, trig, ix), name(target, trig, ix)
    lemma = trig.lemma_.lower()
    if not noun and not subject and obj and _passive(trig):
        return f"{obj} {trig.lower_}"  # no one named as doing it: "At least 40 civilians killed", not "kill ..."
    if noun and not wn.verb(lemma).lexfile:
        parts = [subject, lemma, f"of {obj}" if obj else ""]  # "withdrawal of the troops"
    elif noun:
        parts = [subject, lemma, obj]  # a noun that is also a verb reads as one: "Rebels capture Kidal"
    else:
        parts = [subject, phrase(trig), obj]
    return " ".join(p for p in parts if p) or trig.lemma_.lower()


def _passive(trig: Token) -> bool:
    """A passive participle: "were killed", "the town, seized on Monday"."""
    return trig.tag_ == "VBN" and (any(c.dep_ in {"auxpass", "nsubjpass"} for c in trig.children)
                                   or trig.dep_ in {"acl", "relcl"} and not any(c.dep_ == "aux" for c in trig.children))


def with_intended(label: str, intended: Token, target: Optional[Argument], ix: TokenIndex) -> str:
    """An intention's label with what it intends ("Burhan vow" -> "Burhan vow to retake the city")."""
    obj = name(target, intended, ix)
    return f"{label} to {phrase(intended)}" + (f" {obj}" if obj else "")


def name(arg: Optional[Argument], trig: Token, ix: TokenIndex) -> str:
    """The argument as a label wants it (see the module docstring); "" when it names nobody."""
    if arg is None:
        return ""
    if arg.canonical in ix.labels:
        return ix.labels[arg.canonical]
    text = arg.text.strip(QUOTES + " ")
    low = text.lower()
    if low in RELATIVES and trig.dep_ == "relcl" and trig.head.pos_ in {"NOUN", "PROPN"}:
        head = argument(trig.head, arg.role, ix)  # "the report, which the Taliban dismissed"
        return name(head, trig.head, ix) if head is not None and head.text.lower() not in RELATIVES else ""
    if not text or low in PRONOUNS or low in RELATIVES:
        return ""
    head = re.split(r",(?!\d{3})|\s(?:which|who|that|where)\s", text, maxsplit=1)[0].strip(QUOTES + " ")
    head = re.sub(r"\s*['’]s$", "", head)  # a possessor: "the army's shelling" -> "the army"
    words = head.split()
    return " ".join(words[:8]) + (" …" if len(words) > 8 else "")
