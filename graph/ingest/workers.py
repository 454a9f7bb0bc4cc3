"""The unit of ingest work that runs wherever there is a CPU: a chunk of articles in, N-Triples out.

`process(jobs)` extracts a chunk through spaCy's `nlp.pipe` (one batch), states each article's
triples (graph.rdf.triples.article_triples: plain tuples, no rdflib Graph), checks them against the
SHACL shapes (graph.rdf.fastshacl, pyshacl when not sure), and writes them as N-Triples; it
touches no store. It runs in
the ingesting process (`--jobs 1`), in a process pool (`--jobs N`), or on Dask workers
(`--cluster`), and gives the same bytes in all three, so the store ends up the same.
The spaCy pipeline is loaded once per process (graph.extract.nlp.load_nlp is cached).
"""
from __future__ import annotations

import dataclasses
import logging
import traceback
from dataclasses import dataclass, field
from typing import Optional

from graph.ids import article_iri
from graph.sources.articles import Article

log = logging.getLogger(__name__)


@dataclass
class Job:
    """One article to process; `copy_of` (a canonical article's key) makes it a near-duplicate."""
    article: Article
    signature: Optional[str] = None  # base64 MinHash (graph.ingest.dedupe), stored as tkg:minhash
    copy_of: Optional[str] = None


@dataclass
class Done:
    """What became of one Job: an N-Triples body to commit, or the reason it cannot be."""
    key: str
    origin: str
    nt: str = ""  # the article's own graph
    shared_nt: str = ""  # its actors' and places' descriptions, for the entities graph
    triples: int = 0
    events: int = 0
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    copy_of: Optional[str] = None
    error: Optional[str] = None
    records: list[str] = field(default_factory=list)  # its actors as it names them, packed (graph.ingest.identity)


def slim(article: Article) -> Article:
    """The article without what workers never read (raw text and the offset map), to ship cheaply."""
    return dataclasses.replace(article, raw_text="", offsets=[])


def warm() -> None:
    """Load the spaCy pipeline, the rules' word tables and the shapes now (fork server, pool initializer,
    Dask worker plugin).

    They live as long as the process, so they leave the cyclic GC's generations (gc.freeze): each
    full collection would otherwise walk the gazetteer's and the model's millions of objects, ~3% of
    a worker's CPU (measured), and workers forked from the fork server keep sharing those pages.
    """
    import gc

    from graph.extract.nlp import load_nlp
    from graph.extract.pipeline import preload
    from graph.rdf.fastshacl import supported

    load_nlp()
    preload()  # the rules' modules and word tables, else loaded by each worker on its first chunk
    supported()
    gc.freeze()


def _extract(articles: list[Article], batch_size: int) -> list[object]:
    """Extraction or the exception it raised, per article, in order; one bad article spoils no other."""
    from graph.extract import extract, extract_many

    out: list[object] = []
    try:
        for _, ex in extract_many(articles, batch_size=batch_size):
            out.append(ex)
    except Exception:  # noqa: BLE001 - a component failed on some article: redo the rest one by one
        log.debug("batch extraction failed; retrying one article at a time", exc_info=True)
        for a in articles[len(out):]:
            try:
                out.append(extract(a))
            except Exception as e:  # noqa: BLE001
                out.append(e)
    return out


def _triples(job: Job, ex: object) -> list:
    from graph.extract.model import Extraction
    from graph.rdf.triples import article_triples

    a = job.article
    if job.copy_of is not None:  # a wire copy: its own description, a link, no sentences or events
        ex = Extraction(id=article_iri(a.key), published=a.published.isoformat())
    return article_triples(a, ex, signature=job.signature, copy_of=job.copy_of)  # type: ignore[arg-type]


def _shapes_error(report: str) -> str:
    lines = [ln.strip() for ln in report.splitlines() if ln.strip().startswith("Message:")]
    error = "graph fails the SHACL shapes: " + (lines[0][len("Message:"):].strip() if lines else
                                                (report.splitlines()[-1] if report else ""))
    if len(lines) > 1:
        error += f" (and {len(lines) - 1} more)"
    return error


def process(jobs: list[Job], check_shapes: bool = True, full_shacl: bool = False,
            batch_size: int = 32) -> list[Done]:
    """Extract, build, check and serialize a chunk of articles; one Done per Job, in order.

    What goes back to the ingesting process is small and flat: two N-Triples strings and a few
    counts per article (no Doc, no Extraction, no graph object), so it only parses and writes.
    """
    originals = [j for j in jobs if j.copy_of is None]
    extractions = dict(zip(map(id, originals), _extract([j.article for j in originals], batch_size)))
    return [finish(job, extractions.get(id(job)), check_shapes, full_shacl) for job in jobs]


def finish(job: Job, ex: object, check_shapes: bool = True, full_shacl: bool = False) -> Done:
    """One article's Done from its Extraction (None for a wire copy, or the exception extraction raised):
    its triples, checked against the shapes, as N-Triples; or the reason it cannot be written."""
    from graph.extract.actors.resolve import actor_records
    from graph.rdf.fastshacl import check_triples
    from graph.rdf.triples import ntriples

    a = job.article
    done = Done(key=a.key, origin=a.origin, copy_of=job.copy_of)
    try:
        if isinstance(ex, Exception):
            raise ex
        triples = _triples(job, ex)
        own, shared = ntriples(triples)
        own.encode("utf-8"), shared.encode("utf-8")  # a lone surrogate fails here, not in the store
        if check_shapes:
            ok, report = check_triples(triples, own + shared, full=full_shacl)
            if not ok:
                done.error = _shapes_error(report)
                return done
        done.nt, done.shared_nt = own, shared
        done.triples = len(triples)
        if ex is not None and job.copy_of is None:
            done.events = len(ex.events)  # type: ignore[attr-defined]
            done.actors = sorted({e.canonical for e in ex.entities  # type: ignore[attr-defined]
                                  if e.canonical and "/actor/" in e.canonical})
            done.places = sorted({loc.canonical for loc in ex.locations if loc.canonical})  # type: ignore[attr-defined]
            done.records = [r.pack() for r in actor_records(ex)]  # type: ignore[arg-type]
    except Exception as e:  # noqa: BLE001 - reported per article; the batch goes on
        log.debug("article %s failed:\n%s", a.origin, traceback.format_exc())
        done.error = f"extraction failed ({type(e).__name__}: {e})"
        done.nt = done.shared_nt = ""
    return done
