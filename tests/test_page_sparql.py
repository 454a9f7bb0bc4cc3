"""The SPARQL editor's example queries (web/src/examples.js): each is a README query and answers rows
on the seed; choosing one in the editor and running it shows its rows."""
from __future__ import annotations

import re

import httpx
import pytest
from conftest import ROOT
from page_browser import browser, watched_page  # noqa: F401 (browser: a fixture)


@pytest.fixture
def page(browser, server):  # noqa: F811
    with watched_page(browser, server.url) as pg:
        yield pg


def examples(page) -> list[dict]:
    page.goto("/?tab=sparql")
    page.get_by_test_id("sparql-editor").locator(".CodeMirror").wait_for()
    return page.evaluate("window.tkgSparql.EXAMPLES")


def rows(server, query: str) -> list[dict]:
    r = httpx.post(server.url + "/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return r.json()["results"]["bindings"]


def test_every_example_is_a_readme_query_and_answers_rows(page, server):
    readme = re.sub(r"\s+", " ", (ROOT / "README.md").read_text(encoding="utf-8"))
    found = examples(page)
    assert len(found) >= 4
    labels = " ".join(e["label"] for e in found)
    for topic in ("controlled", "actor's events", "CAMEO root", "place"):
        assert topic in labels, topic
    for e in found:
        assert re.sub(r"\s+", " ", e["body"]).strip() in readme, e["label"]
        assert rows(server, e["query"]), e["label"]


def test_choosing_an_example_puts_it_in_the_editor_and_running_it_shows_rows(page, server):
    found = examples(page)
    pick = next(i for i, e in enumerate(found) if "controlled" in e["label"])
    page.get_by_test_id("sparql-examples").select_option(str(pick))
    editor = "document.querySelector('[data-testid=sparql-editor] .CodeMirror').CodeMirror.getValue()"
    assert page.evaluate(editor) == found[pick]["query"]
    page.get_by_test_id("sparql-run").click()
    table = page.get_by_test_id("sparql-results").locator("table tbody tr")
    table.first.wait_for()
    assert table.count() == len(rows(server, found[pick]["query"]))
    assert "Tuareg rebels" in page.get_by_test_id("sparql-results").inner_text()
    # another, run with Ctrl+Enter in the editor (no mouse)
    fights = next(i for i, e in enumerate(found) if "CAMEO root" in e["label"])
    page.get_by_test_id("sparql-examples").select_option(str(fights))
    page.locator("[data-testid=sparql-editor] .CodeMirror textarea").focus()
    page.keyboard.press("Control+Enter")
    want = len(rows(server, found[fights]["query"]))
    page.wait_for_function("n => document.querySelectorAll('[data-testid=sparql-results] table tbody tr').length === n "
                           "&& document.querySelector('[data-testid=sparql-results]').textContent.includes('cameo/19')",
                           arg=want)
