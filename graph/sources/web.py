"""http(s) URLs: fetch a page or a feed and read it like a file of that format.

One error line per URL that cannot be read: a timeout, an HTTP error status, a connection
failure, or an answer that is neither an HTML page nor an RSS/Atom feed.
"""
from __future__ import annotations

import dataclasses
import os
import re
from datetime import datetime
from typing import Iterator, Optional

from graph.sources import feeds, html
from graph.sources.articles import Article, ArticleError
from graph.sources.decoding import decode
from graph.sources.dispatch import one_line, read_text

MAX_BYTES = 50 * 1024 * 1024  # a page or feed larger than this is not one
USER_AGENT = "timeline-kg/0.1 (+https://w3id.org/timeline-kg)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = re.compile(r"^(application|text)/((rss|atom|rdf)\+)?xml$")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def fetch_timeout() -> float:
    """Seconds to wait for a server (connect, and between bytes): $TKG_FETCH_TIMEOUT, default 20."""
    return float(os.environ.get("TKG_FETCH_TIMEOUT") or 20)


def fetch(url: str, timeout: Optional[float] = None) -> tuple[str, str, bytes]:
    """(final URL, content type, body); raises ArticleError naming the URL and the problem."""
    import httpx

    timeout = fetch_timeout() if timeout is None else timeout
    try:
        with httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}) as client:
            with client.stream("GET", url) as r:
                if r.status_code >= 400:
                    raise ArticleError(url, f"HTTP {r.status_code} {r.reason_phrase}".strip())
                body = bytearray()
                for chunk in r.iter_bytes():
                    body += chunk
                    if len(body) > MAX_BYTES:
                        raise ArticleError(url, f"answer larger than {MAX_BYTES // 2**20} MB")
                return str(r.url), r.headers.get("content-type", ""), bytes(body)
    except httpx.TimeoutException:
        raise ArticleError(url, f"timed out after {timeout:g} s") from None
    except httpx.HTTPError as e:  # connection refused, bad URL, too many redirects, broken answer
        raise ArticleError(url, f"cannot fetch ({one_line(e)})") from None


def read_url(url: str, published: Optional[datetime] = None,
             timeout: Optional[float] = None) -> Iterator[Article | ArticleError]:
    """Articles of the page or feed at `url`; errors are yielded, not raised."""
    try:
        final, ctype, body = fetch(url, timeout)
        charset = _CHARSET.search(ctype)
        content, note = decode(body, url, charset.group(1) if charset else None)
    except ArticleError as e:
        yield e
        return
    mime = ctype.split(";")[0].strip().lower()
    kind = _kind(mime, url, content)
    if kind is None:
        yield ArticleError(url, f"not an HTML page or an RSS/Atom feed (Content-Type: {mime or 'none'})")
        return
    if kind == "xml":
        yield ArticleError(url, f"XML that is not an RSS/Atom feed (Content-Type: {mime})")
        return
    read = html.read if kind == "html" else feeds.read
    for item in read_text(url, content, published, note, readers=[(kind, lambda p, c: True, read)]):
        if kind == "html" and isinstance(item, Article) and item.url is None:
            item = dataclasses.replace(item, url=final)  # the page's own address when it names none
        yield item


def _kind(mime: str, url: str, content: str) -> Optional[str]:
    """"html", "feed", "xml" (XML but no feed) or None (neither), by Content-Type, else by content."""
    if mime in _HTML_TYPES:
        return "html"
    if _FEED_TYPES.match(mime):
        return "feed" if feeds.sniff(url, content) else "xml"
    if feeds.sniff(url, content):  # mislabelled (text/plain, application/octet-stream, none)
        return "feed"
    return "html" if html.sniff(url, content) else None
