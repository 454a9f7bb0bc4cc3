"""Exports of the view: GraphML, GEXF, JSON, CSV (one module a format; formats.FORMATS maps names to writers)."""
