"""A real Chromium (Debian's, driven by Playwright) on the page a real `tkg serve` answers.

Every request the page makes goes through a route that lets 127.0.0.1 through and fails the test
on anything else; console errors and uncaught exceptions fail it too.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

# Chromium's GPU-less WebGL (SwiftShader) for sigma.js; a desktop browser uses its GPU instead.
ARGS = ["--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--disable-gpu-sandbox"]


def chromium_path() -> str:
    path = os.environ.get("TKG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("TKG_SKIP_BROWSER") == "1":
            pytest.skip("TKG_SKIP_BROWSER=1 and no chromium")
        pytest.fail("no chromium: apt-get install chromium (.ci/run does), or set TKG_CHROMIUM to its path")
    return path


@dataclass
class Watch:
    """What a page did that a test must not let pass: requests off the machine, errors."""
    off_machine: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def check(self) -> None:
        assert not self.off_machine, f"the page asked another machine: {self.off_machine}"
        assert not self.errors, f"console errors: {self.errors}"


def watch(page) -> Watch:
    w = Watch()

    def route(r) -> None:
        url = r.request.url
        if urlsplit(url).hostname == "127.0.0.1":
            w.requests.append(url)
            r.continue_()
        else:
            w.off_machine.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and w.errors.append(m.text))
    page.on("pageerror", lambda e: w.errors.append(f"uncaught: {e}"))
    return w
