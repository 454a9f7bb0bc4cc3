"""One actor, one IRI in the store: each article's actors matched, at commit, against the actors already known.

Workers extract articles on their own (forked processes, Dask workers) and name each actor by its label
(`actor/{slug}`); they send the article's actor records (graph.extract.actors.resolve.actor_records) beside its
N-Triples. The ingesting process keeps one `ActorIndex` for the run, loaded from the store's entities graph when
the run starts (graph.store.actor_names) and grown with every article it commits, in input order, so the result
does not depend on the backend. Resolving an article rewrites its N-Triples: an actor found to be a known one
takes that actor's IRI everywhere in the article (mentions, agents, targets), the name the article gave it becomes
an altLabel of the known actor instead of a second label, and an actor the NER gave the other type (a person read
as an organisation) keeps the known actor's classes.
"""
from __future__ import annotations

import logging
import re
import time

from graph.extract.actors.resolve import ActorIndex, ActorRecord
from graph.ids import BASE
from graph.ingest.workers import Done
from graph.rdf.terms import Lit, term_nt
from graph.store.actor_names import known_actors

log = logging.getLogger(__name__)

_ACTOR = re.compile("<(" + re.escape(BASE + "actor/") + "[^>]*)>")
_LABEL = " <http://www.w3.org/2000/01/rdf-schema#label> "
_ALT = " <http://www.w3.org/2004/02/skos/core#altLabel> "
_TYPE = " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
_SEM_ACTOR = "<http://semanticweb.cs.vu.nl/2009/11/sem/Actor>"


class Identity:
    """The run's actor index and the rewriting of committed articles by it."""

    def __init__(self) -> None:
        self.index = ActorIndex()
        self.labelled: set[str] = set()  # actors whose label the store has (or this run gave it)

    def load(self, store) -> int:
        """Know every actor of `store` (one query); returns how many."""
        t = time.perf_counter()
        for iri, label, person, names in known_actors(store):
            self.index.add(iri, label, person, names)
            self.labelled.add(iri)
        log.info("actor index: %d actors from the store in %.2f s", len(self.index), time.perf_counter() - t)
        return len(self.index)

    def resolve(self, done: Done) -> None:
        """Give the actors of one article their IRIs across articles, rewriting its N-Triples in place."""
        moved: dict[str, str] = {}
        retyped: set[str] = set()
        for line in done.records:
            rec = ActorRecord.unpack(line)
            iri = self.index.resolve(rec)
            if iri != rec.iri:
                moved[rec.iri] = iri
            if self.index.is_person(iri) != rec.person:
                retyped.add(iri)
        done.records = []
        if moved:
            done.nt = _ACTOR.sub(lambda m: "<" + moved.get(m.group(1), m.group(1)) + ">", done.nt)
            done.actors = sorted({moved.get(a, a) for a in done.actors})
        done.shared_nt = "".join(line + "\n" for line in self._shared(done.shared_nt, moved, retyped))

    def merge_written(self, store) -> int:
        """Merge in the store the actors the index found to be one after they were written (an acronym an earlier
        article used bare, spelt out by a later one: graph.extract.actors.resolve.ActorIndex.take_merges), as an
        analyst's merge would (graph/store/corrections.py, by "tkg ingest": listed, undoable, applied to every
        later article); returns how many."""
        from graph.store.corrections import CorrectionError, merge

        n = 0
        for gone, kept in self.index.take_merges():
            try:
                merge(store, kept, gone, by="tkg ingest")
                n += 1
            except CorrectionError as e:  # one of them never reached the store (its article failed)
                log.info("actor merge %s -> %s not made: %s", gone, kept, e)
        return n

    def _shared(self, nt: str, moved: dict[str, str], retyped: set[str]) -> list[str]:
        out: list[str] = []
        labelled: dict[str, bool] = {}  # actor -> one of its label lines is the known label
        for line in nt.split("\n"):
            m = _ACTOR.match(line)
            if not line or m is None:
                if line:
                    out.append(line)
                continue
            iri = moved.get(m.group(1), m.group(1))
            rest = line[m.end():]
            known = self.index.label(iri)
            if rest.startswith(_LABEL) and known is not None:  # not "American" (no actor record)
                same = rest[len(_LABEL):-2].strip() == term_nt(Lit(known))
                labelled[iri] = labelled.get(iri, False) or same
                if not same:
                    rest = _ALT + rest[len(_LABEL):]  # the known actor's label stays its one label
            elif rest.startswith(_TYPE) and iri in retyped and _SEM_ACTOR not in rest:
                continue  # "Ilse Varga" read as an organisation: the person keeps her own classes
            out.append(f"<{iri}>{rest}")
        for iri, ok in labelled.items():  # never an actor without a label: its first name stays its label
            if not ok and iri not in self.labelled:
                k = next(i for i, ln in enumerate(out) if ln.startswith(f"<{iri}>{_ALT}"))
                out[k] = f"<{iri}>{_LABEL}" + out[k][len(f"<{iri}>{_ALT}"):]
        self.labelled.update(labelled)
        return out
