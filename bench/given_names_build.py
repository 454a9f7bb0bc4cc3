#!/usr/bin/env python3
"""Rebuild graph/extract/text/data/given_names.txt from Jörg Michael's first-name dictionary `nam_dict.txt`
(2007-2008, GNU Free Documentation License 1.2 or later), as packaged by PyPI `gender-guesser` 0.4.0
(`pip install '.[lexicons]'`). The product reads the small derived list, never the package.

    python bench/given_names_build.py [--dict PATH/TO/nam_dict.txt]

Provenance: the dictionary was compiled by hand by its author from public name statistics of 54 countries and
published with the c't magazine's `gender` program; it holds no personal records. (The list this replaces came
from `names-dataset`, whose counts were taken from a leak of Facebook user data: the project ships no data
derived from that leak.)

A first name is kept when the dictionary gives it one gender, fully or mostly (codes M, F, 1M, 1F, ?M, ?F; the
unisex "?" and the "=" equivalence lines are left out: given names are gendered, while the words that also turn up
as first names - Apple, Sun, Van, De - are not), and at least frequency MIN_FREQUENCY (on its 1-13 logarithmic
scale, 10 = 2% of a country's people) in one of its countries. A '+' inside an Arabic, Chinese or Korean name
stands for a hyphen, a space or nothing ("Jun+Wei": Jun-Wei, Jun Wei, Junwei): all three spellings are kept.
"""
from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path
from typing import Iterator

OUT = Path(__file__).resolve().parent.parent / "graph" / "extract" / "text" / "data" / "given_names.txt"
MIN_FREQUENCY = 3
GENDERED = frozenset({"M", "F", "1M", "1F", "?M", "?F"})
NAME_COLUMNS = slice(3, 29)  # the file's fixed columns: gender code, name, a sort marker, then one per country
SORT_MARK = 29
FREQUENCIES = slice(30, 86)
HEADER = """\
# Given names, one a line, built by bench/given_names_build.py from nam_dict.txt (Jörg Michael, 2007-2008),
# as packaged by PyPI gender-guesser 0.4.0: first names compiled by hand from public name statistics of 54
# countries (no personal records). Licence of the data: GNU Free Documentation License, version 1.2 or any
# later version, with no Invariant Sections, no Front-Cover Texts and no Back-Cover Texts; this derived list is
# released under the same licence (https://www.gnu.org/licenses/fdl-1.2.html).
"""


def default_dict() -> Path:
    return Path(str(resources.files("gender_guesser") / "data" / "nam_dict.txt"))


def entries(lines: Iterator[str]) -> Iterator[tuple[str, str, list[int]]]:
    """(gender code, name, frequency per country) of each name line; the expanded-umlaut copies (a '+' in the
    sort column) are skipped, as the file's header advises."""
    for line in lines:
        if line.startswith("#") or len(line) <= SORT_MARK or line[SORT_MARK] == "+":
            continue
        code, name = line[:2].strip(), line[NAME_COLUMNS].strip()
        freqs = [int(c, 16) for c in line[FREQUENCIES] if c.strip() and c in "0123456789ABCDEFabcdef"]
        if name:
            yield code, name, freqs


def spellings(name: str) -> set[str]:
    """'Jun+Wei' -> Jun-Wei, Jun Wei, Junwei (the file's own reading of '+'); other names as they are."""
    if "+" not in name:
        return {name}
    first, *rest = name.split("+")
    return {name.replace("+", "-"), name.replace("+", " "), first + "".join(r.lower() for r in rest)}


def given_names(path: Path) -> list[str]:
    out: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for code, name, freqs in entries(fh):
            if code in GENDERED and freqs and max(freqs) >= MIN_FREQUENCY:
                out.update(n for n in spellings(name) if n[:1].isupper())
    return sorted(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dict", type=Path, default=None, help="nam_dict.txt (default: the gender-guesser package's)")
    args = ap.parse_args(argv)
    names = given_names(args.dict or default_dict())
    OUT.write_text(HEADER + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} given names -> {OUT}")


if __name__ == "__main__":
    main()
