"""Ingest: the run (run.ingest), workers forked from a warm fork server or on Dask, the near-duplicate index."""
