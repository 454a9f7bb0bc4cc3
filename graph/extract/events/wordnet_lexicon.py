"""The WordNet 3.0 table built by wordnet_build.py: a lemma's coarse semantic class (lexicographer file of its
most frequent sense), the CAMEO code it inherits from an anchor synset, and noun tags (armed, weapon, mishap)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

TABLE = Path(__file__).with_name("data") / "wordnet_events.tsv"


class Sense(NamedTuple):
    lexfile: str  # e.g. "verb.stative", "noun.person"
    cameo: str  # "" when no anchor is reached
    tag: str  # nouns: armed | weapon | mishap | site | protester | ""


NONE = Sense("", "", "")


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], Sense]:
    out: dict[tuple[str, str], Sense] = {}
    with TABLE.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            pos, lemma, lexfile, cameo, tag = line.rstrip("\n").split("\t")
            out[(pos, lemma)] = Sense(lexfile, cameo, tag)
    return out


def verb(lemma: str) -> Sense:
    """The WordNet facts of a verb lemma ("blow up" for a verb with its particle)."""
    return _table().get(("v", lemma.lower()), NONE)


def noun(lemma: str) -> Sense:
    return _table().get(("n", lemma.lower()), NONE)
