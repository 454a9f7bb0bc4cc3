"""The HTTP service: FastAPI app over a timeline-kg store."""
