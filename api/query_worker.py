"""A query worker process: runs SPARQL queries on a read-only checkpoint of the store.

Started by api/query_pool.py as `python -m api.query_worker READ_FD WRITE_FD SANDBOX MEMORY_MB NICE`. It reads
jobs (pickled dicts) from READ_FD and writes one reply per job to WRITE_FD. The pool kills it
(SIGKILL) when a query runs past the timeout: pyoxigraph cannot cancel a running query, but the
operating system can end the process doing it. Imports nothing but pyoxigraph, so it starts fast.

With SANDBOX=1 the process first moves itself into a new user + network namespace (Linux,
unprivileged): it then has no network interface at all, so even a `SERVICE` the lexer missed
could not reach anything. Where namespaces are unavailable it runs without (and says so).
"""
from __future__ import annotations

import os
import sys
from multiprocessing.connection import Connection

import pyoxigraph as ox

RESULT_FORMATS = {"JSON": ox.QueryResultsFormat.JSON, "XML": ox.QueryResultsFormat.XML,
                  "CSV": ox.QueryResultsFormat.CSV, "TSV": ox.QueryResultsFormat.TSV}
GRAPH_FORMATS = {"TURTLE": ox.RdfFormat.TURTLE, "N_TRIPLES": ox.RdfFormat.N_TRIPLES,
                 "JSON_LD": ox.RdfFormat.JSON_LD, "RDF_XML": ox.RdfFormat.RDF_XML,
                 "N_QUADS": ox.RdfFormat.N_QUADS}


class ResultTooLarge(Exception):
    pass


class CappedBuffer:
    """A write target that refuses to grow past `limit` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise ResultTooLarge()
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


def serialize_answer(result, is_graph: bool, job: dict) -> tuple:
    """("ok", media type, body) in the format the client negotiated (job's `graph_media` or
    `results_media`), capped at `max_bytes` (raises ResultTooLarge); a 406 error if none fits."""
    media, name = job.get("graph_media" if is_graph else "results_media") or (None, None)
    if media is None:
        kind = "an RDF graph" if is_graph else "query results"
        return ("error", 406, "not acceptable",
                f"this query returns {kind}; the Accept header (or format=) allows none of its formats")
    out = CappedBuffer(job["max_bytes"])
    result.serialize(out, format=(GRAPH_FORMATS if is_graph else RESULT_FORMATS)[name])
    return ("ok", media, out.getvalue())


def isolate_network() -> bool:
    """Enter a fresh user + network namespace (no interfaces). True if it worked."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        uid, gid = os.getuid(), os.getgid()
        if libc.unshare(0x10000000 | 0x40000000) != 0:  # CLONE_NEWUSER | CLONE_NEWNET
            return False
        for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
            try:
                with open(f"/proc/self/{name}", "w") as f:
                    f.write(text)
            except OSError:
                pass
        return True
    except Exception:  # noqa: BLE001 - any failure means "no sandbox", reported to the pool
        return False


class Runner:
    def __init__(self) -> None:
        self.path: str | None = None
        self.store: ox.Store | None = None

    def open(self, path: str) -> ox.Store:
        if path != self.path:
            self.store = None  # close the previous checkpoint before opening the next
            self.store = ox.Store.read_only(path)
            self.path = path
        assert self.store is not None
        return self.store

    def run(self, job: dict) -> tuple:
        """("ok", media type, body) or ("error", status, error, detail)."""
        try:
            store = self.open(job["checkpoint"])
        except OSError as e:
            return ("error", 503, "store unavailable", f"cannot open the query checkpoint: {e}")
        kwargs: dict = {}
        try:
            if job.get("default_graphs") is not None:  # [] (named-graph-uri only): an empty default graph
                kwargs["default_graph"] = [ox.NamedNode(g) for g in job["default_graphs"]]
            if job.get("named_graphs") is not None:
                kwargs["named_graphs"] = [ox.NamedNode(g) for g in job["named_graphs"]]
            result = store.query(job["query"], base_iri=job.get("base_iri"),
                                 use_default_graph_as_union=bool(job.get("union")), **kwargs)
            return serialize_answer(result, isinstance(result, ox.QueryTriples), job)
        except SyntaxError as e:
            return ("error", 400, "malformed query", str(e))
        except MemoryError:
            return ("error", 503, "query out of memory",
                    "the query needed more memory than a query worker may use (TKG_QUERY_MEMORY); narrow it")
        except ResultTooLarge:
            return ("error", 413, "result too large",
                    f"the result is larger than {job['max_bytes']} bytes; narrow the query or page it with LIMIT/OFFSET")
        except (ValueError, TypeError) as e:
            return ("error", 400, "bad request", str(e))
        except OSError as e:
            return ("error", 500, "query failed", str(e))
        except Exception as e:  # noqa: BLE001 - never let the worker die on one query
            return ("error", 500, "query failed", f"{type(e).__name__}: {e}")


def _exit_with_parent() -> None:
    """If the server dies (even by SIGKILL), stop too, even in the middle of a query."""
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def limit_memory(mb: int) -> None:
    """Cap the heap (RLIMIT_DATA: brk and private anonymous mappings, which is where a query's
    rows live; the store's files are not counted). Past it, allocation fails and the process ends."""
    if mb > 0 and sys.platform.startswith("linux"):
        import resource

        limit = mb * 2**20
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


def main(argv: list[str]) -> None:
    rfd, wfd, sandbox = int(argv[0]), int(argv[1]), argv[2] == "1"
    isolated = isolate_network() if sandbox else False  # before any thread: unshare needs a single thread
    limit_memory(int(argv[3]) if len(argv) > 3 else 0)
    try:  # SPARQL queries yield the CPU to the server process (REST reads, writes): a long query
        os.nice(int(argv[4]) if len(argv) > 4 else 0)  # must not double everyone else's latency
    except OSError:
        pass
    _exit_with_parent()
    rx = Connection(rfd, writable=False)
    tx = Connection(wfd, readable=False)
    tx.send(("ready", os.getpid(), isolated))
    runner = Runner()
    while True:
        try:
            job = rx.recv()
        except (EOFError, OSError):
            return
        tx.send(runner.run(job))


if __name__ == "__main__":
    main(sys.argv[1:])
