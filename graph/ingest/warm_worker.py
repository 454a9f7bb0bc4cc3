"""Imported once by the ingest pool's fork server (graph.ingest.cluster.Pool): loads the spaCy pipeline,
the gazetteer and the SHACL shapes there, so every worker forked from it starts with them
instead of loading its own copy (~2.2 s of CPU per worker, and the pages stay shared).

If loading fails here, the fork server still runs and each worker loads (and reports the
error) itself, as a spawned worker would.
"""
import logging

try:
    from graph.ingest.workers import warm

    warm()
except Exception:  # noqa: BLE001 - a fork server that died here would take the pool with it
    logging.getLogger(__name__).debug("fork server could not preload the pipeline", exc_info=True)
