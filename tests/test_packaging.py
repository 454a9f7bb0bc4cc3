"""The wheel ships every module: each folder of code under graph/ and api/ is a listed package."""
from __future__ import annotations

import tomllib

from conftest import ROOT


def test_every_code_folder_is_packaged():
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(cfg["packages"])
    for top in ("graph", "api"):
        for init in (ROOT / top).rglob("__init__.py"):
            pkg = ".".join(init.parent.relative_to(ROOT).parts)
            assert pkg in listed, f"{pkg} is missing from [tool.setuptools] packages"
    mapped = cfg["package-dir"]
    for pkg, folder in mapped.items():
        assert pkg in listed and (ROOT / folder).is_dir()
