"""Tense of the verb governing a time expression, read off the dependency parse.

Used to decide whether a bare "October" or "Friday" is the last or the next one.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from graph.extract.text.verb_forms import is_past_form, is_same_past_form

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "should", "may", "might", "must"}
_FUTURE_CUES = ("until", "till", "through", "thru", "by", "as early as", "as soon as", "no later than", "not until", "starting",
                "effective", "beginning", "from next")
_FUTURE_LEMMAS = {"plan", "expect", "schedule", "intend", "aim", "due", "set", "hope", "slate", "poise",
                  "project", "forecast", "predict", "target"}


def governing_verb(span):
    """Nearest VERB/AUX at or above the span's root (None for verbless headlines)."""
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def verb_tense(verb) -> Optional[str]:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX or "going" in words and any(c.lower_ == "to" for c in auxes):
        return "future"
    if verb.tag_ == "MD" and verb.lower_ in _FUTURE_AUX:
        return "future"
    if verb.tag_ in ("VBD", "VBP") and not auxes and is_same_past_form(verb.lower_):
        return shared_tense(verb)  # "were killed when shells hit a market": "hit" is past or present
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") and not auxes and is_past_form(verb.lower_):
        return "past"  # "fighters retook the town": a past form the tagger took for a present
    if verb.tag_ == "VBN" and words & {"has", "have", "had", "'s", "'ve"}:
        return "past"
    if verb.tag_ == "VB" and verb.dep_ in ("xcomp", "ccomp", "advcl", "conj") and verb.head.i != verb.i:
        # "plans to open in May", "was to open in May": the tense of the head verb decides
        head_tense = verb_tense(verb.head)
        if verb.head.lemma_ in _FUTURE_LEMMAS or head_tense in (None, "present"):
            return "future"
        return head_tense
    if verb.lemma_ in _FUTURE_LEMMAS and (verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "VBN" and any(
            c.dep_ == "auxpass" for c in verb.children)):
        return "future"  # "is scheduled for June", "is expected in March"; not "a record set on Aug. 6"
    if verb.tag_ in ("VBZ", "VBP") and any(c.dep_ in ("acomp", "attr") and c.lemma_ in _FUTURE_LEMMAS
                                           for c in verb.children):
        return "future"  # "elections are due in September", "the vote is set for May"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return "past"  # "a camp recently evacuated by ..."
    return None


# clauses whose tense follows the clause they hang on ("were killed when shells hit", "said shells hit")
_GOVERNED = {"advcl", "conj", "ccomp", "relcl", "parataxis"}


def shared_tense(verb) -> Optional[str]:
    """The tense of a verb whose past is spelled as its present ("hit", "cut", "set"), whatever the tagger guessed:
    that of the clause it hangs on when that one is past, or future for a time clause ("were killed when shells
    hit a market", "prices will rise when the levies hit"), else of the sentence's other finite verbs when all are past
    ("Shells hit the market on Saturday, the agency said"), else the tagger's guess for a past (VBD) and nothing
    for a present."""
    head = verb.head
    if verb.dep_ in _GOVERNED and head.i != verb.i and head.pos_ in ("VERB", "AUX"):
        tense = verb_tense(head)
        # a time clause takes its tense from its main clause, a future too ("will rise when the levies hit"); a
        # conjunct or a complement only the past ("had ruled ... and set Friday as the deadline": not "must")
        if tense == "past" or tense == "future" and verb.dep_ == "advcl":
            return tense
    finite = [t for t in verb.sent if t.i != verb.i and t.tag_ in ("VBD", "VBZ", "VBP", "MD")
              and not (t.tag_ == "VBP" and is_same_past_form(t.lower_))]
    tags = {"past" if t.tag_ == "VBD" or is_past_form(t.lower_) else "other" for t in finite}
    return "past" if tags == {"past"} or verb.tag_ == "VBD" else None


def _cue(span) -> Optional[str]:
    """The direction the words before a time expression point to: "since" looks back; "until", "by", "as early
    as", "no later than" look ahead (a deadline or a wait, unless the clause is in the past)."""
    doc = span.doc
    before = " ".join(t.lower_ for t in doc[max(0, span.start - 4):span.start])
    if before.endswith(("since", "ended", "ended on")):
        return "past"  # "the year ended March 31": a period that has ended
    if any(before.endswith(w) for w in _FUTURE_CUES):
        return "future"
    return None


def _matrix_verb(verb, span):
    """ "The company said Monday it will cut jobs": a time between a reporting verb and the subject of the
    clause it introduces (no "that" before it) belongs to the reporting verb, whatever the parser attached it
    to."""
    if verb is None or verb.dep_ != "ccomp" or verb.head.i >= span.start:
        return verb
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    mark = any(c.dep_ == "mark" and c.i < span.start for c in verb.children)
    return verb.head if subj is not None and span.end <= subj.i and not mark else verb


def tense_of(span) -> Optional[str]:
    """past | present | future | None for the clause a time expression sits in."""
    verb = _matrix_verb(governing_verb(span), span)
    tense = verb_tense(verb) if verb is not None else None
    cue = _cue(span)
    if cue == "past" or cue == "future" and (tense != "past" or _defers(verb, span)):
        return cue
    return tense


# verbs that put off or set a deadline: "extended its deadline until Tuesday", "adjourned the trial until Monday",
# "gave the firm until Thursday" point ahead of the time they were told in
_DEFER_LEMMAS = {"extend", "postpone", "adjourn", "delay", "defer", "push", "give", "grant", "reschedule", "suspend",
                 "put", "move", "continue", "prolong"}


def _defers(verb, span) -> bool:
    """The clause in the past sets a deadline or puts something off until the time named."""
    if verb is not None and verb.lemma_ in _DEFER_LEMMAS:
        return True
    return any(t.lemma_ == "deadline" for t in span.sent if t.i < span.start)


_PERFECT_AUX = {"has", "have", "'s", "'ve"}


def clause_tense(trig: Token) -> Optional[str]:
    """present | progressive | perfect | pluperfect | past | future | None for the verb of a trigger (a noun has none of its
    own)."""
    if trig.pos_ not in {"VERB", "AUX"}:
        return None
    auxes = [c for c in trig.children if c.dep_ in {"aux", "auxpass"}]
    words = {a.lower_ for a in auxes}
    if any(a.tag_ == "MD" for a in auxes) or "going" in words:
        return "future"
    if any(a.lower_ in _PERFECT_AUX and a.tag_ in {"VBZ", "VBP"} for a in auxes):
        return "perfect"
    if any(a.lemma_ == "have" and a.tag_ == "VBD" for a in auxes):
        return "pluperfect"  # "had offered": before the story's time, not at it
    if trig.tag_ in {"VBD", "VBP"} and not auxes and is_same_past_form(trig.lower_):
        return shared_tense(trig)  # "were killed when shells hit": the governing clause says which "hit"
    if trig.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if trig.tag_ == "VBG" and any(a.tag_ in {"VBZ", "VBP"} and a.lemma_ == "be" for a in auxes):
        return "progressive"
    if trig.tag_ in {"VBZ", "VBP"} or any(a.tag_ in {"VBZ", "VBP"} for a in auxes):
        return "present"
    return None
