"""An event's TimeML class (TimeML Annotation Guidelines 1.2.1, Saurí et al. 2006, section 2.3.1.1), lowercase:
occurrence, state, reporting, perception, aspectual, i_action, i_state; and `intention` for an event only
intended (the complement of an intention: "vowed to retake the city", set in events.py from event_intent.py).

The closed classes (reporting, perception, aspectual, i_action, i_state) are the guidelines' word lists; states
are copular "be"/"have" and the verbs and nouns WordNet files as states (verb.stative: "remain", "own",
"belong"; noun.state/noun.attribute/noun.feeling: "crisis", "poverty"); everything else happens: occurrence.
"""
from __future__ import annotations

from spacy.tokens import Token

from graph.extract.events import wordnet_lexicon as wn

# "intention": not a TimeML class; an event only intended ("vowed to retake"): the complement of an i_action or
# i_state, which TimeML links to it by a modal SLINK (events/event_intent.py)
CLASSES = ("occurrence", "state", "reporting", "perception", "aspectual", "i_action", "i_state", "intention")
# Guidelines 2.3.1.1: REPORTING "say, report, tell, explain, state"; the usual news verbs of saying with them
REPORTING = {"say", "report", "tell", "explain", "state", "announce", "add", "claim", "note", "comment",
             "declare", "insist", "confirm", "deny", "quote", "cite", "testify", "reply", "respond", "remark",
             "write", "disclose", "reveal", "acknowledge", "admit", "assert", "recount", "recall", "describe",
             "statement", "announcement", "remark", "comment", "report", "testimony", "declaration"}
# PERCEPTION: "see, watch, glimpse, behold, view, hear, listen, overhear"
PERCEPTION = {"see", "watch", "glimpse", "behold", "view", "hear", "listen", "overhear", "witness", "observe",
              "notice", "spot", "sight"}
# ASPECTUAL: initiation, reinitiation, termination, culmination, continuation
ASPECTUAL = {"begin", "start", "commence", "initiate", "restart", "reinitiate", "resume", "stop",
             "cancel", "end", "halt", "terminate", "cease", "discontinue", "interrupt", "quit", "finish",
             "complete", "continue", "keep", "proceed", "persist", "carry on", "go on", "set out", "set about",
             "break off", "call off", "give up", "wind up", "beginning", "start", "end", "resumption",
             "continuation", "completion", "halt", "cessation", "suspension", "suspend"}
# I_ACTION: "attempt, try, scramble; investigate, look at, delve; delay, postpone, defer, hinder, set back;
# avoid, prevent, cancel; ask, order, persuade, request, beg, command, urge, authorize; promise, offer, assure,
# propose, agree, decide, swear, vow; name, nominate, appoint, declare, proclaim; claim, allege, suggest"
I_ACTION = {"attempt", "try", "scramble", "investigate", "delve", "delay", "postpone", "defer", "hinder",
            "avoid", "prevent", "ask", "order", "persuade", "request", "beg", "command", "urge", "authorize",
            "authorise", "promise", "offer", "assure", "propose", "agree", "decide", "swear", "vow", "pledge",
            "name", "nominate", "appoint", "proclaim", "allege", "suggest", "seek", "threaten", "refuse",
            "attempt", "investigation", "request", "order", "promise", "offer", "proposal", "decision",
            "pledge", "threat", "appeal", "call", "demand", "bid", "effort"}
# I_STATE: "believe, think, suspect, imagine, doubt, feel, be conceivable, be sure; want, love, like, desire,
# crave, lust; hope, expect, aspire, plan; fear, hate, dread, worry, be afraid; need, require, demand"
I_STATE = {"believe", "think", "suspect", "imagine", "doubt", "feel", "want", "love", "like", "desire",
           "crave", "hope", "expect", "aspire", "plan", "fear", "hate", "dread", "worry", "need", "require",
           "wish", "intend", "consider", "hope", "plan", "fear", "belief", "expectation", "desire", "intention",
           "need", "worry", "concern"}
# copulas and verbs of holding ("the RSF has controlled Darfur since 2023": a state of control, facts/control*.py)
COPULAS = {"be", "have", "seem", "appear", "become", "remain", "stay", "own", "possess", "control"}
STATE_FILES = {"verb.stative", "noun.state", "noun.attribute", "noun.feeling"}


def event_class(trig: Token, noun: bool, phrase: str = "") -> str:
    """The TimeML class of a trigger (a verb with its particle in `phrase`: "carry on")."""
    lemma = trig.lemma_.lower()
    for word in (phrase, lemma):
        if not word:
            continue
        if word in REPORTING and not (noun and word == "report" and trig.tag_ == "NNS"):
            return "reporting"
        if word in PERCEPTION:
            return "perception"
        if word in ASPECTUAL:
            return "aspectual"
        if word in I_ACTION:
            return "i_action"
        if word in I_STATE:
            return "i_state"
    if not noun and lemma in COPULAS:
        return "state"
    if noun:
        lexfile = wn.noun(lemma).lexfile
    else:
        lexfile = wn.verb(phrase).lexfile if phrase and wn.verb(phrase).lexfile else wn.verb(lemma).lexfile
    return "state" if lexfile in STATE_FILES else "occurrence"
