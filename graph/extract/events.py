"""Event frames from the dependency parse.

Triggers: content verbs (not auxiliaries, not participles used as adjectives or
prepositions: "including", "according"), copular and main-verb "be"/"have", and event
nominals ("the capture of Kidal", "withdrawal", "clashes"; see events_lexicon.py).

Arguments come from the parse: a verb's subject is its agent (the passive subject and
the object its target), a controlled or coordinated verb takes its governor's subject
("vowing to keep fighting"), a participle modifying a noun takes that noun; prepositional
objects are further participants (a location among them is the place). A nominal's
possessor and "by" phrase are its agent, its "of" phrase its target. Arguments that
resolve to an actor mention (named, nominal or pronoun: see actors.py/coref.py) carry the
actor IRI. Time expressions are not arguments: the event's `time` is the one governed by
the trigger, else the sentence's, else the publication date, and says which.

Modality: negated ("did not release"), hypothetical (modal, "if", or the complement of
an intention verb: "vowing to keep fighting"), reported (the complement of a speech verb,
or "according to"), else asserted. Each event keeps its sentence and a confidence.
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Optional

from spacy.tokens import Doc, Span, Token

from .cameo import code_for, noun_code_for
from .dateline import credit_tokens, dateline_tokens
from .described import NAMING_VERBS
from .actors_lexicon import NOMINAL_HEADS
from .events_lexicon import NOT_EVENT_VERBS, is_event_noun
from .model import Argument, Entity, Event, EventPlace, EventTime, Location, Timex

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECTS = {"dobj", "dative", "attr", "oprd"}
NOT_VERB_TRIGGER_DEPS = {"aux", "auxpass", "amod", "prep", "compound", "pobj", "npadvmod", "det", "nmod"}
CLAUSE_DEPS = {"ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp", "parataxis", "csubj", "acl", "pcomp"}
SPEECH = {"say", "tell", "state", "announce", "declare", "report", "insist", "claim", "add", "warn",
          "confirm", "deny", "explain", "note", "write", "believe", "think", "argue", "reply", "admit",
          "suggest", "predict", "estimate", "expect", "accuse", "allege", "indicate"}
INTENT = {"want", "plan", "hope", "intend", "vow", "pledge", "promise", "threaten", "aim", "seek", "try",
          "expect", "propose", "offer", "agree", "decide", "refuse", "fail", "attempt", "need", "demand",
          "ask", "urge", "call", "wish", "prepare", "consider"}
# verbs whose clausal complement is wanted, not said to have happened ("do not want the peacekeepers to hand")
DESIRE = {"want", "wish", "hope", "demand", "ask", "urge", "intend", "plan", "need", "prefer", "require"}
MODALS = {"could", "might", "may", "would", "should", "will", "can", "must", "shall", "'ll", "wo", "ca"}
NEGATIONS = {"not", "n't", "never", "no"}
RELATIVE = {"that", "which", "who", "whom", "whose"}
# Objects of light-verb idioms ("take place", "part ways"), never participants.
IDIOM_OBJECTS = {"place", "way", "part", "line", "effect", "note", "care", "advantage", "account", "sense", "time"}
NP_RIGHT = {"conj", "cc", "appos", "compound", "nummod", "case"}
# Light and copular verbs: with no CAMEO type of their own they are not events ("it has been difficult",
# "the town, which has been controlled by ..." keeps "controlled"; "be" and "have" alone are dropped).
LIGHT_VERBS = {"be", "have"}
# "When MINUSMA left ... on October 31, the rebels seized control": a clause opened by one of these dates its head
SAME_TIME_MARKS = {"when", "as", "while", "once"}
# "its determination to retake it", "a race to seize territory": the infinitive is what the noun intends
INTENT_NOUNS = {"determination", "plan", "bid", "attempt", "intention", "effort", "race", "push", "drive", "threat",
                "vow", "pledge", "promise", "offer", "readiness", "willingness", "resolve", "ambition", "goal", "aim",
                "wish", "desire", "call", "demand", "order", "request", "decision", "agreement", "deal"}
# "force Henry to resign", "urged all sides to protect civilians": the object is the infinitive's subject
SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten"}
# "peace deals struck with the government": striking, reaching or sealing an agreement is signing it
AGREEMENT_NOUNS = {"deal", "agreement", "accord", "pact", "truce", "ceasefire", "bargain", "compromise", "treaty",
                   "settlement", "understanding"}
# "The fighting left many soldiers dead": leaving people dead or wounded is killing or wounding them
LEAVE_STATES = {"dead": "200", "wounded": "190", "injured": "190"}
CAUSATIVE = {"have", "get"}
FACTUAL_MARKS = {"since", "after", "before", "because", "when", "while", "as", "although", "though", "once"}


def _is_verb_trigger(tok: Token) -> bool:
    if not tok.is_alpha:
        return False
    if tok.pos_ == "VERB":
        if tok.dep_ in NOT_VERB_TRIGGER_DEPS:
            return False
        if tok.tag_ == "VBN" and tok.dep_ in {"acl", "relcl"} and tok.lemma_.lower() in NAMING_VERBS and any(
                c.dep_ in {"prep", "oprd"} and (c.dep_ == "oprd" or c.lower_ == "as") for c in tok.children):
            return False  # "Jimmy Chérizier, known as Barbecue": a name, not an event
        return not (tok.tag_ in {"VBG", "VBN"} and tok.lemma_.lower() in NOT_EVENT_VERBS)
    # copular / main-verb be and have: an AUX that heads a clause
    return tok.pos_ == "AUX" and tok.dep_ in CLAUSE_DEPS


NAME_ENT_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}


def _is_name(tok: Token, ix: "_Index") -> bool:
    """A proper noun the tagger took for a verb or an event noun ("ECOWAS sanctions" as VBG + NNS): an
    acronym, a token of a named entity or of an actor's name."""
    if tok.is_upper and len(tok.text) > 1 and tok.is_alpha:
        return True
    if tok.ent_type_ in NAME_ENT_TYPES:
        return True
    ent = ix.ent[tok.i]
    return ent is not None and ent.mention == "name"


def _is_noun_trigger(tok: Token) -> bool:
    return (tok.pos_ == "NOUN" and tok.is_alpha and tok.dep_ != "compound" and is_event_noun(tok.lemma_)
            and tok.lemma_.lower() not in NOMINAL_HEADS)


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


class _Index:
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


def _argument(tok: Token, role: str, ix: _Index) -> Optional[Argument]:
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


def _verb_args(verb: Token, ix: _Index) -> list[tuple[Token, str]]:
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


def _noun_args(noun: Token, ix: _Index) -> list[tuple[Token, str]]:
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


def _governor(tok: Token, triggers: set[int]) -> Optional[int]:
    for anc in tok.ancestors:
        if anc.i in triggers:
            return anc.i
    return None


def _modality(trig: Token) -> str:
    kids = list(trig.children)
    if any(c.dep_ == "neg" or c.lower_ in NEGATIONS and c.dep_ in {"neg", "det", "advmod"} for c in kids):
        return "negated"
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in kids) or any(
            c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in kids):
        return "hypothetical"
    tok = trig
    factual = False  # inside "since/after/when ... " clause: a fact of its own, whatever its governor intends
    for _ in range(4):
        if _attributed(tok):
            return "reported"
        head = tok.head
        if head is tok:
            break
        if tok.dep_ == "advcl" and any(c.dep_ in {"mark", "advmod"} and c.lower_ in FACTUAL_MARKS
                                       for c in tok.children):
            factual = True
        if not factual:
            if head.pos_ == "VERB" and (tok.dep_ == "xcomp" and head.lemma_.lower() in INTENT or
                                        tok.dep_ == "ccomp" and head.lemma_.lower() in DESIRE):
                return "hypothetical"  # "vowing to keep fighting", "do not want the peacekeepers to hand"
            if tok.dep_ == "acl" and head.lemma_.lower() in INTENT_NOUNS and tok.tag_ == "VB":
                return "hypothetical"  # "its determination to retake it"
        if tok.dep_ in {"ccomp", "parataxis"} and head.lemma_.lower() in SPEECH:
            return "reported"
        if tok.dep_ not in {"conj", "xcomp", "ccomp", "advcl", "relcl", "dobj", "pobj", "prep", "pcomp"}:
            break
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in head.children) and tok.dep_ == "advcl":
            return "hypothetical"
        tok = head
    doc = trig.doc
    for t in trig.sent:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            return "reported"
    return "asserted"


def _speech_verb_above(tok: Token) -> Optional[Token]:
    """The first verb above tok, if it is a speech verb (through a misattached noun: "told AFP on condition of
    anonymity that the rebels had left" hangs the clause on "condition")."""
    for anc in list(tok.ancestors)[:4]:
        if anc.pos_ in {"VERB", "AUX"}:
            return anc if anc.lemma_.lower() in SPEECH else None
    return None


def _attributed(tok: Token) -> bool:
    """A clause attributed to a source: a "that" clause of a speech verb however the parser attached it ("two
    officers told AFP ... that the rebels had left the town"), or a clause followed by its attribution ("The
    rebels left the town, two officers told AFP": the speech verb the parser hung on the event)."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children) and tok.dep_ not in {"ccomp", "advcl"}:
        if _speech_verb_above(tok) is not None:
            return True
    for c in tok.children:
        if c.dep_ in {"ccomp", "parataxis"} and c.i > tok.i and c.lemma_.lower() in SPEECH \
                and any(s.dep_ == "nsubj" for s in c.children) and c.doc[c.left_edge.i - 1].text == ",":
            return True  # "Rebels seized the base, residents said" when parsed with "said" under "seized"
    return False


def _confidence(code: str, noun: bool, has_agent: bool, time_source: str, modality: str) -> float:
    c = 0.45 + (0.2 if code else 0.0) + (0.1 if has_agent else 0.0) + (0.1 if time_source == "timex" else 0.0)
    c -= 0.1 if noun else 0.0
    c -= 0.1 if modality in {"negated", "hypothetical"} else 0.0
    return round(max(0.05, min(0.95, c)), 2)


def _article_time(dct: datetime) -> EventTime:
    day = dct.date().isoformat()
    return EventTime(day, f"{day}T00:00:00", f"{day}T23:59:59", "article")


def find_events(doc: Doc, timexes: list[Timex], locations: list[Location],
                entities: list[Entity], dct: datetime) -> list[Event]:
    # places named (or a name's longer mention: "Mobile, Alabama"), not descriptions ("the government")
    locations = [loc for loc in locations if getattr(loc, "mention", "name") in ("name", "extent")]
    dated = [t for t in timexes if t.type in {"DATE", "TIME"} and t.begin]
    ix = _Index(doc, entities, dated, locations)
    sents = list(doc.sents)
    trig_kind: dict[int, bool] = {}  # token index -> is a noun trigger
    # the dateline ("KHARTOUM, May 12, 2024 (AFP) -") is where the story was filed: no trigger, argument,
    # place or time of any event
    byline = dateline_tokens(doc) | credit_tokens(doc)  # and the wire credits: "(Reporting by ...)"
    for tok in doc:
        if tok.i in byline or _is_name(tok, ix):
            continue
        if _is_verb_trigger(tok):
            trig_kind[tok.i] = False
        elif _is_noun_trigger(tok):
            trig_kind[tok.i] = True
    triggers = set(trig_kind)

    def governed(items: list, sent: Span) -> tuple[dict[int, object], list]:
        direct: dict[int, object] = {}
        in_sent = [it for it in items if sent.start_char <= it.start < sent.end_char]
        for it in in_sent:
            span = doc.char_span(it.start, it.end, alignment_mode="expand")
            if span is None or span.root.dep_ in {"amod", "compound", "poss", "nmod"} or span.root.i in byline:
                continue
            if span.end < len(doc) and doc[span.end].text == "-" and not span[-1].whitespace_:
                continue  # "the Rwanda-backed rebels", "a Paris-based firm": a modifier, not where it happened
            gov = _governor(span.root, triggers)
            if gov is not None:
                direct.setdefault(gov, it)
        return direct, in_sent

    events: list[Event] = []
    for si, sent in enumerate(sents):
        sent_trigs = [t for t in sent if t.i in triggers]
        if not sent_trigs:
            continue
        time_of, sent_times = governed(dated, sent)
        place_of, sent_places = governed(locations, sent)
        for trig in sent_trigs:
            noun = trig_kind[trig.i]
            raw = _noun_args(trig, ix) if noun else _verb_args(trig, ix)
            args: list[Argument] = []
            seen: set[tuple[int, int]] = set()
            for tok, role in raw:
                if tok.dep_ == "expl" or tok.i == trig.i or trig_kind.get(tok.i) or tok.lemma_.lower() in IDIOM_OBJECTS \
                        or tok.i in byline:
                    continue
                arg = _argument(tok, role, ix)
                if arg is None or (arg.start, arg.end) in seen:
                    continue
                seen.add((arg.start, arg.end))
                args.append(arg)
            code = (noun_code_for(trig.lemma_) if noun else _verb_code(trig)) or ""
            if not code and not noun and trig.lemma_.lower() in LIGHT_VERBS:
                continue  # "has been", "had": a state or support verb, not a fact worth a node
            timex = time_of.get(trig.i)
            if timex is not None:
                time = EventTime(timex.value, timex.begin, timex.end_value, "timex")
            else:
                up = _clause_time(trig, time_of) or next(
                    (t for a in trig.ancestors for t in (time_of.get(a.i) or _clause_time(a, time_of),) if t), None)
                free = [t for t in sent_times if t not in time_of.values() and not _in(t, byline, doc)]
                t0 = up or (free[0] if free else None)
                time = EventTime(t0.value, t0.begin, t0.end_value, "sentence") if t0 else _article_time(dct)
            loc = place_of.get(trig.i)
            if loc is None and not noun:
                loc = next((place_of[a.i] for a in trig.ancestors if a.i in place_of), None)
            place = None
            if loc is not None:
                place = EventPlace(loc.text, loc.geonames_id, loc.lat, loc.lon, loc.canonical)
                if place_of.get(trig.i) is loc and (loc.start, loc.end) not in seen and not any(
                        a.start <= loc.start < a.end for a in args):
                    args.append(Argument(loc.start, loc.end, loc.text, "place", loc.canonical))
            modality = _modality(trig)
            agent = next((a for a in args if a.role == "agent"), None)
            target = next((a for a in args if a.role == "target"), None)
            events.append(Event(
                trig.idx, trig.idx + len(trig.text), trig.text, code,
                args=args, time=time, place=place, sentence=si, modality=modality,
                confidence=_confidence(code, noun, agent is not None, time.source, modality),
                label=" ".join(x for x in (_name(agent, ix), trig.lemma_, _name(target, ix)) if x),
            ))
    return events


def _clause_time(tok: Token, time_of: dict) -> Optional[Timex]:
    """The time a trigger without its own takes from its clause: a "when/as/while" clause it heads ("When
    MINUSMA left ... on October 31, the rebels seized control") or an event nominal in its prepositional
    phrase ("said in a statement on Wednesday")."""
    for c in tok.children:
        if c.dep_ == "advcl" and c.i in time_of and any(
                g.dep_ in {"mark", "advmod"} and g.lower_ in SAME_TIME_MARKS and g.i < c.i for g in c.children):
            return time_of[c.i]
        if c.dep_ == "prep" and tok.pos_ in {"VERB", "AUX"}:
            for obj in c.children:
                if obj.dep_ == "pobj" and obj.i in time_of and obj.pos_ == "NOUN":
                    return time_of[obj.i]
    return None


def _verb_code(trig: Token) -> Optional[str]:
    """A verb's CAMEO code, with the frames that change it: striking or reaching a deal is signing it,
    leaving people dead is killing them."""
    lemma = trig.lemma_.lower()
    if lemma in {"strike", "reach", "seal", "clinch", "conclude", "broker"}:
        nouns = [c for c in trig.children if c.dep_ in SUBJECTS | {"dobj"}]
        if trig.dep_ == "acl":
            nouns.append(trig.head)
        nouns += [x for n in list(nouns) for x in n.conjuncts]
        if any(n.lemma_.lower() in AGREEMENT_NOUNS for n in nouns):
            return "057"
    if lemma == "leave":
        for c in trig.children:
            if c.dep_ in {"oprd", "acomp", "xcomp", "ccomp"} and c.lower_ in LEAVE_STATES:
                return LEAVE_STATES[c.lower_]
    return code_for(trig.lemma_)


def _in(item, tokens: frozenset[int], doc: Doc) -> bool:
    if not tokens:
        return False
    span = doc.char_span(item.start, item.end, alignment_mode="expand")
    return span is not None and span.root.i in tokens


def _name(arg: Optional[Argument], ix: _Index) -> str:
    """The argument as a label wants it: the actor's name, else its text up to the first
    comma or relative clause, at most eight words ("who did what" stays short)."""
    if arg is None:
        return ""
    if arg.canonical in ix.labels:
        return ix.labels[arg.canonical]
    head = re.split(r",(?!\d{3})|\s(?:which|who|that|where)\s", arg.text, maxsplit=1)[0].strip()
    words = head.split()
    return " ".join(words[:8]) + (" …" if len(words) > 8 else "")
