#!/usr/bin/env python3
"""Rebuild graph/extract/text/data/given_names.txt from the names-dataset package (PyPI `names-dataset`, Apache
2.0, Philippe Remy; `pip install '.[lexicons]'`). Loading its first-name table takes ~1 GB and ~15 s, so the
product reads this small derived list instead.

    python bench/given_names_build.py

A first name is kept when it ranks among the 1,000 most common in at least two of the countries the dataset
ranks it in, and one gender holds at least 85% of its bearers: given names are gendered, while the words that
also turn up as "first names" in the raw data (Apple, Paris, Sun, Van, De) are not.
"""
from __future__ import annotations

import gzip
import pickle
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "graph" / "extract" / "text" / "data" / "given_names.txt"
MAX_RANK = 1000
MIN_COUNTRIES = 2
MIN_GENDER_SHARE = 0.85
HEADER = ("# Given names, one a line: derived from names-dataset 3.3 (Apache License 2.0, Philippe Remy,\n"
          "# https://github.com/philipperemy/name-dataset) by bench/given_names_build.py.\n")


def given_names() -> list[str]:
    path = resources.files("names_dataset") / "v3" / "first_names.pkl.gz"
    with gzip.open(str(path)) as fh:
        table = pickle.load(fh)
    out = []
    for name, info in table.items():
        ranks, gender = info.get("rank") or {}, info.get("gender") or {}
        if not gender or max(gender.values()) < MIN_GENDER_SHARE:
            continue
        if sum(1 for r in ranks.values() if r <= MAX_RANK) >= MIN_COUNTRIES and name[:1].isupper():
            out.append(name)
    return sorted(set(out))


def main() -> None:
    names = given_names()
    OUT.write_text(HEADER + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} given names -> {OUT}")


if __name__ == "__main__":
    main()
