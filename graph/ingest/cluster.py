"""Where ingest work runs: in this process, in a local process pool, or on a Dask cluster.

Each backend takes chunks of `workers.Job`s and returns futures of `workers.Done` lists;
ingest keeps a few chunks in flight and commits their results in input order, so the
store's contents do not depend on the backend (tests/test_cluster.py checks it).

Dask: `tkg ingest --cluster tcp://SCHEDULER:8786 ...` connects a `distributed.Client`; each
worker loads the spaCy pipeline once (a worker plugin), and the chunks travel as pickles of
plain dataclasses. Workers need `timeline-kg[scale]` installed (same version); they never
open the store: only the ingesting process writes it. See docs/scale.md.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import forkserver
from typing import Optional

from graph.ingest.workers import Done, Job, process, warm

log = logging.getLogger(__name__)


class BackendError(Exception):
    """The backend cannot be started or reached (message says why)."""


class WorkerLost(Exception):
    """The worker running a chunk died (killed, out of memory, crashed)."""


class InProcess:
    """Run each chunk right here, at submit time (`--jobs 1`)."""

    workers = 1

    def __init__(self, **options: object) -> None:
        self.options = options
        self.warmed = False

    def submit(self, jobs: list[Job]) -> Future:
        if not self.warmed:  # loaded once, then out of the GC's way (workers.warm)
            warm()
            self.warmed = True
        f: Future = Future()
        f.set_result(process(jobs, **self.options))  # type: ignore[arg-type]
        return f

    def result(self, future: Future) -> list[Done]:
        return future.result()

    def restart(self) -> None:
        pass

    def close(self) -> None:
        pass


class Pool:
    """A pool of `jobs` processes forked from a fork server that loaded the spaCy pipeline once (`--jobs N`).

    Not forked from this process: it holds an open RocksDB store and threads. The fork server is a
    fresh interpreter that imports graph.ingest.warm_worker (the model, the gazetteer, the shapes) and
    forks each worker from that state, so workers start at once and share those pages; a worker
    that dies is replaced the same way. It starts loading now, while this process reads the files.
    """

    def __init__(self, jobs: int, **options: object) -> None:
        self.workers = jobs
        self.options = options
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(["graph.ingest.warm_worker"])
        forkserver.ensure_running()
        self._start()

    def _start(self) -> None:
        self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=self.context, initializer=warm)

    def submit(self, jobs: list[Job]) -> Future:
        return self.pool.submit(process, jobs, **self.options)

    def result(self, future: Future) -> list[Done]:
        try:
            return future.result()
        except BrokenProcessPool as e:
            raise WorkerLost(str(e) or "a worker process died") from None

    def restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self._start()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class Dask:
    """Chunks run as tasks on a Dask distributed cluster (`--cluster tcp://HOST:8786`)."""

    def __init__(self, address: str, timeout: float = 20, **options: object) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise BackendError("--cluster needs Dask: pip install 'timeline-kg[scale]'") from None
        self.options = options
        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as e:
            raise BackendError(f"cannot reach the Dask scheduler at {address} ({e})") from None
        # here: distributed takes 0.25 s to import, and only --cluster needs it
        from graph.ingest.dask_plugin import WarmModel

        self.client.register_plugin(WarmModel(), name="tkg-warm-model")
        n = len(self.client.scheduler_info().get("workers", {}))
        if n == 0:
            log.warning("the Dask cluster at %s has no workers yet; chunks wait for one", address)
        self.workers = max(1, sum(w.get("nthreads", 1) for w in self.client.scheduler_info().get("workers", {}).values()))

    def submit(self, jobs: list[Job]):
        return self.client.submit(process, jobs, pure=False, **self.options)

    def result(self, future) -> list[Done]:
        from distributed.scheduler import KilledWorker

        try:
            return future.result()
        except KilledWorker as e:
            raise WorkerLost(f"Dask worker died running it ({e})") from None

    def restart(self) -> None:
        pass  # the scheduler reschedules on the surviving workers

    def close(self) -> None:
        self.client.close()


def backend(jobs: int = 1, cluster: Optional[str] = None, **options: object):
    """The backend for `--jobs` / `--cluster`."""
    if cluster:
        return Dask(cluster, **options)
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs <= 1:
        return InProcess(**options)
    return Pool(jobs, **options)
