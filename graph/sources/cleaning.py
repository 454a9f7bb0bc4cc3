"""Text cleanup for wire copy, carrying an offset map back to the raw text.

Fixes what agencies' feeds break: sentences glued after their final punctuation
(`Kidal.”Today`), subheads glued into the body (`it.- Humiliating defeats -The`),
non-breaking spaces and runs of spaces, and the trailing desk slug.
"""
from __future__ import annotations

import re
from typing import Callable

# Runs of spaces, tabs and no-break spaces; a lone ordinary space is left alone (it would be
# replaced by itself: a Python-level match per word for nothing).
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]{2,}|[\t\u00a0\u2007\u202f]")
# Sentence end glued to the next sentence: `Kidal.”Today`, `media.The`.
_GLUED = re.compile(r"(?<=[a-z0-9)\]][.!?])([”\"’]?)(?=[“\"A-Z])")
# AFP subheads glued into the body: `retake it.- Humiliating defeats -The authorities`.
_SUBHEAD = re.compile(r"(?:(?<=[.!?”\"])|^)[ \t]*-[ \t]+([A-Z][^.!?\n-]{0,80}?)[ \t]+-[ \t]*(?=[A-Z“\"]|$)", re.M)
# Trailing desk slug: `kt-sd-mk-lal/pvh/rox/bp`.
_SLUG = re.compile(r"\s+[a-z]{1,5}(?:-[a-z]{1,5})+(?:/[a-z]{1,5})+\s*$")
_LINE_EDGES = re.compile(r" *\n *")
_BLANKS = re.compile(r"\n{3,}")
_CR = re.compile(r"\r\n?")


def clean_text(raw: str) -> tuple[str, list[int]]:
    """Return the cleaned text and, for each of its characters, its offset in `raw`."""
    text, index = raw, list(range(len(raw)))
    steps: list[tuple[re.Pattern, Callable[[re.Match], str]]] = [
        (_CR, lambda m: "\n"),
        (_SLUG, lambda m: ""),
        (_SUBHEAD, lambda m: "\n\n" + m.group(0).strip() + "\n\n"),
        (_GLUED, lambda m: m.group(1) + " "),
        (_SPACES, lambda m: " "),
        (_LINE_EDGES, lambda m: "\n"),
        (_BLANKS, lambda m: "\n\n"),
    ]
    for pattern, repl in steps:
        text, index = _apply(text, index, pattern, repl)
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    return stripped, index[lead : lead + len(stripped)]


def _apply(text: str, index: list[int], pattern: re.Pattern, repl: Callable[[re.Match], str]) -> tuple[str, list[int]]:
    """re.sub that carries the offset map.

    Characters the replacement keeps verbatim (its stripped core, found in the match)
    keep their raw offsets; inserted characters map to the match's start.
    """
    out: list[str] = []
    out_index: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(text[pos : m.start()])
        out_index.extend(index[pos : m.start()])
        new, old = repl(m), m.group(0)
        core = new.strip()
        j = old.find(core) if core else -1
        k0 = new.find(core) if core else 0
        anchor = index[m.start()] if m.start() < len(index) else (index[-1] + 1 if index else 0)
        for k in range(len(new)):
            inside = j >= 0 and k0 <= k < k0 + len(core)
            out_index.append(index[m.start() + j + k - k0] if inside else anchor)
        out.append(new)
        pos = m.end()
    out.append(text[pos:])
    out_index.extend(index[pos:])
    return "".join(out), out_index
