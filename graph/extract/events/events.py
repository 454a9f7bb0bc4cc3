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
actor IRI. Time expressions are not arguments: the event's `time` (its own clause's, the
sentence's, the discourse's or none) is chosen in event_time.py, and says which.

Modality: negated ("did not release"), hypothetical (modal, "if", or the complement of
an intention verb: "vowing to keep fighting"), reported (the complement of a speech verb,
or "according to"), else asserted. Each event keeps its sentence and a confidence.
The arguments are found in event_args.py, the modality in event_modality.py.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Optional

from spacy.tokens import Doc, Span, Token

from graph.extract.actors.described import NAMING_VERBS
from graph.extract.events import wordnet_lexicon as wn
from graph.extract.events.arg_roles import refine
from graph.extract.events.cameo import noun_code_for
from graph.extract.events.event_args import (
    IDIOM_OBJECTS,
    TokenIndex,
    antecedent,
    argument,
    is_name,
    participants,
)
from graph.extract.events.event_class import event_class
from graph.extract.events.event_coref import antecedent_of, follow_mentions
from graph.extract.events.event_intent import intention_of, threat_code
from graph.extract.events.event_label import VICTIMS, bare, event_label, name, with_intended, with_participants
from graph.extract.events.event_merge import one_act
from graph.extract.events.event_modality import modality_of
from graph.extract.events.event_quote import FIRST_PERSON, speak_in_first_person
from graph.extract.events.event_speaker import lost_speaker
from graph.extract.events.event_time import event_times
from graph.extract.events.event_type import (
    ATTEMPT_NOUNS,
    needs_speaker,
    phrase,
    speakerless,
    type_triggers,
    verb_object_idiom,
)
from graph.extract.events.events_lexicon import NOT_EVENT_VERBS, is_event_noun
from graph.extract.events.fatalities import fatalities
from graph.extract.events.headline_verbs import headline_verb
from graph.extract.model import Argument, Entity, Event, EventPlace, Location, Timex
from graph.extract.text.dateline import credit_tokens, dateline_tokens
from graph.extract.text.doc_text import doc_text
from graph.extract.text.nominals import NOMINAL_HEADS

NOT_VERB_TRIGGER_DEPS = {"aux", "auxpass", "amod", "prep", "compound", "pobj", "npadvmod", "det", "nmod"}
CLAUSE_DEPS = {"ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp", "parataxis", "csubj", "acl", "pcomp"}
RELATIVE = {"that", "which", "who", "whom", "whose"}
# Light and copular verbs: with no CAMEO type of their own they are not events ("it has been difficult",
# "the town, which has been controlled by ..." keeps "controlled"; "be" and "have" alone are dropped).
LIGHT_VERBS = {"be", "have"}
# nouns of people, texts and ideas that an event kind is the topic of ("expert in warfare", "book on terrorism")
TOPIC_HOLDERS = {"noun.person", "noun.artifact", "noun.communication", "noun.cognition"}
# CAMEO roots of what is said, not done somewhere: statements, appeals, intents, consultations, demands,
# disapproval, rejection, threats
VERBAL_ROOTS = {"01", "02", "03", "04", "10", "11", "12", "13"}
# "seized the town after two weeks of fighting": the clause's circumstance, where the clause happened
CIRCUMSTANCE_PREPS = {"after", "amid", "during", "following", "before", "in"}
# "called for a strike", "protested against the vote", "sued over the decision": what the act is aimed at
AIM_PREPS = {"for", "against", "over", "about"}
# "agreed to a ceasefire", "committed to talks", "decided on a strike": the act is what the subject intends
INTENDING = {"i_action", "i_state"}


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


def _is_noun_trigger(tok: Token) -> bool:
    if tok.dep_ == "dobj" and verb_object_idiom(tok.head) is not None:
        return False  # the "fire" of "opened fire": the verb's act (event_type.VERB_OBJECT_CODES)
    return (tok.pos_ == "NOUN" and tok.is_alpha and (tok.dep_ != "compound" or _violent_modifier(tok))
            and is_event_noun(tok.lemma_) and tok.lemma_.lower() not in NOMINAL_HEADS and not _topic(tok))


def _topic(tok: Token) -> bool:
    """A kind of event as what a person, a text or an idea is about, not a happening: "an expert in drone warfare",
    "a book on terrorism"; and the act an attempt names ("an assassination attempt": the attempt is the event)."""
    if tok.dep_ == "compound":
        return tok.head.lemma_.lower() in ATTEMPT_NOUNS
    if tok.dep_ != "pobj" or tok.head.lower_ not in {"in", "on", "about"} or tok.head.head.pos_ != "NOUN":
        return False
    if any(c.dep_ in {"det", "poss", "nummod"} for c in tok.children):
        return False  # "a report on the attack": that attack
    return wn.noun(tok.head.head.lemma_).lexfile in TOPIC_HOLDERS


def _is_death_state(tok: Token) -> bool:
    """ "Dead" said of people (TimeML's state): "nine people were dead", "was shot dead", "among the dead"; and the
    dead, injured or wounded as the people they are ("11 of the injured", "among the wounded": VICTIMS)."""
    if tok.lower_ in VICTIMS and tok.dep_ in {"pobj", "nsubj", "nsubjpass", "dobj"} and any(
            c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return True
    if tok.lower_ != "dead" or tok.pos_ != "ADJ":
        return False
    holders = [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    # "left five dead": the leaving kills; "the battery was dead": no one died
    return tok.dep_ in {"acomp", "oprd"} and tok.head.lemma_ != "leave" and bool(holders) and all(
        h.ent_type_ == "PERSON" or h.like_num or h.lower_ in {"he", "she", "they"}
        or wn.noun(h.lemma_).lexfile == "noun.person" or h.tag_ == "NNS" and wn.noun(h.lemma_).lexfile == "noun.group"
        for h in holders)


def _victims(trig: Token, noun: bool) -> list[tuple[Token, str]]:
    """Who the dead, injured or wounded are: "11 of the injured" (11), "among the wounded were six children"."""
    if not noun or trig.lower_ not in VICTIMS or trig.dep_ != "pobj":
        return []
    prep, head = trig.head, trig.head.head
    if prep.lower_ == "of" and head.like_num:
        return [(head, "target")]
    return [(c, "target") for c in head.children if c.dep_ in {"nsubj", "attr"} and head.lemma_ == "be"]


def _violent_modifier(tok: Token) -> bool:
    """A violent act named as a modifier ("the bombing suspect", "shooting incidents"): it happened too; a
    weapon or kind ("attack helicopter", "war crimes") is excluded by the ending -ing/-ion of the act."""
    lemma = tok.lemma_.lower()
    code = noun_code_for(lemma) or wn.noun(lemma).cameo
    return code[:2] in {"18", "19", "20"} and tok.lower_.endswith(("ing", "ion", "ings", "ions"))


def _actor_not_site(root: Token, gov: int, codes: dict[int, str]) -> bool:
    """A country or city that acts or is spoken to is an actor, not where the event happened: the subject ("Mali
    said", "Ukraine attacked") and the object of a verbal act ("accused the UAE", "urged France")."""
    if root.head.i != gov:
        return False
    return root.dep_ == "nsubj" or root.dep_ in {"dobj", "dative"} and codes.get(gov, "")[:2] in VERBAL_ROOTS


def _with_particle(trig: Token) -> int:
    """Where the trigger ends: a phrasal verb's particle right after it is part of it ("rolled out", "took off",
    "spoke out": TimeML and MEANTIME mark the whole phrasal verb as the event)."""
    doc = trig.doc
    nxt = doc[trig.i + 1] if trig.i + 1 < len(doc) else None
    if nxt is not None and nxt.dep_ == "prt" and nxt.head.i == trig.i and trig.whitespace_ == " ":
        return nxt.idx + len(nxt.text)
    return trig.idx + len(trig.text)


def _label_from_clause(noun: Token, events: list[Event], event_at: dict[int, int], at: dict[int, Token],
                       ix: TokenIndex) -> str:
    """The label of an event noun (or a participle of one) with no participant of its own, from the clause it
    belongs to: the maker of the event noun a participle modifies ("issued a statement admitting ...": "Tuareg
    rebels admit"); the event it
    repeats ("Congress voted ... the vote": "Congress vote", event_coref.py) or the clause it sums up in apposition
    give its participants ("accused the UAE of arming the RSF, a charge ...": "Burhan charge
    United Arab Emirates"); the statement a speaker speaks in, its speaker ("the UN said in a statement":
    "statement by United Nations"); the doer of the act it is the object of ("Lockheed won the contest": "Lockheed win
    contest"); the circumstance a clause happened after or amid, its place ("seized Nyala
    after two weeks of fighting": "fighting in Nyala"). "" when none applies."""
    if noun.pos_ in {"VERB", "AUX"}:  # "issued a statement admitting ...": the statement's maker admits
        ante = events[event_at[noun.head.i]] if noun.dep_ == "acl" and noun.head.i in event_at else None
        agent = next((a for a in ante.args if a.role == "agent" and not speakerless(a)), None) if ante else None
        words = name(agent, noun.head, ix)
        return f"{words} {phrase(noun)}" if words else ""
    clause = _summed_up(noun, event_at)
    ante = antecedent_of(noun, events, at)  # (it looks at the events before the noun only)
    seen = set()
    while ante is not None and ante.start not in seen and not any(a.role in {"agent", "target"} for a in ante.args):
        seen.add(ante.start)  # "imposed sanctions ... The sanctions follow ... the sanctions were": the first names who
        ante = antecedent_of(at[ante.start], events, at) if ante.start in at else None
    if clause is not None or ante is not None:  # "Congress voted to remove her ... the vote": Congress's vote
        ev = ante if ante is not None else events[event_at[clause.i]]
        agent = next((a for a in ev.args if a.role == "agent" and not speakerless(a)), None)
        return with_participants(noun, agent, next((a for a in ev.args if a.role == "target"), None), ix)
    if noun.dep_ == "dobj" and noun.head.i in event_at:  # "Lockheed won the contest": "Lockheed win contest"
        ev = events[event_at[noun.head.i]]
        words = name(next((a for a in ev.args if a.role == "agent" and not speakerless(a)), None), noun.head, ix)
        return f"{words} {phrase(noun.head)} {noun.lower_}" if words else ""
    tok = noun
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "pobj":  # "weeks of fighting"
        tok = tok.head.head
    prep = tok.head
    verb = prep.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or verb.i not in event_at:
        return ""
    ev = events[event_at[verb.i]]
    if prep.lower_ == "in" and event_class(noun, True) == "reporting" and event_class(verb, False) == "reporting":
        speaker = next((a for a in ev.args if a.role == "agent" and not speakerless(a)), None)
        words = name(speaker, verb, ix)
        return f"{noun.lemma_.lower()} by {words}" if words else ""
    if prep.lower_ in CIRCUMSTANCE_PREPS and ev.place is not None:
        return f"{noun.lemma_.lower()} in {ev.place.text}"
    aimed = prep.lower_ in AIM_PREPS or prep.lower_ in {"to", "on"} and event_class(verb, False) in INTENDING
    if aimed and noun.dep_ == "pobj" and not bare(ev.label) and noun.lower_ not in ev.label:
        return f"{ev.label} {prep.lower_} {noun.lower_}"  # "called for a general strike": "Uddin call for strike"
    return ""


def _clause_label(noun: Token, events: list[Event], event_at: dict[int, int]) -> str:
    """The label of the verb an event noun is the subject or object of, when it names the noun ("The walkout would
    continue": "walkout continue"; "the bombing started a fire": "bombing start fire"), else ""."""
    verbs = [noun.head] if noun.dep_ in {"nsubj", "nsubjpass", "dobj"} else []
    verbs += [c for c in noun.children if c.dep_ == "relcl"]  # "strikes that killed civilians"
    for verb in verbs:
        label = events[event_at[verb.i]].label if verb.i in event_at else ""
        if label and not bare(label) and noun.lower_ in label.split():
            return label
    return ""


def _summed_up(noun: Token, event_at: dict[int, int]) -> Optional[Token]:
    """The clause an event noun in apposition sums up ("accused the UAE of arming the RSF, a charge the UAE denies",
    "shelled the market, an attack that killed 40"): the nearest verb event above it that heads a clause of its own
    (not a gerund or an infinitive inside it: the charge is the accusation, not the arming)."""
    if not (noun.dep_ == "appos" or noun.dep_ == "npadvmod" and noun.i > 1 and any(
            t.text == "," for t in noun.doc[max(0, noun.left_edge.i - 1):noun.i])):
        return None
    for anc in noun.ancestors:
        if anc.i in event_at and anc.pos_ in {"VERB", "AUX"} and anc.dep_ in {"ROOT", "conj", "ccomp", "advcl",
                                                                                "parataxis"}:
            return anc
    return None


def _governor(tok: Token, triggers: set[int]) -> Optional[int]:
    for anc in tok.ancestors:
        if anc.i in triggers:
            return anc.i
    return None


def _confidence(code: str, noun: bool, has_agent: bool, time_source: str, modality: str) -> float:
    c = 0.45 + (0.2 if code else 0.0) + (0.1 if has_agent else 0.0) + (0.1 if time_source == "timex" else 0.0)
    c -= 0.1 if noun else 0.0
    c -= 0.1 if modality in {"negated", "future", "hypothetical"} else 0.0
    return round(max(0.05, min(0.95, c)), 2)


def find_events(doc: Doc, timexes: list[Timex], locations: list[Location],
                entities: list[Entity], dct: datetime) -> list[Event]:
    # places named (or a name's longer mention: "Mobile, Alabama"), not descriptions ("the government")
    locations = [loc for loc in locations if getattr(loc, "mention", "name") in ("name", "extent")]
    dated = [t for t in timexes if t.type in {"DATE", "TIME"} and t.begin]
    ix = TokenIndex(doc, entities, dated, locations)
    sents = list(doc.sents)
    trig_kind: dict[int, bool] = {}  # token index -> is a noun trigger
    # the dateline ("KHARTOUM, May 12, 2024 (AFP) -") is where the story was filed: no trigger, argument,
    # place or time of any event
    byline = dateline_tokens(doc) | credit_tokens(doc)  # and the wire credits: "(Reporting by ...)"
    for tok in doc:
        if tok.i in byline or is_name(tok, ix):
            continue
        if _is_death_state(tok):  # (before verbs: "the injured were taken" names people, not an injuring)
            trig_kind[tok.i] = True
        elif _is_verb_trigger(tok):
            trig_kind[tok.i] = False
        elif _is_noun_trigger(tok) or headline_verb(tok):  # (a headline verb the parse read as a noun)
            trig_kind[tok.i] = True
    triggers = set(trig_kind)
    codes = type_triggers(doc, trig_kind, ix)
    times = event_times(doc, timexes, trig_kind, byline, dct)  # which time each trigger gets: event_time.py
    intended = {i: g for i in triggers if not trig_kind[i] and (g := intention_of(doc[i])) is not None}
    for i, g in intended.items():  # "vowed to retake the city": CAMEO codes the vow as the threat (event_intent.py)
        if g.i in codes and (threat := threat_code(g, codes[i])):
            codes[g.i] = threat

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
            if gov is not None and not _actor_not_site(span.root, gov, codes):
                direct.setdefault(gov, it)
        return direct, in_sent

    events: list[Event] = []
    event_at: dict[int, int] = {}  # trigger token index -> index in events
    for si, sent in enumerate(sents):
        sent_trigs = [t for t in sent if t.i in triggers]
        if not sent_trigs:
            continue
        place_of, sent_places = governed(locations, sent)
        for trig in sent_trigs:
            noun = trig_kind[trig.i]
            code = codes[trig.i]
            args: list[Argument] = []
            seen: set[tuple[int, int]] = set()
            speaker = None if noun or event_class(trig, False) != "reporting" else lost_speaker(trig)
            for tok, role in participants(trig, noun, ix) + _victims(trig, noun) + (
                    [(speaker, "agent")] if speaker is not None else []):  # "…, a police officer, X, said"
                if tok.dep_ == "expl" or tok.i == trig.i or trig_kind.get(tok.i) or tok.lemma_.lower() in IDIOM_OBJECTS \
                        or tok.i in byline or trig_kind.get(antecedent(tok).i):
                    continue  # (an event is no participant: "the blast, which injured six": the blast's victims)
                role = refine(trig, tok, role, code, ix)
                arg = argument(tok, role, ix, split=True) if role else None
                if arg is None or (arg.start, arg.end) in seen:
                    continue
                seen.add((arg.start, arg.end))
                args.append(arg)
            if not code and not noun and trig.lemma_.lower() in LIGHT_VERBS:
                continue  # "has been", "had": a state or support verb, not a fact worth a node
            # an intended event ("vowed to retake") has not happened: no time but one its own clause gives ("plans
            # to deliver it in 2007"), not the vow's or the article's; off the default timeline
            time = times[trig.i]
            if trig.i in intended and time.source != "timex":
                time = None
            loc = place_of.get(trig.i)
            if loc is None and not noun:
                loc = next((place_of[a.i] for a in trig.ancestors if a.i in place_of), None)
            place = None
            if loc is not None:
                place = EventPlace(loc.text, loc.geonames_id, loc.lat, loc.lon, loc.canonical)
                if place_of.get(trig.i) is loc and (loc.start, loc.end) not in seen and not any(
                        a.start <= loc.start < a.end for a in args):
                    args.append(Argument(loc.start, loc.end, loc.text, "place", loc.canonical))
            modality = modality_of(trig)
            # a quote mark the parser took for the subject ("’’ said") is nobody: no agent of the label or the code
            agent = next((a for a in args if a.role == "agent" and not speakerless(a)), None)
            target = next((a for a in args if a.role == "target"), None)
            if needs_speaker(code) and speakerless(agent) and not noun:
                code = ""  # "’’ said": no source actor, no CAMEO statement ("a statement said": the statement is)
            end = _with_particle(trig)
            event_at[trig.i] = len(events)
            events.append(Event(
                trig.idx, end, doc_text(doc)[trig.idx:end], code,  # doc_text: Doc.text rejoins every token at each read
                args=args, time=time, place=place, sentence=si, modality=modality,
                confidence=_confidence(code, noun, agent is not None, time.source if time else "", modality),
                label=event_label(trig, noun, agent, target, ix, args),
                event_class="intention" if trig.i in intended else event_class(trig, noun, "" if noun else phrase(trig)),
                fatalities=fatalities(trig, triggers),
            ))
    at = {events[k].start: doc[i] for i, k in event_at.items()}
    # a quoted "I" is its speaker (event_quote.py; before the labels below build on the speaker's)
    events = speak_in_first_person(doc, events, at, lambda tok, ev, who: _relabel(tok, ev, ix, who, trig_kind[tok.i]))
    for i, gov in intended.items():  # "Burhan vow" -> "Burhan vow to retake the city"
        if gov.i in event_at and i in event_at and doc[i].head.i == gov.i:
            ev, comp = events[event_at[gov.i]], events[event_at[i]]
            if not any(a.role == "target" for a in ev.args):
                ev.label = with_intended(ev.label, doc[i], next((a for a in comp.args if a.role == "target"), None), ix)
    for i, k in event_at.items():  # a nominal that names no one, labelled from the clause it belongs to
        if bare(events[k].label):
            events[k].label = (_label_from_clause(doc[i], events, event_at, at, ix)
                               or _clause_label(doc[i], events, event_at) or events[k].label)
    events = one_act(doc, events, at, lambda tok, ev: _relabel(tok, ev, ix))  # "imposed sanctions": one act
    # "the bankruptcy" after "filed for bankruptcy": event_coref.py (given the triggers, not every token)
    return follow_mentions(doc, events, at)


def _relabel(trig: Token, ev: Event, ix: TokenIndex, speaker: Optional[Argument] = None, noun: bool = True) -> str:
    """The label of an event given new participants: a nominal's from its support verb (event_merge.py), or the
    `speaker` a quoted "I" stands for (event_quote.py)."""
    args = [replace(speaker, role=a.role) if speaker is not None and a.text.lower() in FIRST_PERSON else a
            for a in ev.args]
    agent = next((a for a in args if a.role == "agent" and not speakerless(a)), None)
    target = next((a for a in args if a.role == "target"), None)
    return event_label(trig, noun, agent, target, ix, args)
