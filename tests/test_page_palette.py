"""#14 item 6: the page's event colours are Okabe and Ito's palette (chosen to stay apart for the
common colour-vision deficiencies) plus grey, and the item text on each fill is readable (WCAG AA)."""
from __future__ import annotations

import re

from conftest import ROOT

CSS = (ROOT / "web" / "src" / "style.css").read_text(encoding="utf-8")
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}


def luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    h = hex_colour.lstrip("#")
    h = "".join(ch * 2 for ch in h) if len(h) == 3 else h
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_event_fills_are_okabe_ito_and_their_text_is_readable():
    fills = dict(re.findall(r"--(vcoop|mcoop|vconf|mconf|none): (#[0-9A-Fa-f]{6})", CSS))
    assert set(fills) == {"vcoop", "mcoop", "vconf", "mconf", "none"}
    assert {v.upper() for k, v in fills.items() if k != "none"} <= OKABE_ITO
    white_text = set(re.findall(r"\.ev-(\w+) \{[^}]*color: #fff", CSS))
    for key, fill in fills.items():
        text = "#ffffff" if key in white_text else "#000000"
        assert contrast(text, fill) >= 4.5, (key, fill, text)
    # conflict (oranges) and cooperation (blues) stay apart for red-green deficiencies; within each,
    # verbal and material differ in lightness too, not in hue alone
    assert contrast(fills["vcoop"], fills["mcoop"]) > 1.5 and contrast(fills["vconf"], fills["mconf"]) > 1.5
