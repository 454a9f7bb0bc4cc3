#!/usr/bin/env python3
"""Rebuild graph/extract/text/data/person_nouns.txt from Princeton WordNet 3.0 (Debian: `apt-get install
wordnet-base`, files in /usr/share/wordnet).

    python bench/person_nouns_build.py [WORDNET_DIR]

A noun is kept when its most frequent sense (the first synset index.noun lists) is in the lexicographer file
noun.person (lex_filenum 18): "analyst", "lawmaker", "bondholder", but not "head" (a body part first) or
"party". A noun of several senses none of which the tagged corpus counted ("screw") is kept only if all its senses
are persons ("protester"): otherwise its sense order is arbitrary. Single words only: the list is read by a nominal's head lemma.
"""
from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "graph" / "extract" / "text" / "data" / "person_nouns.txt"
NOUN_PERSON = 18
HEADER = ("# Nouns whose first WordNet sense is a person (lexicographer file noun.person), one a line.\n"
          "# Derived from Princeton WordNet 3.0 by bench/person_nouns_build.py. WordNet licence: Copyright 2006 by\n"
          "# Princeton University, all rights reserved; permission to use, copy, modify and distribute for any\n"
          "# purpose without fee is granted, given this notice (https://wordnet.princeton.edu/license-and-commercial-use).\n")


def person_nouns(wordnet_dir: Path) -> list[str]:
    lexfile: dict[str, int] = {}
    with open(wordnet_dir / "data.noun", encoding="latin-1") as fh:
        for line in fh:
            if not line.startswith("  "):
                offset, filenum = line.split(maxsplit=2)[:2]
                lexfile[offset] = int(filenum)
    out = []
    with open(wordnet_dir / "index.noun", encoding="latin-1") as fh:
        for line in fh:
            if line.startswith("  "):
                continue
            f = line.split()
            lemma, n_senses, n_pointers = f[0], int(f[2]), int(f[3])
            # lemma pos synset_cnt p_cnt ptrs... sense_cnt tagsense_cnt offsets (most frequent first)
            tagged, senses = int(f[4 + n_pointers + 1]), f[4 + n_pointers + 2:]
            if n_senses > 1 and tagged == 0 and any(lexfile[s] != NOUN_PERSON for s in senses):
                continue  # no sense counted in the tagged corpus: the order of the senses says nothing
            if "_" not in lemma and lemma.isalpha() and lexfile[senses[0]] == NOUN_PERSON:
                out.append(lemma.lower())
    return sorted(set(out))


def main() -> None:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    words = person_nouns(src)
    OUT.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} nouns -> {OUT}")


if __name__ == "__main__":
    main()
