"""Plain text, `--published` for undated input, and `tkg extract` offsets into the input as given."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from conftest import SEED, run_tkg

from graph.extract import extract
from graph.extract.output import to_output
from graph.sources import read_path
from graph.sources.articles import Article, ArticleError

DCT = datetime(2024, 3, 1, tzinfo=timezone.utc)
# CRLF line ends, a no-break space, a run of spaces, a glued sentence: cleaning changes them all
PLAIN = ("\r\n  Army retakes Kidal  \r\n\r\nMali\u2019s army entered the northern town of Kidal on Tuesday.The rebels "
         "had  withdrawn\u00a0from the town on Monday, officials in Bamako said.\r\n\r\nThe United Nations mission "
         "MINUSMA left its camp in Kidal on October 31.\r\n")


def spans(obj: dict) -> list[dict]:
    out = [*obj["timexes"], *obj["entities"], *obj["locations"], *obj["events"]]
    return out + [a for ev in obj["events"] for a in ev["args"]]


def test_plain_text_first_line_is_the_title(tmp_path):
    p = tmp_path / "story.txt"
    p.write_bytes(PLAIN.encode())
    [a] = list(read_path(p, DCT))
    assert isinstance(a, Article), a
    assert a.title == "Army retakes Kidal" and a.published == DCT
    assert a.text.startswith("Mali\u2019s army entered") and "Army retakes" not in a.text
    assert a.warnings == [f"no publication date: --published {DCT.isoformat()} used "
                          f"(for every undated article of {p})"]


def test_one_line_file_is_its_own_body(tmp_path):
    line = ("  Somali forces retook Kismayo from al-Shabaab fighters on Saturday after a week of "
            "shelling, the regional governor said.\n")
    p = tmp_path / "pasted.txt"
    p.write_text(line)
    [a] = list(read_path(p, DCT))
    assert isinstance(a, Article), a
    assert a.text == line.strip()
    assert a.title == "Somali forces retook Kismayo from al-Shabaab fighters on Saturday after a week …"
    ex = to_output(a, extract(a))
    assert any(e["text"] == "Kismayo" for e in ex["locations"]), ex["locations"]
    raw = p.read_text()
    assert all(raw[sp["start"]:sp["end"]] == sp["text"] for sp in spans(ex))


def test_undated_without_published_says_to_use_it(tmp_path):
    p = tmp_path / "story.txt"
    p.write_bytes(PLAIN.encode())
    [e] = list(read_path(p))
    assert isinstance(e, ArticleError) and e.where == str(p) and "--published" in e.problem


def test_published_is_said_once_per_file_and_never_overrides_a_date(tmp_path):
    recs = [{"title": f"T{i}", "text": f"The army entered Kidal, report {i}."} for i in range(3)]
    recs.insert(1, {"title": "dated", "published": "2023-11-14", "text": "The army entered Kidal."})
    p = tmp_path / "undated.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in recs))
    arts = list(read_path(p, DCT))
    assert all(isinstance(a, Article) for a in arts) and len(arts) == 4
    assert [a.published.date().isoformat() for a in arts] == ["2024-03-01", "2023-11-14", "2024-03-01", "2024-03-01"]
    assert len(arts[0].warnings) == 1 and str(p) in arts[0].warnings[0]
    assert not any(a.warnings for a in arts[1:])  # once per file, not per record


def test_plain_text_offsets_index_the_file(tmp_path):
    p = tmp_path / "story.txt"
    p.write_bytes(PLAIN.encode())
    [a] = list(read_path(p, DCT))
    ex = extract(a)
    obj = to_output(a, ex)
    raw = p.read_bytes().decode("utf-8")
    assert len(spans(obj)) >= 8
    for sp in spans(obj):
        assert raw[sp["start"]:sp["end"]] == sp["text"], sp
    # and each span is the mention extraction found (cleaning only changed whitespace here)
    squeeze = lambda t: "".join(t.split())
    cleaned = [*ex.to_dict()["entities"], *ex.to_dict()["events"]]
    # (the same mentions; `tkg extract` lists names before the longer mentions around them)
    assert sorted(squeeze(c["text"]) for c in cleaned) == sorted(squeeze(sp["text"]) for sp in obj["entities"] + obj["events"])
    assert {"Kidal", "Bamako"} <= {sp["text"] for sp in obj["entities"] + obj["locations"]}


def test_json_offsets_index_the_record_text(tmp_path):
    text = "Mali\u2019s army  entered Kidal on Tuesday.The rebels had withdrawn, officials in Bamako said."
    p = tmp_path / "one.json"
    p.write_text(json.dumps({"title": "T", "published": "2023-11-14", "text": text}))
    [a] = list(read_path(p))
    obj = to_output(a, extract(a))
    assert len(spans(obj)) >= 4
    for sp in spans(obj):
        assert text[sp["start"]:sp["end"]] == sp["text"], sp


def test_cli_extract_seed_offsets_match_the_file():
    proc = run_tkg("extract", str(SEED), "--format", "json", check=True)
    obj = json.loads(proc.stdout)
    raw = SEED.read_bytes().decode("utf-8")
    top = [*obj["timexes"], *obj["entities"], *obj["locations"], *obj["events"]]
    assert len(top) > 250
    assert [sp for sp in spans(obj) if raw[sp["start"]:sp["end"]] != sp["text"]] == []


def test_cli_extract_plain_text_needs_published(tmp_path):
    p = tmp_path / "story.txt"
    p.write_bytes(PLAIN.encode())
    proc = run_tkg("extract", str(p))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"{p}: no publication date (give one with --published DATE)" in proc.stderr
    proc = run_tkg("extract", str(p), "--published", "2024-03-01", check=True)
    obj = json.loads(proc.stdout)
    assert obj["published"].startswith("2024-03-01") and obj["entities"]
    assert f"warning: {p}: no publication date: --published" in proc.stderr


@pytest.mark.parametrize("bad", ["yesterday", "2999-01-01"])
def test_cli_bad_published_is_one_line(tmp_path, bad):
    proc = run_tkg("ingest", str(tmp_path), "--data", str(tmp_path / "d"), "--published", bad)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "--published" in proc.stderr, proc.stderr
