"""Small caches of derived query results kept on a store object, valid for one store revision.

The API serves one store object from several threads; two requests of one page (the timeline and
the map) often ask for the same derived result at the same moment. The first computes it, the
others wait for it; a write bumps the store's revision and every older result is dropped.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Callable, Hashable, TypeVar

T = TypeVar("T")


class PerRevision:
    """An LRU of up to `max_entries` results per store, under the attribute `attr` of the store object."""

    def __init__(self, attr: str, max_entries: int = 32) -> None:
        self.attr, self.max_entries = attr, max_entries
        self._lock = threading.Lock()

    def get(self, store: Any, key: Hashable, compute: Callable[[], T]) -> T:
        """The result for `key` at the store's current revision, computing it once (others wait)."""
        revision = store.revision
        with self._lock:
            kept = getattr(store, self.attr, None)
            if kept is None or kept[0] != revision:
                kept = (revision, OrderedDict())
                setattr(store, self.attr, kept)
            entries: OrderedDict[Hashable, _Entry] = kept[1]
            entry = entries.get(key)
            if entry is None:
                entry = entries[key] = _Entry()
                while len(entries) > self.max_entries:
                    entries.popitem(last=False)
            else:
                entries.move_to_end(key)
        return entry.value(compute)


class _Entry:
    """One result, computed by the first caller while the others wait on its lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.done = False
        self.result: Any = None

    def value(self, compute: Callable[[], T]) -> T:
        with self.lock:
            if not self.done:
                self.result = compute()  # an exception leaves it undone: the next caller tries again
                self.done = True
            return self.result
