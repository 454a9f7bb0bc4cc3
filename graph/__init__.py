"""timeline-kg: news articles to a temporal knowledge graph.

`graph.open(location)` opens the graph for notebooks and scripts (graph/kg.py: pandas DataFrames, networkx
graphs); it is imported on first use, so `tkg serve` and the other commands never load pandas.
"""
from typing import Any

__version__ = "0.1.0"
__all__ = ["open", "KnowledgeGraph", "__version__"]


def __getattr__(name: str) -> Any:
    if name in ("open", "KnowledgeGraph"):
        from graph import kg

        return getattr(kg, name)
    raise AttributeError(f"module 'graph' has no attribute {name!r}")
