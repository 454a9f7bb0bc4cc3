"""One settings object: environment variables `TKG_*`, overridden by CLI flags."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .store import default_path


@dataclass
class Settings:
    data: Path = field(default_factory=default_path)
    host: str = field(default_factory=lambda: os.environ.get("TKG_HOST", "127.0.0.1"))
    port: int = field(default_factory=lambda: int(os.environ.get("TKG_PORT", "8000")))
    token: Optional[str] = field(default_factory=lambda: os.environ.get("TKG_TOKEN") or None)
