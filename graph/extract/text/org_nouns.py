"""The nouns that name a company by its trade ("the retailer", "the insurer", "the brewer"), from WordNet (see
data/org_nouns.txt and bench/org_nouns_build.py): coreference resolves such a definite nominal as it does "the
company", to the organisation the article last named."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_ORG_NOUNS = Path(__file__).resolve().parent / "data" / "org_nouns.txt"
MAKER = "maker"


@lru_cache(maxsize=1)
def org_nouns() -> frozenset[str]:
    lines = _ORG_NOUNS.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


def maker_compound(lemma: str) -> bool:
    """A compound of "-maker" ("planemaker", "chipmaker", "automaker"): news names an industry's company so. WordNet
    lists few of them, and those it lists are persons ("lawmaker", "dressmaker"): callers ask person_nouns first."""
    return lemma.endswith(MAKER) and len(lemma) > len(MAKER) + 2
