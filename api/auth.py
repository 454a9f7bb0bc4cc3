"""Bearer-token guard for the write endpoints (/update, /store)."""
from __future__ import annotations

import hmac
from typing import Optional

from fastapi import Header, Request

from .errors import ApiError


def require_token(request: Request,
                  authorization: Optional[str] = Header(None, description="`Bearer <TKG_TOKEN>`")) -> None:
    """401 without the right `Authorization: Bearer $TKG_TOKEN`; 403 when the server has no token (writes off)."""
    token = request.app.state.settings.token
    if not token:
        raise ApiError(403, "writes disabled", "this server has no token configured (TKG_TOKEN), so updates and the "
                                               "Graph Store Protocol are off")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode("utf-8", "replace"),
                                                             token.encode("utf-8")):
        raise ApiError(401, "unauthorized", "send the header Authorization: Bearer <token>",
                       headers={"WWW-Authenticate": 'Bearer realm="timeline-kg"'})
