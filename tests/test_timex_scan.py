"""Time-expression rules scanned on lowercased text find exactly what the case-insensitive scan finds."""
from __future__ import annotations

import json
import re

from conftest import SEED, SHARED

from graph.extract.time.timex_rules import RULES
from graph.extract.time.timex_spans import _detection_text, _lowercase_twin, _matches

ODD = ["Three DAYS AGO, on MONDAY 12 MAY 2024, İstanbul's mayor said LAST WEEK that by the END OF THE YEAR...",
       "the Fiscal Year 2023-24, Q3, the second half of 2019, every 2 weeks, 10:30 A.M. Tonight"]


def texts() -> list[str]:
    rows = (SHARED / "eval" / "meantime-dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(r)["text"] for r in rows if r] + [SEED.read_text(encoding="utf-8"), *ODD]


def spans(matches) -> list[tuple]:
    return [(m.start(), m.end(), m.groupdict()) for m in matches]


def test_every_rule_has_a_lowercase_twin():
    assert all(_lowercase_twin(rule.regex) is not None for rule in RULES)


def test_the_twin_scan_finds_the_same_matches_with_the_same_groups():
    found = 0
    for text in texts():
        flat = _detection_text(text)
        lower = flat.lower()
        lower = lower if len(lower) == len(flat) else None
        for rule in RULES:
            fast = _matches(rule, flat, lower)
            assert spans(fast) == spans(rule.regex.finditer(flat)), (rule.name, text[:60])
            found += len(fast)
    assert found > 500  # the texts do exercise the rules


def test_a_pattern_naming_an_upper_case_letter_gets_no_twin():
    assert _lowercase_twin(re.compile(r"(?P<m>May)\s+\d", re.I)) is None
    assert _lowercase_twin(re.compile(r"(?P<m>may)\s+\d")) is None  # case-sensitive already
    assert _lowercase_twin(re.compile(r"(?P<m>may)\s+\d\S", re.I)) is not None
