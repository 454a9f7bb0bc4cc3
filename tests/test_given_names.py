"""The given-name list: built by bench/given_names_build.py from a first-name dictionary of known provenance (Jörg
Michael's nam_dict.txt, GNU FDL), never from leaked data; the build keeps gendered names and drops unisex words."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import given_names_build as build  # noqa: E402

from graph.extract.text.person_names import given_names  # noqa: E402


def _line(code: str, name: str, freqs: dict[int, str], mark: str = " ") -> str:
    """One line in the dictionary's fixed columns: code, name, sort mark, one frequency column per country."""
    cols = [" "] * 56
    for i, f in freqs.items():
        cols[i] = f
    return f"{code:<3}{name:<26}{mark}" + "".join(cols) + "$\n"


def test_build_keeps_gendered_common_names(tmp_path: Path) -> None:
    d = tmp_path / "nam_dict.txt"
    d.write_text("".join([
        "# a comment line\n",
        _line("M", "Tadeusz", {25: "6"}),            # Polish, common: kept
        _line("?F", "Ottilie", {12: "3"}),           # mostly female: kept
        _line("F", "Wenonah", {2: "1"}),             # too rare everywhere: left out
        _line("?", "Sunny", {2: "8"}),               # unisex: left out
        _line("M", "Abd+al+Karim", {48: "5"}),       # '+': hyphen, space or nothing
        _line("F", "Käthe", {12: "5"}, mark="+"),    # the expanded-umlaut copy: skipped
        _line("F", "Käthe", {12: "5"}, mark="-"),
        "=  Bill                     William\n",     # an equivalence line
    ]), encoding="utf-8")
    names = build.given_names(d)
    assert set(names) == {"Tadeusz", "Ottilie", "Abd-al-Karim", "Abd al Karim", "Abdalkarim", "Käthe"}


def test_shipped_list_records_provenance_and_licence() -> None:
    head = build.OUT.read_text(encoding="utf-8").split("\n", 6)[:5]
    text = " ".join(head)
    assert "nam_dict.txt" in text and "GNU Free Documentation License" in text
    assert "names-dataset" not in build.OUT.read_text(encoding="utf-8")
    # names of several regions of the world, which news names people by
    assert {"Volodymyr", "Recep", "Abdel", "Angela", "Emmanuel"} <= given_names()
