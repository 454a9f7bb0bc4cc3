"""Hypothesis over the article readers: whatever bytes a file holds, reading it yields articles
or ArticleErrors; no other exception escapes."""
from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.sources.articles import Article, ArticleError

try:
    from graph.sources import read_path
except ImportError:  # older layout
    from graph.sources.articles import read_path  # type: ignore[no-redef]

DATES = st.one_of(st.just("Tue, 14 Nov 2023 10:00:00 GMT"), st.just("2023-11-14T10:00:00Z"), st.text(max_size=30),
                  st.integers(min_value=-10**12, max_value=10**12), st.floats(allow_nan=True), st.none())
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=80))
RECORD = st.fixed_dictionaries({}, optional={
    "title": SCALARS, "text": st.one_of(st.text(max_size=300), SCALARS), "body": SCALARS,
    "published": DATES, "date": DATES, "url": st.one_of(st.text(max_size=50), SCALARS), "id": SCALARS,
    "source": SCALARS})
JSON_DOCS = st.one_of(RECORD, st.lists(RECORD, max_size=4), st.recursive(SCALARS, lambda c: st.lists(c, max_size=3)
                                                                        | st.dictionaries(st.text(max_size=8), c, max_size=3), max_leaves=8))
WIRE = st.builds(lambda t, d, b: f"{t}{d}\n{b}", st.text(max_size=40),
                 st.sampled_from(["Tue, 14 Nov 2023 10:00:00 GMT", "Mon, 99 Foo 2023 25:61 GMT", ""]), st.text(max_size=400))
MARKUP = st.builds(lambda tag, inner: f"<?xml version='1.0'?><{tag}>{inner}</{tag}>",
                   st.sampled_from(["rss", "feed", "html", "channel", "item"]), st.text(max_size=200))
HTML = st.builds(lambda t, b: f"<html><head><title>{t}</title><meta property='article:published_time' content='2023-11-14'></head>"
                              f"<body><article><p>{b}</p></article></body></html>", st.text(max_size=40), st.text(max_size=300))


def _check(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"in{suffix}"
        p.write_bytes(content)
        for item in read_path(p):  # must not raise
            assert isinstance(item, (Article, ArticleError)), type(item)


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".json", ".jsonl", ".html", ".xml", ".gz", ""]))
def test_any_bytes(content, suffix):
    _check(content, suffix)


@FUZZ
@given(JSON_DOCS, st.booleans())
def test_json_and_jsonl_records(doc, as_lines):
    if as_lines and isinstance(doc, list):
        text = "\n".join(json.dumps(x) for x in doc)
    else:
        text = json.dumps(doc)
    _check(text.encode(), ".jsonl" if as_lines else ".json")


@FUZZ
@given(st.one_of(WIRE, MARKUP, HTML), st.booleans())
def test_text_formats(text, gz):
    data = text.encode("utf-8", "surrogatepass")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        data = text.encode("utf-8", "replace")
    _check(gzip.compress(data) if gz else data, ".gz" if gz else ".txt")
