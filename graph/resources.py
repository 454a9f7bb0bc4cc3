"""Where the files shipped with the package live (ontologies, seeds).

In a source checkout they are the top-level `ontologies/` and `seeds/`; in an
installed wheel they are packaged as `graph.ontologies` and `graph.seeds`.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

_TOP = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=None)
def _folder(name: str) -> Path:
    local = _TOP / name
    if local.is_dir():
        return local
    return Path(str(resources.files(f"graph.{name}")))


def ontology_file(name: str) -> Path:
    """Path of `ontologies/<name>` (tkg.ttl, shapes.ttl, cameo.ttl)."""
    return _folder("ontologies") / name


def seeds_dir() -> Path:
    return _folder("seeds")
