"""An event's modality: negated ("did not release"), future (stated to come: "will cut 3,000 jobs", "said it would
close the plant"), hypothetical (a modal of possibility or duty, "if", or the complement of an intention verb:
"could strike", "vowing to keep fighting"), reported (the complement of a speech verb, or "according to"), else
asserted. Future and hypothetical are FactBank's certain future (CT+) and possible (PS): a timeline of what
happens to an actor keeps the first, not the second."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from graph.extract.events.event_args import INTENT_NOUNS

SPEECH = {"say", "tell", "state", "announce", "declare", "report", "insist", "claim", "add", "warn",
          "confirm", "deny", "explain", "note", "write", "believe", "think", "argue", "reply", "admit",
          "suggest", "predict", "estimate", "expect", "accuse", "allege", "indicate"}
INTENT = {"want", "plan", "hope", "intend", "vow", "pledge", "promise", "threaten", "aim", "seek", "try",
          "expect", "propose", "offer", "agree", "decide", "refuse", "fail", "attempt", "need", "demand",
          "ask", "urge", "call", "wish", "prepare", "consider"}
# verbs whose clausal complement is wanted, not said to have happened ("do not want the peacekeepers to hand")
DESIRE = {"want", "wish", "hope", "demand", "ask", "urge", "intend", "plan", "need", "prefer", "require"}
# verbs whose "of"/"for" gerund states what they allege ("accused X of arming", "blamed X for starting")
ALLEGING = {"accuse", "blame", "allege", "suspect", "charge", "indict"}
MODALS = {"could", "might", "may", "would", "should", "will", "can", "must", "shall", "'ll", "wo", "ca"}
# the modals of a future the text states as certain; "would" only as the future of a reported past ("said it would")
FUTURE_MODALS = {"will", "shall", "'ll"}
NEGATIONS = {"not", "n't", "never", "no"}
FACTUAL_MARKS = {"since", "after", "before", "because", "when", "while", "as", "although", "though", "once"}


def modality_of(trig: Token) -> str:
    kids = list(trig.children)
    if any(c.dep_ == "neg" or c.lower_ in NEGATIONS and c.dep_ in {"neg", "det", "advmod"} for c in kids):
        return "negated"
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in kids):
        return "hypothetical"
    modals = [c for c in kids if c.dep_ == "aux" and c.lower_ in MODALS]
    if modals:
        return "future" if all(_future(m, trig) for m in modals) else "hypothetical"
    tok = trig
    factual = False  # inside "since/after/when ... " clause: a fact of its own, whatever its governor intends
    for _ in range(4):
        if _attributed(tok):
            return "reported"
        head = tok.head
        if head.i == tok.i:
            break
        if tok.dep_ == "conj" and tok.tag_ in {"VBD", "VBZ", "VBP"} and head.dep_ == "xcomp" and head.tag_ == "VB":
            # "vowed to recapture the airport and accused Eritrea": a finite verb is not part of the infinitive,
            # it is coordinated with the infinitive's governor (a parse that hangs it on the infinitive)
            tok = head.head
            continue
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
        if not factual and tok.dep_ == "pcomp" and head.lower_ in {"of", "for"} and head.head.lemma_.lower() in ALLEGING:
            return "reported"  # "accused the UAE of arming the RSF": what the accuser says, not a fact

        if tok.dep_ not in {"conj", "xcomp", "ccomp", "advcl", "relcl", "dobj", "pobj", "prep", "pcomp"}:
            break
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in head.children) and tok.dep_ == "advcl":
            return "hypothetical"
        tok = head
    sent = trig.sent
    if any(sent.start <= i < sent.end for i in _according_to(trig.doc)):
        return "reported"
    return "asserted"


def _future(modal: Token, trig: Token) -> bool:
    """ "will close", or "would close" in what a past speech verb reports ("GM said it would close the plant")."""
    if modal.lower_ in FUTURE_MODALS:
        return True
    return modal.lower_ == "would" and trig.dep_ == "ccomp" and trig.head.lemma_.lower() in SPEECH


def _according_to(doc: Doc) -> list[int]:
    """Where "according to" starts in the doc (found once per doc, not once per event)."""
    found = doc.user_data.get("tkg_according_to")
    if found is None:
        found = doc.user_data["tkg_according_to"] = [
            t.i for t in doc if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"]
    return found


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
