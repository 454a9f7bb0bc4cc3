"""Plain text: the first non-empty line is the title, the rest the body; the date comes from `--published`.

The last reader tried: any text no other reader claims is read as plain text.
"""
from __future__ import annotations

import re
from typing import Iterator

from graph.sources.articles import Article, make_article

_FIRST_LINE = re.compile(r"[^\S\n]*(\S[^\n]*)(\n|$)")


def sniff(path: str, content: str) -> bool:
    return True


def read(path: str, content: str) -> Iterator[Article]:
    m = _FIRST_LINE.search(content)
    if m is None:  # read_path refuses blank files before any reader sees them
        return
    # offsets index the whole file: the body starts after the title's line
    yield make_article(m.group(1).strip(), None, content[m.end():], path, file_text=content, body_at=m.end())
