"""Which store a location names: a directory is the embedded Oxigraph store, a sparql+http(s) URL an
existing SPARQL 1.1 server. Here, above both backends, so neither imports the other."""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Union

from graph.settings import default_path
from graph.store.embedded import Store

if TYPE_CHECKING:
    from graph.store.remote import RemoteStore


def open_store(location: "Optional[Path | str]" = None) -> "Union[Store, RemoteStore]":
    """The store at `location`: a directory (the embedded Oxigraph store, `Store`), or a
    `sparql+http://...` / `sparql+https://...` URL (an existing SPARQL 1.1 server,
    `graph.store.remote.RemoteStore`). None: `$TKG_STORE`, else `$TKG_DATA` or ./tkg-data."""
    if location is None:
        location = os.environ.get("TKG_STORE") or default_path()
    if isinstance(location, str) and location.lower().startswith(("sparql+http://", "sparql+https://")):
        from graph.store.remote import RemoteStore  # here: httpx is needed only for a remote store

        return RemoteStore(location)
    return Store(Path(location))
