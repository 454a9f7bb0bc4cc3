"""The Dask worker plugin of `tkg ingest --cluster` (imported only then: distributed is heavy)."""
from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin

from graph.ingest.workers import warm


class WarmModel(WorkerPlugin):
    """Load the spaCy pipeline when a worker joins, so the first chunk does not wait for it."""

    def setup(self, worker) -> None:  # noqa: D401
        warm()
