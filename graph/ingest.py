"""Ingest: files -> articles -> extraction -> RDF -> SHACL check -> store, one article at a time.

An article is either committed whole (its named graph replaced in one transaction) or
reported as skipped with the reason; a bad file never stops the batch.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from .articles import Article, ArticleError
from .sources import read_paths
from .extract import extract_many
from .iris import article_iri
from .rdf import article_graph
from .store import Store
from .validate import validate

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    articles: int = 0
    events: int = 0
    actors: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    triples: int = 0  # quads in the store after the run
    seconds: float = 0.0
    errors: list[ArticleError] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.articles} articles, {self.events} events, {len(self.actors)} actors, "
                f"{len(self.places)} places, {self.triples} triples in {self.seconds:.1f} s"
                + (f"; {len(self.errors)} skipped" if self.errors else ""))


def _good_articles(paths: Iterable[Path], summary: IngestSummary,
                   on_error: Callable[[ArticleError], None]) -> Iterable[Article]:
    for item in read_paths(paths):
        if isinstance(item, ArticleError):
            summary.errors.append(item)
            on_error(item)
        else:
            yield item


def ingest(store: Store, paths: Iterable[Path], *, check_shapes: bool = True,
           on_article: Optional[Callable[[Article], None]] = None,
           on_error: Callable[[ArticleError], None] = lambda e: None) -> IngestSummary:
    """Ingest every article under `paths` into `store`; returns what was done."""
    t0 = time.perf_counter()
    summary = IngestSummary()
    for article, ex in extract_many(_good_articles(paths, summary, on_error)):
        g = article_graph(article, ex)
        if check_shapes:
            ok, report = validate(g)
            if not ok:
                err = ArticleError(article.origin, f"graph fails the SHACL shapes: {report.splitlines()[-1] if report else ''}")
                summary.errors.append(err)
                on_error(err)
                log.error("%s\n%s", err, report)
                continue
        store.put_graph(article_iri(article.key), g)
        summary.articles += 1
        summary.events += len(ex.events)
        summary.actors.update(e.canonical for e in ex.entities if e.canonical and "/actor/" in e.canonical)
        summary.places.update(loc.canonical for loc in ex.locations if loc.canonical)
        if on_article:
            on_article(article)
    store.flush()
    summary.triples = store.triple_count()
    summary.seconds = time.perf_counter() - t0
    return summary
