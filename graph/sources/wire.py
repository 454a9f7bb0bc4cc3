"""Agency wire text: title glued to an RFC 1123 date on line 1, then the body."""
from __future__ import annotations

import re
from typing import Iterator

from graph.sources.articles import Article, ArticleError, make_article

_RFC1123_TAIL = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s+\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s+(?:GMT|UTC|[+-]\d{4})\s*$"
)


def sniff(path: str, content: str) -> bool:
    return bool(_RFC1123_TAIL.search(content.split("\n", 1)[0]))


def read(path: str, content: str) -> Iterator[Article]:
    first, _, body = content.partition("\n")
    m = _RFC1123_TAIL.search(first)
    if not m:
        raise ArticleError(path, "first line has no RFC 1123 date after the title")
    # offsets index the whole file: the body starts after the header line
    yield make_article(first[: m.start()], m.group(0), body, path, file_text=content, body_at=len(first) + 1)
