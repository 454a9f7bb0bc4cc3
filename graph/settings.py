"""One settings object: environment variables `TKG_*`, overridden by CLI flags."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

DEFAULT_DIR = "tkg-data"


def default_path() -> Path:
    """The store directory when none is given: $TKG_DATA, else ./tkg-data."""
    return Path(os.environ.get("TKG_DATA") or DEFAULT_DIR)



@dataclass
class Settings:
    data: Path = field(default_factory=default_path)
    # An existing SPARQL 1.1 server instead of the directory: sparql+http://HOST:PORT/PATH?... (README,
    # "Using an existing SPARQL server"); --store wins over --data, which wins over TKG_STORE.
    store: Optional[str] = field(default_factory=lambda: os.environ.get("TKG_STORE") or None)
    host: str = field(default_factory=lambda: os.environ.get("TKG_HOST", "127.0.0.1"))
    port: int = field(default_factory=lambda: int(os.environ.get("TKG_PORT", "8000")))
    token: Optional[str] = field(default_factory=lambda: os.environ.get("TKG_TOKEN") or None)

    # --- query service (SPARQL 1.1 Protocol, updates, Graph Store) ---
    # The default graph of /sparql is the union of all article graphs; TKG_UNION_DEFAULT=0 makes it
    # the store's real default graph (strict SPARQL, used to run the W3C test suite).
    union_default: bool = field(default_factory=lambda: _flag("TKG_UNION_DEFAULT", True))
    query_timeout: float = field(default_factory=lambda: float(os.environ.get("TKG_QUERY_TIMEOUT", "30")))
    query_workers: int = field(default_factory=lambda: int(os.environ.get("TKG_QUERY_WORKERS", "2")))
    # memory a query worker may allocate (MB, RLIMIT_DATA): a query that needs more is stopped with 503,
    # instead of growing until the machine's out-of-memory killer picks a process
    query_memory_mb: int = field(default_factory=lambda: int(os.environ.get("TKG_QUERY_MEMORY", "2048")))
    max_queries: int = field(default_factory=lambda: int(os.environ.get("TKG_MAX_QUERIES", "32")))  # in flight (running + waiting)
    max_query_length: int = field(default_factory=lambda: int(os.environ.get("TKG_MAX_QUERY_LENGTH", "100000")))  # characters
    max_body: int = field(default_factory=lambda: int(os.environ.get("TKG_MAX_BODY", str(64 * 1024 * 1024))))  # bytes
    max_result_bytes: int = field(default_factory=lambda: int(os.environ.get("TKG_MAX_RESULT_BYTES", str(128 * 1024 * 1024))))
    cors_origins: list[str] = field(default_factory=lambda: [o.strip() for o in os.environ.get("TKG_CORS_ORIGINS", "").split(",") if o.strip()])


    def location(self, data: Optional[Path] = None, store: Optional[str] = None) -> "Path | str":
        """Where the store is: `--store`, else `--data`, else $TKG_STORE, else $TKG_DATA / ./tkg-data."""
        return store or data or self.store or self.data


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() not in ("0", "false", "no", "off")
