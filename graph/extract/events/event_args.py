"""An event trigger's participants from the dependency parse: a verb's subject is its agent (the passive subject
and the object its target), a controlled or coordinated verb takes its governor's subject, a participle modifying a
noun takes that noun; a nominal's possessor and "by" phrase are its agent, its "of" phrase its target; prepositional
objects are further participants. Each argument carries the actor or place it resolves to (:class:`TokenIndex`)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from graph.extract.model import Argument, Entity, Location, Timex

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECTS = {"dobj", "dative", "attr", "oprd"}
NP_RIGHT = {"conj", "cc", "appos", "compound", "nummod", "case"}
# "its determination to retake it", "a race to seize territory": the infinitive is what the noun intends
INTENT_NOUNS = {"determination", "plan", "bid", "attempt", "intention", "effort", "race", "push", "drive", "threat",
                "vow", "pledge", "promise", "offer", "readiness", "willingness", "resolve", "ambition", "goal", "aim",
                "wish", "desire", "call", "demand", "order", "request", "decision", "agreement", "deal"}
# "force Henry to resign", "urged all sides to protect civilians": the object is the infinitive's subject
SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten"}
CAUSATIVE = {"have", "get"}
# Objects of light-verb idioms ("take place", "part ways"), never participants.
IDIOM_OBJECTS = {"place", "way", "part", "line", "effect", "note", "care", "advantage", "account", "sense", "time"}


NAME_ENT_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}


def is_name(tok: Token, ix: "TokenIndex") -> bool:
    """A proper noun the tagger took for a verb or an event noun ("ECOWAS sanctions" as VBG + NNS): an
    acronym, a token of a named entity or of an actor's name."""
    if tok.is_upper and len(tok.text) > 1 and tok.is_alpha:
        return True
    if tok.ent_type_ in NAME_ENT_TYPES:
        return True
    ent = ix.ent[tok.i]
    return ent is not None and ent.mention == "name"

def _np_span(tok: Token) -> Span:
    """The noun phrase headed by tok: its left modifiers, plus coordination and apposition."""
    doc = tok.doc
    end = tok.i
    for child in tok.rights:
        if child.dep_ in NP_RIGHT or (child.dep_ == "prep" and child.lower_ == "of"):
            end = max(end, child.right_edge.i)
    start = tok.left_edge.i
    while start < tok.i and (doc[start].is_punct or doc[start].dep_ in {"cc", "prep", "mark"}):
        start += 1
    while end > tok.i and doc[end].is_punct:
        end -= 1
    span = doc[start : end + 1]
    # "Rapid Support Forces (RSF" -> close the bracket the span opens
    if end + 1 < len(doc) and doc[end + 1].text == ")" and sum(t.text == "(" for t in span) > sum(
            t.text == ")" for t in span):
        span = doc[start : end + 2]
    return span


class TokenIndex:
    """Per-token lookups: the entity, timex and location a token falls in."""

    def __init__(self, doc: Doc, entities: list[Entity], timexes: list[Timex], locations: list[Location]):
        n = len(doc)
        self.ent: list[Optional[Entity]] = [None] * n
        self.timex: list[Optional[Timex]] = [None] * n
        self.loc: list[Optional[Location]] = [None] * n
        starts = {t.idx: t.i for t in doc}
        self.labels = {e.canonical: e.label for e in entities if e.canonical and e.label}
        # shortest spans last so they win; actor canonicals beat bare mentions of equal length
        ordered = sorted(entities, key=lambda e: (-(e.end - e.start), e.canonical is not None))
        for table, items in ((self.ent, ordered), (self.timex, timexes), (self.loc, locations)):
            for it in items:
                span = doc.char_span(it.start, it.end, alignment_mode="expand")
                if span is None:
                    i = starts.get(it.start)
                    if i is None:
                        continue
                    span = doc[i : i + 1]
                for t in span:
                    table[t.i] = it


def argument(tok: Token, role: str, ix: TokenIndex) -> Optional[Argument]:
    if ix.timex[tok.i] is not None:
        return None
    loc = ix.loc[tok.i]
    ent = ix.ent[tok.i]
    if loc is not None and role == "other":
        return Argument(loc.start, loc.end, loc.text, "place", loc.canonical)
    span = _np_span(tok)
    if ent is None and loc is None:
        # "Sudan's paramilitary Rapid Support Forces (RSF)": the parse heads the phrase on the adjective and
        # hangs the name on it as an apposition; the name is the argument's actor
        ent = next((ix.ent[c.i] for c in tok.children if c.dep_ == "appos" and ix.ent[c.i] is not None
                    and ix.ent[c.i].canonical), None)
    canonical = ent.canonical if ent is not None else (loc.canonical if loc is not None else None)
    if ent is not None and not (span.start_char <= ent.start and ent.end <= span.end_char):
        return Argument(ent.start, ent.end, ent.text, role, canonical)
    return Argument(span.start_char, span.end_char, span.text, role, canonical)


def _pobjs(tok: Token):
    """(preposition, object) pairs hanging off tok, through "agent" (by-phrases) too."""
    for child in tok.children:
        if child.dep_ in {"prep", "agent"}:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield child, obj
                    for c in obj.conjuncts:
                        if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN", "PRON"}:
                            yield child, c


def _subjects(verb: Token) -> list[Token]:
    subs = [c for c in verb.children if c.dep_ in SUBJECTS]
    # a clause has one subject: a second one the parser hangs on the verb is a misread word ("it contravenes
    # previously agreed ...": "contravenes" tagged as a plural noun); the first is the subject
    return subs[:1]


def _inherited_subject(verb: Token, depth: int = 0) -> list[tuple[Token, str]]:
    """Subject of a verb that has none of its own: its governor's, or the noun it modifies."""
    head = verb.head
    if depth > 3 or head is verb:
        return []
    if verb.dep_ == "xcomp" and head.pos_ == "VERB" and head.lemma_.lower() not in SUBJECT_CONTROL:
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if objs:
            return [(o, "agent") for o in objs]
    if verb.dep_ in {"xcomp", "conj", "advcl", "pcomp"} and head.pos_ in {"VERB", "AUX"}:
        subs = _subjects(head)
        if subs:
            return [(s, "agent") for s in subs]
        return _inherited_subject(head, depth + 1)
    if verb.dep_ in {"acl", "relcl"} and head.pos_ in {"NOUN", "PROPN", "PRON"}:
        if verb.tag_ != "VBN" and head.lemma_.lower() in INTENT_NOUNS:
            # "its determination to retake it": the noun's possessor acts, not the noun ("a race to seize")
            return [(c, "agent") for c in head.children if c.dep_ == "poss"]
        return [(head, "target" if verb.tag_ == "VBN" else "agent")]
    return []


def verb_args(verb: Token, ix: TokenIndex) -> list[tuple[Token, str]]:
    out: list[tuple[Token, str]] = []
    # a finite verb the parser took for a subject ("it contravenes previously agreed ...") is no participant
    subs = [s for s in _subjects(verb) if not (s.pos_ in {"VERB", "AUX"} and s.tag_ in {"VBZ", "VBD", "VBP"})]
    if (verb.tag_ in {"VBN", "VBD"} and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in CAUSATIVE
            and not any(c.dep_ in {"aux", "auxpass", "mark"} for c in verb.children)
            and any(c.dep_ == "nsubj" for c in subs)):
        # "rebels had the telephone network cut off": the network is cut, the rebels had it done
        out += [(s, "agent") for s in _subjects(verb.head)]
        return out + [(s, "target") for s in subs] + [
            (obj, "agent" if prep.dep_ == "agent" else "other") for prep, obj in _pobjs(verb)]
    for s in subs:
        out.append((s, "target" if s.dep_ == "nsubjpass" else "agent"))
    if not subs:
        out += _inherited_subject(verb)
    for c in verb.children:
        if c.dep_ in OBJECTS and not (c.dep_ == "oprd" and c.pos_ == "ADJ"):  # "left many soldiers dead"
            out.append((c, "target"))
    for prep, obj in _pobjs(verb):
        out.append((obj, "agent" if prep.dep_ == "agent" else "other"))
    return out


def noun_args(noun: Token, ix: TokenIndex) -> list[tuple[Token, str]]:
    out: list[tuple[Token, str]] = []
    for c in noun.children:
        if c.dep_ == "poss":
            out.append((c, "agent"))
        elif c.dep_ == "compound" and (ix.ent[c.i] is not None or c.pos_ == "PROPN"):
            out.append((c, "other"))
    for prep, obj in _pobjs(noun):
        role = {"by": "agent", "of": "target", "against": "target"}.get(prep.lower_, "other")
        out.append((obj, role))
    return out
