"""Every source format, sniffed by content; bad input reported, never raised."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from graph.sources import read_path, read_paths
from graph.sources.articles import MAX_CHARS, Article, ArticleError

BODY = ("Mali's army entered the northern town of Kidal on Tuesday after rebels withdrew. "
        "The United Nations mission left its camp in Kidal on October 31, officials said. ") * 3

HTML_PAGE = f"""<!DOCTYPE html><html><head><title>Army enters Kidal | Sahel News</title>
<meta property="og:title" content="Army enters Kidal">
<meta property="article:published_time" content="2023-11-14T18:00:00+00:00">
<link rel="canonical" href="https://news.example.org/2023/11/14/kidal"></head>
<body><nav>Home | World</nav><article><h1>Army enters Kidal</h1><p>{BODY}</p><p>{BODY}</p></article>
<footer>Copyright</footer></body></html>"""

RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel wire</title>
<item><title>Army enters Kidal</title><link>https://wire.example.org/1</link>
<pubDate>Tue, 14 Nov 2023 20:31:20 GMT</pubDate><description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
<item><title>No date here</title><link>https://wire.example.org/2</link><description>Text.</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<entry><title>Army enters Kidal</title><link href="https://atom.example.org/1"/><updated>2023-11-14T20:31:20Z</updated>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>"""


def write(tmp: Path, name: str, content: str | bytes) -> Path:
    p = tmp / name
    p.write_bytes(content if isinstance(content, bytes) else content.encode())
    return p


def only(items):
    assert len(items) == 1, items
    return items[0]


def test_html_page(tmp_path):
    a = only(list(read_path(write(tmp_path, "page.html", HTML_PAGE))))
    assert isinstance(a, Article), a
    assert "Kidal" in a.text and "Copyright" not in a.text and "Home | World" not in a.text
    assert a.published.year == 2023 and a.title.startswith("Army enters Kidal")


def test_rss_and_atom_items(tmp_path):
    items = list(read_path(write(tmp_path, "feed.xml", RSS)))
    good = [i for i in items if isinstance(i, Article)]
    bad = [i for i in items if isinstance(i, ArticleError)]
    assert len(good) == 1 and good[0].url == "https://wire.example.org/1" and good[0].source == "Sahel wire"
    assert "<p>" not in good[0].text and "Kidal" in good[0].text
    assert len(bad) == 1 and "no publication date" in str(bad[0]) and "#item2" in str(bad[0])
    atom = only(list(read_path(write(tmp_path, "atom.xml", ATOM))))
    assert isinstance(atom, Article) and atom.published.day == 14


def test_format_by_content_not_extension_and_gzip(tmp_path):
    rec = {"title": "T", "published": "2023-11-14", "text": BODY}
    a = only(list(read_path(write(tmp_path, "looks-like.txt", json.dumps(rec)))))
    assert isinstance(a, Article)
    z = list(read_path(write(tmp_path, "feed.gz", gzip.compress(RSS.encode()))))[0]
    assert isinstance(z, Article) and "Kidal" in z.text


def test_bad_inputs_are_reported(tmp_path):
    cases = {
        "empty.json": ("", "empty file"),
        "binary.bin": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        "broken.xml": ("<?xml version='1.0'?><rss><channel><item><title>x</ti", "broken feed XML"),
        "nav.html": ("<html><body><nav>Home</nav></body></html>", "HTML page without an article"),
        "future.json": (json.dumps({"title": "T", "published": "2999-01-01", "text": BODY}), "in the future"),
        "utf16-no-bom.txt": ("Title\nbody".encode("utf-16-le"), "binary file"),  # without a BOM: not guessed
        "badgz.gz": (b"\x1f\x8b\x08\x00garbage", "broken gzip"),
    }
    for name, (content, problem) in cases.items():
        item = only(list(read_path(write(tmp_path, name, content))))
        assert isinstance(item, ArticleError), name
        assert problem in item.problem and name in str(item), (name, item)


def test_huge_document_truncated_with_warning(tmp_path):
    rec = {"title": "T", "published": "2023-11-14", "text": "Word and more words. " * (MAX_CHARS // 10)}
    a = only(list(read_path(write(tmp_path, "huge.json", json.dumps(rec)))))
    assert isinstance(a, Article) and len(a.raw_text) == MAX_CHARS and "truncated" in a.warnings[0]


def test_folders_recursively_hidden_skipped(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    write(tmp_path / "a" / "b", "x.html", HTML_PAGE)
    write(tmp_path / "a", "y.xml", ATOM)
    write(tmp_path / ".git", "z.json", json.dumps({"title": "T", "published": "2023-11-14", "text": BODY}))
    arts = [i for i in read_paths([tmp_path]) if isinstance(i, Article)]
    assert len(arts) == 2
