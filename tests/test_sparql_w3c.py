"""The W3C SPARQL 1.1 evaluation tests through our HTTP layer (strict default graph, data loaded
through /store): no test that pyoxigraph passes in-process may fail through HTTP.
60-70 s on 2 cores, so marked slow: `pytest -m slow tests/test_sparql_w3c.py`."""
from __future__ import annotations

import json
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import pytest  # noqa: E402
import w3c  # noqa: E402


@pytest.mark.slow
def test_w3c_sparql11_suite_over_http_matches_pyoxigraph(tmp_path, capsys):
    out = tmp_path / "w3c.json"
    code = w3c.main(["--json", str(out)])
    printed = capsys.readouterr().out
    res = json.loads(out.read_text())
    http, local = res["http"], res["in_process"]
    regressions = sorted(k for k in local if local[k] == "passed" and http[k] != "passed")
    assert regressions == [], printed
    assert code == 0
    passed = sum(v == "passed" for v in http.values())
    assert passed >= 250, printed
