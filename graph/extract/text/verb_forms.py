"""Irregular past forms of English verbs (data/past_forms.txt, from WordNet 3.0's verb.exc; rebuilt by
bench/past_forms_build.py).

The small spaCy model tags a past form it has rarely seen as a present ("M23 fighters retook the town":
VBP). Rules that read a clause's tense off the tag ask :func:`is_past_form` before believing a present, and
:func:`is_same_past_form` for a verb whose past and present are one spelling ("hit", "cut").
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PAST_FORMS = Path(__file__).resolve().parent / "data" / "past_forms.txt"


@lru_cache(maxsize=1)
def _forms() -> frozenset[str]:
    with open(_PAST_FORMS, encoding="utf-8") as fh:
        return frozenset(line.split()[0] for line in fh if line.strip() and not line.startswith("#"))


def is_past_form(word: str) -> bool:
    """Whether `word` (any case) is the irregular past or past participle of a verb ("retook", "fled")."""
    return word.lower() in _forms()


_SAME_PAST = Path(__file__).resolve().parent / "data" / "same_past_forms.txt"


@lru_cache(maxsize=1)
def _same_past() -> frozenset[str]:
    with open(_SAME_PAST, encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


def is_same_past_form(word: str) -> bool:
    """Whether `word` is a verb whose past is spelled as its present ("hit", "cut", "set": data/same_past_forms.txt,
    rebuilt by bench/same_past_build.py): its form alone does not give its tense."""
    return word.lower() in _same_past()
