"""Plain text: the first non-empty line is the title, the rest the body; the date comes from `--published`.

A file of one line (a paragraph pasted into a file) is its own body, titled by its first words:
refusing it as "no text" would lose the only text it has. So is a file whose first line is already a
paragraph of the story (a wire lead: "KHARTOUM, June 3 (Reuters) - Sudan's RSF seized ... , residents said
on Monday."): a headline is short and ends without a full stop; taking the lead for one would drop the
story's first sentence, its news, from extraction.

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
    line = m.group(1).strip()
    if not content[m.end():].strip() or _is_paragraph(line):
        yield make_article(_title_of(line), None, content[m.start(1):], path, file_text=content,
                           body_at=m.start(1))
        return
    # offsets index the whole file: the body starts after the title's line
    yield make_article(line, None, content[m.end():], path, file_text=content, body_at=m.end())


# a headline has rarely more words than this; a lead sentence has rarely fewer
_HEADLINE_WORDS = 16


def _is_paragraph(line: str) -> bool:
    """A line of running text, not a headline: long, and closed by a sentence's final punctuation."""
    return len(line.split()) > _HEADLINE_WORDS and line.rstrip("\"'”’)").endswith((".", "!", "?"))


def _title_of(line: str, words: int = 12) -> str:
    """The first words of a one-line article, as a title the listings can show."""
    head = line.split()
    return " ".join(head[:words]) + (" …" if len(head) > words else "")
