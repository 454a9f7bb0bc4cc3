"""Exports of the view: GraphML, GEXF, graphology JSON, node-link JSON, CSV (one module a format; formats.FORMATS names them)."""
