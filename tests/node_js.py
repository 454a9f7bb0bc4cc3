"""Run a script of tests/js/ with Node.js (graphology and its parsers from npm) and parse its JSON answer."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import ROOT


def run_node(script: str, *args: str) -> dict:
    """What `node tests/js/SCRIPT ARGS...` prints (one JSON object); skips without node, fails without `npm ci`."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the graphology checks need Node.js (>= 18)")
    if not (ROOT / "node_modules" / "graphology-gexf").exists():
        pytest.fail("graphology parsers missing: run `npm ci` in the repository root before pytest")
    proc = subprocess.run(["node", str(ROOT / "tests" / "js" / script), *args],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)
