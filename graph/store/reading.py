"""Open a store for reading, whether or not a server holds it: `tkg query`, `tkg export`, notebooks.

Only one process can open a store directory for writing, and opening it read-only while that
process writes is undefined behaviour (DESIGN.md, Store). So a reader first tries to open the
directory itself (free: nobody is writing); if `tkg serve` holds it, it reads the newest checkpoint
the server took (graph/store/checkpoints.py) instead, read-only. The checkpoint is first "pinned":
hard-linked into a directory of the reader's own (`<store>.readers/<pid>-…`), so the server may
delete its copy at any time without pulling files from under the reader.

>>> store = open_for_reading("tkg-data")   # doctest: +SKIP
>>> store.ox_query("ASK { ?s ?p ?o }")        # doctest: +SKIP
"""
from __future__ import annotations

import gc
import os
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Union

import pyoxigraph as ox

from graph.settings import default_path
from graph.store.checkpoints import Checkpoint, checkpoints_root, newest
from graph.store.embedded import REVISION_FILE, Store
from graph.store.errors import StoreError, StoreLocked

if TYPE_CHECKING:
    from graph.store.remote import RemoteStore

FRESH_WAIT = 2.0  # seconds to wait for the server's checkpoint of a write it has just made


def require_store(path: Path) -> None:
    """Raise StoreError unless `path` is an existing store directory (a mistyped `--data` must not
    quietly become a new, empty store that answers nothing)."""
    if not path.exists():
        raise StoreError(f"{path}: no such store (create it with `tkg ingest FILES --data {path}`)")
    if not path.is_dir():
        raise StoreError(f"{path}: not a directory, so not a store")
    if not (path / "CURRENT").is_file():  # every RocksDB database has one
        raise StoreError(f"{path}: not a store (no Oxigraph database in it; `tkg ingest` creates one)")


def open_for_reading(location: "Optional[Path | str]" = None) -> "Union[Store, RemoteStore]":
    """The store at `location` (as `graph.store.backend.open_store`), for queries only.

    A directory must hold a store. If another process holds it, the newest checkpoint of its
    server is opened read-only (a `ReadOnlyStore`); StoreError if there is none (e.g. `tkg ingest`
    is writing it).
    """
    if location is None:
        location = os.environ.get("TKG_STORE") or default_path()
    if isinstance(location, str) and location.lower().startswith(("sparql+http://", "sparql+https://")):
        from graph.store.remote import RemoteStore  # here: httpx is needed only for a remote store

        return RemoteStore(str(location))
    path = Path(location)
    require_store(path)
    try:
        return Store(path)
    except StoreLocked:
        pass
    snapshot = ReadOnlyStore.of_server(path)
    if snapshot is None:
        raise StoreError(f"cannot read store {path}: another process is writing it and no `tkg serve` "
                         "checkpoint of it exists (wait for `tkg ingest` to finish)")
    return snapshot


def open_snapshot(location: "Optional[Path | str]" = None) -> "Union[Store, RemoteStore]":
    """As `open_for_reading`, but never keeps the store's lock (notebooks hold a store for hours): a
    directory nobody holds is opened just long enough to take a checkpoint of it (hard links, in
    `<store>.readers/`), which is then read; so `tkg serve` or `tkg ingest` can start meanwhile. The
    snapshot does not see later writes: open again (KnowledgeGraph.refresh) to read them."""
    if location is None:
        location = os.environ.get("TKG_STORE") or default_path()
    if isinstance(location, str) and location.lower().startswith(("sparql+http://", "sparql+https://")):
        return open_for_reading(location)
    path = Path(location)
    require_store(path)
    try:
        store = Store(path)
    except StoreLocked:
        return open_for_reading(path)
    try:
        readers = _readers_dir(path)
        readers.mkdir(exist_ok=True)
        _sweep(readers)
        target = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=readers))
        target.rmdir()  # the checkpoint makes the directory itself
        store.backup(target)
        revision = store.revision
    finally:
        store.close()
    return ReadOnlyStore(path, Checkpoint(target, revision), target)


class ReadOnlyStore(Store):
    """A server's checkpoint of the store at `source`, pinned and opened read-only.

    `revision` is the checkpoint's; `behind` is how many revisions the store had moved past it
    when it was opened (0 unless the server had not taken a checkpoint of its latest write).
    """

    def __init__(self, source: Path, checkpoint: Checkpoint, pinned: Optional[Path]) -> None:
        # not Store.__init__: that opens (and would create) the directory for writing
        self.source = Path(source)
        self.path = pinned or checkpoint.path
        self.pinned = pinned
        self.checkpoint_revision = checkpoint.revision
        self.after_write = []
        self.ox = ox.Store.read_only(str(self.path))
        self.behind = max(0, _revision_of(self.source) - checkpoint.revision)

    @classmethod
    def of_server(cls, source: Path, attempts: int = 5) -> Optional["ReadOnlyStore"]:
        """The newest checkpoint of the server that holds `source`, or None if there is none."""
        root = checkpoints_root(source)
        for _ in range(attempts):  # a checkpoint can vanish between listing and pinning it
            cp = _freshest(root, _revision_of(source))
            if cp is None:
                return None
            try:
                pinned = _pin(cp, source)
            except FileNotFoundError:
                continue
            try:
                return cls(source, cp, pinned)
            except OSError:
                _unpin(pinned)
        return None

    @property
    def location(self) -> str:
        return str(self.source.resolve())

    @property
    def revision(self) -> int:
        return self.checkpoint_revision

    def _read_only(self, *_: object, **__: object) -> None:
        raise StoreError(f"store {self.source} is open read-only (a `tkg serve` checkpoint): "
                         "write through the server (/update with a token) or stop it first")

    put_graph = put_articles = update = maintain = write_triples = drop_graph = backup = _read_only  # type: ignore[assignment]

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.__dict__.pop("dataset", None)
        self.__dict__.pop("ox", None)
        gc.collect()  # RocksDB closes when the last reference goes (rdflib's Dataset sits in cycles)
        if self.pinned is not None:
            _unpin(self.pinned)
            self.pinned = None

    def __del__(self) -> None:
        if getattr(self, "pinned", None) is not None:
            shutil.rmtree(self.pinned, ignore_errors=True)


def _revision_of(store_path: Path) -> int:
    try:
        return int((store_path / REVISION_FILE).read_text())
    except (OSError, ValueError):
        return 0


def _freshest(root: Path, wanted: int) -> Optional[Checkpoint]:
    """The newest checkpoint; if it is older than revision `wanted`, wait a moment for the server's
    checkpoint of its latest write (it takes one after each write)."""
    deadline = time.monotonic() + FRESH_WAIT
    cp = newest(root)
    while cp is not None and cp.revision < wanted and time.monotonic() < deadline:
        time.sleep(0.05)
        cp = newest(root) or cp
    return cp


def _readers_dir(source: Path) -> Path:
    return source.parent / f"{source.name}.readers"


def _pin(cp: Checkpoint, source: Path) -> Optional[Path]:
    """Hard links to the checkpoint's files in a directory of our own (None where links cannot be
    made: the checkpoint is then read in place). FileNotFoundError if it vanished meanwhile."""
    readers = _readers_dir(source)
    try:
        readers.mkdir(exist_ok=True)
        _sweep(readers)
        pinned = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=readers))
    except OSError:
        return None
    try:
        for f in cp.path.iterdir():
            if not f.name.startswith("LOG"):  # RocksDB's info logs: each opener writes its own
                os.link(f, pinned / f.name)
    except FileNotFoundError:
        _unpin(pinned)
        raise
    except OSError:  # no hard links here (another file system, permissions)
        _unpin(pinned)
        return None
    return pinned


def _unpin(pinned: Path) -> None:
    shutil.rmtree(pinned, ignore_errors=True)
    try:
        pinned.parent.rmdir()  # the last reader out removes <store>.readers
    except OSError:
        pass


def _sweep(readers: Path) -> None:
    """Remove pins left by readers that died (the pid in the name is not running)."""
    for d in readers.iterdir():
        pid = d.name.split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(d, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, another user's
        return True
    return True


_PROLOGUE = re.compile(r"\s*(?:#[^\n]*\n?\s*|(?i:BASE)\s*<[^>]*>\s*|(?i:PREFIX)\s+[^\s:]*:\s*<[^>]*>\s*)*")
_FIRST = re.compile(r"[A-Za-z]+")
UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


def is_update(sparql: str) -> bool:
    """Whether the text is a SPARQL Update (its first keyword after the prologue is an update's)."""
    m = _FIRST.match(sparql, _PROLOGUE.match(sparql).end())
    return bool(m) and m.group().upper() in UPDATE_WORDS
