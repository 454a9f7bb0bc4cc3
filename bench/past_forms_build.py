#!/usr/bin/env python3
"""Rebuild graph/extract/text/data/past_forms.txt from Princeton WordNet 3.0 (Debian: `apt-get install
wordnet-base`, files in /usr/share/wordnet).

    python bench/past_forms_build.py [WORDNET_DIR]

The list holds the irregular past and past-participle forms of English verbs (WordNet's verb.exc: "retook",
"overran", "fled", "shot"), without -ing forms and third-person -s forms. The small spaCy model tags a past
form it has rarely seen as a present (VBP: "M23 fighters retook the town"), which made a bare weekday of that
clause the coming one; the time rules read a verb's tense from this list when the tag says present.
"""
from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "graph" / "extract" / "text" / "data" / "past_forms.txt"
PRESENT_AUX = {"is", "are", "am", "has", "does"}  # verb.exc lists these present forms of be/have/do too
HEADER = ("# Irregular past and past-participle forms of English verbs, one a line (form lemma).\n"
          "# Derived from Princeton WordNet 3.0's verb.exc by bench/past_forms_build.py. WordNet licence: Copyright 2006\n"
          "# by Princeton University, all rights reserved; permission to use, copy, modify and distribute for any\n"
          "# purpose without fee is granted, given this notice (https://wordnet.princeton.edu/license-and-commercial-use).\n")


def past_forms(wordnet_dir: Path) -> list[tuple[str, str]]:
    out = []
    with open(wordnet_dir / "verb.exc", encoding="latin-1") as fh:
        for line in fh:
            form, lemma = line.split()[:2]
            if form in PRESENT_AUX or "_" in form or form.endswith("ing") or form in (lemma + "s", lemma + "es") or form == lemma:
                continue
            if form.endswith("s") and lemma.endswith(("y", "s", "o", "x", "z", "ch", "sh")) and form[:-2] in lemma:
                continue  # "flies fly", "goes go": present, third person
            out.append((form, lemma))
    return sorted(set(out))


def main(argv: list[str]) -> int:
    root = Path(argv[0] if argv else "/usr/share/wordnet")
    rows = past_forms(root)
    OUT.write_text(HEADER + "".join(f"{f} {l}\n" for f, l in rows), encoding="utf-8")
    print(f"{OUT}: {len(rows)} forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
