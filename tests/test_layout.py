"""The tree's rules, checked: imports run one way (import-linter contracts in pyproject.toml), no
import cycles between modules, ruff clean, and no module so long that its jobs hide."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 400


def _tool(name: str) -> str:
    exe = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if exe is None:
        pytest.fail(f"{name} is not installed (it is in the [test] extra)")
    return exe


def test_import_contracts_hold():
    r = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-2000:]
    assert "0 broken" in r.stdout


def test_no_import_cycles():
    import grimp
    import networkx as nx

    g = grimp.build_graph("graph", "api", include_external_packages=False)
    edges = nx.DiGraph((m, d) for m in g.modules for d in g.find_modules_directly_imported_by(m))
    cycles = list(nx.simple_cycles(edges))
    assert not cycles, f"import cycles: {cycles[:5]}"


def test_ruff_clean():
    r = subprocess.run([_tool("ruff"), "check", "graph", "api", "tests", "bench"], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-2000:]


def test_no_module_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for d in ("graph", "api") for p in (ROOT / d).rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long
