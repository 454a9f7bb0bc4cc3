"""timex_factors: the literals a pattern's every match contains, so a TIMEX rule's scan is skipped when the
text lacks them; the matches must be the same as scanning."""
import re

from graph.extract.time import timex_spans as TS
from graph.extract.time.timex_factors import factors

# sentences of our own, with dates of many shapes (none from the eval sets)
TEXTS = [
    "the ferry left harwich on tuesday, march 3, 2015, and docked the following morning.",
    "in the late 1990s the mill closed; it reopened in the first half of 2003 and again last weekend.",
    "the 19th-century bridge, shut for a month-long repair since 12/08/2021, opens at 9:30 a.m. today.",
    "every friday the market sells fish; sales rose in the third quarter and fell the year before.",
    "nothing here is a date at all, only rain and the smell of bread.",
    "two years ago, around christmas, the council met twice a week until the summer of 2019-06-01.",
]


def test_factors_of_small_patterns():
    assert factors(re.compile(r"(?<!\w)the\s+weekend")) == frozenset({"weekend"})
    assert factors(re.compile(r"(?:every|each)\s+\d+")) in (frozenset({"very", "ach"}), frozenset({"every", "each"}))
    assert factors(re.compile(r"(?:next\s+)?[a-z]+")) is None  # nothing required is a literal
    assert factors(re.compile(r"weekend", re.I)) is None  # case-insensitive: no exact literal to look for


def test_every_match_of_every_rule_holds_a_factor():
    for rule in TS.RULES:
        twin = TS._TWINS[id(rule)]
        needed = TS._FACTORS[id(rule)]
        if twin is None or not needed:
            continue
        for text in TEXTS:
            for m in twin.finditer(text):
                assert any(f in m.group(0) for f in needed), (rule.name, m.group(0), sorted(needed))


def test_skipped_scans_find_what_scans_find():
    skipped = 0
    for text in TEXTS:
        for rule in TS.RULES:
            fast = [(m.start(), m.end()) for m in TS._matches(rule, text, text.lower())]
            plain = [(m.start(), m.end()) for m in rule.regex.finditer(text)]
            assert fast == plain, rule.name
            needed = TS._FACTORS[id(rule)]
            skipped += bool(needed) and not any(f in text.lower() for f in needed)
    assert skipped > 0  # some rule has nothing to look for in some text: the shortcut is taken
