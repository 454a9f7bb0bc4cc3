"""An event trigger's participants from the dependency parse: a verb's subject is its agent (the passive subject
and the object its target), a controlled or coordinated verb takes its governor's subject, a participle modifying a
noun takes that noun; a nominal's possessor and "by" phrase are its agent, its "of" phrase its target; prepositional
objects are further participants. Each argument carries the actor or place it resolves to (:class:`TokenIndex`)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from graph.extract.actors.phrase_actor import phrase_actor
from graph.extract.events import wordnet_lexicon as wn
from graph.extract.events.cameo import noun_code_for
from graph.extract.model import Argument, Entity, Location, Timex
from graph.extract.text.phrases import conjuncts, listed_name, relative_antecedent

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECTS = {"dobj", "dative", "attr", "oprd"}
NOUNISH = {"NOUN", "PROPN", "PRON", "NUM"}
NP_RIGHT = {"conj", "cc", "appos", "compound", "nummod", "case"}
# "its determination to retake it", "a race to seize territory": the infinitive is what the noun intends
INTENT_NOUNS = {"determination", "plan", "bid", "attempt", "intention", "effort", "race", "push", "drive", "threat",
                "vow", "pledge", "promise", "offer", "readiness", "willingness", "resolve", "ambition", "goal", "aim",
                "wish", "desire", "call", "demand", "order", "request", "decision", "agreement", "deal"}
# "force Henry to resign", "urged all sides to protect civilians": the object is the infinitive's subject
SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten"}
CAUSATIVE = {"have", "get"}
# Support verbs: their subject is the agent (for "suffered defeats" the patient: event_merge.py) of their noun
SUPPORT_VERBS = {**dict.fromkeys(["launch", "carry", "conduct", "stage", "mount", "commit", "perpetrate", "wage",
                                  "unleash", "execute", "orchestrate", "claim", "accept", "admit", "give", "make",
                                  "hold", "issue", "deliver", "reach", "sign", "impose", "declare", "order",
                                  "open", "begin", "start",
                                  # who reports or lays out its own loss, cuts or plan: "GM reported a loss",
                                  # "Ford announced deep production cuts", "presented a rescue plan"
                                  "report", "post", "announce", "unveil", "present", "outline", "set"], "agent"),
                 **dict.fromkeys(["suffer", "sustain", "undergo", "receive", "incur", "endure"], "target")}
MEMBER_PREPS = {"including", "among"}
JOURNEY_PREPS = {"after", "before", "during", "following"}  # "landed after a 14-hour flight", "before the tour"
# verbs whose prepositional object is the event their subject is in: "filed for bankruptcy", "went on strike"
PREP_SUPPORT = {"file": "for", "apply": "for", "go": "on", "be": "on"}
# WordNet files of nouns that are no journey ("fell after the announcement", "after a delay", "after an accident")
NOT_JOURNEYS = {"noun.communication", "noun.cognition", "noun.time", "noun.event", "noun.state", "noun.attribute",
                "noun.feeling", "noun.phenomenon", "noun.possession", "noun.person"}
SERIES_NOUNS = {"series", "wave", "spate", "string", "number", "campaign", "spree", "round"}
RESPONSIBILITY = {"responsibility", "credit"}
# verbs that hold their object responsible for an event ("blamed X for", "accused X of", "arrested X over")
RESPONSIBLE_VERBS = {"blame", "accuse", "arrest", "detain", "charge", "convict", "sentence", "indict", "try",
                     "suspect", "condemn", "punish", "prosecute", "jail", "execute"}
# nouns in apposition that name what the whole clause says, not the noun they follow ("..., a charge X denies")
CLAUSE_APPOSITIVES = {"charge", "claim", "allegation", "accusation", "assertion", "move", "step", "decision",
                      "development", "statement", "figure", "accusation", "assessment"}
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


def _np_span(tok: Token, split: bool = False) -> Span:
    """The noun phrase headed by tok: its left modifiers, plus apposition and (unless `split`: each conjunct is
    a participant of its own) coordination."""
    doc = tok.doc
    end = tok.i
    for child in tok.rights:
        if split and (child.dep_ in {"conj", "cc"} or listed_name(child)):
            break  # "Ann Smith, Tom Jones and Bill Lee": the list's next names are their own arguments
        if child.dep_ == "appos" and child.lemma_.lower() in CLAUSE_APPOSITIVES:
            break  # "arming the RSF, a charge the UAE denies": the apposition is about the clause, not the RSF
        if child.dep_ in NP_RIGHT or (child.dep_ == "prep" and child.lower_ == "of") or (
                child.tag_ in {"RBR", "JJR"} and _count(tok)):
            end = max(end, child.right_edge.i)  # ... "scores more", "130 more"
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


def _count(tok: Token) -> bool:
    return tok.like_num or tok.tag_ == "NNS" and wn.noun(tok.lemma_).lexfile == "noun.quantity"  # "dozens"


# a relative pronoun's noun ("the museum, which was damaged": the museum), else the token itself
antecedent = relative_antecedent


class TokenIndex:
    """Per-token lookups: the entity, timex and location a token falls in."""

    def __init__(self, doc: Doc, entities: list[Entity], timexes: list[Timex], locations: list[Location]):
        n = len(doc)
        self.ent: list[Optional[Entity]] = [None] * n
        self.timex: list[Optional[Timex]] = [None] * n
        self.loc: list[Optional[Location]] = [None] * n
        starts: Optional[dict[int, int]] = None  # built only if a span does not align (rare): it walks every token
        self.labels = {e.canonical: e.label for e in entities if e.canonical and e.label}
        # shortest spans last so they win; actor canonicals beat bare mentions of equal length
        ordered = sorted(entities, key=lambda e: (-(e.end - e.start), e.canonical is not None))
        for table, items in ((self.ent, ordered), (self.timex, timexes), (self.loc, locations)):
            for it in items:
                span = doc.char_span(it.start, it.end, alignment_mode="expand")
                if span is None:
                    starts = starts if starts is not None else {t.idx: t.i for t in doc}
                    i = starts.get(it.start)
                    if i is None:
                        continue
                    span = doc[i : i + 1]
                for t in span:
                    table[t.i] = it


def argument(tok: Token, role: str, ix: TokenIndex, split: bool = False) -> Optional[Argument]:
    """The argument headed by tok; `split` leaves its conjuncts out of its span (they are arguments of their own)."""
    if ix.timex[tok.i] is not None:
        return None
    loc = ix.loc[tok.i]
    ent = ix.ent[tok.i]
    if loc is not None and role in {"other", "place"}:
        return Argument(loc.start, loc.end, loc.text, "place", loc.canonical)
    span = _np_span(tok, split)
    if ent is None and loc is None:
        # "Sudan's paramilitary Rapid Support Forces (RSF)": the parse heads the phrase on the adjective and
        # hangs the name on it as an apposition; the name is the argument's actor
        ent = next((ix.ent[c.i] for c in tok.children if c.dep_ == "appos" and ix.ent[c.i] is not None
                    and ix.ent[c.i].canonical), None)
    if ent is None and loc is None:
        ent = phrase_actor(tok, ix.ent)  # "one of the A380s", "the long-range 777", "a version of its 777"
    if ent is None and loc is None and antecedent(tok) != tok:
        # "the militia, which ...": the relative pronoun is the argument's words, its noun's actor is who it is
        ent = ix.ent[antecedent(tok).i]
        return Argument(span.start_char, span.end_char, span.text, role, ent.canonical if ent is not None else None)
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
    # previously agreed ...": "contravenes" tagged as a plural noun); the first is the subject, unless it is an
    # adjective split off the noun ("Sudan's paramilitary | Rapid Support Forces seized")
    if len(subs) > 1 and subs[0].pos_ == "ADJ" and subs[1].pos_ in {"NOUN", "PROPN"}:
        return subs[1:2]
    return subs[:1]


def _inherited_subject(verb: Token, depth: int = 0) -> list[tuple[Token, str]]:
    """Subject of a verb that has none of its own: its governor's, or the noun it modifies."""
    head = verb.head
    if depth > 3 or head == verb:
        return []
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep":
        accused = _held_responsible_for(head)
        if accused:  # "accused the UAE of arming the RSF", "was blamed for starting the fire": the one accused
            return [(a, "agent") for a in accused]
    if verb.dep_ == "pcomp" and head.dep_ == "prep" or verb.dep_ == "xcomp" and head.dep_ == "acomp":
        head = head.head  # "responded by calling ...", "felt confident enough to call ...": the clause's verb
    if verb.dep_ == "xcomp" and head.pos_ == "VERB" and head.lemma_.lower() not in SUBJECT_CONTROL:
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if objs:
            return [(o, "agent") for o in objs]
    if verb.dep_ in {"xcomp", "conj", "advcl", "pcomp"} and head.pos_ in {"VERB", "AUX"}:
        subs = _subjects(head)
        if subs and subs[0].dep_ == "nsubjpass" and (verb.tag_ == "VBN" and verb.dep_ in {"conj", "advcl"}):
            return [(s, "target") for s in subs]  # "were mutilated and injured": the same people suffer both
        if subs and subs[0].dep_ == "nsubjpass" and verb.dep_ == "advcl" and verb.tag_ == "VBG":
            # "The hotel was hit by a rocket, wounding six": the rocket wounds, not the hotel
            return [(obj, "agent") for prep, obj in _pobjs(head) if prep.dep_ == "agent"]
        if subs:
            return [(s, "agent") for s in subs]
        return _inherited_subject(head, depth + 1)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
        # "made its maiden flight after lifting off from Toulouse": the gerund's doer is the clause's subject
        subs = _subjects(head.head)
        return [(s, "agent") for s in subs] if subs else _inherited_subject(head.head, depth + 1)
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
    if not subs and verb.dep_ == "acomp" and verb.tag_ == "VBN" and verb.head.lemma_.lower() == "be":
        # "Ford is still committed to invest": a participle after 'be' is the state its named subject is in (a
        # thing's is mostly a description, "the fridge wasn't that damaged", left as it was)
        out += [(s, "target") for s in _subjects(verb.head) if _named_actor(s, ix)]
    elif not subs:
        out += _inherited_subject(verb)
    for c in verb.children:
        if c.dep_ == "dative" and c.pos_ == "ADP":  # "offered buyouts to workers": the one given to, not "to"
            out += [(o, "target") for o in c.children if o.dep_ == "pobj"]
        elif c.dep_ in OBJECTS and not (c.dep_ == "oprd" and c.pos_ == "ADJ"):  # "left many soldiers dead"
            out.append((c, "target"))
    for prep, obj in _pobjs(verb):
        if prep.lower_ in MEMBER_PREPS and _someone(obj, ix):  # "were arrested, including A and B"
            out.append((obj, next((r for _, r in out if r == "target"), None) or next((r for _, r in out), "other")))
            continue
        out.append((obj, "agent" if prep.dep_ == "agent" else "other"))
    if verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
        out.append((verb.head, "place"))  # "the station, where six people were killed"
    if not any(r == "agent" for _, r in out):
        out += _attackers(verb, ix)
    return _with_conjuncts(out)


def _attackers(verb: Token, ix: TokenIndex) -> list[tuple[Token, str]]:
    """Who did the attack a death or injury happened in: "were killed in IS attacks", "died in a Taliban ambush",
    "were wounded in an attack by militants"."""
    out: list[tuple[Token, str]] = []
    for prep, obj in _pobjs(verb):
        if prep.lower_ not in {"in", "during"} or obj.pos_ != "NOUN":
            continue
        code = noun_code_for(obj.lemma_) or wn.noun(obj.lemma_).cameo
        if code[:2] not in {"18", "19", "20"}:
            continue
        out += [(c, "agent") for c in obj.children if c.dep_ == "poss" or c.dep_ == "compound" and (
            ix.ent[c.i] is not None and ix.loc[c.i] is None)]
        out += [(o, "agent") for p, o in _pobjs(obj) if p.lower_ == "by"]
    return out


def _with_conjuncts(args: list[tuple[Token, str]]) -> list[tuple[Token, str]]:
    """Each conjunct of a subject or an object is a participant in the same role: "GM and Chrysler offered
    buyouts", "sold the plant to Fiat and Toyota"."""
    out = list(args)
    have = {t.i for t, _ in args}
    for tok, role in args:
        for c in tok.conjuncts:
            if c.i not in have and c.pos_ in {"NOUN", "PROPN"}:
                out.append((c, role))
                have.add(c.i)
    return out


def noun_args(noun: Token, ix: TokenIndex) -> list[tuple[Token, str]]:
    out: list[tuple[Token, str]] = []
    for c in noun.children:
        if c.dep_ == "poss":
            out.append((c, "agent"))
        elif c.dep_ == "compound" and (ix.ent[c.i] is not None or c.pos_ == "PROPN"):
            # "Taliban attacks": an actor's name before the noun is who acts; a place's is where ("Paris attacks")
            out.append((c, "agent" if ix.ent[c.i] is not None and ix.loc[c.i] is None else "other"))
    pairs = list(_pobjs(noun))
    if noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and not any(p.lower_ == "of" for p, _ in pairs):
        # "the slaughter and maiming of civilians": the coordinated nouns share what they are done to
        pairs += [(p, o) for p, o in _pobjs(noun.head) if p.lower_ == "of"]
        if not any(c.dep_ == "poss" for c in noun.children):  # "Vantor's growth and steady decline": its too
            out += [(c, "agent") for c in _first_noun(noun).children if c.dep_ == "poss"]
    for prep, obj in pairs:
        role = {"by": "agent", "of": "target", "against": "target", "on": "target"}.get(prep.lower_, "other")
        if role == "target" and prep.lower_ == "on" and ix.loc[obj.i] is not None:
            role = "other"  # "the attack on Kabul": a named place is where it happened
        out.append((obj, role))
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":  # "Toyota was the sole exception": a name is what it is
        out += [(s, "other") for s in _subjects(noun.head) if _named_actor(s, ix)]
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":  # "the blast was at the station": where it was
        out += [(obj, "other") for prep, obj in _pobjs(noun.head) if prep.dep_ == "prep"]
    if not any(role == "agent" for _, role in out):
        out += _traveller(noun, ix)
    return _with_conjuncts(out + _support(noun) + _held_responsible(noun))


def _first_noun(noun: Token) -> Token:
    """The first of coordinated nouns ("boom" of "X's boom, footprint and shortcoming"), which holds their words."""
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head
    return noun


def _traveller(noun: Token, ix: TokenIndex) -> list[tuple[Token, str]]:
    """Who made the journey a verb of motion is timed by ("the jet landed after a 14-hour flight": its named active
    subject), not a statement, a thought or a mishap ("Airbus fell after the announcement")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in JOURNEY_PREPS or prep.head.pos_ != "VERB":
        return []
    verb = prep.head
    prt = next((f"{verb.lemma_} {c.lower_}" for c in verb.children if c.dep_ == "prt"), "")  # "touched down"
    motion = wn.verb(prt).lexfile or wn.verb(verb.lemma_).lexfile
    if motion != "verb.motion" or wn.noun(noun.lemma_).lexfile in NOT_JOURNEYS:
        return []
    subs = [s for s in _subjects(verb) if s.dep_ == "nsubj"]
    return [(s, "agent") for s in subs if ix.ent[s.i] is not None and ix.ent[s.i].canonical]


def _support(noun: Token) -> list[tuple[Token, str]]:
    """The subject a support verb lends its event noun: who "launched a series of attacks", "carried out the
    bombing", "claimed responsibility for the bombing" did it; who "suffered injuries" was hurt."""
    tok = noun
    while tok.dep_ == "conj" and tok.head.pos_ == "NOUN":
        tok = tok.head  # "filed for bankruptcy and Chapter 11 protection": the coordination's first noun
    if tok.dep_ == "pobj" and PREP_SUPPORT.get(tok.head.head.lemma_.lower()) == tok.head.lower_:
        subs = [s for s in _subjects(tok.head.head) if s.dep_ == "nsubj"]
        return [(s, "agent") for s in subs] or [(s, r) for s, r in _inherited_subject(tok.head.head) if r == "agent"]
    if tok.dep_ == "pobj" and tok.head.lower_ in {"of", "for"} and (
            tok.head.head.lemma_.lower() in SERIES_NOUNS | RESPONSIBILITY):
        tok = tok.head.head  # "a series of attacks", "responsibility for the bombing"
    verb = tok.head
    if tok.dep_ not in {"dobj", "nsubjpass"} or verb.pos_ != "VERB":
        return []
    role = SUPPORT_VERBS.get(verb.lemma_.lower())
    if role is None:
        return []
    if tok.dep_ == "nsubjpass":  # "the attacks were carried out by militants"
        return [(obj, role) for prep, obj in _pobjs(verb) if prep.dep_ == "agent"]
    subs = [s for s in _subjects(verb) if s.dep_ == "nsubj"]
    return [(s, role) for s in subs] or [(s, role) for s, r in _inherited_subject(verb) if r == "agent"]


def _held_responsible(noun: Token) -> list[tuple[Token, str]]:
    """Who is blamed, accused, arrested or convicted for the event did it: "blamed the ELN for the bombing",
    "was arrested for the murder"."""
    if noun.dep_ != "pobj":
        return []
    return [(c, "agent") for c in _held_responsible_for(noun.head)]


def _held_responsible_for(prep: Token) -> list[Token]:
    """Whom the verb of prep ("for", "of", "over", "with") holds responsible: its object ("blamed the ELN for",
    "charged him with"), its passive subject ("was accused of") or its conjunct's ("was freed and charged with")."""
    if prep.lower_ not in {"for", "of", "over", "with"} or prep.head.pos_ != "VERB":
        return []
    verb = prep.head
    if verb.lemma_.lower() not in RESPONSIBLE_VERBS:
        return []
    held = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not held and verb.dep_ == "conj" and verb.tag_ == "VBN":
        held = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    return held


def _named_actor(tok: Token, ix: TokenIndex) -> bool:
    """A token of an actor the article names (or refers back to), not a place."""
    return getattr(ix.ent[tok.i], "canonical", None) is not None and ix.loc[tok.i] is None


def _someone(tok: Token, ix: TokenIndex) -> bool:
    """A person, a group or an actor (a number of them too): who can be among those an event touches."""
    ent = ix.ent[tok.i]
    return (ent is not None and ent.canonical is not None or tok.pos_ in {"NUM", "PROPN"}
            or wn.noun(tok.lemma_).lexfile in {"noun.person", "noun.group"})


def participants(trig: Token, noun: bool, ix: TokenIndex) -> list[tuple[Token, str]]:
    """The trigger's (token, role) pairs, coordinations split ("arrested Ann and Tom": two targets)."""
    out: list[tuple[Token, str]] = []
    raw = noun_args(trig, ix) if noun else verb_args(trig, ix)
    if trig.pos_ == "ADJ" and trig.dep_ in {"acomp", "oprd"}:  # "nine people were dead", "was shot dead"
        raw += [(c, "target") for c in trig.head.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    for tok, role in raw:
        out += [(t, role) for t in (tok, *conjuncts(tok))]
        # "killed 12 people, including three children": the children are victims too
        members = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in MEMBER_PREPS
                   for o in p.children if o.dep_ == "pobj" and _someone(o, ix)]
        out += [(t, role) for m in members for t in (m, *conjuncts(m))]
    seen: set[int] = set()  # verb_args/noun_args list conjuncts already: each token once, in its first role
    return [(t, r) for t, r in out if not (t.i in seen or seen.add(t.i))]
