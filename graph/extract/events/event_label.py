"""An event's label: a short subject-predicate-object clause ("Taliban ramp up attacks", "Rebels capture Kidal"), or
a passive one when no one is named as the doer ("At least 40 civilians killed").

The subject and object are the agent and target named as the graph knows them (an actor's name), a phrase cut at
its first comma or relative clause; a pronoun stands for its antecedent actor when coreference found one and is
left out otherwise ("tell I" -> "tell"), a relative pronoun for the noun it modifies ("Taliban dismiss which" ->
"Taliban dismiss the report"), quote marks are no names. The predicate is the verb's lemma with its particle
("ramp up"); a nominal that is also a verb reads as one ("capture Kidal"), another takes its target with "of"
("withdrawal of the troops").

An event named as a verb's subject or object is a word of its label ("Violence has escalated": "violence
escalate"; "a charge the UAE denies": "United Arab Emirates deny charge"). A label with no subject and no object
takes the event's first prepositional participant ("fighting around Sake", "protest over rising food prices"),
or for a nominal subject the place of its verb ("violence in the north of Mali"); events.py then labels a nominal
still bare from its clause (the event it repeats, the clause it sums up, the act it is the object of, the speaker
it is spoken by, the place of the clause it is a circumstance of: "fighting in Nyala"). What names no one at all
says so, in one form: "clash (no participant named)" (UNNAMED), never a bare word.
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from spacy.tokens import Token

from graph.extract.events import wordnet_lexicon as wn
from graph.extract.events.event_args import TokenIndex, argument
from graph.extract.events.event_type import phrase
from graph.extract.events.events_lexicon import is_event_noun
from graph.extract.model import Argument

PRONOUNS = {"i", "me", "you", "he", "him", "she", "her", "it", "we", "us", "they", "them", "this", "that", "these",
            "those", "one", "someone", "somebody", "anyone", "everyone", "itself", "themselves", "himself",
            "herself", "myself", "ourselves", "yourself"}
RELATIVES = {"which", "that", "who", "whom", "whose", "what"}
# personal pronouns a description can stand for ("a union organiser ... He"); he/she/him/her singular
PERSONAL = {"he", "him", "she", "her", "they", "them"}
SINGULAR = {"he", "him", "she", "her"}
REACH_SENTENCES = 1  # the pronoun's sentence and the one before it
QUOTES = "'\"‘’“”`´«»"
VICTIMS = {"dead", "injured", "wounded"}  # the people a killing or an injury left, named by their state
WHERE_PREPS = {"in", "at", "near", "around", "across", "outside", "inside", "throughout", "within", "along"}


# where a nominal or a verb named with no one happened, or what it is about or with: "fighting in Nyala",
# "clashes with the army", "protests over prices", "an inquiry into bank mergers" (not "after", "since": when)
SETTING_PREPS = {"in", "at", "near", "around", "across", "outside", "inside", "throughout", "within", "along",
                 "with", "against", "over", "between", "among", "into", "from", "on", "toward", "towards"}
# said of a label that names only its predicate: the text names no one and nowhere for it
UNNAMED = "(no participant named)"


def event_label(trig: Token, noun: bool, agent: Optional[Argument], target: Optional[Argument],
                ix: TokenIndex, args: Sequence[Argument] = ()) -> str:
    subject, obj = name(agent, trig, ix), name(target, trig, ix)
    if not noun:  # a subject or object that is no agent or target still reads as one: "A bomb exploded", "set off
        subject = subject or _arg_at(trig, "nsubj", args, ix)  # a car bomb" (a weapon: arg_roles.py, "other")
        obj = "" if obj == subject else obj or _arg_at(trig, "dobj", args, ix)  # "Two guards die" (who undergoes)
    if not noun:  # an event named as the subject or the object: "violence escalate", "UAE deny charge"
        subject = subject or _event_word(trig, "nsubj")
        obj = obj or _event_word(trig, "dobj") or _event_word(trig, "nsubjpass")
        obj = "" if obj.lower() in phrase(trig).split()[1:] else obj  # "open fire": the object is the predicate's
    lemma = trig.lemma_.lower()
    if noun and trig.lower_ in VICTIMS and not subject:  # the people a state names: "11 of the injured"
        head = trig.head.head
        return f"{head.text if trig.head.lower_ == 'of' and head.like_num else obj or 'people'} {trig.lower_}"
    if not noun and not subject and obj and _passive(trig):
        prt = next((f" {c.lower_}" for c in trig.children if c.dep_ == "prt"), "")  # "the rebels driven out"
        return f"{obj} {trig.lower_}{prt}"  # no one named as doing it: "At least 40 civilians killed", not "kill ..."
    if noun and not wn.verb(lemma).lexfile:
        parts = [subject, lemma, f"of {obj}" if obj else ""]  # "withdrawal of the troops"
    elif noun:
        parts = [subject, lemma, obj]  # a noun that is also a verb reads as one: "Rebels capture Kidal"
    elif trig.tag_ == "VBG" and trig.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
        parts = [subject, trig.lower_, f"of {obj}" if obj else ""]  # a gerund as a noun: "Shelling near the camp"
    else:
        parts = [subject, phrase(trig), obj]
    if subject or obj:
        return " ".join(p for p in parts if p)
    pred = parts[1]
    setting = _setting(trig, args, ix) or (_setting(trig.head, args, ix, own=False) if noun and trig.dep_ == "nsubj"
                                           and trig.head.pos_ in {"VERB", "AUX"} else "")
    return f"{pred} {setting}" if setting else f"{pred} {UNNAMED}"


def _arg_at(trig: Token, dep: str, args: Sequence[Argument], ix: TokenIndex) -> str:
    """The name of the argument at the trigger's `dep` child, whatever its role; "" if none."""
    tok = next((c for c in trig.children if c.dep_ == dep), None)
    return name(next((a for a in args if tok is not None and a.start <= tok.idx < a.end), None), trig, ix)


def bare(label: str) -> bool:
    """The label names only its predicate (see UNNAMED)."""
    return label.endswith(UNNAMED)


def with_participants(trig: Token, agent: Optional[Argument], target: Optional[Argument], ix: TokenIndex) -> str:
    """A nominal's label from the participants of the clause it sums up ("accused the UAE of arming the RSF, a
    charge ...": "Burhan charge United Arab Emirates"); "" when that clause names no one either."""
    return event_label(trig, True, agent, target, ix) if agent is not None or target is not None else ""


def _event_word(trig: Token, dep: str) -> str:
    """The event noun that is the verb's subject or object ("Violence has escalated", "denied the allegations"),
    an argument of no actor, or the noun a relative clause without a pronoun is the object of ("a charge the UAE
    denies"): its word as a label shows it; "" if none."""
    for c in trig.children:
        if c.dep_ == dep and (c.pos_ == "NOUN" and is_event_noun(c.lemma_) or c.lower_ in VICTIMS):
            return f"the {c.lower_}" if c.lower_ in VICTIMS else c.lower_  # "the injured taken to hospital"
    if trig.head.pos_ != "NOUN" or not is_event_noun(trig.head.lemma_):
        return ""
    if dep == "nsubj" and trig.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in RELATIVES
                                                       for c in trig.children):
        return trig.head.lower_  # "a fire that burned for hours": "fire burn"
    if dep == "dobj" and trig.dep_ == "relcl" and not any(
            c.dep_ in {"dobj", "nsubjpass"} or c.lower_ in RELATIVES for c in trig.children):
        return trig.head.lower_
    if dep == "nsubjpass" and trig.dep_ in {"acl", "relcl"} and trig.tag_ == "VBN" and not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in trig.children):
        return trig.head.lower_  # "the losses inflicted on the enemy": "losses inflicted"
    return ""


def _setting(trig: Token, args: Sequence[Argument], ix: TokenIndex, own: bool = True) -> str:
    """The first prepositional participant of `trig` that says where, with whom or about what ("in Nyala",
    "with the army"; of a nominal also what it was done to: "the bombing of a fuel depot", which arg_roles.py
    counts as the place), as the label writes it; for the verb a nominal is the subject of (`own` False) only
    where ("Violence has escalated in the north": "violence in the north")."""
    preps = (SETTING_PREPS | {"of"} if trig.pos_ == "NOUN" else SETTING_PREPS) if own else WHERE_PREPS
    for prep in trig.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
        if obj is None:
            continue
        arg = next((a for a in args if a.start <= obj.idx < a.end), None) if own else None
        words = name(arg, trig, ix) if arg is not None else name(argument(obj, "other", ix), trig, ix)
        if words:
            return f"{prep.lower_} {words}"
    return ""


def _passive(trig: Token) -> bool:
    """A passive participle: "were killed", "the town, seized on Monday"."""
    if trig.tag_ == "VBN" and trig.dep_ == "conj" and trig.head.tag_ == "VBN" and not any(
            c.dep_ in {"nsubj", "aux"} for c in trig.children):
        return _passive(trig.head)  # "was released and charged": the conjunct shares the passive
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
    clause = trig
    while clause.dep_ == "conj" and clause.head.i != clause.i:  # "the opposition, which called it ... and promised"
        clause = clause.head
    if low in RELATIVES and clause.dep_ == "relcl" and clause.head.pos_ in {"NOUN", "PROPN"}:
        head = argument(clause.head, arg.role, ix)  # "the report, which the Taliban dismissed"
        return name(head, clause.head, ix) if head is not None and head.text.lower() not in RELATIVES else ""
    if low in PERSONAL:  # "He was released and charged": the person coreference left unnamed, by description
        return _described_person(trig.doc, arg.start, arg.end, low in SINGULAR)
    if not text or low in PRONOUNS or low in RELATIVES:
        return ""
    head = re.split(r",(?!\d{3})|\s(?:which|who|that|where)\s", text, maxsplit=1)[0].strip(QUOTES + " ")
    # a quote mark inside ('a "Senate aide'), not an apostrophe ("Russia’s", "d’Ivoire"): the label quotes no one
    head = re.sub(r'["“”«»]|(?<![A-Za-z])[‘’\'`]|[‘’\'`](?![A-Za-z])', "", head).strip()
    head = re.sub(r"\s*['’]s$", "", head)  # a possessor: "the army's shelling" -> "the army"
    words = head.split()
    return " ".join(words[:8]) + (" …" if len(words) > 8 else "")


def _described_person(doc, start: int, end: int, singular: bool) -> str:
    """The description a personal pronoun coreference did not resolve stands for: the nearest person noun before
    it, in its sentence or the one before, of its number ("The detention of a union organiser sparked the strike.
    He was released": "union organiser"), without its determiner; "" when a named person is nearer (the pronoun is
    theirs, and coreference has left it unresolved for a reason) or none is found."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    pron = span.root
    sents = list(doc.sents)
    k = next((n for n, s in enumerate(sents) if s.start <= pron.i < s.end), 0)
    # an object pronoun is not its own clause's subject ("farmers feed them": not the farmers)
    own_subject = {c.i for c in pron.head.subtree if c.dep_ in {"nsubj", "nsubjpass"} and c.head == pron.head} \
        if pron.dep_ in {"dobj", "dative", "pobj"} else set()
    for tok in reversed(doc[sents[max(0, k - REACH_SENTENCES)].start:pron.i]):
        if tok.ent_type_ == "PERSON":
            return ""
        if tok.pos_ != "NOUN" or tok.dep_ in {"compound", "poss"} or (tok.tag_ == "NN") != singular \
                or tok.i in own_subject:
            continue
        if wn.noun(tok.lemma_).lexfile == "noun.person":
            words = [t.text for t in doc[tok.left_edge.i:tok.i + 1] if t.dep_ not in {"det", "poss", "punct"}]
            return " ".join(words[-4:])
    return ""
