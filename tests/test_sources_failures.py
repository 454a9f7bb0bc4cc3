"""A reader that raises (a parser bug, a missing optional library) costs its own file only: one error
line naming the file and the cause, exit code 2, every other file of the run ingested."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pyoxigraph as ox
from conftest import article_graphs
from typer.testing import CliRunner

from graph import sources
from graph.cli import app
from graph.sources import read_paths, register_reader
from graph.sources.articles import Article, ArticleError

BODY = "Mali's army entered the northern town of Kidal on Tuesday after rebels withdrew. " * 3


def _record(i: int) -> str:
    return json.dumps({"url": f"https://example.org/{i}", "title": f"Story {i}", "published": "2023-11-14T10:00:00Z",
                       "text": BODY})


def _boom(path: str, content: str):
    yield from ()
    raise RuntimeError("parser bug at line 3")


def test_a_reader_that_raises_costs_its_file_only(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.json").write_text(_record(1))
    (src / "b-bad.txt").write_text("BOOM\nwhatever follows")
    (src / "c.json").write_text(_record(2))
    register_reader("boom", lambda path, content: content.startswith("BOOM"), _boom)
    try:
        result = CliRunner().invoke(app, ["ingest", str(src), "--data", str(tmp_path / "data")])
    finally:
        sources._READERS[:] = [r for r in sources._READERS if r[0] != "boom"]
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception  # no traceback
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert str(src / "b-bad.txt") in errors[0] and "RuntimeError: parser bug at line 3" in errors[0], errors
    assert result.stdout.strip().splitlines()[-1].startswith("2 articles,"), result.stdout
    assert len(article_graphs(ox.Store(str(tmp_path / "data")))) == 2  # the good files are in the store


def test_a_missing_optional_library_is_one_error_naming_the_file(tmp_path, monkeypatch):
    """What a fresh `pip install .` did before lxml_html_clean was a dependency: `import trafilatura` fails."""
    page = tmp_path / "page.html"
    page.write_text(f"<!DOCTYPE html><html><body><article><p>{BODY}</p></article></body></html>")
    other = tmp_path / "z.json"
    other.write_text(_record(3))
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` raises ImportError
    items = list(read_paths([page, other]))
    assert isinstance(items[0], ArticleError) and items[0].where == str(page), items
    assert "html reader failed (ModuleNotFoundError:" in items[0].problem and "\n" not in str(items[0])
    assert isinstance(items[1], Article)


def test_articles_before_the_failure_are_kept(tmp_path):
    def half(path: str, content: str):
        yield from sources.read_path(Path(path).with_name("good.json"))
        raise ValueError("second record unreadable")

    (tmp_path / "good.json").write_text(_record(4))
    (tmp_path / "half.dat").write_text("HALF")
    register_reader("half", lambda path, content: content == "HALF", half)
    try:
        items = list(read_paths([tmp_path / "half.dat"]))
    finally:
        sources._READERS[:] = [r for r in sources._READERS if r[0] != "half"]
    assert isinstance(items[0], Article)
    assert isinstance(items[1], ArticleError) and "half reader failed (ValueError: second record" in items[1].problem
