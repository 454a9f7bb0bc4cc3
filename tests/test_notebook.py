"""The worked notebook docs/toolbox.ipynb runs from top to bottom (nbclient, a real kernel) on a real store,
and shows what it says it shows: a table, a weekly plot, the network and the map (images)."""
from __future__ import annotations

import os
import shutil
import time

import nbformat
from conftest import ROOT
from nbclient import NotebookClient


def test_notebook_runs(sahel_store, tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(sahel_store, data)
    monkeypatch.setenv("TKG_NOTEBOOK_DATA", str(data))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    nb = nbformat.read(ROOT / "docs" / "toolbox.ipynb", as_version=4)
    t0 = time.monotonic()
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert time.monotonic() - t0 < 60
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 3  # the weekly counts, the network, the map
    text = "\n".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "events in October and November 2023" in text and "Kidal" in text and "MultiDiGraph" in text
    assert not (data.parent / "data.readers").exists()  # kg.close() let the snapshot go
