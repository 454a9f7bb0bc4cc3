"""The Article record, its identity, and how a record becomes one (dates, cleanup, limits).

Readers (graph/sources) know nothing of NLP: they turn files into `Article`s whose `text`
is the cleaned body; `offsets` maps each cleaned character back to the raw text given,
so `tkg extract` can report offsets into the input exactly as given.
"""
from __future__ import annotations

import email.utils
import hashlib
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Optional

from dateutil import parser as dateutil_parser

from graph.sources.cleaning import clean_text

log = logging.getLogger(__name__)

MAX_CHARS = 1_000_000  # longer bodies are truncated with a warning (a 50 MB "article" is not one)
FUTURE_SLACK = timedelta(days=1)  # time zones and clock skew


class ArticleError(Exception):
    """Bad input: a file or record that cannot become an article. Says which and why."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


@dataclass
class Article:
    title: str
    published: datetime  # timezone-aware
    text: str  # cleaned body; all downstream offsets refer to it
    url: Optional[str] = None
    source: Optional[str] = None
    raw_text: str = ""  # the body exactly as given
    offsets: list[int] = field(default_factory=list, repr=False)  # cleaned index -> raw index
    origin: str = ""  # file (and line) it came from
    record_id: Optional[str] = None  # an id the input gave the record, if any
    warnings: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """sha256 of the canonical URL, else of the whitespace-normalized text: the article's identity."""
        basis = canonical_url(self.url) if self.url else " ".join(self.text.split())
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()

    def raw_offset(self, i: int) -> int:
        """Map an offset in the cleaned text to the raw text."""
        if not self.offsets:
            return i
        if i >= len(self.offsets):
            return len(self.raw_text)
        return self.offsets[i]


def canonical_url(url: str) -> str:
    """The same page whatever the scheme, `www.`, fragment, trailing slash or case of the host."""
    url = re.sub(r"#.*$", "", url.strip())
    url = re.sub(r"^https?://(www\.)?", "", url, flags=re.I)
    host, _, path = url.partition("/")
    return (host.lower() + ("/" + path if path else "")).rstrip("/")


def parse_date(value: object, where: str) -> datetime:
    """RFC 1123, ISO 8601 or any common form; naive dates are taken as UTC; no future dates."""
    if isinstance(value, bool) or value is None or (isinstance(value, str) and not value.strip()):
        raise ArticleError(where, "no publication date")
    if isinstance(value, (int, float)):
        try:
            dt = datetime.fromtimestamp(value, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            raise ArticleError(where, f"unreadable publication date {value!r}") from None
    elif isinstance(value, str):
        dt = _parse_date_text(value.strip(), where)
    else:
        raise ArticleError(where, f"unreadable publication date {value!r}")
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    if dt > datetime.now(timezone.utc) + FUTURE_SLACK:
        raise ArticleError(where, f"publication date {dt.date().isoformat()} is in the future")
    return dt


def _parse_date_text(s: str, where: str) -> datetime:
    try:
        return email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dateutil_parser.parse(s)
    except (ValueError, OverflowError, TypeError):
        raise ArticleError(where, f"unreadable publication date {s[:60]!r}") from None


def make_article(title: object, published: object, body: object, where: str, **meta: object) -> Article:
    """Check and clean one record; raises ArticleError when it cannot be an article."""
    if not isinstance(body, str) or not body.strip():
        raise ArticleError(where, "article has no text")
    warnings = []
    if len(body) > MAX_CHARS:
        warnings.append(f"text truncated from {len(body):,} to {MAX_CHARS:,} characters")
        log.warning("%s: %s", where, warnings[-1])
        body = body[:MAX_CHARS]
    published_at = parse_date(published, where)
    text, offsets = clean_text(body)
    if not text:
        raise ArticleError(where, "article has no text")
    return Article(title=str(title or "").strip(), published=published_at, text=text, raw_text=body,
                   offsets=offsets, origin=where, warnings=warnings, **meta)  # type: ignore[arg-type]
