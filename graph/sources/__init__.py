"""Article sources: readers registered by format and picked by sniffing the content.

rdflib's plugin model: a new source is one module with a `sniff(path, head)` and a
`read(path, content)` and one line in `_READERS`. Files may be gzip-compressed; folders
are read recursively. Every problem comes back as an `ArticleError` naming the file (and
record), never as an exception that stops the batch.
"""
from __future__ import annotations

import gzip
import zlib
from pathlib import Path
from typing import Callable, Iterable, Iterator

from graph.sources import feeds, html, records, wire
from graph.sources.articles import Article, ArticleError

Reader = Callable[[str, str], Iterator[Article]]
# Order matters: the first reader whose sniff accepts the content reads it.
_READERS: list[tuple[str, Callable[[str, str], bool], Reader]] = [
    ("feed", feeds.sniff, feeds.read),
    ("html", html.sniff, html.read),
    ("json", records.sniff, records.read),
    ("wire", wire.sniff, wire.read),
]
MAX_FILE_BYTES = 200 * 1024 * 1024  # beyond this a file is refused, not read into memory


def register_reader(name: str, sniff: Callable[[str, str], bool], read: Reader) -> None:
    """Add a reader before the built-in ones."""
    _READERS.insert(0, (name, sniff, read))


def _decode(path: Path) -> str:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as e:
            raise ArticleError(str(path), f"broken gzip file ({e})") from None
    if b"\x00" in data[:8192]:
        raise ArticleError(str(path), "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ArticleError(str(path), "not UTF-8 text") from None


def read_path(path: Path) -> Iterator[Article | ArticleError]:
    """Articles of one file; errors are yielded, not raised, so a batch goes on."""
    where = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            yield ArticleError(where, f"file larger than {MAX_FILE_BYTES // 2**20} MB")
            return
        content = _decode(path)
    except ArticleError as e:
        yield e
        return
    except FileNotFoundError:
        yield ArticleError(where, "no such file")
        return
    except IsADirectoryError:
        yield ArticleError(where, "is a folder")
        return
    except OSError as e:
        yield ArticleError(where, e.strerror or "cannot read")
        return
    if not content.strip():
        yield ArticleError(where, "empty file")
        return
    for _, sniff, read in _READERS:
        if sniff(where, content):
            try:
                yield from read(where, content)
            except ArticleError as e:
                yield e
            return
    yield ArticleError(where, "unknown format (expected JSON, JSONL, HTML, RSS/Atom or wire text: title + RFC 1123 date)")


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files under the given paths (folders recursively, hidden files skipped), sorted."""
    for p in paths:
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*")
                              if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            yield p


def read_paths(paths: Iterable[Path]) -> Iterator[Article | ArticleError]:
    for f in iter_files(paths):
        yield from read_path(f)
