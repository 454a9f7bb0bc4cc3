"""Names in business news, on made-up stories: stock indices, "iName" devices, companies named like people or
places ("Morgan Stanley", "Douglas Aircraft")."""
from __future__ import annotations

from graph.extract import extract
from graph.sources.articles import make_article


def run(text: str):
    return extract(make_article("Test", "2011-10-04", text, "test"))


def typed(ex, text: str) -> set[str]:
    return {e.type for e in ex.entities if e.text == text}


def test_stock_indices_are_index_entities_not_organisations():
    ex = run("In Tokyo, the Nikkei 225 closed down 2.1 percent, and the FTSE 100 lost 1.8 percent in London. "
             "On Wall Street, the Dow Jones Industrial Average dropped 258 points and the Nasdaq Composite fell. "
             "Dow Chemical said its profit rose.")
    for name in ("Nikkei 225", "FTSE 100", "Dow Jones Industrial Average", "Nasdaq Composite"):
        assert typed(ex, name) == {"INDEX"}, name
    assert "INDEX" not in {e.type for e in ex.entities if "Chemical" in e.text}
    assert not [e for e in ex.entities if e.type == "INDEX" and e.canonical]


def test_i_named_devices_are_products():
    ex = run("Kestrel Mobile said its iPhone rival would ship in May. Buyers lined up for the iPod Touch "
             "and the iPad 2 on Friday.")
    products = {e.label for e in ex.entities if e.type == "PRODUCT"}
    assert {"iPod Touch", "iPad 2"} <= products
    assert not [e for e in ex.entities if e.type == "ORG" and e.text.startswith("iP")]


def test_a_small_capital_inside_a_company_name_is_no_place():
    ex = run("Analysts at Morgan Stanley cut their forecasts on Monday, and Douglas Aircraft workers went on strike.")
    assert "Stanley" not in {l.text for l in ex.locations}
    assert "Douglas" not in {l.text for l in ex.locations}
    assert any(e.text == "Morgan Stanley" and e.type == "ORG" for e in ex.entities)
