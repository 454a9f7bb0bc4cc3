"""The store: `backend.open_store` picks the embedded Oxigraph store or a SPARQL 1.1 server; the read queries the API, CLI and notebooks share."""
