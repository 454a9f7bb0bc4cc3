"""Article sources: readers registered by format and picked by sniffing the content.

rdflib's plugin model: a new source is one module with a `sniff(path, head)` and a
`read(path, content)` and one line in `dispatch.READERS`. Files may be gzip-compressed and in
UTF-8, UTF-16 (with a BOM) or a guessed legacy encoding; folders are read recursively; http(s)
URLs are fetched (graph.sources.web). Every problem comes back as an `ArticleError` naming the
file (and record), never as an exception that stops the batch.
"""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from graph.sources.articles import Article, ArticleError
from graph.sources.decoding import decode, gunzip
from graph.sources.dispatch import READERS as _READERS  # noqa: F401 - the registry, for tests and plugins
from graph.sources.dispatch import one_line, read_text, register_reader
from graph.sources.web import read_url

__all__ = ["read_path", "read_paths", "iter_files", "is_url", "register_reader", "Input"]

MAX_FILE_BYTES = 200 * 1024 * 1024  # beyond this a file is refused, not read into memory
Input = Union[Path, str]  # a file or folder, or an http(s) URL
_URL = re.compile(r"^https?://", re.I)


def is_url(item: object) -> bool:
    return isinstance(item, str) and bool(_URL.match(item))


def _decode_file(path: Path) -> tuple[str, Optional[str]]:
    where = str(path)
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ArticleError(where, f"file larger than {MAX_FILE_BYTES // 2**20} MB")
    return decode(gunzip(path.read_bytes(), where), where)


def read_path(path: Path, published: Optional[datetime] = None) -> Iterator[Article | ArticleError]:
    """Articles of one file; errors are yielded, not raised, so a batch goes on.

    `published` dates the articles that have no date of their own (`--published`).
    """
    where = str(path)
    try:
        content, note = _decode_file(path)
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
    except Exception as e:  # noqa: BLE001 - a decoder's bug costs this file only
        yield ArticleError(where, f"cannot decode ({one_line(e)})")
        return
    if not content.strip():
        yield ArticleError(where, "empty file")
        return
    yield from read_text(where, content, published, note)


def iter_files(paths: Iterable[Input]) -> Iterator[Input]:
    """Files under the given paths (folders recursively, hidden files skipped), sorted; URLs as given."""
    for p in paths:
        if is_url(p):
            yield p
            continue
        p = Path(p)
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*")
                              if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            yield p


def read_paths(paths: Iterable[Input], published: Optional[datetime] = None) -> Iterator[Article | ArticleError]:
    """Articles of files, folders and URLs, in order; `published` as in `read_path`."""
    for f in iter_files(paths):
        if isinstance(f, str):
            yield from read_url(f, published)
        else:
            yield from read_path(f, published)
