"""Events that are only intended: the complement of an intention ("vowed to retake the city", "plans to attack",
"its determination to retake it", "asked Havana to expel them").

Such an event has not happened (TimeML links it to its intention by a modal SLINK): its class is `intention`,
it takes no time from its sentence, the discourse or the article (the intention has them: "vowed on Monday"),
only one its own clause states ("plans to open the plant in 2026"), and the default timeline leaves it out. CAMEO
codes the intention instead (codebook, root 13): vowing, pledging or threatening to use force is a threat of
force, 138 and its subcodes by the force intended (1381 blockade, 1382 occupation, 1383 unconventional violence,
1384 conventional attack); threatening repression or arrests is 137.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from graph.extract.events.event_args import INTENT_NOUNS
from graph.extract.events.event_modality import INTENT

# verbs a controlled complement passes through to its intention: "vowed to keep fighting", "plans to start
# withdrawing", "vowed to retake the city and expel the rebels"
PASS_THROUGH = {"keep", "continue", "start", "begin", "resume", "go", "try", "attempt", "be", "get"}
# intentions that commit their holder to act (CAMEO 03 "express intent" and 13 "threaten")
COMMISSIVES = {"vow", "pledge", "promise", "swear", "threaten", "warn", "vowing", "threat", "pledge", "promise"}


def intention_of(trig: Token) -> Optional[Token]:
    """The intention verb or noun whose complement trig is ("retake" -> "vowed"), else None."""
    tok = trig
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            return None
        lemma = head.lemma_.lower()
        if tok.dep_ == "xcomp" and head.pos_ == "VERB" and lemma in INTENT and tok.tag_ == "VB":
            return head
        if tok.dep_ == "acl" and head.pos_ == "NOUN" and lemma in INTENT_NOUNS and tok.tag_ == "VB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return head  # "its determination to retake it", "a plan to attack"
        if tok.dep_ == "conj" and tok.tag_ == "VB" or tok.dep_ == "xcomp" and lemma in PASS_THROUGH:
            tok = head  # "to retake the city and (to) expel ...", "to keep fighting"
            continue
        return None
    return None


def threat_code(intent: Token, intended_code: str) -> Optional[str]:
    """The CAMEO threat an intention to act by force is ("vowed to retake": 1382), or None."""
    if intent.lemma_.lower() not in COMMISSIVES or not intended_code:
        return None
    if intended_code == "191":
        return "1381"
    if intended_code == "192":
        return "1382"
    if intended_code[:2] in {"18", "20"}:
        return "1383"
    if intended_code[:2] == "19":
        return "1384"
    if intended_code[:2] == "17":
        return "137"
    return None
