"""Legacy and UTF-16 encodings: Windows-1252 and Latin-1 guessed (with a warning), UTF-16/UTF-8 by their BOM."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from graph.sources import read_path
from graph.sources.articles import Article, ArticleError

WIRE = ("Army \u201cretakes\u201d Kidal \u2013 caf\u00e9 talkTue, 14 Nov 2023 20:31:20 GMT\n\n"
        "Le pr\u00e9sident a d\u00e9clar\u00e9 \u00e0 Bamako que l\u2019arm\u00e9e \u00e9tait entr\u00e9e \u00e0 Kidal mardi.")
RECORDS = [{"title": "Arm\u00e9e \u00e0 Kidal", "published": "2023-11-14", "text": "L\u2019arm\u00e9e est \u00e0 Kidal. \u2603"},
           {"title": "Two", "published": "2023-11-15", "text": "The army entered Kidal."}]


def only_article(path, **kw) -> Article:
    items = list(read_path(path, **kw))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_cp1252_wire_text_is_read_with_a_warning(tmp_path):
    p = tmp_path / "wire.txt"
    p.write_bytes(WIRE.encode("cp1252"))
    a = only_article(p)
    assert a.title == "Army \u201cretakes\u201d Kidal \u2013 caf\u00e9 talk"
    assert a.text.startswith("Le pr\u00e9sident a d\u00e9clar\u00e9 \u00e0 Bamako que l\u2019arm\u00e9e")
    assert a.warnings == ["not UTF-8: read as Windows-1252 (encoding guessed)"]
    i = a.text.index("Bamako")
    assert WIRE[a.raw_offset(i):a.raw_offset(i) + 6] == "Bamako"  # offsets index the decoded file


def test_latin1_plain_text_is_read_with_a_warning(tmp_path):
    text = "Caf\u00e9s ferm\u00e9s \u00e0 Kidal\n\nLes caf\u00e9s de Kidal sont rest\u00e9s ferm\u00e9s mardi, selon des t\u00e9moins."
    p = tmp_path / "latin1.txt"
    p.write_bytes(text.encode("latin-1"))
    a = only_article(p, published=datetime(2023, 11, 14, tzinfo=timezone.utc))
    assert a.title == "Caf\u00e9s ferm\u00e9s \u00e0 Kidal" and "rest\u00e9s ferm\u00e9s" in a.text
    assert a.warnings[0].startswith("not UTF-8: read as ") and "guessed" in a.warnings[0]
    assert "--published" in a.warnings[1]


def test_a_cyrillic_legacy_file_is_not_read_as_western(tmp_path):
    text = "\u0410\u0440\u043c\u0438\u044f \u041c\u0430\u043b\u0438 \u0432\u043e\u0448\u043b\u0430 \u0432 \u041a\u0438\u0434\u0430\u043b\u044c. " * 5
    p = tmp_path / "ru.json"
    p.write_bytes(json.dumps({"title": "T", "published": "2023-11-14", "text": text}, ensure_ascii=False).encode("cp1251"))
    a = only_article(p)
    assert a.text == text.strip() and "cp1251" in a.warnings[0]


def test_utf16_json_with_bom_is_read_without_a_warning(tmp_path):
    for codec in ("utf-16", "utf-16-be"):
        p = tmp_path / f"records-{codec}.json"
        data = json.dumps(RECORDS, ensure_ascii=False)
        p.write_bytes(data.encode("utf-16") if codec == "utf-16" else b"\xfe\xff" + data.encode(codec))
        arts = list(read_path(p))
        assert [a.title for a in arts] == ["Arm\u00e9e \u00e0 Kidal", "Two"], (codec, arts)
        assert arts[0].text == RECORDS[0]["text"] and not arts[0].warnings


def test_utf16_jsonl_and_utf8_bom(tmp_path):
    p = tmp_path / "lines.jsonl"
    p.write_bytes("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS).encode("utf-16"))
    assert len([a for a in read_path(p) if isinstance(a, Article)]) == 2
    q = tmp_path / "bom.txt"
    q.write_bytes(b"\xef\xbb\xbf" + WIRE.encode("utf-8"))
    a = only_article(q)
    assert a.title.startswith("Army") and not a.warnings


def test_utf16_without_bom_and_broken_utf16_are_errors(tmp_path):
    p = tmp_path / "nobom.json"
    p.write_bytes(json.dumps(RECORDS).encode("utf-16-le"))
    [e] = list(read_path(p))
    assert isinstance(e, ArticleError) and "binary file" in e.problem
    q = tmp_path / "odd.json"
    q.write_bytes(b"\xff\xfe{\x00\"")  # an odd number of bytes after the mark
    [e] = list(read_path(q))
    assert isinstance(e, ArticleError) and "broken UTF-16 text" in e.problem and str(q) in str(e)
