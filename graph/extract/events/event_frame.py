"""Which events belong to the news' frame rather than to its story: the statements, intentions and judgements of
its sources ("said", "vowed", "accused"), which event_time.py dates by the story's days of speaking, not by the
days of the events they report."""
from __future__ import annotations

from spacy.tokens import Token

from graph.extract.events import wordnet_lexicon as wn
from graph.extract.events.event_class import event_class
from graph.extract.events.event_modality import SPEECH

# Verbs that speak of, judge or answer an event that came before them: "blamed the ELN for the bombing",
# "condemned the attack", "were compensated for the delays" (VerbNet's judgement, say and punishment classes)
JUDGEMENT = {"blame", "accuse", "condemn", "denounce", "criticize", "criticise", "praise", "thank", "apologize",
             "apologise", "compensate", "punish", "sentence", "convict", "charge", "sue", "arrest", "investigate",
             "probe", "mourn", "celebrate", "commemorate", "protest", "welcome", "applaud", "regret", "deplore",
             "forgive", "fine", "reward", "credit", "cite", "attribute", "recall", "remember", "deny", "confirm",
             "acknowledge", "admit", "discuss", "debate", "review", "examine", "question"}
# TimeML's reporting events (say, tell, comment ...): what a story's sources said, on its day
REPORTING = SPEECH | {"comment", "remark", "stress", "emphasize", "emphasise", "mention", "observe", "describe",
                     "respond", "reply", "concede", "tell", "announce", "report", "add", "quote"}
# TimeML classes of the news' frame: saying, intending, believing ("said", "vowed", "hopes"), not what happened
FRAME_CLASSES = {"reporting", "i_action", "i_state"}


def is_frame(trig: Token) -> bool:
    """A verb of the news' frame rather than of its story: saying, intending, believing ("said", "vowed", "hopes"),
    and the judgements that are speech ("accused", "condemned": WordNet's verbs of communication), not "arrested"."""
    if trig.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = trig.lemma_.lower()
    return lemma in REPORTING or event_class(trig, False) in FRAME_CLASSES or \
        lemma in JUDGEMENT and wn.verb(lemma).lexfile == "verb.communication"


def reported_by(tok: Token, frame: Token) -> bool:
    """The token lies in the clause the frame verb reports or intends ("..., the brigade said", "vowed to ...")."""
    return any(a.head.i == frame.i and a.dep_ in {"ccomp", "parataxis", "xcomp"} for a in [tok, *tok.ancestors])


def in_report(tok: Token) -> bool:
    """The token lies in a clause some frame verb reports ("were injured on Sunday, the brigade said")."""
    return any(a.dep_ in {"ccomp", "parataxis", "xcomp"} and is_frame(a.head) for a in [tok, *tok.ancestors])
