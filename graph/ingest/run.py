"""Ingest: files -> articles -> (near-duplicate check) -> extraction -> RDF -> SHACL -> store.

The ingesting process reads the files (one at a time, lazily), computes each article's MinHash
and decides whether it is a wire copy of an article already ingested (graph.ingest.dedupe), and sends
chunks of articles to a backend (graph.ingest.cluster: this process, a process pool, or a Dask
cluster) that extracts, builds, checks and serializes their graphs (graph.ingest.workers). Results
come back in input order and each chunk is written in one store transaction.

Guarantees: an article is committed whole (its named graph replaced in the same transaction
as its peers in the chunk) or reported as skipped with the reason — a bad file, a failing
extraction, a graph that fails the shapes, a worker that dies: the batch goes on. An article
is acknowledged (`on_article`, the summary) only after its transaction has committed; the
store is flushed before `ingest` returns.
"""
from __future__ import annotations

import dataclasses
import logging
import re
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional

from graph.ids import article_iri
from graph.ingest.cluster import InProcess, WorkerLost
from graph.ingest.cluster import backend as make_backend
from graph.ingest.identity import Identity
from graph.ingest.linker import Linker
from graph.ingest.record import now, stamp
from graph.ingest.workers import Done, Job, slim
from graph.sources import read_paths
from graph.sources.articles import Article, ArticleError
from graph.store.corrections import fix_batch
from graph.store.embedded import Store

if TYPE_CHECKING:  # datasketch pulls in scipy (0.3 s): imported once the worker pool is starting (ingest())
    from graph.ingest.dedupe import StoryIndex
    from graph.ingest.dedupe_store import StoreLookup

log = logging.getLogger(__name__)

BATCH = 32  # articles per chunk: spaCy's nlp.pipe batch and one store transaction
MAX_EXTRACT_CHARS = 100_000  # ~15k words, longer than any news story; spaCy needs ~3 GB and ~100 s for 1M chars
MAX_PASSES = 3  # re-runs for copies whose canonical article failed
# Oxigraph (RocksDB) keeps what it writes in memtables until they fill up: ~0.75 MB of resident
# memory per article ingested (~700 MB for 1,000), which a flush returns. Flushing after every
# ~16 MB of N-Triples (~130 articles) keeps the writer at ~150 MB more and costs no more CPU.
FLUSH_BYTES = 16 * 2**20
SHARED_LINES = 500_000  # actor/place description lines remembered as written (then forgotten, rewritten)


@dataclass
class IngestSummary:
    articles: int = 0  # committed this run (near-duplicates included)
    duplicates: int = 0  # of which wire copies linked by tkg:sameStoryAs
    merged: int = 0  # events linked to the same happening reported by an earlier article (tkg:sameHappeningAs)
    events: int = 0
    actors: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    triples: int = 0  # triples written this run
    seconds: float = 0.0
    words: int = 0  # words of the committed articles' text
    errors: list[ArticleError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def reasons(self) -> Counter:
        """Skipped inputs counted by reason (values such as dates and columns blanked out)."""
        return Counter(reason(e.problem) for e in self.errors)

    def line(self) -> str:
        dup = f", {self.duplicates} near-duplicate{'s' if self.duplicates != 1 else ''} linked" if self.duplicates else ""
        if self.merged:
            dup += f", {self.merged} event{'s' if self.merged != 1 else ''} merged into happenings reported before"
        text = (f"{self.articles} articles{dup}, {self.events} events, {len(self.actors)} actors, "
                f"{len(self.places)} places, {self.triples} triples in {self.seconds:.1f} s")
        if self.errors:
            why = ", ".join(f"{n} {r}" for r, n in self.reasons().most_common())
            text += f"; {len(self.errors)} skipped ({why})"
        if self.warnings:
            text += f"; {len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''}"
        return text


def reason(problem: str) -> str:
    """`unreadable publication date 'next week'` -> `unreadable publication date`: a countable reason."""
    r = re.sub(r"\s*\(.*$", "", problem)  # details in parentheses
    r = re.sub(r"'[^']*'|\"[^\"]*\"", "", r)  # quoted values
    r = re.sub(r"\b\d{4}-\d\d[\d\-:T.,+Z]*", "", r)  # dates
    r = r.split(";")[0].split(":")[0]
    return re.sub(r"\s+", " ", r).strip() or problem


def limit(article: Article, max_chars: int) -> Article:
    """Cut an over-long article at a paragraph (else sentence, else word) break, with a warning."""
    if max_chars <= 0 or len(article.text) <= max_chars:
        return article
    text = article.text
    cut = text.rfind("\n", 0, max_chars)
    if cut < max_chars // 2:
        cut = text.rfind(". ", 0, max_chars) + 1
    if cut < max_chars // 2:
        cut = text.rfind(" ", 0, max_chars)
    if cut <= 0:
        cut = max_chars
    warning = f"text truncated for extraction from {len(text):,} to {cut:,} characters"
    log.info("%s: %s", article.origin, warning)  # reported through on_warning and the summary
    return dataclasses.replace(article, text=text[:cut].rstrip(), offsets=article.offsets[:cut],
                               warnings=[*article.warnings, warning])


class _Run:
    def __init__(self, store: Store, summary: IngestSummary, backend, index: Optional[StoryIndex], *,
                 dedupe: bool, max_chars: int, batch_size: int, happenings: bool,
                 on_article: Optional[Callable[[Article], None]],
                 on_error: Callable[[ArticleError], None],
                 on_warning: Optional[Callable[[Article, str], None]],
                 lookup: Optional[StoreLookup] = None) -> None:
        self.store, self.summary, self.backend, self.index = store, summary, backend, index
        self.lookup = lookup  # the store's candidates by band key (None: all loaded, or no dedupe)
        self.dedupe, self.max_chars, self.batch_size = dedupe, max_chars, batch_size
        self.linker = Linker(store) if happenings else None  # before the run writes: what the store held
        self.on_article, self.on_error, self.on_warning = on_article, on_error, on_warning
        self.failed: set[str] = set()
        self.orphans: list[Article] = []
        self.seen: set[str] = set()
        self.unflushed = 0  # bytes of N-Triples written since the last flush
        self.shared_written: set[str] = set()  # entity description lines committed in this run
        self.identity = Identity()  # one actor, one IRI: the store's actors and this run's (graph.ingest.identity)

    # --- reading side: articles -> jobs ---

    def jobs(self, items: Iterable[Article | ArticleError]) -> Iterator[tuple[Article, Job]]:
        from graph.ingest.dedupe import encode, signature

        for item in items:
            if isinstance(item, ArticleError):
                self.skip(item)
                continue
            article = limit(item, self.max_chars)
            first_time = article.key not in self.seen
            self.seen.add(article.key)
            for w in article.warnings if first_time else ():
                self.summary.warnings.append(f"{article.origin}: {w}")
                if self.on_warning:
                    self.on_warning(article, w)
            sig = signature(article.text)
            sig_text, copy_of = encode(sig), None
            if self.index is not None:
                if self.dedupe:
                    extra = self.lookup.candidates(sig_text) if self.lookup is not None else ()
                    copy_of = self.index.match(article.key, sig, extra)
                self.index.add(article.key, sig, copy_of or article.key)
            yield article, Job(slim(article), sig_text, copy_of)

    def chunks(self, items: Iterable[Article | ArticleError]) -> Iterator[list[tuple[Article, Job]]]:
        chunk: list[tuple[Article, Job]] = []
        for pair in self.jobs(items):
            chunk.append(pair)
            if len(chunk) >= self.batch_size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    # --- the pipeline: a few chunks in flight, committed in order ---

    def run(self, items: Iterable[Article | ArticleError]) -> None:
        depth = 1 if isinstance(self.backend, InProcess) else 2 * self.backend.workers
        pending: deque = deque()
        source = self.chunks(items)
        exhausted = False
        while True:
            while not exhausted and len(pending) < depth:
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                else:
                    pending.append((chunk, self.backend.submit([j for _, j in chunk])))
            if not pending:
                return
            chunk, future = pending.popleft()
            self.commit(chunk, self.results(chunk, future))

    def results(self, chunk: list[tuple[Article, Job]], future) -> list[Done]:
        try:
            return self.backend.result(future)
        except Exception as e:  # noqa: BLE001 - a worker died or the cluster failed: retry one by one
            log.warning("a chunk of %d articles failed (%s); retrying them one at a time", len(chunk), e)
            if isinstance(e, WorkerLost):
                self.backend.restart()
            out = []
            for article, job in chunk:
                try:
                    out += self.backend.result(self.backend.submit([job]))
                except Exception as e2:  # noqa: BLE001
                    if isinstance(e2, WorkerLost):
                        self.backend.restart()
                    what = "worker died processing it (out of memory?)" if isinstance(e2, WorkerLost) else \
                        f"extraction failed ({type(e2).__name__}: {e2})"
                    out.append(Done(key=article.key, origin=article.origin, copy_of=job.copy_of, error=what))
            return out

    def commit(self, chunk: list[tuple[Article, Job]], results: list[Done]) -> None:
        good: list[tuple[Article, Done]] = []
        for (article, job), done in zip(chunk, results):
            if done.error:
                self.fail(article, done.error)
            elif done.copy_of is not None and done.copy_of in self.failed:
                self.orphans.append(article)  # its canonical article was not committed: redo it in full
            else:
                good.append((article, done))
        if not good:
            return
        for _, done in good:  # in input order, whatever the backend: the same IRIs every time
            self.identity.resolve(done)
        try:
            self.write(good)
            committed = good
        except Exception as e:  # noqa: BLE001 - find the article the store refuses, keep the others
            log.warning("a chunk write failed (%s); writing its articles one at a time", e)
            committed = []
            for pair in good:
                try:
                    self.write([pair])
                    committed.append(pair)
                except Exception as e2:  # noqa: BLE001
                    self.fail(pair[0], f"the store refused the graph ({type(e2).__name__}: {str(e2)[:200]})")
        self.identity.merge_written(self.store)
        for article, done in committed:
            s = self.summary
            s.articles += 1
            s.duplicates += done.copy_of is not None
            s.events += done.events
            s.actors.update(done.actors)
            s.places.update(done.places)
            s.triples += done.triples
            s.words += len(article.text.split())
            log.info("committed %s", article_iri(done.key))  # after its transaction: acknowledged (tests/test_crash.py reads it)
            if self.on_article:
                self.on_article(article)

    def write(self, pairs: list[tuple[Article, Done]]) -> None:
        """Commit the articles of `pairs` in one transaction.

        Each article also says what it knows of its actors and places (`shared_nt`, for the one
        entities graph). Most of those lines are the same from article to article (2,927 distinct
        lines in 92,000 for 1,000 synthetic articles): a line already committed in this run, or given
        by an earlier article of the chunk, is not sent again. The entities graph ends up the same.
        """
        batch, new = [], set()
        for _, d in pairs:
            # one triple a line: N-Triples escapes "\n" inside literals (not so U+2028 and the
            # like, which str.splitlines would split at)
            lines = [ln for ln in d.shared_nt.split("\n") if ln and ln not in self.shared_written and ln not in new]
            new.update(lines)
            batch.append((article_iri(d.key), d.nt, "".join(ln + "\n" for ln in lines)))
        # record times and the tombstones of events a re-ingest took away (graph/ingest/record.py)
        # record times, analysts' corrections (graph/store/corrections.py), then links between reports of one happening
        written = fix_batch(self.store, stamp(self.store, [a for a, _ in pairs], batch))
        self.store.put_articles(written)
        if self.linker is not None:
            self.link_happenings(written)
        if len(self.shared_written) + len(new) > SHARED_LINES:
            self.shared_written.clear()
        self.shared_written |= new
        self.unflushed += sum(len(own) + len(shared) for _, own, shared in batch)
        if self.unflushed >= FLUSH_BYTES:
            self.store.flush()
            self.unflushed = 0

    def link_happenings(self, written: list[tuple[str, str, str]]) -> None:
        """One event per happening: link the chunk's events (as `written`) to what earlier articles reported
        (graph/ingest/linker.py). The articles are committed already: a failure here costs the links only."""
        try:
            self.summary.merged += self.linker.link(written, now())  # type: ignore[union-attr]
        except Exception as e:  # noqa: BLE001 - the articles stand; say so and go on
            log.warning("linking the events of %d articles to happenings failed: %s", len(written), e)
            self.summary.warnings.append(f"happenings not linked for {len(written)} articles ({type(e).__name__}: {e})")

    def skip(self, e: ArticleError) -> None:
        self.summary.errors.append(e)
        self.on_error(e)

    def fail(self, article: Article, problem: str) -> None:
        self.failed.add(article.key)
        if self.index is not None:
            self.index.forget(article.key)
        err = ArticleError(article.origin, problem)
        log.info("%s", err)
        self.skip(err)


def ingest(store: Store, paths: Iterable[Path | str], *, jobs: int = 1, cluster: Optional[str] = None,
           batch_size: int = BATCH, check_shapes: bool = True, full_shacl: bool = False,
           dedupe: bool = True, threshold: float = 0.8, max_chars: int = MAX_EXTRACT_CHARS,
           on_article: Optional[Callable[[Article], None]] = None,
           on_error: Callable[[ArticleError], None] = lambda e: None,
           on_warning: Optional[Callable[[Article, str], None]] = None,
           backend=None, published: Optional[datetime] = None, happenings: bool = True) -> IngestSummary:
    """Ingest every article under `paths` into `store`; returns what was done.

    `jobs` worker processes (0: one per core) or a Dask `cluster` address run extraction;
    `check_shapes` (on by default) validates every graph before it is written (`full_shacl`
    runs pyshacl on every graph instead of only on those the fast check does not pass);
    `dedupe` links wire copies (Jaccard >= `threshold`) to the first copy instead of extracting
    them again. `backend` (graph.ingest.cluster) overrides `jobs`/`cluster` (to reuse one).
    `paths` may hold http(s) URLs; `published` dates the articles that have none (`--published`);
    `happenings` links events that report a happening an earlier article reported (graph/ingest/happenings.py).
    """
    t0 = time.perf_counter()
    summary = IngestSummary()
    options = dict(check_shapes=check_shapes, full_shacl=full_shacl, batch_size=batch_size)
    own_backend = backend is None
    if backend is None:
        backend = make_backend(jobs=jobs, cluster=cluster, **options)  # first: a pool starts loading the model now
    from graph.ingest.dedupe import StoryIndex
    from graph.ingest.dedupe_store import lookup

    index = StoryIndex(threshold)
    store_lookup = lookup(store, index) if dedupe else None  # the store's candidates of each article, by band key
    run = _Run(store, summary, backend, index, dedupe=dedupe, max_chars=max_chars, batch_size=batch_size,
               happenings=happenings, lookup=store_lookup,
               on_article=on_article, on_error=on_error, on_warning=on_warning)
    run.identity.load(store)
    try:
        run.run(read_paths(paths, published))
        passes = 1
        while run.orphans:  # copies whose canonical article failed: the first of them becomes canonical
            again, run.orphans = run.orphans, []
            for a in again:
                index.forget(a.key)
            if passes >= MAX_PASSES:
                run.dedupe = False
            run.run(a_ for a_ in again)
            passes += 1
    finally:
        if own_backend:
            backend.close()
        store.flush()
    summary.seconds = time.perf_counter() - t0
    if store_lookup is not None:
        log.info("near-duplicate index: %d candidates read from the store by %d lookups in %.2f s",
                 store_lookup.read, store_lookup.lookups, store_lookup.seconds)
    return summary
