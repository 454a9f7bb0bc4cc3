"""The actor a phrase with no actor of its own stands for, when its words name one that is not its head.

* a count or a quantifier picks members of a named whole: "one of the A380s", "two of Boeing's jets";
* a named product modifies the head ("the long-range 777", which the parser reads as a count of "range"; "the A380
  programme"), or the head is a make of it ("a new version of its 777 airliner", "a freighter variant of the
  A330"). Not a person's title ("787 project manager").
"""
from __future__ import annotations

from typing import Optional, Sequence

from spacy.tokens import Token

from graph.extract.model import Entity
from graph.extract.text.nominals import NOMINAL_HEADS, person_nouns

# nouns that name a make of a product: "a new version of its 777", "a freighter variant of the A330"
PRODUCT_KIND_NOUNS = frozenset({"version", "variant", "model", "derivative", "edition", "generation", "member",
                                "family"})
_COUNTED = {"nsubj", "nsubjpass", "csubj", "dobj", "pobj"}


def phrase_actor(tok: Token, ent_at: Sequence[Optional[Entity]]) -> Optional[Entity]:
    """The entity (with an actor) the phrase headed by tok stands for, else None; `ent_at`: entity by token."""
    return _partitive_whole(tok, ent_at) or _product_of(tok, ent_at)


def _of_objects(tok: Token) -> list[Token]:
    return [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


def _partitive_whole(tok: Token, ent_at: Sequence[Optional[Entity]]) -> Optional[Entity]:
    """The named actor a count or a quantifier picks members of: "one of the A380s", "two of Boeing's jets"."""
    if not (tok.like_num or tok.pos_ == "NUM" or tok.tag_ == "DT" and tok.dep_ in _COUNTED):
        return None
    return next((ent_at[o.i] for o in _of_objects(tok) if ent_at[o.i] is not None and ent_at[o.i].canonical), None)


def _product_of(tok: Token, ent_at: Sequence[Optional[Entity]]) -> Optional[Entity]:
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or NOMINAL_HEADS.get(lemma) == "person" or lemma in person_nouns():
        return None
    mods = [c for c in tok.children if c.dep_ in {"compound", "nummod", "nmod"}]
    if lemma in PRODUCT_KIND_NOUNS:
        mods += _of_objects(tok)
    return next((ent_at[c.i] for c in mods if ent_at[c.i] is not None and ent_at[c.i].kind == "product"
                 and ent_at[c.i].canonical), None)
