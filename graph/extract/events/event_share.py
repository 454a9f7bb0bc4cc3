"""Which event's time another one shares (graph/extract/events/event_time.py, step 1 and its sharing): the syntax of
coordination, control, same-time and participial clauses, event nouns under verbs, and the repair of one misparse
(a finite verb hung on the main verb or a noun with nothing joining them: `_run_on`)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from graph.extract.events.event_frame import JUDGEMENT, REPORTING
from graph.extract.events.event_modality import INTENT

# "When MINUSMA left ... on October 31, the rebels seized control": a clause opened by one of these shares its time
SAME_TIME_MARKS = {"when", "as", "while", "once"}
# Verbs whose subject came before them: "the bombing prompted protests on Friday" does not date the bombing
CAUSE = {"cause", "prompt", "trigger", "spark", "provoke", "lead", "force", "result", "fuel", "drive"}
# "with the ship sailing slowly", "while waiting", "upon arriving": a gerund under these goes on at the time of the verb
# the preposition modifies (not "after" or "before": "suspended since 2003 after violating the law" was years apart)
ADJACENT_PREPS = {"with", "while", "upon"}


def same_time_clause(tok: Token) -> bool:
    return any(g.dep_ in {"mark", "advmod"} and g.lower_ in SAME_TIME_MARKS and g.i < tok.i for g in tok.children)


def sharing_head(tok: Token, triggers: set[int]) -> Optional[Token]:
    """The event whose time this one shares: the first conjunct of a coordination ("was fired and founded NeXT"),
    the governor of a controlled verb ("agreed to buy", "began to withdraw"), of a same-time or participial
    clause ("When ... , the rebels seized", "said ..., adding"), the verb of an event noun that is its object
    ("negotiated the purchase", "made its maiden flight") or its subject, unless the verb caused it or speaks of it
    ("the attack took place", "the flight lasted four hours"; not "the bombing prompted protests")."""
    head, dep = tok.head, tok.dep_
    if dep == "pcomp" and head.lower_ in ADJACENT_PREPS and head.head.i in triggers and tok.tag_ == "VBG":
        return head.head  # "the trip lasted two hours, with the ship sailing slowly"
    if dep == "pobj" and tok.pos_ == "NOUN" and head.dep_ in {"prep", "agent"}:
        head = head.head  # "filed for bankruptcy": the noun under the verb's preposition
    if dep in {"conj", "advcl", "acl"} and _run_on(tok):
        before = _trigger_over(tok.doc[tok.left_edge.i - 1], triggers)
        # (not the verb it hangs on: "was chosen as its date matches ...", where "as" is read as a preposition, is
        # still a clause of its own, which the rules below decide on)
        if before is not None and (before.i != head.i or dep == "acl"):
            return before  # "after a visit by the minister led to clashes": the visit's clause, not the main verb's
    if head.i == tok.i or head.i not in triggers:
        return None
    if dep == "conj" or dep == "xcomp" and head.lemma_.lower() not in INTENT:
        return head  # not "vowed to keep fighting": what is intended has not happened yet
    if dep == "advcl" and (same_time_clause(tok) or participial(tok)):
        return head
    if tok.pos_ != "NOUN":
        return None
    if head.pos_ not in {"VERB", "AUX"} or head.lemma_.lower() in REPORTING | JUDGEMENT:
        return None  # "blamed the ELN for the bombing": the bombing came first
    if dep in {"dobj", "pobj"} or dep in {"nsubj", "nsubjpass"} and head.lemma_.lower() not in CAUSE:
        return head  # "the attack took place", "the test flight lasted four hours": what the verb says of it
    return None


def _run_on(tok: Token) -> bool:
    """A finite verb the parser hung on the main verb or on a noun though nothing joins them: no "and", no comma, no
    conjunction, no subject of its own ("... driven out after a visit by the minister led to clashes", coordinated
    with the main verb or made a reduced relative of "visit"). Its subject is the phrase just before it, so it goes
    on the clause that phrase is in."""
    if tok.tag_ not in {"VBD", "VBZ", "VBP"} or tok.left_edge.i == 0 or tok.left_edge.i <= tok.head.i:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj", "mark", "cc"} for c in tok.children):
        return False
    between = tok.doc[tok.head.i + 1:tok.left_edge.i]
    return not any(t.head.i == tok.head.i and t.dep_ in {"cc", "preconj"} for t in between) \
        and tok.doc[tok.left_edge.i - 1].text not in {",", ";", ":", "-", "—", "–", "and", "or", "but"}


def _trigger_over(tok: Token, triggers: set[int]) -> Optional[Token]:
    """The nearest event at or above the token."""
    for t in (tok, *tok.ancestors):
        if t.i in triggers:
            return t
    return None


def participial(tok: Token) -> bool:
    """ "..., saying that ...", "Speaking to the press, he ...": a participle adjunct without a conjunction."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(c.dep_ == "mark" for c in tok.children)
