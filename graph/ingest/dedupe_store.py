"""Near-duplicate candidates from the store by band key (graph/rdf/lsh.py), not by loading it all.

Every article graph states the 20 band keys of its MinHash signature (`tkg:lshBand`). Before an
article is matched, `StoreLookup.candidates` asks the store for the articles that share one of
its keys (20 index lookups in one query), with their signatures and roles, and adds them to the
run's StoryIndex; the Jaccard estimate then decides as for the run's own articles. A small
ingest into a large store costs what it costs into a small one, at any date: before session 4
every run read every signature in the store first (9.2 s at 100k articles).

A store without the time index (written before it, not migrated by `tkg migrate`, which adds the
keys) has no keys: it is loaded whole, as before.
"""
from __future__ import annotations

import logging
import time
from typing import Optional

from graph.ingest.dedupe import StoryIndex, key_of
from graph.rdf.lsh import band_keys
from graph.store import time_index

log = logging.getLogger(__name__)

CANDIDATES = """PREFIX tkg: <https://w3id.org/timeline-kg/ontology#>
SELECT DISTINCT ?a ?sig ?c WHERE { VALUES ?k { %s } ?a tkg:lshBand ?k ; tkg:minhash ?sig .
  OPTIONAL { ?a tkg:sameStoryAs ?c } }"""
# the canonical articles of candidate copies that did not come with them (a match names the canonical)
CANONICALS = """PREFIX tkg: <https://w3id.org/timeline-kg/ontology#>
SELECT ?a ?sig WHERE { VALUES ?a { %s } ?a tkg:minhash ?sig }"""


def _quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class StoreLookup:
    """The store's near-duplicate candidates of each new article, read into a StoryIndex as needed."""

    def __init__(self, store: object, index: StoryIndex) -> None:
        self.store, self.index = store, index
        self.lookups = 0
        self.read = 0  # candidate rows read from the store
        self.seconds = 0.0

    def candidates(self, signature: str) -> list[str]:
        """Keys of the store's articles sharing a band with `signature` (base64), now in the index."""
        keys = band_keys(signature)
        if not keys:
            return []
        t = time.perf_counter()
        rows = [(r["a"].value, r["sig"].value, r["c"].value if r["c"] is not None else None)
                for r in self.store.ox_query(CANDIDATES % " ".join(_quote(k) for k in keys))]  # type: ignore[attr-defined]
        self.index.load(row for row in rows if key_of(row[0]) not in self.index.sigs)
        missing = {c for _, _, c in rows if c is not None and key_of(c) not in self.index.sigs}
        if missing:
            self.index.load((r["a"].value, r["sig"].value, None) for r in self.store.ox_query(  # type: ignore[attr-defined]
                CANONICALS % " ".join(f"<{c}>" for c in sorted(missing))))
        self.lookups += 1
        self.read += len(rows)
        self.seconds += time.perf_counter() - t
        return [key_of(a) for a, _, _ in rows if key_of(a) in self.index.sigs]


def lookup(store: object, index: StoryIndex) -> Optional[StoreLookup]:
    """A lookup for `store`, or None after loading the whole store into `index` (no time index)."""
    if time_index.state(store).indexed:
        return StoreLookup(store, index)
    t = time.perf_counter()
    n = index.load_store(store)
    if n:  # an empty store has no index yet either: nothing to say
        log.info("near-duplicate index: %d articles from the store in %.2f s (no band keys: run `tkg migrate` "
                 "to look candidates up instead)", n, time.perf_counter() - t)
    return None
