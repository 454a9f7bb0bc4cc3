"""Who "we" is: the organisation the speaker of its sentence, or of the quotation it is in, speaks for.

"Boeing said: 'we will deliver'" is Boeing; a person speaks for the organisation the article describes them by:
"Halvorsen Air chief executive Ingrid Moe said 'We are continuing our effort'", "'We have cut costs,' said Moe"
after "Ingrid Moe, the chief executive of Halvorsen Air". A quotation that runs over several sentences has its
speaker in the sentence that opens or closes it ("Moe said in a statement, 'We want to know what happened. We are
fully committed to the search.'"). A speaker the article ties to no organisation leaves "we" unresolved.
"""
from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Doc, Span, Token

SPEECH = {"say", "tell", "state", "announce", "declare", "add", "insist", "claim", "write", "explain"}
OPENING, CLOSING, BOTH = {"“", "``", "‘"}, {"”", "''", "’"}, {'"'}
MAX_QUOTE_SENTS = 6  # an unbalanced quote mark does not make the rest of the article a quotation


def quotations(doc: Doc) -> list[tuple[int, int]]:
    """(first, last) token indices of each quotation's marks, in order."""
    out: list[tuple[int, int]] = []
    start: Optional[int] = None
    for t in doc:
        if t.text in OPENING or (t.text in BOTH and start is None):
            start = t.i
        elif (t.text in CLOSING or t.text in BOTH) and start is not None:
            if sum(1 for x in doc[start + 1:t.i + 1] if x.is_sent_start) < MAX_QUOTE_SENTS:
                out.append((start, t.i))
            start = None
    return out


def _speaker_sentences(tok: Token, quotes: list[tuple[int, int]]) -> list[Span]:
    doc = tok.doc
    sents = [tok.sent]
    for a, b in quotes:
        if a < tok.i < b:
            sents += [s for s in (doc[a].sent, doc[b].sent) if s not in sents]
    return sents


def _org_in(tokens, at: dict) -> Optional[object]:
    for t in tokens:
        if t.dep_ in {"relcl", "acl"}:
            continue
        m = at.get(t.i)
        if m is not None and m.cluster is not None and m.cluster.kind == "organization" and m.form == "name":
            return m.cluster
    return None


def employer(person: Token, at: dict, is_role: Callable[[Token], bool]) -> Optional[object]:
    """The organisation (a cluster) a person's name is described as working for, by a role noun next to it:
    "Halvorsen Air chief executive Ingrid Moe", "Ingrid Moe, the chief executive of Halvorsen Air", "the head of
    Halvorsen Air, Ingrid Moe", "Ingrid Moe, Halvorsen Air's vice president"."""
    roles = [c for c in person.children if c.dep_ in {"compound", "appos"} and is_role(c)]
    if person.dep_ == "appos" and is_role(person.head):
        roles.append(person.head)
    for role in roles:
        org = _org_in((*role.subtree, *person.children), at)
        if org is not None:
            return org
    return None


def employers_of(doc: Doc, named: list, at: dict, is_role: Callable[[Token], bool]) -> dict[str, object]:
    """Person cluster key -> the organisation the article says they work for (their first described mention)."""
    out: dict[str, object] = {}
    for m in named:
        if m.cluster is not None and m.cluster.kind == "person" and m.cluster.key not in out:
            org = employer(doc[m.head], at, is_role)
            if org is not None:
                out[m.cluster.key] = org
    return out


def speaker_organisation(tok: Token, at: dict, employers: dict, quotes: list[tuple[int, int]],
                         is_role: Callable[[Token], bool]):
    """The organisation "we"/"our" at tok stands for, else None (see the module's doc)."""
    for sent in _speaker_sentences(tok, quotes):
        for t in sent:
            if t.lemma_ not in SPEECH:
                continue
            for s in t.children:
                if s.dep_ != "nsubj":
                    continue
                m = at.get(s.i)
                if (m is None or m.cluster is None) and is_role(s):
                    org = _org_in(s.subtree, at)  # "Halvorsen Air's chief financial officer said"
                    if org is not None:
                        return org
                if m is None or m.cluster is None:
                    continue
                if m.cluster.kind != "person":
                    return m.cluster
                org = employers.get(m.cluster.key)
                if org is not None:
                    return org
    return None


def reporting_subject(tok: Token) -> Optional[Token]:
    """The subject of the speech verb whose reported clause holds tok ("Roe said the company expects ...": Roe),
    else None. Only a clause the verb reports (ccomp), not its own subject or adjuncts."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ == "ccomp" and t.head.lemma_ in SPEECH:
            return next((s for s in t.head.children if s.dep_ == "nsubj"), None)
        if t.dep_ in {"relcl", "acl", "advcl"}:
            return None  # a clause that describes a noun or a circumstance is not what is said
        t = t.head
    return None


def reporter_organisation(tok: Token, at: dict, employers: dict, is_role: Callable[[Token], bool],
                          quotes: list[tuple[int, int]] = ()):
    """The organisation whose speaker reports the clause tok is in: a company that says it, the employer the
    article gives a person who says it ("Tamsin Roe, the Corvel Systems chief executive, said the company ..."),
    the organisation a role subject names ("the chief executive of Corvel Systems said ..."); else None. Not
    inside the `quotes` given: a pronoun in a speaker's own words is often the matter spoken of ('"it's going
    to happen," said Roe'), in indirect speech the speaker's side ("Roe said it expects")."""
    s = reporting_subject(tok)
    if s is None or any(a < tok.i < b for a, b in quotes):
        return None
    m = at.get(s.i)
    if m is None or m.cluster is None:
        return _org_in(s.subtree, at) if is_role(s) else None
    if m.cluster.kind == "person":
        return employers.get(m.cluster.key)
    return m.cluster if m.cluster.kind == "organization" and m.form == "name" else None
