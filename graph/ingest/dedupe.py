"""Near-duplicate articles (wire copies): MinHash of word shingles, an LSH index, `tkg:sameStoryAs`.

One AFP story republished by ten sites is ten articles (ten URLs, ten keys) but one story.
Ingest computes each article's MinHash signature (128 permutations of its lower-cased word
5-shingles, datasketch's affine32 scheme) and looks it up in an LSH index of every article
already ingested (in the store, from earlier runs) or ahead of it in this run. If one has an
estimated Jaccard similarity >= the threshold (0.8 by default), the new article is a copy:

- the first-ingested copy (the *canonical* article) keeps the only full graph: sentences,
  actors, places, events;
- a copy's graph holds just its own description (`schema:NewsArticle`, title, date,
  publisher, URL, text) plus `tkg:sameStoryAs <canonical article>` — no sentences, no events,
  so timelines, the graph view, analytics and exports count each story's events once, with no
  filter in any query; "also published by" is one triple pattern away.

Every article graph carries its signature (`tkg:minhash`, base64 of 128 little-endian uint32)
so a later run rebuilds the index from the store alone, and idempotency holds: re-ingesting a
copy makes the same copy graph, re-ingesting a canonical article keeps it canonical.

    >>> a = signature("Mali's army entered the northern town of Kidal on Tuesday after rebels withdrew.")
    >>> b = signature("BAMAKO (AFP) - Mali's army entered the northern town of Kidal on Tuesday after rebels withdrew.")
    >>> round(jaccard(a, b), 1) >= 0.7
    True
"""
from __future__ import annotations

import base64
import logging
import re
from functools import lru_cache
from typing import Iterable, Optional

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from graph.ids import BASE
from graph.rdf.lsh import BANDS, ROWS

log = logging.getLogger(__name__)

NUM_PERM = 128
SHINGLE = 5  # words
SCHEME = "affine32"
SEED = 1
THRESHOLD = 0.8
_WORD = re.compile(r"\w+")
_ARTICLE = BASE + "article/"

MINHASH_QUERY = """PREFIX tkg: <https://w3id.org/timeline-kg/ontology#>
SELECT ?a ?sig ?c WHERE { ?a tkg:minhash ?sig . OPTIONAL { ?a tkg:sameStoryAs ?c } }"""


@lru_cache(maxsize=1)
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)


def shingles(text: str) -> list[bytes]:
    """Lower-cased word 5-shingles (the whole text as one shingle when it has fewer words)."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE:
        return [" ".join(words).encode("utf-8")]
    return list({" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)})


def signature(text: str) -> LeanMinHash:
    t = _template()
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=t.permutations)
    m.update_batch(shingles(text))
    return LeanMinHash(m)


def encode(sig: LeanMinHash) -> str:
    return base64.b64encode(np.asarray(sig.hashvalues, dtype="<u4").tobytes()).decode("ascii")


def decode(text: str) -> Optional[LeanMinHash]:
    try:
        values = np.frombuffer(base64.b64decode(text, validate=True), dtype="<u4")
    except (ValueError, TypeError):
        return None
    if len(values) != NUM_PERM:
        return None
    return LeanMinHash(seed=SEED, hashvalues=values.astype(np.uint64), scheme=SCHEME)


def jaccard(a: LeanMinHash, b: LeanMinHash) -> float:
    return float(np.count_nonzero(a.hashvalues == b.hashvalues)) / NUM_PERM


def key_of(iri: str) -> str:
    return iri[len(_ARTICLE):] if iri.startswith(_ARTICLE) else iri


class StoryIndex:
    """Which article each article is a copy of: an LSH index of signatures, keyed by article key."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("the near-duplicate threshold is a Jaccard similarity in (0, 1]")
        self.threshold = threshold
        # the bands the store's keys use (graph/rdf/lsh.py): one candidate rule in memory and in the store
        self.lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS))
        self.sigs: dict[str, LeanMinHash] = {}
        self.root: dict[str, str] = {}  # key -> key of its canonical article (itself if canonical)

    def __len__(self) -> int:
        return len(self.sigs)

    def load(self, rows: Iterable[tuple[str, str, Optional[str]]]) -> int:
        """Add (article IRI, base64 signature, canonical IRI or None) rows, e.g. from the store."""
        n = 0
        for iri, sig_text, canonical in rows:
            sig = decode(sig_text)
            if sig is None:
                log.warning("%s: unreadable tkg:minhash, not used for near-duplicate matching", iri)
                continue
            k = key_of(iri)
            self.add(k, sig, key_of(canonical) if canonical else k)
            n += 1
        return n

    def load_store(self, store) -> int:
        """Index every article already in `store` (one SPARQL query)."""
        rows = ((r["a"].value, r["sig"].value, r["c"].value if r["c"] is not None else None)
                for r in store.ox_query(MINHASH_QUERY))
        return self.load(rows)

    def match(self, key: str, sig: LeanMinHash, extra: Iterable[str] = ()) -> Optional[str]:
        """The key of the canonical article `key` is a copy of, or None if it is (or stays) canonical.
        `extra`: candidate keys found elsewhere (the store's, by band key) that are in the index."""
        known = self.root.get(key)
        if known is not None:  # re-ingest: keep its role, if its canonical article still stands
            return None if known == key or known not in self.sigs else known
        best: tuple[float, str] | None = None
        for cand in {*self.lsh.query(sig), *extra}:
            root = self.root.get(cand)
            if root is None or root == key or root not in self.sigs:
                continue
            j = jaccard(sig, self.sigs[cand])
            if j >= self.threshold and (best is None or (j, root) > best):
                best = (j, root)
        return best[1] if best else None

    def add(self, key: str, sig: LeanMinHash, root: str) -> None:
        if key in self.sigs:
            self.lsh.remove(key)
        self.lsh.insert(key, sig, check_duplication=False)
        self.sigs[key] = sig
        self.root[key] = root

    def forget(self, key: str) -> None:
        """Drop an article (its graph was not committed)."""
        if key in self.sigs:
            self.lsh.remove(key)
            del self.sigs[key]
            del self.root[key]
