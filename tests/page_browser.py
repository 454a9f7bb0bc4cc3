"""A real Chromium (Debian's, driven by Playwright) on the page a real `tkg serve` answers.

Every request the page makes goes through a route that lets 127.0.0.1 through and fails the test
on anything else; console errors and uncaught exceptions fail it too.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx
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


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, one per test module (import this fixture into the module)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        yield b
        b.close()


@contextmanager
def watched_page(browser, base_url: str):
    """A new page on `base_url`, 1400x960, watched (off-machine requests, console errors), checked at the end."""
    context = browser.new_context(viewport={"width": 1400, "height": 960}, base_url=base_url)
    pg = context.new_page()
    pg.watch = watch(pg)
    try:
        yield pg
    finally:
        context.close()
    pg.watch.check()


def api(srv, path: str, **params) -> dict:
    """The REST answer the page reads, from the same server: what a view should show is asked of the API."""
    r = httpx.get(srv.url + "/api/v1" + path, params=params, timeout=60)
    assert r.status_code == 200, r.text
    return r.json()
