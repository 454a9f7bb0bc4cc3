"""Numbers of dead stated for an event ("killing at least 12", "left eight policemen dead", "12 people were
killed"), read from the dependency parse: ACLED's `fatalities`.

A *death statement* is one of
- a killing verb (kill, murder, massacre, execute, ..., or any verb "to death" / "dead": "shot dead") and its
  victims: the object, the passive subject, or the noun a participle modifies ("12 people killed in ...");
- a dying verb (die, perish; "lose their lives") and its subject;
- "dead" said of people ("left 12 dead", "eight policemen dead");
- a casualty noun with its number: "7 deaths", "the lives of 25 villagers", "a death toll of 30", "the toll rose
  to 35", "the killing of 12 civilians".
Its number is the victims' number: a numeral (digits, "twelve", "twenty-five", "a dozen") modifying the victim
noun, or standing for it, summed over coordinated victims ("two soldiers and three civilians": 5). Vague
quantities ("dozens", "many") state no number and count 0, as does a negated or hypothetical statement ("no one
was killed", "could kill 12"), or a count shared with the wounded ("killed or wounded 20").

Each statement is given to ONE event, the happening it counts the dead of, so summing the column over events
does not count the dead twice: an event nominal that is the subject ("The attack killed 12", "The blast left
eight dead", "The explosion caused 7 deaths") or names what they died in ("died in the fighting", "killed in the
raid", "deaths in the attack"), else the event a participle or relative clause hangs on ("attacked the village,
killing 12", "an attack that killed 14"; then its own subject, "a drone strike hit ..., killing nine"), else the
death verb or nominal itself.
"""
from __future__ import annotations

from typing import AbstractSet, Iterable, Optional

import numpy
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from graph.extract.events.event_modality import INTENT, MODALS

KILL_VERBS = frozenset("kill murder massacre slay slaughter execute behead assassinate lynch butcher".split())
DIE_VERBS = frozenset("die perish".split())
# nouns that count the dead; "casualties" is not among them: it counts the wounded too
CASUALTY_NOUNS = frozenset("death fatality toll life dead killing massacre murder".split())
INJURE = frozenset("wound injure hurt maim".split())
# verbs through which a happening states its dead: "the attack claimed 12 lives", "caused 7 deaths", "left 8 dead"
CAUSE_VERBS = frozenset("cause claim leave take result bring".split())
# ACLED counts people: victims that are animals are none of its fatalities
NOT_PEOPLE = frozenset("cattle cow goat sheep camel animal livestock head horse donkey dog chicken".split())
CLAUSE_TO_HEAD = {"advcl", "acl", "relcl", "xcomp", "conj"}  # conj only for participles ("..., and killing 12")

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_WORDS = {**_UNITS, **_TENS, "dozen": 12}
_LEMMAS = KILL_VERBS | DIE_VERBS | CASUALTY_NOUNS | {"dead", "lose"}
_LEMMA_HASHES = numpy.array(sorted(hash_string(w) for w in _LEMMAS), dtype="uint64")


def fatalities(trig: Token, triggers: AbstractSet[int]) -> int:
    """The number of dead stated for the event `trig` triggers (0 if none): the largest of the death
    statements given to it (see the module docstring)."""
    doc = trig.doc
    memo = doc.user_data.get("tkg_fatalities")
    if memo is None or memo[0] is not triggers:  # once per document: every trigger asks
        memo = (triggers, _owned(doc, triggers))
        doc.user_data["tkg_fatalities"] = memo
    return memo[1].get(trig.i, 0)


def _owned(doc: Doc, triggers: AbstractSet[int]) -> dict[int, int]:
    """Owner token index -> the largest number of dead of the statements given to it."""
    out: dict[int, int] = {}
    for tok in _candidates(doc):
        for anchor, n in _stated(tok):
            if n > 0 and (owner := _owner(anchor, triggers)) is not None:
                out[owner] = max(out.get(owner, 0), n)
    return out


def _candidates(doc: Doc) -> list[Token]:
    """The tokens that may head a death statement: death words, and the verbs "dead" or "to death" make
    killings ("shot dead", "stabbed to death"), found from those words (one pass over the document)."""
    found: dict[int, Token] = {}
    hits = numpy.nonzero(numpy.isin(doc.to_array("LEMMA"), _LEMMA_HASHES))[0]  # no Token object per word
    for i in hits.tolist():
        tok = doc[i]
        found[i] = tok
        if tok.lemma_.lower() in ("dead", "death"):
            for up in (tok.head, tok.head.head):
                if up.pos_ == "VERB" and any(_kills(c) for c in up.children):
                    found[up.i] = up
    return [found[i] for i in sorted(found)]


def _kills(c: Token) -> bool:
    """"shot dead", "stabbed to death": a child that makes any verb a killing."""
    if c.lower_ == "dead" and c.dep_ in {"acomp", "oprd", "advmod", "xcomp"}:
        return True
    if c.dep_ == "dobj" and any(g.lower_ == "dead" and g.i == c.head.i + 1 for g in c.children):
        return True  # "shot dead Moussa Diallo": parsed as an adjective of the object
    return c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() == "death" for g in c.children)


def _stated(tok: Token) -> list[tuple[Token, int]]:
    """The statements `tok` heads: (the token the statement hangs on, the number of dead)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in {"VERB", "AUX"}:
        if not _factual(tok):
            return []
        if lemma in KILL_VERBS or any(_kills(c) for c in tok.children):
            return [(tok, _count(_victims(tok)))]
        if lemma in DIE_VERBS or (lemma == "lose" and any(c.dep_ == "dobj" and c.lemma_.lower() == "life"
                                                         for c in tok.children)):
            return [(tok, _count(c for c in tok.children if c.dep_ == "nsubj"))]
        return []
    if tok.pos_ in {"NOUN", "ADJ", "PROPN"} and lemma in CASUALTY_NOUNS | {"dead"}:
        return _noun_statement(tok)
    return []


def _factual(verb: Token) -> bool:
    """Not negated, not hypothetical, and not a count shared with the wounded ("killed or wounded 20"; but
    "killing 10 and wounding 15" tells them apart)."""
    kids = list(verb.children)
    if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in MODALS or c.dep_ == "mark" and c.lower_ in
           {"if", "unless"} for c in kids):
        return False  # "did not kill", "could kill", "if they kill"
    if verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_.lower() in INTENT:
        return False  # "threatened to kill 30 hostages"
    first = verb.head if verb.dep_ == "conj" else verb
    either = any(c.dep_ == "cc" and c.lower_ in {"or", "and/or"} for c in first.children)
    return not (either and any(t.lemma_.lower() in INJURE for t in [first, *first.conjuncts]))


def _victims(verb: Token) -> list[Token]:
    """Whom a killing verb killed: its object, passive subject, or the noun its participle modifies."""
    found = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBN":  # "12 people killed in the attack"
        found = [verb.head]
    return found


def _noun_statement(noun: Token) -> list[tuple[Token, int]]:
    lemma = noun.lemma_.lower()
    if lemma == "toll":  # "a death toll of 30", "the toll rose to 35", "the toll stood at 35", "reached 35"
        nums = [g for c in noun.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj" and _number(g)]
        if not nums and noun.dep_ == "nsubj":
            verb = noun.head
            nums = [c for c in verb.children if c.dep_ in {"dobj", "attr"}] + [
                g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "at"}
                for g in c.children if g.dep_ == "pobj"]
        return [(noun, _count(n for n in nums if _number(n) is not None))]
    if lemma == "dead" and noun.pos_ == "ADJ":
        if noun.head.pos_ == "VERB" and noun.dep_ in {"oprd", "acomp", "xcomp", "advmod"}:
            return []  # "left eight policemen dead", "shot dead": the verb's statement
        victims = [c for c in noun.children if c.dep_ in {"nsubj", "npadvmod"}] or [noun]
        return [(noun, _count(victims))]
    if lemma == "life":  # "claimed the lives of 25 villagers"; "lost their lives" is the verb's
        return [(noun, _count(_of(noun)))] if _of(noun) else []
    if lemma in {"killing", "massacre", "murder", "death"} and _of(noun):  # "the killing of 12 civilians"
        return [(noun, _count(_of(noun)))]
    return [(noun, _count([noun]))]  # "7 deaths", "12 fatalities", "12 dead"


def _of(noun: Token) -> list[Token]:
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _owner(anchor: Token, triggers: AbstractSet[int]) -> Optional[int]:
    """The event a statement counts the dead of (see the module docstring); None if no event is near."""
    tok = anchor
    if anchor.pos_ in {"NOUN", "ADJ", "PROPN"} and anchor.lemma_.lower() in CASUALTY_NOUNS | {"dead"}:
        happening = _happening(anchor, triggers)
        if happening is not None:  # "the death toll from the clashes", "deaths in the attack"
            return happening.i
        if anchor.i not in triggers or anchor.dep_ in {"dobj", "attr"} and anchor.head.lemma_.lower() in CAUSE_VERBS:
            tok = next((a for a in anchor.ancestors if a.i in triggers), None)
            if tok is None:
                return None
    for _ in range(3):
        if tok.pos_ == "VERB":
            subject = next((c for c in tok.children if c.dep_ == "nsubj" and c.i in triggers and c.pos_ == "NOUN"),
                           None)
            if subject is not None:  # "The attack killed 12", "the blast left eight dead"
                return subject.i
            within = _happening(tok, triggers)
            if within is not None:  # "died in the fighting", "were killed in the raid"
                return within.i
        if tok.dep_ in CLAUSE_TO_HEAD and tok.head.i in triggers and tok.head.i != tok.i and (
                tok.dep_ in {"acl", "relcl"} or tok.tag_ == "VBG"):  # "attacked ..., killing 12"; "an attack that killed"
            tok = tok.head
            continue
        break
    return tok.i if tok.i in triggers else None


def _happening(tok: Token, triggers: AbstractSet[int]) -> Optional[Token]:
    """The event nominal a death happened in: "in the fighting", "during the raid", "from the clashes"."""
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in {"from", "in", "during", "after"}
                 for g in c.children if g.dep_ == "pobj" and g.i in triggers and g.pos_ == "NOUN"), None)


def _count(victims: Iterable[Token]) -> int:
    """The number of the victims, coordinated ones added ("two soldiers and three civilians")."""
    total = 0
    for v in victims:
        for t in [v, *v.conjuncts]:
            if t.lemma_.lower() in NOT_PEOPLE:
                continue
            n = 1 if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" else _number(t)  # "killed Moussa Diallo"
            if n is None:
                n = max((_number(c) or 0 for c in t.children if c.dep_ in {"nummod", "quantmod"}), default=0)
            total += n
    return total


def _number(tok: Token) -> Optional[int]:
    """The value of the numeral `tok` heads ("12", "1,200", "twelve", "twenty-five", "two hundred",
    "a dozen"), None if it is no numeral."""
    if not (tok.like_num or tok.lower_ in _WORDS or tok.lower_ in _SCALES):
        return None
    if any(c.lower_ in {"no", "not", "none"} for c in tok.children):  # "no one was killed"
        return None
    parts = [c for c in tok.children if c.dep_ in {"compound", "quantmod", "nummod"} and c.i < tok.i
             and (c.like_num or c.lower_ in _WORDS)]
    words = " ".join(t.lower_ for t in sorted([*parts, tok], key=lambda t: t.i))
    return parse_number(words)


def parse_number(text: str) -> Optional[int]:
    """"1,200" -> 1200, "twenty-five" -> 25, "two hundred and five" -> 205, "1.5 million" -> 1500000; None if
    `text` is no whole number."""
    total, current = 0, 0
    seen = False
    for w in text.lower().replace("-", " ").replace(",", "").split():
        if w == "and":
            continue
        if w.replace(".", "", 1).isdigit():
            current += float(w)
        elif w in _WORDS:
            current += _WORDS[w]
        elif w in _SCALES:
            current = (current or 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    value = total + current
    return int(value) if seen and value == int(value) else None
