"""timeline-kg: news articles to a temporal knowledge graph."""
__version__ = "0.1.0"
