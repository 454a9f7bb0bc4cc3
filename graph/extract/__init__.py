"""Extraction: text in, `Extraction` out (see model.py).

The names below load on first use (PEP 562): the server imports `graph.extract.events.cameo` for
labels, and must not pay for spaCy to do so.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graph.extract.model import Extraction
    from graph.extract.pipeline import extract, extract_many

__all__ = ["Extraction", "extract", "extract_many"]


def __getattr__(name: str) -> Any:
    if name == "Extraction":
        from graph.extract.model import Extraction

        return Extraction
    if name in ("extract", "extract_many"):
        from graph.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
