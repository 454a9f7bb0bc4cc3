"""Rewrites of a SPARQL update's text before it runs.

* `LOAD SILENT <doc> [INTO GRAPH <g>]` becomes `INSERT DATA {}`: this server never fetches a
  document, and SILENT asks that a load that cannot happen be no error (SPARQL 1.1 Update §3.1.4).
  A plain `LOAD` is left as it is, for the caller to refuse.
* The Protocol's `using-graph-uri` / `using-named-graph-uri` (§2.2.3) become `USING <g>` /
  `USING NAMED <g>` before the `WHERE` of each DELETE/INSERT operation (`DELETE WHERE {Q}`, which
  takes no USING, is spelt out as `DELETE {Q} USING ... WHERE {Q}`). Oxigraph's server sets them
  on the parsed update; pyoxigraph has no parsed update to set them on, so this works on the
  tokens of api/sparql_guard.py, where strings, IRIs and comments are never keywords.
"""
from __future__ import annotations

from typing import NamedTuple, Optional

from .sparql_guard import escaped_words, forbidden, tokens

NOOP = "INSERT DATA {}"


class DatasetConflict(ValueError):
    """using-graph-uri / using-named-graph-uri given for an update that has USING or WITH."""


class Token(NamedTuple):
    kind: str
    text: str
    start: int
    end: int
    depth: int  # braces around it (a brace counts as outside itself)

    def word(self, *names: str) -> bool:
        return self.kind == "word" and self.text.upper() in names


def operations(text: str) -> list[list[Token]]:
    """The tokens of each operation (split at `;` outside braces), its prologue included."""
    ops: list[list[Token]] = [[]]
    depth = 0
    for kind, tok, start, end in tokens(text):
        if kind == "other" and tok == "}":
            depth = max(0, depth - 1)
        if kind == "other" and tok == ";" and depth == 0:
            ops.append([])
            continue
        ops[-1].append(Token(kind, tok, start, end, depth))
        if kind == "other" and tok == "{":
            depth += 1
    return ops


def _body(op: list[Token]) -> list[Token]:
    """The operation without its prologue (BASE <iri>, PREFIX p: <iri>)."""
    for i, t in enumerate(op):
        if t.kind == "word" and not t.word("BASE", "PREFIX"):
            return op[i:]
    return []


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _is_load_silent(body: list[Token]) -> bool:
    ref = ("iri", "pname")
    head = len(body) >= 3 and body[0].word("LOAD") and body[1].word("SILENT") and body[2].kind in ref
    if len(body) == 3:
        return head
    return head and len(body) == 6 and body[3].word("INTO") and body[4].word("GRAPH") and body[5].kind in ref


def neutralize_load_silent(text: str) -> tuple[str, int]:
    """The update with each `LOAD SILENT` operation made a no-op, and how many there were."""
    edits = [(b[0].start, b[-1].end, NOOP) for b in map(_body, operations(text)) if _is_load_silent(b)]
    return _apply(text, edits), len(edits)


def _closing_brace(body: list[Token], i: int) -> Optional[int]:
    """Index of the `}` closing the `{` at body[i]."""
    if i >= len(body) or body[i].text != "{":
        return None
    return next((j for j in range(i + 1, len(body)) if body[j].text == "}" and body[j].depth == body[i].depth), None)


def _using_edit(text: str, body: list[Token], clause: str) -> Optional[tuple[int, int, str]]:
    if not body or not body[0].word("INSERT", "DELETE") or (len(body) > 1 and body[1].word("DATA")):
        return None
    where = next((i for i, t in enumerate(body) if t.word("WHERE") and t.depth == 0), None)
    if where is None:
        return None  # malformed: the engine's parser will say why
    if where == 1 and body[0].word("DELETE"):
        close = _closing_brace(body, 2)
        if close is None:
            return None
        quads = text[body[2].start:body[close].end]
        return body[1].start, body[close].end, f"{quads} {clause} WHERE {quads}"
    return body[where].start, body[where].start, clause + " "


def apply_using(text: str, default_graphs: list[str], named_graphs: list[str]) -> str:
    """The update with the protocol's dataset written as USING / USING NAMED clauses.

    Raises DatasetConflict if the update names its own (USING, USING NAMED or WITH), ValueError if
    `\\u` escapes spell its keywords (their positions in the text are then unknown).
    """
    if not default_graphs and not named_graphs:
        return text
    word = forbidden(text, {"USING", "WITH"})
    if word:
        raise DatasetConflict(f"the update has {word}: give the dataset either in the update "
                              "(USING, USING NAMED, WITH) or as using-graph-uri / using-named-graph-uri, not both")
    if escaped_words(text):
        raise ValueError("with using-graph-uri / using-named-graph-uri, write the update's keywords without \\u escapes")
    clause = " ".join([f"USING <{g}>" for g in default_graphs] + [f"USING NAMED <{g}>" for g in named_graphs])
    edits = [e for e in (_using_edit(text, _body(op), clause) for op in operations(text)) if e]
    return _apply(text, edits)
