"""Killable SPARQL queries: a pool of worker processes reading store checkpoints.

pyoxigraph cannot cancel a running query, and opening a store read-only while another process
writes it is undefined behaviour. So (DESIGN.md, Store):

* the server process keeps the only writable store (REST reads, ingest, updates, Graph Store);
* after each write, and before a query if the store's revision moved since the last checkpoint, it
  takes a new one (`Store.backup`: a RocksDB checkpoint of hard links, milliseconds) in
  `<store>.checkpoints/` (graph/store/checkpoints.py; readers beside the server use them too);
* worker processes (api/query_worker.py) open the newest checkpoint read-only and run the query;
* a query still running at the deadline has its worker killed (SIGKILL) and replaced: the work
  stops, the client gets 503 `query timeout`, the writer and the other workers carry on.

Old checkpoints are deleted once no query in flight uses them.
"""
from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
from multiprocessing.connection import Connection

from fastapi.concurrency import run_in_threadpool

from graph.store.checkpoints import Checkpoints
from graph.store.embedded import Store

from .errors import ApiError

log = logging.getLogger(__name__)


NICE = 10  # query workers' scheduling priority below the server's (os.nice increment)


class Worker:
    """One `python -m api.query_worker` process and its two pipes."""

    def __init__(self, sandbox: bool, memory_mb: int = 0) -> None:
        r_job, w_job = os.pipe()
        r_reply, w_reply = os.pipe()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "api.query_worker", str(r_job), str(w_reply), "1" if sandbox else "0", str(memory_mb), str(NICE)],
            pass_fds=(r_job, w_reply), stdin=subprocess.DEVNULL, close_fds=True)
        os.close(r_job)
        os.close(w_reply)
        self.tx = Connection(w_job, readable=False)
        self.rx = Connection(r_reply, writable=False)
        try:
            if not self.rx.poll(60):
                raise RuntimeError("query worker did not start in 60 s")
            hello = self.rx.recv()
        except BaseException:
            self.kill()
            raise
        self.pid, self.isolated = hello[1], hello[2]

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            pass
        for conn in (self.tx, self.rx):
            try:
                conn.close()
            except (OSError, AttributeError):
                pass


class QueryPool:
    """Run query jobs on worker processes, with a deadline that kills the work."""

    def __init__(self, store: Store, *, workers: int = 2, timeout: float = 30.0, max_inflight: int = 32,
                 sandbox: bool = True, memory_mb: int = 0) -> None:
        self.store = store
        self.memory_mb = memory_mb
        self.size = max(1, workers)
        self.timeout = timeout
        self.max_inflight = max(1, max_inflight)
        self.sandbox = sandbox
        self.checkpoints = Checkpoints(store)
        self.idle: asyncio.Queue[Worker] = asyncio.Queue()
        self.workers: set[Worker] = set()
        self.inflight = 0
        self.tasks: set[asyncio.Task] = set()
        self.closed = False

    async def start(self) -> None:
        new = await asyncio.gather(*(run_in_threadpool(Worker, self.sandbox, self.memory_mb) for _ in range(self.size)))
        for w in new:
            self.workers.add(w)
            self.idle.put_nowait(w)
        if self.sandbox and not all(w.isolated for w in new):
            log.warning("query workers run without a network sandbox (no user namespaces here); "
                        "SERVICE and LOAD are still refused by the query check")
        await run_in_threadpool(self.checkpoints.refresh)
        # readers in other processes (tkg query, tkg export) cannot ask for a checkpoint: take one per write
        self.store.after_write.append(self.checkpoints.refresh)

    async def close(self) -> None:
        self.closed = True
        if self.checkpoints.refresh in self.store.after_write:
            self.store.after_write.remove(self.checkpoints.refresh)
        for w in list(self.workers):
            await run_in_threadpool(w.kill)
        self.workers.clear()
        self.checkpoints.close()

    def _discard(self, worker: Worker) -> None:
        """Kill a worker (its query is abandoned) and start a replacement in the background."""
        self.workers.discard(worker)
        worker.kill()
        if self.closed:
            return

        async def replace() -> None:
            try:
                w = await run_in_threadpool(Worker, self.sandbox, self.memory_mb)
            except Exception:  # noqa: BLE001
                log.exception("cannot start a query worker")
                return
            if self.closed:
                w.kill()
                return
            self.workers.add(w)
            self.idle.put_nowait(w)

        task = asyncio.get_running_loop().create_task(replace())
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def _died(self, worker: Worker) -> ApiError:
        """The error for a worker that stopped in the middle of a query."""
        try:
            code = worker.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            code = None
        if code == -signal.SIGABRT and self.memory_mb:  # Rust's allocator aborts when the limit is hit
            return ApiError(503, "query out of memory",
                            f"the query needed more than {self.memory_mb} MB (TKG_QUERY_MEMORY) and was stopped; "
                            "narrow it (LIMIT, fewer joins, no ORDER BY over large results)")
        return ApiError(503, "query failed", f"the query worker stopped (exit code {code}); the query was abandoned")

    @staticmethod
    async def _readable(conn: Connection, timeout: float) -> bool:
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        fd = conn.fileno()
        loop.add_reader(fd, lambda: fut.done() or fut.set_result(True))
        try:
            await asyncio.wait_for(fut, max(0.0, timeout))
            return True
        except asyncio.TimeoutError:
            return False
        finally:
            loop.remove_reader(fd)

    async def run(self, job: dict) -> tuple:
        """The worker's reply: ("ok", media, body) or ("error", status, error, detail).

        Raises ApiError 503 when the server is saturated or the query runs past the timeout.
        """
        if self.inflight >= self.max_inflight:
            raise ApiError(503, "too many queries",
                           f"{self.inflight} queries are running or waiting (the limit); retry later",
                           headers={"Retry-After": "1"})
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        self.inflight += 1
        try:
            try:
                worker = await asyncio.wait_for(self.idle.get(), self.timeout)
            except asyncio.TimeoutError:
                raise ApiError(503, "query timeout",
                               f"no query worker became free within {self.timeout:g} s; retry later") from None
            cp = await run_in_threadpool(self.checkpoints.acquire)
            busy = True
            try:
                job = {**job, "checkpoint": str(cp.path)}
                try:
                    await run_in_threadpool(worker.tx.send, job)
                except (OSError, EOFError):
                    raise ApiError(503, "query failed", "the query worker stopped; retry") from None
                if not await self._readable(worker.rx, deadline - loop.time()):
                    raise ApiError(503, "query timeout",
                                   f"the query ran longer than {self.timeout:g} s and was stopped")
                try:
                    reply = await run_in_threadpool(worker.rx.recv)
                except (EOFError, OSError):
                    raise self._died(worker) from None
                busy = False
                self.idle.put_nowait(worker)
                return reply
            finally:
                if busy:  # timed out, crashed or cancelled: the worker's state is unknown
                    self._discard(worker)
                await run_in_threadpool(self.checkpoints.release, cp)
        finally:
            self.inflight -= 1


class RemoteQueryPool:
    """/sparql over a remote store (graph.store.remote.RemoteStore): the SPARQL server does the work.

    No worker processes and no checkpoints: the query is forwarded with an HTTP timeout, its answer
    parsed with pyoxigraph and serialized in the negotiated format (so every vendor answers the same
    bytes). At the deadline the client gets 503 `query timeout` and we stop waiting, but only the
    server can stop the work: Oxigraph `serve --timeout-s N`, Virtuoso `MaxQueryExecutionTime`.
    """

    def __init__(self, store, *, timeout: float = 30.0, max_inflight: int = 32) -> None:
        self.store = store
        self.timeout = timeout
        self.max_inflight = max(1, max_inflight)
        self.inflight = 0

    async def start(self) -> None:
        pass

    async def close(self) -> None:
        pass

    def _answer(self, job: dict) -> tuple:
        from graph.store.errors import StoreError

        from .query_worker import ResultTooLarge, serialize_answer

        query = job["query"]
        if job.get("base_iri"):
            query = f"BASE <{job['base_iri']}>\n{query}"
        try:
            kind, body, media_in = self.store.raw_query(query, default_graphs=job.get("default_graphs") or (),
                                                        named_graphs=job.get("named_graphs") or (),
                                                        timeout=self.timeout)
            return serialize_answer(self.store.parse_answer(kind, body, media_in), kind == "graph", job)
        except SyntaxError as e:
            return ("error", 400, "malformed query", str(e))
        except TimeoutError:
            return ("error", 503, "query timeout", f"the SPARQL server did not answer within {self.timeout:g} s")
        except ResultTooLarge:
            return ("error", 413, "result too large",
                    f"the result is larger than {job['max_bytes']} bytes; narrow the query or page it with LIMIT/OFFSET")
        except StoreError as e:
            return ("error", 503, "store unavailable", str(e))
        except (ValueError, OSError) as e:
            return ("error", 502, "bad answer from the SPARQL server", f"{type(e).__name__}: {e}")

    async def run(self, job: dict) -> tuple:
        """As QueryPool.run: ("ok", media, body) or ("error", status, error, detail)."""
        if self.inflight >= self.max_inflight:
            raise ApiError(503, "too many queries",
                           f"{self.inflight} queries are running or waiting (the limit); retry later",
                           headers={"Retry-After": "1"})
        self.inflight += 1
        try:
            # the HTTP timeout ends the wait for the server; this bounds parsing and serializing too
            return await asyncio.wait_for(run_in_threadpool(self._answer, job), self.timeout + 5)
        except asyncio.TimeoutError:
            raise ApiError(503, "query timeout", f"the query ran longer than {self.timeout:g} s") from None
        finally:
            self.inflight -= 1
