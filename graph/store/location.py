"""Where a remote store is: `sparql+http(s)://...` URLs -> SPARQL endpoints, credentials, timeout.

The URL convention of `--store` / `$TKG_STORE` (README "Using an existing SPARQL server");
graph.store.remote.RemoteStore talks to what `parse_location` finds.
"""
from __future__ import annotations

import os
import re
from typing import Optional
from urllib.parse import parse_qs, unquote, urljoin, urlsplit, urlunsplit

import httpx

from graph.store.errors import StoreError

SCHEMES = ("sparql+http://", "sparql+https://")
DEFAULT_TIMEOUT = 300.0  # seconds per HTTP request, unless the URL says `timeout=`


def is_remote(location: object) -> bool:
    return isinstance(location, str) and location.lower().startswith(SCHEMES)


class Endpoints:
    """What a `sparql+http(s)://` location says: endpoints, credentials, timeout."""

    def __init__(self, query: str, update: str, user: Optional[str], password: Optional[str], auth: str,
                 timeout: float, vendor: Optional[str]) -> None:
        self.query, self.update = query, update
        self.user, self.password, self.auth = user, password, auth
        self.timeout, self.vendor = timeout, vendor

    def httpx_auth(self) -> Optional[httpx.Auth]:
        if self.user is None:
            return None
        if self.auth == "digest":
            return httpx.DigestAuth(self.user, self.password or "")
        return httpx.BasicAuth(self.user, self.password or "")

    def public(self) -> str:
        """The query endpoint without credentials (for messages and cache keys)."""
        return self.query


def default_update_path(path: str, has_user: bool) -> str:
    """The update endpoint a query endpoint implies (per vendor's layout; `update=` overrides)."""
    if path.endswith("/query"):  # Oxigraph /query -> /update; Fuseki /ds/query -> /ds/update
        return path[: -len("query")] + "update"
    if re.search(r"/repositories/[^/]+/?$", path):  # GraphDB, RDF4J
        return path.rstrip("/") + "/statements"
    if path.endswith("/sparql") and has_user:  # Virtuoso: updates need /sparql-auth
        return path + "-auth"
    return path  # one endpoint for both (SPARQL 1.1 Protocol allows it)


def parse_location(location: str) -> Endpoints:
    """`sparql+http(s)://[USER[:PASSWORD]@]HOST[:PORT]/PATH[?OPTIONS]` -> endpoints.

    Options: `update=` (a path or URL; default from the query path: `.../query` -> `.../update`,
    `/repositories/ID` -> `/repositories/ID/statements`, `/sparql` with a user -> `/sparql-auth`,
    otherwise the query URL), `user=`, `password=` (or `$TKG_STORE_PASSWORD`), `auth=basic|digest`
    (Virtuoso's /sparql-auth wants digest), `timeout=` seconds per request, `vendor=virtuoso|generic`
    (default: from the server's `Server` header).
    """
    if not is_remote(location):
        raise StoreError(f"not a SPARQL store URL (sparql+http://... or sparql+https://...): {location!r}")
    parts = urlsplit(location[len("sparql+"):])
    if not parts.hostname:
        raise StoreError(f"no host in store URL {location!r}")
    opts = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    unknown = set(opts) - {"update", "user", "password", "auth", "timeout", "vendor"}
    if unknown:
        raise StoreError(f"unknown option(s) {', '.join(sorted(unknown))} in store URL "
                         "(known: update, user, password, auth, timeout, vendor)")
    user = opts.get("user") or (unquote(parts.username) if parts.username else None)
    password = opts.get("password") or (unquote(parts.password) if parts.password else None)
    if user is not None and password is None:
        password = os.environ.get("TKG_STORE_PASSWORD")
    auth = (opts.get("auth") or "basic").lower()
    if auth not in ("basic", "digest"):
        raise StoreError(f"auth={auth!r} in store URL: use basic or digest")
    try:
        timeout = float(opts.get("timeout") or DEFAULT_TIMEOUT)
    except ValueError:
        raise StoreError(f"timeout={opts['timeout']!r} in store URL is not a number of seconds") from None
    netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    if parts.port:
        netloc += f":{parts.port}"
    path = parts.path or "/"
    query_url = urlunsplit((parts.scheme, netloc, path, "", ""))
    update = opts.get("update")
    update_url = urljoin(query_url, update) if update else urlunsplit(
        (parts.scheme, netloc, default_update_path(path, user is not None), "", ""))
    vendor = (opts.get("vendor") or "").lower() or None
    return Endpoints(query_url, update_url, user, password, auth, timeout, vendor)
