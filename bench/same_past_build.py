#!/usr/bin/env python3
"""Rebuild graph/extract/text/data/same_past_forms.txt: English verbs whose past tense is spelled as their
present ("hit", "cut", "set", "put", "spread", "read"), from LemmInflect's inflection table (MIT licence;
derived from Kevin Atkinson's AGID, part of SCOWL).

    pip install --target /tmp/li lemminflect && PYTHONPATH=/tmp/li python bench/same_past_build.py

LemmInflect is needed only here, never at run time. The form of such a verb says nothing of its tense: "shells
hit a market on Saturday" is tagged present (VBP) by the small spaCy model, and the present tense with a weekday
reads as a schedule (the coming Saturday). The time rules ask :func:`is_same_past_form` and take the tense of
the clause that governs it instead.
"""
from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "graph" / "extract" / "text" / "data" / "same_past_forms.txt"
HEADER = ("# English verbs whose simple past is spelled as their base form (hit, cut, set), one a line.\n"
          "# Derived by bench/same_past_build.py from LemmInflect's infl_lu.csv (MIT licence, Copyright (c) 2019\n"
          "# Brad Jascob), itself built from Kevin Atkinson's AGID inflection database (SCOWL).\n")


def same_past(table: Path) -> list[str]:
    """Lemmas whose past (VBD) spellings include the lemma itself; rows are lemma,pos,VBD,VBN,VBG,VBZ."""
    out = set()
    with gzip.open(table, "rt", encoding="utf-8") as fh:
        for row in csv.reader(fh):
            if len(row) >= 3 and row[1] == "verb" and row[0].isalpha() and row[0] in row[2].split("/"):
                out.add(row[0].lower())
    return sorted(out)


def main(argv: list[str]) -> int:
    if argv:
        table = Path(argv[0])
    else:
        import lemminflect  # only to find its table

        table = Path(lemminflect.__file__).parent / "resources" / "infl_lu.csv.gz"
    rows = same_past(table)
    OUT.write_text(HEADER + "".join(f"{w}\n" for w in rows), encoding="utf-8")
    print(f"{OUT}: {len(rows)} verbs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
