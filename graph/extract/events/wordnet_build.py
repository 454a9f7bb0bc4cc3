"""Build `data/wordnet_events.tsv` from Princeton WordNet 3.0 (the lexicon events.py types triggers with).

Run once when the anchors below change; the table is committed, so extraction needs no WordNet at run time:

    apt-get install wordnet-base        # Debian's WordNet 3.0 database, /usr/share/wordnet
    python -m graph.extract.events.wordnet_build [/usr/share/wordnet]

Each line: `pos lemma lexfile cameo tags` (tab-separated).
- lexfile: the lexicographer file of the lemma's most frequent sense (WordNet orders senses by their SemCor
  counts), e.g. `verb.stative`, `noun.person`: the coarse semantic class events.py reads selectional
  restrictions and TimeML state-hood from.
- cameo: the CAMEO code of the nearest ANCHOR synset above the lemma's first sense (hypernym closure), so "maim", "stab", "behead", "slay", "incarcerate" inherit from "injure", "kill", "imprison"
  without a hand list of every word. Empty when no anchor is reached.
- tags (nouns): `protester` (a person who protests, in one of the first senses: "demonstrators", "rioters"),
  `armed` (under a military, police or armed-group synset: "troops", "insurgents", "gunmen"),
  `weapon` (weapons, explosives, ammunition), `mishap` (accidents, diseases: a death or injury they cause is no
  assault), `site` (buildings, facilities, roads, places: "in the market", "at the station" say where).

WordNet 3.0 is (c) Princeton University, under the WordNet 3.0 license (redistribution allowed with notice);
see https://wordnet.princeton.edu/license-and-commercial-use.
"""
from __future__ import annotations

import sys
from collections import deque
from pathlib import Path

# The standard lexicographer file numbering (WordNet's lexnames file)
LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body noun.cognition "
    "noun.communication noun.event noun.feeling noun.food noun.group noun.location noun.motive noun.object "
    "noun.person noun.phenomenon noun.plant noun.possession noun.process noun.quantity noun.relation noun.shape "
    "noun.state noun.substance noun.time verb.body verb.change verb.cognition verb.communication verb.competition "
    "verb.consumption verb.contact verb.creation verb.emotion verb.motion verb.perception verb.possession "
    "verb.social verb.stative verb.weather adj.ppl").split()

# (lemma, pos, sense number) -> CAMEO code, from the CAMEO 1.1b3 codebook's definitions
ANCHORS: dict[tuple[str, str, int], str] = {
    ("attack", "v", 1): "190", ("battle", "v", 1): "190", ("bombard", "v", 1): "195", ("shell", "v", 1): "194",
    ("kill", "v", 1): "1823", ("murder", "v", 1): "1823", ("assassinate", "v", 1): "186",
    ("massacre", "v", 1): "202", ("injure", "v", 1): "182", ("explode", "v", 1): "183",
    ("detonate", "v", 2): "183", ("arrest", "v", 1): "173", ("detain", "v", 1): "173",
    ("imprison", "v", 1): "173", ("sue", "v", 1): "115", ("accuse", "v", 1): "112", ("indict", "v", 1): "173",
    ("convict", "v", 1): "116", ("sentence", "v", 1): "173", ("kidnap", "v", 1): "181", ("hijack", "v", 1): "181",
    ("destroy", "v", 2): "1712", ("demolish", "v", 1): "1712", ("damage", "v", 1): "171", ("riot", "v", 1): "145",
    ("demonstrate", "v", 4): "141", ("threaten", "v", 1): "130", ("loot", "v", 1): "171", ("raze", "v", 1): "1712",
    ("attack", "n", 1): "190", ("bombing", "n", 2): "183", ("bombing", "n", 1): "195", ("explosion", "n", 1): "183",
    ("killing", "n", 1): "1823", ("killing", "n", 2): "1823", ("murder", "n", 1): "1823",
    ("homicide", "n", 1): "1823", ("massacre", "n", 1): "202", ("assassination", "n", 2): "186",
    ("injury", "n", 1): "182", ("wound", "n", 1): "182", ("arrest", "n", 1): "173", ("detention", "n", 1): "173",
    ("imprisonment", "n", 1): "173", ("lawsuit", "n", 1): "115", ("indictment", "n", 1): "173",
    ("charge", "n", 2): "173", ("accusation", "n", 1): "112", ("conviction", "n", 2): "116", ("trial", "n", 4): "173",
    ("demonstration", "n", 3): "141", ("protest", "n", 2): "140", ("riot", "n", 1): "145",
    ("gunfire", "n", 1): "190", ("war", "n", 1): "190", ("battle", "n", 1): "190", ("combat", "n", 1): "190",
    ("kidnapping", "n", 1): "181", ("destruction", "n", 1): "1712", ("raid", "n", 1): "190",
    ("ambush", "n", 1): "190",
}
TAG_ANCHORS: dict[tuple[str, str, int], str] = {
    ("serviceman", "n", 1): "armed", ("military_unit", "n", 1): "armed", ("military", "n", 1): "armed",
    ("fighter", "n", 1): "armed", ("insurgent", "n", 1): "armed", ("guerrilla", "n", 1): "armed",
    ("terrorist", "n", 1): "armed", ("gunman", "n", 1): "armed", ("militia", "n", 1): "armed",
    ("militia", "n", 2): "armed", ("police", "n", 1): "armed", ("policeman", "n", 1): "armed",
    ("army", "n", 1): "armed", ("troop", "n", 1): "armed",
    ("weapon", "n", 1): "weapon", ("explosive_device", "n", 1): "weapon", ("explosive", "n", 1): "weapon",
    ("weaponry", "n", 1): "weapon", ("ammunition", "n", 1): "weapon",
    ("accident", "n", 1): "mishap", ("disease", "n", 1): "mishap", ("illness", "n", 1): "mishap",
    ("catastrophe", "n", 3): "mishap", ("earthquake", "n", 1): "mishap", ("storm", "n", 1): "mishap", ("collision", "n", 1): "mishap",
    # where something can happen: buildings and other structures, facilities, roads, places
    ("structure", "n", 1): "site", ("facility", "n", 1): "site", ("way", "n", 6): "site",
    ("location", "n", 1): "site",
    # people who protest: dissenters, demonstrators (WordNet's third sense of "demonstrator"), rioters
    ("dissenter", "n", 1): "protester", ("demonstrator", "n", 3): "protester", ("rioter", "n", 1): "protester",
}
# tags a lemma has from any of its first senses (news uses "demonstrator" in its third sense, "protester" in its
# second), where its first sense has none
ANY_SENSE_TAGS = {"protester"}
ANY_SENSES = 3
# noun classes the extractor reads; nouns of other files (plants, animals, food ...) are left out of the table
NOUN_FILES = {"noun.act", "noun.event", "noun.state", "noun.phenomenon", "noun.process", "noun.communication",
              "noun.person", "noun.group", "noun.location", "noun.artifact", "noun.attribute", "noun.cognition",
              "noun.feeling", "noun.possession", "noun.quantity", "noun.time", "noun.object", "noun.substance"}
# first-sense files whose lemma may still name a site in its second or third sense (after an idea, only a built
# one: "compound", "armory", not "point" or "goal")
SITE_LATER = {"noun.group", "noun.act", "noun.cognition"}
SENSES = 1  # senses of a lemma whose anchors count: the most frequent one (WordNet's first sense)


class WordNet:
    """The synsets, hypernyms and sense-ordered index of WordNet's dict files (verbs and nouns)."""

    def __init__(self, root: Path) -> None:
        self.synsets: dict[tuple[str, str], tuple[str, list[tuple[str, str]]]] = {}
        self.index: dict[tuple[str, str], list[str]] = {}
        self.instances: set[tuple[str, str]] = set()
        for pos, name in (("v", "verb"), ("n", "noun")):
            for line in (root / f"data.{name}").read_text(encoding="latin-1").splitlines():
                if not line.startswith("  "):
                    self._synset(pos, line)
            for line in (root / f"index.{name}").read_text(encoding="latin-1").splitlines():
                if not line.startswith("  "):
                    f = line.split()
                    self.index[(pos, f[0])] = f[4 + int(f[3]) + 2:]

    def _synset(self, pos: str, line: str) -> None:
        f = line.split(" | ")[0].split()
        i = 4 + 2 * int(f[3], 16)
        hypers = [(f[i + 1 + 4 * k + 2], f[i + 1 + 4 * k + 1]) for k in range(int(f[i]))
                  if f[i + 1 + 4 * k] in ("@", "@i")]
        self.synsets[(pos, f[0])] = (LEXNAMES[int(f[1])], hypers)
        if any(f[i + 1 + 4 * k] == "@i" for k in range(int(f[i]))):
            self.instances.add((pos, f[0]))  # a named individual ("Verdun", "Vietnam"): no common noun

    def senses(self, lemma: str, pos: str) -> list[tuple[str, str]]:
        return [(pos, off) for off in self.index.get((pos, lemma), [])]

    def nearest(self, start: tuple[str, str], targets: dict[tuple[str, str], str]) -> str:
        """The value of the target synset nearest above `start` (itself included), breadth first."""
        seen, todo = {start}, deque([start])
        while todo:
            s = todo.popleft()
            if s in targets:
                return targets[s]
            for h in self.synsets[s][1]:
                if h not in seen:
                    seen.add(h)
                    todo.append(h)
        return ""


def rows(wn: WordNet) -> list[str]:
    anchors = {wn.senses(lem, pos)[n - 1]: code for (lem, pos, n), code in ANCHORS.items()}
    tags = {wn.senses(lem, pos)[n - 1]: tag for (lem, pos, n), tag in TAG_ANCHORS.items()}
    out = []
    for (pos, lemma), _ in sorted(wn.index.items()):
        senses = wn.senses(lemma, pos)
        lexfile = wn.synsets[senses[0]][0]
        if pos == "n" and (lexfile not in NOUN_FILES or not lemma.replace("-", "").isalpha()
                           or senses[0] in wn.instances):
            continue
        code = next((c for s in senses[:SENSES] for c in (wn.nearest(s, anchors),) if c), "")
        tag = _tag(wn, senses, tags) if pos == "n" else ""
        out.append("\t".join((pos, lemma.replace("_", " "), lexfile, code, tag)))
    return out


def _tag(wn: WordNet, senses: list[tuple[str, str]], tags: dict[tuple[str, str], str]) -> str:
    """The first sense's tag; `mishap` also from the second ("crash" is first a noise, then an accident), and
    `site` from the second or third when the first is an act or a group ("market" is first commerce, then the
    people who trade, then the marketplace; "village" is first a community, then a place; "compound" is first an
    idea, then a substance, then an enclosure)."""
    tag = wn.nearest(senses[0], tags)
    second = wn.nearest(senses[1], tags) if len(senses) > 1 else ""
    if tag in {"", "site"} and second == "mishap":
        return "mishap"
    if not tag and wn.synsets[senses[0]][0] == "noun.person" and any(
            (t := wn.nearest(x, tags)) in ANY_SENSE_TAGS for x in senses[:ANY_SENSES]):
        return t
    first = wn.synsets[senses[0]][0]
    if not tag and first in SITE_LATER and any(wn.nearest(s, tags) == "site" and (
            first != "noun.cognition" or wn.synsets[s][0] == "noun.artifact") for s in senses[1:3]):
        return "site"
    return tag


def main(argv: list[str]) -> None:
    root = Path(argv[0] if argv else "/usr/share/wordnet")
    target = Path(__file__).with_name("data") / "wordnet_events.tsv"
    target.parent.mkdir(exist_ok=True)
    lines = rows(WordNet(root))
    target.write_text("# pos\tlemma\tlexfile\tcameo\ttags  (built from WordNet 3.0 by wordnet_build.py)\n"
                      + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{target}: {len(lines)} lemmas")


if __name__ == "__main__":
    main(sys.argv[1:])
