"""One document's text to articles: the reader registry, sniffing, and what every reader shares.

Whatever a reader does wrong (a parser bug, a missing optional library) becomes one
`ArticleError` naming the document and the cause; articles it gave before that are kept.
Undated records are dated with the user's `--published`, said once per document.
"""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Callable, Iterator, Optional

from graph.sources import feeds, html, plain, records, wire
from graph.sources.articles import Article, ArticleError, Undated

log = logging.getLogger(__name__)

Reader = Callable[[str, str], Iterator["Article | ArticleError"]]
Sniff = Callable[[str, str], bool]
# Order matters: the first reader whose sniff accepts the content reads it; plain text takes the rest.
READERS: list[tuple[str, Sniff, Reader]] = [
    ("feed", feeds.sniff, feeds.read),
    ("html", html.sniff, html.read),
    ("json", records.sniff, records.read),
    ("wire", wire.sniff, wire.read),
    ("plain text", plain.sniff, plain.read),
]


def register_reader(name: str, sniff: Sniff, read: Reader) -> None:
    """Add a reader before the built-in ones."""
    READERS.insert(0, (name, sniff, read))


def one_line(e: BaseException, limit: int = 300) -> str:
    """`ImportError: lxml.html.clean module is now ...`: the cause on one line."""
    text = " ".join(str(e).split()) or "no message"
    return f"{type(e).__name__}: {text[:limit]}"


def read_text(where: str, content: str, published: Optional[datetime] = None, note: Optional[str] = None,
              readers: Optional[list[tuple[str, Sniff, Reader]]] = None) -> Iterator[Article | ArticleError]:
    """Articles of one document; errors are yielded. `note` (how it was decoded) and the use of
    `published` are told once, as a warning of the first article they concern."""
    notes = [note] if note else []
    dated = False
    for item in _sniff_and_read(where, content, READERS if readers is None else readers):
        if isinstance(item, Undated) and published is not None:
            try:
                item = item.dated(published)
            except ArticleError as e:
                item = e
            if isinstance(item, Article) and not dated:
                dated = True
                notes.append(f"no publication date: --published {published.isoformat()} used "
                             f"(for every undated article of {where})")
                log.info("%s: %s", where, notes[-1])
        if isinstance(item, Article) and notes:
            item.warnings[:0] = notes
            notes = []
        yield item


def _sniff_and_read(where: str, content: str, readers: list[tuple[str, Sniff, Reader]]
                    ) -> Iterator[Article | ArticleError]:
    name = "?"
    try:
        for name, sniff, read in readers:
            if sniff(where, content):
                try:
                    yield from read(where, content)
                except ArticleError as e:
                    yield e
                return
    except Exception as e:  # noqa: BLE001 - a reader's bug must cost its document, not the batch
        log.info("%s: the %s reader failed", where, name, exc_info=True)
        yield ArticleError(where, f"the {name} reader failed ({one_line(e)})")
        return
    yield ArticleError(where, "unknown format (expected JSON, JSONL, HTML, RSS/Atom, wire or plain text)")
