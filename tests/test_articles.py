"""Readers and cleanup (no NLP)."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from conftest import SEED

from graph.sources import read_path
from graph.sources.articles import Article, ArticleError
from graph.sources.cleaning import clean_text


def seed() -> Article:
    items = list(read_path(SEED))
    assert len(items) == 1 and isinstance(items[0], Article)
    return items[0]


def test_seed_title_and_date_are_split():
    a = seed()
    assert a.title == "Mali junta seizes rebel stronghold of Kidal"
    assert a.published == datetime(2023, 11, 14, 20, 31, 20, tzinfo=timezone.utc)


def test_seed_glued_sentences_get_their_space():
    a = seed()
    assert "seized Kidal,” the head" in a.text
    assert "territory.” Today our armed" in a.text
    assert "social media. The news" in a.text
    assert ".”Today" not in a.text and "media.The" not in a.text


def test_seed_subheads_are_kept_out_of_sentences():
    a = seed()
    lines = a.text.split("\n")
    assert "- Humiliating defeats -" in lines and "- UN withdrawal -" in lines
    assert "retake it.\n\n- Humiliating defeats -\n\nThe authorities" in a.text


def test_seed_slug_dropped_and_spaces_normalized():
    a = seed()
    assert a.text.endswith("is December 31.")
    assert "kt-sd-mk" not in a.text
    assert "  " not in a.text and "\u00a0" not in a.text
    assert "statement admitting" in a.text  # the seed has two spaces there


def test_offsets_map_back_to_the_raw_text():
    a = seed()
    for word in ("Kidal", "Bamako", "MINUSMA", "Anefis", "Humiliating"):
        i = a.text.index(word)
        j = a.raw_offset(i)
        assert a.raw_text[j : j + len(word)] == word


def test_clean_text_nbsp_and_runs():
    text, offsets = clean_text("A\u00a0\u00a0b  c.D")
    assert text == "A b c. D"
    assert len(offsets) == len(text)


def test_json_and_jsonl_records(tmp_path: Path):
    rec = {"url": "https://example.org/a", "title": "T", "published": "2023-11-14T10:00:00Z",
           "text": "The army entered Kidal on Friday.", "source": "AFP"}
    one = tmp_path / "one.json"
    one.write_text(json.dumps(rec))
    many = tmp_path / "many.jsonl"
    many.write_text("\n".join(json.dumps({**rec, "url": f"https://example.org/{i}"}) for i in range(3)))
    [a] = list(read_path(one))
    assert a.url == rec["url"] and a.source == "AFP" and a.published.hour == 10
    arts = list(read_path(many))
    assert len(arts) == 3 and len({x.key for x in arts}) == 3


def test_same_url_is_the_same_article(tmp_path: Path):
    a = tmp_path / "a.json"
    b = tmp_path / "b.json"
    a.write_text(json.dumps({"url": "https://www.example.org/x/", "title": "T", "published": "2023-01-01", "text": "One."}))
    b.write_text(json.dumps({"url": "http://example.org/x", "title": "T", "published": "2023-01-01", "text": "Two."}))
    assert next(read_path(a)).key == next(read_path(b)).key


def test_bad_inputs_say_what_is_wrong(tmp_path: Path):
    cases = {
        "broken.jsonl": ('{"title": "x", "published": "2023-01-01", "text": "ok"}\n{"title": ', "broken JSON"),
        "notext.json": ('{"title": "x", "published": "2023-01-01", "text": ""}', "no text"),
        "nodate.json": ('{"title": "x", "text": "Some text."}', "no publication date"),
        "baddate.json": ('{"title": "x", "published": "yesterday-ish", "text": "Some text."}', "unreadable publication date"),
        "empty.txt": ("", "empty file"),
        "random.txt": ("just some words\nwithout a date", "no publication date (give one with --published DATE)"),
        "blank-lines.txt": ("\n  \n\t\n", "empty file"),
    }
    for name, (content, problem) in cases.items():
        p = tmp_path / name
        p.write_text(content)
        items = list(read_path(p))
        errors = [i for i in items if isinstance(i, ArticleError)]
        assert errors, name
        assert problem in str(errors[-1]) and name in str(errors[-1])
    # the good record before the broken line is still read
    items = list(read_path(tmp_path / "broken.jsonl"))
    assert isinstance(items[0], Article)
    assert list(read_path(tmp_path / "missing.json"))[0].problem == "no such file"
