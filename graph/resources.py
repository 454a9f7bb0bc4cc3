"""Where the files shipped with the package live (ontologies, seeds).

In a source checkout they are the top-level `ontologies/` and `seeds/`; in an installed
wheel they are `graph/ontologies/` and `graph/seeds/` (pyproject maps them there).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def _folder(name: str) -> Path:
    for folder in (_HERE.parent / name, _HERE / name):  # checkout, then installed package
        if folder.is_dir():
            return folder
    raise FileNotFoundError(f"timeline-kg is installed without its {name}/ folder")


def ontology_file(name: str) -> Path:
    """Path of `ontologies/<name>` (tkg.ttl, shapes.ttl, cameo.ttl)."""
    return _folder("ontologies") / name


def seeds_dir() -> Path:
    return _folder("seeds")
