"""/docs and /redoc work offline: every script and stylesheet they load comes from the server itself."""
from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

TYPES = {"script": "javascript", "stylesheet": "text/css", "icon": "image/"}


class Assets(HTMLParser):
    """(kind, url) of every <script src>, <link rel=stylesheet|icon href> and absolute URL in inline code."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.found.append(("script", a["src"]))
        elif tag == "link" and a.get("href"):
            rel = (a.get("rel") or "").lower()
            self.found.append(("stylesheet" if "stylesheet" in rel else "icon" if "icon" in rel else rel, a["href"]))


def assets(html: str) -> list[tuple[str, str]]:
    parser = Assets()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("page, scripts", [("/docs", 1), ("/redoc", 1)])
def test_docs_pages_load_everything_from_the_server(client, page, scripts):
    r = client.get(page)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    found = assets(r.text)
    assert sum(kind == "script" for kind, _ in found) == scripts
    assert "cdn.jsdelivr" not in r.text and "fonts.googleapis" not in r.text and "tiangolo" not in r.text
    origin = urlsplit(str(client.base_url))
    for kind, url in found:
        full = urlsplit(urljoin(str(client.base_url) + page, url))
        assert (full.scheme, full.netloc) == (origin.scheme, origin.netloc), f"{page} loads {url} from elsewhere"
        got = client.get(full.geturl())
        assert got.status_code == 200, url
        assert TYPES[kind] in got.headers["content-type"], (url, got.headers["content-type"])
        assert len(got.content) > (100_000 if kind == "script" else 1_000)  # the bundle, not a stub page
    # the spec the page renders is on the same server too
    assert client.get("/openapi.json").json()["info"]["title"] == "timeline-kg"


def test_swagger_ui_has_no_online_validator(client):
    assert '"validatorUrl": null' in client.get("/docs").text
