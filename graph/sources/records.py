"""JSON records `{url?, title, published | dct, text, source?, id?}`: one object, an array, or JSON Lines."""
from __future__ import annotations

import json
from typing import Iterator

from graph.sources.articles import Article, ArticleError, make_article


def sniff(path: str, content: str) -> bool:
    s = content.lstrip()
    return s.startswith("{") or s.startswith("[")


def record_article(rec: object, where: str) -> Article:
    if not isinstance(rec, dict):
        raise ArticleError(where, "record is not a JSON object")
    url, source, rid = rec.get("url"), rec.get("source"), rec.get("id")
    return make_article(
        rec.get("title") or "", rec.get("published") or rec.get("dct") or rec.get("date"), rec.get("text"), where,
        url=url if isinstance(url, str) and url.strip() else None,
        source=source if isinstance(source, str) else None,
        record_id=str(rid) if rid is not None else None,
    )


def read(path: str, content: str) -> Iterator[Article | ArticleError]:
    """Whole-file JSON first; else JSON Lines, where a broken line is reported and the rest read."""
    try:
        data = json.loads(content)
    except json.JSONDecodeError:
        data = None
    except RecursionError:
        raise ArticleError(path, "JSON nested too deeply") from None
    if data is not None:
        records = data if isinstance(data, list) else [data]
        for i, rec in enumerate(records):
            try:
                yield record_article(rec, path if len(records) == 1 else f"{path}[{i}]")
            except ArticleError as e:
                yield e
        return
    for n, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            yield record_article(json.loads(line), where)
        except json.JSONDecodeError as e:
            yield ArticleError(where, f"broken JSON ({e.msg}, column {e.colno})")
        except RecursionError:
            yield ArticleError(where, "JSON nested too deeply")
        except ArticleError as e:
            yield e
