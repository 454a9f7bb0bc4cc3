"""Helpers for the hand-checked unseen wire texts (tests/test_unseen*.py)."""
from __future__ import annotations

from datetime import datetime, timezone

from graph.extract import extract
from graph.sources.articles import Article


def run(text: str, date: str):
    """Extract `text` as an article published at `date` (ISO, UTC), titled by its first line."""
    art = Article(title=text.split("\n")[0], published=datetime.fromisoformat(date).replace(tzinfo=timezone.utc),
                  text=text, raw_text=text)
    return extract(art)


def event(ex, trigger: str):
    """The first event whose trigger is `trigger`."""
    return next(e for e in ex.events if e.text == trigger)


def ids(ex, text: str) -> set:
    """The GeoNames ids of the place mentions whose text is `text`."""
    return {l.geonames_id for l in ex.locations if l.text == text}
