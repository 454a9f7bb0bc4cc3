"""HTTP content negotiation with q-values (RFC 9110 §12.5.1)."""
from __future__ import annotations

from typing import Optional


def parse_accept(header: str) -> list[tuple[str, float]]:
    """`a/b;q=0.5, c/*` -> [("c/*", 1.0), ("a/b", 0.5)], best first, stable."""
    items = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        items.append((media, q, i))
    items.sort(key=lambda t: (-t[1], t[2]))
    return [(m, q) for m, q, _ in items]


def _matches(pattern: str, media: str) -> bool:
    if pattern in ("*/*", media):
        return True
    return pattern.endswith("/*") and media.split("/")[0] == pattern[:-2]


def choose(accept: Optional[str], offered: list[str]) -> Optional[str]:
    """The offered media type the client likes best; offered[0] when it sends no Accept."""
    if not accept or not accept.strip():
        return offered[0]
    best: Optional[str] = None
    best_q = 0.0
    for media in offered:
        q = max((q for pat, q in parse_accept(accept) if _matches(pat, media)), default=0.0)
        # an exact mention beats a wildcard at the same q
        exact = any(pat == media for pat, _ in parse_accept(accept))
        if q > best_q or (q == best_q and q > 0 and exact and best is not None
                          and not any(pat == best for pat, _ in parse_accept(accept))):
            best, best_q = media, q
    return best
