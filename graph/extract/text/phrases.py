"""Scans over a parsed doc that every dimension uses: tokens picked by one attribute array, the
left extent of the noun phrase a name heads ("US automaker General Motors"), and the first conjunct
of a coordination, which holds the syntactic role its conjuncts share; the other members of a
coordination or of a list of names."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the ingesting process imports this module for names, not spaCy (0.7 s)
    from spacy.tokens import Doc, Token


def first_conjunct(tok: Token) -> Token:
    """The first of the conjuncts tok is one of ("Bamako" of "in Bamako, Ouagadougou and Niamey"): spaCy
    attaches later conjuncts to the first, which alone carries the dependency they share."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def token_indices(doc: Doc, attr: int, accept) -> list[int]:
    """Indices of the tokens whose ``attr`` string (LOWER, SHAPE...) passes ``accept``: read from one
    array, so that the doc's tokens need not all be visited (making a Token object costs)."""
    vals = doc.to_array(attr).tolist()
    strings = doc.vocab.strings
    ok = {h for h in set(vals) if accept(strings[h])}
    return [i for i, h in enumerate(vals) if h in ok]


def _reaches(tok, root, lo: int, hi: int) -> bool:
    """True when tok's head chain reaches ``root`` staying inside doc[lo:hi]."""
    for _ in range(12):
        if tok.i == root.i:
            return True
        if tok.head.i == tok.i or not (lo - 8 <= tok.head.i < hi):
            return False
        tok = tok.head
    return False


def left_extent(doc: Doc, start: int, end: int) -> int:
    """Start of the noun phrase a name heads, to the left: determiners, possessives, adjectives and
    descriptors ("the", "US automaker", "Airbus parent", "Australian Prime Minister") glued before it.
    Stops at punctuation (but not the possessive ``'``) and drops a leading count ("22 new Boeing 787s"
    -> "Boeing 787s"), which MEANTIME-style extents leave out."""
    root = doc[start:end].root
    s = start
    i = start - 1
    acc = set(range(start, end))  # tokens of the phrase so far
    while i >= 0:
        t = doc[i]
        if t.is_sent_end or "\n" in t.text or (t.is_punct and t.text not in ("'", "’", "-")) or t.is_space:
            break
        if t.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON") and t.tag_ not in ("PRP$",):
            break
        # a modifier of the name ("US automaker GM" parsed with GM as head) or the word the name is glued
        # to ("automaker" with "General Motors" as its apposition)
        if not (_reaches(t, root, i, end) or t.head.i in acc or any(
                doc[a].head.i == t.i and doc[a].dep_ in ("appos", "compound", "nmod") for a in acc)):
            break
        acc.add(i)
        s = i
        i -= 1
    if any(doc[k].pos_ == "NUM" or doc[k].lower_ == "first" or doc[k].ent_type_ in ("CARDINAL", "MONEY", "QUANTITY")
           for k in range(s, start)):
        return start
    while s < start and doc[s].is_punct:
        s += 1
    return s


def relative_antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("the museum, which was damaged": the museum), else tok itself.

    A non-restrictive "which" (after a comma) stands for the noun phrase right before the comma, a thing: the
    parser often hangs its clause on a farther noun ("Dana Whitcombe, the head of Vantor Motors, which filed for
    bankruptcy": on the person; "In Detroit, X, the head of Y, which ...": on the place), so the phrase before the
    comma is taken when it is no person."""
    if tok.lower_ not in {"which", "that", "who", "whom"} or tok.tag_ not in {"WDT", "WP"}:
        return tok
    clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
    if clause is None:
        return tok
    doc = tok.doc
    if tok.lower_ == "which" and tok.i >= 2 and doc[tok.i - 1].text == ",":
        near = doc[tok.i - 2]
        while near.dep_ == "compound" and near.head.i < tok.i and near.head.i > near.i:
            near = near.head  # "Vantor Motors": the name's head
        if near.pos_ in {"NOUN", "PROPN"} and near.ent_type_ != "PERSON" and near != clause.head:
            return near
    return clause.head


def listed_name(tok: Token) -> bool:
    """A person's name the parser hung on another as an apposition: a list of people ("Ann Smith, Tom Jones and
    Bill Lee"), not a description of the first ("Ann Smith, a lawyer")."""
    return (tok.dep_ == "appos" and tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON"
            and tok.head.ent_type_ == "PERSON")


def conjuncts(tok: Token) -> list[Token]:
    """The other members of the coordination tok heads (and of a list of names): each a participant of its own."""
    out: list[Token] = []
    todo = [tok]
    while todo:
        for c in todo.pop().children:
            if (c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} or listed_name(c)) and c not in out:
                out.append(c)
                todo.append(c)
    return out
