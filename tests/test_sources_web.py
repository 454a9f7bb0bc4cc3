"""`tkg ingest URL`: pages and feeds fetched from a real HTTP server on 127.0.0.1; one error line for a
timeout, an HTTP error, a refused connection or an answer that is neither a page nor a feed."""
from __future__ import annotations

import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox
import pytest
from conftest import article_graphs, free_port
from test_sources import ATOM, BODY, HTML_PAGE, RSS
from typer.testing import CliRunner

from graph.cli import app
from graph.sources import read_paths
from graph.sources.articles import Article, ArticleError
from graph.sources.web import read_url

PAGE_NO_CANONICAL = f"<!DOCTYPE html><html><head><title>Kidal</title></head><body><article><p>{BODY}</p></article></body></html>"
ROUTES = {  # path -> (status, content type, body)
    "/page": (200, "text/html; charset=utf-8", HTML_PAGE.encode()),
    "/bare": (200, "text/html", PAGE_NO_CANONICAL.encode()),
    "/latin1": (200, "text/html; charset=iso-8859-1", HTML_PAGE.replace("Copyright", "Caf\u00e9").encode("latin-1")),
    "/rss": (200, "application/rss+xml", RSS.encode()),
    "/atom": (200, "text/plain", ATOM.encode()),  # mislabelled: read by its content
    "/xml": (200, "application/xml", b"<?xml version='1.0'?><catalog><book/></catalog>"),
    "/json": (200, "application/json", b'{"title": "T", "text": "x"}'),
    "/gone": (404, "text/html", b"<html><body>Not here</body></html>"),
    "/broken": (500, "text/plain", b"oops"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/bare")
            self.end_headers()
            return
        status, ctype, body = ROUTES.get(self.path, (200, "text/html", HTML_PAGE.encode()))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_page(site):
    [a] = list(read_url(f"{site}/page"))
    assert isinstance(a, Article), a
    assert "Kidal" in a.text and "Home | World" not in a.text and a.published.year == 2023
    assert a.url == "https://news.example.org/2023/11/14/kidal"  # the page's canonical link


def test_a_page_without_its_own_url_keeps_the_address_fetched(site):
    items = list(read_paths([f"{site}/moved"], published=None))
    assert isinstance(items[0], ArticleError) and "--published" in items[0].problem  # no date in the page
    [a] = list(read_url(f"{site}/moved", datetime(2023, 11, 14, tzinfo=timezone.utc)))
    assert isinstance(a, Article) and a.url == f"{site}/bare" and "--published" in a.warnings[0]


def test_charset_from_the_header(site):
    [a] = list(read_url(f"{site}/latin1"))
    assert isinstance(a, Article) and not a.warnings


def test_feeds_by_type_and_by_content(site):
    items = list(read_url(f"{site}/rss"))
    assert isinstance(items[0], Article) and items[0].url == "https://wire.example.org/1"
    assert isinstance(items[1], ArticleError) and items[1].where == f"{site}/rss#item2"  # the undated item
    [atom] = list(read_url(f"{site}/atom"))
    assert isinstance(atom, Article) and atom.url == "https://atom.example.org/1"


@pytest.mark.parametrize("path, problem", [
    ("/gone", "HTTP 404 Not Found"),
    ("/broken", "HTTP 500 Internal Server Error"),
    ("/json", "not an HTML page or an RSS/Atom feed (Content-Type: application/json)"),
    ("/xml", "XML that is not an RSS/Atom feed (Content-Type: application/xml)"),
])
def test_bad_answers(site, path, problem):
    [e] = list(read_url(f"{site}{path}"))
    assert isinstance(e, ArticleError) and e.where == f"{site}{path}" and e.problem == problem, e


def test_timeout_and_refused(site):
    t0 = time.perf_counter()
    [e] = list(read_url(f"{site}/slow", timeout=0.5))
    assert isinstance(e, ArticleError) and e.problem == "timed out after 0.5 s" and time.perf_counter() - t0 < 2.5
    [e] = list(read_url(f"http://127.0.0.1:{free_port()}/x"))
    assert isinstance(e, ArticleError) and e.problem.startswith("cannot fetch (ConnectError")


def test_cli_ingest_urls_and_files(site, tmp_path, monkeypatch):
    monkeypatch.setenv("TKG_FETCH_TIMEOUT", "0.5")
    data = tmp_path / "data"
    (tmp_path / "atom.xml").write_text(ATOM)
    args = ["ingest", f"{site}/page", f"{site}/gone", f"{site}/slow", f"{site}/json", str(tmp_path / "atom.xml"),
            "--data", str(data)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and (result.exception is None or isinstance(result.exception, SystemExit)), result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {site}/gone: HTTP 404 Not Found", f"error: {site}/slow: timed out after 0.5 s",
                      f"error: {site}/json: not an HTML page or an RSS/Atom feed (Content-Type: application/json)"]
    assert result.stdout.strip().splitlines()[-1].startswith("2 articles,"), result.stdout
    assert len(article_graphs(ox.Store(str(data)))) == 2
