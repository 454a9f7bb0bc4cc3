"""Checkpoints of a store that a server holds open: how the server takes them, where they live.

pyoxigraph cannot cancel a query, and opening a store read-only while another process writes it
is undefined behaviour (DESIGN.md, Store). So the process that holds the store (`tkg serve`)
takes RocksDB checkpoints (`Store.backup`: hard links, milliseconds) in `<store>.checkpoints/`,
and everything else reads those: the server's query workers (api/query_pool.py) and readers
beside it (`tkg query`, `tkg export`, notebooks: graph/store/reading.py).

A checkpoint directory is named `cp-<sequence>-r<revision>`: RocksDB creates it under a temporary
name and renames it when complete, so a reader that sees the name sees a whole checkpoint, and
knows from the name alone which store revision it holds.
"""
from __future__ import annotations

import re
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from graph.store.embedded import Store

_NAME = re.compile(r"^cp-(\d+)-r(\d+)$")


def checkpoints_root(store_path: Path) -> Path:
    """Where the server keeps the checkpoints of the store at `store_path`."""
    store_path = Path(store_path)
    return store_path.parent / f"{store_path.name}.checkpoints"


@dataclass
class Checkpoint:
    path: Path
    revision: int
    refs: int = 0


def newest(root: Path) -> Optional[Checkpoint]:
    """The latest complete checkpoint under `root` (None if there is none)."""
    found = []
    try:
        for p in root.iterdir():
            m = _NAME.match(p.name)
            if m:
                found.append((int(m.group(1)), int(m.group(2)), p))
    except OSError:  # no server ever ran here, or it just removed its checkpoints
        return None
    if not found:
        return None
    _, revision, path = max(found)
    return Checkpoint(path, revision)


class Checkpoints:
    """The newest read-only copy of the store, refreshed when the store's revision moves."""

    def __init__(self, store: Store, root: Optional[Path] = None) -> None:
        self.store = store
        self.root = root or checkpoints_root(store.path)
        shutil.rmtree(self.root, ignore_errors=True)  # left over by a server that was killed
        self.root.mkdir(parents=True, exist_ok=True)
        self.current: Optional[Checkpoint] = None
        self.seq = 0
        self.lock = threading.Lock()

    def acquire(self) -> Checkpoint:
        with self.lock:
            revision = self.store.revision
            if self.current is None or self.current.revision != revision:
                self.seq += 1
                path = self.root / f"cp-{self.seq:06d}-r{revision}"
                self.store.backup(path)
                old, self.current = self.current, Checkpoint(path, revision)
                if old is not None and old.refs == 0:
                    shutil.rmtree(old.path, ignore_errors=True)
            self.current.refs += 1
            return self.current

    def release(self, cp: Checkpoint) -> None:
        with self.lock:
            cp.refs -= 1
            if cp is not self.current and cp.refs == 0:
                shutil.rmtree(cp.path, ignore_errors=True)

    def refresh(self) -> None:
        """Take a checkpoint now if the store moved: called after each write, so readers in other
        processes (which cannot ask for one) find the latest data."""
        self.release(self.acquire())

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
