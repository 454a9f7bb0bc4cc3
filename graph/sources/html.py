"""HTML pages through trafilatura: main text, title, date, URL and site; no network."""
from __future__ import annotations

import logging
import re
from typing import Iterator

from graph.sources.articles import Article, ArticleError, make_article

_HTML = re.compile(r"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html|<head|<body|<article)", re.I | re.S)

# trafilatura and htmldate log every page they find poor; our own report says what matters.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.ERROR)


def sniff(path: str, content: str) -> bool:
    return bool(_HTML.match(content[:4096]))


def read(path: str, content: str) -> Iterator[Article]:
    import trafilatura

    doc = trafilatura.bare_extraction(content, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        raise ArticleError(path, "HTML page without an article")
    meta = doc if isinstance(doc, dict) else doc.as_dict()
    text = meta.get("text") or ""
    if len(text.split()) < 5:
        raise ArticleError(path, "HTML page without an article")
    yield make_article(meta.get("title") or "", meta.get("date"), text, path,
                       url=meta.get("url") or None, source=meta.get("sitename") or None)
