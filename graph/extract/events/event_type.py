"""CAMEO types of event triggers.

A trigger's code comes from the CAMEO lexicon (cameo.py, by lemma or verb-particle phrase: "blow up"), else from
WordNet (the anchor class its first sense falls under: "maim" -> injure -> 182; wordnet_lexicon.py). Then:
- frames change it: striking a deal is signing it; leaving people dead or hurt is killing or wounding them, not
  leaving; setting off or planting an explosive is a bombing (183);
- participants restrict it (CAMEO codes events between actors): military force, posture and retreat need an armed
  participant and no abstract target ("fighting pancreatic cancer" is no fight); occupying needs a place taken
  (not "took 11 people to hospital"); material cooperation needs goods, not information ("figures supplied by
  officials"); a statement needs a speaker;
- context: a death (die, death) is coded as a killing only next to violence (an attack, a weapon) and not when an
  accident or a disease caused it ("died of cancer", "killed in a car crash").
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from graph.extract.events import wordnet_lexicon as wn
from graph.extract.events.cameo import VERB_OBJECT_CODES, code_for, noun_code_for
from graph.extract.events.event_args import IDIOM_OBJECTS, SUBJECTS, TokenIndex
from graph.extract.events.event_protest import protest_code
from graph.extract.model import Argument

# "peace deals struck with the government": striking, reaching or sealing an agreement is signing it
AGREEMENT_NOUNS = {"deal", "agreement", "accord", "pact", "truce", "ceasefire", "bargain", "compromise", "treaty",
                   "settlement", "understanding"}
# "The fighting left many soldiers dead", "left 25 hurt": the state left behind, as a CAMEO code
RESULT_STATES = {"dead": "1823", "killed": "1823", "hurt": "182", "injured": "182", "wounded": "182"}
# verb-particle phrases that, with an explosive as participant, can only mean a detonation
EXPLODE_PHRASES = {"go off", "set off", "touch off", "blow up", "plant", "detonate", "explode", "trigger"}
DEATHS = {"die", "death", "perish", "dead"}
INJURED = {"injured", "wounded"}  # the people an injury left ("among the wounded": events.py VICTIMS)
ACCIDENTAL = {"accidental", "accidentally", "inadvertent", "inadvertently", "unintended"}
# deaths someone caused are killings ("causing the deaths")
CAUSING = {"cause", "inflict", "bring"}
# a "forces" plural is WordNet's military_unit ("force" alone is first a physical quantity)
ARMED_PLURALS = {"forces", "troops"}
ARMED_KINDS = frozenset({"armed_group", "state"})
# a withdrawal may also be a peacekeeping mission's (an intergovernmental organisation's) ("MINUSMA left Kidal")
WITHDRAWING_KINDS = ARMED_KINDS | {"igo"}
# targets no force can hit: conditions, qualities, ideas, feelings ("cancer", "poverty", "the problem")
ABSTRACT = {"noun.state", "noun.attribute", "noun.cognition", "noun.feeling", "noun.motive"}
INFORMATION = {"noun.communication", "noun.cognition", "noun.quantity", "noun.attribute"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
PERSON_ENTS = {"PERSON", "NORP", "ORG"}
FIGHT_LEMMAS = {"fight", "battle", "clash", "combat", "strike", "engage", "encounter", "confront", "attack",
                "fighting", "war", "hit", "repel"}
REPRESSION = "175"  # violent repression ("suppressed the insurrection") is a state's or armed group's act
PERSON_FILES = {"noun.person"}
# "claimed nine lives", "took the lives of": a killing
LIFE_TAKING = {"claim", "take", "cost"}
OCCUPY = "192"
# verbs of occupying (192) that are more often everyday acts: only armed actors occupy by them
EVERYDAY_TAKING = {"enter", "secure", "control", "recover"}
# CAMEO 194 "fight with artillery and tanks", 195 "employ aerial weapons": a fight by these weapons ("shells hit a
# market", "warplanes struck the town")
ARTILLERY = {"shell", "artillery", "mortar", "howitzer", "tank", "cannon", "shellfire", "rocket", "grad"}
AERIAL = {"warplane", "jet", "aircraft", "drone", "helicopter", "airstrike", "bomber", "airplane", "plane", "gunship"}
ACCUSE = "112"
DENIAL_VERBS = {"deny", "reject", "dismiss", "refute", "rebut", "contest", "dispute"}
ATTEMPT_NOUNS = {"attempt", "plot", "bid", "try", "conspiracy"}


def type_triggers(doc: Doc, noun_of: dict[int, bool], ix: TokenIndex) -> dict[int, str]:
    """CAMEO code (or "") for each trigger token index; `noun_of` says which triggers are nominals."""
    codes: dict[int, str] = {}
    deaths: list[Token] = []
    for i, noun in noun_of.items():
        tok = doc[i]
        if tok.lemma_.lower() in DEATHS or noun and tok.lower_ in INJURED:  # "11 of the injured": as a death
            deaths.append(tok)
            codes[i] = ""
            continue
        code = protest_code(tok, trigger_code(tok, noun, ix) or "", noun, phrase(tok))  # "protesters marched": 141
        if code[:2] in {"18", "19", "20"} and _accidental(tok):
            code = ""  # "two accidental explosions": no one's act
        codes[i] = "" if code in {"182", "1823"} and _mishap_cause(tok) else code  # "killed in a car crash"
    sents = list(doc.sents)
    for tok in deaths:
        caused = tok.dep_ == "dobj" and tok.head.lemma_.lower() in CAUSING  # "after causing the deaths, the IRA"
        code = "182" if tok.lower_ in INJURED else "1823"  # (the injured: typed only where violence is, as deaths)
        mishap = _mishap_cause(tok) or tok.lower_ in INJURED | {"dead"} and _mishap_near(tok, sents)
        codes[tok.i] = code if (caused or _violent_context(tok, codes, sents, ix)) and not mishap else ""
    return codes


def trigger_code(tok: Token, noun: bool, ix: TokenIndex) -> Optional[str]:
    code = _noun_code(tok) if noun else _verb_code(tok, ix)
    if not code:
        return None
    return _restricted(tok, code, noun, ix)


def _noun_code(tok: Token) -> Optional[str]:
    if _accusation(tok):
        return ACCUSE
    code = noun_code_for(tok.lemma_) or wn.noun(tok.lemma_).cameo or None
    if code is None and tok.lemma_.lower() in ATTEMPT_NOUNS:
        # "an assassination attempt", "a plot to bomb ...", "an attempt at a coup": the act attempted
        inner = [c for c in tok.children if c.dep_ == "compound"] + [
            o for p in tok.children if p.dep_ == "prep" and p.lower_ in {"at", "of"} for o in p.children]
        return next((c for c in (_noun_code(i) for i in inner if i.pos_ == "NOUN") if c), None)
    return code


def _accusation(tok: Token) -> bool:
    """ "Charge" meaning an accusation, not legal action (173): one denied or rejected, or set in apposition to the
    clause that states it ("accused X of arming Y, a charge X denies"); a legal charge is "of"/"against"/"with" sth."""
    if tok.lemma_.lower() != "charge" or any(c.dep_ == "prep" and c.lower_ in {"of", "against", "with", "over"}
                                             for c in tok.children):
        return False
    denied = [tok.head] if tok.dep_ in {"dobj", "nsubjpass"} else []
    denied += [c for c in tok.children if c.dep_ == "relcl"]
    return tok.dep_ == "appos" or any(v.lemma_.lower() in DENIAL_VERBS for v in denied)


def phrase(tok: Token) -> str:
    """A verb's lemma with its particle: "blow up", "go off", "ramp up"; or with the object of its idiom and the
    preposition of what it is aimed at: "open fire on", "set fire to" (VERB_OBJECT_CODES)."""
    if tok.pos_ == "VERB" and (idiom := verb_object_idiom(tok)) is not None:
        prep = next((c.lower_ for c in tok.children if c.dep_ == "prep" and c.lower_ in {"on", "to", "against",
                                                                                          "into"}), "")
        return " ".join(w for w in (*idiom, prep) if w)
    prt = next((c for c in tok.children if c.dep_ == "prt"), None)
    return f"{tok.lemma_.lower()} {prt.lower_}" if prt is not None else tok.lemma_.lower()


def _verb_code(trig: Token, ix: TokenIndex) -> Optional[str]:
    lemma, phr = trig.lemma_.lower(), phrase(trig)
    if lemma in {"strike", "reach", "seal", "clinch", "conclude", "broker"}:
        nouns = [c for c in trig.children if c.dep_ in SUBJECTS | {"dobj"}]
        if trig.dep_ == "acl":
            nouns.append(trig.head)
        nouns += [x for n in list(nouns) for x in n.conjuncts]
        if any(n.lemma_.lower() in AGREEMENT_NOUNS for n in nouns):
            return "057"
    if lemma == "call" and _phoned(trig, ix):
        return "040"  # "she called the garage to ask a price": a telephone consultation, not an appeal
    if lemma in LIFE_TAKING and any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in trig.children):
        return "1823"  # "the bombs claimed nine lives"
    if lemma == "take" and any(c.dep_ == "prep" and c.lower_ == "to" and any(
            o.dep_ == "pobj" and o.lemma_.lower() == "street" for o in c.children) for c in trig.children):
        return "141"  # "took to the streets": CAMEO 141 demonstrate or rally
    if (idiom := verb_object_idiom(trig)) is not None:
        return VERB_OBJECT_CODES[idiom]  # "opened fire on the crowd", "set fire to a school"
    if lemma == "order":
        return _order_code(trig, ix)
    if lemma == "leave":
        result = _result_state(trig)
        if result is not None:
            return result or None
    if phr in EXPLODE_PHRASES and any(_explosive(t) for t in _core(trig)):
        return "183"
    if phr != lemma:
        code = code_for(phr) or wn.verb(phr).cameo
        if code:
            return code
        if lemma in {"take", "go", "set", "carry", "bring", "put", "make", "give", "get", "turn"}:
            return None  # a light verb's phrase is its own word ("take off", "carry out"): not the light verb
    return code_for(lemma) or wn.verb(lemma).cameo or None


def verb_object_idiom(verb: Token) -> Optional[tuple[str, str]]:
    """The (verb, object) idiom the verb heads ("opened fire": ("open", "fire")), else None."""
    for c in verb.children:
        if c.dep_ == "dobj" and (key := (verb.lemma_.lower(), c.lemma_.lower())) in VERB_OBJECT_CODES:
            return key
    return None


def _order_code(trig: Token, ix: TokenIndex) -> Optional[str]:
    """ "Ordered troops to withdraw", "ordered the evacuation": a command (CAMEO 10 demand); "ordered 50 jets": a
    purchase (061); else no code."""
    kids = list(trig.children)
    if any(c.dep_ in {"xcomp", "ccomp"} for c in kids):
        return "100"
    objs = [c for c in kids if c.dep_ == "dobj"]
    if any(o.pos_ == "NOUN" and wn.noun(o.lemma_).lexfile in {"noun.act", "noun.event"} for o in objs):
        return "100"  # an act ordered: "ordered the departure of family members", "ordered an inquiry"
    if any(o.pos_ in {"NOUN", "NUM"} and wn.noun(o.lemma_).lexfile == "noun.artifact" or o.like_num for o in objs):
        return "061"
    return None


def _phoned(trig: Token, ix: TokenIndex) -> bool:
    """ "Call" with a person or organisation as object and nothing asked for: no "on"/"for", no infinitive, no
    predicate ("called him a liar") and no particle ("called off")."""
    kids = list(trig.children)
    if any(c.dep_ in {"xcomp", "oprd", "ccomp", "prt"} or c.dep_ == "prep" and c.lower_ in {"on", "for", "upon"}
           for c in kids):
        return False
    objs = [c for c in kids if c.dep_ == "dobj"]
    return bool(objs) and all(_person(o, ix) or (ix.ent[o.i] is not None and ix.ent[o.i].type in
                                                 {"PERSON", "ORG"}) for o in objs)


def _result_state(trig: Token) -> Optional[str]:
    """The code of the state "leave" leaves behind ("left 25 hurt": 182), "" for another state, None for none."""
    for c in trig.children:
        if c.dep_ == "dobj" and c.lower_ in RESULT_STATES:  # "left 25 hurt" parsed with "hurt" as the object
            return RESULT_STATES[c.lower_]
        if c.dep_ in {"oprd", "acomp", "xcomp", "ccomp", "advcl"} and c.tag_ in {"JJ", "VBN"} and not any(
                g.dep_ in {"mark", "aux"} for g in c.children):
            word = c.lower_
            code = RESULT_STATES.get(word) or wn.verb(c.lemma_).cameo
            return code if code and code[:2] in {"18", "20"} else ""
    return None


def _core(trig: Token) -> list[Token]:
    """The trigger's subject, objects and, for a participle modifying a noun, that noun; with conjuncts."""
    out = [c for c in trig.children if c.dep_ in SUBJECTS | {"dobj", "nsubjpass"}]
    if trig.dep_ in {"acl", "relcl"} and trig.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        out.append(trig.head)
    return out + [x for t in list(out) for x in t.conjuncts]


def _objects(trig: Token, noun: bool) -> list[Token]:
    """What the event is done to: a verb's object, passive subject or the noun its participle modifies; a
    nominal's "of"/"against"/"on" object."""
    if noun:
        return [o for p in trig.children if p.dep_ == "prep" and p.lower_ in {"of", "against", "on"}
                for o in p.children if o.dep_ == "pobj"]
    out = [c for c in trig.children if c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() not in IDIOM_OBJECTS]
    if trig.dep_ == "acl" and trig.head.pos_ in {"NOUN", "PROPN"} and (
            trig.tag_ == "VBN" or trig.tag_ == "VB" and not out and any(c.dep_ == "aux" for c in trig.children)):
        out.append(trig.head)  # "figures supplied by ...", "a disease to battle"
    return out + [x for t in list(out) for x in t.conjuncts]


def _participants(trig: Token, noun: bool) -> list[Token]:
    out = _core(trig) if not noun else [c for c in trig.children if c.dep_ in {"poss", "compound", "amod"}]
    for p in trig.children:
        if p.dep_ in {"prep", "agent"}:
            out += [o for o in p.children if o.dep_ == "pobj"]
    return out + _objects(trig, noun)


def _explosive(tok: Token) -> bool:
    return wn.noun(tok.lemma_).tag == "weapon" or any(
        c.dep_ == "compound" and wn.noun(c.lemma_).tag == "weapon" for c in tok.children)


def armed(tok: Token, ix: TokenIndex, kinds: frozenset[str] = ARMED_KINDS) -> bool:
    """An armed actor: an armed group or state actor, or a noun for soldiers, police, militants ("troops"), or
    what they hold ("rebel positions", "army bases")."""
    ent = ix.ent[tok.i]
    if ent is not None and (ent.kind in kinds or ent.type == "ARMED_GROUP"):
        return True
    if tok.lower_ in ARMED_PLURALS or wn.noun(tok.lemma_).tag in {"armed", "weapon"} or tok.lemma_.lower() in AERIAL:
        return True
    return any(c.dep_ in {"compound", "amod", "poss"} and c.i != tok.i and armed(c, ix, kinds) for c in tok.children)


def _place(tok: Token, ix: TokenIndex) -> bool:
    ent = ix.ent[tok.i]
    return (ix.loc[tok.i] is not None or tok.ent_type_ in PLACE_ENTS or (ent is not None and ent.type in PLACE_ENTS)
            or wn.noun(tok.lemma_).lexfile == "noun.location" or wn.noun(tok.lemma_).tag == "site"
            or any(o.dep_ == "pobj" and _place(o, ix) for p in tok.children if p.lower_ == "of" for o in p.children))


def _abstract(tok: Token, ix: TokenIndex) -> bool:
    if tok.pos_ != "NOUN" or ix.ent[tok.i] is not None or ix.loc[tok.i] is not None:
        return False
    if any(c.dep_ in {"amod", "compound", "poss"} and (c.ent_type_ in PLACE_ENTS | {"NORP"} or ix.loc[c.i] is not None)
           for c in tok.children):
        return False  # "attacks on British soil", "on Afghan territory": a country's ground, no idea
    sense = wn.noun(tok.lemma_)  # (a place in another sense is no idea: "stormed the compound", an enclosure)
    return sense.lexfile in ABSTRACT and sense.tag != "site"


def _restricted(trig: Token, code: str, noun: bool, ix: TokenIndex) -> Optional[str]:
    objs = _objects(trig, noun)
    parts = _participants(trig, noun)
    lemma = trig.lemma_.lower()
    if code.startswith("19") and code != OCCUPY or code.startswith("15") or code == "0874" or code == "191":
        if objs and all(_abstract(o, ix) for o in objs):
            return None  # "fighting pancreatic cancer", "attack the problem"
        kinds = WITHDRAWING_KINDS if code == "0874" else ARMED_KINDS
        if (lemma in FIGHT_LEMMAS and not noun or code[:2] in {"15", "08"} or code == "191") and not any(
                armed(t, ix, kinds) for t in parts):
            return None  # fights, deployments, retreats and blockades are between armed actors
    if code == OCCUPY and not noun:
        if not any(_place(o, ix) for o in objs):
            if any(wn.noun(o.lemma_).lexfile == "noun.person" or (ix.ent[o.i] is not None and ix.ent[o.i].type
                                                                  == "PERSON") for o in objs):
                return "181" if any(armed(t, ix) for t in parts) else None  # "seized hundreds of hostages"
            return None  # "took 11 people to hospital", "took a tougher line"
        if lemma in EVERYDAY_TAKING and not any(armed(t, ix) for t in parts):
            return None  # "entered the United States on a student visa": travel, not an occupation
    if code[:2] in {"06", "07"} and objs and all(wn.noun(o.lemma_).lexfile in INFORMATION for o in objs):
        return None  # "figures supplied by officials": information, not goods
    if code == REPRESSION and not any(armed(t, ix) for t in parts):
        return None
    if code.startswith("14") and code != "143" and not noun and not _protesters(trig, ix):
        return None  # "shares rallied", "the figures demonstrate that ...": nobody protests
    if code.startswith("171") and objs and all(_person(o, ix) for o in objs):
        return "182"  # "mutilated the victims": damage done to people is an assault on them
    if code == "190":
        return _by_weapon(trig, noun) or code
    return code


def _by_weapon(trig: Token, noun: bool) -> Optional[str]:
    """194 or 195 for a fight by artillery or from the air: its subject or "by"/"with" phrase ("shells hit", "struck
    by drones"), a noun's modifier ("rocket attack", "drone strikes")."""
    if noun:
        means = [c for c in trig.children if c.dep_ in {"compound", "amod"}]
    else:
        means = [c for c in trig.children if c.dep_ == "nsubj"]
    means += [o for p in trig.children if p.dep_ in {"prep", "agent"} and p.lower_ in {"by", "with"}
              for o in p.children if o.dep_ == "pobj"]
    for m in means:
        lemma = m.lemma_.lower()
        if lemma in ARTILLERY:
            return "194"
        if lemma in AERIAL:
            return "195"
    return None


def _protesters(trig: Token, ix: TokenIndex) -> bool:
    """A protest verb used of people: its subject (if any) is people, a group or an actor ("shares rallied" is a
    market recovering); "demonstrate" shows no idea or quality ("demonstrated its resolve")."""
    if trig.lemma_.lower() in {"demonstrate", "rally"} and any(
            c.dep_ == "ccomp" or c.dep_ == "dobj" and wn.noun(c.lemma_).lexfile in ABSTRACT | INFORMATION | {"noun.act"}
            for c in trig.children):
        return False  # "demonstrated that ...", "demonstrated its resolve": showing, not protesting
    subs = [c for c in trig.children if c.dep_ == "nsubj"]
    return all(c.pos_ == "PRON" or ix.ent[c.i] is not None or _person(c, ix)
               or wn.noun(c.lemma_).lexfile == "noun.group" for c in subs)


def _person(tok: Token, ix: TokenIndex) -> bool:
    """People: a person's name or noun, a bare number of them ("killed 12"), or "dozens of" people."""
    ent = ix.ent[tok.i]
    if (ent is not None and ent.type == "PERSON") or wn.noun(tok.lemma_).lexfile in PERSON_FILES:
        return True
    if tok.pos_ == "NUM" or wn.noun(tok.lemma_).lexfile == "noun.quantity":
        of = [o for p in tok.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        return all(_person(o, ix) for o in of) if of else tok.pos_ == "NUM" or tok.tag_ == "NNS"  # "thousands"
    return False


def _accidental(tok: Token) -> bool:
    """Said to be an accident: "an accidental explosion", "the bomb went off accidentally"."""
    return any(c.dep_ in {"amod", "advmod"} and c.lower_ in ACCIDENTAL for c in tok.children)


def _mishap_cause(trig: Token) -> bool:
    """A death or injury with an accident or disease as its cause ("died of cancer", "in a car crash", "in an
    accidental explosion")."""
    for p in trig.children:
        if p.dep_ == "prep":
            for o in p.children:
                if o.dep_ == "pobj" and (wn.noun(o.lemma_).tag == "mishap" or _accidental(o) or any(
                        c.dep_ in {"compound", "amod"} and wn.noun(c.lemma_).tag == "mishap" for c in o.children)):
                    return True
    return False


def _mishap_near(tok: Token, sents: list) -> bool:
    """An accident or a disease named in the sentence of "the injured", "the dead" (who have no cause of their own:
    "died in a road crash, and the injured were taken to hospital")."""
    sent = next((s for s in sents if s.start <= tok.i < s.end), None)
    return sent is not None and any(t.pos_ == "NOUN" and wn.noun(t.lemma_).tag == "mishap" for t in sent)


def _violent_context(trig: Token, codes: dict[int, str], sents: list, ix: TokenIndex) -> bool:
    """Violence in the death's sentence or the one before: a trigger coded 14-20, or a weapon named."""
    si = next((k for k, s in enumerate(sents) if s.start <= trig.i < s.end), 0)
    window = range(sents[max(0, si - 1)].start, sents[si].end)
    for i in window:
        code = codes.get(i, "")
        if code[:2] in {"14", "15", "17", "18", "19", "20"} and (i >= sents[si].start or code[:2] != "17"):
            return True
        if trig.doc[i].pos_ == "NOUN" and wn.noun(trig.doc[i].lemma_).tag == "weapon" and i >= sents[si].start:
            return True
    return False


def needs_speaker(code: str) -> bool:
    """A statement, appeal or verbal act (CAMEO 01-02, 10-13) is coded only with its speaker (the source actor)."""
    return code[:2] in {"01", "02"}


def speakerless(agent: Optional[Argument]) -> bool:
    """No speaker to code: no agent, or only a quote mark the parser took for one ("’’ said")."""
    return agent is None or agent.text.strip("'\"‘’“”`´«» ") == ""
