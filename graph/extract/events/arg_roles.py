"""What a participant found by syntax (event_args.py) is to its event, from what it is (WordNet, entities).

Syntax alone says subject = agent, object = target, prepositional object = other. The word's meaning corrects it:
- a weapon is the instrument ("other"), never the agent or target: "a roadside bomb killed four", "killed by an
  improvised explosive device", "detonated the bombs" (CAMEO codes actors; a bomb is none);
- the subject of an intransitive change of state undergoes it (VerbNet's Patient/Theme, not an Agent): "two
  guards died" (target); what explodes is the bomb, the instrument: "the device exploded";
- a building, road, facility or place after a locative preposition is where it happened ("near the market",
  "at the checkpoint"), as named places already are;
- a stretch of time is no participant ("in 40 minutes", "for two days": the time expressions are dated apart).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from graph.extract.events import wordnet_lexicon as wn
from graph.extract.events.cameo import VERB_OBJECT_CODES
from graph.extract.events.event_args import TokenIndex, antecedent
from graph.extract.text.phrases import first_conjunct

LOCATIVE = {"in", "at", "near", "on", "outside", "inside", "across", "throughout", "around", "along", "into",
            "onto", "within", "beside", "behind", "off", "past", "opposite", "outside of", "towards", "toward"}
# CAMEO roots whose subject acts even without an object ("Iran mobilized", "rebels retreated", "crowds protested")
AGENTIVE_ROOTS = {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16",
                  "17", "19"}
EXPLOSION = "183"
PLACE_ENTS = {"GPE", "LOC", "FAC"}
VIOLENCE = {"18", "19", "20"}
# codes of acts done to someone, whose noun's possessor is that someone: arrest, charge, trial (173), deportation
# (174), conviction (116), kidnapping (181), injury (182), killing (1823), assassination (186), release (080)
PATIENT_POSSESSOR = {"173", "174", "116", "181", "182", "1823", "186", "080"}
OPPONENT = {"with", "against"}
AIMED = {"on", "to", "against", "into"}
DYADIC = {"14", "18", "19", "20"}  # fights, assaults and protests: "with"/"against" names the other side
NOT_PARTICIPANTS = {"noun.act", "noun.event", "noun.state", "noun.attribute", "noun.cognition", "noun.feeling",
                    "noun.motive", "noun.communication"}
OCCUPY = "192"  # "the capture of Kidal": the place taken is what the event is about


def weapon(tok: Token) -> bool:
    """A weapon or explosive, also by its modifier ("car bomb", "explosive device")."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    return wn.noun(tok.lemma_).tag == "weapon" or any(
        c.dep_ in {"compound", "amod"} and wn.noun(c.lemma_).tag == "weapon" for c in tok.children)


def _patient_subject(trig: Token, code: str) -> bool:
    """The trigger is an intransitive change of state, so its subject undergoes it ("died", "exploded")."""
    if trig.pos_ != "VERB" or wn.verb(trig.lemma_).lexfile != "verb.change" or code[:2] in AGENTIVE_ROOTS:
        return False
    return not any(c.dep_ in {"dobj", "dative", "agent"} for c in trig.children)


def _site(tok: Token, ix: TokenIndex) -> bool:
    """A place, a building, road or facility: also a name whose head says so ("Oxford Street", "Camp Bastion")
    even when it names an organisation too; a person or another organisation is none."""
    if tok.ent_type_ in PLACE_ENTS or ix.loc[tok.i] is not None:
        return True
    ent = ix.ent[tok.i]
    sense = wn.noun(tok.lemma_.lower())
    if ent is not None and (ent.type == "PERSON" or tok.pos_ != "PROPN" or sense.tag != "site"):
        return False
    return sense.tag == "site" or sense.lexfile == "noun.location"


def _time_span(tok: Token, ix: TokenIndex) -> bool:
    return tok.pos_ == "NOUN" and ix.ent[tok.i] is None and wn.noun(tok.lemma_).lexfile == "noun.time"


def _abstraction(tok: Token, ix: TokenIndex) -> bool:
    """An act, idea or state named after a preposition ("charged with treason", "in one incident"): what the
    event is about, not an actor, a thing or a place that takes part."""
    return (tok.pos_ == "NOUN" and ix.ent[tok.i] is None and ix.loc[tok.i] is None
            and wn.noun(tok.lemma_).lexfile in NOT_PARTICIPANTS)


def _undergone(noun: Token, code: str) -> bool:
    """An event noun whose possessor undergoes it ("his arrest", "her killing") unless an "of" phrase names
    who did ("the army's killing of civilians")."""
    if code not in PATIENT_POSSESSOR and noun.lemma_.lower() not in {"death", "injury"}:
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _between(tok: Token) -> bool:
    """tok is a side named by "between": its first object ("between troops and ...") or a conjunct of it."""
    first = first_conjunct(tok)
    return first.dep_ == "pobj" and first.head.lower_ == "between"


def refine(trig: Token, tok: Token, role: str, code: str, ix: TokenIndex) -> Optional[str]:
    """The role of participant tok of trig (CAMEO code `code`) given its syntactic role; None: no participant."""
    if tok.dep_ == "dobj" and (trig.lemma_.lower(), tok.lemma_.lower()) in VERB_OBJECT_CODES:
        return None  # the "fire" of "opened fire": part of the act
    if role == "other" and tok.dep_ == "pobj" and tok.head.lower_ in AIMED and tok.head.head == trig and any(
            (trig.lemma_.lower(), c.lemma_.lower()) in VERB_OBJECT_CODES for c in trig.children if c.dep_ == "dobj"):
        return "target"  # "opened fire on worshippers", "set fire to a school": what it was aimed at
    if role in {"agent", "target"} and weapon(antecedent(tok)):  # "a device that exploded": what "that" is
        return "other"
    if role == "agent" and tok.dep_ == "nsubj" and tok.head == trig and _patient_subject(trig, code):
        return "other" if code == EXPLOSION else "target"
    if (role == "target" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and code[:2] in VIOLENCE
            and code != OCCUPY and _site(tok, ix) and ix.ent[tok.i] is None):
        return "place"  # "the bombing of the city": where the violence was, not an actor it was done to
    if role == "agent" and tok.dep_ == "poss" and tok.head == trig and _undergone(trig, code):
        return "target"  # "his arrest", "her trial", "their deaths": who it was done to
    if role == "agent" and tok.dep_ == "nsubj" and trig.dep_ == "pobj" and tok.head == trig.head.head \
            and code in PATIENT_POSSESSOR:
        return "target"  # "McVeigh went on trial" (not "workers went on strike"): who it is done to
    if role == "other" and tok.dep_ == "pobj" and tok.head.lower_ in OPPONENT and code[:2] in DYADIC and not weapon(tok):
        return "target"  # "clashed with police", "fought against the rebels": the other side
    if role == "other" and code[:2] in DYADIC and _between(tok):
        # "a battle between troops and militants": the first side, then the other
        return "agent" if tok.dep_ == "pobj" else "target"
    if role == "other" and tok.dep_ == "pobj":
        if _time_span(tok, ix):
            return None
        if tok.head.lower_ in LOCATIVE and _site(tok, ix):
            return "place"
        if _abstraction(tok, ix):
            return None
    return role
