"""Bytes to text: gzip, byte-order marks, UTF-8, and a guessed legacy encoding (with a warning).

News archives hold Windows-1252 and Latin-1 files and UTF-16 exports (with a BOM); they are
read, not refused. The text returned has no BOM: offsets count its characters.
"""
from __future__ import annotations

import gzip
import zlib
from typing import Optional

from graph.sources.articles import ArticleError

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]
# Western single-byte encodings, the usual guess for non-UTF-8 news text: charset-normalizer rates
# them as good as cp1250 or cp1257 on short Western text, where they are the likelier (WHATWG reads
# Latin-1 labels as Windows-1252).
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
_NAMES = {"cp1252": "Windows-1252", "latin_1": "Latin-1", "iso8859_15": "Latin-9", "utf_16": "UTF-16"}


def gunzip(data: bytes, where: str) -> bytes:
    if data[:2] != b"\x1f\x8b":
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as e:
        raise ArticleError(where, f"broken gzip file ({e})") from None


def decode(data: bytes, where: str, declared: Optional[str] = None) -> tuple[str, Optional[str]]:
    """The text of `data` and a warning when its encoding had to be guessed.

    A BOM wins, then an encoding the source `declared` (an HTTP charset), then UTF-8; else
    charset-normalizer guesses (preferring Windows-1252 among equally good Western guesses).
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError:
                raise ArticleError(where, f"broken {codec.upper()} text (after a byte-order mark)") from None
    if declared:
        try:
            return data.decode(declared), None
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: read the bytes as if none were given
    if b"\x00" in data[:8192]:
        raise ArticleError(where, "binary file, not text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    codec, text = _guess(data)
    if text is None:
        raise ArticleError(where, "not UTF-8 text, and no other encoding fits")
    return text, f"not UTF-8: read as {_NAMES.get(codec, codec)} (encoding guessed)"


def _guess(data: bytes) -> tuple[str, Optional[str]]:
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if results:
        least = min(r.chaos for r in results)
        for r in results:
            if r.encoding in _WESTERN and r.chaos <= least + 0.01:
                return r.encoding, str(r)
        if results[0].coherence >= 0.1:  # it recognized a language (Russian in cp1251, ...): trust it
            return results[0].encoding, str(results[0])
    # Too short for charset-normalizer to tell ("caf\xe9 au lait" comes out as cp1006): Western.
    for codec in _WESTERN[:2]:
        try:
            return codec, data.decode(codec)
        except UnicodeDecodeError:
            continue
    return "", None  # unreachable: Latin-1 decodes any bytes
