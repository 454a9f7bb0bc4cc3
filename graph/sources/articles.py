"""The Article record, its identity, and how a record becomes one (dates, cleanup, limits).

Readers (graph/sources) know nothing of NLP: they turn files into `Article`s whose `text`
is the cleaned body; `offsets` maps each cleaned character back to `raw_text`, the input as
given (the whole file for wire and plain text, the record's text for JSON, the extracted text
for HTML and feeds), so `tkg extract` can report offsets into it exactly.
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


NO_DATE_HINT = "no publication date (give one with --published DATE)"


class Undated(ArticleError):
    """A record good in all but its date: `dated` makes it an article once the user gives one."""

    def __init__(self, where: str, title: object, body: str, meta: dict[str, object]) -> None:
        super().__init__(where, NO_DATE_HINT)
        self.fields = (title, body, meta)

    def dated(self, published: datetime) -> "Article":
        title, body, meta = self.fields
        return make_article(title, published, body, self.where, **meta)


@dataclass
class Article:
    title: str
    published: datetime  # timezone-aware
    text: str  # cleaned body; all downstream offsets refer to it
    url: Optional[str] = None
    source: Optional[str] = None
    raw_text: str = ""  # the input as given, which `offsets` index (the whole file for wire and plain text)
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
    if isinstance(value, datetime):  # given by the user (--published)
        dt = value
    elif isinstance(value, (int, float)):
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


def published_option(value: str) -> datetime:
    """`--published`: an ISO date or date-time (naive: UTC), not in the future; ValueError says why."""
    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date or date-time (2023-11-14, 2023-11-14T20:31:00+00:00)") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    if dt > datetime.now(timezone.utc) + FUTURE_SLACK:
        raise ValueError(f"{dt.date().isoformat()} is in the future")
    return dt


def make_article(title: object, published: object, body: object, where: str, *, file_text: Optional[str] = None,
                 body_at: int = 0, **meta: object) -> Article:
    """Check and clean one record; raises ArticleError when it cannot be an article.

    `file_text` is the whole input when `body` is a part of it starting at `body_at` (wire and
    plain text): offsets then index the file, not the body. A record without any date raises
    `Undated`, which the caller may date (`--published`).
    """
    if not isinstance(body, str) or not body.strip():
        raise ArticleError(where, "article has no text")
    if published is None or (isinstance(published, str) and not published.strip()):
        raise Undated(where, title, body, {"file_text": file_text, "body_at": body_at, **meta})
    warnings = []
    if len(body) > MAX_CHARS:
        warnings.append(f"text truncated from {len(body):,} to {MAX_CHARS:,} characters")
        log.warning("%s: %s", where, warnings[-1])
        body = body[:MAX_CHARS]
    published_at = parse_date(published, where)
    text, offsets = clean_text(body)
    if not text:
        raise ArticleError(where, "article has no text")
    if file_text is not None:
        offsets = [body_at + i for i in offsets] if body_at else offsets
    return Article(title=str(title or "").strip(), published=published_at, text=text,
                   raw_text=body if file_text is None else file_text,
                   offsets=offsets, origin=where, warnings=warnings, **meta)  # type: ignore[arg-type]
