"""Names the text itself describes: armed groups told by their descriptor, and names introduced by "known as".

spaCy's small model calls an unfamiliar group's name a PERSON ("Fano", "Viv Ansanm"); the sentence usually says
what it is. A name is an armed group when the text describes it as one (one sense per article):
- a descriptor noun right after it: "the Fano militia", "local Fano militiamen", "Hamas fighters";
- an apposition headed by one: "The Fano, a volunteer militia that ...";
- an armed nominal introducing it: "The gang coalition, known as Viv Ansanm";
- "members of X" in a sentence about violence ("Members of Viv Ansanm attacked ...").

"known as" / "called" / "dubbed" / "nicknamed" introduces a second name for what the phrase before it
refers to: a person's nickname ('Jimmy Chérizier, known as "Barbecue"') is that person's alias; a common noun
phrase's name ("The gang coalition, known as Viv Ansanm") names that nominal's actor.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span, Token

from graph.extract.actors.actors_lexicon import ARMED_WORDS, DEMONYM_TO_ISO, NAME_TO_ISO
from graph.extract.actors.name_spans import glued_markers

# lemmas of nouns that say the name before them, or the name they are in apposition with, is an armed group
ARMED_DESCRIPTORS = frozenset({"militia", "militiaman", "militiamen", "fighter", "rebel", "gang", "gangster",
                               "insurgent", "militant", "jihadist", "guerrilla", "paramilitary", "paramilitaries",
                               "gunman", "mercenary", "insurgency", "rebellion", "separatist"})
# the descriptors that name one member when singular: "Imam Shamil, the legendary fighter" is a person, "The Fano, a
# volunteer militia" a group
MEMBER_DESCRIPTORS = frozenset({"militiaman", "fighter", "rebel", "gangster", "insurgent", "militant", "jihadist",
                                "guerrilla", "gunman", "mercenary", "separatist"})
# verbs that introduce another name: "known as X", "called X", "dubbed X", "nicknamed X"
NAMING_VERBS = frozenset({"know", "call", "dub", "nickname", "name"})
# "members of X" makes X an armed group only in a sentence about violence
VIOLENCE_LEMMAS = frozenset({"attack", "kill", "storm", "fight", "clash", "shoot", "abduct", "kidnap", "ambush",
                             "raid", "seize", "loot", "burn", "armed", "gun", "weapon", "violence", "massacre",
                             "shell", "bomb", "besiege", "overrun", "capture", "arrest"})
NAME_ENT_OK = {"", "PERSON", "ORG", "GPE", "FAC"}  # an NER label a misread group name may carry


@dataclass
class Described:
    armed: dict  # normalised name -> display name of the names described as armed groups
    aliases: list  # (alias span, head token) pairs: "Barbecue" -> the token of "Chérizier" or "coalition"


def _is_name_token(t: Token, loc_at) -> bool:
    if t.pos_ != "PROPN" or not (t.is_title or t.is_upper or t.text[:1].isupper()):
        return False
    if t.ent_type_ not in NAME_ENT_OK or t.lower_ in DEMONYM_TO_ISO or t.lower_ in NAME_TO_ISO:
        return False
    return loc_at[t.i] is None and t.i not in glued_markers(t.doc)  # "CU rebels": a code, no name


def _run_ending(doc: Doc, end: int, loc_at) -> Optional[Span]:
    """The run of name tokens ending just before token index `end`."""
    s = end
    while s > 0 and _is_name_token(doc[s - 1], loc_at) and not doc[s - 1].is_sent_start:
        s -= 1
    if s > 0 and doc[s - 1].is_sent_start and _is_name_token(doc[s - 1], loc_at):
        s -= 1
    return doc[s:end] if s < end else None


def _run_starting(doc: Doc, start: int, loc_at) -> Optional[Span]:
    e = start
    while e < len(doc) and (_is_name_token(doc[e], loc_at) or (e > start and doc[e].text in {"-"})):
        e += 1
    while e > start and not doc[e - 1].is_alpha:
        e -= 1
    return doc[start:e] if e > start else None


def _armed_noun(t: Token) -> bool:
    return t.lemma_.lower() in ARMED_DESCRIPTORS or t.lower_ in ARMED_DESCRIPTORS


def _armed_phrase(t: Token) -> bool:
    """A noun phrase describing an armed group: its head or a modifier is an armed word ("a volunteer militia",
    "the gang coalition", "an armed group")."""
    if _armed_noun(t):
        return True
    return any(c.dep_ in {"compound", "amod"} and (_armed_noun(c) or c.lower_ in ARMED_WORDS) for c in t.children)


def _norm(text: str) -> str:
    from graph.extract.actors.actor_clusters import norm_name as norm
    return norm(text)


def find_described(doc: Doc, loc_at) -> Described:
    armed: dict[str, str] = {}
    aliases: list[tuple[Span, Token]] = []

    def mark(span: Optional[Span]) -> None:
        if span is None or not any(ch.isalpha() for ch in span.text):
            return
        from graph.extract.actors.actor_clusters import canonical_name
        armed.setdefault(_norm(span.text), canonical_name(span.text))

    for t in doc:
        if t.pos_ == "NOUN" and _armed_noun(t) and t.i > 0 and not doc[t.i - 1].is_punct:
            # "the Fano militia", "Hamas fighters" (not "Tuareg rebels": a demonym, not a name)
            run = _run_ending(doc, t.i, loc_at)
            if run is not None and run.root.dep_ in {"compound", "nmod", "amod"}:
                mark(run)
        if t.dep_ == "appos" and t.pos_ == "NOUN" and _armed_phrase(t) and _is_name_token(t.head, loc_at) \
                and not (t.tag_ == "NN" and t.lemma_.lower() in MEMBER_DESCRIPTORS):
            # "The Fano, a volunteer militia that ...": the name the apposition describes
            head = t.head
            mark(_run_ending(doc, head.i + 1, loc_at))
        if t.lemma_.lower() in {"member", "fighter", "militiaman", "militiamen"} and t.i + 2 < len(doc) \
                and doc[t.i + 1].lower_ == "of":
            k = t.i + 2
            if doc[k].lower_ == "the":
                k += 1
            run = _run_starting(doc, k, loc_at)
            if run is not None and run.root.ent_type_ in {"", "PERSON"} and (
                    t.lemma_.lower() != "member" or any(w.lemma_.lower() in VIOLENCE_LEMMAS for w in t.sent)):
                mark(run)
        if t.lemma_.lower() in NAMING_VERBS and t.tag_ == "VBN" and t.dep_ in {"acl", "relcl"} \
                and doc[t.i - 1].text == ",":
            # "X, known as Y": the head X is what Y names
            name = None
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "as":
                    k = c.i + 1
                    while k < len(doc) and doc[k].is_punct and doc[k].text != ",":
                        k += 1  # 'known as “Barbecue,”'
                    name = _run_starting(doc, k, loc_at) if k < len(doc) else None
                elif c.dep_ in {"oprd", "dobj", "attr"} and t.lemma_.lower() != "know":
                    name = _run_starting(doc, c.left_edge.i, loc_at)
            if name is None:
                continue
            head = t.head
            aliases.append((name, head))
            if head.pos_ == "NOUN" and _armed_phrase(head):
                mark(name)
    return Described(armed, aliases)
