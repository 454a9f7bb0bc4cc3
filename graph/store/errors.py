"""The one error every store raises, embedded or remote, so callers need not know which they have."""


class StoreError(Exception):
    """The store cannot be opened or written; the message says why."""


class StoreLocked(StoreError):
    """Another process (`tkg serve`, `tkg ingest`) holds the store open for writing."""
