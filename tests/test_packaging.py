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


def test_installed_package_finds_its_seeds_and_ontologies(tmp_path):
    """Run from elsewhere, so that CI (a non-editable install) checks the installed wheel."""
    import subprocess
    import sys

    code = ("from graph.resources import seeds_dir, ontology_file\n"
            "assert any(seeds_dir().glob('*.txt')), seeds_dir()\n"
            "for n in ('tkg.ttl', 'shapes.ttl', 'cameo.ttl', 'cameo_acled.tsv', 'acled_regions.tsv'): assert ontology_file(n).is_file(), n\n"
            "import graph; print(graph.__file__)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
