"""Literal strings one of which every match of a regular expression contains: a scan can be skipped
when the text holds none of them.

Each TIMEX rule's pattern opens with a lookbehind, so Python's re tries it at every position of the
text (~37 rules over every article); most rules need a word most articles never use ("weekend",
"century", "half", a holiday's name). `factors` reads the parsed pattern: a literal run is required
where it stands outside any optional part, an alternation requires one of its branches' factors, a
repeat of at least one its body's. Anything it cannot read (classes, lookarounds, back references,
inline flags) gives no factor, and the caller scans as before, so the matches are the same either way.
"""
from __future__ import annotations

import re
from typing import Optional

try:  # the parser behind re.compile (Python 3.11+); without it, no factors and every rule scans
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - older Pythons
    _c = _p = None

Factors = Optional[frozenset[str]]  # None: no literal is known to be required


def factors(pattern: re.Pattern) -> Factors:
    """Strings at least one of which every match of `pattern` contains (case as written: for a pattern
    without re.IGNORECASE), or None."""
    if _p is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        return _of_seq(list(_p.parse(pattern.pattern, pattern.flags & ~re.IGNORECASE)))
    except Exception:  # noqa: BLE001 - an unexpected parse tree: no factor, the plain scan
        return None


def _score(f: Factors) -> int:
    """The shortest of the alternatives: the longer, the rarer in text."""
    return min(map(len, f)) if f else 0


def _of_seq(items: list) -> Factors:
    best: Factors = None
    run = ""
    for op, av in items + [(None, None)]:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if run and _score(frozenset((run,))) > _score(best):
            best = frozenset((run,))
        run = ""
        if op is None:
            break
        f = _of_item(op, av)
        if f is not None and _score(f) > _score(best):
            best = f
    return best


def _of_item(op, av) -> Factors:
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _of_seq(list(sub))
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            f = _of_seq(list(branch))
            if not f:
                return None
            out |= f
        return frozenset(out)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, _hi, sub = av
        return _of_seq(list(sub)) if lo >= 1 else None
    return None
