"""Dependencies shared by the routers."""
from __future__ import annotations

from fastapi import Request

from graph.store.embedded import Store


def get_store(request: Request) -> Store:
    return request.app.state.store
