"""What a nominal is, for coreference: the category of actor its head names ("the army" -> military, "armed
groups" -> rebels, "the telephone network" -> none), and its shape (definite, owned by a pronoun, named by a person,
its extent)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from graph.extract.text.nominals import NOMINAL_HEADS

ARMED_MODIFIERS = {"armed", "separatist", "rebel", "militant", "jihadist", "insurgent", "islamist", "terrorist"}
MEDIA_WORDS = {"news", "television", "tv", "broadcasting", "media", "radio", "cable", "satellite"}
POSS_PRONOUNS = {"our", "its", "their", "his", "her", "my", "your"}


def nominal_category(tok: Token) -> Optional[str]:
    lemma = tok.lemma_.lower()
    if lemma in {"leader", "ruler"} and any(c.dep_ == "amod" and c.lower_ == "military" for c in tok.children):
        return "junta" if tok.tag_ == "NNS" else "person"
    if lemma == "group" and any(c.dep_ in {"amod", "compound"} and c.lemma_.lower() in ARMED_MODIFIERS
                                for c in tok.children):
        return "rebels"
    if lemma == "staff" and any(c.lower_ == "general" for c in tok.children):
        return "military"
    if lemma == "force" and not any(c.lower_ in {"armed", "security", "air", "special", "ground", "government"}
                                    or c.ent_type_ in {"GPE", "NORP"} or c.dep_ == "poss"
                                    for c in tok.children):
        return None
    if lemma == "state" and (not definite(tok) or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.pos_ == "NOUN" for o in c.children)
            for c in tok.children)):
        return None  # "a six-month state of emergency", "there is no state": not a government
    if lemma in {"network", "channel"} and any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.lower_ not in
                                               MEDIA_WORDS for c in tok.children):
        return None  # "the telephone network" is infrastructure, not a broadcaster
    return NOMINAL_HEADS.get(lemma)


def names_a_person(tok: Token) -> bool:
    """'the Biden administration', 'Trump's government': a government named by its leader, whose country the
    article's places do not tell."""
    return any(c.dep_ in {"compound", "poss", "nmod"} and c.ent_type_ == "PERSON" for c in tok.children)


def span_bounds(tok: Token) -> tuple[int, int]:
    start = tok.left_edge.i
    doc = tok.doc
    while start < tok.i and (doc[start].is_punct or doc[start].dep_ in {"cc", "prep", "mark", "advmod"}):
        start += 1
    return start, tok.i + 1


def definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"} for c in tok.children) or \
        any(c.dep_ == "poss" for c in tok.children)


def owned_by_pronoun(tok: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in POSS_PRONOUNS for c in tok.children)
