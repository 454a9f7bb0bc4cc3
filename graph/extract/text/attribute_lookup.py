"""The model's attribute_ruler, with its one-token patterns looked up instead of matched.

en_core_web_sm's attribute_ruler (179 patterns: the tag map, morph rules, a few lemma fixes)
runs spaCy's Matcher over every token for every pattern: 5.7 ms of a ~40 ms article, more
than the parser. 171 of its patterns are one token long, so this component indexes them by
the token's tag, lowercase form, dependency or whitespace-ness and checks only the few that
can match; the multi-token ones stay with a Matcher of their own. It then hands the matches,
sorted exactly as AttributeRuler.match sorts them, to the original ruler's set_annotations,
so the tokens come out identical (tests/test_spacy_lookups.py compares every token's
tag, POS, morphology, lemma and dependency with the stock model on the eval texts).

Any pattern it cannot index (an operator other than equality, IN, NOT_IN or REGEX on
TAG/LOWER/DEP/IS_SPACE) makes `compile_lookup` return None and the stock ruler stays.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
Check = Callable[[int], bool]  # one token attribute's hash (or 0/1 for IS_SPACE) -> matches?


class AttributeLookup:
    """Drop-in for an AttributeRuler (same matches, same annotations), callable on a Doc."""

    def __init__(self, ruler: AttributeRuler, single: list[tuple[int, int, list[tuple[int, Check]]]],
                 index: dict[tuple[int, int], list[int]], unindexed: list[int], multi: Matcher) -> None:
        self.ruler = ruler
        self.single = single  # per one-token pattern: (attr_id, match_id, [(column, check)])
        self.index = index  # (column, value) -> positions in `single`
        self.unindexed = unindexed
        self.multi = multi

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        strings = doc.vocab.strings
        found: list[tuple[int, int, int, int]] = []
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        index, single, unindexed, none = self.index, self.single, self.unindexed, ()
        for i, row in enumerate(rows):
            for cands in (index.get((0, row[0]), none), index.get((1, row[1]), none),
                          index.get((2, row[2]), none), index.get((3, row[3]), none), unindexed):
                for c in cands:
                    attr_id, match_id, checks = single[c]
                    for col, check in checks:
                        if not check(row[col]):
                            break
                    else:
                        found.append((attr_id, match_id, i, i + 1))
        for m_id, s, e in self.multi(doc, allow_missing=True):
            found.append((int(strings[m_id]), m_id, s, e))
        found.sort()
        return found

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc


def _check(strings, spec: object) -> Optional[Check]:
    """A test on one attribute's value (its string hash), or None if the spec is not understood."""
    if isinstance(spec, (str, bool)):
        want = int(spec) if isinstance(spec, bool) else strings.add(spec)
        return lambda v: v == want
    if not isinstance(spec, dict) or len(spec) != 1:
        return None
    (op, arg), = spec.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
        values = frozenset(strings.add(a) for a in arg)
        return (lambda v: v in values) if op == "IN" else (lambda v: v not in values)
    if op == "REGEX" and isinstance(arg, str):
        rx, seen = re.compile(arg), {}

        def regex(v: int) -> bool:
            if v not in seen:
                seen[v] = bool(rx.search(strings[v]))
            return seen[v]
        return regex
    return None


def _keys(spec: object, strings) -> Optional[list[int]]:
    """The values an equality or IN spec can take (what to index it under), else None."""
    if isinstance(spec, bool):
        return [int(spec)]
    if isinstance(spec, str):
        return [strings.add(spec)]
    if isinstance(spec, dict) and list(spec) == ["IN"]:
        return [strings.add(a) for a in spec["IN"]]
    return None


def compile_lookup(ruler: AttributeRuler) -> Optional[AttributeLookup]:
    """The lookup for this ruler's patterns, or None if one of them is beyond it."""
    strings = ruler.vocab.strings
    single: list[tuple[int, int, list[tuple[int, Check]]]] = []
    index: dict[tuple[int, int], list[int]] = {}
    unindexed: list[int] = []
    multi = Matcher(ruler.vocab)
    for attr_id, entry in enumerate(ruler.patterns):
        key = str(attr_id)
        for pattern in entry["patterns"]:
            if len(pattern) != 1:
                multi.add(key, [pattern])
                continue
            checks = []
            for attr, spec in pattern[0].items():
                check = _check(strings, spec) if attr in COLUMNS else None
                if check is None:
                    return None
                checks.append((COLUMNS[attr], check))
            pos = len(single)
            single.append((attr_id, strings.add(key), checks))
            for attr in ("LOWER", "TAG", "DEP", "IS_SPACE"):  # the first indexable one, most selective first
                keys = _keys(pattern[0].get(attr), strings) if attr in pattern[0] else None
                if keys is not None:
                    for k in keys:
                        index.setdefault((COLUMNS[attr], k), []).append(pos)
                    break
            else:
                unindexed.append(pos)
    return AttributeLookup(ruler, single, index, unindexed, multi)
