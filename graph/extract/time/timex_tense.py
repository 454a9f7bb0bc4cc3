"""Tense of the verb governing a time expression, read off the dependency parse.

Used to decide whether a bare "October" or "Friday" is the last or the next one.
"""
from __future__ import annotations

from typing import Optional

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "should", "may", "might", "must"}
_FUTURE_LEMMAS = {"plan", "expect", "schedule", "intend", "aim", "due", "set", "hope",
                  "project", "forecast", "predict", "target"}


def governing_verb(span):
    """Nearest VERB/AUX at or above the span's root (None for verbless headlines)."""
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head is tok:
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
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "had", "'s", "'ve"}:
        return "past"
    if verb.tag_ == "VB" and verb.dep_ in ("xcomp", "ccomp", "advcl", "conj") and verb.head is not verb:
        # "plans to open in May", "was to open in May": the tense of the head verb decides
        head_tense = verb_tense(verb.head)
        if verb.head.lemma_ in _FUTURE_LEMMAS or head_tense in (None, "present"):
            return "future"
        return head_tense
    if verb.lemma_ in _FUTURE_LEMMAS and verb.tag_ in ("VBN", "VBZ", "VBP"):
        return "future"  # "is scheduled for June", "is expected in March"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return "past"  # "a camp recently evacuated by ..."
    return None


def tense_of(span) -> Optional[str]:
    """past | present | future | None for the clause a time expression sits in."""
    verb = governing_verb(span)
    return verb_tense(verb) if verb is not None else None
