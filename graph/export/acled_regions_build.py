"""Build ontologies/acled_regions.tsv: each country's ISO codes, name and ACLED region.

ACLED's regions are the UN M49 sub-regions, renamed and regrouped (ACLED codebook, "region"): Western Asia is
the Middle East but for the Caucasus (Armenia, Azerbaijan, Georgia: "Caucasus and Central Asia", with Central
Asia) and Cyprus (Europe); Iran, in the UN's Southern Asia, is in ACLED's Middle East; Europe's four
sub-regions are one; Oceania's four are one. The sub-regions come from country_converter's table
(`country_data.tsv`, UN M49); run it with that package importable:

    pip install --target /tmp/coco country_converter
    PYTHONPATH=/tmp/coco python -m graph.export.acled_regions_build
"""
from __future__ import annotations

import csv
from pathlib import Path

RENAME = {"Northern America": "North America", "Central Asia": "Caucasus and Central Asia",
          "Eastern Asia": "East Asia", "South-eastern Asia": "Southeast Asia", "Southern Asia": "South Asia",
          "Western Asia": "Middle East", "Eastern Europe": "Europe", "Northern Europe": "Europe",
          "Southern Europe": "Europe", "Western Europe": "Europe", "Australia and New Zealand": "Oceania",
          "Melanesia": "Oceania", "Micronesia": "Oceania", "Polynesia": "Oceania"}
BY_COUNTRY = {"AM": "Caucasus and Central Asia", "AZ": "Caucasus and Central Asia", "GE": "Caucasus and Central Asia",
              "CY": "Europe", "IR": "Middle East"}
OUT = Path(__file__).resolve().parents[2] / "ontologies" / "acled_regions.tsv"


def main() -> None:
    import country_converter

    src = Path(country_converter.__file__).with_name("country_data.tsv")
    rows = []
    with src.open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if not r["ISO2"] or r.get("obsolete"):
                continue
            un = r["UNregion"] or ""
            region = BY_COUNTRY.get(r["ISO2"]) or RENAME.get(un, un)
            rows.append((r["ISO2"], r["ISO3"], r["ISOnumeric"], r["name_short"], un, region))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# ACLED regions by country. version 1; built by graph/export/acled_regions_build.py from\n"
                "# country_converter's UN M49 sub-regions, regrouped as ACLED's codebook names its regions.\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["iso2", "iso3", "iso_numeric", "country", "un_region", "acled_region"])
        w.writerows(sorted(rows))


if __name__ == "__main__":
    main()
