"""A real `tkg serve` subprocess with its own settings (env), for the SPARQL service tests."""
from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path
from typing import Optional

import httpx
from conftest import TKG, free_port

TOKEN = "test-token-5f1c"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


class ServeProcess:
    def __init__(self, data: Path, env: Optional[dict] = None, args: tuple = ()) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
        self.proc = subprocess.Popen([*TKG, "serve", "--data", str(data), "--port", str(self.port), *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=full_env)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.proc.stderr.read()}")
            try:
                if httpx.get(self.url + "/openapi.json", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            self.stop()
            raise RuntimeError("server did not start in 60 s")
        self.client = httpx.Client(base_url=self.url, timeout=120)

    def worker_pids(self) -> set[int]:
        """Query worker processes: children of the server running api.query_worker."""
        out = subprocess.run(["ps", "-o", "pid=,args=", "--ppid", str(self.proc.pid)], capture_output=True, text=True).stdout
        return {int(line.split()[0]) for line in out.splitlines() if "api.query_worker" in line}

    def stop(self) -> None:
        if getattr(self, "client", None):
            self.client.close()
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
