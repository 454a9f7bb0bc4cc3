"""The speaker of a quotation whose parse lost it: "…, a police officer, Abdi Hassan, said." The parser often hangs
the speaker named between the last commas before a final speech verb on the quoted clause's last noun, as its
apposition ("were traders, a police officer, Abdi Hassan, said": "officer" appos of "traders"), and leaves the
verb with no subject. The speaker is that apposition (with its own: the officer, Abdi Hassan)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token


def lost_speaker(verb: Token) -> Optional[Token]:
    """The apposition right before a subjectless speech verb that ends the quoted clause before it, else None."""
    if verb.pos_ != "VERB" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    if not any(c.dep_ in {"ccomp", "parataxis"} and c.i < verb.i for c in verb.children):
        return None
    doc = verb.doc
    if verb.i < 3 or doc[verb.i - 1].text != ",":
        return None
    for tok in reversed(doc[max(0, verb.i - 12):verb.i - 1]):
        if tok.dep_ == "appos" and tok.right_edge.i == verb.i - 2 and tok.head.i < tok.i and (
                tok.head.dep_ != "appos" or tok.head.right_edge.i != verb.i - 2):
            return tok  # the outermost apposition that ends right before ", said"
    return None
