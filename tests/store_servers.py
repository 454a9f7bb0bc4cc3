"""Real SPARQL 1.1 servers on 127.0.0.1 for the store tests (tests/test_store_backends.py) and
bench/ figures: Oxigraph's server (`oxigraph serve`, PyPI package `oxigraph`) and Virtuoso open
source (`virtuoso-t`, Debian package `virtuoso-opensource`).

Each server runs in its own temporary directory on free ports and is stopped by its process id.
`url` is the `--store` value (`sparql+http://...`) that `graph.store.remote.open_store` takes.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

import httpx

VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
VIRTUOSO_DB = "/var/lib/virtuoso-opensource-7/db"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_command() -> Optional[str]:
    """The `oxigraph` server command next to this Python (the venv), else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


class _Server:
    url: str
    proc: subprocess.Popen
    log: Path

    def _wait(self, probe: str, seconds: float, auth=None) -> None:
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}: {self._log_tail()}")
            try:
                if httpx.get(probe, timeout=2, auth=auth).status_code < 500:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.name} did not answer on {probe} in {seconds:g} s: {self._log_tail()}")

    def _log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-2000:]
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class OxigraphServer(_Server):
    """`oxigraph serve --union-default-graph` on a fresh directory."""

    name = "oxigraph serve"

    def __init__(self, root: Path, timeout_s: Optional[int] = None) -> None:
        cmd = oxigraph_command()
        if cmd is None:
            raise RuntimeError("the `oxigraph` server command is missing: pip install oxigraph (in the test extras)")
        root.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.url = f"sparql+{self.base}/query"
        self.log = root / "oxigraph.log"
        args = [cmd, "serve", "--location", str(root / "db"), "--bind", f"127.0.0.1:{self.port}", "--union-default-graph"]
        if timeout_s:
            args += ["--timeout-s", str(timeout_s)]
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self._wait(f"{self.base}/query?query=ASK%7B%7D", 60)


class VirtuosoServer(_Server):
    """`virtuoso-t -f` on a fresh database (user dba, password dba) in `root`."""

    name = "virtuoso-t"

    def __init__(self, root: Path) -> None:
        exe = shutil.which("virtuoso-t")
        if exe is None or not VIRTUOSO_INI.exists():
            raise RuntimeError("Virtuoso is not installed: `apt-get install virtuoso-opensource` (.ci/run does), "
                               "or set TKG_SKIP_VIRTUOSO=1 to skip its tests")
        root.mkdir(parents=True, exist_ok=True)
        (root / "db").mkdir(exist_ok=True)
        self.port, self.sql_port = free_port(), free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.url = f"sparql+{self.base}/sparql?update=/sparql-auth&user=dba&password=dba&auth=digest"
        ini = VIRTUOSO_INI.read_text()
        ini = ini.replace(VIRTUOSO_DB, str(root / "db"))
        sections = re.split(r"(?m)^(?=\[)", ini)
        for i, sec in enumerate(sections):
            if sec.startswith("[Parameters]"):
                sec = re.sub(r"(?m)^ServerPort\s*=.*$", f"ServerPort = 127.0.0.1:{self.sql_port}", sec)
                sec = re.sub(r"(?m)^DirsAllowed\s*=\s*", f"DirsAllowed = {root}, ", sec)
            elif sec.startswith("[HTTPServer]"):
                sec = re.sub(r"(?m)^ServerPort\s*=.*$", f"ServerPort = 127.0.0.1:{self.port}", sec)
            elif sec.startswith("[SPARQL]"):
                # the package's default cuts every result at 10,000 rows, silently
                sec = re.sub(r"(?m)^ResultSetMaxRows\s*=.*$", "ResultSetMaxRows = 1000000", sec)
            elif sec.startswith("[URIQA]"):
                sec = re.sub(r"(?m)^DefaultHost\s*=.*$", f"DefaultHost = 127.0.0.1:{self.port}", sec)
            sections[i] = sec
        (root / "virtuoso.ini").write_text("".join(sections))
        self.log = root / "virtuoso-t.out"
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen([exe, "-f", "-c", str(root / "virtuoso.ini")], cwd=root,
                                         stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self._wait(f"{self.base}/sparql?query=ASK%7B%7D", 120)
        # the update endpoint answers a little after the query endpoint on a fresh database
        self._wait(f"{self.base}/sparql-auth?query=ASK%7B%7D", 60, auth=httpx.DigestAuth("dba", "dba"))


if __name__ == "__main__":  # start one by hand: python tests/store_servers.py oxigraph|virtuoso DIR
    kind, root = sys.argv[1], Path(sys.argv[2])
    srv = OxigraphServer(root) if kind == "oxigraph" else VirtuosoServer(root)
    print(srv.url, srv.proc.pid, flush=True)
    try:
        srv.proc.wait()
    except KeyboardInterrupt:
        srv.stop()
    os._exit(0)
