"""Article readers and text cleanup.

Readers are registered by format and picked by sniffing the content (rdflib's plugin
model): a new source is one function and one `register_reader` line. Readers know
nothing of NLP. Every reader yields `Article`s whose `text` is the cleaned body; the
`offsets` list maps each cleaned character back to the raw text given, so that
`tkg extract` can report offsets into the input exactly as given.
"""
from __future__ import annotations

import email.utils
import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from dateutil import parser as dateutil_parser


class ArticleError(Exception):
    """Bad input: a file or record that cannot become an article. Says which and why."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


@dataclass
class Article:
    title: str
    published: datetime  # timezone-aware
    text: str  # cleaned body; all downstream offsets refer to it
    url: Optional[str] = None
    source: Optional[str] = None
    raw_text: str = ""  # the body exactly as given
    offsets: list[int] = field(default_factory=list, repr=False)  # cleaned index -> raw index
    origin: str = ""  # file (and line) it came from
    record_id: Optional[str] = None  # an id the input gave the record, if any

    @property
    def key(self) -> str:
        """sha256 of the canonical URL, else of the cleaned text: the article's identity."""
        basis = canonical_url(self.url) if self.url else " ".join(self.text.split())
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()

    def raw_offset(self, i: int) -> int:
        """Map an offset in the cleaned text to the raw text."""
        if not self.offsets:
            return i
        if i >= len(self.offsets):
            return len(self.raw_text)
        return self.offsets[i]


def canonical_url(url: str) -> str:
    url = url.strip()
    url = re.sub(r"#.*$", "", url)
    url = re.sub(r"^https?://(www\.)?", "", url, flags=re.I)
    return url.rstrip("/").lower()


# ---------------------------------------------------------------- cleaning
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
# Sentence end glued to the next sentence: `Kidal.”Today`, `media.The`.
_GLUED = re.compile(r"(?<=[a-z0-9)\]][.!?])([”\"’]?)(?=[“\"A-Z])")
# AFP subheads glued into the body: `retake it.- Humiliating defeats -The authorities`.
_SUBHEAD = re.compile(r"(?:(?<=[.!?”\"])|^)[ \t]*-[ \t]+([A-Z][^.!?\n-]{0,80}?)[ \t]+-[ \t]*(?=[A-Z“\"]|$)", re.M)
# Trailing desk slug: `kt-sd-mk-lal/pvh/rox/bp`.
_SLUG = re.compile(r"\s+[a-z]{1,5}(?:-[a-z]{1,5})+(?:/[a-z]{1,5})+\s*$")


def clean_text(raw: str) -> tuple[str, list[int]]:
    """Return the cleaned text and, for each of its characters, the raw offset."""
    index = list(range(len(raw)))
    text, index = _apply(raw, index, _SLUG, lambda m: "")
    text, index = _apply(text, index, _SUBHEAD, lambda m: "\n\n" + m.group(0).strip() + "\n\n")
    text, index = _apply(text, index, _GLUED, lambda m: m.group(1) + " ")
    text, index = _apply(text, index, _SPACES, lambda m: " ")
    text, index = _apply(text, index, re.compile(r" *\n *"), lambda m: "\n")
    text, index = _apply(text, index, re.compile(r"\n{3,}"), lambda m: "\n\n")
    # trim, keeping the map aligned
    lead = len(text) - len(text.lstrip())
    text2 = text.strip()
    return text2, index[lead : lead + len(text2)]


def _apply(text: str, index: list[int], pattern: re.Pattern, repl: Callable[[re.Match], str]) -> tuple[str, list[int]]:
    """re.sub that carries the offset map.

    Characters the replacement keeps verbatim (its stripped core, found in the match)
    keep their raw offsets; inserted characters map to the match's start.
    """
    out: list[str] = []
    out_index: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(text[pos : m.start()])
        out_index.extend(index[pos : m.start()])
        new, old = repl(m), m.group(0)
        core = new.strip()
        j = old.find(core) if core else -1
        k0 = new.find(core) if core else 0
        anchor = index[m.start()] if m.start() < len(index) else len(index) and index[-1] + 1
        for k in range(len(new)):
            inside = j >= 0 and k0 <= k < k0 + len(core)
            out_index.append(index[m.start() + j + k - k0] if inside else anchor)
        out.append(new)
        pos = m.end()
    out.append(text[pos:])
    out_index.extend(index[pos:])
    return "".join(out), out_index


# ---------------------------------------------------------------- dates
def parse_date(value: object, where: str) -> datetime:
    """RFC 1123, ISO 8601 or any common form; naive dates are taken as UTC."""
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=timezone.utc)
    if not isinstance(value, str) or not value.strip():
        raise ArticleError(where, "no publication date")
    s = value.strip()
    try:
        dt = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        try:
            dt = dateutil_parser.parse(s)
        except (ValueError, OverflowError) as e:
            raise ArticleError(where, f"unreadable publication date {s!r}") from e
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt


def make_article(title: str, published: object, body: str, where: str, **meta: object) -> Article:
    if not isinstance(body, str) or not body.strip():
        raise ArticleError(where, "article has no text")
    text, offsets = clean_text(body)
    if not text:
        raise ArticleError(where, "article has no text")
    return Article(
        title=(title or "").strip(),
        published=parse_date(published, where),
        text=text,
        raw_text=body,
        offsets=offsets,
        origin=where,
        **meta,  # type: ignore[arg-type]
    )


# ---------------------------------------------------------------- readers
Reader = Callable[[str, str], Iterator[Article]]
_READERS: list[tuple[str, Callable[[str, str], bool], Reader]] = []


def register_reader(name: str, sniff: Callable[[str, str], bool], read: Reader) -> None:
    """Register a reader; `sniff(path, content)` says whether it can read the content."""
    _READERS.append((name, sniff, read))


_RFC1123_TAIL = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s+\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s+(?:GMT|UTC|[+-]\d{4})\s*$"
)


def _sniff_raw(path: str, content: str) -> bool:
    first = content.lstrip("\ufeff").split("\n", 1)[0]
    return bool(_RFC1123_TAIL.search(first))


def read_raw(path: str, content: str) -> Iterator[Article]:
    """The seed's wire format: title glued to an RFC 1123 date on line 1, then the body."""
    first, _, body = content.lstrip("\ufeff").partition("\n")
    m = _RFC1123_TAIL.search(first)
    if not m:
        raise ArticleError(path, "first line has no RFC 1123 date after the title")
    yield make_article(first[: m.start()], m.group(0), body, path)


def _record_article(rec: object, where: str) -> Article:
    if not isinstance(rec, dict):
        raise ArticleError(where, "record is not a JSON object")
    published = rec.get("published") or rec.get("dct") or rec.get("date")
    rid = rec.get("id")
    return make_article(
        str(rec.get("title") or ""),
        published,
        rec.get("text"),  # type: ignore[arg-type]
        where,
        url=rec.get("url") if isinstance(rec.get("url"), str) else None,
        source=rec.get("source") if isinstance(rec.get("source"), str) else None,
        record_id=str(rid) if rid is not None else None,
    )


def _sniff_json(path: str, content: str) -> bool:
    s = content.lstrip("\ufeff \t\r\n")
    return s.startswith("{") or s.startswith("[")


def read_json(path: str, content: str) -> Iterator[Article]:
    """One JSON object or array of objects, or JSON Lines (one object per line)."""
    s = content.lstrip("\ufeff")
    try:
        data = json.loads(s)
    except json.JSONDecodeError:
        data = None
    if data is not None:
        records = data if isinstance(data, list) else [data]
        for i, rec in enumerate(records):
            yield _record_article(rec, path if len(records) == 1 else f"{path}[{i}]")
        return
    for n, line in enumerate(s.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise ArticleError(f"{path}:{n}", f"broken JSON ({e.msg}, column {e.colno})") from None
        yield _record_article(rec, f"{path}:{n}")


register_reader("json", _sniff_json, read_json)
register_reader("raw", _sniff_raw, read_raw)


def read_path(path: Path) -> Iterator[Article | ArticleError]:
    """Articles of one file; errors are yielded, not raised, so a batch goes on."""
    where = str(path)
    try:
        content = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        yield ArticleError(where, "no such file")
        return
    except UnicodeDecodeError:
        yield ArticleError(where, "not UTF-8 text")
        return
    except OSError as e:
        yield ArticleError(where, e.strerror or "cannot read")
        return
    if not content.strip():
        yield ArticleError(where, "empty file")
        return
    for name, sniff, read in _READERS:
        if sniff(where, content):
            try:
                for art in read(where, content):
                    yield art
            except ArticleError as e:
                yield e
            return
    yield ArticleError(where, "unknown format (expected JSON, JSONL or the wire format: title + RFC 1123 date)")


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files under the given paths (folders recursively, hidden files skipped), sorted."""
    for p in paths:
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            yield p


def read_paths(paths: Iterable[Path]) -> Iterator[Article | ArticleError]:
    for f in iter_files(paths):
        yield from read_path(f)
