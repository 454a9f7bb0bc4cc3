"""RSS and Atom feeds through feedparser: one article per item, from its content or summary.

feedparser is given the document's text, so it never fetches anything over the network.
"""
from __future__ import annotations

import re
from typing import Iterator

from lxml import html as lxml_html

from graph.sources.articles import Article, ArticleError, make_article

_FEED = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)


def sniff(path: str, content: str) -> bool:
    return bool(_FEED.match(content[:4096]))


def _text(fragment: str) -> str:
    """Item bodies are HTML fragments; keep their text, paragraph breaks included."""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml_html.fromstring(f"<div>{fragment}</div>")
    except Exception:  # lxml raises several types on junk; junk is simply not text
        return ""
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        block.tail = "\n\n" + (block.tail or "")
    return root.text_content()


def read(path: str, content: str) -> Iterator[Article | ArticleError]:
    import feedparser

    feed = feedparser.parse(content)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        raise ArticleError(path, f"broken feed XML ({reason})" if feed.bozo else "feed without items")
    source = feed.feed.get("title")
    for i, item in enumerate(feed.entries):
        where = f"{path}#item{i + 1}"
        body = item.get("content", [{}])[0].get("value") if item.get("content") else item.get("summary")
        published = item.get("published") or item.get("updated") or item.get("created")
        try:
            yield make_article(item.get("title", ""), published, _text(body or ""), where,
                               url=item.get("link") or None, source=source)
        except ArticleError as e:
            if feed.bozo:  # say why the item came out empty
                e = ArticleError(where, f"{e.problem}; broken feed XML ({feed.bozo_exception})")
            yield e
