"""Extraction: text in, `Extraction` out (see model.py)."""
from .model import Extraction
from .pipeline import extract, extract_many

__all__ = ["Extraction", "extract", "extract_many"]
