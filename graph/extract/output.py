"""The `tkg extract` JSON shape, with offsets mapped back to the text as given."""
from __future__ import annotations

from typing import Any

from graph.extract.model import Extraction
from graph.sources.articles import Article

MENTION_ORDER = {"name": 0, "extent": 1, "nominal": 2, "pronoun": 3}
# the JSON's `type` is an OntoNotes label, as spaCy's and the scorers' (../shared/eval/score.py): an armed group is
# an ORG there; what sort of organisation it is stays in `kind` ("armed_group")
OUTPUT_TYPE = {"ARMED_GROUP": "ORG"}


def _span(article: Article, start: int, end: int) -> tuple[int, int, str]:
    s, e = article.raw_offset(start), article.raw_offset(end - 1) + 1
    return s, e, article.raw_text[s:e]


def _remap(article: Article, item: dict[str, Any]) -> dict[str, Any]:
    if "start" in item and "end" in item and isinstance(item["end"], int):
        item["start"], item["end"], item["text"] = _span(article, item["start"], item["end"])
    return item


def to_output(article: Article, ex: Extraction) -> dict[str, Any]:
    d = ex.to_dict()
    obj: dict[str, Any] = {"id": article.record_id or ex.id, "published": ex.published}
    for layer in ("timexes", "entities", "locations", "events"):
        obj[layer] = [_remap(article, it) for it in d[layer]]
    # names first, then the longer mentions that may contain a name (extents, nominals, pronouns), each in text
    # order, the shorter of two at one start first: "Airbus" is listed before "Airbus chief executive Noel Forgeard",
    # "American" before "The American auto company", "U.S." before "U.S. Air Force", so a reader pairing a name
    # with our mentions by overlap meets the name's own mention first
    for e in obj["entities"]:
        e["type"] = OUTPUT_TYPE.get(e.get("type"), e.get("type"))
    obj["entities"].sort(key=lambda e: (MENTION_ORDER.get(e.get("mention"), 1), e["start"], e["end"]))
    for ev in obj["events"]:
        ev["args"] = [_remap(article, a) for a in ev["args"]]
    obj["facts"] = d.get("facts", [])  # no offsets of their own: they point at sentences and events by index
    return obj
